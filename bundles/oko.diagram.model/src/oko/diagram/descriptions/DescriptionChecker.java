package oko.diagram.descriptions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.osgi.util.NLS;

import oko.diagram.description.AbstractNodeMapping;
import oko.diagram.description.CandidateExpression;
import oko.diagram.description.ContainerMapping;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.DescriptionElement;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DiagramElementMapping;
import oko.diagram.description.EdgeMapping;
import oko.diagram.description.FeaturePath;
import oko.diagram.description.Initialisation;
import oko.diagram.description.Layer;
import oko.diagram.description.NodeMapping;

/**
 * Checks a representation description against the domain metamodel before it is used, so that a
 * mistake in a description file is reported with the element's id instead of failing while a
 * diagram is drawn: domain classes exist; feature paths resolve (through subclasses too, as
 * {@code deadline/reference} does) to what the mapping shows; label placeholders name features;
 * create tools name a containment reference of the right type; ids are unique. Named queries are
 * left to the interpreter, which knows which bundles registered them.
 */
public final class DescriptionChecker {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(@?[\\w/]+)\\}");

    private final EPackage domain;
    private final List<String> problems = new ArrayList<>();

    private DescriptionChecker(EPackage domain) {
        this.domain = domain;
    }

    /** The problems of the group, each naming the element by its id; empty when it is fine. */
    public static List<String> check(DescriptionGroup group, EPackage domain) {
        DescriptionChecker checker = new DescriptionChecker(domain);
        checker.checkIds(group);
        for (DiagramDescription diagram : group.getDiagrams()) {
            checker.checkDiagram(diagram);
        }
        return checker.problems;
    }

    private void problem(DescriptionElement element, String text) {
        problems.add((element == null || element.getId() == null ? "?" : element.getId()) + ": " + text);
    }

    private void checkIds(DescriptionGroup group) {
        Set<String> seen = new HashSet<>();
        for (var it = group.eAllContents(); it.hasNext();) {
            if (it.next() instanceof DescriptionElement element) {
                if (element.getId() == null || element.getId().isBlank()) {
                    problem(element, Messages.checkNoId);
                } else if (!seen.add(element.getId())) {
                    problem(element, Messages.checkIdTwice);
                }
            }
        }
    }

    private EClass eClass(DescriptionElement owner, String name) {
        EClassifier classifier = name == null ? null : domain.getEClassifier(name);
        if (classifier instanceof EClass eClass) {
            return eClass;
        }
        problem(owner, NLS.bind(Messages.checkUnknownClass, name));
        return null;
    }

    private void checkDiagram(DiagramDescription diagram) {
        EClass root = eClass(diagram, diagram.getDomainClass());
        if (root == null) {
            return;
        }
        checkLabel(diagram, root, diagram.getTitleExpression());
        if (diagram.getLayers().isEmpty()) {
            problem(diagram, Messages.checkNoLayer);
        }
        // a reused mapping's candidates are evaluated on the element of the container reusing it
        java.util.Map<AbstractNodeMapping, EClass> reusedIn = new java.util.HashMap<>();
        for (var it = diagram.eAllContents(); it.hasNext();) {
            if (it.next() instanceof ContainerMapping container
                    && domain.getEClassifier(container.getDomainClass()) instanceof EClass owner) {
                container.getReusedNodeMappings().forEach(m -> reusedIn.putIfAbsent(m, owner));
                container.getReusedContainerMappings().forEach(m -> reusedIn.putIfAbsent(m, owner));
            }
        }
        for (Layer layer : diagram.getLayers()) {
            for (NodeMapping mapping : layer.getNodeMappings()) {
                checkNode(mapping, reusedIn.getOrDefault(mapping, root));
            }
            for (ContainerMapping mapping : layer.getContainerMappings()) {
                checkNode(mapping, reusedIn.getOrDefault(mapping, root));
            }
            for (EdgeMapping mapping : layer.getEdgeMappings()) {
                checkEdge(mapping);
            }
            for (var tool : layer.getTools()) {
                if (tool instanceof CreateNodeTool create && create.getMapping() != null) {
                    checkCreate(create, root);
                }
            }
        }
    }

    private void checkNode(AbstractNodeMapping mapping, EClass context) {
        EClass shown = eClass(mapping, mapping.getDomainClass());
        if (shown == null) {
            return;
        }
        checkCandidates(mapping, context, mapping.getCandidates(), shown);
        checkLabel(mapping, shown, mapping.getLabelExpression());
        if (mapping instanceof ContainerMapping container) {
            container.getSubNodeMappings().forEach(child -> checkNode(child, shown));
            container.getSubContainerMappings().forEach(child -> checkNode(child, shown));
        }
    }

    private void checkEdge(EdgeMapping mapping) {
        if (mapping.getSourceMappings().isEmpty() || mapping.getTargetMappings().isEmpty()) {
            problem(mapping, Messages.checkEdgeEnds);
            return;
        }
        for (AbstractNodeMapping source : mapping.getSourceMappings()) {
            EClass from = domain.getEClassifier(source.getDomainClass()) instanceof EClass c ? c : null;
            for (AbstractNodeMapping target : mapping.getTargetMappings()) {
                EClass to = domain.getEClassifier(target.getDomainClass()) instanceof EClass c ? c : null;
                if (from != null && to != null) {
                    checkCandidates(mapping, from, mapping.getTargets(), to);
                }
            }
        }
    }

    private void checkCandidates(DiagramElementMapping mapping, EClass context, CandidateExpression expression,
            EClass expected) {
        if (expression == null) {
            problem(mapping, Messages.checkNoCandidates);
            return;
        }
        if (!(expression instanceof FeaturePath path)) {
            return;
        }
        EClass current = context;
        for (String segment : path.getPath().split("/")) {
            EReference reference = reference(current, segment);
            if (reference == null) {
                problem(mapping, NLS.bind(Messages.checkNoReference,
                        new Object[] { path.getPath(), current.getName(), segment }));
                return;
            }
            current = reference.getEReferenceType();
        }
        if (!compatible(current, expected)) {
            problem(mapping, NLS.bind(Messages.checkPathGives,
                    new Object[] { path.getPath(), current.getName(), expected.getName() }));
        }
    }

    /** Either can be the other: the path's type is a supertype or a subtype of what is shown. */
    private static boolean compatible(EClass actual, EClass expected) {
        return expected.isSuperTypeOf(actual) || actual.isSuperTypeOf(expected);
    }

    /** A reference of the class or of one of its subclasses in the domain package. */
    private EReference reference(EClass eClass, String name) {
        EStructuralFeature feature = eClass.getEStructuralFeature(name);
        if (feature instanceof EReference reference) {
            return reference;
        }
        for (EClassifier classifier : domain.getEClassifiers()) {
            if (classifier instanceof EClass sub && eClass.isSuperTypeOf(sub)
                    && sub.getEStructuralFeature(name) instanceof EReference reference) {
                return reference;
            }
        }
        return null;
    }

    private void checkLabel(DescriptionElement owner, EClass eClass, String expression) {
        if (expression == null || expression.isBlank()) {
            return;
        }
        Matcher matcher = PLACEHOLDER.matcher(expression);
        boolean template = false;
        while (matcher.find()) {
            template = true;
            if (matcher.group(1).startsWith("@")) {
                // a label query: registered by bundles, known to the interpreter only
                continue;
            }
            // a path (deadline/text) follows single references to the last feature
            EClass current = eClass;
            String[] segments = matcher.group(1).split("/");
            for (int i = 0; i < segments.length && current != null; i++) {
                var feature = current.getEStructuralFeature(segments[i]);
                if (feature == null || i < segments.length - 1 && (!(feature instanceof org.eclipse.emf.ecore.EReference step)
                        || step.isMany())) {
                    problem(owner, NLS.bind(i < segments.length - 1 ? Messages.checkLabelNoReference
                            : Messages.checkLabelNoFeature, new Object[] { expression, current.getName(), segments[i] }));
                    current = null;
                } else if (i < segments.length - 1) {
                    current = ((org.eclipse.emf.ecore.EReference) feature).getEReferenceType();
                }
            }
        }
        if (!template && eClass.getEStructuralFeature(expression) == null) {
            problem(owner, NLS.bind(Messages.checkLabelNoFeature, new Object[] { expression, eClass.getName(), expression }));
        }
    }

    private void checkCreate(CreateNodeTool tool, EClass root) {
        EObject container = tool.getMapping().eContainer();
        EClass target = !tool.getTargetMappings().isEmpty()
                && domain.getEClassifier(tool.getTargetMappings().get(0).getDomainClass()) instanceof EClass c ? c : null;
        EClass owner = target != null ? target
                : container instanceof ContainerMapping parent
                        && domain.getEClassifier(parent.getDomainClass()) instanceof EClass c ? c : root;
        EClass created = domain.getEClassifier(tool.getMapping().getDomainClass()) instanceof EClass c ? c : null;
        if (tool.getContainer() instanceof FeaturePath path) {
            for (String segment : path.getPath().split("/")) {
                EReference step = owner == null ? null : reference(owner, segment);
                if (step == null) {
                    problem(tool, NLS.bind(Messages.checkNoReference, new Object[] { path.getPath(),
                            owner == null ? "?" : owner.getName(), segment }));
                    return;
                }
                owner = step.getEReferenceType();
            }
        } else if (tool.getContainer() != null) {
            // a named query: the container's class is known when the tool runs; some class must hold the element
            owner = null;
            for (EClassifier classifier : domain.getEClassifiers()) {
                if (classifier instanceof EClass candidate && holds(candidate, tool.getContainerFeature(), created)) {
                    owner = candidate;
                    break;
                }
            }
            if (owner == null) {
                problem(tool, NLS.bind(Messages.checkNoContainment, "?", tool.getContainerFeature()));
                return;
            }
        }
        EStructuralFeature feature = owner.getEStructuralFeature(tool.getContainerFeature());
        if (!(feature instanceof EReference reference) || !reference.isContainment()) {
            problem(tool, NLS.bind(Messages.checkNoContainment, owner.getName(), tool.getContainerFeature()));
        } else if (created != null && !reference.getEReferenceType().isSuperTypeOf(created)) {
            problem(tool, NLS.bind(Messages.checkHolds, new Object[] { tool.getContainerFeature(),
                    reference.getEReferenceType().getName(), created.getName() }));
        }
        for (Initialisation initialisation : tool.getInitialisations()) {
            String element = initialisation.getElement() == null ? "$new" : initialisation.getElement();
            EClass whose = switch (element) {
            case "$new" -> created;
            case "$target" -> target != null ? target : root;
            case "$root" -> root;
            default -> null;
            };
            EStructuralFeature set = whose == null ? null : whose.getEStructuralFeature(initialisation.getFeature());
            if (set == null || !set.isChangeable()) {
                problem(tool, NLS.bind(Messages.checkInitialisation, new Object[] { element,
                        initialisation.getFeature(), whose == null ? "?" : whose.getName() }));
            }
        }
    }

    private static boolean holds(EClass owner, String featureName, EClass created) {
        return owner.getEStructuralFeature(featureName) instanceof EReference reference && reference.isContainment()
                && (created == null || reference.getEReferenceType().isSuperTypeOf(created));
    }
}
