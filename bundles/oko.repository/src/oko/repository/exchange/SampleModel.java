package oko.repository.exchange;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;

import oko.repository.OkoRepository;
import oko.repository.internal.Messages;

/**
 * Loading sample data: the files the installed modules contribute (the municipal module's are the
 * seed documents as a model plus clearly marked illustrative monitoring data, which ship in the
 * {@code oko.model} bundle, {@code samples/}, shared with the tests).
 */
public final class SampleModel {

    /** The sample files of {@code oko.model}; the second refers to the first. */
    public static final List<URI> FILES = List.of(
            URI.createPlatformPluginURI("oko.model/samples/seeds.xmi", true),
            URI.createPlatformPluginURI("oko.model/samples/illustrative-monitoring.xmi", true));

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
