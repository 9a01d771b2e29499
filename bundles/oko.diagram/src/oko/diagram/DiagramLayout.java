package oko.diagram;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.elk.alg.layered.options.CycleBreakingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import oko.diagram.Arrangement.Key;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.description.ChildrenPresentation;
import oko.diagram.description.ContainerMapping;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.Layer;
import oko.diagram.description.Routing;

/**
 * Arrange All: ELK layered, per container. Every node is as high as its label wrapped to the
 * style's width needs ({@link Labels}, with the given {@link TextMeasure}). A container whose
 * children are {@code FREE} has them laid out by ELK layered inside it, under its header, before
 * the container itself is sized to fit them; a {@code LIST} container stacks them. The top-level
 * nodes are then laid out by ELK layered, left to right, with the edges between them (an edge from
 * or to a container's child counts for the container), in the columns their mappings'
 * {@code layoutPartition} assigns. Nodes given as fixed (pinned by a person) keep their bounds;
 * the nodes ELK put where a fixed one is move to the first free place. Last, the edges between a
 * child and a top-level node get their routes beside the child's container ({@link ChannelRoutes}).
 */
public final class DiagramLayout {

    /** Where a node is: top-left corner and size, in diagram coordinates. */
    public record Bounds(double x, double y, double width, double height) {

        public boolean overlaps(Bounds other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        public Bounds moved(double dx, double dy) {
            return new Bounds(x + dx, y + dy, width, height);
        }
    }

    /**
     * Bounds of every node (children included) in diagram coordinates, the bendpoints (x0, y0, x1,
     * y1, …) of edges between top-level nodes, and the size of the whole diagram.
     */
    public record Result(Map<Node, Bounds> bounds, Map<Edge, int[]> routes, double width, double height) {
    }

    static final double HEADER = Labels.HEADER;
    static final double CHILD_GAP = 4;
    static final double PADDING = 8;
    static final double SPACING = 30;
    static final double CHILD_SPACING = 10;
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

    /** Arrange All with the headless text estimate and nothing pinned. */
    public static Result layout(Diagram diagram) {
        return layout(diagram, TextMeasure.ESTIMATE, Map.of());
    }

    /**
     * Arrange All.
     *
     * @param fixed bounds that stay as they are, by node: a top-level node's in diagram
     *              coordinates, a child's relative to its container's top-left corner
     */
    public static Result layout(Diagram diagram, TextMeasure measure, Map<Key, Bounds> fixed) {
        register();
        Map<Node, Bounds> relative = new IdentityHashMap<>();
        List<Node> tops = diagram.nodes();
        List<double[]> sizes = new ArrayList<>();
        for (Node node : tops) {
            sizes.add(content(node, measure, fixed, relative, true, diagram.edges()));
        }
        Map<Node, Node> top = new IdentityHashMap<>();
        tops.forEach(node -> mapUp(node, node, top));
        boolean orthogonal = diagram.edges().isEmpty()
                || diagram.edges().stream().anyMatch(e -> e.style().getRouting() == Routing.ORTHOGONAL);
        Map<Edge, int[]> routes = new IdentityHashMap<>();
        Map<Node, Bounds> inTop = new IdentityHashMap<>();
        tops.forEach(node -> absolute(node, new Bounds(0, 0, 0, 0), relative, inTop));
        Map<Node, Bounds> placed = elk(tops, sizes, diagram.edges(), top, new ElkPadding(12), SPACING, true,
                orthogonal, routes, inTop);
        // pinned top-level nodes stay; what ELK put where they are goes to the first free place
        List<Bounds> taken = new ArrayList<>();
        Set<Node> moved = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : tops) {
            Bounds pin = fixed.get(Arrangement.key(node));
            if (pin != null) {
                Bounds size = placed.get(node);
                placed.put(node, fit(node, pin, new double[] { size.width(), size.height() }, measure));
                taken.add(placed.get(node));
                moved.add(node);
            }
        }
        if (!taken.isEmpty()) {
            for (Node node : tops) {
                if (!moved.contains(node)) {
                    Bounds box = placed.get(node);
                    if (overlapsAny(box, taken, SPACING / 2)) {
                        box = Arrangement.free(taken, box.width(), box.height());
                        placed.put(node, box);
                        moved.add(node);
                    }
                    taken.add(box);
                }
            }
            // a moved node's edges (and those of its children) are drawn again without ELK's route
            routes.keySet().removeIf(e -> moved.contains(top.get(e.source())) || moved.contains(top.get(e.target())));
        }
        Map<Node, Bounds> bounds = new IdentityHashMap<>();
        double width = 0;
        double height = 0;
        for (Node node : tops) {
            Bounds box = placed.get(node);
            bounds.put(node, box);
            absolute(node, box, relative, bounds);
            width = Math.max(width, box.x() + box.width());
            height = Math.max(height, box.y() + box.height());
        }
        // edges between a child and a top-level node counted for the child's container in ELK:
        // they get their route in the channel beside the container
        ChannelRoutes.route(tops, diagram.edges(), top, bounds, routes);
        return new Result(bounds, routes, width + 12, height + 12);
    }

