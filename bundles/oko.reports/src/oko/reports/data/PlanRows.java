package oko.reports.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import oko.core.deadline.Deadlines;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;

/**
 * Scripted data set "plan of measures" (seed 004): grouped by plan ({@code group}), its items and
 * their sub-items in order. Columns: {@code kind} ({@code item}), {@code number},
 * {@code measure}, {@code deadline} (the deadline as written, and the computed date of a relative
 * one), {@code result}, {@code executors}, {@code status}, {@code overdue} ({@code "yes"} when the
 * date has passed and the item is not done).
 */
public final class PlanRows extends ModelRows {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        LocalDate today = LocalDate.now();
        int index = 0;
        for (QualitySystem system : systems) {
            for (Plan plan : system.getPlans()) {
                int group = ++index;
                plan.getItems().forEach(item -> collect(group, plan.getName(), item, today, rows));
            }
        }
    }

    private static void collect(int index, String plan, PlanItem item, LocalDate today, List<Map<String, Object>> rows) {
        List<String> deadline = new ArrayList<>();
        if (item.getDeadline() != null && item.getDeadline().getText() != null) {
            deadline.add(item.getDeadline().getText().strip());
        }
        Deadlines.due(item).map(DATE::format).filter(date -> !deadline.contains(date)).ifPresent(date -> deadline.add("(" + date + ")"));
        String executors = item.getResponsibleText() != null && !item.getResponsibleText().isBlank()
                ? item.getResponsibleText().strip()
                : lines(item.getResponsiblePersons()) + (item.getResponsibleRoles().isEmpty() ? "" : "\n" + lines(item.getResponsibleRoles()));
        rows.add(groupRow(index, plan, "kind", "item", "number", item.getNumber() == null ? "" : item.getNumber(), "measure",
                join(null, item.getName()), "deadline", String.join("\n", deadline), "result",
                item.getResult() == null ? "" : item.getResult().strip(), "executors", executors.strip(), "status",
                item.getStatus() == null ? "" : ModelLabels.literal(item.getStatus()), "overdue",
                Deadlines.overdue(item, today) ? "yes" : "no"));
        item.getChildren().forEach(child -> collect(index, plan, child, today, rows));
    }
}
