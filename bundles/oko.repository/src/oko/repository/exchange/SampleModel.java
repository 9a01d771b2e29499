package oko.repository.exchange;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.common.util.URI;

import oko.repository.OkoRepository;
import oko.repository.internal.Messages;

/**
 * The sample model that ships in the {@code oko.model} bundle ({@code samples/}): the seed
 * documents as a model plus clearly marked illustrative monitoring data.
 */
public final class SampleModel {

    /** The sample files; the second refers to the first. */
    public static final List<URI> FILES = List.of(
            URI.createPlatformPluginURI("oko.model/samples/seeds.xmi", true),
            URI.createPlatformPluginURI("oko.model/samples/illustrative-monitoring.xmi", true));

    private SampleModel() {
    }

    /** Imports the sample into the repository in one commit. */
    public static XmiImporter.Result load(OkoRepository repository, boolean replace, IProgressMonitor monitor)
            throws ImportException {
        return XmiImporter.importFiles(repository, FILES, replace, Messages.sampleComment, monitor);
    }

    /** Loads the sample if the repository holds no model yet; returns whether it did. */
    public static boolean loadIfEmpty(OkoRepository repository, IProgressMonitor monitor) throws ImportException {
        if (!repository.isEmpty()) {
            return false;
        }
        load(repository, false, monitor);
        return true;
    }
}
