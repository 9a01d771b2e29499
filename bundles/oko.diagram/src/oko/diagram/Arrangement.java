package oko.diagram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;

import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.DiagramLayout.Result;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.Filter;
import oko.diagram.description.Layer;
import oko.diagram.representation.EdgeLayout;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;

/**
 * A stored diagram brought to the screen: the description interpreted with the diagram's layers
 * and filters, minus the elements a person hid, each top-level node where the stored layout puts
 * it; a node the layout does not know yet (added since, perhaps by another client) goes to the
 * first free place, overlapping nothing.
 */
public final class Arrangement {

    /**
     * A node's identity across refreshes: the mapping that shows it, its semantic element and the
     * semantic element of the container it is drawn in (null at the top level), as its stored
     * {@link NodeLayout} records them.
     */
    public record Key(String mapping, EObject element, EObject container) {

        /** The identity a stored node layout records. */
        public static Key of(NodeLayout layout) {
            return new Key(layout.getMapping(), layout.getElement(), layout.getContainer());
        }
    }

    /**
     * An edge's identity across refreshes: its mapping, and each end's semantic element with the
     * semantic element of the container its node is drawn in (null at the top level), as its
     * stored {@link EdgeLayout} records them. An element drawn in two containers is two nodes,
     * and an edge to each is an edge of its own, with a route of its own.
     */
    public record EdgeKey(String mapping, EObject source, EObject sourceContainer, EObject target,
            EObject targetContainer) {

        /** The identity a stored edge layout records. */
        public static EdgeKey of(EdgeLayout layout) {
            return new EdgeKey(layout.getMapping(), layout.getSource(), layout.getSourceContainer(), layout.getTarget(),
                    layout.getTargetContainer());
        }

        /**
         * The identity without the ends' containers: how an edge layout stored before containers
         * were recorded names the edge (it stands for the edges of every copy).
         */
        public EdgeKey withoutContainers() {
            return new EdgeKey(mapping, source, null, target, null);
        }
    }

    /** What to draw: the diagram, each node's bounds (children included) and edges' bendpoints. */
    public record Shown(Diagram diagram, Map<Node, Bounds> bounds, Map<Edge, int[]> routes) {

        /** The node of a semantic element, if shown. */
        public Node node(EObject element) {
            return diagram.allNodes().stream().filter(n -> n.element() == element).findFirst().orElse(null);
        }
    }

    static final int GAP = 30;

    private Arrangement() {
    }

    public static Key key(Node node) {
        return new Key(node.mapping().getId(), node.element(), node.container());
    }

    public static EdgeKey key(Edge edge) {
        return new EdgeKey(edge.mapping().getId(), edge.source().element(), edge.source().container(),
                edge.target().element(), edge.target().container());
    }

    /** Whether a referenced element still exists (not deleted here or by another client). */
    public static boolean alive(EObject element) {
        if (element == null) {
            return false;
        }
        CDOObject object = CDOUtil.getCDOObject(element);
        return switch (object.cdoState()) {
            case INVALID, INVALID_CONFLICT -> false;
            case TRANSIENT -> element.eResource() != null;
            default -> true;
        };
    }

    /** The layers the diagram shows: the description's defaults until a person chose. */
    public static List<Layer> layers(Representation representation, DiagramDescription description) {
        return description.getLayers().stream().filter(l -> representation.isLayersSet()
                ? description.getLayers().indexOf(l) == 0 || representation.getActiveLayers().contains(l.getId())
                : !l.isOptional() || l.isActiveByDefault()).toList();
    }

    /** The filters applied: the description's defaults until a person chose. */
    public static List<Filter> filters(Representation representation, DiagramDescription description) {
        return description.getFilters().stream().filter(f -> representation.isLayersSet()
                ? representation.getActiveFilters().contains(f.getId())
                : f.isActiveByDefault()).toList();
    }

