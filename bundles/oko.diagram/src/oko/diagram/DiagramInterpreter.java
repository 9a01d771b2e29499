package oko.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.diagram.description.AbstractNodeMapping;
import oko.diagram.description.CandidateExpression;
import oko.diagram.description.ConditionalStyle;
import oko.diagram.description.ContainerMapping;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DiagramElementMapping;
import oko.diagram.description.EdgeMapping;
import oko.diagram.description.EdgeStyle;
import oko.diagram.description.FeaturePath;
import oko.diagram.description.Filter;
import oko.diagram.description.Layer;
import oko.diagram.description.NamedQuery;
import oko.diagram.description.NodeStyle;
import oko.diagram.description.Style;
import oko.model.edit.ModelLabels;

/**
 * Builds a diagram from a description and a root object: the nodes and containers of the active
 * layers' mappings (candidates by feature path or named query), their labels and styles
 * (conditional styles applied), the edges between shown nodes, minus what active filters hide.
 * Pure computation over the model; drawing and layout are elsewhere.
 */
public final class DiagramInterpreter {

    /**
     * A node (or container) of the diagram: the semantic element as one mapping shows it inside
     * {@code container}, the semantic element of the container node it is drawn in (null for a
     * top-level node). One element may be shown in several containers (a stage document in each of
     * the six stages of a cycle): each is a node of its own.
     */
    public record Node(AbstractNodeMapping mapping, EObject element, EObject container, String label, NodeStyle style,
            List<Node> children) {

        /** A top-level node. */
        public Node(AbstractNodeMapping mapping, EObject element, String label, NodeStyle style, List<Node> children) {
            this(mapping, element, null, label, style, children);
        }
    }

    /** An edge between two shown nodes. */
    public record Edge(EdgeMapping mapping, Node source, Node target, String label, EdgeStyle style) {
    }

