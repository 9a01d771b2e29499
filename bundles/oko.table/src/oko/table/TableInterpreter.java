package oko.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.diagram.DiagramQueries;
import oko.model.edit.ModelLabels;
import oko.table.description.CellValue;
import oko.table.description.ColumnDescription;
import oko.table.description.ColumnMapping;
import oko.table.description.ConditionalStyle;
import oko.table.description.CrossTableDescription;
import oko.table.description.IntersectionMapping;
import oko.table.description.LineMapping;
import oko.table.description.TableDescription;

/**
 * Interprets a table description on a model object: its lines (a tree, from the line mappings and
 * their sub-lines), the texts of its cells, the style of a line, and for a cross-table its column
 * elements and the relations shown in a cell. Nothing is cached: every call reads the model, so an
 * editor refreshes by asking again.
 */
public final class TableInterpreter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([#\\w/]+)\\}");

    /** A line of a table: its element, the mapping that made it, and the lines below it. */
    public record Line(EObject element, LineMapping mapping, List<Line> children) {
    }

    static {
        TableValues.has(""); // registers the tables' own values and predicates (planOverdue)
    }

    private TableInterpreter() {
    }

    /** Whether the table opens on the object: its class fits and its {@code requires} path is not empty. */
    public static boolean applies(TableDescription table, EObject object) {
        if (table.getDomainClass() == null
                || java.util.Arrays.stream(table.getDomainClass().strip().split("\\s+")).noneMatch(c -> isA(object, c))) {
            return false;
        }
        String requires = table.getRequires();
        if (requires == null || requires.isBlank()
                || object.eClass().getEStructuralFeature(requires.strip().split("/")[0]) == null) {
            return true;
        }
        return !path(object, requires).isEmpty();
    }

    /** Whether the object's class is the named one or has it as a supertype ({@code null}: any). */
    public static boolean isA(EObject object, String className) {
        if (className == null || className.isBlank() || object.eClass().getName().equals(className)) {
            return true;
        }
        return object.eClass().getEAllSuperTypes().stream().anyMatch(s -> s.getName().equals(className));
    }

    /** The table's lines on the root, depth first as a tree. */
    public static List<Line> lines(TableDescription table, EObject root) {
        return lines(table.getLineMappings(), root);
    }

    private static List<Line> lines(List<LineMapping> mappings, EObject context) {
        List<Line> lines = new ArrayList<>();
        for (LineMapping mapping : mappings) {
            for (EObject element : candidates(context, mapping.getCandidatesFeature(), mapping.getCandidatesQuery())) {
                if (isA(element, mapping.getDomainClass())) {
                    List<LineMapping> below = new ArrayList<>(mapping.getSubLines());
                    below.addAll(mapping.getReusedSubLines());
                    lines.add(new Line(element, mapping, below.isEmpty() ? List.of() : lines(below, element)));
                }
            }
        }
        return lines;
    }

    /** The column elements of a cross-table. */
    public static List<EObject> columns(CrossTableDescription table, EObject root) {
        ColumnMapping mapping = table.getColumnMapping();
        if (mapping == null) {
            return List.of();
        }
        return candidates(root, mapping.getCandidatesFeature(), mapping.getCandidatesQuery()).stream()
                .filter(e -> isA(e, mapping.getDomainClass())).toList();
    }

    /** The elements a feature path or a named query gives from the context. */
    public static List<EObject> candidates(EObject context, String feature, String query) {
        if (query != null && !query.isBlank()) {
            List<? extends EObject> found = DiagramQueries.query(query.strip(), context);
            if (found == null) {
                throw new IllegalArgumentException(query);
            }
            return new ArrayList<>(found);
        }
        return feature == null || feature.isBlank() ? List.of() : path(context, feature);
    }

    /** The objects at the end of a feature path {@code a/b/c} (many-valued steps flattened). */
    public static List<EObject> path(EObject from, String path) {
        if ("self".equals(path.strip())) {
            return List.of(from);
        }
        List<EObject> current = List.of(from);
        for (String segment : path.strip().split("/")) {
            List<EObject> next = new ArrayList<>();
            for (EObject object : current) {
                EStructuralFeature feature = object.eClass().getEStructuralFeature(segment);
                if (feature == null) {
                    continue;
                }
                Object value = object.eGet(feature);
                if (value instanceof Collection<?> values) {
                    values.stream().filter(EObject.class::isInstance).map(EObject.class::cast).forEach(next::add);
                } else if (value instanceof EObject single) {
                    next.add(single);
                }
            }
            current = next;
        }
        return current;
    }

    /** The text of a column's cell on an element (never {@code null}). */
    public static String text(ColumnDescription column, EObject element) {
        String expression = column.getValueExpression();
        if (expression == null || expression.isBlank()) {
            expression = column.getFeature();
        }
        String text = expression == null ? "" : value(element, expression);
        return column.getEmptyValue() != null && column.getEmptyValue().equals(text) ? "" : text;
    }

    /**
     * An expression's text on an element: {@code #name} (a registered value), a template with
     * {@code {feature}} placeholders (a bracket left empty by its placeholders is dropped), or a
     * feature path.
     */
    public static String value(EObject element, String expression) {
        if (expression.startsWith("#")) {
            return TableValues.text(expression.substring(1).strip(), element);
        }
        if (!expression.contains("{")) {
            return feature(element, expression.strip());
        }
        Matcher matcher = PLACEHOLDER.matcher(expression);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value(element, matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString().replace("()", "").replaceAll("\\s+", " ").strip();
    }

    /** A feature path's value as text: references by their names joined by «; », enums by their literal's label. */
    private static String feature(EObject element, String path) {
        int slash = path.lastIndexOf('/');
        List<EObject> owners = slash < 0 ? List.of(element) : path(element, path.substring(0, slash));
        String name = path.substring(slash + 1);
        List<String> texts = new ArrayList<>();
        for (EObject owner : owners) {
            EStructuralFeature feature = owner.eClass().getEStructuralFeature(name);
            if (feature == null) {
                continue;
            }
            Object value = owner.eGet(feature);
            if (value instanceof Collection<?> values) {
                values.forEach(v -> texts.add(single(v)));
            } else if (value != null) {
                texts.add(single(value));
            }
        }
        return texts.stream().filter(t -> !t.isEmpty()).collect(Collectors.joining("; "));
    }

    private static String single(Object value) {
        if (value instanceof EObject object) {
            return ModelLabels.name(object);
        }
        if (value instanceof Enumerator literal) {
            return ModelLabels.literal(literal);
        }
        if (value instanceof java.util.Date date) {
            return TableValues.date(date);
        }
        return String.valueOf(value);
    }

    /** The first style of the line's mapping whose condition holds on the element. */
    public static Optional<ConditionalStyle> style(LineMapping mapping, EObject element) {
        for (ConditionalStyle style : mapping.getStyles()) {
            try {
                if (DiagramQueries.test(style.getCondition(), element)) {
                    return Optional.of(style);
                }
            } catch (RuntimeException e) {
                org.eclipse.core.runtime.ILog.of(TableInterpreter.class)
                        .warn("Condition '" + style.getCondition() + "' failed on " + element.eClass().getName() + ": " + e, e);
            }
        }
        return Optional.empty();
    }

    /** The cross-table's header text of a line or a column element. */
    public static String header(String expression, EObject element) {
        return value(element, expression == null || expression.isBlank() ? "name" : expression);
    }

    /** Whether the line has cells (group lines of another class have none). */
    public static boolean hasCells(IntersectionMapping intersection, EObject line) {
        return isA(line, intersection.getLineClass());
    }

    /** The labels of the relations that hold between a line and a column element, e.g. «R, A». */
    public static String cell(IntersectionMapping intersection, EObject line, EObject column) {
        if (!hasCells(intersection, line)) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (CellValue value : intersection.getValues()) {
            if (holds(value, line, column)) {
                if (!text.isEmpty()) {
                    text.append(intersection.getSeparator() == null ? ", " : intersection.getSeparator());
                }
                text.append(value.getLabel());
            }
        }
        return text.toString();
    }

    /** Whether the relation holds: the line's feature holds the column element, or a link to it that fits the condition. */
    public static boolean holds(CellValue value, EObject line, EObject column) {
        return !links(value, line, column).isEmpty();
    }

    /**
     * What makes the relation hold: the column element itself (in a reference list), or the link
     * elements of the line's feature that point to it and fit the condition.
     */
    static List<EObject> links(CellValue value, EObject line, EObject column) {
        EStructuralFeature feature = line.eClass().getEStructuralFeature(value.getFeature());
        if (feature == null) {
            return List.of();
        }
        Object held = line.eGet(feature);
        Collection<?> values = held instanceof Collection<?> c ? c : held == null ? List.of() : List.of(held);
        if (value.getLinkClass() == null || value.getLinkClass().isBlank()) {
            return values.contains(column) ? List.of(column) : List.of();
        }
        List<EObject> links = new ArrayList<>();
        for (Object candidate : values) {
            if (candidate instanceof EObject link && isA(link, value.getLinkClass())) {
                EStructuralFeature target = link.eClass().getEStructuralFeature(value.getLinkFeature());
                if (target != null && link.eGet(target) == column && (value.getLinkCondition() == null
                        || value.getLinkCondition().isBlank() || DiagramQueries.test(value.getLinkCondition(), link))) {
                    links.add(link);
                }
            }
        }
        return links;
    }
}
