package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.core.deadline.Deadlines;
import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.NamedQuery;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Indicator;
import oko.model.MeasureStatus;
import oko.model.Monitoring;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.WorkingGroup;

/** The shipped diagram types interpreted on the sample model; expected elements derived from the model. */
class DiagramInterpreterTest {

    private final ResourceSetImpl set = new ResourceSetImpl();
    private final List<DescriptionGroup> descriptions;

    DiagramInterpreterTest() {
        TestModels.loadSample(set);
        descriptions = TestModels.shippedDescriptions();
    }

    private DiagramDescription description(String id) {
        return TestModels.description(descriptions, id);
    }

    private static List<EObject> elements(Diagram diagram, String mappingId) {
        return diagram.allNodes().stream().filter(n -> n.mapping().getId().equals(mappingId)).map(Node::element).toList();
    }

    private static long edges(Diagram diagram, String mappingId) {
        return diagram.edges().stream().filter(e -> e.mapping().getId().equals(mappingId)).count();
    }

    private <T extends EObject> List<T> all(Class<T> type) {
        return TestModels.all(set, type);
    }

    @Test
    void theManagementCycleOfADirectionShowsItsStagesInOrderWithFlowAndFeedback() {
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6).findFirst()
                .orElseThrow();
        Diagram diagram = DiagramInterpreter.build(description("cycle"), direction);
        assertEquals(List.of(), diagram.problems());
        assertEquals(direction.getStages(), elements(diagram, "stage"));
        for (Node stage : diagram.nodes().stream().filter(n -> n.mapping().getId().equals("stage")).toList()) {
            CycleStage semantic = (CycleStage) stage.element();
            // stage 1 lists its goals and tasks; every stage its documents (what the other stages show: CycleDiagramTest)
            long own = stage.children().stream().filter(c -> c.element().eContainer() == semantic
                    || semantic.getDocuments().contains(c.element())).count();
            assertEquals(semantic.getGoals().size() + semantic.getTasks().size() + semantic.getDocuments().size(), own,
                    semantic.getName());
            assertTrue(stage.label().contains(semantic.getName().strip().split("\\s+")[0]), stage.label());
        }
        assertEquals(5, edges(diagram, "flow"), "goals → indicators → … → effectiveness");
        assertEquals(1, edges(diagram, "feedback"));
        var feedback = diagram.edges().stream().filter(e -> e.mapping().getId().equals("feedback")).findFirst().orElseThrow();
        assertEquals(StageKind.EFFECTIVENESS, ((CycleStage) feedback.source().element()).getKind());
        assertEquals(StageKind.GOALS, ((CycleStage) feedback.target().element()).getKind());

        // the indicators of the direction's system that name it are drawn in stage 2 (or inside their indicator)
        List<Indicator> indicators = all(Indicator.class).stream().filter(i -> i.getDirection() == direction).toList();
        assertFalse(indicators.isEmpty());
        List<EObject> shownIndicators = new ArrayList<>(elements(diagram, "indicator"));
        shownIndicators.addAll(elements(diagram, "subIndicator"));
        assertEquals(new java.util.HashSet<>(indicators), new java.util.HashSet<>(shownIndicators));
        long measured = all(Monitoring.class).stream().filter(m -> m.getDirection() == direction)
                .mapToLong(m -> m.getIndicators().stream().filter(indicators::contains).count()).sum();
        assertEquals(measured, edges(diagram, "indicatorMonitorings"));

