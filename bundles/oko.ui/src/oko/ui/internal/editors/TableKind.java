package oko.ui.internal.editors;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.core.deadline.Deadlines;
import oko.model.Activity;
import oko.model.Direction;
import oko.model.FunctionSection;
import oko.model.NamedElement;
import oko.model.NumberedElement;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.TechnologicalMap;
import oko.model.edit.ModelLabels;
import oko.ui.internal.Messages;

/**
 * The three table editors and their columns, with the headers of the source documents: the
 * technological map (seeds 000, 002), the role distribution (seeds 001, 003) and the plan of
 * measures (seed 004).
 */
public enum TableKind {
    TECH_MAP, ROLE_DISTRIBUTION, PLAN,
    /** Not a table: the form editor of any other object. */
    FORM;

    /** How a column shows and edits a row. {@code feature} is a feature name; null = read-only. */
    public record Column(String title, int width, Function<EObject, String> text, String feature, boolean multiLine) {
    }

    /** The table editor for the object, if it has one. */
    public static Optional<TableKind> of(EObject object) {
        if (object instanceof TechnologicalMap || object instanceof Direction direction && !direction.getStages().isEmpty()) {
            return Optional.of(TECH_MAP);
        }
        if (object instanceof FunctionSection
                || object instanceof QualitySystem system && !system.getSections().isEmpty()) {
            return Optional.of(ROLE_DISTRIBUTION);
        }
        if (object instanceof Plan) {
            return Optional.of(PLAN);
        }
        return Optional.empty();
    }

    public String title() {
        return switch (this) {
        case TECH_MAP -> Messages.editorTechMap;
        case ROLE_DISTRIBUTION -> Messages.editorRoles;
        case PLAN -> Messages.editorPlan;
        case FORM -> Messages.editorForm;
        };
    }

    /** The top-level rows for the editor's object. */
    public List<? extends EObject> rows(EObject root) {
        return switch (this) {
        case TECH_MAP -> root instanceof TechnologicalMap map ? map.getRows() : ((Direction) root).getStages();
        case ROLE_DISTRIBUTION -> root instanceof QualitySystem system ? system.getSections()
                : List.of((FunctionSection) root);
        case PLAN -> ((Plan) root).getItems();
        case FORM -> List.of();
        };
    }

    /** Rows below a row (sections: subsections, then functions; plan items: their items). */
    public List<? extends EObject> children(EObject row) {
        if (row instanceof FunctionSection section) {
            List<EObject> children = new ArrayList<>(section.getSubsections());
            children.addAll(section.getFunctions());
            return children;
        }
        if (row instanceof PlanItem item) {
            return item.getChildren();
        }
        return List.of();
    }

    public List<Column> columns() {
        return switch (this) {
        case TECH_MAP -> List.of(new Column(Messages.colNumber, 40, r -> number(r, "number"), null, false),
                new Column(Messages.colStage, 170, TableKind::name, null, false),
                new Column(Messages.colAction, 260, r -> text(r, "action"), "action", true),
                new Column(Messages.colCoordinator, 220, r -> text(r, "coordinatorDuty"), "coordinatorDuty", true),
                new Column(Messages.colExecutors, 220, r -> text(r, "executorsDuty"), "executorsDuty", true),
                new Column(Messages.colOperator, 200, r -> text(r, "operatorDuty"), "operatorDuty", true));
        case ROLE_DISTRIBUTION -> List.of(
                new Column(Messages.colFunction, 380, TableKind::numberedName, "name", true),
                new Column(Messages.colRoles, 260, r -> references(r, "responsibleRoles"), "responsibleRoles", false),
                new Column(Messages.colDocuments, 300, r -> references(r, "documents"), "documents", false));
        case PLAN -> List.of(new Column(Messages.colPlanNumber, 90, r -> text(r, "number"), "number", false),
                new Column(Messages.colMeasure, 340, r -> text(r, "name"), "name", true),
                new Column(Messages.colDeadline, 200, TableKind::deadline, null, false),
                new Column(Messages.colResult, 240, r -> text(r, "result"), "result", true),
                new Column(Messages.colExecutorsPlan, 240, TableKind::executors, "responsibleText", true));
        case FORM -> List.of();
        };
    }

    static String text(EObject row, String feature) {
        EStructuralFeature f = row.eClass().getEStructuralFeature(feature);
        Object value = f == null ? null : row.eGet(f);
        return value == null ? "" : value.toString();
    }

    private static String number(EObject row, String feature) {
        String text = text(row, feature);
        return "0".equals(text) ? "" : text;
    }

    private static String name(EObject row) {
        return row instanceof NamedElement named && named.getName() != null ? named.getName() : "";
    }

    private static String numberedName(EObject row) {
        String number = row instanceof NumberedElement numbered && numbered.getNumber() != null
                ? numbered.getNumber() + " " : "";
        return number + name(row);
    }

    private static String references(EObject row, String feature) {
        EStructuralFeature f = row.eClass().getEStructuralFeature(feature);
        if (f == null || !f.isMany()) {
            return "";
        }
        return ((List<?>) row.eGet(f)).stream().map(o -> ModelLabels.name((EObject) o))
                .collect(Collectors.joining("; "));
    }

    private static String executors(EObject row) {
        String roles = references(row, "responsibleRoles");
        String text = text(row, "responsibleText");
        return roles.isEmpty() ? text : text.isEmpty() ? roles : roles + "; " + text;
    }

    /** The deadline as written, and for relative ones the date it comes to. */
    static String deadline(EObject row) {
        if (!(row instanceof Activity activity) || activity.getDeadline() == null) {
            return "";
        }
        String text = activity.getDeadline().getText() == null ? "" : activity.getDeadline().getText();
        Optional<LocalDate> due = Deadlines.due(activity);
        if (due.isPresent()) {
            String date = due.get().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
            return text.isEmpty() ? date : text.contains(date) ? text : text + " (" + date + ")";
        }
        return text;
    }

    /** A plan item past its deadline and not done. */
    static boolean overdue(EObject row) {
        return row instanceof Activity activity && Deadlines.overdue(activity, LocalDate.now());
    }
}
