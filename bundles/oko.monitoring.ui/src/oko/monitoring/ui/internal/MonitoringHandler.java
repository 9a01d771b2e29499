package oko.monitoring.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.monitoring.RawValueImport;

/**
 * Import values…, Compute and Generate recommendations: each acts on the system and period the
 * Monitoring view shows (opening the view if needed) and runs as a job; the view recomputes when
 * the job has committed.
 */
public final class MonitoringHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) throws ExecutionException {
        IWorkbenchWindow window = HandlerUtil.getActiveWorkbenchWindowChecked(event);
        Shell shell = window.getShell();
        IWorkbenchPage page = window.getActivePage();
        MonitoringView view;
        try {
            view = (MonitoringView) page.showView(MonitoringView.ID);
        } catch (PartInitException e) {
            throw new ExecutionException(e.getMessage(), e);
        }
        MonitoringView.Table table = view.table();
        if (table == null || table.system() == null) {
            MessageDialog.openInformation(shell, Messages.failedTitle,
                    table == null ? Messages.noPeriod : table.systemLabel() + ": " + table.periodLabel());
            return null;
        }
        switch (event.getCommand().getId()) {
        case "oko.monitoring.ui.compute" -> MonitoringJobs.compute(table.system(), table.period(), table.periodLabel(),
                view::reload);
        case "oko.monitoring.ui.recommend" -> MonitoringJobs.recommend(table.system(), table.period(),
                table.periodLabel(), view::reload);
        case "oko.monitoring.ui.importValues" -> {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN);
            dialog.setText(Messages.bind(Messages.importTitle, table.periodLabel()));
            dialog.setFilterExtensions(new String[] { "*.csv;*.xlsx", "*.*" });
            String chosen = dialog.open();
            if (chosen == null) {
                return null;
            }
            Path file = Path.of(chosen);
            RawValueImport.Layout layout = askLayout(shell, file);
            if (layout != null) {
                importValues(file, layout, view);
            }
        }
        default -> throw new ExecutionException(event.getCommand().getId());
        }
        return null;
    }

    /** Long or wide form, or null when the user cancels. */
    static RawValueImport.Layout askLayout(Shell shell, Path file) {
        MessageDialog question = new MessageDialog(shell, Messages.bind(Messages.importTitle, ""), null,
                Messages.bind(Messages.importLayoutQuestion, file.getFileName()), MessageDialog.QUESTION, 0,
                Messages.importLong, Messages.importWide, Messages.cancel);
        return switch (question.open()) {
        case 0 -> RawValueImport.Layout.LONG;
        case 1 -> RawValueImport.Layout.WIDE;
        default -> null;
        };
    }

    /** Starts the import job for the view's system and period (also used by tests, without the dialogs). */
    public static org.eclipse.core.runtime.jobs.Job importValues(Path file, RawValueImport.Layout layout,
            MonitoringView view) {
        MonitoringView.Table table = view.table();
        return MonitoringJobs.importValues(file, layout, table.system(), table.period(), table.periodLabel(),
                view::reload);
    }
}