    private static boolean overlapsAny(Bounds box, List<Bounds> taken, double gap) {
        Bounds padded = new Bounds(box.x() - gap, box.y() - gap, box.width() + 2 * gap, box.height() + 2 * gap);
        return taken.stream().anyMatch(padded::overlaps);
    }

    /** Children's bounds from relative to absolute, recursively. */
    static void absolute(Node node, Bounds box, Map<Node, Bounds> relative, Map<Node, Bounds> into) {
        for (Node child : node.children()) {
            Bounds rel = relative.get(child);
            Bounds abs = rel.moved(box.x(), box.y());
            into.put(child, abs);
            absolute(child, abs, relative, into);
        }
    }

    /**
     * Stored bounds grown to what the node needs: a leaf at least as high as its label wrapped to
     * the stored width, a container at least as large as its children.
     */
    static Bounds fit(Node node, Bounds stored, double[] size, TextMeasure measure) {
        if (stored.width() <= 0 || stored.height() <= 0) {
            return new Bounds(stored.x(), stored.y(), size[0], size[1]);
        }
        if (node.children().isEmpty()) {
            return new Bounds(stored.x(), stored.y(), stored.width(), Math.max(stored.height(),
                    Labels.height(node.style(), node.label(), measure, stored.width())));
        }
        return new Bounds(stored.x(), stored.y(), Math.max(stored.width(), size[0]), Math.max(stored.height(), size[1]));
    }

    private static void mapUp(Node node, Node ancestor, Map<Node, Node> into) {
        into.put(node, ancestor);
        node.children().forEach(child -> mapUp(child, ancestor, into));
    }

    /** Whether a container's children are laid out (FREE) rather than listed. */
    public static boolean free(Node node) {
        return node.mapping() instanceof ContainerMapping container
                && container.getChildrenPresentation() != ChildrenPresentation.LIST;
    }

    /** Whether the node is drawn as a container (it has children to show). */
    public static boolean container(Node node) {
        return !node.children().isEmpty();
    }

    /** A container's header height: its label wrapped to the style's width. */
    public static double header(Node node, TextMeasure measure) {
        return Labels.header(node.style(), node.label(), measure, node.style().getWidth());
    }

    /** A node's size when laid out: for a container, what its children need. */
    public static double[] size(Node node, TextMeasure measure) {
        return content(node, measure, Map.of(), new IdentityHashMap<>(), true, List.of());
    }

    /** A node's size with the headless estimate. */
    public static double[] size(Node node) {
        return size(node, TextMeasure.ESTIMATE);
    }

