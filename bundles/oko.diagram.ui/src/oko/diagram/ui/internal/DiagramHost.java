package oko.diagram.ui.internal;

import java.util.List;

import org.eclipse.emf.edit.domain.EditingDomain;

import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Key;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;

/**
 * What the edit parts ({@link Parts}) need of the editor showing them: what the diagram shows now,
 * its colours, and the editing it offers. The parts know this interface, not the editor.
 */
public interface DiagramHost {

    /** The stored diagram. */
    Representation representation();

    /** Its description, or null when it is not found. */
    DiagramDescription description();

    /** The shared colour cache of the figures. */
    Colors colors();

    /** The text measure of the figures' font: node sizes and layout use it. */
    SwtTextMeasure measure();

    /** The editing domain whose command stack takes every change. */
    EditingDomain getEditingDomain();

    /** The node of that identity in the current arrangement, or null. */
    Node node(Key key);

    /** The edge of that identity in the current arrangement, or null. */
    Edge edge(EdgeKey key);

    /** Where the node is drawn. */
    Bounds bounds(Node node);

    /** The edge's route (x, y pairs), or null for a straight line. */
    int[] route(Edge edge);

    /** The identities of the top-level nodes. */
    List<Key> topKeys();

    /** The edges leaving ({@code source}) or reaching a node. */
    List<EdgeKey> edgeKeys(Key node, boolean source);

    /** The create-node command of a tool at a diagram position, or null. */
    default org.eclipse.emf.common.command.Command createNodeCommand(CreateNodeTool tool, int x, int y) {
        return createNodeCommand(tool, null, x, y);
    }

    /**
     * The create-node command of a tool used in a container node ({@code target}; null: on the
     * diagram at x, y), or null; once executed, the new node is renamed in place.
     */
    org.eclipse.emf.common.command.Command createNodeCommand(CreateNodeTool tool, Node target, int x, int y);

    /** Starts renaming the node in place. */
    void directEdit(Parts.NodePart part);
}
