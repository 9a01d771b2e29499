package oko.cycle.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the cycle evidence; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String stage_GOALS;
    public static String stage_INDICATORS;
    public static String stage_MONITORING;
    public static String stage_ANALYSIS;
    public static String stage_MEASURES;
    public static String stage_EFFECTIVENESS;
    public static String check_1_1;
    public static String check_1_2;
    public static String check_1_3;
    public static String check_1_4;
    public static String check_1_5;
    public static String check_2_1;
    public static String check_2_2;
    public static String check_2_3;
    public static String check_2_4;
    public static String check_2_5;
    public static String check_2_6;
    public static String check_2_7;
    public static String check_3_1;
    public static String check_3_2;
    public static String check_3_3;
    public static String check_3_4;
    public static String check_4_1;
    public static String check_4_2;
    public static String check_4_3;
    public static String check_4_4;
    public static String check_4_5;
    public static String check_4_6;
    public static String check_5_1;
    public static String check_5_2;
    public static String check_5_3;
    public static String check_5_4;
    public static String check_5_5;
    public static String check_5_6;
    public static String check_6_1;
    public static String check_6_2;
    public static String check_6_3;
    public static String met;
    public static String stageMissing;
    public static String stageDescribed;
    public static String noGoals;
    public static String goalsFound;
    public static String goalsWithoutIndicator;
    public static String goalsWithoutTarget;
    public static String goalsWithoutDeadline;
    public static String noIndicators;
    public static String indicatorsFound;
    public static String indicatorsWithoutCriteria;
    public static String indicatorsWithoutFormula;
    public static String indicatorsWithoutSource;
    public static String indicatorsWithoutMethod;
    public static String indicatorsWithoutResponsible;
    public static String noMonitoring;
    public static String monitoringsFound;
    public static String noRun;
    public static String runsFound;
    public static String coverage;
    public static String noSchools;
    public static String indicatorsNotComputed;
    public static String noIndicatorsMonitored;
    public static String noRiskLists;
    public static String riskListsFound;
    public static String noRecommendations;
    public static String recommendationsFound;
    public static String recommendationsNotAddressed;
    public static String recommendationsSent;
    public static String noMeasures;
    public static String measuresFound;
    public static String measuresWithoutDeadline;
    public static String measuresWithoutResponsible;
    public static String measuresWithoutResult;
    public static String noMeasuresDue;
    public static String measuresWithoutRecommendation;
    public static String noMeasureObjects;
    public static String effectivenessDocument;
    public static String measuresWithoutEffectiveness;
    public static String noEffectiveness;
    public static String noNextPeriod;
    public static String nothingChanged;
    public static String changedFor;
    public static String noPeriod;
    public static String attentionOverduePlanItem;
    public static String attentionOverdueMeasure;
    public static String attentionProtocolDue;
    public static String attentionProtocolOverdue;
    public static String attentionRecommendation;
    public static String attentionRun;
    public static String noDate;

    static {
        NLS.initializeMessages("oko.cycle.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
