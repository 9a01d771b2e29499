package oko.publish.ui.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.model.Period;
import oko.model.QualitySystem;
import oko.publish.SitePublisher;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;
import oko.ui.UserJobs;

/**
 * File ▸ Publish…: the dialog, then a job that writes the site with {@link SitePublisher} and, with a
 * base URL, records the publication links in one commit; the end is reported in a message.
 */
public final class PublishHandler extends AbstractHandler {

    /** The family of the publishing jobs (tests wait on it). */
    public static final Object FAMILY = PublishHandler.class;

    /** The last message shown at the end of a publication (tests read it). */
    public static volatile String lastMessage;

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        OkoRepository repository = RepositoryConnection.repository().orElse(null);
        if (repository == null) {
            MessageDialog.openInformation(shell, Messages.title, Messages.noRepository);
            return null;
        }
        List<PublishDialog.Choice> systems = new ArrayList<>();
        List<PublishDialog.Choice> periods = new ArrayList<>();
        CDOView view = repository.openView();
        try {
            List<EObject> roots = OkoRepository.roots(view);
            for (QualitySystem system : OkoRepository.systems(roots)) {
                if (!system.getDirections().isEmpty()) {
                    systems.add(new PublishDialog.Choice(system.getCode(), label(system.getName(), system.getCode())));
                }
            }
            for (Period period : OkoRepository.periods(roots)) {
                periods.add(new PublishDialog.Choice(period.getCode(), label(period.getName(), period.getCode())));
            }
        } finally {
            view.close();
        }
        if (systems.isEmpty()) {
            MessageDialog.openInformation(shell, Messages.title, Messages.noSystems);
            return null;
        }
        PublishDialog dialog = new PublishDialog(shell, systems, periods);
        if (dialog.open() != Window.OK || dialog.chosen() == null) {
            return null;
        }
        schedule(repository, dialog.chosen(), shell.getDisplay());
        return null;
    }

    private static String label(String name, String code) {
        return name == null || name.isBlank() ? code : name + " (" + code + ")";
    }

    private static void schedule(OkoRepository repository, PublishDialog.Chosen chosen, Display display) {
        UserJobs.schedule(Messages.bind(Messages.job, chosen.systemCode(), chosen.folder()), FAMILY, monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, 10);
            CDOTransaction transaction = repository.openTransaction();
            try {
                OkoRepository.prefetch(transaction);
                // the last one of that code, as the loops this replaces chose
                List<EObject> roots = OkoRepository.roots(transaction);
                QualitySystem system = OkoRepository.systems(roots).stream()
                        .filter(candidate -> chosen.systemCode().equals(candidate.getCode()))
                        .reduce((first, second) -> second).orElse(null);
                Period period = OkoRepository.periods(roots).stream()
                        .filter(candidate -> candidate.getCode().equals(chosen.periodCode()))
                        .reduce((first, second) -> second).orElse(null);
                if (system == null) {
                    throw new IllegalStateException(Messages.bind(Messages.systemGone, chosen.systemCode()));
                }
                SitePublisher.Result result = SitePublisher.publish(system, period, chosen.folder(),
                        new SitePublisher.Options(chosen.reports()), progress.split(8));
                String text;
                if (chosen.baseUrl() != null) {
                    int changed = SitePublisher.recordLinks(result, chosen.baseUrl());
                    if (transaction.isDirty()) {
                        repository.commit(transaction, Messages.bind(Messages.comment, changed, chosen.baseUrl()),
                                progress.split(2));
                    }
                    text = Messages.bind(Messages.doneLinks, new Object[] { result.files().size(), chosen.folder(),
                            result.changed().size(), result.removed().size(), changed, result.documentPaths().size() });
                } else {
                    text = Messages.bind(Messages.done, new Object[] { result.files().size(), chosen.folder(),
                            result.changed().size(), result.removed().size() });
                }
                ILog.of(PublishHandler.class).info(text);
                lastMessage = text;
                display.asyncExec(() -> MessageDialog.openInformation(display.getActiveShell(), Messages.title, text));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
                MultiStatus status = new MultiStatus(PublishHandler.class, 0,
                        Messages.bind(Messages.failed, new Object[] { chosen.systemCode(), chosen.folder(), reason }));
                status.add(Status.error(reason, e));
                lastMessage = status.getMessage();
                ErrorReports.show(PublishHandler.class, Messages.title, status);
                return Status.OK_STATUS;
            } finally {
                transaction.close();
            }
        });
    }
}
