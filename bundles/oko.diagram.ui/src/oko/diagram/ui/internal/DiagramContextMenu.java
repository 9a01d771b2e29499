package oko.diagram.ui.internal;

import java.util.List;

import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.swt.SWT;

import oko.diagram.Arrangement;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DirectEditTool;
import oko.diagram.description.Filter;
import oko.diagram.description.Layer;
import oko.diagram.representation.Representation;

/**
 * The diagram's context menu, filled each time it opens: Rename, Delete, Hide, Show hidden;
 * Arrange all, the zooms; the optional layers and the filters as check boxes; export as PNG/SVG.
 */
final class DiagramContextMenu {

    private final DiagramEditor editor;
    private final IAction delete;

    /**
     * @param editor the diagram editor the actions work on
     * @param delete the editor's Delete action (also the Edit ▸ Delete handler), enabled here
     */
    DiagramContextMenu(DiagramEditor editor, IAction delete) {
        this.editor = editor;
        this.delete = delete;
    }

    void fill(IMenuManager menu) {
        List<Object> items = editor.selectedItems();
        DiagramDescription description = editor.description();
        Representation representation = editor.representation();
        IAction rename = action(Messages.actionRename, editor::renameSelected);
        rename.setEnabled(items.size() == 1 && items.get(0) instanceof Node node
                && DiagramEditing.toolFor(description, DirectEditTool.class, node.mapping()) != null);
        rename.setAccelerator(SWT.F2);
        menu.add(rename);
        delete.setEnabled(!items.isEmpty()
                && DiagramEditing.delete(editor.getEditingDomain(), representation, description, items).canExecute());
        menu.add(delete);
        IAction hide = action(Messages.actionHide, editor::hideSelected);
        hide.setEnabled(items.stream().anyMatch(i -> i instanceof Node || i instanceof oko.diagram.DiagramInterpreter.Edge));
        menu.add(hide);
        IAction unpin = action(Messages.actionUnpin, editor::unpinSelected);
        unpin.setEnabled(DiagramEditing.pinned(representation,
                items.stream().filter(Node.class::isInstance).map(Node.class::cast).toList()));
        menu.add(unpin);
        menu.add(action(Messages.actionShowHidden, editor::showHidden));
        menu.add(new Separator());
        menu.add(action(Messages.actionArrangeAll, editor::arrangeAll));
        menu.add(action(Messages.actionZoomFit, editor::zoomToFit));
        menu.add(action(Messages.actionZoom100, () -> DiagramZoom.set(editor.graphicalViewer(), 1.0)));
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
        menu.add(action(Messages.actionExportPng, () -> editor.export("png")));
        menu.add(action(Messages.actionExportSvg, () -> editor.export("svg")));
    }

    private static IAction action(String label, Runnable run) {
        return new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        };
    }

    private IAction toggle(String id, String label, boolean on) {
        Action action = new Action(label, IAction.AS_CHECK_BOX) {
            @Override
            public void run() {
                editor.setActive(id, isChecked());
            }
        };
        action.setChecked(on);
        return action;
    }
}
