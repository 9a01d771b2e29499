package oko.diagram.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.junit.jupiter.api.Test;

import oko.diagram.Arrangement;
import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout;
import oko.diagram.SvgExport;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;
import oko.model.Direction;

/**
 * The same model loaded twice (two resource sets, so the objects' identity hash codes differ)
 * gives the same diagrams, byte for byte: publishing the same repository twice must give identical
 * files (issue 20).
 */
class DiagramDeterminismTest {

    private final List<DescriptionGroup> descriptions = TestModels.shippedDescriptions();

    private DiagramDescription cycle() {
        return TestModels.description(descriptions, "cycle");
    }

    private static List<Direction> directions() {
        ResourceSetImpl set = new ResourceSetImpl();
        TestModels.loadSample(set);
        return TestModels.all(set, Direction.class);
    }

    /** The SVG of every direction's cycle diagram, drawn as publishing draws it (no stored layout). */
    private List<String> svgs() {
        List<String> svgs = new ArrayList<>();
        for (Direction direction : directions()) {
            Representation representation = RepresentationFactory.eINSTANCE.createRepresentation();
            representation.setDescription("cycle");
            representation.setTarget(direction);
            svgs.add(SvgExport.svg(Arrangement.arrange(representation, cycle())));
        }
        return svgs;
    }

    @Test
    void theCycleDiagramsOfTwoLoadsOfTheSameModelAreIdenticalSvg() {
        List<String> first = svgs();
        assertTrue(first.size() >= 3, "the sample has directions: " + first.size());
        assertTrue(first.stream().anyMatch(s -> s.contains("data-mapping=\"flow\"")),
                "a diagram has edges between stages");
        for (int run = 0; run < 3; run++) {
            List<String> again = svgs();
            assertEquals(first.size(), again.size());
            for (int i = 0; i < first.size(); i++) {
                assertEquals(first.get(i), again.get(i), "direction #" + i + ", run " + run);
            }
        }
    }

    /** Arrange All (ELK) as text: each node's bounds and each edge's route, in diagram order. */
    private List<String> layouts() {
        List<String> layouts = new ArrayList<>();
        for (Direction direction : directions()) {
            Diagram diagram = DiagramInterpreter.build(cycle(), direction);
            DiagramLayout.Result result = DiagramLayout.layout(diagram);
            StringBuilder text = new StringBuilder();
            for (Node node : diagram.allNodes()) {
                text.append(node.mapping().getId()).append(' ').append(node.label()).append(' ')
                        .append(result.bounds().get(node)).append('\n');
            }
            for (Edge edge : diagram.edges()) {
                text.append(edge.mapping().getId()).append(' ').append(edge.source().label()).append(" -> ")
                        .append(edge.target().label()).append(' ')
                        .append(Arrays.toString(result.routes().get(edge))).append('\n');
            }
            layouts.add(text.toString());
        }
        return layouts;
    }

    @Test
    void arrangeAllOfTwoLoadsOfTheSameModelPlacesEverythingAlike() {
        List<String> first = layouts();
        for (int run = 0; run < 3; run++) {
            assertEquals(first, layouts(), "run " + run);
        }
    }
}