    /** The description interpreted on the diagram's element, without hidden elements. */
    public static Diagram interpret(Representation representation, DiagramDescription description) {
        Diagram full = DiagramInterpreter.build(description, representation.getTarget(),
                layers(representation, description), filters(representation, description));
        Set<Key> hidden = new java.util.HashSet<>();
        for (NodeLayout layout : representation.getNodes()) {
            if (layout.isHidden()) {
                hidden.add(Key.of(layout));
            }
        }
        Set<EdgeKey> hiddenEdges = new java.util.HashSet<>();
        for (EdgeLayout layout : representation.getEdges()) {
            if (layout.isHidden()) {
                hiddenEdges.add(EdgeKey.of(layout));
            }
        }
        if (hidden.isEmpty() && hiddenEdges.isEmpty()) {
            return full;
        }
        Map<Node, Node> kept = new IdentityHashMap<>();
        List<Node> nodes = without(full.nodes(), hidden, kept);
        List<Edge> edges = full.edges().stream().filter(e -> kept.containsKey(e.source())
                && kept.containsKey(e.target()) && !hiddenEdges.contains(key(e))
                && !hiddenEdges.contains(key(e).withoutContainers()))
                .map(e -> kept.get(e.source()) == e.source() && kept.get(e.target()) == e.target() ? e
                        : new Edge(e.mapping(), kept.get(e.source()), kept.get(e.target()), e.label(), e.style()))
                .toList();
        return new Diagram(full.description(), full.root(), full.title(), nodes, edges, full.problems());
    }

    /**
     * The nodes minus those hidden, a container's children included; {@code kept} maps each node
     * kept to the node shown for it (a container that lost a hidden child is a new node).
     */
    private static List<Node> without(List<Node> nodes, Set<Key> hidden, Map<Node, Node> kept) {
        List<Node> result = new ArrayList<>();
        for (Node node : nodes) {
            if (hidden.contains(key(node))) {
                continue;
            }
            List<Node> children = without(node.children(), hidden, kept);
            boolean same = children.size() == node.children().size();
            for (int i = 0; same && i < children.size(); i++) {
                same = children.get(i) == node.children().get(i);
            }
            Node shown = same ? node
                    : new Node(node.mapping(), node.element(), node.container(), node.label(), node.style(), children);
            kept.put(node, shown);
            result.add(shown);
        }
        return result;
    }

    /** The nodes of the full interpretation that a person hid (for Show hidden elements). */
    public static List<NodeLayout> hiddenNodes(Representation representation) {
        return representation.getNodes().stream().filter(NodeLayout::isHidden).filter(l -> alive(l.getElement()))
                .toList();
    }

    /** Arrange All: ELK layered over the whole diagram. */
    public static Result layout(Diagram diagram) {
        return DiagramLayout.layout(diagram);
    }

    /** Arrange All around the nodes a person pinned. */
    public static Result layout(Representation representation, Diagram diagram, TextMeasure measure) {
        Map<Key, Bounds> pinned = new HashMap<>();
        for (NodeLayout layout : representation.getNodes()) {
            if (layout.isPinned() && !layout.isHidden()) {
                pinned.put(Key.of(layout), bounds(layout));
            }
        }
        return DiagramLayout.layout(diagram, measure, pinned);
    }

    /**
     * Writes a layout of the diagram into the stored diagram directly (for a diagram not yet
     * committed): every node, a container's children relative to it.
     */
    static void store(Representation representation, Diagram diagram, Result result) {
        Map<Key, NodeLayout> nodes = nodeLayouts(representation);
        Map<Node, Node> parents = parents(diagram);
        for (Node node : diagram.allNodes()) {
            NodeLayout layout = nodes.get(key(node));
            if (layout == null) {
                layout = newNodeLayout(node);
                representation.getNodes().add(layout);
            }
            // found by its key or new, the entry already has the node's container
            setBounds(layout, storedBounds(node, parents, result.bounds()));
        }
        Map<EdgeKey, EdgeLayout> edges = edgeLayouts(representation);
        result.routes().forEach((edge, route) -> {
            EdgeLayout layout = claim(edges, edge);
            if (layout == null) {
                layout = newEdgeLayout(edge);
                representation.getEdges().add(layout);
            } else {
                layout.setSourceContainer(edge.source().container());
                layout.setTargetContainer(edge.target().container());
            }
            layout.getPoints().clear();
            for (int value : route) {
                layout.getPoints().add(value);
            }
        });
    }

    /** A new, unplaced layout entry for the node. */
    static NodeLayout newNodeLayout(Node node) {
        NodeLayout layout = RepresentationFactory.eINSTANCE.createNodeLayout();
        layout.setMapping(node.mapping().getId());
        layout.setElement(node.element());
        layout.setContainer(node.container());
        return layout;
    }

    /** A new layout entry (no bendpoints) for the edge. */
    static EdgeLayout newEdgeLayout(Edge edge) {
        EdgeLayout layout = RepresentationFactory.eINSTANCE.createEdgeLayout();
        layout.setMapping(edge.mapping().getId());
        layout.setSource(edge.source().element());
        layout.setSourceContainer(edge.source().container());
        layout.setTarget(edge.target().element());
        layout.setTargetContainer(edge.target().container());
        return layout;
    }

