package oko.diagram;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;

/**
 * Arrange All: ELK layered over the diagram's top-level nodes and the edges between them (an edge
 * from or to a container's child counts for the container); a container's children are stacked
 * as a list inside it, under its header.
 */
public final class DiagramLayout {

    /** Where a node is: top-left corner and size, in diagram coordinates. */
    public record Bounds(double x, double y, double width, double height) {

        public boolean overlaps(Bounds other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }
    }

    /**
     * Bounds of every node (children included), the bendpoints (x0, y0, x1, y1, …) of edges
     * between top-level nodes, and the size of the whole diagram.
     */
    public record Result(Map<Node, Bounds> bounds, Map<Edge, int[]> routes, double width, double height) {
    }

    static final double HEADER = 28;
    static final double CHILD_GAP = 4;
    static final double PADDING = 8;
    private static volatile boolean registered;

    private DiagramLayout() {
    }

    private static void register() {
        if (!registered) {
            synchronized (DiagramLayout.class) {
                if (!registered) {
                    LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
                    registered = true;
                }
            }
        }
    }

    public static Result layout(Diagram diagram) {
        register();
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 30.0);
        // the same diagram is laid out the same way every time (ELK's default, made explicit)
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        // cycles (the management cycle's feedback edge) are broken against the model order, so a
        // description's order of elements reads left to right
        graph.setProperty(org.eclipse.elk.alg.layered.options.LayeredOptions.CYCLE_BREAKING_STRATEGY,
                org.eclipse.elk.alg.layered.options.CycleBreakingStrategy.MODEL_ORDER);
        graph.setProperty(org.eclipse.elk.alg.layered.options.LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY,
                org.eclipse.elk.alg.layered.options.OrderingStrategy.NODES_AND_EDGES);
        Map<Node, ElkNode> elk = new IdentityHashMap<>();
        Map<Node, Node> top = new IdentityHashMap<>();
        for (Node node : diagram.nodes()) {
            ElkNode elkNode = ElkGraphUtil.createNode(graph);
            double[] size = size(node);
            elkNode.setDimensions(size[0], size[1]);
            // the description's main layer first: its component is placed before the optional layers'
            if (node.mapping().eContainer() instanceof oko.diagram.description.Layer layer
                    && layer.eContainer() instanceof oko.diagram.description.DiagramDescription description
                    && description.getLayers().indexOf(layer) == 0) {
                elkNode.setProperty(CoreOptions.PRIORITY, 10);
            }
            elk.put(node, elkNode);
            mapTop(node, node, top);
        }
        Map<Edge, org.eclipse.elk.graph.ElkEdge> elkEdges = new IdentityHashMap<>();
        for (Edge edge : diagram.edges()) {
            ElkNode source = elk.get(top.get(edge.source()));
            ElkNode target = elk.get(top.get(edge.target()));
            if (source != null && target != null && source != target) {
                var elkEdge = ElkGraphUtil.createSimpleEdge(source, target);
                if (elk.containsKey(edge.source()) && elk.containsKey(edge.target())) {
                    elkEdges.put(edge, elkEdge);
                }
            }
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
        Map<Node, Bounds> bounds = new IdentityHashMap<>();
        for (Node node : diagram.nodes()) {
            ElkNode placed = elk.get(node);
            Bounds box = new Bounds(placed.getX(), placed.getY(), placed.getWidth(), placed.getHeight());
            bounds.put(node, box);
            placeChildren(node, box, bounds);
        }
        Map<Edge, int[]> routes = new IdentityHashMap<>();
        elkEdges.forEach((edge, elkEdge) -> {
            if (!elkEdge.getSections().isEmpty()) {
                var points = elkEdge.getSections().get(0).getBendPoints();
                int[] route = new int[points.size() * 2];
                for (int i = 0; i < points.size(); i++) {
                    route[2 * i] = (int) Math.round(points.get(i).getX());
                    route[2 * i + 1] = (int) Math.round(points.get(i).getY());
                }
                routes.put(edge, route);
            }
        });
        return new Result(bounds, routes, graph.getWidth(), graph.getHeight());
    }

    private static void mapTop(Node node, Node topLevel, Map<Node, Node> top) {
        top.put(node, topLevel);
        node.children().forEach(child -> mapTop(child, topLevel, top));
    }

    /** A node's own size, or for a container the size its listed children need. */
    public static double[] size(Node node) {
        double width = node.style().getWidth();
        double height = node.style().getHeight();
        if (!node.children().isEmpty()) {
            double children = PADDING;
            for (Node child : node.children()) {
                double[] childSize = size(child);
                children += childSize[1] + CHILD_GAP;
                width = Math.max(width, childSize[0] + 2 * PADDING);
            }
            height = Math.max(height, HEADER + children);
        }
        return new double[] { width, height };
    }

    /** Stacks a container's children (and theirs) as a list inside its box, under its header. */
    public static void placeChildren(Node node, Bounds box, Map<Node, Bounds> bounds) {
        double y = box.y() + HEADER;
        for (Node child : node.children()) {
            double[] size = size(child);
            Bounds childBox = new Bounds(box.x() + PADDING, y, box.width() - 2 * PADDING, size[1]);
            bounds.put(child, childBox);
            placeChildren(child, childBox, bounds);
            y += size[1] + CHILD_GAP;
        }
    }

    /** Top-level nodes that overlap (none after a layout), for checks. */
    public static List<Node[]> overlaps(Diagram diagram, Result result) {
        List<Node[]> pairs = new java.util.ArrayList<>();
        List<Node> nodes = diagram.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                if (result.bounds().get(nodes.get(i)).overlaps(result.bounds().get(nodes.get(j)))) {
                    pairs.add(new Node[] { nodes.get(i), nodes.get(j) });
                }
            }
        }
        return pairs;
    }
}
