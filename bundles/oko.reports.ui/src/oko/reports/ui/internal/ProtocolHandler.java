package oko.reports.ui.internal;

import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.model.Document;
import oko.model.Meeting;
import oko.model.edit.ModelLabels;
import oko.reports.protocols.Protocols;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;
import oko.ui.UserJobs;
import oko.ui.editors.ObjectEditors;
import oko.ui.navigator.Navigator;

/**
 * «Сформировать протокол» (command {@value #COMMAND}): for the meeting of the active meeting editor
 * (saved first when it has unsaved edits) or the meeting selected in the working group view, a job
 * with progress renders the protocol and stores it as the meeting's protocol document
 * ({@link Protocols#store}: the PDF attached, the plan items it closes marked done) in a transaction
 * committed with a comment; then the stored document is opened in its editor and selected in the
 * navigator. A failure stores nothing and is shown in an error dialog and the Error Log.
 */
public final class ProtocolHandler extends AbstractHandler {

    /** The command's id. */
    public static final String COMMAND = "oko.reports.ui.generateProtocol";
    /** The family of the job, for tests and callers waiting on it. */
    public static final Object FAMILY = ProtocolHandler.class;

    @Override
    public Object execute(ExecutionEvent event) {
        IWorkbenchPart part = HandlerUtil.getActivePart(event);
        if (part == null) {
            return null;
        }
        IWorkbenchPage page = part.getSite().getPage();
        CDOID id = null;
        String label = null;
        if (part instanceof IEditorPart editor && editor.getEditorInput().getAdapter(CDOID.class) != null) {
            if (editor.isDirty()) {
                // the protocol is made from what is stored: save the edits first (Save asks for a comment)
                page.saveEditor(editor, false);
                if (editor.isDirty()) {
                    return null;
                }
            }
            id = editor.getEditorInput().getAdapter(CDOID.class);
            label = editor.getEditorInput().getName();
        } else if (HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection selection
                && selection.getFirstElement() instanceof Meeting meeting) {
            id = CDOUtil.getCDOObject(meeting).cdoID();
            label = ModelLabels.label(meeting);
        }
        if (id == null) {
            MessageDialog.openInformation(part.getSite().getShell(), Messages.protocolTitle, Messages.protocolChooseMeeting);
            return null;
        }
        schedule(page, id, label);
        return null;
    }

    private static void schedule(IWorkbenchPage page, CDOID id, String label) {
        Display display = page.getWorkbenchWindow().getShell().getDisplay();
        UserJobs.schedule(Messages.bind(Messages.protocolJob, label), FAMILY, monitor -> {
            monitor.beginTask(Messages.bind(Messages.protocolJob, label), 3);
            OkoRepository repository = RepositoryConnection.repository().orElse(null);
            if (repository == null) {
                ErrorReports.show(ProtocolHandler.class, Messages.protocolFailedTitle,
                        Status.error(Messages.noRepository));
                return Status.OK_STATUS;
            }
            CDOTransaction transaction = repository.openTransaction();
            try {
                if (!(transaction.getObject(id) instanceof Meeting meeting)) {
                    throw new IllegalStateException(Messages.bind(Messages.protocolNotAMeeting, label));
                }
                monitor.subTask(Messages.protocolRendering);
                Document document = Protocols.store(transaction, meeting, null, null, null);
                monitor.worked(2);
                if (monitor.isCanceled()) {
                    transaction.close();
                    return Status.CANCEL_STATUS;
                }
                monitor.subTask(Messages.protocolCommitting);
                CDOCommitInfo commit = repository.commit(transaction,
                        Messages.bind(Messages.protocolComment, ModelLabels.label(meeting)), monitor);
                monitor.worked(1);
                CDOID documentId = CDOUtil.getCDOObject(document).cdoID();
                display.asyncExec(() -> show(page, transaction, document, documentId, commit.getTimeStamp()));
                return Status.OK_STATUS;
            } catch (java.io.IOException | RuntimeException e) {
                transaction.close();
                ErrorReports.show(ProtocolHandler.class, Messages.protocolFailedTitle,
                        Status.error(Messages.bind(Messages.protocolFailed, label, repository.explain(
                                e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e))
                                .getMessage()), e));
                return Status.OK_STATUS;
            } finally {
                monitor.done();
            }
        });
    }

    /** Opens the stored document in its editor and selects it in the navigator; then closes the job's transaction. */
    private static void show(IWorkbenchPage page, CDOTransaction transaction, EObject document, CDOID id, long commitTime) {
        try {
            if (page.getWorkbenchWindow().getShell() == null || page.getWorkbenchWindow().getShell().isDisposed()) {
                return;
            }
            Navigator.find(page).ifPresent(navigator -> navigator.select(commitTime, List.of(id)));
            ObjectEditors.open(page, document);
        } catch (PartInitException e) {
            ErrorReports.show(ProtocolHandler.class, Messages.protocolFailedTitle, new Status(IStatus.ERROR,
                    "oko.reports.ui", Messages.bind(Messages.protocolOpenFailed, ModelLabels.label(document), e.getMessage()), e));
        } finally {
            transaction.close();
        }
    }
}
