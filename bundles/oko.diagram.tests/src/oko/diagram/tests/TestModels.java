package oko.diagram.tests;

import java.nio.file.Path;
import java.util.List;


import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.diagram.Arrangement;
import oko.diagram.DiagramEditing;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;

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
        set.getResource(URI.createFileURI(root().resolve("bundles/oko.municipal/samples/seeds.xmi").toString()), true);
        set.getResource(URI.createFileURI(root().resolve("bundles/oko.municipal/samples/illustrative-monitoring.xmi").toString()), true);
        EcoreUtil.resolveAll(set);
    }

    /** Every object of that type in the set, in content order. */
    static <T extends org.eclipse.emf.ecore.EObject> java.util.List<T> all(ResourceSet set, Class<T> type) {
        java.util.List<T> all = new java.util.ArrayList<>();
        for (var it = set.getAllContents(); it.hasNext();) {
            Object next = it.next();
            if (type.isInstance(next)) {
                all.add(type.cast(next));
            }
        }
        return all;
    }

    /** The diagram description of that id in one of the groups. */
    static oko.diagram.description.DiagramDescription description(List<DescriptionGroup> groups, String id) {
        return groups.stream().flatMap(g -> g.getDiagrams().stream()).filter(d -> d.getId().equals(id)).findFirst()
                .orElseThrow();
    }

    /**
     * The shipped description files, each in a resource set of its own: bundles/oko.diagram/descriptions/oko.diagrams.xmi
     * (oko.diagram's generic ones) and bundles/oko.municipal/descriptions/municipal.diagrams.xmi (the module's).
     */
    static List<DescriptionGroup> shippedDescriptions() {
        List<DescriptionGroup> groups = new java.util.ArrayList<>();
        for (String file : List.of("oko.diagrams.xmi", "municipal.diagrams.xmi")) {
            ResourceSetImpl set = new ResourceSetImpl();
            set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
            groups.add((DescriptionGroup) set.getResource(URI.createFileURI(root().resolve(descriptionFile(file))
                    .toString()), true).getContents().get(0));
        }
        return groups;
    }

    /**
     * A new representation of that description for the target, added to the resource and arranged (Arrange All) as one
     * command on the domain's stack, which is then flushed so that the tests start from a clean stack.
     */
    static Representation arranged(EditingDomain domain, Resource resource, DiagramDescription description,
            EObject target) {
        Representation representation = RepresentationFactory.eINSTANCE.createRepresentation();
        representation.setDescription(description.getId());
        representation.setTarget(target);
        resource.getContents().add(representation);
        domain.getCommandStack().execute(DiagramEditing.arrangeAll(domain, representation,
                Arrangement.interpret(representation, description)));
        ((BasicCommandStack) domain.getCommandStack()).flush();
        return representation;
    }

    /** The path, under the source tree, of a shipped description file: each lies in the bundle that contributes it. */
    static String descriptionFile(String file) {
        return "bundles/" + (file.startsWith("municipal.") ? "oko.municipal" : "oko.diagram") + "/descriptions/" + file;
    }
}
