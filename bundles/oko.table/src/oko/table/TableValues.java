package oko.table;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;

import oko.core.deadline.Deadlines;
import oko.core.plan.PlanExecution;
import oko.model.Activity;
import oko.table.internal.Messages;

/**
 * Named cell values a column's {@code valueExpression} refers to as {@code #name}: what a feature
 * path or a template cannot say (a computed state, a date a relative deadline comes to). Oko's own
 * are registered here; a module registers more with {@link #register}.
 */
public final class TableValues {

    private static final Map<String, Function<EObject, String>> VALUES = new ConcurrentHashMap<>();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    static {
        register("planState", e -> state(e, LocalDate.now()));
        register("deadline", TableValues::deadline);
        register("completionDate", e -> e instanceof Activity a && a.getCompletionDate() != null ? date(a.getCompletionDate()) : "");
        register("executors", e -> {
            String roles = TableInterpreter.value(e, "responsibleRoles");
            String text = TableInterpreter.value(e, "responsibleText");
            return roles.isEmpty() ? text : text.isEmpty() ? roles : roles + "; " + text;
        });
        oko.diagram.DiagramQueries.registerPredicate("planOverdue", e -> e instanceof Activity a && overdue(a));
    }

    private TableValues() {
    }

    /** Registers a named value (a later registration of the same name replaces it). */
    public static void register(String name, Function<EObject, String> value) {
        VALUES.put(name, value);
    }

    /** Whether a value of that name is registered. */
    public static boolean has(String name) {
        return VALUES.containsKey(name);
    }

    /** The named value's text on the element. */
    public static String text(String name, EObject element) {
        Function<EObject, String> value = VALUES.get(name);
        if (value == null) {
            throw new IllegalArgumentException(Messages.bind(Messages.unknownValue, name));
        }
        String text = value.apply(element);
        return text == null ? "" : text;
    }

    /** A date as dd.MM.yyyy in the system's time zone. */
    public static String date(java.util.Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().format(DATE);
    }

    /** The activity's state on that day ({@link PlanExecution#state}), in words. */
    public static String state(EObject row, LocalDate today) {
        if (!(row instanceof Activity activity)) {
            return "";
        }
        PlanExecution.ItemState state;
        try {
            state = PlanExecution.state(activity, today);
        } catch (RuntimeException e) {
            org.eclipse.core.runtime.ILog.of(TableValues.class).warn("Plan item state not computed: " + e, e);
            return "";
        }
        return PlanExecution.label(state);
    }

    /** Past its deadline and not done ({@link PlanExecution#state}, or the deadline alone when the state cannot be computed). */
    static boolean overdue(Activity activity) {
        try {
            return PlanExecution.state(activity, LocalDate.now()) == PlanExecution.ItemState.OVERDUE;
        } catch (RuntimeException e) {
            return Deadlines.overdue(activity, LocalDate.now());
        }
    }

    /** The deadline as written, and for relative ones the date it comes to. */
    static String deadline(EObject row) {
        if (!(row instanceof Activity activity) || activity.getDeadline() == null) {
            return "";
        }
        String text = activity.getDeadline().getText() == null ? "" : activity.getDeadline().getText();
        Optional<LocalDate> due = Deadlines.due(activity);
        if (due.isPresent()) {
            String date = due.get().format(DATE);
            return text.isEmpty() ? date : text.contains(date) ? text : text + " (" + date + ")";
        }
        return text;
    }
}
