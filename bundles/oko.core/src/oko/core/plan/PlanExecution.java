package oko.core.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import oko.core.deadline.Deadlines;
import oko.model.Activity;
import oko.model.Document;
import oko.model.MeasureStatus;

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

    /** The state in words («не начато», «выполняется», «выполнено», «просрочено», «отменено»), in the user's language. */
    public static String label(ItemState state) {
        return switch (state) {
        case NOT_STARTED -> oko.core.internal.Messages.planNotStarted;
        case IN_PROGRESS -> oko.core.internal.Messages.planInProgress;
        case DONE -> oko.core.internal.Messages.planDone;
        case OVERDUE -> oko.core.internal.Messages.planOverdue;
        case CANCELLED -> oko.core.internal.Messages.planCancelled;
        };
    }

    /**
     * The item's state on {@code today}: CANCELLED and DONE from its stored status; otherwise
     * OVERDUE when its due date ({@link Deadlines#due(Activity)}) is before {@code today} (the due
     * day itself is still in time; an item without a computable due date is never overdue); else
     * IN_PROGRESS or NOT_STARTED (status PLANNED or unset) from its status.
     */
    public static ItemState state(Activity activity, LocalDate today) {
        MeasureStatus status = activity.getStatus() == null ? MeasureStatus.PLANNED : activity.getStatus();
        switch (status) {
        case CANCELLED:
            return ItemState.CANCELLED;
        case DONE:
            return ItemState.DONE;
        default:
            break;
        }
        if (Deadlines.overdue(activity, today)) {
            return ItemState.OVERDUE;
        }
        return status == MeasureStatus.IN_PROGRESS ? ItemState.IN_PROGRESS : ItemState.NOT_STARTED;
    }

    /**
     * Marks the item done on {@code date} with {@code result} among its result documents (added once).
     * Changes the model; call it inside a transaction or a command. A {@code null} result only marks
     * the item done; a {@code null} date leaves the completion date as it is.
     */
    public static void close(Activity activity, Document result, LocalDate date) {
        if (result != null && !activity.getResultDocuments().contains(result)) {
            activity.getResultDocuments().add(result);
        }
        if (activity.getStatus() != MeasureStatus.DONE) {
            activity.setStatus(MeasureStatus.DONE);
        }
        if (date != null) {
            activity.setCompletionDate(Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant()));
        }
    }
}
