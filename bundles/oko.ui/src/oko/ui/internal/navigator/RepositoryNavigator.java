package oko.ui.internal.navigator;

import java.util.List;

import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.part.ViewPart;

import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;
import oko.ui.editors.ObjectEditors;
import oko.ui.navigator.ItemProviderAdapters;
import oko.ui.navigator.Navigator;
import oko.ui.navigator.Registers;

/**
 * The repository navigator: quality systems → directions → stages, indicators, documents, roles,
 * plans, working groups…, each system under its parent system when that is in the repository (a
 * МСОКО under its РСОКО, a school's system under its МСОКО), and per model its registers
 * (organisations, people, periods, clusters, territories), with Russian labels and the model's
 * icons, a filter box, and live refresh when another client commits (CDO invalidations), keeping
 * the selection. It starts collapsed: the systems and the registers' nodes, nothing opened.
 * <p>
 * The model is edited here too ({@link NavigatorEditing}): New ▸, Delete, Copy/Paste, Rename in the
 * context menu and Edit menu, and the Properties view of the selection; each change is an undoable
 * command committed to the repository at once with a comment.
 */
public final class RepositoryNavigator extends ViewPart implements Navigator {

    /** The view's id (the same as {@link Navigator#ID}). */
    public static final String ID = Navigator.ID;