        // the optional layers off: only the stages
        Diagram plain = DiagramInterpreter.build(description("cycle"), direction, List.of(), List.of());
        assertEquals(List.of(), elements(plain, "indicator"));
        assertEquals(6, elements(plain, "stage").size());
    }

    @Test
    void rolesFunctionsAndDocumentsWithPerformsAndGovernedByEdges() {
        QualitySystem system = all(QualitySystem.class).stream()
                .filter(s -> "msoko-functions-001".equals(s.getCode())).findFirst().orElseThrow();
        Diagram diagram = DiagramInterpreter.build(description("roles"), system);
        assertEquals(List.of(), diagram.problems());
        List<oko.model.Function> functions = new ArrayList<>();
        system.eAllContents().forEachRemaining(o -> {
            if (o instanceof oko.model.Function f) {
                functions.add(f);
            }
        });
        assertEquals(functions.size(), elements(diagram, "function").size());
        assertEquals(system.getRoles(), elements(diagram, "role"));
        long performs = functions.stream().mapToLong(f -> f.getResponsibleRoles().stream()
                .filter(system.getRoles()::contains).count()).sum();
        assertTrue(performs > 0);
        assertEquals(performs, edges(diagram, "performs"));
        long governed = functions.stream().mapToLong(f -> f.getDocuments().stream()
                .filter(system.getDocuments()::contains).count()).sum();
        assertEquals(governed, edges(diagram, "governedBy"));
    }

    @Test
    void planItemsAreStyledWhenOverdueAndDoneOnesCanBeFilteredOut() {
        Plan plan = all(Plan.class).get(0);
        List<PlanItem> items = new ArrayList<>();
        plan.eAllContents().forEachRemaining(o -> {
            if (o instanceof PlanItem i) {
                items.add(i);
            }
        });
        DiagramDescription description = description("plan");
        Diagram diagram = DiagramInterpreter.build(description, plan);
        assertEquals(items, elements(diagram, "item"));
        for (Node node : diagram.allNodes()) {
            boolean overdue = Deadlines.overdue((PlanItem) node.element(), LocalDate.now());
            assertEquals(overdue ? "#FFCDD2" : "#FFFFFF", node.style().getBackground(), node.label());
        }
        // The sample's illustrative meeting closed one item already (pi-krg-2.1.1.5, done).
        long alreadyDone = items.stream().filter(i -> i.getStatus() == MeasureStatus.DONE).count();
        assertFalse(items.get(0).getStatus() == MeasureStatus.DONE, "the first item is not done yet");
        items.get(0).setStatus(MeasureStatus.DONE);
        Diagram filtered = DiagramInterpreter.build(description, plan, List.of(), description.getFilters());
        assertFalse(elements(filtered, "item").contains(items.get(0)), "the done item is hidden");
        assertEquals(items.size() - 1 - alreadyDone, elements(filtered, "item").size());
    }

    @Test
    void workingGroupMembersAndAnUnknownQueryIsReportedNotThrown() {
        WorkingGroup group = all(WorkingGroup.class).get(0);
        Diagram diagram = DiagramInterpreter.build(description("workingGroup"), group);
        assertEquals(group.getMembers(), elements(diagram, "member"));
        DiagramDescription broken = EcoreUtil.copy(description("cycle"));
        ((NamedQuery) broken.getLayers().get(2).getContainerMappings().get(0).getCandidates()).setName("noSuchQuery");
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6).findFirst()
                .orElseThrow();
        Diagram partial = DiagramInterpreter.build(broken, direction);
        assertEquals(1, partial.problems().size(), partial.problems().toString());
        assertTrue(partial.problems().get(0).startsWith("indicator: unknown query \"noSuchQuery\"")
                || partial.problems().get(0).startsWith("indicator: неизвестный запрос «noSuchQuery»"), partial.problems().toString());
        assertEquals(6, elements(partial, "stage").size(), "the rest is still drawn");
    }

    @Test
    void arrangeAllPlacesEveryNodeWithoutOverlapsAndChildrenInsideTheirContainer() {
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6).findFirst()
                .orElseThrow();
        Diagram diagram = DiagramInterpreter.build(description("cycle"), direction);
        oko.diagram.DiagramLayout.Result layout = oko.diagram.DiagramLayout.layout(diagram);
        assertEquals(diagram.allNodes().size(), layout.bounds().size());
        assertEquals(List.of(), oko.diagram.DiagramLayout.overlaps(diagram, layout));
        for (Node container : diagram.nodes()) {
            var outer = layout.bounds().get(container);
            for (Node child : container.children()) {
                var inner = layout.bounds().get(child);
                assertTrue(inner.x() >= outer.x() && inner.y() >= outer.y()
                        && inner.x() + inner.width() <= outer.x() + outer.width() + 0.01
                        && inner.y() + inner.height() <= outer.y() + outer.height() + 0.01, child.label());
            }
        }
        // the flow goes left to right: each next stage lies to the right of the one before
        for (var edge : diagram.edges().stream().filter(e -> e.mapping().getId().equals("flow")).toList()) {
            assertTrue(layout.bounds().get(edge.target()).x() > layout.bounds().get(edge.source()).x(),
                    edge.source().label() + " → " + edge.target().label());
        }
    }

    @Test
    void contributedDescriptionsLoadAndABrokenContributionIsLeftOutWithItsProblem() {
        oko.diagram.DescriptionRegistry.Loaded loaded = oko.diagram.DescriptionRegistry.reload();
        // oko.diagram's generic types; the module's (plan, working group) are not in this runtime
        assertEquals(List.of("cycle", "roles", "overview"),
                loaded.descriptions().stream().map(DiagramDescription::getId).toList());
        String file = "oko.diagram.tests/descriptions/broken.diagrams.xmi: brokenDiagram: ";
        assertTrue(loaded.problems().equals(List.of(file + "unknown domain class \"Directions\""))
                || loaded.problems().equals(List.of(file + "неизвестный класс предметной области «Directions»")),
                loaded.problems().toString());
        assertEquals(List.of("cycle"), oko.diagram.DescriptionRegistry.forClass(oko.model.OkoPackage.Literals.DIRECTION)
                .stream().map(DiagramDescription::getId).toList());
        assertEquals(List.of("roles", "overview"), oko.diagram.DescriptionRegistry
                .forClass(oko.model.OkoPackage.Literals.QUALITY_SYSTEM).stream().map(DiagramDescription::getId).toList());
    }

    @Test
    void bundlesContributeNamedQueriesAndPredicatesThroughTheExtensionPoint() {
        QualitySystem system = all(QualitySystem.class).stream().filter(s -> s.getRoles().size() > 2).findFirst()
                .orElseThrow();
        List<EObject> reversed = new ArrayList<>(system.getRoles());
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, oko.diagram.DiagramQueries.query("test.rolesReversed", system));
        oko.model.Role coded = system.getRoles().stream().filter(r -> r.getCode() != null && !r.getCode().isBlank())
                .findFirst().orElseThrow();
        assertTrue(oko.diagram.DiagramQueries.test("test.hasCode", coded));
        assertFalse(oko.diagram.DiagramQueries.test("test.hasCode", all(oko.model.Function.class).get(0)),
                "a function has a number, not a code");
        // a contribution whose class is missing is logged and left out: the name stays unknown
        assertEquals(null, oko.diagram.DiagramQueries.query("test.missing", system));
        // a description using a contributed query draws its nodes
        DiagramDescription roles = org.eclipse.emf.ecore.util.EcoreUtil.copy(description("roles"));
        NamedQuery query = oko.diagram.description.DescriptionFactory.eINSTANCE.createNamedQuery();
        query.setName("test.rolesReversed");
        roles.getLayers().get(0).getNodeMappings().get(0).setCandidates(query);
        Diagram diagram = DiagramInterpreter.build(roles, system);
        assertEquals(List.of(), diagram.problems());
        assertEquals(reversed, elements(diagram, "role"));
    }
}
