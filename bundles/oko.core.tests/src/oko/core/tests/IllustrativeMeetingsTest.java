package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import oko.core.meetings.MeetingRules;
import oko.core.meetings.MeetingRules.MeetingState;
import oko.core.plan.PlanExecution;
import oko.model.Decision;
import oko.model.Meeting;
import oko.model.PlanItem;
import oko.model.WorkingGroup;

/**
 * The sample's illustrative meetings of wg-krg (seeds.xmi, marked «иллюстративные данные») under
 * seed 004's rules: 7 members, quorum 4, remote participation allowed, the one presiding breaks a
 * tie, protocol within 5 working days. Other parts (UI, protocol, command line) rely on these ids.
 */
class IllustrativeMeetingsTest {

    private static <T> T object(String id, Class<T> type) {
        return type.cast(SampleModels.seeds().eResource().getEObject(id));
    }

    @Test
    void meetingOneHasAQuorumWithTheRemoteMemberAndATieBrokenByTheChair() {
        Meeting meeting = object("ill-mtg-krg-1", Meeting.class);
        // 5 in the room + Volkovets by video (allowed) = 6 of 7; Kiseleva absent.
        assertEquals(new MeetingRules.Quorum(7, 6, 4, true), MeetingRules.quorum(meeting));
        assertEquals(object("wgm-krg-remneva", oko.model.Membership.class), MeetingRules.presiding(meeting));
        assertTrue(MeetingRules.outcome(object("ill-mtg-krg-1-d1", Decision.class)).adopted(), "6 of 6 for");
        MeetingRules.Outcome tie = MeetingRules.outcome(object("ill-mtg-krg-1-d2", Decision.class));
        assertEquals(true, tie.adopted(), "3–3, the chair presiding voted for");
        assertEquals(true, tie.tieBroken());
        // Tue 2021-09-14 + 5 working days = Tue 2021-09-21; the protocol is dated 2021-09-16.
        assertEquals(Optional.of(LocalDate.of(2021, 9, 21)), MeetingRules.protocolDue(meeting));
        assertEquals(MeetingState.PROTOCOL_DONE, MeetingRules.state(meeting, LocalDate.of(2026, 1, 1)));
        PlanItem item = object("pi-krg-2.1.1.5", PlanItem.class);
        assertEquals(List.of(item), MeetingRules.closedItems(meeting));
        assertEquals(PlanExecution.ItemState.DONE, PlanExecution.state(item, LocalDate.of(2026, 1, 1)));
        assertEquals(List.of(meeting.getProtocol()), item.getResultDocuments());
    }

    @Test
    void meetingTwoIsPresidedByTheDeputyAndItsProtocolIsOverdue() {
        Meeting meeting = object("ill-mtg-krg-2", Meeting.class);
        assertEquals(new MeetingRules.Quorum(7, 4, 4, true), MeetingRules.quorum(meeting));
        assertEquals(object("wgm-krg-ivanova", oko.model.Membership.class), MeetingRules.presiding(meeting),
                "the chair is absent: the deputy presides");
        assertTrue(MeetingRules.outcome(object("ill-mtg-krg-2-d1", Decision.class)).adopted(), "3 for of 4");
        // Tue 2021-12-14 + 5 working days = Tue 2021-12-21.
        assertEquals(Optional.of(LocalDate.of(2021, 12, 21)), MeetingRules.protocolDue(meeting));
        assertEquals(MeetingState.PROTOCOL_DUE, MeetingRules.state(meeting, LocalDate.of(2021, 12, 21)));
        assertEquals(MeetingState.PROTOCOL_OVERDUE, MeetingRules.state(meeting, LocalDate.of(2021, 12, 22)));
        assertEquals(List.of(object("pi-krg-3.2", PlanItem.class)), MeetingRules.closedItems(meeting),
                "its agenda's item ends in «протокол совещания рабочей группы»");
        // planned for 2022-02-15: planned up to that day itself, its date passed after it (never marked held)
        assertEquals(MeetingState.PLANNED,
                MeetingRules.state(object("ill-mtg-krg-3", Meeting.class), LocalDate.of(2022, 2, 15)));
        assertEquals(MeetingState.DATE_PASSED,
                MeetingRules.state(object("ill-mtg-krg-3", Meeting.class), LocalDate.of(2026, 1, 1)));
        assertEquals(new MeetingRules.YearCount(2021, 2, 4),
                MeetingRules.meetingsHeld(object("wg-krg", WorkingGroup.class), 2021));
    }
}
