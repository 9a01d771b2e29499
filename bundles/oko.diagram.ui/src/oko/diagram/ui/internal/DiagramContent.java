package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;

import oko.diagram.Arrangement;
import oko.diagram.Arrangement.EdgeKey;
import oko.diagram.Arrangement.Key;
import oko.diagram.Arrangement.Shown;
import oko.diagram.DescriptionRegistry;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.ui.RepositoryConnection;

/**
 * What a diagram editor shows: the stored diagram's description interpreted with the stored
 * layout, indexed by the identities the edit parts use as models. {@link #rebuild()} interprets
 * again (after every change) and says what is wrong when the diagram cannot be shown.
 */
final class DiagramContent {

    private final Representation representation;
    private DiagramDescription description;
    private Shown shown;
    private final Map<Key, Node> nodes = new HashMap<>();
    private final Map<EdgeKey, Edge> edges = new HashMap<>();
    private final Map<Key, List<EdgeKey>> outgoing = new HashMap<>();
    private final Map<Key, List<EdgeKey>> incoming = new HashMap<>();

    /** Description files a methodologist edits live in the data directory's diagrams/ folder. */
    static void useDataDirectory() {
        RepositoryConnection.dataDirectory().ifPresent(d -> DescriptionRegistry.setUserFolder(d.resolve("diagrams")));
    }

    private final oko.diagram.TextMeasure measure;

    DiagramContent(Representation representation, oko.diagram.TextMeasure measure) {
        this.representation = representation;
        this.measure = measure;
        useDataDirectory();
        reloadDescription();
    }

    /** Finds the description again in the registry (after Reload diagram descriptions). */
    void reloadDescription() {
        description = DescriptionRegistry.byId(representation.getDescription()).orElse(null);
    }

    /**
     * Interprets the description again with the stored layout.
     *
     * @return the problems to show above the diagram, empty when all is well
     */
    List<String> rebuild() {
        nodes.clear();
        edges.clear();
        outgoing.clear();
        incoming.clear();
        List<String> problems = new ArrayList<>();
        shown = null;
        if (description == null) {
            problems.add(Messages.bind(Messages.noDescription, representation.getName(), representation.getDescription()));
        } else if (!Arrangement.alive(representation.getTarget())) {
            problems.add(Messages.bind(Messages.targetGone, representation.getName()));
        } else {
            try {
                shown = Arrangement.arrange(representation, description, measure);
                problems.addAll(shown.diagram().problems());
            } catch (RuntimeException e) {
                ILog.of(DiagramContent.class).error(representation.getName() + ": " + e, e);
                problems.add(Messages.bind(Messages.interpretFailed, representation.getName(), e.toString()));
            }
        }
        if (shown != null) {
            for (Node node : shown.diagram().allNodes()) {
                nodes.putIfAbsent(Arrangement.key(node), node);
            }
            for (Edge edge : shown.diagram().edges()) {
                EdgeKey key = Arrangement.key(edge);
                if (edges.putIfAbsent(key, edge) == null) {
                    outgoing.computeIfAbsent(Arrangement.key(edge.source()), k -> new ArrayList<>()).add(key);
                    incoming.computeIfAbsent(Arrangement.key(edge.target()), k -> new ArrayList<>()).add(key);
                }
            }
        }
        return problems;
    }

    Representation representation() {
        return representation;
    }

    DiagramDescription description() {
        return description;
    }

    /** What the diagram shows now (null when it cannot be shown). */
    Shown shown() {
        return shown;
    }

    /** Every node shown, by identity (nested nodes too). */
    Map<Key, Node> nodes() {
        return Collections.unmodifiableMap(nodes);
    }

    Node node(Key key) {
        return nodes.get(key);
    }

    Edge edge(EdgeKey key) {
        return edges.get(key);
    }

    Bounds bounds(Node node) {
        return shown.bounds().get(node);
    }

    int[] route(Edge edge) {
        return shown.routes().get(edge);
    }

    List<Key> topKeys() {
        return shown == null ? List.of() : shown.diagram().nodes().stream().map(Arrangement::key).distinct().toList();
    }

    List<EdgeKey> edgeKeys(Key node, boolean source) {
        return (source ? outgoing : incoming).getOrDefault(node, List.of());
    }
}
