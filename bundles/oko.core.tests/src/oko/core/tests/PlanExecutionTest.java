package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import oko.core.plan.PlanExecution;
import oko.core.plan.PlanExecution.ItemState;
import oko.model.DateDeadline;
import oko.model.Document;
import oko.model.MeasureStatus;
import oko.model.PlanItem;

class PlanExecutionTest {

    private static PlanItem dueOn(LocalDate day) {
        PlanItem item = Meetings.F.createPlanItem();
        DateDeadline deadline = Meetings.F.createDateDeadline();
        deadline.setDate(Meetings.date(day.getYear(), day.getMonthValue(), day.getDayOfMonth()));
        item.setDeadline(deadline);
        return item;
    }

    @Test
    void statesFromStatusAndDeadline() {
        PlanItem item = dueOn(LocalDate.of(2021, 9, 30));
        assertEquals(ItemState.NOT_STARTED, PlanExecution.state(item, LocalDate.of(2021, 9, 30)), "due day itself");
        assertEquals(ItemState.OVERDUE, PlanExecution.state(item, LocalDate.of(2021, 10, 1)));
        item.setStatus(MeasureStatus.IN_PROGRESS);
        assertEquals(ItemState.IN_PROGRESS, PlanExecution.state(item, LocalDate.of(2021, 9, 1)));
        assertEquals(ItemState.OVERDUE, PlanExecution.state(item, LocalDate.of(2021, 10, 1)));
        item.setStatus(MeasureStatus.CANCELLED);
        assertEquals(ItemState.CANCELLED, PlanExecution.state(item, LocalDate.of(2021, 10, 1)));
        item.setStatus(MeasureStatus.DONE);
        assertEquals(ItemState.DONE, PlanExecution.state(item, LocalDate.of(2021, 10, 1)));
        PlanItem undated = Meetings.F.createPlanItem();
        assertEquals(ItemState.NOT_STARTED, PlanExecution.state(undated, LocalDate.of(2030, 1, 1)),
                "no computable deadline: never overdue");
    }

    @Test
    void closeAddsTheDocumentOnceAndMarksDone() {
        PlanItem item = dueOn(LocalDate.of(2021, 9, 30));
        Document protocol = Meetings.F.createDocument();
        PlanExecution.close(item, protocol, LocalDate.of(2021, 9, 17));
        PlanExecution.close(item, protocol, LocalDate.of(2021, 9, 17));
        assertEquals(List.of(protocol), item.getResultDocuments());
        assertEquals(MeasureStatus.DONE, item.getStatus());
        assertEquals(Meetings.date(2021, 9, 17), item.getCompletionDate());
        assertEquals(ItemState.DONE, PlanExecution.state(item, LocalDate.of(2022, 1, 1)));
    }
}