    static void setBounds(NodeLayout layout, Bounds box) {
        layout.setX((int) Math.round(box.x()));
        layout.setY((int) Math.round(box.y()));
        layout.setWidth((int) Math.round(box.width()));
        layout.setHeight((int) Math.round(box.height()));
    }

    public static Map<Key, NodeLayout> nodeLayouts(Representation representation) {
        Map<Key, NodeLayout> map = new HashMap<>();
        for (NodeLayout layout : representation.getNodes()) {
            map.putIfAbsent(Key.of(layout), layout);
        }
        return map;
    }

    public static Map<EdgeKey, EdgeLayout> edgeLayouts(Representation representation) {
        Map<EdgeKey, EdgeLayout> map = new HashMap<>();
        for (EdgeLayout layout : representation.getEdges()) {
            map.putIfAbsent(EdgeKey.of(layout), layout);
        }
        return map;
    }

    /**
     * The stored layout of an edge: its own, else one stored before the ends' containers were
     * recorded (null containers), which stands for the edges of every copy of its ends.
     */
    public static EdgeLayout edgeLayout(Map<EdgeKey, EdgeLayout> layouts, Edge edge) {
        EdgeKey key = key(edge);
        EdgeLayout layout = layouts.get(key);
        if (layout == null && (key.sourceContainer() != null || key.targetContainer() != null)) {
            layout = layouts.get(key.withoutContainers());
        }
        return layout;
    }

    /**
     * The stored layout of an edge about to be written ({@link #edgeLayout}): one stored before
     * containers were recorded is taken out of {@code layouts}, so it becomes this edge's alone
     * (the writer records the containers) and another copy's edge gets a layout of its own.
     */
    public static EdgeLayout claim(Map<EdgeKey, EdgeLayout> layouts, Edge edge) {
        EdgeLayout layout = edgeLayout(layouts, edge);
        if (layout != null && layouts.get(key(edge)) != layout) {
            layouts.remove(key(edge).withoutContainers());
        }
        return layout;
    }

    /** The stored diagram arranged, sizes from the headless text estimate. */
    public static Shown arrange(Representation representation, DiagramDescription description) {
        return arrange(representation, description, TextMeasure.ESTIMATE);
    }

