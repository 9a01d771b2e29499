package oko.core.meetings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import oko.core.deadline.Deadlines;
import oko.core.internal.Messages;
import oko.model.Activity;
import oko.model.AgendaItem;
import oko.model.Attendance;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.DecisionRule;
import oko.model.MajorityBasis;
import oko.model.Meeting;
import oko.model.MeetingForm;
import oko.model.MeetingStatus;
import oko.model.Membership;
import oko.model.OkoFactory;
import oko.model.PlanItem;
import oko.model.TieBreak;
import oko.model.TimeUnit;
import oko.model.VoteChoice;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;
import oko.model.WorkingGroupRules;

/**
 * The working-group regulation applied to a meeting, from the rules stored in the model
 * ({@link oko.model.WorkingGroupRules}): who presides, who counts as present, the quorum, whether
 * each decision is adopted, when the protocol is due and the meeting's state. Pure functions of
 * the model; nothing is changed.
 * <p>
 * CONTRACT (issue 19): signatures fixed by the lead; implemented on branch h-wgcore. The rules
 * are described for users in {@code docs/working-group.md}.
 */
public final class MeetingRules {

    private MeetingRules() {
    }

    /** The quorum of a meeting: members of the group, those counted present, those required. */
    public record Quorum(int members, int present, int required, boolean reached) {
    }

    /**
     * Whether a decision is carried under the rules. {@code tieBroken} when the votes were equal and
     * the tie-break decided; {@code reason} a short message key-free explanation in the current
     * locale (e.g. «3 за из 5 присутствующих: большинство»).
     */
    public record Outcome(boolean adopted, boolean tieBroken, String reason) {
    }

    /** The state of a meeting on a day. */
    public enum MeetingState {
        /** Not yet held, its date today or later (or not set). */
        PLANNED,
        /** Still planned, but its date has passed: held and not marked so, or not held at all. */
        DATE_PASSED,
        /** Held, protocol not stored yet, due date not passed. */
        PROTOCOL_DUE,
        /** Held, protocol not stored and the due date has passed. */
        PROTOCOL_OVERDUE,
        /** Held and its protocol stored. */
        PROTOCOL_DONE,
        /** Cancelled. */
        CANCELLED
    }

    /** Meetings held in a year against the regulation's minimum. */
    public record YearCount(int year, int held, int minimum) {
        public boolean enough() {
            return held >= minimum;
        }
    }

    /**
     * Who presides: {@code meeting.chairedBy} when set, else the chair when taking part, else the
     * deputy chair when taking part, else {@code null}. "Taking part" means counted present by
     * {@link #present(Meeting)} (so a chair attending remotely presides only where remote
     * participation counts).
     */
    public static Membership presiding(Meeting meeting) {
        if (meeting == null) {
            return null;
        }
        if (meeting.getChairedBy() != null) {
            return meeting.getChairedBy();
        }
        List<Membership> present = present(meeting);
        for (WorkingGroupRole role : List.of(WorkingGroupRole.CHAIR, WorkingGroupRole.DEPUTY_CHAIR)) {
            for (Membership member : present) {
                if (member.getRole() == role) {
                    return member;
                }
            }
        }
        return null;
    }

    /**
     * The members counted present: attendance PRESENT, and REMOTE when the rules allow remote
     * participation (or the meeting's form is absentee and the rules allow absentee meetings).
     * Each member counts once, in the order of the attendance list; when the meeting belongs to a
     * group, only the group's own members count (an attendance of someone else's membership is
     * ignored here and reported by validation).
     */
    public static List<Membership> present(Meeting meeting) {
        List<Membership> result = new ArrayList<>();
        if (meeting == null) {
            return result;
        }
        WorkingGroup group = group(meeting);
        WorkingGroupRules rules = rules(group);
        boolean remoteCounts = rules.isRemoteParticipationAllowed()
                || meeting.getForm() == MeetingForm.ABSENTEE && rules.isAbsenteeMeetingsAllowed();
        for (Attendance attendance : meeting.getAttendance()) {
            Membership member = attendance.getMember();
            if (member == null || result.contains(member) || group != null && !group.getMembers().contains(member)) {
                continue;
            }
            AttendanceMode mode = attendance.getMode() == null ? AttendanceMode.PRESENT : attendance.getMode();
            if (mode == AttendanceMode.PRESENT || mode == AttendanceMode.REMOTE && remoteCounts) {
                result.add(member);
            }
        }
        return result;
    }

