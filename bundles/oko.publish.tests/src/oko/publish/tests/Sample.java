package oko.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.model.ModelRoot;
import oko.model.QualitySystem;

/** The sample model (bundles/oko.municipal/samples: seeds and illustrative monitoring data) in a new resource set. */
final class Sample {

    final ResourceSet set = new ResourceSetImpl();

    Sample() {
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        for (String file : List.of("seeds.xmi", "illustrative-monitoring.xmi")) {
            Resource resource = set.getResource(URI.createFileURI(samples.resolve(file).toString()), true);
            assertEquals(List.of(), resource.getErrors(), file);
        }
        EcoreUtil.resolveAll(set);
    }

    QualitySystem system(String code) {
        for (Resource resource : set.getResources()) {
            for (EObject root : resource.getContents()) {
                if (root instanceof ModelRoot model) {
                    for (QualitySystem system : model.getQualitySystems()) {
                        if (code.equals(system.getCode())) {
                            return system;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no system " + code + " in the sample");
    }
}
