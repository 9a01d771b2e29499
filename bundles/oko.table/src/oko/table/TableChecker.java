package oko.table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.diagram.DiagramQueries;
import oko.model.OkoPackage;
import oko.table.description.CellValue;
import oko.table.description.ColumnDescription;
import oko.table.description.ColumnMapping;
import oko.table.description.ConditionalStyle;
import oko.table.description.CreateLineTool;
import oko.table.description.CrossTableDescription;
import oko.table.description.EditionTableDescription;
import oko.table.description.LineMapping;
import oko.table.description.TableDescription;
import oko.table.description.TableElement;
import oko.table.description.TableGroup;
import oko.table.internal.Messages;

/**
 * Checks a table description file against Oko's metamodel before it is used: classes, features
 * (on the class the element belongs to), feature paths, named queries, values and conditions.
 * Each problem names the element by its id.
 */
public final class TableChecker {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([#\\w/]+)\\}");

    private final List<String> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    private TableChecker() {
    }

    /** The problems of the group; empty when it fits. */
    public static List<String> check(TableGroup group) {
        TableChecker checker = new TableChecker();
        group.getTables().forEach(checker::table);
        return checker.problems;
    }

    private void table(TableDescription table) {
        id(table);
        List<EClass> roots = new ArrayList<>();
        for (String name : table.getDomainClass() == null ? new String[0] : table.getDomainClass().strip().split("\\s+")) {
            EClass root = eClass(table, name);
            if (root != null) {
                roots.add(root);
            }
        }
        if (roots.isEmpty()) {
            return;
        }
        if (table.getRequires() != null && !table.getRequires().isBlank()) {
            path(table, roots, table.getRequires());
        }
        table.getLineMappings().forEach(m -> line(m, roots));
        if (table instanceof EditionTableDescription edition) {
            List<EClass> lineClasses = new ArrayList<>();
            for (LineMapping mapping : allLines(edition.getLineMappings())) {
                EClass lineClass = eClass(null, mapping.getDomainClass());
                if (lineClass != null) {
                    lineClasses.add(lineClass);
                }
            }
            for (ColumnDescription column : edition.getColumns()) {
                id(column);
                if (column.getFeature() != null && !lineClasses.isEmpty()
                        && lineClasses.stream().noneMatch(c -> c.getEStructuralFeature(column.getFeature()) != null)) {
                    problems.add(Messages.bind(Messages.unknownFeature, new Object[] { column.getId(), lineClasses.get(0).getName(), column.getFeature() }));
                }
                if (column.getValueExpression() != null) {
                    expression(column, column.getValueExpression());
                }
            }
            for (CreateLineTool tool : edition.getCreateTools()) {
                id(tool);
                eClass(tool, tool.getDomainClass());
            }
        } else if (table instanceof CrossTableDescription cross) {
            ColumnMapping columns = cross.getColumnMapping();
            if (columns == null) {
                problems.add(Messages.bind(Messages.noFeature, table.getId(), "columnMapping"));
            } else {
                id(columns);
                candidates(columns, roots, columns.getCandidatesFeature(), columns.getCandidatesQuery());
                eClass(columns, columns.getDomainClass());
            }
            if (cross.getIntersection() == null) {
                problems.add(Messages.bind(Messages.noFeature, table.getId(), "intersection"));
            } else {
                id(cross.getIntersection());
                EClass lineClass = eClass(cross.getIntersection(), cross.getIntersection().getLineClass());
                for (CellValue value : cross.getIntersection().getValues()) {
                    id(value);
                    if (lineClass == null) {
                        continue;
                    }
                    EStructuralFeature feature = feature(value, lineClass, value.getFeature());
                    if (value.getLinkClass() != null && !value.getLinkClass().isBlank()) {
                        EClass link = eClass(value, value.getLinkClass());
                        if (link != null) {
                            feature(value, link, value.getLinkFeature());
                            if (value.getLinkCondition() != null && value.getLinkCondition().contains("=")) {
                                feature(value, link, value.getLinkCondition().substring(0, value.getLinkCondition().indexOf('=')).strip());
                            }
                        }
                    } else if (feature != null && !(feature instanceof EReference reference && reference.isMany())) {
                        problems.add(Messages.bind(Messages.unknownFeature, new Object[] { value.getId(), lineClass.getName(), value.getFeature() }));
                    }
                }
            }
        }
    }

    private static List<LineMapping> allLines(List<LineMapping> mappings) {
        List<LineMapping> all = new ArrayList<>();
        for (LineMapping mapping : mappings) {
            all.add(mapping);
            all.addAll(allLines(mapping.getSubLines()));
        }
        return all;
    }

    private void line(LineMapping mapping, List<EClass> contexts) {
        id(mapping);
        candidates(mapping, contexts, mapping.getCandidatesFeature(), mapping.getCandidatesQuery());
        EClass lineClass = eClass(mapping, mapping.getDomainClass());
        for (ConditionalStyle style : mapping.getStyles()) {
            id(style);
            String condition = style.getCondition();
            if (condition == null || (!condition.contains("=") && !knownPredicate(condition))) {
                problems.add(Messages.bind(Messages.unknownCondition, style.getId(), condition));
            }
        }
        if (lineClass != null) {
            mapping.getSubLines().forEach(m -> line(m, List.of(lineClass)));
        }
    }

    private static boolean knownPredicate(String name) {
        TableValues.has(""); // registers the tables' own predicates
        try {
            DiagramQueries.test(name, OkoPackage.eINSTANCE.getEFactoryInstance().create(OkoPackage.Literals.PLAN_ITEM));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (RuntimeException e) {
            return true; // the predicate exists; it only failed on the probe
        }
    }

    private void candidates(TableElement element, List<EClass> contexts, String feature, String query) {
        if (query != null && !query.isBlank()) {
            if (!knownQuery(query.strip())) {
                problems.add(Messages.bind(Messages.unknownQuery, element.getId(), query));
            }
        } else if (feature == null || feature.isBlank()) {
            problems.add(Messages.bind(Messages.noFeature, element.getId(), "candidatesFeature / candidatesQuery"));
        } else {
            path(element, contexts, feature);
        }
    }

    /** Whether a query of that name is registered (called on nothing: a registered one fails or answers, an unknown one gives null). */
    private static boolean knownQuery(String name) {
        try {
            return DiagramQueries.query(name, null) != null;
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** Checks a feature path from one of the classes (the first class that has its first segment). */
    private void path(TableElement element, List<EClass> from, String path) {
        if ("self".equals(path.strip())) {
            return;
        }
        String first = path.strip().split("/")[0];
        EClass current = from.stream().filter(c -> c.getEStructuralFeature(first) != null).findFirst().orElse(from.get(0));
        for (String segment : path.strip().split("/")) {
            EStructuralFeature feature = feature(element, current, segment);
            if (!(feature instanceof EReference reference)) {
                return;
            }
            current = reference.getEReferenceType();
        }
    }

    private void expression(TableElement element, String expression) {
        List<String> parts = new ArrayList<>();
        if (expression.contains("{")) {
            Matcher matcher = PLACEHOLDER.matcher(expression);
            while (matcher.find()) {
                parts.add(matcher.group(1));
            }
        } else {
            parts.add(expression.strip());
        }
        for (String part : parts) {
            if (part.startsWith("#") && !TableValues.has(part.substring(1))) {
                problems.add(element.getId() + ": " + Messages.bind(Messages.unknownValue, part.substring(1)));
            }
        }
    }

    private EStructuralFeature feature(TableElement element, EClass owner, String name) {
        EStructuralFeature feature = name == null ? null : owner.getEStructuralFeature(name);
        if (feature == null) {
            problems.add(Messages.bind(Messages.unknownFeature, new Object[] { element.getId(), owner.getName(), name }));
        }
        return feature;
    }

    private EClass eClass(TableElement element, String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        EClassifier classifier = OkoPackage.eINSTANCE.getEClassifier(name);
        if (classifier instanceof EClass eClass) {
            return eClass;
        }
        if (element == null) {
            return null;
        }
        problems.add(Messages.bind(Messages.unknownClass, element.getId(), name));
        return null;
    }

    private void id(EObject element) {
        if (element instanceof TableElement named && named.getId() != null && !ids.add(named.getId())) {
            problems.add(Messages.bind(Messages.duplicateId, named.getId(), named.getId()));
        }
    }
}
