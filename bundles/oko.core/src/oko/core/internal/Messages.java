package oko.core.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the core; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String formulaEmpty;
    public static String templateCreated;
    public static String formulaUnexpected;
    public static String formulaUnexpectedEnd;
    public static String formulaUnclosed;
    public static String formulaUnclosedBracket;
    public static String formulaEmptyReference;
    public static String formulaBadCharacter;
    public static String formulaUnknownFunction;
    public static String formulaArity;

    public static String valueMissingInput;
    public static String valueDivisionByZero;
    public static String valueShareOfZero;

    public static String deadlineNoReference;
    public static String calendarMissing;
    public static String calendarUnreadable;
    public static String calendarBadLine;

    public static String planNotStarted;
    public static String planInProgress;
    public static String planDone;
    public static String planOverdue;
    public static String planCancelled;

    public static String meetingNoQuorum;
    public static String meetingNoVotes;
    public static String meetingOfPresent;
    public static String meetingOfComposition;
    public static String meetingTwoThirds;
    public static String meetingNoTwoThirds;
    public static String meetingUnanimous;
    public static String meetingNotUnanimous;
    public static String meetingMajority;
    public static String meetingNoMajority;
    public static String meetingTieNoBreak;
    public static String meetingTieChairAbsent;
    public static String meetingTieFor;
    public static String meetingTieAgainst;
    public static String meetingTieNotRecorded;

    public static String rule_CYCLE_01;
    public static String rule_CYCLE_02;
    public static String rule_CYCLE_03;
    public static String rule_CYCLE_04;
    public static String rule_FUNC_01;
    public static String rule_FUNC_02;
    public static String rule_IND_01;
    public static String rule_IND_02;
    public static String rule_IND_03;
    public static String rule_IND_04;
    public static String rule_IND_05;
    public static String rule_IND_06;
    public static String rule_IND_07;
    public static String rule_PLAN_01;
    public static String rule_PLAN_02;
    public static String rule_WG_01;
    public static String rule_WG_02;
    public static String rule_WG_03;
    public static String rule_WG_04;
    public static String rule_WG_05;
    public static String rule_WG_06;
    public static String rule_WG_07;
    public static String rule_WG_08;
    public static String wgAdopted;
    public static String wgNotAdopted;
    public static String wgProtocolMissing;
    public static String wgProtocolLate;
    public static String wgPresidingNotMember;
    public static String wgPresidingAbsent;
    public static String dateFormat;
    public static String rule_DOC_01;
    public static String rule_REC_01;
    public static String rule_REC_02;
    public static String rule_REC_03;
    public static String rule_CODE_01;
    public static String rule_FUNC_03;
    public static String recUnknownName;
    public static String recNeedsIndicator;
    public static String recNeedsGroup;
    public static String rule_RISK_01;
    public static String rule_RISK_02;
    public static String rule_RISK_03;
    public static String rule_RISK_04;
    public static String riskIndexThreshold;
    public static String riskIndicatorShare;
    public static String riskWeightNoIndicator;
    public static String riskWeightOtherIndicator;
    public static String riskWeightNegative;

    public static String aggregationUnitsMunicipalities;
    public static String aggregationUnitsSchools;
    public static String aggregationMean;
    public static String aggregationMedian;
    public static String aggregationSum;
    public static String aggregationMin;
    public static String aggregationMax;
    public static String aggregationShare;
    public static String aggregationCount;
    public static String aggregationMissing;
    public static String aggregationNoCode;
    public static String aggregationUnknownCode;
    public static String aggregationSelf;
    public static String aggregationInSystem;
    public static String aggregationInSystemsBelow;
    public static String aggregationNoOrganisation;
    public static String aggregationNoThreshold;
    public static String aggregationFormulaIgnored;

    static {
        NLS.initializeMessages("oko.core.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
