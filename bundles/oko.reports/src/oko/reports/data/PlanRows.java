package oko.reports.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import oko.core.deadline.Deadlines;
import oko.core.plan.PlanExecution;
import oko.core.plan.PlanExecution.ItemState;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;

/**
 * Scripted data set "plan of measures" (seed 004): grouped by plan ({@code group}), its items and
 * their sub-items in order. Columns: {@code kind} ({@code item}), {@code number},
 * {@code measure}, {@code deadline} (the deadline as written, and the computed date of a relative
 * one), {@code result}, {@code documents} (the result documents, one a line), {@code executors},
 * {@code status} (the state on the day of the report, {@link PlanExecution#state}), {@code done} (the date
 * done), {@code overdue} ({@code "yes"} when the state is overdue).
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
        ItemState state = PlanExecution.state(item, today);
        String executors = item.getResponsibleText() != null && !item.getResponsibleText().isBlank()
                ? item.getResponsibleText().strip()
                : lines(item.getResponsiblePersons()) + (item.getResponsibleRoles().isEmpty() ? "" : "\n" + lines(item.getResponsibleRoles()));
        rows.add(groupRow(index, plan, "kind", "item", "number", item.getNumber() == null ? "" : item.getNumber(), "measure",
                join(null, item.getName()), "deadline", String.join("\n", deadline), "result",
                item.getResult() == null ? "" : item.getResult().strip(), "documents", documents(item), "executors",
                executors.strip(), "status", PlanExecution.label(state), "done", item.getCompletionDate() == null ? ""
                        : Messages.bind(Messages.doneOn, DATE.format(day(item.getCompletionDate()))),
                "overdue", state == ItemState.OVERDUE ? "yes" : "no"));
        item.getChildren().forEach(child -> collect(index, plan, child, today, rows));
    }

    /** The result documents: «Протокол № 1 от 12.03.2025 …», one a line. */
    private static String documents(PlanItem item) {
        List<String> lines = new ArrayList<>();
        for (oko.model.Document document : item.getResultDocuments()) {
            String name = document.getName() == null ? "" : document.getName().replaceAll("\\s+", " ").strip();
            String number = document.getNumber() == null || document.getNumber().isBlank()
                    || name.contains("№ " + document.getNumber().strip()) ? "" : " № " + document.getNumber().strip();
            String date = document.getDate() == null ? "" : " (" + DATE.format(day(document.getDate())) + ")";
            lines.add(name + number + date);
        }
        return String.join("\n", lines);
    }

    private static LocalDate day(java.util.Date date) {
        return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
}
