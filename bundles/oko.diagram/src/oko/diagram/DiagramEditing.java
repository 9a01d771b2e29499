package oko.diagram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.command.IdentityCommand;
import org.eclipse.emf.common.command.UnexecutableCommand;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.diagram.Arrangement.Key;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.DiagramLayout.Result;
import oko.diagram.description.AbstractNodeMapping;
import oko.diagram.description.CreateEdgeTool;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DeleteTool;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DiagramElementMapping;
import oko.diagram.description.DirectEditTool;
import oko.diagram.description.EdgeMapping;
import oko.diagram.description.FeaturePath;
import oko.diagram.description.Initialisation;
import oko.diagram.description.Layer;
import oko.diagram.description.Tool;
import oko.diagram.internal.Messages;
import oko.diagram.representation.EdgeLayout;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;
import oko.diagram.representation.RepresentationPackage.Literals;
import oko.model.OkoPackage;

/**
 * The description's tools, and the layout changes of a diagram, as EMF commands: executed on the
 * editing domain's command stack they are undone and redone like any other edit, and saved with
 * the model in one commit. Pure model code: the diagram editor and the tests use the same commands.
 */
public final class DiagramEditing {

    private DiagramEditing() {
    }


    /** The tool of that type covering a mapping (delete, direct edit), if any. */
    public static <T extends Tool> T toolFor(DiagramDescription description, Class<T> type,
            DiagramElementMapping mapping) {
        for (Layer layer : description.getLayers()) {
            for (Tool tool : layer.getTools()) {
                if (type.isInstance(tool)) {
                    List<DiagramElementMapping> mappings = tool instanceof DeleteTool delete ? delete.getMappings()
                            : tool instanceof DirectEditTool edit ? edit.getMappings() : List.of();
                    if (mappings.contains(mapping)) {
                        return type.cast(tool);
                    }
                }
            }
        }
        return null;
    }

    /**
     * Create node on the diagram itself (no container node): see
     * {@link #createNode(EditingDomain, Representation, Diagram, Map, CreateNodeTool, Node, double[])}.
     */
    public static Command createNode(EditingDomain domain, Representation representation, Diagram diagram,
            Map<Node, Bounds> bounds, CreateNodeTool tool, double[] location) {
        return createNode(domain, representation, diagram, bounds, tool, null, location);
    }

    /** The command of a create-node tool: the new element is {@link #element()}. */
    public static final class Creation extends CompoundCommand {

        private final EObject element;

        Creation(String label, EObject element) {
            super(label);
            this.element = element;
        }

        /** The element the command creates. */
        public EObject element() {
            return element;
        }
    }

