package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import oko.core.deadline.Deadlines;
import oko.model.Activity;
import oko.model.DateDeadline;
import oko.model.DuringPeriodDeadline;
import oko.model.MeasureStatus;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.PlanItem;
import oko.model.RelativeDeadline;
import oko.model.TimeUnit;

class DeadlinesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    static PlanItem item(String number, Date due) {
        PlanItem item = F.createPlanItem();
        item.setNumber(number);
        if (due != null) {
            DateDeadline deadline = F.createDateDeadline();
            deadline.setDate(due);
            item.setDeadline(deadline);
        }
        return item;
    }

    static PlanItem after(String number, Activity reference, int amount, TimeUnit unit) {
        PlanItem item = F.createPlanItem();
        item.setNumber(number);
        RelativeDeadline deadline = F.createRelativeDeadline();
        deadline.setReference(reference);
        deadline.setAmount(amount);
        deadline.setUnit(unit);
        item.setDeadline(deadline);
        return item;
    }

    @Test
    void relativeDeadlinesChainFromADate() {
        PlanItem first = item("2.1.1.1", date(2021, 1, 31));
        PlanItem second = after("2.1.1.2", first, 1, TimeUnit.MONTHS);
        PlanItem third = after("2.1.1.3", second, 1, TimeUnit.MONTHS);
        assertEquals(Optional.of(LocalDate.of(2021, 2, 28)), Deadlines.due(second));
        assertEquals(Optional.of(LocalDate.of(2021, 3, 28)), Deadlines.due(third));
        ((RelativeDeadline) third.getDeadline()).setBefore(true);
        assertEquals(Optional.of(LocalDate.of(2021, 1, 28)), Deadlines.due(third));
    }

    @Test
    void workingDaysSkipWeekends() {
        PlanItem friday = item("1", date(2026, 11, 20));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), Deadlines.due(after("2", friday, 2, TimeUnit.WORKING_DAYS)));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), Deadlines.due(after("3", friday, 10, TimeUnit.DAYS)));
    }

    @Test
    void workingDaysSkipPublicHolidaysAndCountWorkingSaturdays() {
        // Tue 2025-05-06 + 5: Wed 7; Thu 8 (moved from Sun 23 Feb), Fri 9 (Victory Day), weekend;
        // Mon 12, Tue 13, Wed 14, Thu 15. Weekends only would give Tue 13.
        assertEquals(Optional.of(LocalDate.of(2025, 5, 15)),
                Deadlines.due(after("2", item("1", date(2025, 5, 6)), 5, TimeUnit.WORKING_DAYS)));
        // Fri 2025-10-31 + 1: Sat 1 Nov is a working day (its day off moved to Mon 3 Nov).
        assertEquals(Optional.of(LocalDate.of(2025, 11, 1)),
                Deadlines.due(after("3", item("1", date(2025, 10, 31)), 1, TimeUnit.WORKING_DAYS)));
        // Backwards, 5 working days before Mon 2025-01-13: Fri 10 Jan (1), Thu 9 (2); 1–8 January are
        // holidays; Tue 31 and Mon 30 Dec 2024 are days off (moved from Sun 7 Jan and Sat 28 Dec),
        // Sun 29 off; Sat 28 Dec 2024 is a working day (3); Fri 27 (4), Thu 26 (5).
        PlanItem before = after("4", item("1", date(2025, 1, 13)), 5, TimeUnit.WORKING_DAYS);
        ((RelativeDeadline) before.getDeadline()).setBefore(true);
        assertEquals(Optional.of(LocalDate.of(2024, 12, 26)), Deadlines.due(before));
    }

    @Test
    void duringPeriodIsDueAtThePeriodEnd() {
        Period year = F.createPeriod();
        year.setEndDate(date(2021, 12, 31));
        DuringPeriodDeadline during = F.createDuringPeriodDeadline();
        during.setPeriod(year);
        PlanItem item = F.createPlanItem();
        item.setDeadline(during);
        assertEquals(Optional.of(LocalDate.of(2021, 12, 31)), Deadlines.due(item));
    }

    @Test
    void textOnlyDanglingAndCyclicDeadlinesHaveNoDate() {
        PlanItem textOnly = F.createPlanItem();
        RelativeDeadline external = F.createRelativeDeadline();
        external.setReferenceText("сроки, установленные МОиН УР");
        textOnly.setDeadline(external);
        assertEquals(Optional.empty(), Deadlines.due(textOnly));
        assertEquals(Optional.empty(), Deadlines.due(after("x", textOnly, 1, TimeUnit.DAYS)));

        PlanItem a = after("a", null, 1, TimeUnit.DAYS);
        PlanItem b = after("b", a, 1, TimeUnit.DAYS);
        ((RelativeDeadline) a.getDeadline()).setReference(b);
        assertEquals(Optional.empty(), Deadlines.due(a));
        assertEquals(Optional.of(List.of(a, b, a)), Deadlines.cycle(a));
        assertEquals(Optional.empty(), Deadlines.cycle(textOnly));
    }

    @Test
    void overdueUnlessDoneOrCancelled() {
        PlanItem item = item("1", date(2021, 3, 1));
        assertTrue(Deadlines.overdue(item, LocalDate.of(2021, 3, 2)));
        assertFalse(Deadlines.overdue(item, LocalDate.of(2021, 3, 1)));
        item.setStatus(MeasureStatus.DONE);
        assertFalse(Deadlines.overdue(item, LocalDate.of(2021, 3, 2)));
    }
}
