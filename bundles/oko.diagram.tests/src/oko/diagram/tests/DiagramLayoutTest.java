package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.Labels;
import oko.diagram.TextMeasure;
import oko.diagram.description.DescriptionFactory;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.NodeMapping;
import oko.diagram.description.NodeShape;
import oko.diagram.description.NodeStyle;
import oko.diagram.representation.EdgeLayout;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.model.Document;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * Nodes sized to their wrapped labels, children laid out and moved inside containers, pinned
 * nodes, bendpoints and hidden edges, and the roles diagram's columns, on the sample model
 * without a display.
 */
class DiagramLayoutTest {

    /** A fixed font for hand-worked sizes: every character 10 px wide, every line 20 px high. */
    private static final TextMeasure FIXED = new TextMeasure() {
        @Override
        public double width(String text, boolean bold) {
            return 10.0 * text.length();
        }

        @Override
        public double lineHeight(boolean bold) {
            return 20;
        }
    };

    private final ResourceSetImpl set = new ResourceSetImpl();
    private final List<DescriptionGroup> descriptions = TestModels.shippedDescriptions();
    private final AdapterFactoryEditingDomain domain = new AdapterFactoryEditingDomain(new ComposedAdapterFactory(
            ComposedAdapterFactory.Descriptor.Registry.INSTANCE), new BasicCommandStack(), set);
    private final Resource diagrams;

    DiagramLayoutTest() {
        TestModels.loadSample(set);
        diagrams = set.createResource(URI.createURI("memory:/diagrams.xmi"));
    }

    private static Node leaf(String label, int maxHeight) {
        NodeStyle style = DescriptionFactory.eINSTANCE.createNodeStyle();
        style.setShape(NodeShape.ROUNDED_RECTANGLE);
        style.setWidth(160);
        style.setHeight(40);
        style.setBorderWidth(1);
        style.setMaxHeight(maxHeight);
        NodeMapping mapping = DescriptionFactory.eINSTANCE.createNodeMapping();
        mapping.setId("test");
        mapping.setStyle(style);
        Role element = OkoFactory.eINSTANCE.createRole();
        return new Node(mapping, element, label, style, List.of());
    }

    @Test
    void aNodeIsAsHighAsItsWrappedLabelNeeds() {
        // text area of a 160-wide rounded rectangle with a 1 px border: 160 - 2·1 - 2·6 = 146 px,
        // so 14 characters of 10 px a line (15 would be 150 > 146)
        Node one = leaf("aaaa bbbb", 0);
        assertEquals(40, DiagramLayout.size(one, FIXED)[1], "one line (20 px) fits the least height: 40 - 2 - 8 = 30");
        Node two = leaf("aaaa bbbb cccc dddd eeee", 0);
        // «aaaa bbbb cccc» (14 chars) / «dddd eeee»: 2 lines = 40 px; 40 + border 2 + margins 8 = 50
        assertEquals(50, DiagramLayout.size(two, FIXED)[1]);
        assertEquals(160, DiagramLayout.size(two, FIXED)[0], "the style's width stays");
        Node four = leaf("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj", 0);
        // 3 words a line: 4 lines = 80 px; 80 + 10 = 90
        assertEquals(90, DiagramLayout.size(four, FIXED)[1]);
    }

    @Test
    void theMaximumHeightCutsAtAWordWithAnEllipsis() {
        Node four = leaf("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj", 70);
        assertEquals(70, DiagramLayout.size(four, FIXED)[1], "90 needed, 70 at most");
        // area 70 - 10 = 60 px: 3 lines; the third «gggg hhhh iiii» plus «…» is 15 chars = 150 > 146,
        // so its last word goes: «gggg hhhh…»
        Labels.Fitted fitted = Labels.fit(four.label(), FIXED, false, new Bounds(0, 0, 146, 60));
        assertTrue(fitted.cut());
        assertEquals(List.of("aaaa bbbb cccc", "dddd eeee ffff", "gggg hhhh…"), fitted.lines());
    }

    @Test
    void aWordWiderThanTheLineIsSplitNotCut() {
        // 26 characters, 14 a line
        assertEquals(List.of("Информационно-", "методическое"),
                Labels.wrap("Информационно-методическое", FIXED, false, 146));
    }

