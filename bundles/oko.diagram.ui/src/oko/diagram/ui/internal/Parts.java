package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.AbsoluteBendpoint;
import org.eclipse.draw2d.BendpointConnectionRouter;
import org.eclipse.draw2d.ChopboxAnchor;
import org.eclipse.draw2d.ConnectionAnchor;
import org.eclipse.draw2d.ConnectionLayer;
import org.eclipse.draw2d.ConnectionLocator;
import org.eclipse.draw2d.EllipseAnchor;
import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.Label;
import org.eclipse.draw2d.ManhattanConnectionRouter;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.RotatableDecoration;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.EditPartFactory;
import org.eclipse.gef.EditPolicy;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editparts.AbstractConnectionEditPart;
import org.eclipse.gef.editparts.AbstractGraphicalEditPart;
import org.eclipse.gef.editpolicies.ConnectionEndpointEditPolicy;
import org.eclipse.gef.editpolicies.DirectEditPolicy;
import org.eclipse.gef.editpolicies.GraphicalNodeEditPolicy;
import org.eclipse.gef.editpolicies.NonResizableEditPolicy;
import org.eclipse.gef.editpolicies.BendpointEditPolicy;
import org.eclipse.gef.editpolicies.RootComponentEditPolicy;
import org.eclipse.gef.editpolicies.XYLayoutEditPolicy;
import org.eclipse.gef.requests.BendpointRequest;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.requests.CreateRequest;
import org.eclipse.gef.requests.DirectEditRequest;
import org.eclipse.gef.requests.ReconnectRequest;

import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Key;
import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.ArrowStyle;
import oko.diagram.description.CreateEdgeTool;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DirectEditTool;
import oko.diagram.description.EdgeStyle;
import oko.diagram.description.LineStyle;
import oko.diagram.description.NodeShape;
import oko.diagram.description.Routing;
import oko.diagram.representation.Representation;

/**
 * The GEF edit parts of a diagram. Their models are identities ({@link Key}, {@link EdgeKey}), so
 * a part lives across refreshes; what it shows comes from the editor's current arrangement.
 */
public final class Parts implements EditPartFactory {

    private final DiagramHost editor;

    public Parts(DiagramHost editor) {
        this.editor = editor;
    }

    @Override
    public EditPart createEditPart(EditPart context, Object model) {
        EditPart part;
        if (model instanceof Representation) {
            part = new DiagramPart(editor);
        } else if (model instanceof Key) {
            part = new NodePart(editor);
        } else if (model instanceof EdgeKey) {
            part = new EdgePart(editor);
        } else {
            throw new IllegalArgumentException(String.valueOf(model));
        }
        part.setModel(model);
        return part;
    }

    static Rectangle rectangle(Bounds b) {
        return new Rectangle((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()),
                (int) Math.round(b.height()));
    }

    /** The whole diagram: a free-form layer; creating and moving nodes go through its layout policy. */
    public static final class DiagramPart extends AbstractGraphicalEditPart {

        private final DiagramHost editor;

        DiagramPart(DiagramHost editor) {
            this.editor = editor;
        }

        @Override
        protected IFigure createFigure() {
            FreeformLayer layer = new FreeformLayer();
            layer.setLayoutManager(new FreeformLayout());
            return layer;
        }

        @Override
        protected void createEditPolicies() {
            installEditPolicy(EditPolicy.COMPONENT_ROLE, new RootComponentEditPolicy());
            installEditPolicy(EditPolicy.LAYOUT_ROLE, new XYLayoutEditPolicy() {
                @Override
                protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
                    Node node = editor.node((Key) child.getModel());
                    if (node == null || !(constraint instanceof Rectangle r)) {
                        return null;
                    }
                    return Commands.gef(DiagramEditing.move(editor.getEditingDomain(), editor.representation(),
                            java.util.Map.of(node, new Bounds(r.x, r.y, r.width, r.height))));
                }

                @Override
                protected Command getCreateCommand(CreateRequest request) {
                    if (!(request.getNewObject() instanceof CreateNodeTool tool)) {
                        return null;
                    }
                    Rectangle r = (Rectangle) getConstraintFor(request);
                    return Commands.gef(editor.createNodeCommand(tool, r.x, r.y));
                }

                @Override
                protected Command getDeleteDependantCommand(Request request) {
                    return null;
                }
            });
        }

        @Override
        protected List<Object> getModelChildren() {
            return new ArrayList<>(editor.topKeys());
        }

