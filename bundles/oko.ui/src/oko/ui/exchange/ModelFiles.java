package oko.ui.exchange;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;

import oko.repository.OkoRepository;
import oko.repository.exchange.ImportException;
import oko.repository.exchange.XmiExporter;
import oko.repository.exchange.XmiImporter;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/**
 * Model files (XMI) into and out of the workbench's repository as jobs with progress that can be
 * cancelled: an import is one commit or nothing (every problem named in a dialog and the Error
 * Log); an export writes the whole repository to one file. Used by File ▸ Export model… and by the
 * import wizard's «model (XMI)» kind.
 */
public final class ModelFiles {

    /** Family of the import and export jobs (to wait for them). */
    public static final Object FAMILY = ModelFiles.class;

    private ModelFiles() {
    }

    /** Imports the files in a job; problems go to a dialog and the Error Log. */
    public static Job importFiles(List<Path> files, boolean replace) {
        return schedule(Messages.bind(Messages.importModelJob, files.size()), monitor -> {
            OkoRepository repository = RepositoryConnection.repository().orElseThrow();
            List<URI> uris = files.stream().map(f -> URI.createFileURI(f.toAbsolutePath().toString())).toList();
            String names = String.join(", ", files.stream().map(f -> f.getFileName().toString()).toList());
            XmiImporter.Result result = XmiImporter.importFiles(repository, uris, replace,
                    Messages.bind(Messages.importModelComment, names), monitor);
            // what the exchange parts left out (a diagram whose element is not in the files) goes to the log with it
            return String.join("\n", java.util.stream.Stream.concat(java.util.stream.Stream.of(Messages.bind(
                    Messages.importModelDone, result.objects(), String.join(", ", result.resources()))),
                    result.warnings().stream()).toList());
        });
    }

    /** Exports the whole repository in a job. */
    public static Job exportTo(Path file) {
        return schedule(Messages.bind(Messages.exportModelJob, file.getFileName()), monitor -> {
            CDOView view = RepositoryConnection.repository().orElseThrow().openView();
            try {
                List<String> warnings = new java.util.ArrayList<>();
                int objects = XmiExporter.export(view, file, null, monitor, warnings);
                warnings.add(0, Messages.bind(Messages.exportModelDone, objects, file));
                return String.join("\n", warnings);
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
                ILog.of(ModelFiles.class).info(work.run(monitor));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (ImportException e) {
                MultiStatus status = new MultiStatus(ModelFiles.class, 0, Messages.importModelFailed);
                e.problems().forEach(problem -> status.add(Status.error(problem)));
                oko.ui.ErrorReports.show(ModelFiles.class, Messages.exchangeTitle, status);
                return Status.OK_STATUS;
            } catch (Exception e) {
                oko.ui.ErrorReports.show(ModelFiles.class, Messages.exchangeTitle,
                        Status.error(Messages.bind(Messages.exchangeFailed, e.getMessage()), e));
                return Status.OK_STATUS;
            }
        });
        return job;
    }

}
