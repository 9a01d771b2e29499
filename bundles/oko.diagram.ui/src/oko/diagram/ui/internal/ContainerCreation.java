package oko.diagram.ui.internal;

import org.eclipse.draw2d.ColorConstants;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.LineBorder;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.Request;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.editpolicies.GraphicalEditPolicy;
import org.eclipse.gef.requests.CreateRequest;

import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.ui.internal.Parts.NodePart;

/**
 * Creation inside a container node: a palette tool whose target mappings list the container's
 * mapping (for instance «Показатель» in the stage «Показатели») creates its element there, through
 * {@link DiagramEditing#createNode}; the container is outlined while the tool is over it. Any other
 * tool passes the request on to the container's parent, and from there to the diagram.
 */
final class ContainerCreation extends GraphicalEditPolicy {

    /** The role it is installed under on a node part (beside GEF's own roles). */
    static final String ROLE = "oko.containerCreation";

    private final DiagramHost editor;
    private org.eclipse.draw2d.Border saved;
    private boolean highlighted;

    ContainerCreation(DiagramHost editor) {
        this.editor = editor;
    }

    private CreateNodeTool tool(Request request) {
        if (RequestConstants.REQ_CREATE.equals(request.getType()) && request instanceof CreateRequest create
                && create.getNewObject() instanceof CreateNodeTool tool) {
            Node node = ((NodePart) getHost()).node();
            return node != null && DiagramEditing.applies(tool, node) ? tool : null;
        }
        return null;
    }

    @Override
    public EditPart getTargetEditPart(Request request) {
        return tool(request) != null ? getHost() : null;
    }

    @Override
    public Command getCommand(Request request) {
        CreateNodeTool tool = tool(request);
        if (tool == null) {
            return null;
        }
        Point location = ((CreateRequest) request).getLocation();
        return Commands.gef(editor.createNodeCommand(tool, ((NodePart) getHost()).node(),
                location == null ? 0 : location.x, location == null ? 0 : location.y));
    }

    @Override
    public void showTargetFeedback(Request request) {
        if (tool(request) != null && !highlighted) {
            IFigure figure = getHostFigure();
            saved = figure.getBorder();
            figure.setBorder(new LineBorder(ColorConstants.blue, 2));
            highlighted = true;
        }
    }

    @Override
    public void eraseTargetFeedback(Request request) {
        if (highlighted) {
            getHostFigure().setBorder(saved);
            highlighted = false;
        }
    }
}