    /**
     * The stored diagram arranged: stored bounds (grown to fit labels and children), new top-level
     * nodes in free places, a container's new children below its stored ones (or, when none is
     * stored, laid out by ELK inside it), stored bendpoints.
     */
    public static Shown arrange(Representation representation, DiagramDescription description, TextMeasure measure) {
        Diagram diagram = interpret(representation, description);
        Map<Key, NodeLayout> stored = nodeLayouts(representation);
        Map<Key, Bounds> children = new HashMap<>();
        for (NodeLayout layout : representation.getNodes()) {
            if (layout.getContainer() != null) {
                children.put(Key.of(layout), bounds(layout));
            }
        }
        Map<Node, Bounds> relative = new IdentityHashMap<>();
        Map<Node, Bounds> bounds = new IdentityHashMap<>();
        List<Node> unplaced = new ArrayList<>();
        Map<Node, double[]> sizes = new IdentityHashMap<>();
        List<Bounds> taken = new ArrayList<>();
        Set<Node> grown = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node node : diagram.nodes()) {
            double[] size = DiagramLayout.content(node, measure, children, relative, false, diagram.edges());
            sizes.put(node, size);
            NodeLayout layout = stored.get(key(node));
            if (layout == null || layout.getContainer() != null) {
                unplaced.add(node);
                continue;
            }
            Bounds box = DiagramLayout.fit(node, bounds(layout), size, measure);
            // stored bounds are whole pixels: a node measured at 365.4 stored as 365 has not grown
            if (Math.round(box.height()) > layout.getHeight() || Math.round(box.width()) > layout.getWidth()) {
                grown.add(node);
            }
            bounds.put(node, box);
            taken.add(box);
        }
        pushDown(diagram.nodes(), bounds, grown);
        taken.clear();
        taken.addAll(bounds.values());
        for (Node node : unplaced) {
            double[] size = sizes.get(node);
            Bounds box = free(taken, size[0], size[1]);
            bounds.put(node, box);
            taken.add(box);
        }
        for (Node node : diagram.nodes()) {
            DiagramLayout.absolute(node, bounds.get(node), relative, bounds);
        }
        Map<EdgeKey, EdgeLayout> storedEdges = edgeLayouts(representation);
        Map<Edge, int[]> routes = new IdentityHashMap<>();
        Map<Node, Node> parents = parents(diagram);
        for (Edge edge : diagram.edges()) {
            EdgeLayout layout = edgeLayout(storedEdges, edge);
            if (layout != null && !layout.getPoints().isEmpty()) {
                int[] route = layout.getPoints().stream().mapToInt(Integer::intValue).toArray();
                // a route between two containers' children starts and ends on their sides; when a
                // child moved since (a node created above it, a name grown), it is left out
                if (!parents.containsKey(edge.source()) || !parents.containsKey(edge.target())
                        || (on(bounds.get(edge.source()), route[0], route[1])
                                && on(bounds.get(edge.target()), route[route.length - 2], route[route.length - 1]))) {
                    routes.put(edge, route);
                }
            }
        }
        return new Shown(diagram, bounds, routes);
    }

    /**
     * Stored nodes that grew to fit their labels with the editor's font (a diagram stored with
     * the headless estimate) may reach the nodes below them: those move down, top to bottom, until
     * they overlap no grown or moved node above them. Only growth pushes: nodes a person placed
     * over each other stay where they were put.
     */
    private static void pushDown(List<Node> nodes, Map<Node, Bounds> bounds, Set<Node> grown) {
        List<Node> placed = nodes.stream().filter(bounds::containsKey)
                .sorted(java.util.Comparator.comparingDouble((Node n) -> bounds.get(n).y())).toList();
        Set<Node> pushing = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        pushing.addAll(grown);
        for (int i = 0; i < placed.size(); i++) {
            Bounds box = bounds.get(placed.get(i));
            for (int j = 0; j < i; j++) {
                Bounds above = bounds.get(placed.get(j));
                if (pushing.contains(placed.get(j)) && above.overlaps(box)) {
                    pushing.add(placed.get(i));
                    box = new Bounds(box.x(), above.y() + above.height() + GAP, box.width(), box.height());
                    j = -1; // check again against every node above
                }
            }
            bounds.put(placed.get(i), box);
        }
    }

    /** Whether the point lies in the box or on its border (2 px of rounding allowed). */
    private static boolean on(Bounds box, int x, int y) {
        return box != null && x >= box.x() - 2 && x <= box.x() + box.width() + 2 && y >= box.y() - 2
                && y <= box.y() + box.height() + 2;
    }

    static Bounds bounds(NodeLayout layout) {
        return new Bounds(layout.getX(), layout.getY(), layout.getWidth(), layout.getHeight());
    }

    /** Each node's container node in the diagram (top-level nodes have none). */
    public static Map<Node, Node> parents(Diagram diagram) {
        Map<Node, Node> parents = new IdentityHashMap<>();
        for (Node node : diagram.allNodes()) {
            node.children().forEach(child -> parents.put(child, node));
        }
        return parents;
    }

    /**
     * The bounds to store for a node: a top-level node's as they are, a child's relative to its
     * container.
     */
    public static Bounds storedBounds(Node node, Map<Node, Node> parents, Map<Node, Bounds> bounds) {
        Bounds box = bounds.get(node);
        Node parent = parents.get(node);
        if (parent == null) {
            return box;
        }
        Bounds outer = bounds.get(parent);
        return box.moved(-outer.x(), -outer.y());
    }

    /**
     * The first place for a box of that size that overlaps nothing taken: scanning rows from the
     * top left, right of and below what is there.
     */
    public static Bounds free(List<Bounds> taken, double width, double height) {
        if (taken.isEmpty()) {
            return new Bounds(GAP, GAP, width, height);
        }
        Set<Double> xs = new LinkedHashSet<>(List.of((double) GAP));
        Set<Double> ys = new LinkedHashSet<>(List.of((double) GAP));
        for (Bounds b : taken) {
            xs.add(b.x() + b.width() + GAP);
            ys.add(b.y() + b.height() + GAP);
        }
        List<Double> sortedYs = ys.stream().sorted().toList();
        List<Double> sortedXs = xs.stream().sorted().toList();
        for (double y : sortedYs) {
            for (double x : sortedXs) {
                Bounds candidate = new Bounds(x, y, width, height);
                Bounds padded = new Bounds(x - GAP / 2.0, y - GAP / 2.0, width + GAP, height + GAP);
                if (taken.stream().noneMatch(padded::overlaps) && x + width < 2400) {
                    return candidate;
                }
            }
        }
        double bottom = taken.stream().mapToDouble(b -> b.y() + b.height()).max().orElse(0);
        return new Bounds(GAP, bottom + GAP, width, height);
    }
}