        @Override
        protected void refreshVisuals() {
            ConnectionLayer connections = (ConnectionLayer) getLayer(LayerConstants.CONNECTION_LAYER);
            if (connections != null) {
                connections.setAntialias(org.eclipse.swt.SWT.ON);
            }
        }
    }

    /** A node or container; a container's children are listed inside it. */
    public static final class NodePart extends AbstractGraphicalEditPart implements org.eclipse.gef.NodeEditPart {

        private final DiagramHost editor;

        NodePart(DiagramHost editor) {
            this.editor = editor;
        }

        public Key key() {
            return (Key) getModel();
        }

        public Node node() {
            return editor.node(key());
        }

        @Override
        protected IFigure createFigure() {
            return new NodeFigure(editor.colors(), editor.measure());
        }

        @Override
        protected void createEditPolicies() {
            if (getParent() instanceof NodePart parent && parent.node() != null
                    && parent.node().mapping() instanceof oko.diagram.description.ContainerMapping list
                    && list.getChildrenPresentation() == oko.diagram.description.ChildrenPresentation.LIST) {
                // listed in its container: selectable, not movable on its own
                NonResizableEditPolicy listed = new NonResizableEditPolicy();
                listed.setDragAllowed(false);
                installEditPolicy(EditPolicy.PRIMARY_DRAG_ROLE, listed);
            }
            // a palette tool whose target mappings name this node's mapping creates its element inside
            installEditPolicy(ContainerCreation.ROLE, new ContainerCreation(editor));
            // a container's children are moved and resized inside it (relative bounds, pinned)
            installEditPolicy(EditPolicy.LAYOUT_ROLE, new XYLayoutEditPolicy() {
                @Override
                protected Command createChangeConstraintCommand(EditPart child, Object constraint) {
                    Node container = node();
                    Node node = editor.node((Key) child.getModel());
                    if (container == null || node == null || !(constraint instanceof Rectangle r)) {
                        return null;
                    }
                    return Commands.gef(DiagramEditing.moveChild(editor.getEditingDomain(), editor.representation(),
                            node, new Bounds(r.x, r.y, r.width, r.height)));
                }

                @Override
                protected Command getCreateCommand(CreateRequest request) {
                    Node container = node();
                    if (!(request.getNewObject() instanceof CreateNodeTool tool) || container == null
                            || DiagramEditing.applies(tool, container)) {
                        // a tool that creates inside this container: ContainerCreation's command
                        return null;
                    }
                    Rectangle r = (Rectangle) getConstraintFor(request);
                    Rectangle box = rectangle(editor.bounds(container));
                    return Commands.gef(editor.createNodeCommand(tool, box.x + r.x, box.y + r.y));
                }

                @Override
                protected Command getDeleteDependantCommand(Request request) {
                    return null;
                }
            });
            installEditPolicy(EditPolicy.GRAPHICAL_NODE_ROLE, new GraphicalNodeEditPolicy() {
                @Override
                protected Command getConnectionCreateCommand(CreateConnectionRequest request) {
                    Node node = node();
                    if (!(request.getNewObject() instanceof CreateEdgeTool tool) || node == null
                            || !tool.getMapping().getSourceMappings().contains(node.mapping())) {
                        return null;
                    }
                    Command start = new Command(tool.getLabel()) {
                    };
                    request.setStartCommand(start);
                    request.getExtendedData().put("source", node);
                    return start;
                }

                @Override
                protected Command getConnectionCompleteCommand(CreateConnectionRequest request) {
                    Node target = node();
                    Object source = request.getExtendedData().get("source");
                    if (!(request.getNewObject() instanceof CreateEdgeTool tool) || !(source instanceof Node from)
                            || target == null) {
                        return null;
                    }
                    return Commands.gef(DiagramEditing.createEdge(editor.getEditingDomain(), tool, from, target));
                }

                @Override
                protected Command getReconnectTargetCommand(ReconnectRequest request) {
                    return null;
                }

                @Override
                protected Command getReconnectSourceCommand(ReconnectRequest request) {
                    return null;
                }
            });
            installEditPolicy(EditPolicy.DIRECT_EDIT_ROLE, new DirectEditPolicy() {
                @Override
                protected Command getDirectEditCommand(DirectEditRequest request) {
                    Node node = node();
                    Object value = request.getCellEditor().getValue();
                    return node == null ? null : Commands.gef(DiagramEditing.rename(editor.getEditingDomain(),
                            editor.description(), node, String.valueOf(value)));
                }

                @Override
                protected void showCurrentEditValue(DirectEditRequest request) {
                    // the figure shows the new text once the command ran
                }
            });
        }

        @Override
        public void performRequest(Request request) {
            if (RequestConstants.REQ_DIRECT_EDIT.equals(request.getType())
                    || RequestConstants.REQ_OPEN.equals(request.getType())) {
                Node node = node();
                if (node != null && DiagramEditing.toolFor(editor.description(), DirectEditTool.class,
                        node.mapping()) != null) {
                    editor.directEdit(this);
                }
            }
        }

        @Override
        protected List<Object> getModelChildren() {
            Node node = node();
            return node == null ? List.of() : new ArrayList<>(node.children().stream().map(oko.diagram.Arrangement::key).toList());
        }

        @Override
        protected List<Object> getModelSourceConnections() {
            return new ArrayList<>(editor.edgeKeys(key(), true));
        }

        @Override
        protected List<Object> getModelTargetConnections() {
            return new ArrayList<>(editor.edgeKeys(key(), false));
        }

        @Override
        protected void refreshVisuals() {
            Node node = node();
            if (node == null) {
                return;
            }
            ((NodeFigure) getFigure()).update(node.style(), node.label(), !node.children().isEmpty());
            // a conditional style's reason (no formula, overdue…) under the label in the tooltip
            List<String> reasons = oko.diagram.DiagramInterpreter.reasons(node.mapping(), node.element());
            if (!reasons.isEmpty()) {
                getFigure().setToolTip(new Label(node.label() + "\n\n" + String.join("\n", reasons)));
            }
            Rectangle box = rectangle(editor.bounds(node));
            if (getParent() instanceof NodePart container) {
                Rectangle parentBox = rectangle(editor.bounds(container.node()));
                box.translate(-parentBox.x, -parentBox.y);
            }
            ((GraphicalEditPart) getParent()).setLayoutConstraint(this, getFigure(), box);
        }

        @Override
        public void refresh() {
            super.refresh();
            for (Object child : getChildren()) {
                ((EditPart) child).refresh();
            }
        }

        private ConnectionAnchor anchor() {
            Node node = node();
            return node != null && node.style().getShape() == NodeShape.ELLIPSE ? new EllipseAnchor(getFigure())
                    : new ChopboxAnchor(getFigure());
        }

        @Override
        public ConnectionAnchor getSourceConnectionAnchor(org.eclipse.gef.ConnectionEditPart connection) {
            return anchor();
        }

        @Override
        public ConnectionAnchor getTargetConnectionAnchor(org.eclipse.gef.ConnectionEditPart connection) {
            return anchor();
        }

        @Override
        public ConnectionAnchor getSourceConnectionAnchor(Request request) {
            return anchor();
        }

        @Override
        public ConnectionAnchor getTargetConnectionAnchor(Request request) {
            return anchor();
        }
    }

    /** An edge: line style, colour, arrowheads, stored bendpoints, its label in the middle. */
    public static final class EdgePart extends AbstractConnectionEditPart {

        private final DiagramHost editor;
        private Label label;

        EdgePart(DiagramHost editor) {
            this.editor = editor;
        }

        public Edge edge() {
            return editor.edge((EdgeKey) getModel());
        }

        @Override
        protected IFigure createFigure() {
            PolylineConnection connection = new PolylineConnection();
            label = new Label();
            connection.add(label, new ConnectionLocator(connection, ConnectionLocator.MIDDLE));
            return connection;
        }

        @Override
        protected void createEditPolicies() {
            installEditPolicy(EditPolicy.CONNECTION_ENDPOINTS_ROLE, new ConnectionEndpointEditPolicy());
            installEditPolicy(EditPolicy.CONNECTION_BENDPOINTS_ROLE, new BendpointEditPolicy() {
                @Override
                protected Command getCreateBendpointCommand(BendpointRequest request) {
                    return bend(request, Bend.CREATE);
                }

                @Override
                protected Command getMoveBendpointCommand(BendpointRequest request) {
                    return bend(request, Bend.MOVE);
                }

                @Override
                protected Command getDeleteBendpointCommand(BendpointRequest request) {
                    return bend(request, Bend.DELETE);
                }
            });
        }

        private enum Bend {
            CREATE, MOVE, DELETE
        }

        /** The edge's stored bendpoints with one added, moved or removed, as a command. */
        private Command bend(BendpointRequest request, Bend kind) {
            Edge edge = edge();
            if (edge == null) {
                return null;
            }
            List<Point> points = new ArrayList<>();
            int[] route = editor.route(edge);
            for (int i = 0; route != null && i + 1 < route.length; i += 2) {
                points.add(new Point(route[i], route[i + 1]));
            }
            Point location = request.getLocation() == null ? null : request.getLocation().getCopy();
            if (location != null) {
                getConnectionFigure().translateToRelative(location);
            }
            int index = request.getIndex();
            if (points.isEmpty() && kind == Bend.CREATE && getSource() != null && getTarget() != null
                    && getSource().getParent() instanceof NodePart && getTarget().getParent() instanceof NodePart) {
                // a route between two containers' children starts and ends on their sides (Arrangement drops one
                // that does not, as moved away from): the first bendpoint of a straight edge keeps its two ends
                PointList drawn = getConnectionFigure().getPoints();
                if (drawn.size() >= 2) {
                    points.add(drawn.getFirstPoint());
                    points.add(drawn.getLastPoint());
                    index = 1;
                }
            }
            switch (kind) {
            case CREATE -> points.add(Math.max(0, Math.min(index, points.size())), location);
            case MOVE -> {
                if (index < 0 || index >= points.size()) {
                    return null;
                }
                points.set(index, location);
            }
            case DELETE -> {
                if (index < 0 || index >= points.size()) {
                    return null;
                }
                points.remove(index);
            }
            }
            int[] values = new int[points.size() * 2];
            for (int i = 0; i < points.size(); i++) {
                values[2 * i] = points.get(i).x;
                values[2 * i + 1] = points.get(i).y;
            }
            return Commands.gef(DiagramEditing.route(editor.getEditingDomain(), editor.representation(), edge, values));
        }

        @Override
        protected void refreshVisuals() {
            Edge edge = edge();
            if (edge == null) {
                return;
            }
            PolylineConnection connection = (PolylineConnection) getFigure();
            EdgeStyle style = edge.style();
            connection.setForegroundColor(editor.colors().get(style.getForeground(), 60, 60, 60));
            connection.setLineWidth(Math.max(1, style.getBorderWidth()));
            connection.setLineStyle(style.getLineStyle() == LineStyle.DASH ? Graphics.LINE_DASH
                    : style.getLineStyle() == LineStyle.DOT ? Graphics.LINE_DOT : Graphics.LINE_SOLID);
            for (boolean source : new boolean[] { true, false }) {
                RotatableDecoration decoration = decoration(source ? style.getSourceArrow() : style.getTargetArrow());
                if (decoration instanceof IFigure figure) {
                    figure.setBackgroundColor(connection.getForegroundColor());
                }
                if (source) {
                    connection.setSourceDecoration(decoration);
                } else {
                    connection.setTargetDecoration(decoration);
                }
            }
            label.setText(edge.label());
            label.setForegroundColor(connection.getForegroundColor());
            connection.setToolTip(new Label(edge.mapping().getLabel()));
            // stored bendpoints (Arrange All's orthogonal route, or a person's) win; without them an
            // orthogonal edge goes round corners, a straight one goes straight
            int[] route = editor.route(edge);
            if ((route == null || route.length < 2) && style.getRouting() == Routing.ORTHOGONAL) {
                if (!(connection.getConnectionRouter() instanceof ManhattanConnectionRouter)) {
                    connection.setConnectionRouter(new ManhattanConnectionRouter());
                }
                connection.setRoutingConstraint(null);
            } else {
                if (!(connection.getConnectionRouter() instanceof BendpointConnectionRouter)) {
                    connection.setConnectionRouter(new BendpointConnectionRouter());
                }
                List<AbsoluteBendpoint> points = new ArrayList<>();
                for (int i = 0; route != null && i + 1 < route.length; i += 2) {
                    points.add(new AbsoluteBendpoint(route[i], route[i + 1]));
                }
                connection.setRoutingConstraint(points);
            }
        }

        private static RotatableDecoration decoration(ArrowStyle arrow) {
            if (arrow == null || arrow == ArrowStyle.NONE) {
                return null;
            }
            PolygonDecoration decoration = new PolygonDecoration();
            switch (arrow) {
            case ARROW -> {
                PointList open = new PointList();
                open.addPoint(-2, 1);
                open.addPoint(0, 0);
                open.addPoint(-2, -1);
                decoration.setTemplate(open);
                decoration.setFill(false);
            }
            case DIAMOND, FILLED_DIAMOND -> {
                PointList diamond = new PointList();
                diamond.addPoint(0, 0);
                diamond.addPoint(-1, 1);
                diamond.addPoint(-2, 0);
                diamond.addPoint(-1, -1);
                decoration.setTemplate(diamond);
                decoration.setFill(arrow == ArrowStyle.FILLED_DIAMOND);
            }
            default -> decoration.setTemplate(PolygonDecoration.TRIANGLE_TIP);
            }
            decoration.setScale(8, 4);
            return decoration;
        }
    }
}
