package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.junit.jupiter.api.Test;

import oko.diagram.Arrangement;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramQueries;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.descriptions.DescriptionChecker;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.model.CycleStage;
import oko.model.DateDeadline;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.Measure;
import oko.model.MeasureStatus;
import oko.model.Monitoring;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.StageKind;
import oko.model.Task;

/**
 * The management cycle diagram as the direction's editor, on direction 1.2 of the sample (seeds 002
 * and the illustrative monitoring data): what each stage shows by its kind, the edges between the
 * stages' objects, the conditional styles of the state, a creation tool for each kind inside its
 * stage (one undoable command), and the nine-direction overview. Expectations are counted by hand in
 * bundles/oko.municipal/samples/seeds.xmi and illustrative-monitoring.xmi, as the comments say.
 */
class CycleDiagramTest {

    private final ResourceSetImpl set = new ResourceSetImpl();
    private final List<DescriptionGroup> descriptions = TestModels.shippedDescriptions();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(new ComposedAdapterFactory(
            ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack(), set);

    CycleDiagramTest() {
        TestModels.loadSample(set);
    }

    private DiagramDescription cycle() {
        return TestModels.description(descriptions, "cycle");
    }

    /** Direction 1.2 «Система работы со школами с низкими результатами…» of МР Ишимбайский район. */
    private Direction direction() {
        return TestModels.all(set, Direction.class).stream().filter(d -> "1.2".equals(d.getCode())
                && d.getStages().size() == 6).findFirst().orElseThrow();
    }

    private <T extends EObject> T byId(Class<T> type, String id) {
        return TestModels.all(set, type).stream().filter(o -> id.equals(o.eResource().getURIFragment(o))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    private static Node stage(Diagram diagram, StageKind kind) {
        return diagram.nodes().stream().filter(n -> n.element() instanceof CycleStage s && s.getKind() == kind)
                .findFirst().orElseThrow();
    }

    /** The xmi:ids of a stage's children of one mapping, in order. */
    private static List<String> children(Node stage, String mapping) {
        return stage.children().stream().filter(c -> c.mapping().getId().equals(mapping))
                .map(c -> c.element().eResource().getURIFragment(c.element())).toList();
    }

    private static long edges(Diagram diagram, String mapping) {
        return diagram.edges().stream().filter(e -> e.mapping().getId().equals(mapping)).count();
    }

    private static List<String> ids(String prefix, int from, int to) {
        return java.util.stream.IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
    }

    @Test
    void eachStageShowsWhatBelongsToItByItsKind() {
        Diagram diagram = DiagramInterpreter.build(cycle(), direction());
        assertEquals(List.of(), diagram.problems());
        assertEquals(6, diagram.nodes().size(), "only the six stages are drawn on the diagram itself");

        // 1: goals goal-1.2-1…4 and tasks task-1.2-1…11 of stage-1.2-1; every stage lists the programme doc-1048-app3
        Node goals = stage(diagram, StageKind.GOALS);
        assertEquals(ids("goal-1.2-", 1, 4), children(goals, "goal"));
        assertEquals(ids("task-1.2-", 1, 11), children(goals, "task"));
        assertEquals(List.of("doc-1048-app3"), children(goals, "stageDocument"));
        assertEquals(4 + 11 + 1, goals.children().size());

        // 2: the ten indicators ind-1.2.1…10 (direction 1.2); the sub-indicators inside their indicator:
        // ind-1.2.1 has 4 (1.2.1.1–1.2.1.4), ind-1.2.2 has 9 (1.2.2.1–1.2.2.9), the others none
        Node indicators = stage(diagram, StageKind.INDICATORS);
        assertEquals(ids("ind-1.2.", 1, 10), children(indicators, "indicator"));
        Map<String, Integer> subs = indicators.children().stream().filter(c -> c.mapping().getId().equals("indicator"))
                .collect(Collectors.toMap(c -> ((Indicator) c.element()).getCode(), c -> c.children().size()));
        assertEquals(4, subs.get("1.2.1"));
        assertEquals(9, subs.get("1.2.2"));
        assertEquals(0, subs.get("1.2.3"));
        // the formula's state: 1.2.1 and 1.2.2 have none (their sub-indicators have them); 1.2.3 reads
        Node first = indicators.children().get(0);
        assertTrue(first.label().contains("нет формулы") || first.label().contains("no formula"), first.label());
        assertEquals("#FFEBEE", first.style().getBackground(), "an indicator without a formula is pale red");
        Node third = indicators.children().get(2);
        assertEquals("#FFFFFF", third.style().getBackground(), third.label());

        // 3: mon-1.2-1…5 (seeds) then ill-mon-1…5 (the illustrative system, which refers to 1.2); the seeds'
        // have no run, each illustrative one shows its 2023 run
        Node monitoring = stage(diagram, StageKind.MONITORING);
        List<String> monitorings = children(monitoring, "monitoring");
        assertEquals(List.of("mon-1.2-1", "mon-1.2-2", "mon-1.2-3", "mon-1.2-4", "mon-1.2-5", "ill-mon-1", "ill-mon-2",
                "ill-mon-3", "ill-mon-4", "ill-mon-5"), monitorings);
        Node ill1 = monitoring.children().get(5);
        assertEquals(1, ill1.children().size());
        assertEquals("ill-run-1-2023", ill1.children().get(0).element().eResource().getURIFragment(ill1.children().get(0).element()));
        // coverage of ill-run-1-2023: 12 schools have raw values; the formulas of ill-mon-1's indicators
        // (1.2.1.1–1.2.1.4) need ege_high_scorers, ege_graduates, gia_grade2_students, gia_participants,
        // vpr_grade_correlation, accreditation_suspended; 9 of the 12 have all six (3 lack one): 75 %
        String run = ill1.children().get(0).label();
        assertTrue(run.contains("9 из 12 школ (75 %)") || run.contains("9 of 12 schools (75 %)"), run);
        assertEquals(0, monitoring.children().get(0).children().size(), "mon-1.2-1 has no run");

        // 4: the risk groups ШНОР and ШНСУ (their indicators are 1.2.1.x and 1.2.2.x), recommendations rec-1.2-1…9
        Node analysis = stage(diagram, StageKind.ANALYSIS);
        assertEquals(Set.of("rg-shnor", "rg-shnsu"), Set.copyOf(children(analysis, "riskGroup")));
        assertEquals(ids("rec-1.2-", 1, 9), children(analysis, "recommendation"));

        // 5: meas-1.2-1…10 and the illustrative ill-measure-1 (done); no plan or decision concerns 1.2
        Node measures = stage(diagram, StageKind.MEASURES);
        List<String> expected = new java.util.ArrayList<>(ids("meas-1.2-", 1, 10));
        expected.add("ill-measure-1");
        assertEquals(expected, children(measures, "measure"));
        assertEquals(List.of(), children(measures, "planItem"));
        assertEquals(List.of(), children(measures, "decision"));
        Node done = measures.children().stream().filter(c -> c.element() instanceof Measure m
                && m.getStatus() == MeasureStatus.DONE).findFirst().orElseThrow();
        assertTrue(done.label().endsWith("(выполнено)") || done.label().endsWith("(done)"), done.label());

        // 6: no analytical report on stage-1.2-6 and no measure with a conclusion: only the programme
        Node effectiveness = stage(diagram, StageKind.EFFECTIVENESS);
        assertEquals(List.of("doc-1048-app3"), children(effectiveness, "stageDocument"));
        assertEquals(1, effectiveness.children().size());

        // edges: goals → indicators: goal 1 → 1.2.1, 1.2.2; goal 2 → 1.2.1, 1.2.4; goal 3 → 1.2.6–8; goal 4 → 1.2.10 = 8
        assertEquals(8, edges(diagram, "goalIndicators"));
        // indicators → monitorings: the indicators each monitoring names: mon-1.2-1: 1.2.1 and 4 subs = 5,
        // mon-1.2-2: 1 + 9 = 10, mon-1.2-3: 5, mon-1.2-4: 3, mon-1.2-5: 1, ill-mon-1…5: 4 + 9 + 4 + 3 + 1 = 21; 45
        assertEquals(45, edges(diagram, "indicatorMonitorings"));
        // recommendations → measures: ill-measure-1 is based on rec-1.2-3
        assertEquals(1, edges(diagram, "basedOn"));
        // measures → goals: ill-measure-1 targets 1.2.1.1 and 1.2.1.2, sub-indicators of 1.2.1, which goals 1 and 2 name
        assertEquals(2, edges(diagram, "effectiveness"));
        assertEquals(5, edges(diagram, "flow"));
        assertEquals(1, edges(diagram, "feedback"));
    }

    @Test
    void arrangeAllRoutesTheEdgesBetweenStagesChildrenAroundTheirText() {
        Diagram diagram = DiagramInterpreter.build(cycle(), direction());
        oko.diagram.DiagramLayout.Result result = oko.diagram.DiagramLayout.layout(diagram);
        Map<Node, Node> parents = Arrangement.parents(diagram);
        List<Node> leaves = diagram.allNodes().stream().filter(n -> n.children().isEmpty()).toList();
        // the 8 goal → indicator edges counted above, the 45 indicator → monitoring edges, the one
        // recommendation → measure and the 2 measure → goal edges: every one joins children of two stages
        List<DiagramInterpreter.Edge> between = diagram.edges().stream().filter(e -> parents.containsKey(e.source())
                && parents.containsKey(e.target())).toList();
        assertEquals(8 + 45 + 1 + 2, between.size());
        for (DiagramInterpreter.Edge edge : between) {
            int[] route = result.routes().get(edge);
            String name = edge.mapping().getId() + " " + edge.source().label() + " → " + edge.target().label();
            assertNotNull(route, name);
            oko.diagram.DiagramLayout.Bounds from = result.bounds().get(edge.source());
            oko.diagram.DiagramLayout.Bounds to = result.bounds().get(edge.target());
            // leaves the source's side at its middle height, reaches the target's side at its middle
            // (right then left, or, for an edge back to an earlier stage, left then right)
            int n = route.length;
            assertTrue(route[0] == Math.round(from.x() + from.width()) || route[0] == Math.round(from.x()), name);
            assertEquals(Math.round(from.y() + from.height() / 2), route[1], name);
            assertTrue(route[n - 2] == Math.round(to.x()) || route[n - 2] == Math.round(to.x() + to.width()), name);
            assertEquals(Math.round(to.y() + to.height() / 2), route[n - 1], name);
            for (int i = 0; i + 3 < n; i += 2) {
                // orthogonal segments (the stages' flow is orthogonal), none through another node's text
                assertTrue(route[i] == route[i + 2] || route[i + 1] == route[i + 3], name + " segment " + i / 2);
                for (Node leaf : leaves) {
                    if (leaf != edge.source() && leaf != edge.target()) {
                        assertFalse(crosses(result.bounds().get(leaf), route[i], route[i + 1], route[i + 2], route[i + 3]),
                                name + " crosses " + leaf.label());
                    }
                }
            }
        }
    }

    /**
     * What Arrange All stored is what the diagram shows: after Arrange All of 1.2's cycle, showing the stored diagram
     * again keeps the route of every edge between two stages' children (none is taken for a route left behind by a
     * moved child and drawn straight over the text instead). A route repeats coordinates (x0, y0, x0, y1: a vertical
     * segment); the stored list of points kept only the first of equal numbers until it was made non-unique.
     */
    @Test
    void theStoredRoutesBetweenStagesChildrenAreShownAfterArrangeAll() {
        Representation representation = representation(cycle(), direction());
        Shown shown = Arrangement.arrange(representation, cycle());
        Map<Node, Node> parents = Arrangement.parents(shown.diagram());
        List<String> straight = shown.diagram().edges().stream().filter(e -> parents.containsKey(e.source())
                && parents.containsKey(e.target()) && !shown.routes().containsKey(e))
                .map(e -> e.mapping().getId() + " " + e.source().label() + " → " + e.target().label()).toList();
        assertEquals(List.of(), straight);
    }

    /**
     * Showing a diagram right after Arrange All puts every node where Arrange All stored it. The
     * municipal programme «Приложение 3» is a document of all six stages of 1.2, so it is drawn in each
     * stage: six nodes of one element, each with a layout of its own (its container tells them apart).
     * While they shared one, the copy in stage 1 took the place stored for another stage, and every
     * goal below it moved down by the document's height plus the gap (238 + 4 px).
     */
    @Test
    void everyNodeIsShownWhereArrangeAllStoredIt() {
        Representation representation = representation(cycle(), direction());
        Shown shown = Arrangement.arrange(representation, cycle());
        Map<Node, Node> parents = Arrangement.parents(shown.diagram());
        Map<Arrangement.Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        List<String> moved = new java.util.ArrayList<>();
        for (Node node : shown.diagram().allNodes()) {
            NodeLayout layout = stored.get(Arrangement.key(node));
            oko.diagram.DiagramLayout.Bounds box = Arrangement.storedBounds(node, parents, shown.bounds());
            if (layout == null || Math.abs(layout.getX() - box.x()) > 1 || Math.abs(layout.getY() - box.y()) > 1
                    || Math.abs(layout.getWidth() - box.width()) > 1 || Math.abs(layout.getHeight() - box.height()) > 1) {
                moved.add(node.mapping().getId() + " " + node.label() + ": " + box);
            }
        }
        assertEquals(List.of(), moved);
        long documents = shown.diagram().allNodes().stream().filter(n -> n.mapping().getId().equals("stageDocument"))
                .map(Arrangement::key).distinct().count();
        assertEquals(6, documents, "the programme in each of the six stages, each its own node");
    }

    /** Whether an axis-parallel segment passes through the inside of the box (its border left out). */
    private static boolean crosses(oko.diagram.DiagramLayout.Bounds box, int x1, int y1, int x2, int y2) {
        double left = Math.min(x1, x2);
        double right = Math.max(x1, x2);
        double top = Math.min(y1, y2);
        double bottom = Math.max(y1, y2);
        return left < box.x() + box.width() - 1 && right > box.x() + 1 && top < box.y() + box.height() - 1
                && bottom > box.y() + 1;
    }

    @Test
    void eachKindIsALayerThatCanBeSwitchedOff() {
        DiagramDescription cycle = cycle();
        var indicators = cycle.getLayers().stream().filter(l -> l.getId().equals("cycle.indicators")).findFirst()
                .orElseThrow();
        assertTrue(indicators.isOptional() && indicators.isActiveByDefault());
        List<oko.diagram.description.Layer> others = cycle.getLayers().stream().filter(l -> l != indicators).toList();
        Diagram without = DiagramInterpreter.build(cycle, direction(), others, List.of());
        Node stage = stage(without, StageKind.INDICATORS);
        assertEquals(List.of("doc-1048-app3"), children(stage, "stageDocument"), "only the programme is left");
        assertEquals(0, edges(without, "goalIndicators"));
        assertEquals(0, edges(without, "indicatorMonitorings"));
        assertEquals(ids("goal-1.2-", 1, 4), children(stage(without, StageKind.GOALS), "goal"));
        Diagram plain = DiagramInterpreter.build(cycle, direction(), List.of(), List.of());
        assertTrue(plain.nodes().stream().allMatch(n -> n.children().isEmpty()), "the default layer: empty stages");
    }

    @Test
    void theConditionsOfTheStateStyles() {
        Indicator none = byId(Indicator.class, "ind-1.2.1");
        Indicator readable = byId(Indicator.class, "ind-1.2.3");
        assertTrue(DiagramQueries.test("noFormula", none));
        assertFalse(DiagramQueries.test("noFormula", readable));
        assertFalse(DiagramQueries.test("unreadableFormula", readable), readable.getFormula());
        readable.setFormula("share(teachers_diagnosed,");
        assertTrue(DiagramQueries.test("unreadableFormula", readable));
        assertFalse(DiagramQueries.test("noFormula", readable));
        // only rec-1.2-3 has a measure (ill-measure-1 is based on it)
        assertFalse(DiagramQueries.test("withoutMeasure", byId(Recommendation.class, "rec-1.2-3")));
        assertTrue(DiagramQueries.test("withoutMeasure", byId(Recommendation.class, "rec-1.2-1")));
        // a measure due yesterday and not done is overdue; done, it is not
        Measure measure = byId(Measure.class, "meas-1.2-1");
        DateDeadline deadline = OkoFactory.eINSTANCE.createDateDeadline();
        deadline.setDate(Date.from(LocalDate.now().minusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        measure.setDeadline(deadline);
        assertTrue(DiagramQueries.test("overdue", measure));
        Node node = stage(DiagramInterpreter.build(cycle(), direction()), StageKind.MEASURES).children().get(0);
        assertEquals("#FFEBEE", node.style().getBackground());
        assertEquals(List.of("%overdue"), DiagramInterpreter.reasons(node.mapping(), measure),
                "the reason, translated when the description is loaded by the registry");
        assertTrue(node.label().contains("просрочено") || node.label().contains("overdue"), node.label());
        measure.setStatus(MeasureStatus.DONE);
        assertFalse(DiagramQueries.test("overdue", measure));
    }

    private Representation representation(DiagramDescription description, EObject target) {
        return TestModels.arranged(domain, set.createResource(URI.createURI("memory:/diagrams-" + System.nanoTime()
                + ".xmi")), description, target);
    }

    private CreateNodeTool tool(String id) {
        return cycle().getLayers().stream().flatMap(l -> l.getTools().stream()).filter(t -> t.getId().equals(id))
                .map(CreateNodeTool.class::cast).findFirst().orElseThrow();
    }

    /** Runs a creation tool in the stage of that kind; returns the new element, checked to be shown inside it. */
    private EObject create(Representation representation, String toolId, StageKind kind) {
        Shown shown = Arrangement.arrange(representation, cycle());
        CreateNodeTool tool = tool(toolId);
        for (StageKind other : StageKind.VALUES) {
            if (other != kind) {
                assertFalse(DiagramEditing.createNode(domain, representation, shown.diagram(), shown.bounds(), tool,
                        stage(shown.diagram(), other), null).canExecute(), toolId + " is refused in stage " + other);
            }
        }
        assertFalse(DiagramEditing.createNode(domain, representation, shown.diagram(), shown.bounds(), tool, null,
                new double[] { 10, 10 }).canExecute(), toolId + " is refused outside the stages");
        Command command = DiagramEditing.createNode(domain, representation, shown.diagram(), shown.bounds(), tool,
                stage(shown.diagram(), kind), null);
        assertTrue(command.canExecute(), toolId);
        domain.getCommandStack().execute(command);
        EObject created = ((DiagramEditing.Creation) command).element();
        Shown after = Arrangement.arrange(representation, cycle());
        Node node = after.node(created);
        assertNotNull(node, toolId + ": the new element is drawn");
        assertTrue(stage(after.diagram(), kind).children().contains(node), toolId + ": inside its stage");
        var inStage = after.bounds().get(stage(after.diagram(), kind));
        var box = after.bounds().get(node);
        assertTrue(box.x() >= inStage.x() && box.y() >= inStage.y()
                && box.y() + box.height() <= inStage.y() + inStage.height() + 0.01, toolId + ": drawn inside its stage");
        return created;
    }

    @Test
    void eachCreationToolCreatesItsElementInsideItsStageLinkedToTheDirectionAsOneUndoableCommand() {
        Direction direction = direction();
        QualitySystem system = (QualitySystem) direction.eContainer();
        Representation representation = representation(cycle(), direction);
        CycleStage goalsStage = direction.getStages().get(0);
        CycleStage effectivenessStage = direction.getStages().get(5);
        int goals = goalsStage.getGoals().size();
        int tasks = goalsStage.getTasks().size();
        int indicators = system.getIndicators().size();
        int monitorings = system.getMonitorings().size();
        int recommendations = system.getRecommendations().size();
        int measures = system.getMeasures().size();
        int documents = system.getDocuments().size();
        int riskGroups = system.getRiskGroups().size();

        Goal goal = (Goal) create(representation, "cycle.newGoal", StageKind.GOALS);
        assertSame(goalsStage, goal.eContainer());
        assertTrue(goal.getName().startsWith("Цель 5") || goal.getName().startsWith("Goal 5"), goal.getName());
        Task task = (Task) create(representation, "cycle.newTask", StageKind.GOALS);
        assertSame(goalsStage, task.eContainer());
        Indicator indicator = (Indicator) create(representation, "cycle.newIndicator", StageKind.INDICATORS);
        assertSame(system, indicator.eContainer(), "an indicator lives in its system's indicators");
        assertSame(OkoPackage.Literals.QUALITY_SYSTEM__INDICATORS, indicator.eContainmentFeature());
        assertSame(direction, indicator.getDirection());
        Monitoring monitoring = (Monitoring) create(representation, "cycle.newMonitoring", StageKind.MONITORING);
        assertSame(system, monitoring.eContainer());
        assertSame(direction, monitoring.getDirection());
        oko.model.RiskGroup riskGroup = (oko.model.RiskGroup) create(representation, "cycle.newRiskGroup",
                StageKind.ANALYSIS);
        assertSame(system, riskGroup.eContainer(), "a risk group lives in its system's risk groups");
        assertTrue(direction.getRiskGroups().contains(riskGroup), "the direction works with it");
        Recommendation recommendation = (Recommendation) create(representation, "cycle.newRecommendation",
                StageKind.ANALYSIS);
        assertSame(direction, recommendation.getDirection());
        Measure measure = (Measure) create(representation, "cycle.newMeasure", StageKind.MEASURES);
        assertSame(system, measure.eContainer());
        assertSame(direction, measure.getDirection());
        Document analysis = (Document) create(representation, "cycle.newAnalysis", StageKind.EFFECTIVENESS);
        assertSame(system, analysis.eContainer());
        assertEquals(DocumentKind.ANALYTICAL_REPORT, analysis.getKind());
        assertTrue(effectivenessStage.getDocuments().contains(analysis), "attached to the effectiveness stage");

        // each creation is one command: eight undos take all of it back
        for (int i = 0; i < 8; i++) {
            assertTrue(domain.getCommandStack().canUndo());
            domain.getCommandStack().undo();
        }
        assertEquals(goals, goalsStage.getGoals().size());
        assertEquals(tasks, goalsStage.getTasks().size());
        assertEquals(indicators, system.getIndicators().size());
        assertEquals(monitorings, system.getMonitorings().size());
        assertEquals(recommendations, system.getRecommendations().size());
        assertEquals(measures, system.getMeasures().size());
        assertEquals(documents, system.getDocuments().size());
        assertEquals(riskGroups, system.getRiskGroups().size());
        assertFalse(direction.getRiskGroups().contains(riskGroup));
        assertFalse(effectivenessStage.getDocuments().contains(analysis));
        assertFalse(domain.getCommandStack().canUndo());
        // and redo brings the indicator back, linked
        domain.getCommandStack().redo();
        domain.getCommandStack().redo();
        domain.getCommandStack().redo();
        assertTrue(system.getIndicators().contains(indicator));
        assertSame(direction, indicator.getDirection());
    }

    @Test
    void theOverviewShowsTheNineDirectionsWithTheirSixStagesColouredByKind() {
        QualitySystem system = (QualitySystem) direction().eContainer();
        DiagramDescription overview = TestModels.description(descriptions, "overview");
        Diagram diagram = DiagramInterpreter.build(overview, system);
        assertEquals(List.of(), diagram.problems());
        // МР Ишимбайский район: directions 1.1–1.4 and 2.1–2.5
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"),
                diagram.nodes().stream().map(n -> ((Direction) n.element()).getCode()).toList());
        Node twelve = diagram.nodes().get(1);
        assertEquals(6, twelve.children().size());
        // one colour a kind, the cycle diagram's: the stage containers there have the same backgrounds
        Diagram cycle = DiagramInterpreter.build(cycle(), direction());
        for (Node stage : twelve.children()) {
            StageKind kind = ((CycleStage) stage.element()).getKind();
            assertEquals(stage(cycle, kind).style().getBackground(), stage.style().getBackground(), kind.getName());
        }
        assertEquals(6, twelve.children().stream().map(n -> n.style().getBackground()).distinct().count());
        // the count of what belongs to a stage: stage 1 has 4 goals and 11 tasks = 15; stage 2 ten indicators
        assertTrue(twelve.children().get(0).label().endsWith("(15)"), twelve.children().get(0).label());
        assertTrue(twelve.children().get(1).label().endsWith("(10)"), twelve.children().get(1).label());
        // direction 1.1 has no stages described: an empty box
        assertEquals(0, diagram.nodes().get(0).children().size());
    }

    @Test
    void theCheckerNamesAToolInitialisationOfAFeatureTheClassLacks() {
        DescriptionGroup group = EcoreUtil.copy(descriptions.get(0));
        assertEquals(List.of(), DescriptionChecker.check(group, OkoPackage.eINSTANCE));
        CreateNodeTool tool = group.getDiagrams().get(0).getLayers().stream().flatMap(l -> l.getTools().stream())
                .filter(t -> t.getId().equals("cycle.newIndicator")).map(CreateNodeTool.class::cast).findFirst()
                .orElseThrow();
        tool.getInitialisations().get(0).setFeature("directions");
        List<String> problems = DescriptionChecker.check(group, OkoPackage.eINSTANCE);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("cycle.newIndicator: "), problems.get(0));
    }
}
