package oko.core.tests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import oko.model.AgendaItem;
import oko.model.Attendance;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.Meeting;
import oko.model.MeetingStatus;
import oko.model.Membership;
import oko.model.OkoFactory;
import oko.model.Person;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;
import oko.model.WorkingGroupRules;

/**
 * A working group of seven like seed 004's: m[0] the chair, m[1] the deputy, m[2] the secretary,
 * m[3..6] members; rules as the seed's (half, exactly half counts, simple majority of those
 * present, the one presiding breaks a tie, 5 working days for the protocol, 4 meetings a year).
 */
final class Meetings {

    static final OkoFactory F = OkoFactory.eINSTANCE;

    final WorkingGroup group = F.createWorkingGroup();
    final WorkingGroupRules rules = F.createWorkingGroupRules();
    final Membership[] m = new Membership[7];

    Meetings() {
        group.setName("Рабочая группа");
        group.setRules(rules);
        WorkingGroupRole[] roles = { WorkingGroupRole.CHAIR, WorkingGroupRole.DEPUTY_CHAIR, WorkingGroupRole.SECRETARY,
                WorkingGroupRole.MEMBER, WorkingGroupRole.MEMBER, WorkingGroupRole.MEMBER, WorkingGroupRole.MEMBER };
        for (int i = 0; i < m.length; i++) {
            Person person = F.createPerson();
            person.setName("Член " + (i + 1));
            m[i] = F.createMembership();
            m[i].setPerson(person);
            m[i].setRole(roles[i]);
            group.getMembers().add(m[i]);
        }
    }

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** A held meeting on the day with {@code present} members present (indexes into m), the others absent. */
    Meeting held(LocalDate day, int... present) {
        Meeting meeting = F.createMeeting();
        meeting.setNumber(String.valueOf(group.getMeetings().size() + 1));
        meeting.setDate(Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant()));
        meeting.setStatus(MeetingStatus.HELD);
        group.getMeetings().add(meeting);
        for (int i = 0; i < m.length; i++) {
            attend(meeting, i, AttendanceMode.ABSENT);
        }
        for (int i : present) {
            meeting.getAttendance().stream().filter(a -> a.getMember() == m[i]).findFirst().orElseThrow()
                    .setMode(AttendanceMode.PRESENT);
        }
        return meeting;
    }

    Attendance attend(Meeting meeting, int member, AttendanceMode mode) {
        Attendance attendance = meeting.getAttendance().stream().filter(a -> a.getMember() == m[member]).findFirst()
                .orElse(null);
        if (attendance == null) {
            attendance = F.createAttendance();
            attendance.setMember(m[member]);
            meeting.getAttendance().add(attendance);
        }
        attendance.setMode(mode);
        return attendance;
    }

    /** A decision with these votes under a new agenda item of the meeting. */
    static Decision decision(Meeting meeting, int votesFor, int against, int abstained) {
        AgendaItem item = F.createAgendaItem();
        item.setNumber(String.valueOf(meeting.getAgendaItems().size() + 1));
        item.setName("Вопрос " + item.getNumber());
        meeting.getAgendaItems().add(item);
        Decision decision = F.createDecision();
        decision.setNumber(item.getNumber() + ".1");
        decision.setName("Решение");
        decision.setVotesFor(votesFor);
        decision.setVotesAgainst(against);
        decision.setVotesAbstained(abstained);
        item.getDecisions().add(decision);
        return decision;
    }
}