    /**
     * The quorum from the rules' fraction and whether exactly that fraction counts: with
     * {@code members} in the group and fraction {@code f}, {@code required} is the least whole
     * number {@code n >= f*members} when {@code quorumInclusive}, {@code n > f*members} otherwise
     * (7 members, ½: 4 either way; 8 members, ½: 4 inclusive, 5 not). A group with no members has
     * no quorum.
     */
    public static Quorum quorum(Meeting meeting) {
        WorkingGroup group = group(meeting);
        WorkingGroupRules rules = rules(group);
        int members = group == null ? 0 : group.getMembers().size();
        int present = present(meeting).size();
        int required = required(members, rules.getQuorumFraction(), rules.isQuorumInclusive());
        return new Quorum(members, present, required, members > 0 && present > 0 && present >= required);
    }

    /** The least whole number at (inclusive) or above (exclusive) {@code fraction * count}. */
    static int required(int count, double fraction, boolean inclusive) {
        double exact = fraction * count;
        double rounded = Math.round(exact);
        boolean whole = Math.abs(exact - rounded) < 1e-9;
        if (whole) {
            return (int) rounded + (inclusive ? 0 : 1);
        }
        return (int) Math.ceil(exact);
    }

    /**
     * Whether the decision is carried under the rules.
     * <ul>
     * <li>No quorum: not adopted.</li>
     * <li>The basis is the members counted present ({@code MajorityBasis.PRESENT}) or the whole
     * composition ({@code COMPOSITION}).</li>
     * <li>{@code SIMPLE_MAJORITY}: adopted when votes for are more than half the basis
     * ({@code 2*for > basis}). {@code TWO_THIRDS_MAJORITY}: {@code 3*for >= 2*basis}.
     * {@code UNANIMOUS}: every one of the basis voted for.</li>
     * <li>A tie — simple majority not reached and as many for as against (more than none) — is
     * broken only under {@code SIMPLE_MAJORITY}, by {@link Decision#getPresidingVote()}: under
     * {@code TieBreak.PRESIDING} the vote of the one presiding decides (FOR adopted, AGAINST not);
     * under {@code CHAIR} the same vote decides only when the one presiding is the chair (the vote of
     * a chair who does not preside is not recorded); under {@code NONE}, or when that vote is
     * NOT_RECORDED or ABSTAINED, the tie is not broken and the decision is not adopted.</li>
     * <li>No votes entered (all zero): not adopted.</li>
     * </ul>
     * The {@code adopted} flag stored on the decision is not read here (validation compares it).
     */
    public static Outcome outcome(Decision decision) {
        Meeting meeting = meeting(decision);
        WorkingGroupRules rules = rules(group(meeting));
        Quorum quorum = quorum(meeting);
        int votesFor = decision.getVotesFor();
        int against = decision.getVotesAgainst();
        if (!quorum.reached()) {
            return new Outcome(false, false,
                    NLS.bind(Messages.meetingNoQuorum, new Object[] { quorum.present(), quorum.members(), quorum.required() }));
        }
        if (votesFor == 0 && against == 0 && decision.getVotesAbstained() == 0) {
            return new Outcome(false, false, Messages.meetingNoVotes);
        }
        boolean composition = rules.getMajorityBasis() == MajorityBasis.COMPOSITION;
        int basis = composition ? quorum.members() : quorum.present();
        String of = NLS.bind(composition ? Messages.meetingOfComposition : Messages.meetingOfPresent, basis);
        DecisionRule rule = rules.getDecisionRule() == null ? DecisionRule.SIMPLE_MAJORITY : rules.getDecisionRule();
        switch (rule) {
        case TWO_THIRDS_MAJORITY: {
            boolean adopted = 3 * votesFor >= 2 * basis;
            return new Outcome(adopted, false, NLS.bind(adopted ? Messages.meetingTwoThirds : Messages.meetingNoTwoThirds, votesFor, of));
        }
        case UNANIMOUS: {
            boolean adopted = basis > 0 && votesFor >= basis;
            return new Outcome(adopted, false, NLS.bind(adopted ? Messages.meetingUnanimous : Messages.meetingNotUnanimous, votesFor, of));
        }
        default:
            break;
        }
        if (2 * votesFor > basis) {
            return new Outcome(true, false, NLS.bind(Messages.meetingMajority, votesFor, of));
        }
        if (votesFor > 0 && votesFor == against) {
            TieBreak tieBreak = rules.getTieBreak() == null ? TieBreak.PRESIDING : rules.getTieBreak();
            VoteChoice vote = decision.getPresidingVote() == null ? VoteChoice.NOT_RECORDED : decision.getPresidingVote();
            if (tieBreak == TieBreak.NONE) {
                return new Outcome(false, false, NLS.bind(Messages.meetingTieNoBreak, votesFor, against));
            }
            if (tieBreak == TieBreak.CHAIR) {
                Membership presiding = presiding(meeting);
                if (presiding == null || presiding.getRole() != WorkingGroupRole.CHAIR) {
                    return new Outcome(false, false, NLS.bind(Messages.meetingTieChairAbsent, votesFor, against));
                }
            }
            if (vote == VoteChoice.FOR) {
                return new Outcome(true, true, NLS.bind(Messages.meetingTieFor, votesFor, against));
            }
            if (vote == VoteChoice.AGAINST) {
                return new Outcome(false, true, NLS.bind(Messages.meetingTieAgainst, votesFor, against));
            }
            return new Outcome(false, false, NLS.bind(Messages.meetingTieNotRecorded, votesFor, against));
        }
        return new Outcome(false, false, NLS.bind(Messages.meetingNoMajority, votesFor, of));
    }

