package oko.ui.internal.meetings;

import org.eclipse.osgi.util.NLS;

/** Texts of the meeting editor and the working group view; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String editorTitle;
    public static String notAMeeting;
    public static String notComputed;
    public static String quorumReached;
    public static String quorumNotReached;
    public static String statePlanned;
    public static String stateDatePassed;
    public static String stateProtocolDue;
    public static String stateProtocolOverdue;
    public static String stateProtocolDone;
    public static String stateCancelled;
    public static String noDate;
    public static String protocolNotStored;
    public static String protocolStored;
    public static String protocolLine;
    public static String presidingNone;
    public static String presidingLine;
    public static String header;
    public static String number;
    public static String date;
    public static String dateHint;
    public static String place;
    public static String form;
    public static String status;
    public static String presiding;
    public static String presidingDefault;
    public static String secretary;
    public static String noSecretary;
    public static String badDate;
    public static String computed;
    public static String quorum;
    public static String presidingNow;
    public static String protocol;
    public static String attendance;
    public static String member;
    public static String role;
    public static String mode;
    public static String notRecorded;
    public static String note;
    public static String recordAttendance;
    public static String invited;
    public static String noneInvited;
    public static String change;
    public static String agenda;
    public static String colNumber;
    public static String colQuestion;
    public static String colHeard;
    public static String colDiscussion;
    public static String colFor;
    public static String colAgainst;
    public static String colAbstained;
    public static String colPresidingVote;
    public static String colDissenting;
    public static String colOutcome;
    public static String adopted;
    public static String notAdopted;
    public static String addItem;
    public static String addDecision;
    public static String delete;
    public static String chooseItemFirst;
    public static String badCount;
    public static String recordVotes;
    public static String newItem;
    public static String newDecision;
    public static String viewGroup;
    public static String viewDate;
    public static String viewState;
    public static String viewPlace;
    public static String viewQuorum;
    public static String heldLine;
    public static String heldEnough;
    public static String heldTooFew;
    public static String viewConnecting;
    public static String viewNoGroups;
    public static String openFailed;

    static {
        NLS.initializeMessages("oko.ui.internal.meetings.messages", Messages.class);
    }

    private Messages() {
    }
}
