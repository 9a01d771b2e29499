package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import oko.core.meetings.MeetingRules;
import oko.core.meetings.MeetingRules.MeetingState;
import oko.core.meetings.MeetingRules.Outcome;
import oko.core.meetings.MeetingRules.Quorum;
import oko.model.AgendaItem;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.DecisionRule;
import oko.model.Document;
import oko.model.MajorityBasis;
import oko.model.Meeting;
import oko.model.MeetingForm;
import oko.model.MeetingStatus;
import oko.model.PlanItem;
import oko.model.TieBreak;
import oko.model.VoteChoice;

/** The regulation's arithmetic, worked out by hand for a group of seven (see {@link Meetings}). */
class MeetingRulesTest {

    private final Meetings g = new Meetings();
    private static final LocalDate DAY = LocalDate.of(2025, 3, 12);

    @Test
    void fourOfSevenIsAQuorumThreeIsNot() {
        // ½ of 7 = 3.5; the least whole number >= 3.5 is 4.
        Quorum four = MeetingRules.quorum(g.held(DAY, 0, 2, 3, 4));
        assertEquals(new Quorum(7, 4, 4, true), four);
        Quorum three = MeetingRules.quorum(g.held(DAY, 0, 2, 3));
        assertEquals(new Quorum(7, 3, 4, false), three);
    }

    @Test
    void exactlyHalfCountsOnlyWhenInclusive() {
        // An eighth member: ½ of 8 = 4 exactly. Inclusive: 4 suffice; not inclusive: more than 4, i.e. 5.
        g.group.getMembers().add(Meetings.F.createMembership());
        Meeting meeting = g.held(DAY, 0, 1, 2, 3);
        assertEquals(new Quorum(8, 4, 4, true), MeetingRules.quorum(meeting));
        g.rules.setQuorumInclusive(false);
        assertEquals(new Quorum(8, 4, 5, false), MeetingRules.quorum(meeting));
        // With 7 members ½ is 3.5, not whole: 4 either way.
        g.group.getMembers().remove(7);
        assertEquals(new Quorum(7, 4, 4, true), MeetingRules.quorum(meeting));
    }

    @Test
    void noQuorumMeansNotAdoptedWhateverTheVotes() {
        Decision decision = Meetings.decision(g.held(DAY, 0, 2, 3), 3, 0, 0);
        Outcome outcome = MeetingRules.outcome(decision);
        assertFalse(outcome.adopted());
        assertTrue(outcome.reason().contains("3") && outcome.reason().contains("7") && outcome.reason().contains("4"),
                outcome.reason());
    }

    @Test
    void simpleMajorityOfThosePresent() {
        // 5 present: 3 for is more than 2.5, carried; 2 for, 1 against, 2 abstained is not (2 <= 2.5, no tie).
        Meeting meeting = g.held(DAY, 0, 1, 2, 3, 4);
        Outcome carried = MeetingRules.outcome(Meetings.decision(meeting, 3, 2, 0));
        assertTrue(carried.adopted());
        assertFalse(carried.tieBroken());
        assertFalse(MeetingRules.outcome(Meetings.decision(meeting, 2, 1, 2)).adopted());
        assertFalse(MeetingRules.outcome(Meetings.decision(meeting, 0, 0, 0)).adopted(), "no votes entered");
    }

    @Test
    void aTwoTwoTieIsDecidedByTheOnePresiding() {
        // 4 present (quorum), 2 for and 2 against: 2 is not more than 4/2 — a tie; the chair presides.
        Meeting meeting = g.held(DAY, 0, 2, 3, 4);
        assertSame(g.m[0], MeetingRules.presiding(meeting));
        Decision decision = Meetings.decision(meeting, 2, 2, 0);
        decision.setPresidingVote(VoteChoice.FOR);
        assertEquals(true, MeetingRules.outcome(decision).adopted());
        assertEquals(true, MeetingRules.outcome(decision).tieBroken());
        decision.setPresidingVote(VoteChoice.AGAINST);
        assertEquals(false, MeetingRules.outcome(decision).adopted());
        assertEquals(true, MeetingRules.outcome(decision).tieBroken());
        decision.setPresidingVote(VoteChoice.NOT_RECORDED);
        assertEquals(false, MeetingRules.outcome(decision).adopted(), "the tie cannot be broken");
        assertEquals(false, MeetingRules.outcome(decision).tieBroken());
    }

    @Test
    void noTieBreakLeavesATieNotAdopted() {
        g.rules.setTieBreak(TieBreak.NONE);
        Decision decision = Meetings.decision(g.held(DAY, 0, 2, 3, 4), 2, 2, 0);
        decision.setPresidingVote(VoteChoice.FOR);
        assertEquals(false, MeetingRules.outcome(decision).adopted());
        assertEquals(false, MeetingRules.outcome(decision).tieBroken());
    }