    private final ItemProviderAdapters adapters = new ItemProviderAdapters();
    private TreeViewer viewer;
    private Text filter;
    private CDOView view;
    private NavigatorEditing editing;
    private final List<org.eclipse.ui.views.properties.PropertySheetPage> propertyPages = new java.util.ArrayList<>();
    private final IListener invalidations = event -> {
        if (event instanceof CDOViewInvalidationEvent) {
            refreshLater();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        filter = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.navigatorFilter);
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer = new TreeViewer(parent, SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        viewer.setContentProvider(adapters.contentProvider());
        viewer.setLabelProvider(adapters.labelProvider(viewer.getControl()));
        viewer.setUseHashlookup(true);
        viewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer v, Object parentElement, Object element) {
                String text = filter.getText().strip().toLowerCase();
                return text.isEmpty() || matches(element, text);
            }
        });
        filter.addModifyListener(e -> {
            viewer.refresh();
            if (!filter.getText().isBlank()) {
                viewer.expandToLevel(3);
            }
        });
        getSite().setSelectionProvider(viewer);
        // the editing actions first; bundles contribute to popup:oko.ui.views.navigator at
        // "additions" (New ▸ Diagram, for instance)
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager("#PopupMenu");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            if (editing != null) {
                editing.fillContextMenu(manager, () -> open(viewer.getStructuredSelection().getFirstElement()));
            }
            manager.add(new org.eclipse.jface.action.Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        viewer.addSelectionChangedListener(event -> {
            if (editing != null) {
                editing.selectionChanged(event.getStructuredSelection());
            }
        });
        // Ctrl+Y redoes here on every platform (the workbench binds it on Windows only; GTK has Ctrl+Shift+Z)
        viewer.getControl().addListener(SWT.KeyDown, event -> {
            if (editing != null && (event.stateMask & SWT.MOD1) != 0 && (event.stateMask & SWT.SHIFT) == 0
                    && (event.keyCode == 'y' || event.character == 0x19)) {
                event.doit = false;
                editing.stack().redo();
            }
        });
        viewer.addDoubleClickListener(event -> {
            Object element = ((org.eclipse.jface.viewers.IStructuredSelection) event.getSelection()).getFirstElement();
            if (element instanceof EObject) {
                open(element);
            } else if (element != null) {
                viewer.setExpandedState(element, !viewer.getExpandedState(element));
            }
        });
        // the window shows at once; until the repository is open the tree says what it waits for
        viewer.setInput(List.of(Messages.navigatorConnecting));
        RepositoryConnection.whenConnected(this::show);
    }

    /** An element is shown when it or one of its descendants (up to a few levels) matches. */
    private boolean matches(Object element, String text) {
        return matches(element, text, element instanceof EObject ? 1 : 2);
    }

    private boolean matches(Object element, String text, int depth) {
        String label = element instanceof EObject object ? oko.model.edit.ModelLabels.label(object)
                : element instanceof Registers.Register register ? register.label()
                        : element instanceof Registers.Group group ? group.label() : "";
        if (label.toLowerCase().contains(text)) {
            return true;
        }
        if (element instanceof oko.model.QualitySystem system) {
            // a system is shown when a system under it (at any depth) is
            for (oko.model.QualitySystem below : adapters.systemsBelow(system)) {
                if (matches(below, text, 1)) {
                    return true;
                }
            }
        }
        if (depth > 0) {
            for (Object child : adapters.contentProvider().getChildren(element)) {
                // a system's children start with the systems under it, matched just above
                if (element instanceof oko.model.QualitySystem && child instanceof oko.model.QualitySystem) {
                    continue;
                }
                if (matches(child, text, depth - 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void show(OkoRepository repository) {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            editing = new NavigatorEditing(repository, adapters.factory(), getSite().getShell());
            editing.install(getViewSite().getActionBars());
            editing.stack().addCommandStackListener(event -> display.asyncExec(this::changed));
            editing.selectionChanged(viewer.getStructuredSelection());
            view = editing.transaction();
            view.addListener(invalidations);
            // collapsed: a person opens what they need (the systems and the registers' nodes show)
            viewer.setInput(top(view));
            oko.ui.internal.StartupProbe.reached("navigator");
        });
    }

    /**
     * The tree's top level: the quality systems of every model in the repository that are not shown
     * under their parent system (a МСОКО is under its РСОКО, a school's system under its МСОКО, when
     * that system is in the repository), then each model's «Реестры» node. Computed anew at every
     * refresh, so a changed parent system moves the system in the tree.
     */
    private List<Object> top(CDOView view) {
        List<Object> top = new java.util.ArrayList<>();
        List<oko.model.ModelRoot> models = new java.util.ArrayList<>();
        List<oko.model.QualitySystem> systems = new java.util.ArrayList<>();
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof oko.model.ModelRoot model) {
                systems.addAll(model.getQualitySystems());
                models.add(model);
            }
        }
        top.addAll(adapters.arrangeSystems(systems));
        adapters.setGroupsNamed(models.size() > 1);
        for (oko.model.ModelRoot model : models) {
            top.add(new Registers.Group(model, models.size() > 1));
        }
        return top;
    }

    /** After a command, its undo or redo: show the model as it is now and select what it touched. */
    private void changed() {
        if (viewer.getControl().isDisposed() || editing == null) {
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(top(view));
        viewer.setExpandedElements(expanded);
        List<Object> affected = new java.util.ArrayList<>();
        for (Object object : editing.affected()) {
            if (object instanceof EObject element && element.eResource() != null) {
                affected.add(element);
            }
        }
        if (!affected.isEmpty()) {
            viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(affected), true);
        }
        editing.selectionChanged(viewer.getStructuredSelection());
        propertyPages.removeIf(page -> page.getControl() == null || page.getControl().isDisposed());
        propertyPages.forEach(org.eclipse.ui.views.properties.PropertySheetPage::refresh);
    }

    /** The navigator's editing (null until the repository is open), for tests. */
    public NavigatorEditing editing() {
        return editing;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == org.eclipse.ui.views.properties.IPropertySheetPage.class) {
            // the selection's properties, edited through the navigator's committing command stack
            var page = new org.eclipse.ui.views.properties.PropertySheetPage();
            page.setPropertySourceProvider(object -> object instanceof EObject element
                    ? new oko.ui.internal.properties.ItemPropertySource(element, adapters.factory(),
                            editing == null ? null : editing.domain())
                    : null);
            propertyPages.add(page);
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    private void refreshLater() {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed() && view != null && !view.isClosed()) {
                // the view's objects stay the same instances: keep what was open and selected
                Object[] expanded = viewer.getExpandedElements();
                var selection = viewer.getStructuredSelection();
                viewer.setInput(top(view));
                viewer.setExpandedElements(expanded);
                viewer.setSelection(selection, true);
            }
        });
    }

    /**
     * Opens the object in its editor ({@link ObjectEditors}: the editor contributed for its type,
     * else the first contributed table that opens it, else its form editor).
     */
    public void open(Object element) {
        if (!(element instanceof EObject object)) {
            return;
        }
        try {
            ObjectEditors.open(getSite().getPage(), object);
        } catch (org.eclipse.ui.PartInitException e) {
            org.eclipse.core.runtime.ILog.of(RepositoryNavigator.class).log(e.getStatus());
            org.eclipse.jface.dialogs.ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    /** Selects and reveals the object of that id (from Validate's problems, for instance). */
    @Override
    public void select(org.eclipse.emf.cdo.common.id.CDOID id) {
        if (view == null || view.isClosed()) {
            return;
        }
        try {
            EObject object = view.getObject(id);
            if (!filter.getText().isEmpty()) {
                filter.setText("");
            }
            viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(object), true);
        } catch (RuntimeException gone) {
            // the object was deleted meanwhile: nothing to select
        }
    }

    /**
     * Selects and reveals the objects of those ids once this view has caught up with the commit of
     * that time (an import's result: its objects may not be in the tree yet); callable on the UI
     * thread, does not block it.
     */
    @Override
    public void select(long commitTime, List<org.eclipse.emf.cdo.common.id.CDOID> ids) {
        if (view == null || view.isClosed() || ids.isEmpty()) {
            return;
        }
        CDOView shown = view;
        Display display = viewer.getControl().getDisplay();
        java.util.concurrent.CompletableFuture.runAsync(() -> shown.waitForUpdate(commitTime, 30_000))
                .whenComplete((done, failed) -> display.asyncExec(() -> {
                    if (viewer.getControl().isDisposed() || shown.isClosed()) {
                        return;
                    }
                    if (!filter.getText().isEmpty()) {
                        filter.setText("");
                    }
                    Object[] expanded = viewer.getExpandedElements();
                    viewer.setInput(top(shown));
                    viewer.setExpandedElements(expanded);
                    List<Object> objects = new java.util.ArrayList<>();
                    for (var id : ids) {
                        try {
                            objects.add(shown.getObject(id));
                        } catch (RuntimeException gone) {
                            // deleted meanwhile: not selected
                        }
                    }
                    viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(objects), true);
                }));
    }

    /** The tree, for tests. */
    public TreeViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        if (view != null && !view.isClosed()) {
            view.removeListener(invalidations);
        }
        if (editing != null) {
            editing.dispose();
        }
        adapters.dispose();
        super.dispose();
    }
}
