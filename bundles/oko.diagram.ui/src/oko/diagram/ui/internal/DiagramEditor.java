package oko.diagram.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.palette.ConnectionCreationToolEntry;
import org.eclipse.gef.palette.CreationToolEntry;
import org.eclipse.gef.palette.MarqueeToolEntry;
import org.eclipse.gef.palette.PaletteDrawer;
import org.eclipse.gef.palette.PaletteGroup;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.palette.SelectionToolEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.gef.tools.CellEditorLocator;
import org.eclipse.gef.tools.DirectEditManager;
import org.eclipse.gef.ui.palette.PaletteViewer;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.actions.ActionFactory;

import oko.diagram.Arrangement;
import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Key;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DescriptionRegistry;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.SvgExport;
import oko.diagram.description.CreateEdgeTool;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DirectEditTool;
import oko.diagram.description.Filter;
import oko.diagram.description.Layer;
import oko.diagram.description.NodeStyle;
import oko.diagram.description.Tool;
import oko.diagram.representation.Representation;
import oko.diagram.ui.internal.Parts.EdgePart;
import oko.diagram.ui.internal.Parts.NodePart;
import oko.ui.editors.TransactionalEditor;
import oko.ui.navigator.Navigator;

/**
 * A stored diagram on GEF: the description interpreted on every change (of this editor, or a
 * commit of another client), nodes where the stored layout puts them, a palette with the
 * description's tools. Every change, to the model or the layout, is an EMF command on the
 * editor's stack and is committed with Save.
 */
public final class DiagramEditor extends TransactionalEditor {

    public static final String ID = "oko.diagram.ui.editor";

    private Representation representation;
    private DiagramDescription description;
    private Shown shown;
    private final Map<Key, Node> nodes = new HashMap<>();
    private final Map<EdgeKey, Edge> edges = new HashMap<>();
    private final Map<Key, List<EdgeKey>> outgoing = new HashMap<>();
    private final Map<Key, List<EdgeKey>> incoming = new HashMap<>();
    private final Colors colors = new Colors();
    private Composite top;
    private org.eclipse.swt.widgets.Label message;
    private ScrollingGraphicalViewer graphical;
    private PaletteViewer palette;
    private DefaultEditDomain editDomain;
    private final SemanticSelection selection = new SemanticSelection();
    private final ISelectionListener navigatorListener = this::navigatorSelected;
    private final IAction delete = new Action(Messages.actionDelete) {
        @Override
        public void run() {
            deleteSelected();
        }
    };

    @Override
    protected String title() {
        return Messages.editorTitle;
    }

    @Override
    public org.eclipse.jface.viewers.ColumnViewer viewer() {
        return null;
    }

    @Override
    protected Control control() {
        return top;
    }

