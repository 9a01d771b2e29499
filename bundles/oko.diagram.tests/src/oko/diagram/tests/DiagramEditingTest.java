package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.junit.jupiter.api.Test;

import oko.diagram.Arrangement;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.SvgExport;
import oko.diagram.description.CreateEdgeTool;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DescriptionFactory;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.EdgeMapping;
import oko.diagram.description.FeaturePath;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.model.Direction;
import oko.model.Function;
import oko.model.Membership;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.model.WorkingGroup;

/**
 * The description's tools and the layout changes as EMF commands on the sample model (no
 * repository, no display): each changes the model and the stored layout, and undo restores both.
 */
class DiagramEditingTest {

    private final ResourceSetImpl set = new ResourceSetImpl();
    private final List<DescriptionGroup> descriptions;
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(new ComposedAdapterFactory(
            ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack(), set);
    private final Resource diagrams;

    DiagramEditingTest() {
        TestModels.loadSample(set);
        diagrams = set.createResource(URI.createURI("memory:/diagrams.xmi"));
        descriptions = TestModels.shippedDescriptions();
    }

    private DiagramDescription description(String id) {
        return TestModels.description(descriptions, id);
    }

    private <T extends EObject> List<T> all(Class<T> type) {
        return TestModels.all(set, type);
    }

    /** The system whose roles diagram shows who performs what (the municipal one of the sample). */
    private QualitySystem systemWithFunctions() {
        return all(QualitySystem.class).stream().filter(s -> s.getRoles().size() > 2 && oko.diagram.DiagramInterpreter
                .build(description("roles"), s).edges().stream().anyMatch(e -> e.mapping().getId().equals("performs")))
                .findFirst().orElseThrow();
    }

    private Representation representation(DiagramDescription description, EObject target) {
        return TestModels.arranged(domain, diagrams, description, target);
    }

    private <T extends oko.diagram.description.Tool> T tool(DiagramDescription description, Class<T> type, String id) {
        return description.getLayers().stream().flatMap(l -> l.getTools().stream()).filter(type::isInstance)
                .map(type::cast).filter(t -> t.getId().equals(id)).findFirst().orElseThrow();
    }

    private static Node node(Shown shown, EObject element) {
        Node node = shown.node(element);
        assertNotNull(node, "no node for " + element);
        return node;
    }

    private void undo() {
        assertTrue(domain.getCommandStack().canUndo());
        domain.getCommandStack().undo();
    }

    @Test
    void createConnectRenameAndDeleteChangeModelAndLayoutAndUndoRestoresBoth() {
        DiagramDescription roles = description("roles");
        QualitySystem system = systemWithFunctions();
        Representation representation = representation(roles, system);
        int rolesBefore = system.getRoles().size();
        int layoutsBefore = representation.getNodes().size();
        assertEquals(Arrangement.interpret(representation, roles).allNodes().size(), layoutsBefore,
                "a new diagram stores every node's place, a container's children too");

        Shown shown = Arrangement.arrange(representation, roles);
        assertTrue(domain.getCommandStack().getMostRecentCommand() == null);
        assertTrue(DiagramEditing.createNode(domain, representation, shown.diagram(), shown.bounds(),
                tool(roles, CreateNodeTool.class, "roles.newRole"), null).canExecute());
        domain.getCommandStack().execute(DiagramEditing.createNode(domain, representation, shown.diagram(),
                shown.bounds(), tool(roles, CreateNodeTool.class, "roles.newRole"), null));
        assertEquals(rolesBefore + 1, system.getRoles().size());
        Role role = system.getRoles().get(rolesBefore);
        assertEquals("Роль " + (rolesBefore + 1), role.getName());
        Shown after = Arrangement.arrange(representation, roles);
        Bounds placed = after.bounds().get(node(after, role));
        for (Node other : after.diagram().nodes()) {
            if (other.element() != role) {
                assertFalse(placed.overlaps(after.bounds().get(other)), "new node overlaps " + other.label());
            }
        }

        Function function = (Function) after.diagram().allNodes().stream().filter(n -> n.element() instanceof Function)
                .findFirst().orElseThrow().element();
        CreateEdgeTool performs = tool(roles, CreateEdgeTool.class, "roles.performs");
        assertFalse(DiagramEditing.canConnect(performs, node(after, role), node(after, function)),
                "performs goes from a function to a role, not back");
        domain.getCommandStack().execute(DiagramEditing.createEdge(domain, performs, node(after, function), node(after, role)));
        assertTrue(function.getResponsibleRoles().contains(role));
        Shown connected = Arrangement.arrange(representation, roles);
        assertTrue(connected.diagram().edges().stream().anyMatch(e -> e.source().element() == function
                && e.target().element() == role && e.mapping().getId().equals("performs")));
        assertFalse(DiagramEditing.canConnect(performs, node(connected, function), node(connected, role)),
                "the same link twice");

        domain.getCommandStack().execute(DiagramEditing.rename(domain, roles, node(connected, role), "  Наблюдатель  "));
        assertEquals("Наблюдатель", role.getName());
        // the direct edit field committed unchanged (Enter or focus lost) is no edit: no undo step
        assertFalse(DiagramEditing.rename(domain, roles, node(connected, role), "Наблюдатель ").canExecute(),
                "the same name again");

        domain.getCommandStack().execute(DiagramEditing.delete(domain, representation, roles,
                List.of(node(connected, role))));
        assertFalse(system.getRoles().contains(role));
        assertFalse(function.getResponsibleRoles().contains(role), "references to a deleted element are cleared");
        assertTrue(representation.getNodes().stream().noneMatch(l -> l.getElement() == role), "its layout goes too");

        undo();
        assertTrue(system.getRoles().contains(role));
        assertTrue(function.getResponsibleRoles().contains(role));
        assertTrue(representation.getNodes().stream().anyMatch(l -> l.getElement() == role));
        undo();
        assertEquals("Роль " + (rolesBefore + 1), role.getName());
        undo();
        assertFalse(function.getResponsibleRoles().contains(role));
        undo();
        assertEquals(rolesBefore, system.getRoles().size());
        assertEquals(layoutsBefore, representation.getNodes().size());
    }

    @Test
    void deletingALinkRemovesOnlyTheReference() {
        DiagramDescription roles = description("roles");
        QualitySystem system = systemWithFunctions();
        Representation representation = representation(roles, system);
        Shown shown = Arrangement.arrange(representation, roles);
        Edge edge = shown.diagram().edges().stream().filter(e -> e.mapping().getId().equals("performs")).findFirst()
                .orElseThrow();
        Function function = (Function) edge.source().element();
        Role role = (Role) edge.target().element();
        domain.getCommandStack().execute(DiagramEditing.delete(domain, representation, roles, List.of(edge)));
        assertFalse(function.getResponsibleRoles().contains(role));
        assertTrue(system.getRoles().contains(role));
        undo();
        assertTrue(function.getResponsibleRoles().contains(role));
    }

    @Test
    void toolsAreRefusedWhereTheDescriptionHasNone() {
        DiagramDescription cycle = description("cycle");
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6).findFirst().orElseThrow();
        Representation representation = representation(cycle, direction);
        Shown shown = Arrangement.arrange(representation, cycle);
        assertFalse(DiagramEditing.delete(domain, representation, cycle, List.of(shown.diagram().nodes().get(0)))
                .canExecute(), "the cycle's stages have no delete tool");
        assertFalse(DiagramEditing.rename(domain, cycle, shown.diagram().nodes().get(0), " ").canExecute(),
                "a blank name");
    }