    @Test
    void theChairsCastingVoteNeedsTheChairPresiding() {
        g.rules.setTieBreak(TieBreak.CHAIR);
        Decision withChair = Meetings.decision(g.held(DAY, 0, 2, 3, 4), 2, 2, 0);
        withChair.setPresidingVote(VoteChoice.FOR);
        assertTrue(MeetingRules.outcome(withChair).adopted());
        Decision deputyPresides = Meetings.decision(g.held(DAY, 1, 2, 3, 4), 2, 2, 0);
        deputyPresides.setPresidingVote(VoteChoice.FOR);
        assertFalse(MeetingRules.outcome(deputyPresides).adopted(), "the chair is absent: no casting vote");
    }

    @Test
    void theDeputyPresidesWhenTheChairIsAbsent() {
        Meeting meeting = g.held(DAY, 1, 2, 3, 4);
        assertSame(g.m[1], MeetingRules.presiding(meeting));
        Decision decision = Meetings.decision(meeting, 2, 2, 0);
        decision.setPresidingVote(VoteChoice.FOR);
        assertTrue(MeetingRules.outcome(decision).adopted(), "the deputy presiding breaks the tie");
        // Neither chair nor deputy: nobody presides unless chairedBy says so.
        Meeting neither = g.held(DAY, 2, 3, 4, 5);
        assertNull(MeetingRules.presiding(neither));
        neither.setChairedBy(g.m[3]);
        assertSame(g.m[3], MeetingRules.presiding(neither));
        // chairedBy wins over the chair present.
        meeting.setChairedBy(g.m[2]);
        g.attend(meeting, 0, AttendanceMode.PRESENT);
        assertSame(g.m[2], MeetingRules.presiding(meeting));
    }

    @Test
    void remoteAttendanceCountsOnlyWhereAllowed() {
        // 3 in the room and 1 by video: 3 present (no quorum) unless remote participation is allowed.
        Meeting meeting = g.held(DAY, 0, 2, 3);
        g.attend(meeting, 4, AttendanceMode.REMOTE);
        assertEquals(List.of(g.m[0], g.m[2], g.m[3]), MeetingRules.present(meeting));
        assertFalse(MeetingRules.quorum(meeting).reached());
        g.rules.setRemoteParticipationAllowed(true);
        assertEquals(List.of(g.m[0], g.m[2], g.m[3], g.m[4]), MeetingRules.present(meeting));
        assertTrue(MeetingRules.quorum(meeting).reached());
        // An absentee meeting where the rules allow absentee meetings counts remote answers too.
        g.rules.setRemoteParticipationAllowed(false);
        g.rules.setAbsenteeMeetingsAllowed(true);
        meeting.setForm(MeetingForm.ABSENTEE);
        assertEquals(4, MeetingRules.quorum(meeting).present());
    }

    @Test
    void twoThirdsAndUnanimous() {
        // 6 present: two thirds of 6 = 4. 4 for carries, 3 for does not.
        g.rules.setDecisionRule(DecisionRule.TWO_THIRDS_MAJORITY);
        Meeting meeting = g.held(DAY, 0, 1, 2, 3, 4, 5);
        assertTrue(MeetingRules.outcome(Meetings.decision(meeting, 4, 2, 0)).adopted());
        assertFalse(MeetingRules.outcome(Meetings.decision(meeting, 3, 3, 0)).adopted());
        // 5 present: 2/3 of 5 = 3.33; 3 for is short (3*3 = 9 < 10), 4 for carries.
        Meeting five = g.held(DAY, 0, 1, 2, 3, 4);
        assertFalse(MeetingRules.outcome(Meetings.decision(five, 3, 2, 0)).adopted());
        assertTrue(MeetingRules.outcome(Meetings.decision(five, 4, 1, 0)).adopted());
        g.rules.setDecisionRule(DecisionRule.UNANIMOUS);
        assertTrue(MeetingRules.outcome(Meetings.decision(five, 5, 0, 0)).adopted());
        assertFalse(MeetingRules.outcome(Meetings.decision(five, 4, 0, 1)).adopted(), "one abstained");
    }

    @Test
    void majorityOfTheComposition() {
        // 5 of 7 present, 3 for: a majority of those present (3 > 2.5) but not of the 7 members (3 <= 3.5).
        Meeting meeting = g.held(DAY, 0, 1, 2, 3, 4);
        Decision decision = Meetings.decision(meeting, 3, 2, 0);
        assertTrue(MeetingRules.outcome(decision).adopted());
        g.rules.setMajorityBasis(MajorityBasis.COMPOSITION);
        assertFalse(MeetingRules.outcome(decision).adopted());
        decision.setVotesFor(4);
        decision.setVotesAgainst(1);
        assertTrue(MeetingRules.outcome(decision).adopted(), "4 > 3.5");
    }

