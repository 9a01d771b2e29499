package oko.ui.internal.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.repository.OkoRepository;
import oko.repository.exchange.ImportException;
import oko.repository.exchange.XmiExporter;
import oko.repository.exchange.XmiImporter;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/**
 * File ▸ Import model… and Export model…: XMI files into the repository in one commit (or
 * nothing, with every problem named), and the whole repository out to one XMI file — as jobs
 * with progress that can be cancelled.
 */
public final class ExchangeHandler extends AbstractHandler {

    /** Family of the import and export jobs, for tests. */
    public static final Object FAMILY = ExchangeHandler.class;

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        if (RepositoryConnection.repository().isEmpty()) {
            MessageDialog.openInformation(shell, Messages.exchangeTitle, Messages.editorNoRepository);
            return null;
        }
        if ("oko.ui.importModel".equals(event.getCommand().getId())) {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
            dialog.setText(Messages.importModelTitle);
            dialog.setFilterExtensions(new String[] { "*.xmi", "*.*" });
            if (dialog.open() == null) {
                return null;
            }
            List<Path> files = new ArrayList<>();
            for (String name : dialog.getFileNames()) {
                files.add(Path.of(dialog.getFilterPath(), name));
            }
            boolean replace = MessageDialog.openQuestion(shell, Messages.importModelTitle, Messages.importReplaceQuestion);
            importFiles(files, replace);
        } else {
            FileDialog dialog = new FileDialog(shell, SWT.SAVE);
            dialog.setText(Messages.exportModelTitle);
            dialog.setFilterExtensions(new String[] { "*.xmi" });
            dialog.setFileName("oko-model.xmi");
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                exportTo(Path.of(chosen));
            }
        }
        return null;
    }

    /** Imports the files in a job; problems go to a dialog and the Error Log. */
    public static Job importFiles(List<Path> files, boolean replace) {
        return schedule(Messages.bind(Messages.importModelJob, files.size()), monitor -> {
            OkoRepository repository = RepositoryConnection.repository().orElseThrow();
            List<URI> uris = files.stream().map(f -> URI.createFileURI(f.toAbsolutePath().toString())).toList();
            String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
            XmiImporter.Result result = XmiImporter.importFiles(repository, uris, replace,
                    Messages.bind(Messages.importModelComment, names), monitor);
            return Messages.bind(Messages.importModelDone, result.objects(), String.join(", ", result.resources()));
        });
    }

    /** Exports the whole repository in a job. */
    public static Job exportTo(Path file) {
        return schedule(Messages.bind(Messages.exportModelJob, file.getFileName()), monitor -> {
            CDOView view = RepositoryConnection.repository().orElseThrow().openView();
            try {
                int objects = XmiExporter.export(view, file, null, monitor);
                return Messages.bind(Messages.exportModelDone, objects, file);
            } finally {
                view.close();
            }
        });
    }

    private interface Work {
        String run(IProgressMonitor monitor) throws Exception;
    }

    private static Job schedule(String name, Work work) {
        Job job = oko.ui.UserJobs.schedule(name, FAMILY, monitor -> {
            try {
                ILog.of(ExchangeHandler.class).info(work.run(monitor));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (ImportException e) {
                MultiStatus status = new MultiStatus(ExchangeHandler.class, 0, Messages.importModelFailed);
                e.problems().forEach(problem -> status.add(Status.error(problem)));
                oko.ui.ErrorReports.show(ExchangeHandler.class, Messages.exchangeTitle, status);
                return Status.OK_STATUS;
            } catch (Exception e) {
                oko.ui.ErrorReports.show(ExchangeHandler.class, Messages.exchangeTitle,
                        Status.error(Messages.bind(Messages.exchangeFailed, e.getMessage()), e));
                return Status.OK_STATUS;
            }
        });
        return job;
    }

}