    @Test
    void movingANodeStoresItsPlaceAndStraightensItsEdgesArrangeAllIsOneUndoableStep() {
        DiagramDescription cycle = description("cycle");
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6).findFirst().orElseThrow();
        Representation representation = representation(cycle, direction);
        assertTrue(representation.getEdges().stream().anyMatch(e -> !e.getPoints().isEmpty()),
                "Arrange All stores bendpoints");
        Shown shown = Arrangement.arrange(representation, cycle);
        Node first = shown.diagram().nodes().get(0);
        Bounds before = shown.bounds().get(first);
        Bounds moved = new Bounds(before.x() + 40, before.y() + 500, before.width(), before.height());
        domain.getCommandStack().execute(DiagramEditing.move(domain, representation, Map.of(first, moved)));
        Shown after = Arrangement.arrange(representation, cycle);
        assertEquals(moved, after.bounds().get(node(after, first.element())));
        assertTrue(representation.getEdges().stream().filter(e -> e.getSource() == first.element()
                || e.getTarget() == first.element()).allMatch(e -> e.getPoints().isEmpty()));
        // children follow their container
        Node child = node(after, first.element()).children().get(0);
        assertTrue(after.bounds().get(child).y() > moved.y());

        // the moved stage is pinned: Arrange All keeps it; the other stages are where ELK put them and
        // overlap nothing, so it has nothing to change (no empty step on the undo stack); unpinned, ELK
        // puts the stage back
        assertFalse(DiagramEditing.arrangeAll(domain, representation, after.diagram()).canExecute(),
                "Arrange All around the pinned stage changes nothing");
        Shown pinned = Arrangement.arrange(representation, cycle);
        assertEquals(moved, pinned.bounds().get(node(pinned, first.element())), "a pinned node stays");
        domain.getCommandStack().execute(DiagramEditing.unpin(domain, representation,
                List.of(node(pinned, first.element()))));
        domain.getCommandStack().execute(DiagramEditing.arrangeAll(domain, representation,
                Arrangement.interpret(representation, cycle)));
        Shown arranged = Arrangement.arrange(representation, cycle);
        assertEquals(before, arranged.bounds().get(node(arranged, first.element())), "ELK is deterministic");
        assertEquals(List.of(), DiagramLayout.overlaps(arranged.diagram(),
                new DiagramLayout.Result(arranged.bounds(), Map.of(), 0, 0)));
        undo();
        undo();
        Shown undone = Arrangement.arrange(representation, cycle);
        assertEquals(moved, undone.bounds().get(node(undone, first.element())));
    }

    @Test
    void hiddenElementsLayersAndFiltersAreStoredPerDiagram() {
        DiagramDescription cycle = description("cycle");
        Direction direction = all(Direction.class).stream().filter(d -> d.getStages().size() == 6
                && oko.diagram.DiagramInterpreter.build(cycle, d).allNodes().stream()
                        .anyMatch(n -> n.mapping().getId().equals("indicator"))).findFirst().orElseThrow();
        Representation representation = representation(cycle, direction);
        Shown shown = Arrangement.arrange(representation, cycle);
        Node stage = shown.diagram().nodes().get(2);
        domain.getCommandStack().execute(DiagramEditing.hide(domain, representation, List.of(stage)));
        Shown hidden = Arrangement.arrange(representation, cycle);
        assertNull(hidden.node(stage.element()));
        assertEquals(shown.diagram().nodes().size() - 1, hidden.diagram().nodes().size());
        assertTrue(hidden.diagram().edges().stream().noneMatch(e -> e.source().element() == stage.element()
                || e.target().element() == stage.element()), "no edge to a hidden node");
        assertEquals(1, Arrangement.hiddenNodes(representation).size());
        domain.getCommandStack().execute(DiagramEditing.showHidden(domain, representation));
        assertNotNull(Arrangement.arrange(representation, cycle).node(stage.element()));

        List<Node> indicators = shown.diagram().allNodes().stream().filter(n -> n.mapping().getId().equals("indicator"))
                .toList();
        assertFalse(indicators.isEmpty(), "the optional layer is active by default");
        assertTrue(indicators.stream().allMatch(n -> ((oko.model.Indicator) n.element()).getDirection() == direction));
        domain.getCommandStack().execute(DiagramEditing.toggle(domain, representation, cycle, "cycle.indicators", false));
        assertTrue(representation.isLayersSet());
        assertTrue(Arrangement.arrange(representation, cycle).diagram().allNodes().stream()
                .noneMatch(n -> n.mapping().getId().equals("indicator")));
        undo();
        assertEquals(indicators.size(), Arrangement.arrange(representation, cycle).diagram().allNodes().stream()
                .filter(n -> n.mapping().getId().equals("indicator")).count());
    }

    @Test
    void elementBasedEdgesJoinTheSourceAndTargetOfEachCandidate() {
        // a description written here: persons and organisations as nodes, each membership an edge between them
        DiagramDescription group = EcoreUtil.copy(description("workingGroup"));
        var layer = group.getLayers().get(0);
        var organisation = layer.getNodeMappings().get(1);
        var person = EcoreUtil.copy(organisation);
        person.setId("person");
        person.setDomainClass("Person");
        ((FeaturePath) person.getCandidates()).setPath("members/person");
        layer.getNodeMappings().add(person);
        EdgeMapping byElement = DescriptionFactory.eINSTANCE.createEdgeMapping();
        byElement.setId("membershipLink");
        byElement.setDomainClass("Membership");
        FeaturePath candidates = DescriptionFactory.eINSTANCE.createFeaturePath();
        candidates.setPath("members");
        byElement.setCandidates(candidates);
        byElement.setSourceFeature("person");
        byElement.setTargetFeature("organisation");
        byElement.getSourceMappings().add(person);
        byElement.getTargetMappings().add(organisation);
        byElement.setStyle(EcoreUtil.copy(layer.getEdgeMappings().get(0).getStyle()));
        layer.getEdgeMappings().add(byElement);
        WorkingGroup workingGroup = all(WorkingGroup.class).stream().filter(g -> g.getMembers().stream()
                .filter(m -> m.getPerson() != null && m.getOrganisation() != null).count() > 1).findFirst().orElseThrow();
        Diagram diagram = oko.diagram.DiagramInterpreter.build(group, workingGroup);
        List<Edge> links = diagram.edges().stream().filter(e -> e.mapping() == byElement).toList();
        List<Membership> expected = workingGroup.getMembers().stream()
                .filter(m -> m.getPerson() != null && m.getOrganisation() != null).toList();
        assertEquals(expected.size(), links.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).getPerson(), links.get(i).source().element());
            assertEquals(expected.get(i).getOrganisation(), links.get(i).target().element());
        }
    }

    @Test
    void svgShowsEveryNodeLabelAtItsPlace() throws Exception {
        DiagramDescription roles = description("roles");
        QualitySystem system = systemWithFunctions();
        Representation representation = representation(roles, system);
        Shown shown = Arrangement.arrange(representation, roles);
        String svg = SvgExport.svg(shown);
        assertTrue(svg.startsWith("<?xml"));
        for (Role role : system.getRoles()) {
            assertTrue(svg.contains(">" + role.getName().replace("&", "&amp;")) || svg.contains(role.getName().split(" ")[0]),
                    role.getName());
        }
        assertEquals(shown.diagram().edges().size(), svg.split("<path data-mapping=").length - 1);
        javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        Path out = Path.of("target", "diagram-roles.svg");
        Files.createDirectories(out.getParent());
        Files.writeString(out, svg);
        NodeLayout any = representation.getNodes().get(0);
        assertTrue(svg.contains(String.format(java.util.Locale.ROOT, "x=\"%.1f\"", (double) any.getX())
                ) || svg.contains(String.format(java.util.Locale.ROOT, "cx=\"%.1f\"", any.getX() + any.getWidth() / 2.0))
                || svg.contains(String.format(java.util.Locale.ROOT, "%.1f,", (double) any.getX())));
    }
}
