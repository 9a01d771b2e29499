package oko.diagram.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.DefaultEditDomain;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;
import org.eclipse.gef.ui.palette.PaletteViewer;
import org.eclipse.gef.ui.parts.GraphicalViewerKeyHandler;
import org.eclipse.gef.ui.parts.ScrollingGraphicalViewer;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.actions.ActionFactory;

import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Key;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.diagram.ui.internal.Parts.NodePart;
import oko.ui.editors.TransactionalEditor;

/**
 * A stored diagram on GEF: the description interpreted on every change (of this editor, or a
 * commit of another client), nodes where the stored layout puts them, a palette with the
 * description's tools. Every change, to the model or the layout, is an EMF command on the
 * editor's stack and is committed with Save.
 * <p>
 * This class wires the parts together and offers the editing actions; the parts are
 * {@link DiagramContent} (what is shown), {@link Parts} (the edit parts), {@link DiagramPalette},
 * {@link DiagramContextMenu}, {@link DiagramSelection} (selection both ways with the navigator),
 * {@link DiagramZoom}, {@link DiagramExport} and {@link InPlaceRename}.
 */
public final class DiagramEditor extends TransactionalEditor implements DiagramHost {

    public static final String ID = "oko.diagram.ui.editor";

    private DiagramContent content;
    private final Colors colors = new Colors();
    private SwtTextMeasure measure;
    private Composite top;
    private org.eclipse.swt.widgets.Label message;
    private ScrollingGraphicalViewer graphical;
    private DiagramPalette palette;
    private DiagramSelection selection;
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
        // what a diagram shows may lie in other models of the repository (the illustrative data's
        // monitorings refer to a direction of the seeds): the queries look in every loaded model
        oko.repository.OkoRepository.roots(transaction);
        measure = new SwtTextMeasure(colors);
        content = new DiagramContent((Representation) root, measure);
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
        DefaultEditDomain editDomain = new DefaultEditDomain(this);
        editDomain.setCommandStack(Commands.stack((BasicCommandStack) domain.getCommandStack()));
        palette = new DiagramPalette(content);
        palette.viewer().createControl(sash);
        RedrawingUpdateManager.install(palette.viewer());
        editDomain.setPaletteViewer(palette.viewer());
        graphical = new ScrollingGraphicalViewer();
        graphical.createControl(sash);
        RedrawingUpdateManager.install(graphical);
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
        menu.addMenuListener(new DiagramContextMenu(this, delete)::fill);
        graphical.getControl().setMenu(menu.createContextMenu(graphical.getControl()));
        selection = new DiagramSelection(this, content, graphical, transaction);
        graphical.addSelectionChangedListener(event -> selection.changed());
        getSite().setSelectionProvider(selection);
        getSite().getPage().addPostSelectionListener(selection);
        installUndoRedo(getEditorSite().getActionBars());
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        getEditorSite().getActionBars().updateActionBars();
        palette.viewer().setPaletteRoot(palette.root());
        editDomain.setPaletteRoot(palette.viewer().getPaletteRoot());
        rebuild();
        graphical.setContents(content.representation());
        stackChanged();
        // a diagram larger than the window opens zoomed out to show all of it, if still readable
        top.getDisplay().asyncExec(() -> {
            if (!graphical.getControl().isDisposed()) {
                zoomToFit();
            }
        });
    }

    // ---- what is shown

    /** Interprets the description again with the stored layout; edit parts are refreshed after. */
    private void rebuild() {
        List<String> problems = content.rebuild();
        message.setText(String.join("\n", problems));
        ((GridData) message.getLayoutData()).exclude = problems.isEmpty();
        message.setVisible(!problems.isEmpty());
        top.layout(true, true);
        if (content.representation().getName() != null) {
            setPartName(content.representation().getName());
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

    /** Reads the description again (after Reload diagram descriptions) and redraws. */
    public void descriptionsReloaded() {
        content.reloadDescription();
        palette.refresh();
        refreshContent();
    }

    @Override
    public Representation representation() {
        return content.representation();
    }

    @Override
    public DiagramDescription description() {
        return content.description();
    }

    @Override
    public Colors colors() {
        return colors;
    }

    @Override
    public SwtTextMeasure measure() {
        return measure;
    }

    /** What the diagram shows now (null when it cannot be shown, with the reason above it). */
    public Shown shown() {
        return content.shown();
    }

    @Override
    public Node node(Key key) {
        return content.node(key);
    }

    @Override
    public Edge edge(EdgeKey key) {
        return content.edge(key);
    }

    @Override
    public Bounds bounds(Node node) {
        return content.bounds(node);
    }

    @Override
    public int[] route(Edge edge) {
        return content.route(edge);
    }

    @Override
    public List<Key> topKeys() {
        return content.topKeys();
    }

    @Override
    public List<EdgeKey> edgeKeys(Key node, boolean source) {
        return content.edgeKeys(node, source);
    }

    /** The text shown above the diagram (problems), empty when all is well. */
    public String message() {
        return message.getText();
    }

    public GraphicalViewer graphicalViewer() {
        return graphical;
    }

    public PaletteViewer paletteViewer() {
        return palette.viewer();
    }

    // ---- zoom

    /** The zoom that shows the whole diagram (not below 60 %, not above 100 %). */
    public void zoomToFit() {
        DiagramZoom.fit(graphical);
    }

    /** Zooms (1 = 100 %) and scrolls back to the top left corner. */
    public void setZoom(double zoom) {
        DiagramZoom.setAndScrollHome(graphical, zoom);
    }

    /** The current zoom (1 = 100 %). */
    public double zoom() {
        return DiagramZoom.get(graphical);
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

    /**
     * The create-node command of a tool in a container node or at a diagram position (used by the
     * palette's creation tool); executed, it starts renaming the new node in place.
     */
    @Override
    public org.eclipse.emf.common.command.Command createNodeCommand(CreateNodeTool tool, Node target, int x, int y) {
        Shown shown = content.shown();
        if (shown == null) {
            return null;
        }
        org.eclipse.emf.common.command.Command create = DiagramEditing.createNode(domain, content.representation(),
                shown.diagram(), shown.bounds(), tool, target, target == null ? new double[] { x, y } : null);
        if (!(create instanceof DiagramEditing.Creation creation)) {
            return create;
        }
        return new org.eclipse.emf.common.command.CommandWrapper(creation) {
            @Override
            public void execute() {
                super.execute();
                // after the refresh the command stack's change queues: the new node's part exists then
                top.getDisplay().asyncExec(() -> renameCreated(creation.element(), 2));
            }
        };
    }

    /** Starts renaming the node of a just created element in place, when the tool's mapping can be renamed. */
    private void renameCreated(EObject element, int attempts) {
        if (graphical == null || graphical.getControl().isDisposed()) {
            return;
        }
        if (content.shown() == null || content.shown().node(element) == null) {
            if (attempts > 0) {
                top.getDisplay().asyncExec(() -> renameCreated(element, attempts - 1));
            }
            return;
        }
        for (Object part : graphical.getEditPartRegistry().values()) {
            if (part instanceof NodePart node && node.key().element() == element) {
                graphical.select(node);
                graphical.reveal(node);
                node.performRequest(new org.eclipse.gef.Request(org.eclipse.gef.RequestConstants.REQ_DIRECT_EDIT));
                return;
            }
        }
    }

    public void arrangeAll() {
        if (content.shown() != null) {
            execute(DiagramEditing.arrangeAll(domain, content.representation(), content.shown().diagram(), measure));
        }
    }

    public void showHidden() {
        execute(DiagramEditing.showHidden(domain, content.representation()));
    }

    /** Turns a layer or filter of the description on or off; the palette follows the layers. */
    public void setActive(String id, boolean on) {
        if (execute(DiagramEditing.toggle(domain, content.representation(), content.description(), id, on))) {
            palette.refresh();
        }
    }

    /** The selected nodes and edges. */
    public List<Object> selectedItems() {
        return DiagramSelection.selectedItems(graphical);
    }

    public boolean deleteSelected() {
        List<Object> items = selectedItems();
        return !items.isEmpty()
                && execute(DiagramEditing.delete(domain, content.representation(), content.description(), items));
    }

    public void hideSelected() {
        List<Object> selected = selectedItems().stream().filter(i -> i instanceof Node || i instanceof Edge).toList();
        if (!selected.isEmpty()) {
            execute(DiagramEditing.hide(domain, content.representation(), selected));
        }
    }

    /** Unpins the selected nodes: Arrange All may move them again. */
    public void unpinSelected() {
        List<Node> selected = selectedItems().stream().filter(Node.class::isInstance).map(Node.class::cast).toList();
        if (!selected.isEmpty()) {
            execute(DiagramEditing.unpin(domain, content.representation(), selected));
        }
    }

    void renameSelected() {
        List<?> parts = graphical.getSelectedEditParts();
        if (parts.size() == 1 && parts.get(0) instanceof NodePart part) {
            part.performRequest(new org.eclipse.gef.Request(org.eclipse.gef.RequestConstants.REQ_DIRECT_EDIT));
        }
    }

    /** Rename in place: a text field over the node, committed with Enter. */
    @Override
    public void directEdit(NodePart part) {
        InPlaceRename.show(part, content.description());
    }

    // ---- export

    /** Asks where, then writes the diagram as PNG or SVG ({@code format}); a failure is shown and logged. */
    public void export(String format) {
        DiagramExport.ask(getSite().getShell(), getPartName(), format,
                (kind, file) -> {
                    if (kind.equals("png")) {
                        exportPng(file);
                    } else {
                        exportSvg(file);
                    }
                });
    }

    /** The diagram as drawn, as a PNG image. */
    public void exportPng(Path file) throws IOException {
        DiagramExport.png(graphical, file);
    }

    /** The diagram as an SVG drawing (same shapes, colours and places). */
    public void exportSvg(Path file) throws IOException {
        DiagramExport.svg(content.shown(), message(), file);
    }

    // ---- selection

    /** Selects the nodes showing these elements (objects of any view: matched by id). */
    public void select(List<? extends EObject> elements) {
        selection.select(elements);
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
        if (selection != null) {
            getSite().getPage().removePostSelectionListener(selection);
        }
        super.dispose();
        colors.dispose();
    }

    /**
     * For the tests: where each semantic element's figure is drawn, in diagram coordinates (zoom
     * and scrolling taken out).
     */
    public Map<EObject, Rectangle> figureBounds() {
        return selection.figureBounds();
    }
}