    @Override
    public void createPartControl(Composite parent) {
        representation = (Representation) root;
        DiagramHandler.useDataDirectory();
        description = DescriptionRegistry.byId(representation.getDescription()).orElse(null);
        top = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 0;
        layout.marginHeight = 0;
        layout.verticalSpacing = 0;
        top.setLayout(layout);
        message = new org.eclipse.swt.widgets.Label(top, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        SashForm sash = new SashForm(top, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        editDomain = new DefaultEditDomain(this);
        editDomain.setCommandStack(Commands.stack((BasicCommandStack) domain.getCommandStack()));
        palette = new PaletteViewer();
        palette.createControl(sash);
        editDomain.setPaletteViewer(palette);
        graphical = new ScrollingGraphicalViewer();
        graphical.createControl(sash);
        graphical.getControl().setBackground(graphical.getControl().getDisplay().getSystemColor(SWT.COLOR_WHITE));
        graphical.setRootEditPart(new ScalableFreeformRootEditPart());
        graphical.setEditPartFactory(new Parts(this));
        graphical.setKeyHandler(new GraphicalViewerKeyHandler(graphical) {
            @Override
            public boolean keyPressed(org.eclipse.swt.events.KeyEvent event) {
                if (event.keyCode == SWT.F2) {
                    renameSelected();
                    return true;
                }
                return super.keyPressed(event);
            }
        });
        editDomain.addViewer(graphical);
        sash.setWeights(16, 84);
        MenuManager menu = new MenuManager("#DiagramMenu");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        graphical.getControl().setMenu(menu.createContextMenu(graphical.getControl()));
        graphical.addSelectionChangedListener(event -> selection.changed());
        getSite().setSelectionProvider(selection);
        getSite().getPage().addPostSelectionListener(navigatorListener);
        installUndoRedo(getEditorSite().getActionBars());
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        getEditorSite().getActionBars().updateActionBars();
        palette.setPaletteRoot(paletteRoot());
        editDomain.setPaletteRoot(palette.getPaletteRoot());
        rebuild();
        graphical.setContents(representation);
        stackChanged();
        // a diagram larger than the window opens zoomed out to show all of it, if still readable
        top.getDisplay().asyncExec(() -> {
            if (!graphical.getControl().isDisposed()) {
                zoomToFit();
            }
        });
    }

    /** The zoom that shows the whole diagram (not below 60 %, not above 100 %). */
    public void zoomToFit() {
        ScalableFreeformRootEditPart rootPart = (ScalableFreeformRootEditPart) graphical.getRootEditPart();
        IFigure figure = ((LayerManager) rootPart).getLayer(LayerConstants.PRINTABLE_LAYERS);
        Rectangle extent = ((FreeformFigure) figure).getFreeformExtent();
        org.eclipse.swt.graphics.Point size = graphical.getControl().getSize();
        if (extent.width <= 0 || extent.height <= 0 || size.x <= 0 || size.y <= 0) {
            return;
        }
        double fit = Math.min((size.x - 20) / (double) (extent.right() + 10), (size.y - 20) / (double) (extent.bottom() + 10));
        rootPart.getZoomManager().setZoom(Math.max(0.6, Math.min(1.0, fit)));
    }

    /** Zooms (1 = 100 %) and scrolls back to the top left corner. */
    public void setZoom(double zoom) {
        ((ScalableFreeformRootEditPart) graphical.getRootEditPart()).getZoomManager().setZoom(zoom);
        ((org.eclipse.draw2d.FigureCanvas) graphical.getControl()).scrollTo(0, 0);
    }

    /** The current zoom (1 = 100 %). */
    public double zoom() {
        return ((ScalableFreeformRootEditPart) graphical.getRootEditPart()).getZoomManager().getZoom();
    }

    // ---- what is shown

    /** Interprets the description again with the stored layout; edit parts are refreshed after. */
    private void rebuild() {
        nodes.clear();
        edges.clear();
        outgoing.clear();
        incoming.clear();
        List<String> problems = new ArrayList<>();
        shown = null;
        if (description == null) {
            problems.add(Messages.bind(Messages.noDescription, representation.getName(), representation.getDescription()));
        } else if (!Arrangement.alive(representation.getTarget())) {
            problems.add(Messages.bind(Messages.targetGone, representation.getName()));
        } else {
            try {
                shown = Arrangement.arrange(representation, description);
                problems.addAll(shown.diagram().problems());
            } catch (RuntimeException e) {
                ILog.of(DiagramEditor.class).error(representation.getName() + ": " + e, e);
                problems.add(Messages.bind(Messages.interpretFailed, representation.getName(), e.toString()));
            }
        }
        if (shown != null) {
            for (Node node : shown.diagram().allNodes()) {
                nodes.putIfAbsent(Arrangement.key(node), node);
            }
            for (Edge edge : shown.diagram().edges()) {
                EdgeKey key = Arrangement.key(edge);
                if (edges.putIfAbsent(key, edge) == null) {
                    outgoing.computeIfAbsent(Arrangement.key(edge.source()), k -> new ArrayList<>()).add(key);
                    incoming.computeIfAbsent(Arrangement.key(edge.target()), k -> new ArrayList<>()).add(key);
                }
            }
        }
        message.setText(String.join("\n", problems));
        ((GridData) message.getLayoutData()).exclude = problems.isEmpty();
        message.setVisible(!problems.isEmpty());
        top.layout(true, true);
        if (representation.getName() != null) {
            setPartName(representation.getName());
        }
    }

    @Override
    protected void refreshContent() {
        if (graphical == null || graphical.getControl().isDisposed()) {
            return;
        }
        rebuild();
        EditPart contents = graphical.getContents();
        if (contents != null) {
            refresh(contents);
        }
        selection.changed();
    }

    private static void refresh(EditPart part) {
        part.refresh();
        for (Object child : part.getChildren()) {
            refresh((EditPart) child);
        }
        if (part instanceof org.eclipse.gef.GraphicalEditPart graphicalPart) {
            for (Object connection : graphicalPart.getSourceConnections()) {
                ((EditPart) connection).refresh();
            }
        }
    }

    public Representation representation() {
        return representation;
    }

    public DiagramDescription description() {
        return description;
    }

    public Colors colors() {
        return colors;
    }

    /** What the diagram shows now (null when it cannot be shown, with the reason above it). */
    public Shown shown() {
        return shown;
    }

    public Node node(Key key) {
        return nodes.get(key);
    }

    public Edge edge(EdgeKey key) {
        return edges.get(key);
    }

    public Bounds bounds(Node node) {
        return shown.bounds().get(node);
    }

    public int[] route(Edge edge) {
        return shown.routes().get(edge);
    }

    public List<Key> topKeys() {
        return shown == null ? List.of() : shown.diagram().nodes().stream().map(Arrangement::key).distinct().toList();
    }

    public List<EdgeKey> edgeKeys(Key node, boolean source) {
        return (source ? outgoing : incoming).getOrDefault(node, List.of());
    }

    /** The text shown above the diagram (problems), empty when all is well. */
    public String message() {
        return message.getText();
    }

    public GraphicalViewer graphicalViewer() {
        return graphical;
    }

    public PaletteViewer paletteViewer() {
        return palette;
    }

    // ---- palette

    private PaletteRoot paletteRoot() {
        PaletteRoot root = new PaletteRoot();
        PaletteGroup group = new PaletteGroup(Messages.paletteTools);
        SelectionToolEntry select = new SelectionToolEntry(Messages.paletteSelect);
        group.add(select);
        group.add(new MarqueeToolEntry(Messages.paletteMarquee));
        root.add(group);
        root.setDefaultEntry(select);
        drawers().forEach(root::add);
        return root;
    }

    /**
     * The drawers follow the active layers. The root and its selection tools stay: GEF 3.2 fails
     * when a whole new root replaces the one whose default tool is active.
     */
    private void refreshPalette() {
        PaletteRoot root = palette.getPaletteRoot();
        palette.setActiveTool(root.getDefaultEntry());
        for (Object child : new ArrayList<>(root.getChildren())) {
            if (child instanceof PaletteDrawer drawer) {
                root.remove(drawer);
            }
        }
        drawers().forEach(root::add);
    }

    private List<PaletteDrawer> drawers() {
        List<PaletteDrawer> drawers = new ArrayList<>();
        if (description == null) {
            return drawers;
        }
        for (Layer layer : Arrangement.layers(representation, description)) {
            PaletteDrawer drawer = new PaletteDrawer(layer.getLabel());
            for (Tool tool : layer.getTools()) {
                if (tool instanceof CreateNodeTool create) {
                    ImageDescriptor icon = icon(create.getMapping().getStyle());
                    drawer.add(new CreationToolEntry(tool.getLabel(), Messages.bind(Messages.paletteCreate, tool.getLabel()),
                            factory(tool), icon, icon));
                } else if (tool instanceof CreateEdgeTool connect) {
                    ImageDescriptor icon = edgeIcon(connect);
                    drawer.add(new ConnectionCreationToolEntry(tool.getLabel(),
                            Messages.bind(Messages.paletteConnect, tool.getLabel()), factory(tool), icon, icon));
                }
            }
            if (!drawer.getChildren().isEmpty()) {
                drawers.add(drawer);
            }
        }
        return drawers;
    }

    private static CreationFactory factory(Tool tool) {
        return new CreationFactory() {
            @Override
            public Object getNewObject() {
                return tool;
            }

            @Override
            public Object getObjectType() {
                return tool.eClass();
            }
        };
    }

    /** A small square in the mapping's colours. */
    private static ImageDescriptor icon(NodeStyle style) {
        RGB fill = Colors.rgb(style.getBackground(), new RGB(255, 255, 255));
        RGB border = Colors.rgb(style.getBorderColor(), new RGB(80, 80, 80));
        ImageData data = new ImageData(16, 16, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.transparentPixel = data.palette.getPixel(new RGB(254, 254, 254));
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                boolean edge = x == 1 || y == 2 || x == 14 || y == 13;
                boolean inside = x > 1 && x < 14 && y > 2 && y < 13;
                data.setPixel(x, y, data.palette.getPixel(edge && x >= 1 && x <= 14 && y >= 2 && y <= 13 ? border
                        : inside ? fill : new RGB(254, 254, 254)));
            }
        }
        return ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? data : null);
    }

