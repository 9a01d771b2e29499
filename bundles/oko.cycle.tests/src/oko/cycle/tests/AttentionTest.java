package oko.cycle.tests;

import static oko.cycle.tests.CycleModel.F;
import static oko.cycle.tests.CycleModel.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.Attention;
import oko.cycle.CycleEvidence.AttentionKind;
import oko.model.Measure;
import oko.model.MeasureStatus;
import oko.model.Meeting;
import oko.model.MeetingStatus;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.RawValue;
import oko.model.Recommendation;
import oko.model.RecommendationStatus;
import oko.model.TimeUnit;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRules;

/** What needs attention on 15.01.2025 in the hand-built {@link CycleModel} with a few things left undone. */
class AttentionTest {

    @Test
    void nothingNeedsAttentionInAFullCycle() {
        CycleModel model = new CycleModel();
        assertEquals(List.of(), CycleEvidence.attention(model.system, model.p2024, TODAY));
    }

    @Test
    void overdueItemsProtocolsRecommendationsAndRunsMostUrgentFirst() {
        CycleModel model = new CycleModel();
        // a plan item due 01.03.2024 still in progress, and its done sibling (not listed)
        Plan plan = F.createPlan();
        plan.setNumber("1");
        plan.setDirection(model.direction);
        model.system.getPlans().add(plan);
        PlanItem lateItem = F.createPlanItem();
        lateItem.setNumber("1.1");
        lateItem.setName("Семинар");
        lateItem.setDeadline(CycleModel.dateDeadline(2024, 3, 1));
        lateItem.setStatus(MeasureStatus.IN_PROGRESS);
        PlanItem done = F.createPlanItem();
        done.setNumber("1.2");
        done.setDeadline(CycleModel.dateDeadline(2024, 2, 1));
        done.setStatus(MeasureStatus.DONE);
        plan.getItems().add(lateItem);
        plan.getItems().add(done);
        // a measure due 30.11.2024 only planned; one due after today (not listed)
        Measure overdue = model.measure("2", model.p2024);
        overdue.setDeadline(CycleModel.dateDeadline(2024, 11, 30));
        overdue.setStatus(MeasureStatus.PLANNED);
        Measure future = model.measure("3", model.p2025);
        future.setDeadline(CycleModel.dateDeadline(2025, 6, 1));
        // a meeting held yesterday without its protocol (due within 5 working days)
        WorkingGroup group = F.createWorkingGroup();
        group.setName("Рабочая группа");
        group.setDirection(model.direction);
        WorkingGroupRules rules = F.createWorkingGroupRules();
        rules.setProtocolDeadline(5);
        rules.setProtocolDeadlineUnit(TimeUnit.WORKING_DAYS);
        group.setRules(rules);
        model.system.getWorkingGroups().add(group);
        Meeting meeting = F.createMeeting();
        meeting.setNumber("4");
        meeting.setDate(CycleModel.date(2025, 1, 14));
        meeting.setStatus(MeetingStatus.HELD);
        group.getMeetings().add(meeting);
        // a meeting held on 20.12.2024 without its protocol: due 27.12.2024 (5 working days), overdue
        Meeting late = F.createMeeting();
        lateMeeting(late);
        group.getMeetings().add(late);
        // a recommendation of 2024 no measure is based on; a rejected one (not listed)
        Recommendation orphan = model.recommendation("2");
        orphan.setStatus(RecommendationStatus.SENT);
        orphan.setDate(CycleModel.date(2024, 9, 1));
        Recommendation rejected = model.recommendation("3");
        rejected.setStatus(RecommendationStatus.REJECTED);
        // s2 lacks «c» in the run of 2024
        RawValue c2 = model.run.getRawValues().stream().filter(r -> r.getOrganisation() == model.s2 && "c".equals(r.getCode()))
                .findFirst().orElseThrow();
        model.run.getRawValues().remove(c2);

        List<Attention> items = CycleEvidence.attention(model.system, model.p2024, TODAY);
        // overdue ones by due date (01.03, 30.11, 27.12.2024), then the protocol due, the recommendation, the run
        assertEquals(List.of(AttentionKind.OVERDUE_PLAN_ITEM, AttentionKind.OVERDUE_MEASURE, AttentionKind.PROTOCOL_OVERDUE,
                AttentionKind.PROTOCOL_DUE, AttentionKind.RECOMMENDATION_WITHOUT_MEASURE, AttentionKind.RUN_MISSING_DATA),
                items.stream().map(Attention::kind).toList(), items.toString());
        assertEquals(List.of(lateItem, overdue, late, meeting, orphan, model.run), items.stream().map(Attention::object).toList());
        assertEquals("Просрочен пункт плана 1.1 «Семинар» (срок 01.03.2024)", items.get(0).text());
        assertEquals(LocalDate.of(2024, 3, 1), items.get(0).date());
        assertEquals("Просрочена мера 2 «Мера 2» (срок 30.11.2024)", items.get(1).text());
        assertEquals(LocalDate.of(2024, 11, 30), items.get(1).date());
        assertEquals("Просрочен протокол заседания 3 рабочей группы «Рабочая группа» (срок 27.12.2024)", items.get(2).text());
        assertEquals(LocalDate.of(2024, 12, 27), items.get(2).date());
        // 14.01.2025 + 5 working days = 21.01.2025
        assertEquals("Ожидается протокол заседания 4 рабочей группы «Рабочая группа» (до 21.01.2025)", items.get(3).text());
        assertEquals(LocalDate.of(2025, 1, 21), items.get(3).date());
        assertEquals("Рекомендация 2 «Рекомендация 2» без мер", items.get(4).text());
        assertEquals(LocalDate.of(2024, 9, 1), items.get(4).date());
        assertEquals("Прогон «r»: нет полных данных от 1 из 2 школ", items.get(5).text());
        assertEquals(LocalDate.of(2024, 5, 1), items.get(5).date());

        // another period: the recommendation and the run of 2024 are not its business; overdue items still are
        List<Attention> in2025 = CycleEvidence.attention(model.system, model.p2025, TODAY);
        assertEquals(List.of(lateItem, overdue, late, meeting), in2025.stream().map(Attention::object).toList());
    }

    private static void lateMeeting(Meeting meeting) {
        meeting.setNumber("3");
        meeting.setDate(CycleModel.date(2024, 12, 20));
        meeting.setStatus(MeetingStatus.HELD);
    }

    @Test
    void aProtocolStoredNeedsNoAttention() {
        CycleModel model = new CycleModel();
        WorkingGroup group = F.createWorkingGroup();
        group.setName("Рабочая группа");
        model.system.getWorkingGroups().add(group);
        Meeting meeting = F.createMeeting();
        meeting.setNumber("1");
        meeting.setDate(CycleModel.date(2025, 1, 10));
        meeting.setStatus(MeetingStatus.HELD);
        meeting.setProtocol(model.result);
        group.getMeetings().add(meeting);
        Meeting planned = F.createMeeting();
        planned.setNumber("2");
        planned.setDate(CycleModel.date(2025, 2, 10));
        planned.setStatus(MeetingStatus.PLANNED);
        group.getMeetings().add(planned);
        assertEquals(List.of(), CycleEvidence.attention(model.system, model.p2024, TODAY));
    }
}
