package oko.diagram;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;

/**
 * Routes of the edges between a container's child and a top-level node (the roles diagram's
 * function → role and function → document), after ELK placed the nodes. ELK only saw such an
 * edge as one edge of the container (routing them one by one made it 7 times slower), so they are
 * routed here, orthogonally, in the free channel between the container's column and the next
 * column towards the other end:
 * <ol>
 * <li>from the child's side facing the other node, straight across the container's padding to
 * the channel;</li>
 * <li>along the channel, on a vertical of its own: the edges leaving one column on one side are
 * spread over the channel's width, so dozens of them do not draw as one thick line;</li>
 * <li>straight to the other node's side, the edges ending there spread over its height.</li>
 * </ol>
 * The order of the verticals and of the ends follows the directions the edges go (up or down), so
 * that edges going the same way do not cross one another. A route that would cross a node other
 * than its ends (the child's siblings or another top-level node) is not stored: the edge is then
 * drawn by the editor's router, as before.
 */
final class ChannelRoutes {

    /** Room kept free on either side of the channel, and at the ends of a node's side. */
    private static final double MARGIN = 6;

    private ChannelRoutes() {
    }

    /** One edge to route: its child end, container, other end, side and computed coordinates. */
    private static final class Wire {
        final Edge edge;
        final Node child;
        final Node other;
        final boolean left;
        final double startY;
        double endY;
        double x;

        Wire(Edge edge, Node child, Node other, boolean left, double startY, double endY) {
            this.edge = edge;
            this.child = child;
            this.other = other;
            this.left = left;
            this.startY = startY;
            this.endY = endY;
        }

        boolean up() {
            return endY < startY;
        }
    }