    /** The diagram: top-level nodes (containers hold their children), all edges, and problems met. */
    public record Diagram(DiagramDescription description, EObject root, String title, List<Node> nodes,
            List<Edge> edges, List<String> problems) {

        /** Every node, containers' children included. */
        public List<Node> allNodes() {
            List<Node> all = new ArrayList<>();
            nodes.forEach(n -> collect(n, all));
            return all;
        }

        private static void collect(Node node, List<Node> into) {
            into.add(node);
            node.children().forEach(c -> collect(c, into));
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(@?[\\w/]+)\\}");

    private final Set<Layer> layers;
    private final Set<Filter> filters;
    private final List<String> problems = new ArrayList<>();
    /**
     * Nodes by mapping and element, for edges, each mapping's in the order they were drawn: edges
     * are drawn from these in turn, and their order must not follow the objects' identity hash
     * codes, which differ from one load of the model to the next (a published diagram would
     * differ byte for byte). EMF objects are equal only to themselves, so insertion order is all
     * a LinkedHashMap adds to identity lookup.
     */
    private final Map<AbstractNodeMapping, Map<EObject, Node>> shown = new IdentityHashMap<>();

    private DiagramInterpreter(Collection<Layer> layers, Collection<Filter> filters) {
        this.layers = new LinkedHashSet<>(layers);
        this.filters = new LinkedHashSet<>(filters);
    }

    /** The diagram with the layers and filters that are active by default. */
    public static Diagram build(DiagramDescription description, EObject root) {
        List<Layer> layers = description.getLayers().stream()
                .filter(l -> !l.isOptional() || l.isActiveByDefault()).toList();
        List<Filter> filters = description.getFilters().stream().filter(Filter::isActiveByDefault).toList();
        return build(description, root, layers, filters);
    }

    /** The diagram with the given layers (the first, default layer is always on) and filters active. */
    public static Diagram build(DiagramDescription description, EObject root, Collection<Layer> activeLayers,
            Collection<Filter> activeFilters) {
        Set<Layer> layers = new LinkedHashSet<>(activeLayers);
        if (!description.getLayers().isEmpty()) {
            layers.add(description.getLayers().get(0));
        }
        DiagramInterpreter interpreter = new DiagramInterpreter(layers, activeFilters);
        return interpreter.diagram(description, root);
    }

    private Diagram diagram(DiagramDescription description, EObject root) {
        List<Node> nodes = new ArrayList<>();
        Set<AbstractNodeMapping> reused = reused(description);
        for (Layer layer : description.getLayers()) {
            if (!layers.contains(layer)) {
                continue;
            }
            // a mapping a container reuses is drawn inside that container only
            for (ContainerMapping mapping : layer.getContainerMappings()) {
                if (!reused.contains(mapping)) {
                    nodes.addAll(nodes(mapping, root, null));
                }
            }
            for (AbstractNodeMapping mapping : layer.getNodeMappings()) {
                if (!reused.contains(mapping)) {
                    nodes.addAll(nodes(mapping, root, null));
                }
            }
        }
        List<Edge> edges = new ArrayList<>();
        for (Layer layer : description.getLayers()) {
            if (layers.contains(layer)) {
                layer.getEdgeMappings().forEach(mapping -> edges(mapping, root, edges));
            }
        }
        return new Diagram(description, root, label(root, description.getTitleExpression()), nodes, edges, problems);
    }

    /** The nodes of a mapping in a context: the diagram's root (shownIn null) or a container node's element. */
    private List<Node> nodes(AbstractNodeMapping mapping, EObject context, EObject shownIn) {
        List<Node> nodes = new ArrayList<>();
        for (EObject element : candidates(mapping, mapping.getCandidates(), context)) {
            if (!element.eClass().getName().equals(mapping.getDomainClass())
                    && element.eClass().getEAllSuperTypes().stream().noneMatch(c -> c.getName().equals(mapping.getDomainClass()))) {
                continue;
            }
            if (hidden(mapping, element)) {
                continue;
            }
            List<Node> children = new ArrayList<>();
            if (mapping instanceof ContainerMapping container) {
                container.getSubContainerMappings().forEach(m -> children.addAll(nodes(m, element, element)));
                container.getReusedContainerMappings().stream().filter(this::active)
                        .forEach(m -> children.addAll(nodes(m, element, element)));
                container.getSubNodeMappings().forEach(m -> children.addAll(nodes(m, element, element)));
                container.getReusedNodeMappings().stream().filter(this::active)
                        .forEach(m -> children.addAll(nodes(m, element, element)));
            }
            Node node = new Node(mapping, element, shownIn, label(element, mapping.getLabelExpression()),
                    (NodeStyle) style(mapping, element, mapping.getStyle()), children);
            shown.computeIfAbsent(mapping, m -> new LinkedHashMap<>()).putIfAbsent(element, node);
            nodes.add(node);
        }
        return nodes;
    }

    /** Whether the layer a (reused) mapping is defined in is active. */
    private boolean active(AbstractNodeMapping mapping) {
        for (EObject current = mapping; current != null; current = current.eContainer()) {
            if (current instanceof Layer layer) {
                return layers.contains(layer);
            }
        }
        return false;
    }

    /** The mappings containers of the description reuse. */
    public static Set<AbstractNodeMapping> reused(DiagramDescription description) {
        Set<AbstractNodeMapping> reused = new java.util.HashSet<>();
        for (var it = description.eAllContents(); it.hasNext();) {
            if (it.next() instanceof ContainerMapping container) {
                reused.addAll(container.getReusedNodeMappings());
                reused.addAll(container.getReusedContainerMappings());
            }
        }
        return reused;
    }

    private void edges(EdgeMapping mapping, EObject root, List<Edge> edges) {
        if (mapping.getSourceFeature() != null && mapping.getTargetFeature() != null) {
            elementEdges(mapping, root, edges);
            return;
        }
        for (AbstractNodeMapping sourceMapping : mapping.getSourceMappings()) {
            for (Node source : shown.getOrDefault(sourceMapping, Map.of()).values()) {
                if (hidden(mapping, source.element())) {
                    continue;
                }
                for (EObject target : candidates(mapping, mapping.getTargets(), source.element())) {
                    for (AbstractNodeMapping targetMapping : mapping.getTargetMappings()) {
                        Node targetNode = shown.getOrDefault(targetMapping, Map.of()).get(target);
                        if (targetNode != null) {
                            edges.add(new Edge(mapping, source, targetNode, label(source.element(),
                                    mapping.getLabelExpression()), (EdgeStyle) style(mapping, source.element(),
                                            mapping.getStyle())));
                        }
                    }
                }
            }
        }
    }

    /** Element-based edges: each candidate element is an edge from its source to its target reference. */
    private void elementEdges(EdgeMapping mapping, EObject root, List<Edge> edges) {
        for (EObject element : candidates(mapping, mapping.getCandidates(), root)) {
            if (hidden(mapping, element)) {
                continue;
            }
            Node source = shownAs(mapping.getSourceMappings(), reference(element, mapping.getSourceFeature()));
            Node target = shownAs(mapping.getTargetMappings(), reference(element, mapping.getTargetFeature()));
            if (source != null && target != null) {
                edges.add(new Edge(mapping, source, target, label(element, mapping.getLabelExpression()),
                        (EdgeStyle) style(mapping, element, mapping.getStyle())));
            }
        }
    }

    private static EObject reference(EObject element, String featureName) {
        EStructuralFeature feature = element.eClass().getEStructuralFeature(featureName);
        return feature != null && element.eGet(feature) instanceof EObject object ? object : null;
    }

    private Node shownAs(List<AbstractNodeMapping> mappings, EObject element) {
        for (AbstractNodeMapping mapping : mappings) {
            Node node = element == null ? null : shown.getOrDefault(mapping, Map.of()).get(element);
            if (node != null) {
                return node;
            }
        }
        return null;
    }

    private boolean hidden(DiagramElementMapping mapping, EObject element) {
        for (Filter filter : filters) {
            if (filter.getMappings().contains(mapping) && holds(filter.getId(), filter.getCondition(), element)) {
                return true;
            }
        }
        return false;
    }

    private boolean holds(String owner, String condition, EObject element) {
        try {
            return DiagramQueries.test(condition, element);
        } catch (IllegalArgumentException unknown) {
            problem(oko.diagram.internal.Messages.bind(oko.diagram.internal.Messages.unknownCondition, owner, condition));
            return false;
        }
    }

    private Style style(DiagramElementMapping mapping, EObject element, Style style) {
        for (ConditionalStyle conditional : mapping.getConditionalStyles()) {
            if (holds(mapping.getId(), conditional.getCondition(), element)) {
                return conditional.getStyle();
            }
        }
        return style;
    }

    private List<? extends EObject> candidates(DiagramElementMapping mapping, CandidateExpression expression,
            EObject context) {
        List<? extends EObject> result = evaluate(expression, context);
        if (result == null) {
            problem(oko.diagram.internal.Messages.bind(oko.diagram.internal.Messages.unknownQuery, mapping.getId(),
                    ((NamedQuery) expression).getName()));
            return List.of();
        }
        return result;
    }

    /**
     * The elements an expression gives from a context element: a feature path followed (each element
     * once), or a named query's result; null for a query no bundle registered.
     */
    public static List<? extends EObject> evaluate(CandidateExpression expression, EObject context) {
        if (expression instanceof NamedQuery query) {
            return DiagramQueries.query(query.getName(), context);
        }
        if (expression instanceof FeaturePath path) {
            List<EObject> current = List.of(context);
            for (String segment : path.getPath().split("/")) {
                List<EObject> next = new ArrayList<>();
                for (EObject object : current) {
                    EStructuralFeature feature = object.eClass().getEStructuralFeature(segment);
                    Object value = feature == null ? null : object.eGet(feature);
                    if (value instanceof Collection<?> many) {
                        many.forEach(v -> next.add((EObject) v));
                    } else if (value instanceof EObject one) {
                        next.add(one);
                    }
                }
                current = next;
            }
            return new ArrayList<>(new LinkedHashSet<>(current));
        }
        return List.of();
    }

    /**
     * Why the element is drawn in a conditional style: the labels of the mapping's conditional styles
     * whose condition holds (unknown conditions hold for none), in the description's order.
     */
    public static List<String> reasons(DiagramElementMapping mapping, EObject element) {
        List<String> reasons = new ArrayList<>();
        for (ConditionalStyle conditional : mapping.getConditionalStyles()) {
            try {
                if (conditional.getLabel() != null && !conditional.getLabel().isBlank()
                        && DiagramQueries.test(conditional.getCondition(), element)) {
                    reasons.add(conditional.getLabel());
                }
            } catch (IllegalArgumentException unknown) {
                // reported when the diagram is built
            }
        }
        return reasons;
    }

    /** A feature's value, or a template's placeholders filled with the features' values. */
    static String label(EObject element, String expression) {
        if (expression == null || expression.isBlank()) {
            return "";
        }
        Matcher matcher = PLACEHOLDER.matcher(expression);
        if (!matcher.find()) {
            return text(element, expression);
        }
        matcher.reset();
        StringBuilder label = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(label, Matcher.quoteReplacement(text(element, matcher.group(1))));
        }
        matcher.appendTail(label);
        // a placeholder without a value leaves no empty brackets behind
        return label.toString().replaceAll("\\s+", " ").replaceAll("\\(\\s*\\)", "").strip();
    }

    /** A feature's value as text; a path (deadline/text) follows single references. */
    private static String text(EObject element, String featureName) {
        if (featureName.startsWith("@")) {
            String text = DiagramQueries.text(featureName.substring(1), element);
            return text == null ? "{" + featureName + "}" : text;
        }
        EObject owner = element;
        String[] path = featureName.split("/");
        for (int i = 0; i < path.length - 1 && owner != null; i++) {
            EStructuralFeature step = owner.eClass().getEStructuralFeature(path[i]);
            owner = step != null && !step.isMany() && owner.eGet(step) instanceof EObject next ? next : null;
        }
        if (owner == null) {
            return "";
        }
        EStructuralFeature feature = owner.eClass().getEStructuralFeature(path[path.length - 1]);
        Object value = feature == null ? null : owner.eGet(feature);
        if (value == null || value instanceof Integer number && number == 0) {
            return "";
        }
        if (value instanceof EObject object) {
            return ModelLabels.name(object);
        }
        return value.toString();
    }

    private void problem(String text) {
        if (!problems.contains(text)) {
            problems.add(text);
        }
    }
}
