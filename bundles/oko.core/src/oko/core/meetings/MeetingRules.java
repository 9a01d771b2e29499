package oko.core.meetings;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import oko.model.Decision;
import oko.model.Meeting;
import oko.model.Membership;
import oko.model.PlanItem;
import oko.model.WorkingGroup;

/**
 * The working-group regulation applied to a meeting, from the rules stored in the model
 * ({@link oko.model.WorkingGroupRules}): who presides, who counts as present, the quorum, whether
 * each decision is adopted, when the protocol is due and the meeting's state. Pure functions of
 * the model; nothing is changed.
 * <p>
 * CONTRACT (issue 19): signatures fixed by the lead; implemented on branch h-wgcore.
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
        /** Not yet held. */
        PLANNED,
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
     * deputy chair when taking part, else {@code null}.
     */
    public static Membership presiding(Meeting meeting) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /**
     * The members counted present: attendance PRESENT, and REMOTE when the rules allow remote
     * participation (or the meeting's form is remote/absentee and the rules allow it).
     */
    public static List<Membership> present(Meeting meeting) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /** The quorum from the rules' fraction and whether exactly that fraction counts. */
    public static Quorum quorum(Meeting meeting) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /**
     * Whether the decision is carried: no quorum means not adopted; the majority of those present
     * or of the composition as the rules say (simple, two thirds, unanimous), the tie-break as the
     * rules say (the one presiding voted for = adopted, needs to know how the presiding member voted:
     * on a tie the presiding member is taken to have voted with the «for» side unless the decision
     * text says otherwise — see the implementation's javadoc).
     */
    public static Outcome outcome(Decision decision) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /** The protocol's due date: the meeting date plus the rules' deadline (working days with holidays). */
    public static Optional<LocalDate> protocolDue(Meeting meeting) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /** The meeting's state on {@code today}. */
    public static MeetingState state(Meeting meeting, LocalDate today) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /** Meetings held (status HELD) in {@code year} against the rules' minimum. */
    public static YearCount meetingsHeld(WorkingGroup group, int year) {
        throw new UnsupportedOperationException("h-wgcore");
    }

    /**
     * The plan items the meeting's protocol closes: {@code meeting.closedPlanItems}, and the plan
     * items of its agenda whose expected result is a protocol of the working group.
     */
    public static List<PlanItem> closedItems(Meeting meeting) {
        throw new UnsupportedOperationException("h-wgcore");
    }
}
