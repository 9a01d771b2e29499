package oko.core.plan;

import java.time.LocalDate;

import oko.model.Activity;
import oko.model.Document;

/**
 * Execution of plan items and measures: the state shown in the plan editor, the plan report and
 * the dashboard, with overdue computed from the deadline; closing an item with its result document.
 * <p>
 * CONTRACT (issue 19): signatures fixed by the lead; implemented on branch h-wgcore.
 */
public final class PlanExecution {

    private PlanExecution() {
    }

    /** The state of an item on a day. */
    public enum ItemState {
        NOT_STARTED, IN_PROGRESS, DONE, OVERDUE, CANCELLED
    }

    /** The item's state on {@code today}: its stored status, OVERDUE when not done and past its due date. */
    public static ItemState state(Activity activity, LocalDate today) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /**
     * Marks the item done on {@code date} with {@code result} among its result documents (added once).
     * Changes the model; call it inside a transaction or a command.
     */
    public static void close(Activity activity, Document result, LocalDate date) {
        throw new UnsupportedOperationException("h-wgcore");
    }
}
