package oko.ui.internal.history;

import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.ISelectionListener;
import org.eclipse.ui.part.ViewPart;

import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.repository.OkoRepository.Change;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/**
 * The audit trail of the object selected anywhere in the workbench: every commit that changed it,
 * newest first, with its time, its user (the login the server accepted) and its comment.
 */
public final class HistoryView extends ViewPart {

    public static final String ID = "oko.ui.views.history";

    private TableViewer table;
    private final ISelectionListener listener = (part, selection) -> {
        if (part != this && selection instanceof IStructuredSelection structured
                && structured.getFirstElement() instanceof EObject object) {
            show(object);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        table = new TableViewer(parent, SWT.FULL_SELECTION | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        SimpleDateFormat time = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss");
        column(Messages.historyTime, 150, change -> time.format(new Date(change.timeStamp())));
        column(Messages.historyUser, 140, Change::user);
        column(Messages.historyComment, 420, change -> change.comment() == null ? "" : change.comment());
        column(Messages.historyVersion, 70, change -> String.valueOf(change.version()));
        setContentDescription(Messages.historyNone);
        getSite().getPage().addPostSelectionListener(listener);
    }

    private void column(String title, int width, java.util.function.Function<Change, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(ColumnLabelProvider.createTextProvider(element -> text.apply((Change) element)));
    }

    /** Shows the commits that changed the object (a repository object; others show nothing). */
    public void show(EObject object) {
        OkoRepository repository = RepositoryConnection.repository().orElse(null);
        CDOObject stored = CDOUtil.getCDOObject(object);
        if (repository == null || stored == null || stored.cdoID() == null || stored.cdoID().isTemporary()) {
            table.setInput(List.of());
            setContentDescription(Messages.historyNone);
            return;
        }
        List<Change> changes = repository.history(stored);
        table.setInput(changes);
        setContentDescription(Messages.bind(Messages.historyOf, ModelLabels.label(object), changes.size()));
    }

    /** The rows shown, for tests. */
    public List<Change> changes() {
        Object input = table.getInput();
        return input instanceof List<?> list ? list.stream().map(Change.class::cast).toList() : List.of();
    }

    @Override
    public void dispose() {
        getSite().getPage().removePostSelectionListener(listener);
        super.dispose();
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }
}
