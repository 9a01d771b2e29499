package oko.diagram.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.diagram.description.ContainerMapping;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.FeaturePath;
import oko.diagram.description.NodeMapping;
import oko.diagram.descriptions.DescriptionChecker;
import oko.model.OkoPackage;

/** The diagram descriptions Oko ships (bundles/oko.diagram/descriptions, bundles/oko.municipal/descriptions) load, validate and fit the Oko metamodel. */
class ShippedDescriptionsTest {

    /** oko.diagram's generic descriptions. */
    private static DescriptionGroup load() {
        return load("oko.diagrams.xmi");
    }

    /** A description file of its bundle: oko.diagrams.xmi (oko.diagram) or municipal.diagrams.xmi (oko.municipal). */
    private static DescriptionGroup load(String name) {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path file = Path.of(System.getProperty("oko.root"), "bundles",
                name.startsWith("municipal.") ? "oko.municipal" : "oko.diagram", "descriptions", name);
        Resource resource = set.getResource(URI.createFileURI(file.toString()), true);
        assertEquals(List.of(), resource.getErrors());
        return (DescriptionGroup) resource.getContents().get(0);
    }

    @Test
    void theFourDiagramTypesOfTheIssueAreDescribed() {
        List<DiagramDescription> diagrams = new java.util.ArrayList<>(load().getDiagrams());
        diagrams.addAll(load("municipal.diagrams.xmi").getDiagrams());
        assertEquals(List.of("cycle", "roles", "overview", "plan", "workingGroup"),
                diagrams.stream().map(DiagramDescription::getId).toList());
        assertEquals(List.of("Direction", "QualitySystem", "QualitySystem", "Plan", "WorkingGroup"),
                diagrams.stream().map(DiagramDescription::getDomainClass).toList());
        for (DiagramDescription diagram : diagrams) {
            assertTrue(diagram.getLabel().chars().anyMatch(c -> c >= 'А' && c <= 'я'), diagram.getId());
            assertTrue(!diagram.getLayers().get(0).isOptional(), "the default layer cannot be switched off");
        }
    }

    @Test
    void theShippedDescriptionsAreValidAndFitTheOkoMetamodel() {
        for (DescriptionGroup group : List.of(load(), load("municipal.diagrams.xmi"))) {
            Diagnostic diagnostic = Diagnostician.INSTANCE.validate(group);
            assertEquals(Diagnostic.OK, diagnostic.getSeverity(), diagnostic.getChildren().toString());
            assertEquals(List.of(), DescriptionChecker.check(group, OkoPackage.eINSTANCE), group.getId());
        }
    }

    @Test
    void mistakesAreNamedByTheElementsId() {
        DescriptionGroup group = EcoreUtil.copy(load());
        DiagramDescription cycle = group.getDiagrams().get(0);
        ContainerMapping stage = cycle.getLayers().get(0).getContainerMappings().get(0);
        NodeMapping goal = stage.getReusedNodeMappings().get(0);
        goal.setDomainClass("Goals");
        ((FeaturePath) stage.getCandidates()).setPath("stages/nowhere");
        stage.setLabelExpression("{number}. {title}");
        DiagramDescription roles = group.getDiagrams().get(1);
        ((oko.diagram.description.CreateNodeTool) roles.getLayers().get(0).getTools().get(0)).setContainerFeature("documents");
        List<String> problems = DescriptionChecker.check(group, OkoPackage.eINSTANCE);
        assertEquals(4, problems.size(), problems.toString());
        // the texts are the user's language (messages.properties, Russian, or messages_en.properties)
        assertContainsOne(problems, "goal: unknown domain class \"Goals\"", "goal: неизвестный класс предметной области «Goals»");
        assertContainsOne(problems, "stage: \"stages/nowhere\": CycleStage has no reference \"nowhere\"",
                "stage: «stages/nowhere»: у CycleStage нет ссылки «nowhere»");
        assertContainsOne(problems, "stage: label \"{number}. {title}\": CycleStage has no feature \"title\"",
                "stage: метка «{number}. {title}»: у CycleStage нет свойства «title»");
        assertContainsOne(problems, "roles.newRole: \"documents\" holds Document, not Role",
                "roles.newRole: «documents» содержит Document, а не Role");
    }

    private static void assertContainsOne(List<String> problems, String english, String russian) {
        assertTrue(problems.contains(english) || problems.contains(russian),
                "neither \"" + english + "\" nor \"" + russian + "\" in " + problems);
    }
}
