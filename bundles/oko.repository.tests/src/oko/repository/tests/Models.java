package oko.repository.tests;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;

import oko.repository.exchange.XmiFiles;

/** Helpers shared by the repository tests. */
final class Models {

    private Models() {
    }

    /** How many objects the roots hold, the roots included. */
    static int count(List<? extends EObject> roots) {
        return oko.repository.OkoRepository.count(roots);
    }

    /**
     * The municipal module's sample files (seeds, then the illustrative monitoring data that refers to them),
     * read from its bundle in the source tree: the module itself is not needed to test the repository.
     */
    static final List<URI> SAMPLE_FILES = List.of(sample("seeds.xmi"), sample("illustrative-monitoring.xmi"));

    private static URI sample(String name) {
        return URI.createFileURI(java.nio.file.Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal",
                "samples", name).toAbsolutePath().normalize().toString());
    }

    /** The sample files loaded as plain EMF, in the order they are imported. */
    static List<EObject> sampleRoots() {
        ResourceSet set = XmiFiles.resourceSet();
        List<EObject> roots = new ArrayList<>();
        for (URI file : Models.SAMPLE_FILES) {
            Resource resource = set.getResource(file, true);
            roots.addAll(resource.getContents());
        }
        return roots;
    }

    static List<EObject> load(java.nio.file.Path file) {
        ResourceSet set = XmiFiles.resourceSet();
        Resource resource = set.getResource(URI.createFileURI(file.toAbsolutePath().toString()), true);
        return new ArrayList<>(resource.getContents());
    }
}
