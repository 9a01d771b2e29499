package oko.ui.internal.tables;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.deadline.Deadlines;
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
 * with the date they come to) and items past their deadline in red.
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
                TableColumn.of(Messages.colMeasure, 340, "name", true),
                new TableColumn(Messages.colDeadline, 200, PlanTable::deadline, null, false),
                TableColumn.of(Messages.colResult, 240, "result", true),
                new TableColumn(Messages.colExecutorsPlan, 240, PlanTable::executors, "responsibleText", true));
    }

    /** A plan item past its deadline and not done. */
    @Override
    public boolean marked(EObject row) {
        return row instanceof Activity activity && Deadlines.overdue(activity, LocalDate.now());
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
