package oko.ui.internal.meetings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;

import oko.core.meetings.MeetingRules;
import oko.model.Meeting;
import oko.model.Membership;
import oko.model.edit.ModelLabels;

/**
 * How the meeting editor and the working group view show meetings: dates, members, the computed
 * quorum, outcome and protocol state ({@link MeetingRules}), each computed safely (a failure of the
 * rules shows as a short note and is logged, the editor stays usable).
 */
final class MeetingTexts {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private MeetingTexts() {
    }

    static LocalDate local(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    static Date date(LocalDate date) {
        return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    static String date(Date date) {
        return date == null ? "" : local(date).format(DATE);
    }

    static String member(Membership membership) {
        if (membership == null) {
            return "";
        }
        String person = membership.getPerson() == null ? "" : ModelLabels.name(membership.getPerson());
        return person.isEmpty() ? ModelLabels.label(membership) : person;
    }

    static String role(Membership membership) {
        return membership == null ? "" : ModelLabels.literal(membership.getRole());
    }

    /** A computed text, or a note that it could not be computed (logged once per failure). */
    static String computed(Supplier<String> text) {
        try {
            return text.get();
        } catch (RuntimeException e) {
            ILog.of(MeetingTexts.class).warn("Meeting rules failed: " + e, e);
            return Messages.bind(Messages.notComputed, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static String quorum(Meeting meeting) {
        return computed(() -> {
            MeetingRules.Quorum quorum = MeetingRules.quorum(meeting);
            return Messages.bind(quorum.reached() ? Messages.quorumReached : Messages.quorumNotReached,
                    new Object[] { quorum.present(), quorum.members(), quorum.required() });
        });
    }

    static String state(MeetingRules.MeetingState state) {
        return switch (state) {
        case PLANNED -> Messages.statePlanned;
        case DATE_PASSED -> Messages.stateDatePassed;
        case PROTOCOL_DUE -> Messages.stateProtocolDue;
        case PROTOCOL_OVERDUE -> Messages.stateProtocolOverdue;
        case PROTOCOL_DONE -> Messages.stateProtocolDone;
        case CANCELLED -> Messages.stateCancelled;
        };
    }

    static String state(Meeting meeting, LocalDate today) {
        return computed(() -> state(MeetingRules.state(meeting, today)));
    }

    static String protocol(Meeting meeting, LocalDate today) {
        return computed(() -> {
            String due = MeetingRules.protocolDue(meeting).map(d -> d.format(DATE)).orElse(Messages.noDate);
            String stored = meeting.getProtocol() == null ? Messages.protocolNotStored
                    : Messages.bind(Messages.protocolStored, ModelLabels.label(meeting.getProtocol()));
            return Messages.bind(Messages.protocolLine, new Object[] { due, state(MeetingRules.state(meeting, today)), stored });
        });
    }

    static String presiding(Meeting meeting) {
        return computed(() -> {
            Membership presiding = MeetingRules.presiding(meeting);
            return presiding == null ? Messages.presidingNone
                    : Messages.bind(Messages.presidingLine, member(presiding), role(presiding));
        });
    }
}