    private static ImageDescriptor edgeIcon(CreateEdgeTool tool) {
        RGB line = Colors.rgb(tool.getMapping().getStyle().getForeground(), new RGB(60, 60, 60));
        ImageData data = new ImageData(16, 16, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.transparentPixel = data.palette.getPixel(new RGB(254, 254, 254));
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                boolean on = Math.abs(x - (15 - y)) <= 0 || (x >= 11 && y <= 4 && (x == 14 || y == 1));
                data.setPixel(x, y, data.palette.getPixel(on ? line : new RGB(254, 254, 254)));
            }
        }
        return ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? data : null);
    }

    // ---- commands

    /** Runs a model command on this editor's stack (undoable; saved with Save). */
    public boolean execute(org.eclipse.emf.common.command.Command command) {
        if (command == null || !command.canExecute()) {
            return false;
        }
        domain.getCommandStack().execute(command);
        return true;
    }

    /** The create-node command of a tool at a diagram position (used by the palette's creation tool). */
    public org.eclipse.emf.common.command.Command createNodeCommand(CreateNodeTool tool, int x, int y) {
        return DiagramEditing.createNode(domain, representation, shown.diagram(), shown.bounds(), tool,
                new double[] { x, y });
    }

    public void arrangeAll() {
        if (shown != null) {
            execute(DiagramEditing.arrangeAll(domain, representation, shown.diagram()));
        }
    }

    public void showHidden() {
        execute(DiagramEditing.showHidden(domain, representation));
    }

    /** Turns a layer or filter of the description on or off; the palette follows the layers. */
    public void setActive(String id, boolean on) {
        if (execute(DiagramEditing.toggle(domain, representation, description, id, on))) {
            refreshPalette();
        }
    }

    /** The selected nodes and edges. */
    public List<Object> selectedItems() {
        List<Object> items = new ArrayList<>();
        for (Object part : graphical.getSelectedEditParts()) {
            if (part instanceof NodePart node && node.node() != null) {
                items.add(node.node());
            } else if (part instanceof EdgePart edge && edge.edge() != null) {
                items.add(edge.edge());
            }
        }
        return items;
    }

    public boolean deleteSelected() {
        List<Object> items = selectedItems();
        return !items.isEmpty() && execute(DiagramEditing.delete(domain, representation, description, items));
    }

    public void hideSelected() {
        List<Node> selected = selectedItems().stream().filter(Node.class::isInstance).map(Node.class::cast)
                .filter(n -> shown.diagram().nodes().contains(n)).toList();
        if (!selected.isEmpty()) {
            execute(DiagramEditing.hide(domain, representation, selected));
        }
    }

    private void renameSelected() {
        List<?> parts = graphical.getSelectedEditParts();
        if (parts.size() == 1 && parts.get(0) instanceof NodePart part) {
            part.performRequest(new org.eclipse.gef.Request(org.eclipse.gef.RequestConstants.REQ_DIRECT_EDIT));
        }
    }

    /** Rename in place: a text field over the node, committed with Enter. */
    public void directEdit(NodePart part) {
        Node node = part.node();
        DirectEditTool tool = DiagramEditing.toolFor(description, DirectEditTool.class, node.mapping());
        EStructuralFeature feature = node.element().eClass()
                .getEStructuralFeature(tool.getFeature() == null ? "name" : tool.getFeature());
        Object value = feature == null ? "" : node.element().eGet(feature);
        new DirectEditManager(part, TextCellEditor.class, new CellEditorLocator() {
            @Override
            public void relocate(CellEditor editor) {
                Text text = (Text) editor.getControl();
                Rectangle r = part.getFigure().getBounds().getCopy();
                part.getFigure().translateToAbsolute(r);
                int height = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
                text.setBounds(r.x, r.y + Math.max(0, (r.height - height) / 2), Math.max(r.width, 120), height);
            }
        }) {
            @Override
            protected void initCellEditor() {
                getCellEditor().setValue(value == null ? "" : String.valueOf(value));
                ((Text) getCellEditor().getControl()).selectAll();
            }
        }.show();
    }

    private void fillContextMenu(IMenuManager menu) {
        List<Object> items = selectedItems();
        Action rename = new Action(Messages.actionRename) {
            @Override
            public void run() {
                renameSelected();
            }
        };
        rename.setEnabled(items.size() == 1 && items.get(0) instanceof Node node
                && DiagramEditing.toolFor(description, DirectEditTool.class, node.mapping()) != null);
        rename.setAccelerator(SWT.F2);
        menu.add(rename);
        delete.setEnabled(!items.isEmpty()
                && DiagramEditing.delete(domain, representation, description, items).canExecute());
        menu.add(delete);
        Action hide = new Action(Messages.actionHide) {
            @Override
            public void run() {
                hideSelected();
            }
        };
        hide.setEnabled(items.stream().anyMatch(Node.class::isInstance));
        menu.add(hide);
        menu.add(new Action(Messages.actionShowHidden) {
            @Override
            public void run() {
                showHidden();
            }
        });
        menu.add(new Separator());
        menu.add(new Action(Messages.actionArrangeAll) {
            @Override
            public void run() {
                arrangeAll();
            }
        });
        menu.add(new Action(Messages.actionZoomFit) {
            @Override
            public void run() {
                zoomToFit();
            }
        });
        menu.add(new Action(Messages.actionZoom100) {
            @Override
            public void run() {
                ((ScalableFreeformRootEditPart) graphical.getRootEditPart()).getZoomManager().setZoom(1.0);
            }
        });
        if (description != null) {
            MenuManager layers = new MenuManager(Messages.menuLayers);
            List<Layer> active = Arrangement.layers(representation, description);
            for (Layer layer : description.getLayers()) {
                if (layer.isOptional()) {
                    layers.add(toggle(layer.getId(), layer.getLabel(), active.contains(layer)));
                }
            }
            MenuManager filters = new MenuManager(Messages.menuFilters);
            List<Filter> applied = Arrangement.filters(representation, description);
            for (Filter filter : description.getFilters()) {
                filters.add(toggle(filter.getId(), filter.getLabel(), applied.contains(filter)));
            }
            menu.add(layers);
            menu.add(filters);
        }
        menu.add(new Separator());
        menu.add(new Action(Messages.actionExportPng) {
            @Override
            public void run() {
                DiagramHandler.export(DiagramEditor.this, "png");
            }
        });
        menu.add(new Action(Messages.actionExportSvg) {
            @Override
            public void run() {
                DiagramHandler.export(DiagramEditor.this, "svg");
            }
        });
    }

    private IAction toggle(String id, String label, boolean on) {
        Action action = new Action(label, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                setActive(id, isChecked());
            }
        };
        action.setChecked(on);
        return action;
    }

    /** Reads the description again (after Reload diagram descriptions) and redraws. */
    public void descriptionsReloaded() {
        description = DescriptionRegistry.byId(representation.getDescription()).orElse(null);
        refreshPalette();
        refreshContent();
    }

    // ---- export

    /** The diagram as drawn, as a PNG image. */
    public void exportPng(Path file) throws java.io.IOException {
        LayerManager layers = (LayerManager) graphical.getEditPartRegistry().get(LayerManager.ID);
        IFigure figure = layers.getLayer(LayerConstants.PRINTABLE_LAYERS);
        Rectangle extent = ((FreeformFigure) figure).getFreeformExtent().getCopy().expand(10, 10);
        extent.width = Math.max(extent.width, 20);
        extent.height = Math.max(extent.height, 20);
        Image image = new Image(graphical.getControl().getDisplay(), extent.width, extent.height);
        GC gc = new GC(image);
        SWTGraphics graphics = new SWTGraphics(gc);
        try {
            graphics.setBackgroundColor(graphical.getControl().getDisplay().getSystemColor(SWT.COLOR_WHITE));
            graphics.fillRectangle(0, 0, extent.width, extent.height);
            graphics.translate(-extent.x, -extent.y);
            figure.paint(graphics);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(file)) {
                loader.save(out, SWT.IMAGE_PNG);
            }
        } finally {
            graphics.dispose();
            gc.dispose();
            image.dispose();
        }
    }

    /** The diagram as an SVG drawing (same shapes, colours and places). */
    public void exportSvg(Path file) throws java.io.IOException {
        if (shown == null) {
            throw new java.io.IOException(message());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, SvgExport.svg(shown));
    }

    // ---- selection: semantic elements out, navigator selection in

    /** Selects the nodes showing these elements (objects of any view: matched by id). */
    public void select(List<? extends EObject> elements) {
        List<EditPart> parts = new ArrayList<>();
        for (EObject element : elements) {
            EObject local = local(element);
            for (Map.Entry<Key, Node> entry : nodes.entrySet()) {
                if (entry.getKey().element() == local) {
                    Object part = graphical.getEditPartRegistry().get(entry.getKey());
                    if (part instanceof EditPart editPart) {
                        parts.add(editPart);
                    }
                }
            }
        }
        graphical.setSelection(new StructuredSelection(parts));
        if (!parts.isEmpty()) {
            graphical.reveal(parts.get(0));
        }
    }

    private EObject local(EObject element) {
        CDOObject object = CDOUtil.getCDOObject(element);
        if (object.cdoView() == transaction || object.cdoID() == null) {
            return element;
        }
        try {
            return transaction.getObject(object.cdoID());
        } catch (RuntimeException gone) {
            return null;
        }
    }

    private void navigatorSelected(IWorkbenchPart part, ISelection chosen) {
        if (Navigator.is(part) && chosen instanceof IStructuredSelection structured
                && graphical != null && !graphical.getControl().isDisposed()) {
            List<EObject> elements = new ArrayList<>();
            for (Object object : structured.toList()) {
                if (object instanceof EObject element) {
                    elements.add(element);
                }
            }
            select(elements);
        }
    }

    /** The editor's selection as semantic elements, for the Properties view and the navigator. */
    private final class SemanticSelection implements ISelectionProvider {

        private final List<ISelectionChangedListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public ISelection getSelection() {
            List<EObject> elements = new ArrayList<>();
            for (Object item : graphical == null ? List.of() : selectedItems()) {
                if (item instanceof Node node) {
                    elements.add(node.element());
                }
            }
            if (elements.isEmpty() && shown != null) {
                elements.add(shown.diagram().root());
            }
            return new StructuredSelection(elements);
        }

        void changed() {
            SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
            listeners.forEach(l -> l.selectionChanged(event));
            if (getSite().getPage().getActivePart() == DiagramEditor.this
                    && event.getStructuredSelection().getFirstElement() instanceof EObject element
                    && Navigator.find(getSite().getPage()).orElse(null) instanceof Navigator navigator) {
                navigator.select(CDOUtil.getCDOObject(element).cdoID());
            }
        }

        @Override
        public void addSelectionChangedListener(ISelectionChangedListener listener) {
            listeners.add(listener);
        }

        @Override
        public void removeSelectionChangedListener(ISelectionChangedListener listener) {
            listeners.remove(listener);
        }

        @Override
        public void setSelection(ISelection newSelection) {
            if (newSelection instanceof IStructuredSelection structured) {
                select(structured.toList().stream().filter(EObject.class::isInstance).map(EObject.class::cast).toList());
            }
        }
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == GraphicalViewer.class) {
            return adapter.cast(graphical);
        }
        return super.getAdapter(adapter);
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(navigatorListener);
        super.dispose();
        colors.dispose();
    }

    /**
     * For the tests: where each semantic element's figure is drawn, in diagram coordinates (zoom
     * and scrolling taken out).
     */
    public Map<EObject, Rectangle> figureBounds() {
        IFigure layer = ((LayerManager) graphical.getRootEditPart()).getLayer(LayerConstants.PRIMARY_LAYER);
        Map<EObject, Rectangle> map = new LinkedHashMap<>();
        nodes.forEach((key, node) -> {
            Object part = graphical.getEditPartRegistry().get(key);
            if (part instanceof NodePart nodePart) {
                Rectangle r = nodePart.getFigure().getBounds().getCopy();
                nodePart.getFigure().translateToAbsolute(r);
                layer.translateToRelative(r);
                map.putIfAbsent(key.element(), r);
            }
        });
        return map;
    }
}