    private QualitySystem systemWithFunctions() {
        return TestModels.all(set, QualitySystem.class).stream()
                .filter(s -> s.getSections().size() > 2 && s.getRoles().size() > 2).findFirst().orElseThrow();
    }

    private Representation arranged(DiagramDescription description, EObject target) {
        return TestModels.arranged(domain, diagrams, description, target);
    }

    @Test
    void theRolesDiagramReadsInColumnsRolesFunctionsDocuments() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        QualitySystem system = systemWithFunctions();
        Shown shown = Arrangement.arrange(arranged(roles, system), roles);
        List<Bounds> roleBoxes = boxes(shown, Role.class);
        List<Bounds> functionBoxes = boxes(shown, Function.class);
        List<Bounds> documentBoxes = boxes(shown, Document.class);
        assertFalse(roleBoxes.isEmpty());
        assertFalse(functionBoxes.isEmpty());
        assertFalse(documentBoxes.isEmpty());
        double rolesRight = roleBoxes.stream().mapToDouble(b -> b.x() + b.width()).max().orElseThrow();
        double functionsLeft = functionBoxes.stream().mapToDouble(Bounds::x).min().orElseThrow();
        double functionsRight = functionBoxes.stream().mapToDouble(b -> b.x() + b.width()).max().orElseThrow();
        double documentsLeft = documentBoxes.stream().mapToDouble(Bounds::x).min().orElseThrow();
        assertTrue(rolesRight < functionsLeft, "every role left of every function: " + rolesRight + " < " + functionsLeft);
        assertTrue(functionsRight < documentsLeft,
                "every function left of every document: " + functionsRight + " < " + documentsLeft);
        // each function inside its section's container
        for (Node section : shown.diagram().nodes()) {
            if (section.element() instanceof FunctionSection) {
                Bounds outer = shown.bounds().get(section);
                for (Node child : section.children()) {
                    Bounds inner = shown.bounds().get(child);
                    assertTrue(inner.x() >= outer.x() && inner.y() >= outer.y()
                            && inner.x() + inner.width() <= outer.x() + outer.width()
                            && inner.y() + inner.height() <= outer.y() + outer.height(), child.label());
                }
            }
        }
        assertEquals(List.of(), DiagramLayout.overlaps(shown.diagram(),
                new DiagramLayout.Result(shown.bounds(), Map.of(), 0, 0)));
    }

    private static List<Bounds> boxes(Shown shown, Class<?> type) {
        return shown.diagram().allNodes().stream().filter(n -> type.isInstance(n.element())).map(shown.bounds()::get)
                .toList();
    }

    @Test
    void aMovedChildIsStoredRelativeToItsContainerAndUndone() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = arranged(roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        Node section = shown.diagram().nodes().stream().filter(n -> n.children().size() >= 2).findFirst().orElseThrow();
        Node child = section.children().get(0);
        Bounds before = shown.bounds().get(child);
        // below every other child of the section, 20 px lower, relative to the section
        Bounds sectionBox = shown.bounds().get(section);
        int y = (int) Math.round(section.children().stream().mapToDouble(c -> shown.bounds().get(c).y()
                + shown.bounds().get(c).height()).max().orElseThrow() - sectionBox.y()) + 20;
        domain.getCommandStack().execute(DiagramEditing.moveChild(domain, representation, child,
                new Bounds(40, y, 250, 90)));
        NodeLayout layout = representation.getNodes().stream().filter(l -> l.getElement() == child.element())
                .findFirst().orElseThrow();
        assertEquals(section.element(), layout.getContainer());
        assertEquals(40, layout.getX());
        assertEquals(y, layout.getY());
        assertTrue(layout.isPinned(), "a person placed it");
        Shown after = Arrangement.arrange(representation, roles);
        Bounds container = after.bounds().get(after.node(section.element()));
        Bounds moved = after.bounds().get(after.node(child.element()));
        assertEquals(container.x() + 40, moved.x());
        assertEquals(container.y() + y, moved.y());
        assertEquals(250, moved.width());
        assertTrue(container.y() + container.height() >= moved.y() + moved.height(), "the container grows to hold it");
        domain.getCommandStack().undo();
        Shown undone = Arrangement.arrange(representation, roles);
        assertEquals(before, undone.bounds().get(undone.node(child.element())));
    }

    @Test
    void arrangeAllKeepsAPinnedNodeAndUnpinLetsItGo() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = arranged(roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        Node role = shown.diagram().nodes().stream().filter(n -> n.element() instanceof Role).findFirst().orElseThrow();
        Bounds arranged = shown.bounds().get(role);
        Bounds pin = new Bounds(arranged.x() + 700, arranged.y() + 35, arranged.width(), arranged.height());
        domain.getCommandStack().execute(DiagramEditing.move(domain, representation, Map.of(role, pin)));
        domain.getCommandStack().execute(DiagramEditing.arrangeAll(domain, representation,
                Arrangement.interpret(representation, roles)));
        Shown again = Arrangement.arrange(representation, roles);
        Bounds kept = again.bounds().get(again.node(role.element()));
        assertEquals(pin.x(), kept.x());
        assertEquals(pin.y(), kept.y());
        assertEquals(List.of(), DiagramLayout.overlaps(again.diagram(),
                new DiagramLayout.Result(again.bounds(), Map.of(), 0, 0)), "the rest is laid out around it");

        domain.getCommandStack().execute(DiagramEditing.unpin(domain, representation, List.of(again.node(role.element()))));
        domain.getCommandStack().execute(DiagramEditing.arrangeAll(domain, representation,
                Arrangement.interpret(representation, roles)));
        Shown free = Arrangement.arrange(representation, roles);
        assertEquals(arranged, free.bounds().get(free.node(role.element())), "back where ELK puts it");
    }

    @Test
    void bendpointsAreStoredAndUndone() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = arranged(roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        Edge edge = shown.diagram().edges().get(0);
        domain.getCommandStack().execute(DiagramEditing.route(domain, representation, edge, new int[] { 10, 20, 30, 40 }));
        EdgeLayout layout = Arrangement.edgeLayouts(representation).get(Arrangement.key(edge));
        assertEquals(List.of(10, 20, 30, 40), layout.getPoints());
        Shown after = Arrangement.arrange(representation, roles);
        Edge same = after.diagram().edges().stream().filter(e -> Arrangement.key(e).equals(Arrangement.key(edge)))
                .findFirst().orElseThrow();
        assertEquals(List.of(10, 20, 30, 40), java.util.Arrays.stream(after.routes().get(same)).boxed().toList());
        domain.getCommandStack().undo();
        EdgeLayout undone = Arrangement.edgeLayouts(representation).get(Arrangement.key(edge));
        assertTrue(undone == null || !undone.getPoints().equals(List.of(10, 20, 30, 40)), "undo restores the route");
    }

    @Test
    void anEdgeIsHiddenAndShownAgainWithUndo() {
        DiagramDescription roles = TestModels.description(descriptions, "roles");
        Representation representation = arranged(roles, systemWithFunctions());
        Shown shown = Arrangement.arrange(representation, roles);
        Edge edge = shown.diagram().edges().get(0);
        int edges = shown.diagram().edges().size();
        domain.getCommandStack().execute(DiagramEditing.hide(domain, representation, List.of(edge)));
        Shown hidden = Arrangement.arrange(representation, roles);
        assertEquals(edges - 1, hidden.diagram().edges().size());
        assertTrue(hidden.diagram().edges().stream().noneMatch(e -> Arrangement.key(e).equals(Arrangement.key(edge))));
        assertNotNull(hidden.node(edge.source().element()), "its ends stay");
        domain.getCommandStack().execute(DiagramEditing.showHidden(domain, representation));
        assertEquals(edges, Arrangement.arrange(representation, roles).diagram().edges().size());
        domain.getCommandStack().undo();
        assertEquals(edges - 1, Arrangement.arrange(representation, roles).diagram().edges().size());
        domain.getCommandStack().undo();
        assertEquals(edges, Arrangement.arrange(representation, roles).diagram().edges().size());
    }
}