    /**
     * A node's size; for a container, its children placed inside it (into {@code relative}, relative
     * to the container's top-left corner): fixed ones where they are, the others stacked (LIST) or
     * by ELK (FREE; when {@code elk} is false, and some are fixed, the others below them).
     */
    static double[] content(Node node, TextMeasure measure, Map<Key, Bounds> fixed, Map<Node, Bounds> relative,
            boolean elk, List<Edge> edges) {
        double width = node.style().getWidth();
        if (node.children().isEmpty()) {
            return new double[] { width, Labels.height(node.style(), node.label(), measure, width) };
        }
        double header = header(node, measure);
        List<Node> children = node.children();
        List<double[]> sizes = new ArrayList<>();
        for (Node child : children) {
            sizes.add(content(child, measure, fixed, relative, elk, edges));
        }
        Map<Node, Bounds> placed = new IdentityHashMap<>();
        boolean anyFixed = children.stream().anyMatch(c -> fixed.containsKey(Arrangement.key(c)));
        if (!free(node) || (!elk && anyFixed)) {
            // a list: children under the header, one below the other, as wide as the widest
            double childWidth = sizes.stream().mapToDouble(s -> s[0]).max().orElse(0);
            double y = header + PADDING / 2;
            for (int i = 0; i < children.size(); i++) {
                Bounds pin = fixed.get(Arrangement.key(children.get(i)));
                if (pin != null) {
                    placed.put(children.get(i), fit(children.get(i), pin, sizes.get(i), measure));
                    continue;
                }
                double w = free(node) ? sizes.get(i)[0] : childWidth;
                placed.put(children.get(i), new Bounds(PADDING, y, w, sizes.get(i)[1]));
                y += sizes.get(i)[1] + CHILD_GAP;
            }
        } else {
            Map<Node, Node> up = new IdentityHashMap<>();
            children.forEach(child -> mapUp(child, child, up));
            boolean linked = edges.stream().anyMatch(e -> up.get(e.source()) != null && up.get(e.target()) != null
                    && up.get(e.source()) != up.get(e.target()));
            if (!linked && reachesTop(up.keySet(), edges)) {
                // children with edges to top-level nodes and none between them go one below the
                // other, in the model's order, so that each reaches both sides of the container
                // (ELK would pack them in rows) and its edges leave it across the container's
                // padding (ChannelRoutes); where ELK would put them in one layer, ordering that
                // layer by the model's order is quadratic (8 times slower on 5,000 nodes)
                double y = header + PADDING;
                for (int i = 0; i < children.size(); i++) {
                    placed.put(children.get(i), new Bounds(PADDING, y, sizes.get(i)[0], sizes.get(i)[1]));
                    y += sizes.get(i)[1] + CHILD_SPACING;
                }
            } else {
                // edges between descendants of different children count for those children
                ElkPadding padding = new ElkPadding(header + PADDING, PADDING, PADDING, PADDING);
                placed.putAll(elk(children, sizes, edges, up, padding, CHILD_SPACING, false, true, null, Map.of()));
            }
        }
        if (anyFixed) {
            List<Bounds> taken = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Bounds pin = fixed.get(Arrangement.key(children.get(i)));
                if (pin != null) {
                    pin = fit(children.get(i), pin, sizes.get(i), measure);
                    placed.put(children.get(i), pin);
                    taken.add(pin);
                }
            }
            double bottom = taken.stream().mapToDouble(b -> b.y() + b.height()).max().orElse(header);
            for (Node child : children) {
                if (!fixed.containsKey(Arrangement.key(child))) {
                    Bounds box = placed.get(child);
                    if (overlapsAny(box, taken, CHILD_GAP)) {
                        box = new Bounds(PADDING, bottom + CHILD_SPACING, box.width(), box.height());
                        placed.put(child, box);
                        bottom = box.y() + box.height();
                    }
                    taken.add(box);
                }
            }
        }
        // stored places measured with another font (a diagram stored headless, shown in the
        // editor) may reach into the header or the next child: those move down
        List<Node> byY = new ArrayList<>(children);
        byY.sort(java.util.Comparator.comparingDouble((Node c) -> placed.get(c).y()));
        for (int i = 0; i < byY.size(); i++) {
            Bounds box = placed.get(byY.get(i));
            if (box.y() < header + CHILD_GAP) {
                box = new Bounds(box.x(), header + CHILD_GAP, box.width(), box.height());
            }
            for (int j = 0; j < i; j++) {
                Bounds above = placed.get(byY.get(j));
                if (above.overlaps(box)) {
                    box = new Bounds(box.x(), above.y() + above.height() + CHILD_GAP, box.width(), box.height());
                    j = -1;
                }
            }
            placed.put(byY.get(i), box);
        }
        double right = 0;
        double bottom = header;
        for (Node child : children) {
            Bounds box = placed.get(child);
            relative.put(child, box);
            right = Math.max(right, box.x() + box.width());
            bottom = Math.max(bottom, box.y() + box.height());
        }
        return new double[] { Math.max(width, right + PADDING), Math.max(node.style().getHeight(), bottom + PADDING) };
    }

    /**
     * One ELK layered run over sibling nodes of the given sizes: their positions (relative to the
     * graph's top-left corner, padding included) and, when routes is given, the bendpoints of the
     * edges that join two of them directly, and of the edges between children of two of them.
     * <p>
     * Such an edge (a goal in stage 1 to an indicator in stage 2) is given to ELK between two ports:
     * one on the right side of the container holding its ELK source, at the height of that child's
     * middle ({@code inTop}: each child's bounds relative to the node laid out here), one on the
     * left side of the other container at the height of the other child. ELK routes it between the
     * containers around the others; its route is then drawn from the child's right side straight
     * to its port, ELK's route, and from the other port straight to the other child's left side:
     * it crosses the containers' paddings, not their children's text. A container with such ports
     * has ports for all its edges (the middle of its right or left side), as ELK wants with
     * positions fixed.
     */
    private static Map<Node, Bounds> elk(List<Node> nodes, List<double[]> sizes, List<Edge> edges, Map<Node, Node> up,
            ElkPadding padding, double spacing, boolean top, boolean orthogonal, Map<Edge, int[]> routes,
            Map<Node, Bounds> inTop) {
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, "org.eclipse.elk.layered");
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, spacing);
        graph.setProperty(CoreOptions.PADDING, padding);
        graph.setProperty(CoreOptions.EDGE_ROUTING, orthogonal ? EdgeRouting.ORTHOGONAL : EdgeRouting.POLYLINE);
        // the same diagram is laid out the same way every time (ELK's default, made explicit)
        graph.setProperty(CoreOptions.RANDOM_SEED, 1);
        // cycles (the management cycle's feedback edge) are broken against the model order, so a
        // description's order of elements reads left to right
        graph.setProperty(LayeredOptions.CYCLE_BREAKING_STRATEGY, CycleBreakingStrategy.MODEL_ORDER);
        graph.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        Map<Node, ElkNode> elk = new IdentityHashMap<>();
        boolean partitioned = nodes.stream().anyMatch(n -> n.mapping().getLayoutPartition() > 0);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            order.add(i);
        }
        if (partitioned) {
            // the model order ELK keeps (cycle breaking, crossing minimisation) follows the columns,
            // or it would turn back the edges the partitions point forward
            order.sort(java.util.Comparator.comparingInt(i -> partition(nodes.get(i))));
        }
        for (int i : order) {
            Node node = nodes.get(i);
            ElkNode elkNode = ElkGraphUtil.createNode(graph);
            elkNode.setDimensions(sizes.get(i)[0], sizes.get(i)[1]);
            if (top && mainLayer(node)) {
                // the description's main layer first: its component is placed before the optional layers'
                elkNode.setProperty(CoreOptions.PRIORITY, 10);
            }
            int partition = node.mapping().getLayoutPartition();
            if (partition > 0) {
                elkNode.setProperty(CoreOptions.PARTITIONING_PARTITION, partition);
            }
            elk.put(node, elkNode);
        }
        if (partitioned) {
            graph.setProperty(CoreOptions.PARTITIONING_ACTIVATE, true);
        }
        Map<Edge, ElkEdge> direct = new IdentityHashMap<>();
        Set<Edge> reversed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Node, Integer> index = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            index.put(nodes.get(i), i);
        }
        Set<Long> collapsed = new java.util.HashSet<>();
        // the containers whose children have edges to another container's children: ELK routes
        // each such edge between ports at the children's heights
        Set<Node> ported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Edge edge : edges) {
            if (routes != null && between(edge, up)) {
                ported.add(up.get(edge.source()));
                ported.add(up.get(edge.target()));
            }
        }
        for (Node node : ported) {
            elk.get(node).setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_POS);
        }
        Map<Edge, ElkEdge> betweenChildren = new IdentityHashMap<>();
        for (Edge edge : edges) {
            Node from = up.get(edge.source());
            Node to = up.get(edge.target());
            if (from == null || to == null || from == to) {
                continue;
            }
            boolean direct_ = from == edge.source() && to == edge.target();
            boolean routed = routes != null && between(edge, up);
            // edges that count for a container (from or to its children) are laid out once per
            // pair of nodes: hundreds of parallel edges into one container only slow ELK's routing
            if (!direct_ && !routed && !collapsed.add((long) index.get(from) * nodes.size() + index.get(to))) {
                continue;
            }
            // an edge against the columns is laid out from the lower column (its route reversed back)
            boolean backwards = partitioned && partition(from) > partition(to);
            Node elkFrom = backwards ? to : from;
            Node elkTo = backwards ? from : to;
            Node fromEnd = routed ? (backwards ? edge.target() : edge.source()) : elkFrom;
            Node toEnd = routed ? (backwards ? edge.source() : edge.target()) : elkTo;
            ElkEdge elkEdge = ElkGraphUtil.createSimpleEdge(end(elk, elkFrom, fromEnd, ported, inTop, true),
                    end(elk, elkTo, toEnd, ported, inTop, false));
            if (direct_) {
                direct.put(edge, elkEdge);
            } else if (routed) {
                betweenChildren.put(edge, elkEdge);
            }
            if (backwards) {
                reversed.add(edge);
            }
        }
        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());
        Map<Node, Bounds> bounds = new IdentityHashMap<>();
        elk.forEach((node, placed) -> bounds.put(node,
                new Bounds(placed.getX(), placed.getY(), placed.getWidth(), placed.getHeight())));
        if (routes != null) {
            direct.forEach((edge, elkEdge) -> {
                if (!elkEdge.getSections().isEmpty() && edge.style().getRouting() == Routing.ORTHOGONAL) {
                    // ELK's start and end on the nodes' borders too: a chopbox anchor aimed at a
                    // point of the border meets it there, so the route stays orthogonal when drawn
                    routes.put(edge, route(elkEdge, null, null, reversed.contains(edge)));
                }
            });
            // between children: whatever the edge's routing, a straight line would cross the
            // containers' other children; from the child's side to its port, ELK's route, on
            // from the other port to the other child's side
            betweenChildren.forEach((edge, elkEdge) -> {
                if (!elkEdge.getSections().isEmpty()) {
                    boolean back = reversed.contains(edge);
                    Node fromEnd = back ? edge.target() : edge.source();
                    Node toEnd = back ? edge.source() : edge.target();
                    // a node laid out here is reached at its port, on its border; a child at its side
                    Bounds fromBox = inTop.containsKey(fromEnd) ? inTop.get(fromEnd).moved(bounds.get(up.get(fromEnd)).x(),
                            bounds.get(up.get(fromEnd)).y()) : null;
                    Bounds toBox = inTop.containsKey(toEnd) ? inTop.get(toEnd).moved(bounds.get(up.get(toEnd)).x(),
                            bounds.get(up.get(toEnd)).y()) : null;
                    routes.put(edge, route(elkEdge,
                            fromBox == null ? null : new double[] { fromBox.x() + fromBox.width(), middle(fromBox) },
                            toBox == null ? null : new double[] { toBox.x(), middle(toBox) }, back));
                }
            });
        }
        return bounds;
    }

    /**
     * Whether an edge joins a node inside the container (at any depth: {@code inside}, the keys of
     * the children's {@code mapUp}) to a top-level node (the roles diagram's function → role).
     */
    private static boolean reachesTop(Set<Node> inside, List<Edge> edges) {
        for (Edge edge : edges) {
            if ((inside.contains(edge.source()) && edge.target().container() == null)
                    || (inside.contains(edge.target()) && edge.source().container() == null)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the edge joins children (at any depth) of two different nodes laid out together. */
    private static boolean between(Edge edge, Map<Node, Node> up) {
        Node from = up.get(edge.source());
        Node to = up.get(edge.target());
        // (an edge between a child and a node laid out here, as the roles diagram's function to
        // role, still counts for the container: routed one by one, the 1,600 such edges of a
        // 1,000-node roles diagram took ELK 1.4 s instead of 0.2 s; ChannelRoutes routes them
        // once the nodes are placed)
        return from != null && to != null && from != to && from != edge.source() && to != edge.target();
    }

    private static double middle(Bounds box) {
        return box.y() + box.height() / 2;
    }

    /**
     * Where an ELK edge starts ({@code source}) or ends on a node laid out: the node itself, or,
     * for a node with ports, a port on its right (source) or left side at the height of the
     * middle of {@code end} (a child of it, or the node itself).
     */
    private static org.eclipse.elk.graph.ElkConnectableShape end(Map<Node, ElkNode> elk, Node node, Node end,
            Set<Node> ported, Map<Node, Bounds> inTop, boolean source) {
        ElkNode elkNode = elk.get(node);
        if (!ported.contains(node)) {
            return elkNode;
        }
        double y = end == node ? elkNode.getHeight() / 2 : middle(inTop.get(end));
        ElkPort port = ElkGraphUtil.createPort(elkNode);
        port.setDimensions(0, 0);
        port.setProperty(CoreOptions.PORT_SIDE, source ? PortSide.EAST : PortSide.WEST);
        port.setLocation(source ? elkNode.getWidth() : 0, Math.max(0, Math.min(elkNode.getHeight(), y)));
        return port;
    }

    /** An ELK edge's route (start, bendpoints, end), after {@code first} and before {@code last} when given. */
    private static int[] route(ElkEdge elkEdge, double[] first, double[] last, boolean reversed) {
        var section = elkEdge.getSections().get(0);
        List<double[]> points = new ArrayList<>();
        if (first != null) {
            points.add(first);
        }
        points.add(new double[] { section.getStartX(), section.getStartY() });
        section.getBendPoints().forEach(p -> points.add(new double[] { p.getX(), p.getY() }));
        points.add(new double[] { section.getEndX(), section.getEndY() });
        if (last != null) {
            points.add(last);
        }
        if (reversed) {
            java.util.Collections.reverse(points);
        }
        int[] route = new int[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            route[2 * i] = (int) Math.round(points.get(i)[0]);
            route[2 * i + 1] = (int) Math.round(points.get(i)[1]);
        }
        return route;
    }

    /** A node's column (0: none); nodes without one go with the first. */
    private static int partition(Node node) {
        return Math.max(0, node.mapping().getLayoutPartition());
    }

    private static boolean mainLayer(Node node) {
        return node.mapping().eContainer() instanceof Layer layer
                && layer.eContainer() instanceof DiagramDescription description
                && description.getLayers().indexOf(layer) == 0;
    }

    /** Top-level nodes that overlap (none after a layout), for checks. */
    public static List<Node[]> overlaps(Diagram diagram, Result result) {
        List<Node[]> pairs = new ArrayList<>();
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