    /**
     * The protocol's due date: the meeting date plus the rules' deadline ({@code protocolDeadline}
     * in {@code protocolDeadlineUnit}; working days skip weekends and the public holidays of
     * {@link oko.core.deadline.WorkingDays}). Empty when the meeting has no date. Computed for any
     * status; {@link #state(Meeting, LocalDate)} uses it only for held meetings.
     */
    public static Optional<LocalDate> protocolDue(Meeting meeting) {
        if (meeting == null || meeting.getDate() == null) {
            return Optional.empty();
        }
        WorkingGroupRules rules = rules(group(meeting));
        TimeUnit unit = rules.getProtocolDeadlineUnit() == null ? TimeUnit.WORKING_DAYS : rules.getProtocolDeadlineUnit();
        return Optional.of(Deadlines.shift(day(meeting.getDate()), Math.max(0, rules.getProtocolDeadline()), unit));
    }

    /**
     * The meeting's state on {@code today}: CANCELLED and PLANNED from its status; a held meeting
     * is PROTOCOL_DONE when its protocol document is set, PROTOCOL_OVERDUE when not and the due
     * date is before {@code today} (the due day itself is still in time), else PROTOCOL_DUE.
     */
    public static MeetingState state(Meeting meeting, LocalDate today) {
        MeetingStatus status = meeting.getStatus() == null ? MeetingStatus.PLANNED : meeting.getStatus();
        switch (status) {
        case CANCELLED:
            return MeetingState.CANCELLED;
        case HELD:
            if (meeting.getProtocol() != null) {
                return MeetingState.PROTOCOL_DONE;
            }
            return protocolDue(meeting).filter(due -> due.isBefore(today)).isPresent()
                    ? MeetingState.PROTOCOL_OVERDUE : MeetingState.PROTOCOL_DUE;
        default:
            return meeting.getDate() != null && day(meeting.getDate()).isBefore(today) ? MeetingState.DATE_PASSED
                    : MeetingState.PLANNED;
        }
    }

    /** Meetings held (status HELD, dated in {@code year}) against the rules' minimum per year. */
    public static YearCount meetingsHeld(WorkingGroup group, int year) {
        int held = 0;
        for (Meeting meeting : group.getMeetings()) {
            if (meeting.getStatus() == MeetingStatus.HELD && meeting.getDate() != null && day(meeting.getDate()).getYear() == year) {
                held++;
            }
        }
        return new YearCount(year, held, rules(group).getMinMeetingsPerYear());
    }

    /**
     * The plan items the meeting's protocol closes: {@code meeting.closedPlanItems}, then the plan
     * items of its agenda whose expected result ({@code result}) names a protocol («протокол…»,
     * «protocol», «minutes»); each once, in that order.
     */
    public static List<PlanItem> closedItems(Meeting meeting) {
        List<PlanItem> result = new ArrayList<>(meeting.getClosedPlanItems());
        for (AgendaItem agenda : meeting.getAgendaItems()) {
            for (PlanItem item : agenda.getPlanItems()) {
                if (!result.contains(item) && resultIsProtocol(item)) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    /** Whether the item's expected result text names a protocol. */
    public static boolean resultIsProtocol(Activity item) {
        String text = item.getResult();
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("протокол") || lower.contains("protocol") || lower.contains("minutes");
    }

    /** The group a meeting belongs to, or {@code null}. */
    public static WorkingGroup group(Meeting meeting) {
        return meeting != null && meeting.eContainer() instanceof WorkingGroup group ? group : null;
    }

    /** The meeting a decision was taken at, or {@code null}. */
    public static Meeting meeting(Decision decision) {
        for (EObject container = decision == null ? null : decision.eContainer(); container != null; container = container.eContainer()) {
            if (container instanceof Meeting meeting) {
                return meeting;
            }
        }
        return null;
    }

    /** The group's rules, or the model's defaults when it has none. */
    public static WorkingGroupRules rules(WorkingGroup group) {
        if (group != null && group.getRules() != null) {
            return group.getRules();
        }
        return DEFAULTS;
    }

    private static final WorkingGroupRules DEFAULTS = OkoFactory.eINSTANCE.createWorkingGroupRules();

    /** A model date as a calendar day in the machine's time zone. */
    public static LocalDate day(Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
