package oko.ui.internal.problems;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.core.validation.OkoValidation;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/** Model ▸ Validate (Ctrl+Shift+V): the model's rules over the whole repository, as a job with progress. */
public final class ValidateHandler extends AbstractHandler {

    /** Family of the validation job, for tests. */
    public static final Object FAMILY = ValidateHandler.class;

    @Override
    public Object execute(ExecutionEvent event) {
        validate(HandlerUtil.getActiveWorkbenchWindow(event), true);
        return null;
    }

    /**
     * Validates the repository in a job (family {@link #FAMILY}) and shows the problems: in the Problems
     * view shown and brought forward ({@code activate}), or only in the view if it is open (after a quick
     * fix, its undo or redo).
     */
    public static Job validate(IWorkbenchWindow window, boolean activate) {
        return oko.ui.UserJobs.schedule(Messages.validateJob, FAMILY, monitor -> {
            OkoRepository repository = RepositoryConnection.repository().orElse(null);
            if (repository == null) {
                return Status.CANCEL_STATUS;
            }
            CDOView view = repository.openView();
            try {
                List<ProblemsView.Row> rows = new ArrayList<>();
                for (OkoValidation.Problem problem : OkoValidation.validate(OkoRepository.roots(view), monitor)) {
                    rows.add(new ProblemsView.Row(problem.isError(), problem.ruleId(), problem.message(),
                            problem.path(), problem.object() == null ? null
                                    : CDOUtil.getCDOObject(problem.object()).cdoID()));
                }
                window.getShell().getDisplay().asyncExec(() -> show(window, rows, activate));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (RuntimeException e) {
                oko.ui.ErrorReports.show(ValidateHandler.class, Messages.validateJob,
                        Status.error(Messages.bind(Messages.validateFailed, e.getMessage()), e));
                return Status.OK_STATUS;
            } finally {
                view.close();
            }
        });
    }

    private static void show(IWorkbenchWindow window, List<ProblemsView.Row> rows, boolean activate) {
        if (window.getShell().isDisposed() || !PlatformUI.isWorkbenchRunning() || window.getActivePage() == null) {
            return;
        }
        try {
            if (!activate) {
                if (window.getActivePage().findView(ProblemsView.ID) instanceof ProblemsView view) {
                    view.show(rows);
                }
                return;
            }
            ProblemsView view = (ProblemsView) window.getActivePage().showView(ProblemsView.ID);
            view.show(rows);
        } catch (PartInitException e) {
            ILog.of(ValidateHandler.class).log(e.getStatus());
        }
    }
}
