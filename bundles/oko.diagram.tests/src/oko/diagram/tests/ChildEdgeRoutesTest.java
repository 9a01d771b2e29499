package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.junit.jupiter.api.Test;

import oko.diagram.Arrangement;
import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.EdgeLayout;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;
import oko.model.Document;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * The roles diagram's edges between a function (a section's child) and a role or a document (a
 * top-level node): after Arrange All each has a stored orthogonal route that leaves the function
 * from the side facing the other end and passes over no other function; the routes read back
 * unchanged; and an edge's stored layout names the containers its ends are drawn in.
 */
class ChildEdgeRoutesTest {

    private final ResourceSetImpl set = new ResourceSetImpl();
    private final List<DescriptionGroup> descriptions = TestModels.shippedDescriptions();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(new ComposedAdapterFactory(
            ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack(), set);
    private final Resource diagrams;

    ChildEdgeRoutesTest() {
        TestModels.loadSample(set);
        diagrams = set.createResource(URI.createURI("memory:/diagrams.xmi"));
    }

    private QualitySystem systemWithFunctions() {
        return TestModels.all(set, QualitySystem.class).stream()
                .filter(s -> s.getSections().size() > 2 && s.getRoles().size() > 2).findFirst().orElseThrow();
    }

    private static boolean functionToTop(Edge edge) {
        return edge.source().element() instanceof Function
                && (edge.target().element() instanceof Role || edge.target().element() instanceof Document);
    }

    @Test
    void functionEdgesRunBesideTheSectionsAndOverNoOtherFunction() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = TestModels.arranged(domain, diagrams, roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        Map<EdgeKey, EdgeLayout> stored = Arrangement.edgeLayouts(representation);
        List<Node> functions = shown.diagram().allNodes().stream().filter(n -> n.element() instanceof Function).toList();
        List<Edge> edges = shown.diagram().edges().stream().filter(ChildEdgeRoutesTest::functionToTop).toList();
        assertTrue(edges.size() > 10, "the sample's functions name roles and documents: " + edges.size());
        for (Edge edge : edges) {
            String name = edge.source().label() + " → " + edge.target().label();
            EdgeLayout layout = Arrangement.edgeLayout(stored, edge);
            assertNotNull(layout, name);
            int[] route = shown.routes().get(edge);
            assertNotNull(route, "a stored route, not the editor's router: " + name);
            assertEquals(layout.getPoints(), Arrays.stream(route).boxed().toList(), "shown as stored: " + name);
            assertTrue(route.length >= 4, name);
            Bounds function = shown.bounds().get(edge.source());
            Bounds other = shown.bounds().get(edge.target());
            boolean left = other.x() + other.width() <= function.x();
            // the roles' column is left of the sections', the documents' right of it
            assertEquals(edge.target().element() instanceof Role, left, name);
            // starts on the function's side facing the other end, at a height of that side
            assertEquals(left ? function.x() : function.x() + function.width(), route[0], 1, name);
            assertTrue(route[1] > function.y() && route[1] < function.y() + function.height(), name);
            // ends on the facing side of the role or document
            int last = route.length - 2;
            assertEquals(left ? other.x() + other.width() : other.x(), route[last], 1, name);
            assertTrue(route[last + 1] > other.y() && route[last + 1] < other.y() + other.height(), name);
            for (int i = 0; i + 3 < route.length; i += 2) {
                // orthogonal: each segment horizontal or vertical
                assertTrue(route[i] == route[i + 2] || route[i + 1] == route[i + 3],
                        name + ": segment " + i / 2 + " " + Arrays.toString(route));
                for (Node box : functions) {
                    if (box != edge.source()) {
                        assertFalse(crosses(shown.bounds().get(box), route[i], route[i + 1], route[i + 2], route[i + 3]),
                                name + " crosses " + box.label() + ": " + Arrays.toString(route));
                    }
                }
            }
            // the vertical runs outside every section: between the columns
            for (Node section : shown.diagram().nodes()) {
                if (section.element() instanceof FunctionSection && route.length > 4) {
                    Bounds box = shown.bounds().get(section);
                    assertFalse(crosses(box, route[2], route[3], route[4], route[5]),
                            name + ": the vertical crosses " + section.label() + " " + Arrays.toString(route));
                }
            }
        }
    }

    /**
     * Whether an axis-parallel segment enters the box's interior: it overlaps the box's open
     * extent in both directions (touching the border does not count). Written here from the
     * definition, not taken from the code under test.
     */
    private static boolean crosses(Bounds box, int x1, int y1, int x2, int y2) {
        return Math.min(x1, x2) < box.x() + box.width() && Math.max(x1, x2) > box.x()
                && Math.min(y1, y2) < box.y() + box.height() && Math.max(y1, y2) > box.y();
    }

    @Test
    void theRoutesReadBackUnchanged() throws IOException {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = TestModels.arranged(domain, diagrams, roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        diagrams.save(bytes, null);
        Resource reread = set.createResource(URI.createURI("memory:/reread.xmi"));
        reread.load(new ByteArrayInputStream(bytes.toByteArray()), null);
        Representation again = (Representation) reread.getContents().get(0);
        assertNotSame(representation, again);
        Shown reopened = Arrangement.arrange(again, roles);
        Map<EdgeKey, int[]> before = routes(shown);
        Map<EdgeKey, int[]> after = routes(reopened);
        assertFalse(before.isEmpty());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((key, route) -> assertEquals(Arrays.toString(route), Arrays.toString(after.get(key)),
                key.source() + " → " + key.target()));
    }

    private static Map<EdgeKey, int[]> routes(Shown shown) {
        Map<EdgeKey, int[]> routes = new HashMap<>();
        for (Edge edge : shown.diagram().edges()) {
            if (functionToTop(edge) && shown.routes().containsKey(edge)) {
                routes.put(Arrangement.key(edge), shown.routes().get(edge));
            }
        }
        return routes;
    }

    /**
     * One function drawn in two sections (two copies of its node, as a reused mapping draws an
     * element in every container it belongs to) with an edge from each copy to one role: each
     * edge keeps a route of its own; a layout stored before containers were recorded stands for
     * both until one of them is written.
     */
    @Test
    void eachCopysEdgeKeepsItsOwnRoute() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        QualitySystem system = systemWithFunctions();
        Representation representation = RepresentationFactory.eINSTANCE.createRepresentation();
        representation.setDescription(roles.getId());
        representation.setTarget(system);
        diagrams.getContents().add(representation);
        Edge template = Arrangement.interpret(representation, roles).edges().stream()
                .filter(e -> e.source().element() instanceof Function && e.target().element() instanceof Role)
                .findFirst().orElseThrow();
        Node function = template.source();
        FunctionSection one = system.getSections().get(0);
        FunctionSection two = system.getSections().get(1);
        Edge first = copy(template, function, one);
        Edge second = copy(template, function, two);
        assertFalse(Arrangement.key(first).equals(Arrangement.key(second)), "two edges, two keys");

        // a layout stored before containers were recorded: no containers, it stands for both copies
        EdgeLayout legacy = RepresentationFactory.eINSTANCE.createEdgeLayout();
        legacy.setMapping(template.mapping().getId());
        legacy.setSource(function.element());
        legacy.setTarget(template.target().element());
        legacy.getPoints().addAll(List.of(1, 2, 3, 4));
        representation.getEdges().add(legacy);
        assertSame(legacy, Arrangement.edgeLayout(Arrangement.edgeLayouts(representation), first));
        assertSame(legacy, Arrangement.edgeLayout(Arrangement.edgeLayouts(representation), second));

        // bending the first copy's edge makes the old layout the first copy's
        domain.getCommandStack().execute(DiagramEditing.route(domain, representation, first, new int[] { 10, 20, 30, 40 }));
        assertSame(one, legacy.getSourceContainer());
        assertEquals(List.of(10, 20, 30, 40), legacy.getPoints());
        // bending the second copy's edge stores a layout of its own; the first keeps its route
        domain.getCommandStack().execute(DiagramEditing.route(domain, representation, second, new int[] { 50, 60, 70, 80 }));
        Map<EdgeKey, EdgeLayout> layouts = Arrangement.edgeLayouts(representation);
        assertEquals(2, representation.getEdges().size());
        assertEquals(List.of(10, 20, 30, 40), Arrangement.edgeLayout(layouts, first).getPoints());
        assertEquals(List.of(50, 60, 70, 80), Arrangement.edgeLayout(layouts, second).getPoints());
        assertSame(two, Arrangement.edgeLayout(layouts, second).getSourceContainer());
        assertEquals(null, Arrangement.edgeLayout(layouts, second).getTargetContainer(), "the role is top-level");

        // undo: the second copy's layout goes, the first's containers and route stay
        domain.getCommandStack().undo();
        assertEquals(1, representation.getEdges().size());
        assertEquals(List.of(10, 20, 30, 40), legacy.getPoints());
        // undo again: the old layout is as it was stored, for both copies
        domain.getCommandStack().undo();
        assertEquals(null, legacy.getSourceContainer());
        assertEquals(List.of(1, 2, 3, 4), legacy.getPoints());
    }

    private static Edge copy(Edge edge, Node node, EObject container) {
        Node copy = new Node(node.mapping(), node.element(), container, node.label(), node.style(), new ArrayList<>());
        return new Edge(edge.mapping(), copy, edge.target(), edge.label(), edge.style());
    }
}
