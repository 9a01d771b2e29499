package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.IWorkbenchPart;

import oko.diagram.Arrangement.Key;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.ui.internal.Parts.EdgePart;
import oko.diagram.ui.internal.Parts.NodePart;
import oko.ui.navigator.Navigator;

/**
 * The diagram editor's selection as semantic elements (for the Properties view and the navigator),
 * and the navigator's selection followed in the diagram: selecting a node there reveals it in the
 * navigator, and selecting an element in the navigator selects its nodes here.
 */
final class DiagramSelection implements ISelectionProvider, ISelectionListener {

    private final IWorkbenchPart editor;
    private final DiagramContent content;
    private final GraphicalViewer graphical;
    private final CDOView view;
    private final List<ISelectionChangedListener> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param editor    the editor part (the navigator follows its selection while it is active)
     * @param content   what the diagram shows
     * @param graphical the diagram's viewer
     * @param view      the editor's transaction: elements of other views are matched by id
     */
    DiagramSelection(IWorkbenchPart editor, DiagramContent content, GraphicalViewer graphical, CDOView view) {
        this.editor = editor;
        this.content = content;
        this.graphical = graphical;
        this.view = view;
    }

    /** The selected nodes and edges of a diagram viewer. */
    static List<Object> selectedItems(GraphicalViewer graphical) {
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

    @Override
    public ISelection getSelection() {
        List<EObject> elements = new ArrayList<>();
        for (Object item : graphical == null ? List.of() : selectedItems(graphical)) {
            if (item instanceof Node node) {
                elements.add(node.element());
            }
        }
        if (elements.isEmpty() && content.shown() != null) {
            elements.add(content.shown().diagram().root());
        }
        return new StructuredSelection(elements);
    }

    /** Tells the listeners, and the navigator while the editor is active, what is selected now. */
    void changed() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        listeners.forEach(l -> l.selectionChanged(event));
        var page = editor.getSite().getPage();
        if (page.getActivePart() == editor
                && event.getStructuredSelection().getFirstElement() instanceof EObject element
                && Navigator.find(page).orElse(null) instanceof Navigator navigator) {
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

    /** The navigator's selection, shown here (a post-selection listener of the page). */
    @Override
    public void selectionChanged(IWorkbenchPart part, ISelection chosen) {
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

    /** Selects the nodes showing these elements (objects of any view: matched by id). */
    void select(List<? extends EObject> elements) {
        List<EditPart> parts = new ArrayList<>();
        for (EObject element : elements) {
            EObject local = local(element);
            for (Map.Entry<Key, Node> entry : content.nodes().entrySet()) {
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
        if (object.cdoView() == view || object.cdoID() == null) {
            return element;
        }
        try {
            return view.getObject(object.cdoID());
        } catch (RuntimeException gone) {
            return null;
        }
    }

    /**
     * Where each semantic element's figure is drawn, in diagram coordinates (zoom and scrolling
     * taken out).
     */
    Map<EObject, Rectangle> figureBounds() {
        IFigure layer = ((LayerManager) graphical.getRootEditPart()).getLayer(LayerConstants.PRIMARY_LAYER);
        Map<EObject, Rectangle> map = new LinkedHashMap<>();
        content.nodes().forEach((key, node) -> {
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
