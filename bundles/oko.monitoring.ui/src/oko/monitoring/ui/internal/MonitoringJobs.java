package oko.monitoring.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.ui.PlatformUI;

import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringService;
import oko.monitoring.RawValueImport;
import oko.monitoring.Recommendations;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/**
 * The monitoring actions as background jobs, each a {@link MonitoringService} action (the same as
 * the command line's): each opens its own transaction, does the work with
 * progress, and commits with a comment; a failure or bad input shows a dialog with every problem
 * and goes to the Error Log, and nothing of it is stored.
 */
public final class MonitoringJobs {

    /** Family of the jobs that change the repository, for tests and for waiting. */
    public static final Object FAMILY = MonitoringJobs.class;

    /** The work inside the transaction: returns what it did. */
    private interface Work {
        Done run(CDOTransaction transaction, QualitySystem system, Period period, SubMonitor monitor)
                throws Exception;
    }

    /**
     * What the work did: the commit comment, the line for the Error Log, and what to show the user
     * once it is committed (on the UI thread; null for nothing).
     */
    private record Done(String comment, String message, Runnable shown) {
        Done(String comment, String message) {
            this(comment, message, null);
        }
    }

    private MonitoringJobs() {
    }

    static Job compute(CDOID system, CDOID period, String periodName, Runnable done) {
        return schedule(Messages.bind(Messages.computeJob, periodName), system, period, done, (tx, s, p, monitor) -> {
            monitor.setWorkRemaining(1);
            MonitoringService.Computed computed = MonitoringService.compute(s, p);
            monitor.worked(1);
            // a region stores its municipal systems' values too (computed first): count them all
            int values = computed.storedValues()
                    + computed.below().stream().mapToInt(MonitoringService.Computed::storedValues).sum();
            int stored = computed.storedLists()
                    + computed.below().stream().mapToInt(MonitoringService.Computed::storedLists).sum();
            return new Done(Messages.bind(Messages.computeComment, s.getCode(), p.getCode()),
                    Messages.bind(Messages.computeDone, values, stored));
        });
    }

    static Job recommend(CDOID system, CDOID period, String periodName, Runnable done) {
        return schedule(Messages.bind(Messages.recommendJob, periodName), system, period, done, (tx, s, p, monitor) -> {
            monitor.setWorkRemaining(1);
            Recommendations.Outcome outcome = MonitoringService.recommend(s, p);
            monitor.worked(1);
            if (!outcome.problems().isEmpty()) {
                throw new InputProblems(Messages.bind(Messages.failed, s.getCode()), outcome.problems());
            }
            return new Done(Messages.bind(Messages.recommendComment, s.getCode(), p.getCode()),
                    Messages.bind(Messages.recommendDone, new Object[] { outcome.recommendations().size(),
                            outcome.created(), outcome.updated(), outcome.removed() }));
        });
    }

    /**
     * Imports the file into the system for the period ({@code layout} null: detected from the
     * header). Once committed, a dialog tells what was stored where and offers to compute the
     * period's indicators again ({@code recompute}).
     */
    static Job importValues(Path file, RawValueImport.Layout layout, CDOID system, CDOID period, String periodName,
            Runnable done, Runnable recompute) {
        return schedule(Messages.bind(Messages.importJob, file.getFileName()), system, period, done,
                (tx, s, p, monitor) -> {
                    monitor.setWorkRemaining(2);
                    // read as a stream: checked first, then the values created as read (rolled back on problems)
                    RawValueImport.Imported checked = MonitoringService.importValues(file, layout, s, p);
                    monitor.worked(1);
                    if (!checked.ok()) {
                        throw new InputProblems(Messages.bind(Messages.importFailed, file.getFileName(),
                                checked.problemCount()), checked.problems());
                    }
                    RawValueImport.Stored stored = checked.stored();
                    String systemName = s.getName() != null ? s.getName() + " (" + s.getCode() + ")" : s.getCode();
                    String runs = String.join("\n", stored.runs().stream()
                            .map(r -> "  " + (r.getName() != null ? r.getName() : "")).toList());
                    String summary = Messages.bind(Messages.importResult, new Object[] { file.getFileName(),
                            stored.values(), stored.replaced(),
                            checked.layout() == RawValueImport.Layout.WIDE ? Messages.importWideForm : Messages.importLongForm,
                            checked.encoding(), systemName, periodName, runs });
                    return new Done(Messages.bind(Messages.importComment, file.getFileName(), p.getCode()),
                            Messages.bind(Messages.importDone, new Object[] { stored.values(), file.getFileName(),
                                    checked.encoding(), p.getCode() }),
                            () -> ImportResultDialog.open(summary, recompute));
                });
    }

    /** Bad input: a summary and one line per problem (file, line, reason). */
    static final class InputProblems extends Exception {
        private static final long serialVersionUID = 1L;
        final List<String> problems;

        InputProblems(String summary, List<String> problems) {
            super(summary);
            this.problems = problems;
        }
    }

    private static Job schedule(String name, CDOID systemId, CDOID periodId, Runnable done, Work work) {
        Job job = oko.ui.UserJobs.schedule(name, FAMILY, progress -> {
            SubMonitor monitor = SubMonitor.convert(progress, name, 10);
            OkoRepository repository = RepositoryConnection.repository().orElse(null);
            if (repository == null) {
                return Status.CANCEL_STATUS;
            }
            CDOTransaction transaction = repository.openTransaction();
            try {
                // load every model resource: the engine looks across them (schools, monitorings)
                OkoRepository.prefetch(transaction);
                OkoRepository.roots(transaction);
                QualitySystem system = (QualitySystem) transaction.getObject(systemId);
                Period period = (Period) transaction.getObject(periodId);
                Done result;
                // an import or a computation changes thousands of stored values: one subscription
                // request, and none per value when the commit ends them
                try (OkoRepository.ManyChanges changes = OkoRepository.manyChanges(transaction)) {
                    result = work.run(transaction, system, period, monitor.split(7));
                    monitor.checkCanceled();
                    if (transaction.isDirty()) {
                        repository.commit(transaction, result.comment(), monitor.split(3));
                    }
                }
                ILog.of(MonitoringJobs.class).info(result.message());
                if (result.shown() != null && PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().getDisplay().asyncExec(result.shown());
                }
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                transaction.rollback();
                return Status.CANCEL_STATUS;
            } catch (InputProblems e) {
                transaction.rollback();
                MultiStatus status = new MultiStatus(MonitoringJobs.class, 0, e.getMessage());
                e.problems.forEach(p -> status.add(Status.error(p)));
                ILog.of(MonitoringJobs.class).log(status);
                if (PlatformUI.isWorkbenchRunning()) {
                    PlatformUI.getWorkbench().getDisplay().asyncExec(
                            () -> ProblemsDialog.open(Messages.failedTitle, e.getMessage(), e.problems));
                }
                return Status.OK_STATUS;
            } catch (Exception e) {
                transaction.rollback();
                report(Status.error(Messages.bind(Messages.failed, e.getMessage()), e));
                return Status.OK_STATUS;
            } finally {
                transaction.close();
                if (done != null) {
                    PlatformUI.getWorkbench().getDisplay().asyncExec(done);
                }
            }
        });
        return job;
    }

    /** The job's own status stays OK: the dialog and the Error Log are the report. */
    private static void report(IStatus status) {
        oko.ui.ErrorReports.show(MonitoringJobs.class, Messages.failedTitle, status);
    }
}
