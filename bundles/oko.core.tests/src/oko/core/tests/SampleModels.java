package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.model.Indicator;
import oko.model.ModelRoot;

/** The shipped sample model (bundles/oko.municipal/samples), loaded from the source tree. */
final class SampleModels {

    private static ModelRoot seeds;

    private SampleModels() {
    }

    static Path samples() {
        return Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
    }

    static synchronized ModelRoot seeds() {
        if (seeds == null) {
            ResourceSet set = new ResourceSetImpl();
            set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
            Resource resource = set.getResource(URI.createFileURI(samples().resolve("seeds.xmi").toString()), true);
            assertEquals(List.of(), resource.getErrors());
            seeds = (ModelRoot) resource.getContents().get(0);
        }
        return seeds;
    }

    static List<String> formulas() {
        List<String> result = new ArrayList<>();
        seeds().eAllContents().forEachRemaining(object -> {
            if (object instanceof Indicator indicator && indicator.getFormula() != null) {
                result.add(indicator.getFormula());
            }
        });
        return result;
    }
}