    @Test
    void protocolDueAcrossAWeekend() {
        // Thursday 2025-03-13 + 5 working days: Fri 14, Mon 17, Tue 18, Wed 19, Thu 20.
        assertEquals(Optional.of(LocalDate.of(2025, 3, 20)), MeetingRules.protocolDue(g.held(LocalDate.of(2025, 3, 13))));
    }

    @Test
    void protocolDueAcrossMayHolidays2025() {
        // Tuesday 2025-05-06 + 5: Wed 7 (1); Thu 8 (day off moved from Sun 23 Feb by decree No 1335),
        // Fri 9 (Victory Day), Sat 10, Sun 11 skipped; Mon 12 (2), Tue 13 (3), Wed 14 (4), Thu 15 (5).
        assertEquals(Optional.of(LocalDate.of(2025, 5, 15)), MeetingRules.protocolDue(g.held(LocalDate.of(2025, 5, 6))));
        // Weekends only would give Tue 13 (7, 8, 9, 12, 13).
    }

    @Test
    void protocolDueCountsAWorkingSaturday() {
        // Wednesday 2025-10-29 + 5: Thu 30 (1), Fri 31 (2), Sat 1 Nov is a working day (3), Sun 2 off,
        // Mon 3 Nov off (moved from Sat 1 Nov), Tue 4 Nov Unity Day, Wed 5 (4), Thu 6 (5).
        assertEquals(Optional.of(LocalDate.of(2025, 11, 6)), MeetingRules.protocolDue(g.held(LocalDate.of(2025, 10, 29))));
    }

    @Test
    void protocolStates() {
        // Held Thursday 2025-03-13, due Thursday 2025-03-20 (see above).
        Meeting meeting = g.held(LocalDate.of(2025, 3, 13));
        assertEquals(MeetingState.PROTOCOL_DUE, MeetingRules.state(meeting, LocalDate.of(2025, 3, 20)), "due day itself");
        assertEquals(MeetingState.PROTOCOL_OVERDUE, MeetingRules.state(meeting, LocalDate.of(2025, 3, 21)));
        Document protocol = Meetings.F.createDocument();
        meeting.setProtocol(protocol);
        assertEquals(MeetingState.PROTOCOL_DONE, MeetingRules.state(meeting, LocalDate.of(2025, 3, 21)));
        meeting.setStatus(MeetingStatus.PLANNED);
        assertEquals(MeetingState.PLANNED, MeetingRules.state(meeting, LocalDate.of(2025, 3, 13)), "its day itself");
        assertEquals(MeetingState.DATE_PASSED, MeetingRules.state(meeting, LocalDate.of(2025, 3, 14)));
        meeting.setDate(null);
        assertEquals(MeetingState.PLANNED, MeetingRules.state(meeting, LocalDate.of(2025, 3, 21)), "no date yet");
        meeting.setStatus(MeetingStatus.CANCELLED);
        assertEquals(MeetingState.CANCELLED, MeetingRules.state(meeting, LocalDate.of(2025, 3, 21)));
    }

    @Test
    void meetingsHeldInAYear() {
        g.held(LocalDate.of(2024, 12, 27));
        g.held(LocalDate.of(2025, 2, 4));
        g.held(LocalDate.of(2025, 6, 3));
        g.held(LocalDate.of(2025, 9, 9)).setStatus(MeetingStatus.PLANNED);
        g.held(LocalDate.of(2025, 11, 11)).setStatus(MeetingStatus.CANCELLED);
        assertEquals(new MeetingRules.YearCount(2025, 2, 4), MeetingRules.meetingsHeld(g.group, 2025));
        assertFalse(MeetingRules.meetingsHeld(g.group, 2025).enough());
        assertEquals(1, MeetingRules.meetingsHeld(g.group, 2024).held());
    }

    @Test
    void closedItemsAreTheMarkedOnesAndAgendaItemsEndingInAProtocol() {
        Meeting meeting = g.held(DAY);
        PlanItem marked = Meetings.F.createPlanItem();
        PlanItem protocol = Meetings.F.createPlanItem();
        protocol.setResult("протокол заседания рабочей группы");
        PlanItem report = Meetings.F.createPlanItem();
        report.setResult("аналитический отчет");
        meeting.getClosedPlanItems().add(marked);
        AgendaItem agenda = Meetings.F.createAgendaItem();
        agenda.getPlanItems().addAll(List.of(report, protocol, marked));
        meeting.getAgendaItems().add(agenda);
        assertEquals(List.of(marked, protocol), MeetingRules.closedItems(meeting));
    }
}
