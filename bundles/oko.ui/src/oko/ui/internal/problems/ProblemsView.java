package oko.ui.internal.problems;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchActionConstants;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.contexts.IContextService;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.part.ViewPart;

import oko.core.fixes.QuickFix;
import oko.ui.internal.Messages;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * The model's problems after Validate: severity, rule id, message and the object's path.
 * Double click selects the object in the repository navigator. The context menu's «Быстрое
 * исправление» (and Ctrl+1, command {@link #QUICK_FIX}) lists the quick fixes accepting every selected
 * problem ({@link QuickFixing}).
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "oko.ui.views.problems";

    /** The command opening the quick fixes of the selected problems (Ctrl+1 in the view). */
    public static final String QUICK_FIX = "oko.ui.problems.quickFix";

    /** The key binding context active while the view is. */
    public static final String CONTEXT = "oko.ui.contexts.problems";

    /** The id of the context menu's submenu «Быстрое исправление». */
    public static final String QUICK_FIX_MENU = "oko.ui.problems.quickFixMenu";

    /** A problem as shown: plain data, so the view keeps no CDO objects. */
    public record Row(boolean error, String ruleId, String message, String path, CDOID object) {
    }

    private TableViewer viewer;
    private QuickFixing fixing;
    private boolean disposed;
    private Menu quickFixMenu;

    @Override
    public void createPartControl(Composite parent) {
        TableColumnLayout layout = new TableColumnLayout();
        parent.setLayout(layout);
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(layout, Messages.problemsSeverity, 14, row -> row.error() ? Messages.problemsError : Messages.problemsWarning,
                true);
        column(layout, Messages.problemsRule, 14, Row::ruleId, false);
        column(layout, Messages.problemsMessage, 60, Row::message, false);
        column(layout, Messages.problemsPath, 24, Row::path, false);
        viewer.addDoubleClickListener(event -> {
            Row row = (Row) ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (row != null && row.object() != null) {
                try {
                    RepositoryNavigator navigator = (RepositoryNavigator) getSite().getPage()
                            .showView(RepositoryNavigator.ID);
                    navigator.select(row.object());
                } catch (PartInitException e) {
                    org.eclipse.core.runtime.ILog.of(ProblemsView.class).log(e.getStatus());
                }
            }
        });
        getSite().setSelectionProvider(viewer);
        fixing = new QuickFixing(this, getSite());
        fixing.install(getViewSite().getActionBars());
        MenuManager menu = new MenuManager("#PopupMenu", "oko.ui.views.problems.popup");
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            MenuManager fixes = new MenuManager(Messages.problemsQuickFix, QUICK_FIX_MENU);
            fixes.setActionDefinitionId(QUICK_FIX);
            fixing.actions(selected()).forEach(fixes::add);
            manager.add(fixes);
            manager.add(new Separator(IWorkbenchActionConstants.MB_ADDITIONS));
        });
        viewer.getControl().setMenu(menu.createContextMenu(viewer.getControl()));
        getSite().registerContextMenu(menu, viewer);
        getSite().getService(IContextService.class).activateContext(CONTEXT);
        getSite().getService(IHandlerService.class).activateHandler(QUICK_FIX, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                openQuickFixes();
                return null;
            }
        });
    }

    /** The selected rows. */
    public List<Row> selected() {
        return ((List<?>) viewer.getStructuredSelection().toList()).stream().filter(Row.class::isInstance)
                .map(Row.class::cast).toList();
    }

    /**
     * Ctrl+1: a menu of the quick fixes of the selected problems at the first selected row (or a
     * disabled «no fix» item); returns the menu shown.
     */
    public Menu openQuickFixes() {
        List<Row> rows = selected();
        MenuManager manager = new MenuManager();
        fixing.actions(rows).forEach(manager::add);
        Table table = viewer.getTable();
        Menu menu = manager.createContextMenu(table);
        menu.addListener(SWT.Hide, e -> table.getDisplay().asyncExec(() -> {
            menu.dispose();
            manager.dispose();
        }));
        int index = table.getSelectionIndex();
        Rectangle bounds = index >= 0 ? table.getItem(index).getBounds() : new Rectangle(0, 0, 0, 0);
        menu.setLocation(table.toDisplay(bounds.x + 20, bounds.y + bounds.height));
        menu.setVisible(true);
        quickFixMenu = menu;
        return menu;
    }

    /** The menu Ctrl+1 opened last (disposed once hidden), for tests. */
    public Menu quickFixMenu() {
        return quickFixMenu;
    }

    /** The fixes offered for these rows, in id order (for tests). */
    public List<QuickFix> fixes(List<Row> rows) {
        return fixing.fixes(rows);
    }

    /** Applies a fix to the rows as the menu does (asking for its value first if it needs one). */
    public boolean apply(QuickFix fix, List<Row> rows) {
        return fixing.apply(fix, rows);
    }

    boolean isDisposed() {
        return disposed;
    }

    @Override
    public void dispose() {
        disposed = true;
        if (fixing != null) {
            fixing.dispose();
        }
        super.dispose();
    }

    private void column(TableColumnLayout layout, String title, int weight, java.util.function.Function<Row, String> text,
            boolean icon) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, icon ? 160 : 60, true));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public Image getImage(Object element) {
                if (!icon) {
                    return null;
                }
                return PlatformUI.getWorkbench().getSharedImages().getImage(
                        ((Row) element).error() ? ISharedImages.IMG_OBJS_ERROR_TSK : ISharedImages.IMG_OBJS_WARN_TSK);
            }
        });
    }

    /** Shows the problems of a validation run. */
    public void show(List<Row> rows) {
        viewer.setInput(rows);
        setContentDescription(Messages.bind(Messages.problemsSummary, rows.stream().filter(Row::error).count(),
                rows.stream().filter(r -> !r.error()).count()));
    }

    /** The table, for tests. */
    public TableViewer viewer() {
        return viewer;
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
        fixing.activated();
    }
}
