package oko.repository.exchange;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;

import oko.repository.OkoRepository;
import oko.repository.internal.Messages;

/**
 * Loading sample data: the files the installed modules contribute ({@code oko.core.modules.Modules#samples()};
 * the municipal module's, in its bundle's {@code samples/}, are the seed documents as a model plus clearly
 * marked illustrative monitoring data).
 */
public final class SampleModel {

    private SampleModel() {
    }

    /** Imports sample files (in order: a later one may refer to an earlier one) into the repository in one commit. */
    public static XmiImporter.Result load(OkoRepository repository, List<URI> files, boolean replace,
            IProgressMonitor monitor) throws ImportException {
        return XmiImporter.importFiles(repository, files, replace, Messages.sampleComment, monitor);
    }

    /** Loads sample files if there are any and the repository holds no model yet; returns whether it did. */
    public static boolean loadIfEmpty(OkoRepository repository, List<URI> files, IProgressMonitor monitor)
            throws ImportException {
        if (files.isEmpty() || !repository.isEmpty()) {
            return false;
        }
        load(repository, files, false, monitor);
        return true;
    }
}
