package oko.ui.internal.tables;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.deadline.Deadlines;
import oko.core.plan.PlanExecution;
import oko.model.Activity;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.edit.CommandLabels;
import oko.ui.internal.Messages;
import oko.ui.tables.TableColumn;
import oko.ui.tables.TableDefinition;

/**
 * The plan of measures (seed 004): its items and their sub-items, with deadlines (relative ones
 * with the date they come to), the computed state (overdue items in red), the date done and the
 * result documents (chosen in a dialog).
 */
public final class PlanTable implements TableDefinition {

    @Override
    public boolean opens(EObject object) {
        return object instanceof Plan;
    }

    @Override
    public List<? extends EObject> rows(EObject root) {
        return ((Plan) root).getItems();
    }

    @Override
    public List<? extends EObject> children(EObject row) {
        return row instanceof PlanItem item ? item.getChildren() : List.of();
    }

    @Override
    public List<TableColumn> columns() {
        return List.of(TableColumn.of(Messages.colPlanNumber, 90, "number", false),
                TableColumn.of(Messages.colMeasure, 300, "name", true),
                new TableColumn(Messages.colDeadline, 200, PlanTable::deadline, null, false),
                TableColumn.of(Messages.colResult, 240, "result", true),
                new TableColumn(Messages.colExecutorsPlan, 240, PlanTable::executors, "responsibleText", true),
                new TableColumn(Messages.colPlanState, 150, row -> state(row, LocalDate.now()), null, false),
                new TableColumn(Messages.colPlanDone, 130, PlanTable::done, null, false),
                new TableColumn(Messages.colPlanDocuments, 200, row -> Cells.references(row, "resultDocuments"),
                        "resultDocuments", true));
    }

    /** A plan item overdue ({@link PlanExecution#state}: past its deadline and not done). */
    @Override
    public boolean marked(EObject row) {
        if (!(row instanceof Activity activity)) {
            return false;
        }
        try {
            return PlanExecution.state(activity, LocalDate.now()) == PlanExecution.ItemState.OVERDUE;
        } catch (RuntimeException e) {
            return Deadlines.overdue(activity, LocalDate.now());
        }
    }

    /** The item's state on that day ({@link PlanExecution#state}), in words. */
    static String state(EObject row, LocalDate today) {
        if (!(row instanceof Activity activity)) {
            return "";
        }
        PlanExecution.ItemState state;
        try {
            state = PlanExecution.state(activity, today);
        } catch (RuntimeException e) {
            org.eclipse.core.runtime.ILog.of(PlanTable.class).warn("Plan item state not computed: " + e, e);
            return "";
        }
        return switch (state) {
        case NOT_STARTED -> Messages.planNotStarted;
        case IN_PROGRESS -> Messages.planInProgress;
        case DONE -> Messages.planDone;
        case OVERDUE -> Messages.planOverdue;
        case CANCELLED -> Messages.planCancelled;
        };
    }

    /** The date the item was done, dd.MM.yyyy. */
    static String done(EObject row) {
        if (row instanceof Activity activity && activity.getCompletionDate() != null) {
            return activity.getCompletionDate().toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate()
                    .format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
        }
        return "";
    }

    @Override
    public String addRowLabel() {
        return Messages.editorAddItem;
    }

    /** A new item beside the selected one, or at the end of the plan. */
    @Override
    public NewRow newRow(EditingDomain domain, EObject root, Object selected) {
        PlanItem item = OkoFactory.eINSTANCE.createPlanItem();
        item.setName(Messages.editorNewItem);
        EObject owner = selected instanceof PlanItem planItem ? planItem.eContainer() : root;
        return new NewRow(CommandLabels.add(domain, owner, owner instanceof Plan ? OkoPackage.Literals.PLAN__ITEMS
                : OkoPackage.Literals.PLAN_ITEM__CHILDREN, item), item);
    }

    private static String executors(EObject row) {
        String roles = Cells.references(row, "responsibleRoles");
        String text = TableColumn.text(row, "responsibleText");
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
}
