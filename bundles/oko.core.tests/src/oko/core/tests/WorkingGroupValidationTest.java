package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.core.validation.Rule;
import oko.model.Decision;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Meeting;
import oko.model.Membership;
import oko.model.ModelRoot;
import oko.model.Plan;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.WorkingGroup;

/**
 * OKO-WG-03 … OKO-WG-08 on a group of seven ({@link Meetings}): a correct year of work passes, and
 * each rule fires on the one thing broken. "Today" is 2025-06-02 unless a test says otherwise.
 */
class WorkingGroupValidationTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private static final List<String> WG_RULES = List.of("OKO-WG-03", "OKO-WG-04", "OKO-WG-05", "OKO-WG-06",
            "OKO-WG-07", "OKO-WG-08");

    private final ModelRoot root = Meetings.F.createModelRoot();
    private final QualitySystem system = Meetings.F.createQualitySystem();
    private final Meetings g = new Meetings();

    WorkingGroupValidationTest() {
        system.setCode("test");
        root.getQualitySystems().add(system);
        system.getWorkingGroups().add(g.group);
        for (Membership member : g.m) {
            root.getPersons().add(member.getPerson());
        }
        // A correct 2024: four meetings held with quorum, each with one decision 4-0-0 adopted and
        // its protocol dated the next day (well within 5 working days).
        for (LocalDate day : List.of(LocalDate.of(2024, 2, 6), LocalDate.of(2024, 5, 14), LocalDate.of(2024, 9, 10),
                LocalDate.of(2024, 12, 3))) {
            Meeting meeting = g.held(day, 0, 2, 3, 4);
            Decision decision = Meetings.decision(meeting, 4, 0, 0);
            decision.setAdopted(true);
            meeting.setProtocol(protocol(day.plusDays(1)));
        }
    }

    private Document protocol(LocalDate dated) {
        Document document = Meetings.F.createDocument();
        document.setKind(DocumentKind.PROTOCOL);
        document.setNumber(String.valueOf(system.getDocuments().size() + 1));
        document.setDate(Date.from(dated.atStartOfDay(ZoneId.systemDefault()).toInstant()));
        system.getDocuments().add(document);
        return document;
    }

    /** The WG-03…08 problems as "RULE-ID message", with today as given. */
    private List<Problem> problems(LocalDate today) {
        return OkoValidation.validate(List.of(root), today, new NullProgressMonitor()).stream()
                .filter(p -> WG_RULES.contains(p.ruleId())).toList();
    }

    private List<String> ids(LocalDate today) {
        return problems(today).stream().map(Problem::ruleId).toList();
    }

    private Problem only(Rule rule, Object on) {
        List<Problem> all = problems(TODAY);
        assertEquals(1, all.size(), () -> "one problem expected: " + all);
        assertEquals(rule.id(), all.get(0).ruleId(), all::toString);
        assertTrue(all.get(0).object() == on, () -> "on " + on + ": " + all);
        return all.get(0);
    }

    @Test
    void aCorrectYearOfWorkPasses() {
        assertEquals(List.of(), problems(TODAY));
    }

    @Test
    void decisionWithoutQuorum() {
        // 3 of 7 present: no quorum (4 needed); votes entered make it a recorded decision.
        Meeting meeting = g.held(LocalDate.of(2025, 3, 4), 0, 2, 3);
        meeting.setProtocol(protocol(LocalDate.of(2025, 3, 5)));
        Decision decision = Meetings.decision(meeting, 3, 0, 0);
        Problem problem = only(Rule.WG_03, decision);
        assertTrue(problem.message().contains("3") && problem.message().contains("7"), problem.message());
        // Marked adopted without votes: still recorded.
        decision.setVotesFor(0);
        decision.setAdopted(true);
        only(Rule.WG_03, decision);
        // Neither votes nor mark: nothing recorded, nothing to say.
        decision.setAdopted(false);
        assertEquals(List.of(), problems(TODAY));
    }

    @Test
    void adoptedFlagThatTheVotesDoNotCarry() {
        Meeting meeting = g.held(LocalDate.of(2025, 3, 4), 0, 2, 3, 4);
        meeting.setProtocol(protocol(LocalDate.of(2025, 3, 5)));
        // 1 for, 3 against of 4 present: not carried, but marked adopted.
        Decision decision = Meetings.decision(meeting, 1, 3, 0);
        decision.setAdopted(true);
        only(Rule.WG_04, decision);
        decision.setAdopted(false);
        assertEquals(List.of(), problems(TODAY));
        // 3 for of 4: carried, marked not adopted.
        decision.setVotesFor(3);
        decision.setVotesAgainst(1);
        only(Rule.WG_04, decision);
    }

    @Test
    void protocolMissingAfterItsDueDateOrDatedLate() {
        // Held Tuesday 2025-05-06; due Thursday 2025-05-15 (May 8–11 off, see MeetingRulesTest).
        Meeting meeting = g.held(LocalDate.of(2025, 5, 6), 0, 2, 3, 4);
        assertEquals(List.of(), ids(LocalDate.of(2025, 5, 15)), "on the due day it is still in time");
        assertEquals(List.of("OKO-WG-05"), ids(LocalDate.of(2025, 5, 16)));
        meeting.setProtocol(protocol(LocalDate.of(2025, 5, 15)));
        assertEquals(List.of(), ids(LocalDate.of(2025, 5, 16)), "dated on the due day");
        meeting.getProtocol().setDate(Meetings.date(2025, 5, 16));
        Problem late = only(Rule.WG_05, meeting);
        assertTrue(late.message().contains("16.05.2025") || late.message().contains("2025-05-16"), late.message());
    }

    @Test
    void fewerMeetingsThanTheMinimumInAFinishedYear() {
        g.group.getMeetings().remove(3);
        // 2024 is finished on 2025-06-02: 3 held of 4.
        Problem problem = only(Rule.WG_06, g.group);
        assertTrue(problem.message().contains("2024") && problem.message().contains("3") && problem.message().contains("4"),
                problem.message());
        // On 2024-12-31 the year is not finished yet.
        assertEquals(List.of(), ids(LocalDate.of(2024, 12, 31)));
    }

    @Test
    void aPlanPeriodYearWithoutMeetingsCounts() {
        // The plan covers 2023 and 2024; nothing held in 2023: 0 of 4. 2025 (current) is not judged.
        Period period = Meetings.F.createPeriod();
        period.setStartDate(Meetings.date(2023, 1, 1));
        period.setEndDate(Meetings.date(2025, 12, 31));
        root.getPeriods().add(period);
        Plan plan = Meetings.F.createPlan();
        plan.setPeriod(period);
        system.getPlans().add(plan);
        g.group.setPlan(plan);
        Problem problem = only(Rule.WG_06, g.group);
        assertTrue(problem.message().contains("2023") && problem.message().contains("0"), problem.message());
    }

    @Test
    void moreVotesThanMembersPresent() {
        Meeting meeting = g.held(LocalDate.of(2025, 3, 4), 0, 2, 3, 4);
        meeting.setProtocol(protocol(LocalDate.of(2025, 3, 5)));
        // 4 present, 3 + 1 + 1 = 5 votes; 3 for of 4 is carried and marked so.
        Decision decision = Meetings.decision(meeting, 3, 1, 1);
        decision.setAdopted(true);
        Problem problem = only(Rule.WG_07, decision);
        assertTrue(problem.message().contains("5") && problem.message().contains("4"), problem.message());
        decision.setVotesAbstained(0);
        assertEquals(List.of(), problems(TODAY));
    }

    @Test
    void presidingNotAMemberOrNotPresent() {
        Meeting meeting = g.held(LocalDate.of(2025, 3, 4), 0, 2, 3, 4);
        meeting.setProtocol(protocol(LocalDate.of(2025, 3, 5)));
        meeting.setChairedBy(g.m[1]);
        Problem absent = only(Rule.WG_08, meeting);
        meeting.setChairedBy(g.m[3]);
        assertEquals(List.of(), problems(TODAY));
        WorkingGroup other = Meetings.F.createWorkingGroup();
        Membership stranger = Meetings.F.createMembership();
        stranger.setPerson(g.m[3].getPerson());
        other.getMembers().add(stranger);
        system.getWorkingGroups().add(other);
        meeting.setChairedBy(stranger);
        Problem notMember = problems(TODAY).stream().filter(p -> p.object() == meeting).findFirst().orElseThrow();
        assertEquals("OKO-WG-08", notMember.ruleId());
        assertTrue(!absent.message().equals(notMember.message()), "two different reasons");
        if (Locale.getDefault().getLanguage().equals("ru")) {
            assertTrue(notMember.message().contains("не входит в состав"), notMember.message());
        }
    }
}
