package oko.core.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import oko.model.Activity;
import oko.model.DateDeadline;
import oko.model.Deadline;
import oko.model.DuringPeriodDeadline;
import oko.model.Period;
import oko.model.PeriodDeadline;
import oko.model.RelativeDeadline;
import oko.model.TimeUnit;

/**
 * Computes the date an activity is due from its deadline: a date; the end of a period or of a
 * "during the period" deadline; or, for a deadline relative to another item ("within a month
 * after item 2.1.1.2"), that item's due date shifted by the amount. Dates are calendar days in
 * the machine's time zone, as EMF reads and writes {@code EDate}.
 */
public final class Deadlines {

    private Deadlines() {
    }

    /** The due date, or empty when the deadline is text only, missing, dangling or cyclic. */
    public static Optional<LocalDate> due(Activity activity) {
        return activity == null ? Optional.empty() : due(activity.getDeadline(), new LinkedHashSet<>());
    }

    /** The due date of one deadline. */
    public static Optional<LocalDate> due(Deadline deadline) {
        return due(deadline, new LinkedHashSet<>());
    }

    private static Optional<LocalDate> due(Deadline deadline, Set<Activity> visited) {
        if (deadline instanceof DateDeadline date) {
            return day(date.getDate());
        }
        if (deadline instanceof PeriodDeadline period) {
            Optional<LocalDate> end = day(period.getEndDate());
            return end.isPresent() ? end : periodEnd(period.getPeriod());
        }
        if (deadline instanceof DuringPeriodDeadline during) {
            return periodEnd(during.getPeriod());
        }
        if (deadline instanceof RelativeDeadline relative) {
            Activity reference = relative.getReference();
            if (reference == null || !visited.add(reference)) {
                return Optional.empty();
            }
            return due(reference.getDeadline(), visited).map(base -> shift(base, relative));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> periodEnd(Period period) {
        return period == null ? Optional.empty() : day(period.getEndDate());
    }

    private static Optional<LocalDate> day(Date date) {
        return date == null ? Optional.empty() : Optional.of(date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
    }

    /** {@code base} moved by the relative deadline's amount, forwards or (if {@code before}) backwards. */
    public static LocalDate shift(LocalDate base, RelativeDeadline relative) {
        int amount = relative.isBefore() ? -relative.getAmount() : relative.getAmount();
        return shift(base, amount, relative.getUnit());
    }

    /**
     * {@code base} moved by {@code amount} units (backwards when negative). Working days skip
     * Saturdays, Sundays and public holidays and count transferred working days, by
     * {@link WorkingDays}; the day reached is always a working day (0 working days: {@code base}).
     */
    public static LocalDate shift(LocalDate base, int amount, TimeUnit unit) {
        return switch (unit == null ? TimeUnit.DAYS : unit) {
            case DAYS -> base.plusDays(amount);
            case WEEKS -> base.plusWeeks(amount);
            case MONTHS -> base.plusMonths(amount);
            case YEARS -> base.plusYears(amount);
            case WORKING_DAYS -> WorkingDays.plus(base, amount);
        };
    }

    /**
     * The chain of activities a relative deadline leads through when it comes back to an activity
     * already on the chain (first and last element are that activity), or empty if there is no cycle.
     */
    public static Optional<List<Activity>> cycle(Activity start) {
        List<Activity> chain = new ArrayList<>();
        Activity current = start;
        while (current != null) {
            int seen = chain.indexOf(current);
            if (seen >= 0) {
                List<Activity> loop = new ArrayList<>(chain.subList(seen, chain.size()));
                loop.add(current);
                return Optional.of(loop);
            }
            chain.add(current);
            current = current.getDeadline() instanceof RelativeDeadline relative ? relative.getReference() : null;
        }
        return Optional.empty();
    }

    /** Whether an activity not done or cancelled is past its due date on {@code today}. */
    public static boolean overdue(Activity activity, LocalDate today) {
        if (activity.getStatus() != null) {
            switch (activity.getStatus()) {
            case DONE, CANCELLED:
                return false;
            default:
                break;
            }
        }
        return due(activity).map(date -> date.isBefore(today)).orElse(false);
    }
}
