package oko.monitoring.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.commands.ExecutionException;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.dialogs.ListDialog;
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
        String id = event.getCommand().getId();
        if (table == null || (table.system() == null && !id.equals("oko.monitoring.ui.importValues"))) {
            MessageDialog.openInformation(shell, Messages.failedTitle,
                    table == null ? Messages.noPeriod : table.systemLabel() + ": " + table.periodLabel());
            return null;
        }
        switch (id) {
        case "oko.monitoring.ui.compute" -> MonitoringJobs.compute(table.system(), table.period(), table.periodLabel(),
                view::reload);
        case "oko.monitoring.ui.recommend" -> MonitoringJobs.recommend(table.system(), table.period(),
                table.periodLabel(), view::reload);
        case "oko.monitoring.ui.importValues" -> {
            // the system the view shows; when it shows none, the one there is, or the user's choice
            MonitoringView.Target target = table.system() != null
                    ? new MonitoringView.Target(table.system(), table.systemLabel())
                    : chooseTarget(shell, view.importTargets(), table.periodLabel());
            if (target == null) {
                return null;
            }
            FileDialog dialog = new FileDialog(shell, SWT.OPEN);
            dialog.setText(Messages.bind(Messages.importTitle, table.periodLabel()));
            dialog.setFilterExtensions(new String[] { "*.csv;*.xlsx", "*.*" });
            String chosen = dialog.open();
            if (chosen == null) {
                return null;
            }
            importValues(Path.of(chosen), null, target.system(), view);
        }
        default -> throw new ExecutionException(id);
        }
        return null;
    }

    /** The only candidate, the one the user chooses among several, or null (none, or cancelled). */
    static MonitoringView.Target chooseTarget(Shell shell, List<MonitoringView.Target> targets, String period) {
        if (targets.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.failedTitle, Messages.bind(Messages.importNoSystem, period));
            return null;
        }
        if (targets.size() == 1) {
            return targets.get(0);
        }
        ListDialog dialog = new ListDialog(shell);
        dialog.setTitle(Messages.bind(Messages.importTitle, period));
        dialog.setMessage(Messages.bind(Messages.importChooseSystem, period));
        dialog.setContentProvider(ArrayContentProvider.getInstance());
        dialog.setLabelProvider(LabelProvider.createTextProvider(t -> ((MonitoringView.Target) t).label()));
        dialog.setInput(targets);
        dialog.setInitialSelections(targets.get(0));
        if (dialog.open() != Window.OK || dialog.getResult().length == 0) {
            return null;
        }
        return (MonitoringView.Target) dialog.getResult()[0];
    }

    /**
     * Starts the import job into the view's system for its period ({@code layout} null: detected
     * from the file's header); when it has committed, the result dialog offers to compute the
     * indicators. Also used by tests, without the file dialog.
     */
    public static org.eclipse.core.runtime.jobs.Job importValues(Path file, RawValueImport.Layout layout,
            MonitoringView view) {
        return importValues(file, layout, view.table().system(), view);
    }

    private static org.eclipse.core.runtime.jobs.Job importValues(Path file, RawValueImport.Layout layout,
            CDOID system, MonitoringView view) {
        MonitoringView.Table table = view.table();
        CDOID period = table.period();
        String periodLabel = table.periodLabel();
        return MonitoringJobs.importValues(file, layout, system, period, periodLabel, view::reload,
                () -> MonitoringJobs.compute(system, period, periodLabel, view::reload));
    }
}
