package oko.diagram.tests;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.diagram.description.DescriptionGroup;

/** The sample model and the shipped diagram descriptions, read from the repository's models/ folder. */
final class TestModels {

    private TestModels() {
    }

    private static Path root() {
        return Path.of(System.getProperty("oko.root"));
    }

    /** Loads the sample model (seeds and illustrative monitoring data) into the set, resolved. */
    static void loadSample(ResourceSet set) {
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        set.getResource(URI.createFileURI(root().resolve("models/samples/seeds.xmi").toString()), true);
        set.getResource(URI.createFileURI(root().resolve("models/samples/illustrative-monitoring.xmi").toString()), true);
        EcoreUtil.resolveAll(set);
    }

    /** models/diagrams/oko.diagrams.xmi, in a resource set of its own. */
    static DescriptionGroup shippedDescriptions() {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        return (DescriptionGroup) set.getResource(URI.createFileURI(root().resolve("models/diagrams/oko.diagrams.xmi")
                .toString()), true).getContents().get(0);
    }
}