    /**
     * Create node, as Sirius's node creation tools do: used in the container node {@code target} (null:
     * on the diagram itself) the tool's target mappings list, whose element satisfies the tool's
     * precondition; the new element of the mapping's class goes into the tool's containment feature of
     * the container element (the first element the tool's {@code container} expression gives from the
     * target element, else the target element itself), named after the tool; then the tool's
     * initialisations run ({@code direction := $root}…). A top-level node is placed at {@code location}
     * (the first free place when null); a child is listed in its container. One command; unexecutable
     * when the tool does not apply there.
     */
    public static Command createNode(EditingDomain domain, Representation representation, Diagram diagram,
            Map<Node, Bounds> bounds, CreateNodeTool tool, Node target, double[] location) {
        AbstractNodeMapping mapping = tool.getMapping();
        if (!applies(tool, target)) {
            return UnexecutableCommand.INSTANCE;
        }
        EObject targetElement = target == null ? diagram.root() : target.element();
        if (tool.getPrecondition() != null && !tool.getPrecondition().isBlank()) {
            try {
                if (!DiagramQueries.test(tool.getPrecondition(), targetElement)) {
                    return UnexecutableCommand.INSTANCE;
                }
            } catch (IllegalArgumentException unknown) {
                return UnexecutableCommand.INSTANCE;
            }
        }
        EObject container = targetElement;
        if (tool.getContainer() != null) {
            List<? extends EObject> found = DiagramInterpreter.evaluate(tool.getContainer(), targetElement);
            container = found == null || found.isEmpty() ? null : found.get(0);
        }
        EStructuralFeature feature = container == null ? null
                : container.eClass().getEStructuralFeature(tool.getContainerFeature());
        EClassifier classifier = OkoPackage.eINSTANCE.getEClassifier(mapping.getDomainClass());
        if (!(feature instanceof EReference reference) || !reference.isContainment()
                || !(classifier instanceof EClass eClass) || eClass.isAbstract()
                || !reference.getEReferenceType().isSuperTypeOf(eClass)) {
            return UnexecutableCommand.INSTANCE;
        }
        EObject element = EcoreUtil.create(eClass);
        String labelFeature = tool.getLabelFeature() == null ? "name" : tool.getLabelFeature();
        EStructuralFeature label = eClass.getEStructuralFeature(labelFeature);
        if (label != null && label.getEType().getInstanceClass() == String.class) {
            long same = diagram.allNodes().stream().filter(n -> n.mapping() == mapping).count();
            element.eSet(label, Messages.bind(Messages.newElementName, tool.getLabel(), same + 1));
        }
        Creation command = new Creation(Messages.bind(Messages.commandCreate, tool.getLabel()), element);
        command.append(reference.isMany() ? new AddCommand(domain, container, reference, element)
                : new SetCommand(domain, container, reference, element));
        for (Initialisation initialisation : tool.getInitialisations()) {
            Command set = initialise(domain, initialisation, element, targetElement, diagram.root());
            if (set == null) {
                return UnexecutableCommand.INSTANCE;
            }
            if (set != IdentityCommand.INSTANCE) {
                command.append(set);
            }
        }
        if (target == null) {
            NodeLayout layout = RepresentationFactory.eINSTANCE.createNodeLayout();
            layout.setMapping(mapping.getId());
            layout.setElement(element);
            double width = mapping.getStyle().getWidth();
            double height = mapping.getStyle().getHeight();
            Bounds box = location == null ? Arrangement.free(topBounds(diagram, bounds), width, height)
                    : new Bounds(location[0], location[1], width, height);
            layout.setX((int) box.x());
            layout.setY((int) box.y());
            layout.setWidth((int) width);
            layout.setHeight((int) height);
            command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__NODES, layout));
        }
        return command;
    }

    /**
     * Whether the tool may be used there: in a node of one of its target mappings, or, without target
     * mappings, on the diagram itself. The precondition is checked by {@link #createNode}.
     */
    public static boolean applies(CreateNodeTool tool, Node target) {
        return target == null ? tool.getTargetMappings().isEmpty() : tool.getTargetMappings().contains(target.mapping());
    }

    /** One initialisation as a command ({@code element.feature := value}), or null when it cannot be done. */
    private static Command initialise(EditingDomain domain, Initialisation initialisation, EObject created,
            EObject target, EObject root) {
        EObject owner = reference(initialisation.getElement() == null ? "$new" : initialisation.getElement(), created,
                target, root);
        EStructuralFeature feature = owner == null ? null : owner.eClass().getEStructuralFeature(initialisation.getFeature());
        if (feature == null || !feature.isChangeable() || initialisation.getValue() == null) {
            return null;
        }
        Object value = reference(initialisation.getValue().strip(), created, target, root);
        if (value == null) {
            if (!(feature.getEType() instanceof org.eclipse.emf.ecore.EDataType type)) {
                return null;
            }
            try {
                value = EcoreUtil.createFromString(type, initialisation.getValue().strip());
            } catch (RuntimeException wrong) {
                return null;
            }
        }
        if (!feature.getEType().isInstance(value)) {
            return null;
        }
        if (owner == created && !(feature instanceof EReference reference && reference.getEOpposite() != null)) {
            // the new element is not in the model yet: set at once, it goes with the element on undo
            if (feature.isMany()) {
                @SuppressWarnings("unchecked")
                List<Object> values = (List<Object>) created.eGet(feature);
                values.add(value);
            } else {
                created.eSet(feature, value);
            }
            return IdentityCommand.INSTANCE;
        }
        return feature.isMany() ? new AddCommand(domain, owner, feature, value) : new SetCommand(domain, owner, feature, value);
    }

    private static EObject reference(String name, EObject created, EObject target, EObject root) {
        return switch (name) {
        case "$new" -> created;
        case "$target" -> target;
        case "$root" -> root;
        default -> null;
        };
    }

    private static List<Bounds> topBounds(Diagram diagram, Map<Node, Bounds> bounds) {
        return diagram.nodes().stream().map(bounds::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The reference a relation-based edge mapping follows (its one-segment feature path), or null. */
    public static EReference edgeReference(EdgeMapping mapping, EObject source) {
        if (mapping.getTargets() instanceof FeaturePath path && !path.getPath().contains("/")
                && source.eClass().getEStructuralFeature(path.getPath()) instanceof EReference reference
                && !reference.isContainment() && reference.isChangeable()) {
            return reference;
        }
        return null;
    }

    /** Whether the edge tool may connect those nodes. */
    public static boolean canConnect(CreateEdgeTool tool, Node source, Node target) {
        EdgeMapping mapping = tool.getMapping();
        if (!mapping.getSourceMappings().contains(source.mapping())
                || !mapping.getTargetMappings().contains(target.mapping())) {
            return false;
        }
        EReference reference = edgeReference(mapping, source.element());
        if (reference == null || !reference.getEReferenceType().isInstance(target.element())) {
            return false;
        }
        return !reference.isMany() || !((List<?>) source.element().eGet(reference)).contains(target.element());
    }

    /** Create edge: the source element's reference gains the target. */
    public static Command createEdge(EditingDomain domain, CreateEdgeTool tool, Node source, Node target) {
        if (!canConnect(tool, source, target)) {
            return UnexecutableCommand.INSTANCE;
        }
        EReference reference = edgeReference(tool.getMapping(), source.element());
        Command change = reference.isMany() ? new AddCommand(domain, source.element(), reference, target.element())
                : new SetCommand(domain, source.element(), reference, target.element());
        CompoundCommand command = new CompoundCommand(Messages.bind(Messages.commandConnect, tool.getLabel()));
        command.append(change);
        return command;
    }

    /**
     * Delete from model: a node's element (with what it contains, references to it cleared) or an
     * edge's link; the layout of what goes away goes too. Unexecutable unless a delete tool covers
     * the mapping.
     */
    public static Command delete(EditingDomain domain, Representation representation, DiagramDescription description,
            List<Object> nodesAndEdges) {
        CompoundCommand command = new CompoundCommand(Messages.commandDelete);
        List<EObject> elements = new ArrayList<>();
        for (Object item : nodesAndEdges) {
            if (item instanceof Node node && toolFor(description, DeleteTool.class, node.mapping()) != null) {
                elements.add(node.element());
            } else if (item instanceof Edge edge && toolFor(description, DeleteTool.class, edge.mapping()) != null) {
                EReference reference = edgeReference(edge.mapping(), edge.source().element());
                if (reference == null) {
                    return UnexecutableCommand.INSTANCE;
                }
                command.append(reference.isMany()
                        ? new RemoveCommand(domain, edge.source().element(), reference, edge.target().element())
                        : new SetCommand(domain, edge.source().element(), reference, null));
                removeLayouts(domain, representation, command, Arrangement.key(edge));
            } else {
                return UnexecutableCommand.INSTANCE;
            }
        }
        for (EObject element : elements) {
            List<NodeLayout> layouts = representation.getNodes().stream().filter(l -> l.getElement() == element).toList();
            if (!layouts.isEmpty()) {
                command.append(new RemoveCommand(domain, representation, Literals.REPRESENTATION__NODES, layouts));
            }
            List<EdgeLayout> edges = representation.getEdges().stream()
                    .filter(l -> l.getSource() == element || l.getTarget() == element).toList();
            if (!edges.isEmpty()) {
                command.append(new RemoveCommand(domain, representation, Literals.REPRESENTATION__EDGES, edges));
            }
        }
        if (!elements.isEmpty()) {
            command.append(new DeleteCommand(domain, elements));
        }
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    private static void removeLayouts(EditingDomain domain, Representation representation, CompoundCommand command,
            Arrangement.EdgeKey key) {
        List<EdgeLayout> layouts = representation.getEdges().stream().filter(l -> l.getMapping().equals(key.mapping())
                && l.getSource() == key.source() && l.getTarget() == key.target()).toList();
        if (!layouts.isEmpty()) {
            command.append(new RemoveCommand(domain, representation, Literals.REPRESENTATION__EDGES, layouts));
        }
    }

    /** Direct edit: the label's feature (the tool's, else name) takes the text. */
    public static Command rename(EditingDomain domain, DiagramDescription description, Node node, String text) {
        DirectEditTool tool = toolFor(description, DirectEditTool.class, node.mapping());
        if (tool == null) {
            return UnexecutableCommand.INSTANCE;
        }
        EStructuralFeature feature = node.element().eClass()
                .getEStructuralFeature(tool.getFeature() == null ? "name" : tool.getFeature());
        if (feature == null || feature.getEType().getInstanceClass() != String.class || text == null
                || text.isBlank()) {
            return UnexecutableCommand.INSTANCE;
        }
        if (text.strip().equals(node.element().eGet(feature))) {
            // the field left as it was (Enter, or focus lost): nothing to undo later
            return UnexecutableCommand.INSTANCE;
        }
        CompoundCommand command = new CompoundCommand(Messages.commandRename);
        command.append(new SetCommand(domain, node.element(), feature, text.strip()));
        return command;
    }

    /**
     * Move or resize top-level nodes (bounds in diagram coordinates); they are pinned, so Arrange
     * All leaves them there. The bendpoints of their edges, and of their children's, are dropped
     * (the edges go straight, or round corners when orthogonal).
     */
    public static Command move(EditingDomain domain, Representation representation, Map<Node, Bounds> moves) {
        CompoundCommand command = new CompoundCommand(Messages.commandMove);
        Map<Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        List<EObject> moved = new ArrayList<>();
        moves.forEach((node, box) -> {
            place(domain, representation, command, stored, node, box, true);
            withDescendants(node, moved);
        });
        clearRoutes(domain, representation, command, moved);
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    /**
     * Move or resize a container's child; {@code box} is relative to the container's top-left
     * corner. The child is pinned, and stays there when the container is arranged.
     */
    public static Command moveChild(EditingDomain domain, Representation representation, Node child, Bounds box) {
        CompoundCommand command = new CompoundCommand(Messages.commandMove);
        place(domain, representation, command, Arrangement.nodeLayouts(representation), child, box, true);
        List<EObject> moved = new ArrayList<>();
        withDescendants(child, moved);
        clearRoutes(domain, representation, command, moved);
        return command;
    }

    /** The node's element and those of its children, at any depth (their edges move with it). */
    private static void withDescendants(Node node, List<EObject> into) {
        into.add(node.element());
        node.children().forEach(child -> withDescendants(child, into));
    }

    /**
     * Sets a node's stored bounds (adding its layout entry when there is none). The entry's container
     * is the node's own: it is part of the key the entry is found by.
     */
    private static void place(EditingDomain domain, Representation representation, CompoundCommand command,
            Map<Key, NodeLayout> stored, Node node, Bounds box, boolean pin) {
        NodeLayout layout = stored.get(Arrangement.key(node));
        if (layout == null) {
            layout = Arrangement.newNodeLayout(node);
            Arrangement.setBounds(layout, box);
            layout.setPinned(pin);
            command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__NODES, layout));
            return;
        }
        set(domain, command, layout, Literals.NODE_LAYOUT__X, (int) Math.round(box.x()));
        set(domain, command, layout, Literals.NODE_LAYOUT__Y, (int) Math.round(box.y()));
        set(domain, command, layout, Literals.NODE_LAYOUT__WIDTH, (int) Math.round(box.width()));
        set(domain, command, layout, Literals.NODE_LAYOUT__HEIGHT, (int) Math.round(box.height()));
        if (pin && !layout.isPinned()) {
            command.append(new SetCommand(domain, layout, Literals.NODE_LAYOUT__PINNED, true));
        }
    }

    private static void set(EditingDomain domain, CompoundCommand command, NodeLayout layout,
            EStructuralFeature feature, int value) {
        if (!Integer.valueOf(value).equals(layout.eGet(feature))) {
            command.append(new SetCommand(domain, layout, feature, value));
        }
    }

    private static void clearRoutes(EditingDomain domain, Representation representation, CompoundCommand command,
            List<EObject> moved) {
        for (EdgeLayout edge : representation.getEdges()) {
            if (!edge.getPoints().isEmpty() && (moved.contains(edge.getSource()) || moved.contains(edge.getTarget()))) {
                command.append(new SetCommand(domain, edge, Literals.EDGE_LAYOUT__POINTS, List.of()));
            }
        }
    }

    /** Arrange All with the headless text estimate. */
    public static Command arrangeAll(EditingDomain domain, Representation representation, Diagram diagram) {
        return arrangeAll(domain, representation, diagram, TextMeasure.ESTIMATE);
    }

    /**
     * Arrange All: ELK layered around the pinned nodes, which stay; every other node (children
     * relative to their container) and every edge gets its new place. Nothing gets pinned.
     */
    public static Command arrangeAll(EditingDomain domain, Representation representation, Diagram diagram,
            TextMeasure measure) {
        Result result = Arrangement.layout(representation, diagram, measure);
        CompoundCommand command = new CompoundCommand(Messages.commandArrange);
        Map<Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        Map<Node, Node> parents = Arrangement.parents(diagram);
        for (Node node : diagram.allNodes()) {
            place(domain, representation, command, stored, node,
                    Arrangement.storedBounds(node, parents, result.bounds()), false);
        }
        Map<Arrangement.EdgeKey, EdgeLayout> edges = Arrangement.edgeLayouts(representation);
        for (Edge edge : diagram.edges()) {
            int[] route = result.routes().getOrDefault(edge, new int[0]);
            List<Integer> points = java.util.Arrays.stream(route).boxed().toList();
            EdgeLayout layout = Arrangement.claim(edges, edge);
            if (layout != null) {
                if (!layout.getPoints().equals(points)) {
                    command.append(new SetCommand(domain, layout, Literals.EDGE_LAYOUT__POINTS, points));
                }
                containers(domain, command, layout, edge);
            } else if (!points.isEmpty()) {
                layout = Arrangement.newEdgeLayout(edge);
                layout.getPoints().addAll(points);
                command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__EDGES, layout));
            }
        }
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    /** Unpin nodes: Arrange All may move them again. */
    public static Command unpin(EditingDomain domain, Representation representation, List<Node> nodes) {
        CompoundCommand command = new CompoundCommand(Messages.commandUnpin);
        Map<Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        for (Node node : nodes) {
            NodeLayout layout = stored.get(Arrangement.key(node));
            if (layout != null && layout.isPinned()) {
                command.append(new SetCommand(domain, layout, Literals.NODE_LAYOUT__PINNED, false));
            }
        }
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    /** Whether any of the nodes is pinned. */
    public static boolean pinned(Representation representation, List<Node> nodes) {
        Map<Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        return nodes.stream().map(n -> stored.get(Arrangement.key(n))).anyMatch(l -> l != null && l.isPinned());
    }

    /**
     * An edge's bendpoints set (x0, y0, x1, y1, … in diagram coordinates; none: straight, or
     * orthogonal as its style routes it): a person added, moved or removed one.
     */
    public static Command route(EditingDomain domain, Representation representation, Edge edge, int[] points) {
        CompoundCommand command = new CompoundCommand(Messages.commandBendpoints);
        List<Integer> values = java.util.Arrays.stream(points).boxed().toList();
        EdgeLayout layout = Arrangement.claim(Arrangement.edgeLayouts(representation), edge);
        if (layout == null) {
            layout = Arrangement.newEdgeLayout(edge);
            layout.getPoints().addAll(values);
            command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__EDGES, layout));
        } else {
            command.append(new SetCommand(domain, layout, Literals.EDGE_LAYOUT__POINTS, values));
            containers(domain, command, layout, edge);
        }
        return command;
    }

    /**
     * A stored edge layout written for one edge records the containers of its ends (one stored
     * before containers were recorded becomes that copy's).
     */
    private static void containers(EditingDomain domain, CompoundCommand command, EdgeLayout layout, Edge edge) {
        if (layout.getSourceContainer() != edge.source().container()) {
            command.append(new SetCommand(domain, layout, Literals.EDGE_LAYOUT__SOURCE_CONTAINER,
                    edge.source().container()));
        }
        if (layout.getTargetContainer() != edge.target().container()) {
            command.append(new SetCommand(domain, layout, Literals.EDGE_LAYOUT__TARGET_CONTAINER,
                    edge.target().container()));
        }
    }

    /** Hide nodes and edges (their layout remembers it); the semantic elements stay. */
    public static Command hide(EditingDomain domain, Representation representation, List<?> items) {
        CompoundCommand command = new CompoundCommand(Messages.commandHide);
        Map<Key, NodeLayout> stored = Arrangement.nodeLayouts(representation);
        Map<Arrangement.EdgeKey, EdgeLayout> edges = Arrangement.edgeLayouts(representation);
        for (Object item : items) {
            if (item instanceof Node node) {
                NodeLayout layout = stored.get(Arrangement.key(node));
                if (layout != null) {
                    command.append(new SetCommand(domain, layout, Literals.ELEMENT_LAYOUT__HIDDEN, true));
                } else {
                    layout = Arrangement.newNodeLayout(node);
                    layout.setHidden(true);
                    command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__NODES, layout));
                }
            } else if (item instanceof Edge edge) {
                EdgeLayout layout = Arrangement.claim(edges, edge);
                if (layout != null) {
                    command.append(new SetCommand(domain, layout, Literals.ELEMENT_LAYOUT__HIDDEN, true));
                    containers(domain, command, layout, edge);
                } else {
                    layout = Arrangement.newEdgeLayout(edge);
                    layout.setHidden(true);
                    command.append(new AddCommand(domain, representation, Literals.REPRESENTATION__EDGES, layout));
                }
            }
        }
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    /** Show hidden elements again. */
    public static Command showHidden(EditingDomain domain, Representation representation) {
        CompoundCommand command = new CompoundCommand(Messages.commandShowHidden);
        for (NodeLayout layout : representation.getNodes()) {
            if (layout.isHidden()) {
                command.append(new SetCommand(domain, layout, Literals.ELEMENT_LAYOUT__HIDDEN, false));
            }
        }
        for (EdgeLayout layout : representation.getEdges()) {
            if (layout.isHidden()) {
                command.append(new SetCommand(domain, layout, Literals.ELEMENT_LAYOUT__HIDDEN, false));
            }
        }
        return command.isEmpty() ? UnexecutableCommand.INSTANCE : command;
    }

    /** Turns a layer or a filter on or off for this diagram. */
    public static Command toggle(EditingDomain domain, Representation representation, DiagramDescription description,
            String id, boolean on) {
        List<String> layers = new ArrayList<>(Arrangement.layers(representation, description).stream()
                .map(Layer::getId).toList());
        List<String> filters = new ArrayList<>(Arrangement.filters(representation, description).stream()
                .map(f -> f.getId()).toList());
        boolean isLayer = description.getLayers().stream().anyMatch(l -> l.getId().equals(id));
        List<String> changed = isLayer ? layers : filters;
        changed.remove(id);
        if (on) {
            changed.add(id);
        }
        CompoundCommand command = new CompoundCommand(Messages.bind(on ? Messages.commandShowLayer
                : Messages.commandHideLayer, label(description, id)));
        command.append(new SetCommand(domain, representation, Literals.REPRESENTATION__LAYERS_SET, true));
        command.append(new SetCommand(domain, representation, Literals.REPRESENTATION__ACTIVE_LAYERS, layers));
        command.append(new SetCommand(domain, representation, Literals.REPRESENTATION__ACTIVE_FILTERS, filters));
        return command;
    }

    private static String label(DiagramDescription description, String id) {
        for (Layer layer : description.getLayers()) {
            if (layer.getId().equals(id)) {
                return layer.getLabel();
            }
        }
        return description.getFilters().stream().filter(f -> f.getId().equals(id)).map(f -> f.getLabel())
                .findFirst().orElse(id);
    }
}
