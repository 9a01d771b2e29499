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

/**
 * The repository navigator: quality systems → directions → stages, indicators, documents, roles,
 * plans, working groups… with Russian labels and the model's icons, a filter box, and live
 * refresh when another client commits (CDO invalidations), keeping the selection.
 */
public final class RepositoryNavigator extends ViewPart {

    public static final String ID = "oko.ui.views.navigator";

    private final ItemProviderAdapters adapters = new ItemProviderAdapters();
    private TreeViewer viewer;
    private Text filter;
    private CDOView view;
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
        // bundles contribute to popup:oko.ui.views.navigator (New ▸ Diagram, for instance)
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager("#PopupMenu");
        menu.add(new org.eclipse.jface.action.Separator(org.eclipse.ui.IWorkbenchActionConstants.MB_ADDITIONS));
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        viewer.addDoubleClickListener(event -> open(((org.eclipse.jface.viewers.IStructuredSelection) event
                .getSelection()).getFirstElement()));
        RepositoryConnection.whenConnected(this::show);
    }

    /** An element is shown when it or one of its descendants (up to a few levels) matches. */
    private boolean matches(Object element, String text) {
        if (element instanceof EObject object && oko.model.edit.ModelLabels.label(object).toLowerCase().contains(text)) {
            return true;
        }
        var provider = adapters.contentProvider();
        for (Object child : provider.getChildren(element)) {
            if (child instanceof EObject object && oko.model.edit.ModelLabels.label(object).toLowerCase().contains(text)) {
                return true;
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
            view = repository.openView();
            view.addListener(invalidations);
            viewer.setInput(systems(view));
            oko.ui.internal.StartupProbe.reached("navigator-input");
            viewer.expandToLevel(2);
            oko.ui.internal.StartupProbe.reached("navigator");
        });
    }

    /** The tree's top level: the quality systems of every model in the repository. */
    private static List<EObject> systems(CDOView view) {
        List<EObject> systems = new java.util.ArrayList<>();
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof oko.model.ModelRoot model) {
                systems.addAll(model.getQualitySystems());
            }
        }
        return systems;
    }

    private void refreshLater() {
        Display display = viewer.getControl().getDisplay();
        display.asyncExec(() -> {
            if (!viewer.getControl().isDisposed() && view != null && !view.isClosed()) {
                // the view's objects stay the same instances: keep what was open and selected
                Object[] expanded = viewer.getExpandedElements();
                var selection = viewer.getStructuredSelection();
                viewer.setInput(systems(view));
                viewer.setExpandedElements(expanded);
                viewer.setSelection(selection, true);
            }
        });
    }

    /**
     * Opens the object's table editor (technological map, role distribution, plan), or its form
     * editor when it has none.
     */
    public void open(Object element) {
        if (!(element instanceof EObject object)) {
            return;
        }
        var page = getSite().getPage();
        try {
            var kind = oko.ui.internal.editors.TableKind.of(object);
            page.openEditor(new oko.ui.internal.editors.ModelEditorInput(
                    org.eclipse.emf.cdo.util.CDOUtil.getCDOObject(object).cdoID(),
                    kind.orElse(oko.ui.internal.editors.TableKind.FORM), oko.model.edit.ModelLabels.label(object)),
                    kind.isPresent() ? oko.ui.internal.editors.TableEditor.ID : oko.ui.internal.editors.FormEditor.ID);
        } catch (org.eclipse.ui.PartInitException e) {
            org.eclipse.core.runtime.ILog.of(RepositoryNavigator.class).log(e.getStatus());
            org.eclipse.jface.dialogs.ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    /** Selects and reveals the object of that id (from Validate's problems, for instance). */
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
            view.close();
        }
        adapters.dispose();
        super.dispose();
    }
}