    /**
     * Adds to {@code routes} the route (start on the child's border, bendpoints, end on the other
     * node's border, in the edge's direction) of every edge between a child and a top-level node
     * placed left or right of the child's container.
     *
     * @param top    each node's top-level ancestor (a top-level node's is itself)
     * @param bounds every node's bounds in diagram coordinates
     */
    static void route(List<Node> tops, List<Edge> edges, Map<Node, Node> top, Map<Node, Bounds> bounds,
            Map<Edge, int[]> routes) {
        List<List<Node>> columns = columns(tops, bounds);
        Map<Node, Integer> columnOf = new IdentityHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            for (Node node : columns.get(i)) {
                columnOf.put(node, i);
            }
        }
        // the edges by container column and side: each group shares one channel
        Map<Long, List<Wire>> groups = new HashMap<>();
        for (Edge edge : edges) {
            Node from = top.get(edge.source());
            Node to = top.get(edge.target());
            if (from == null || to == null || from == to || routes.containsKey(edge)) {
                continue;
            }
            boolean childSource = from != edge.source();
            if (childSource == (to != edge.target())) {
                continue; // both top-level (ELK's) or both children (ELK's, between ports)
            }
            Node child = childSource ? edge.source() : edge.target();
            Node other = childSource ? edge.target() : edge.source();
            Bounds container = bounds.get(top.get(child));
            Bounds end = bounds.get(other);
            Bounds box = bounds.get(child);
            if (container == null || end == null || box == null) {
                continue;
            }
            boolean left;
            if (end.x() + end.width() <= container.x()) {
                left = true;
            } else if (end.x() >= container.x() + container.width()) {
                left = false;
            } else {
                continue; // above or below the container: no side channel
            }
            double startY = middle(box);
            Wire wire = new Wire(edge, child, other, left, startY, middle(end));
            groups.computeIfAbsent(2L * columnOf.get(top.get(child)) + (left ? 0 : 1), k -> new ArrayList<>()).add(wire);
        }
        Map<Node, List<Wire>> ending = new IdentityHashMap<>();
        for (Map.Entry<Long, List<Wire>> group : groups.entrySet()) {
            int column = (int) (group.getKey() / 2);
            boolean left = group.getKey() % 2 == 0;
            double[] channel = channel(columns, column, left, bounds);
            spread(group.getValue(), channel, left);
            group.getValue().forEach(w -> ending.computeIfAbsent(w.other, k -> new ArrayList<>()).add(w));
        }
        for (Map.Entry<Node, List<Wire>> entry : ending.entrySet()) {
            ends(entry.getValue(), bounds.get(entry.getKey()));
        }
        for (List<Wire> group : groups.values()) {
            for (Wire wire : group) {
                int[] route = points(wire, bounds);
                if (clear(route, wire, top, bounds, tops)) {
                    routes.put(wire.edge, route);
                }
            }
        }
    }

    private static double middle(Bounds box) {
        return box.y() + box.height() / 2;
    }

    /** The top-level nodes in columns, left to right: nodes whose horizontal extents overlap. */
    private static List<List<Node>> columns(List<Node> tops, Map<Node, Bounds> bounds) {
        List<Node> byX = new ArrayList<>(tops);
        byX.sort(Comparator.comparingDouble(n -> bounds.get(n).x()));
        List<List<Node>> columns = new ArrayList<>();
        double right = Double.NEGATIVE_INFINITY;
        for (Node node : byX) {
            Bounds box = bounds.get(node);
            if (columns.isEmpty() || box.x() >= right) {
                columns.add(new ArrayList<>());
                right = box.x() + box.width();
            } else {
                right = Math.max(right, box.x() + box.width());
            }
            columns.get(columns.size() - 1).add(node);
        }
        return columns;
    }

    /** The free channel beside a column ({@code left}: on its left), as {from x, to x}. */
    private static double[] channel(List<List<Node>> columns, int column, boolean left, Map<Node, Bounds> bounds) {
        List<Node> own = columns.get(column);
        if (left) {
            double to = own.stream().mapToDouble(n -> bounds.get(n).x()).min().orElseThrow();
            double from = column == 0 ? to - 2 * DiagramLayout.SPACING
                    : columns.get(column - 1).stream().mapToDouble(n -> bounds.get(n).x() + bounds.get(n).width())
                            .max().orElseThrow();
            return new double[] { from, to };
        }
        double from = own.stream().mapToDouble(n -> bounds.get(n).x() + bounds.get(n).width()).max().orElseThrow();
        double to = column == columns.size() - 1 ? from + 2 * DiagramLayout.SPACING
                : columns.get(column + 1).stream().mapToDouble(n -> bounds.get(n).x()).min().orElseThrow();
        return new double[] { from, to };
    }

    /**
     * Gives each edge of a channel its vertical. Seen from the container's side, an edge going up
     * must turn after (nearer the container than) the edges going up from below it, or their
     * horizontal parts would cross its vertical; an edge going down, after those going down from
     * above it. Edges going up take the half of the channel nearer the container, those going
     * down the other half.
     */
    private static void spread(List<Wire> wires, double[] channel, boolean left) {
        List<Wire> up = new ArrayList<>(wires.stream().filter(Wire::up).toList());
        List<Wire> down = new ArrayList<>(wires.stream().filter(w -> !w.up()).toList());
        // nearest the container first
        up.sort(Comparator.comparingDouble((Wire w) -> w.startY).thenComparingDouble(w -> w.endY));
        down.sort(Comparator.comparingDouble((Wire w) -> -w.startY).thenComparingDouble(w -> -w.endY));
        List<Wire> order = new ArrayList<>(up);
        order.addAll(down);
        double width = channel[1] - channel[0];
        double margin = Math.min(MARGIN, width / 4);
        double usable = width - 2 * margin;
        int n = order.size();
        for (int i = 0; i < n; i++) {
            double offset = n == 1 ? usable / 2 : usable * i / (n - 1);
            // the container is on the channel's right when the edges leave it to the left
            order.get(i).x = left ? channel[1] - margin - offset : channel[0] + margin + offset;
        }
    }

    /**
     * Spreads the ends of the edges reaching one node over its side: those coming down from above
     * in its upper part, those coming up from below in its lower part, each in the order that
     * keeps its horizontal part clear of the others' verticals.
     */
    private static void ends(List<Wire> wires, Bounds box) {
        for (boolean left : new boolean[] { true, false }) {
            // left: the edges leave their container to the left, so they reach this node's right side
            List<Wire> side = wires.stream().filter(w -> w.left == left).toList();
            if (side.isEmpty()) {
                continue;
            }
            // distance of a vertical from this node's side
            java.util.function.ToDoubleFunction<Wire> away = w -> left ? w.x : -w.x;
            List<Wire> order = new ArrayList<>();
            // coming down: the farther vertical ends lower (its horizontal passes below the nearer
            // ones' verticals, which end above it)
            side.stream().filter(w -> !w.up()).sorted(Comparator.comparingDouble(away)).forEach(order::add);
            // coming up: the farther vertical ends higher (above where the nearer ones' verticals reach)
            side.stream().filter(Wire::up).sorted(Comparator.comparingDouble(away).reversed()).forEach(order::add);
            double margin = Math.min(MARGIN, box.height() / 4);
            double usable = box.height() - 2 * margin;
            int n = order.size();
            for (int i = 0; i < n; i++) {
                order.get(i).endY = box.y() + margin + usable * (i + 0.5) / n;
            }
        }
    }

    /** The route in the edge's direction: child's side, channel, other node's side. */
    private static int[] points(Wire wire, Map<Node, Bounds> bounds) {
        Bounds box = bounds.get(wire.child);
        Bounds end = bounds.get(wire.other);
        double startX = wire.left ? box.x() : box.x() + box.width();
        double endX = wire.left ? end.x() + end.width() : end.x();
        long sy = Math.round(wire.startY);
        long ey = Math.round(wire.endY);
        long x = Math.round(wire.x);
        long[] route = sy == ey ? new long[] { Math.round(startX), sy, Math.round(endX), ey }
                : new long[] { Math.round(startX), sy, x, sy, x, ey, Math.round(endX), ey };
        boolean childSource = wire.edge.source() == wire.child;
        int[] result = new int[route.length];
        for (int i = 0; i < route.length; i += 2) {
            int j = childSource ? i : route.length - 2 - i;
            result[j] = (int) route[i];
            result[j + 1] = (int) route[i + 1];
        }
        return result;
    }

    /**
     * Whether no segment of the route enters a node other than its ends and the containers the
     * child lies in: every other top-level node, and every node inside the child's container but
     * the child and its own containers.
     */
    private static boolean clear(int[] route, Wire wire, Map<Node, Node> top, Map<Node, Bounds> bounds,
            List<Node> tops) {
        Node container = top.get(wire.child);
        List<Bounds> obstacles = new ArrayList<>();
        for (Node node : tops) {
            if (node != container && node != wire.other) {
                obstacles.add(bounds.get(node));
            }
        }
        Set<Node> around = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        collectInside(container, wire.child, around);
        for (Node node : around) {
            obstacles.add(bounds.get(node));
        }
        for (int i = 0; i + 3 < route.length; i += 2) {
            for (Bounds box : obstacles) {
                if (crosses(box, route[i], route[i + 1], route[i + 2], route[i + 3])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The nodes inside {@code node} that neither are {@code child} nor hold it. */
    private static boolean collectInside(Node node, Node child, Set<Node> into) {
        boolean holds = false;
        for (Node inner : node.children()) {
            if (inner == child) {
                holds = true;
            } else if (collectInside(inner, child, into)) {
                holds = true;
            } else {
                into.add(inner);
            }
        }
        return holds;
    }

    /** Whether an axis-parallel segment enters the box's interior (touching its border is not). */
    static boolean crosses(Bounds box, double x1, double y1, double x2, double y2) {
        double left = Math.min(x1, x2);
        double right = Math.max(x1, x2);
        double high = Math.min(y1, y2);
        double low = Math.max(y1, y2);
        return left < box.x() + box.width() && right > box.x() && high < box.y() + box.height() && low > box.y();
    }
}
