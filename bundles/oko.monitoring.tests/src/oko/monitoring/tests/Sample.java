package oko.monitoring.tests;

import java.nio.file.Path;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

/** The sample model, bundles/oko.municipal/samples/seeds.xmi and illustrative-monitoring.xmi, loaded into a new resource set and resolved. */
final class Sample {

    final ResourceSet set = new ResourceSetImpl();
    final Resource seeds;
    final Resource illustrative;

    Sample() {
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        seeds = set.getResource(URI.createFileURI(samples.resolve("seeds.xmi").toString()), true);
        illustrative = set.getResource(URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()),
                true);
        EcoreUtil.resolveAll(set);
    }
}
