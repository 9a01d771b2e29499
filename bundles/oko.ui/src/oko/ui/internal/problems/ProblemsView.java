package oko.ui.internal.problems;

import java.util.List;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import oko.ui.internal.Messages;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * The model's problems after Validate: severity, rule id, message and the object's path.
 * Double click selects the object in the repository navigator.
 */
public final class ProblemsView extends ViewPart {

    public static final String ID = "oko.ui.views.problems";

    /** A problem as shown: plain data, so the view keeps no CDO objects. */
    public record Row(boolean error, String ruleId, String message, String path, CDOID object) {
    }

    private TableViewer viewer;

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
    }
}
