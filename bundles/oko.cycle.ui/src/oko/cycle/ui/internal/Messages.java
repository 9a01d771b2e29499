package oko.cycle.ui.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.eclipse.osgi.util.NLS;

import oko.cycle.CycleEvidence.AttentionKind;
import oko.cycle.CycleEvidence.CheckState;
import oko.model.StageKind;

/** Texts of the home dashboard; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String title;
    public static String system;
    public static String period;
    public static String connecting;
    public static String computing;
    public static String computeJob;
    public static String computed;
    public static String failed;
    public static String noSystem;
    public static String noPeriod;
    public static String noDirections;
    public static String columnDirection;
    public static String columnCycle;
    public static String stageGoals;
    public static String stageIndicators;
    public static String stageMonitoring;
    public static String stageAnalysis;
    public static String stageMeasures;
    public static String stageEffectiveness;
    public static String stateFull;
    public static String stateIncomplete;
    public static String stateNotDescribed;
    public static String score;
    public static String detailsHint;
    public static String details;
    public static String columnCheck;
    public static String columnTitle;
    public static String columnState;
    public static String columnReason;
    public static String checkMet;
    public static String checkPartly;
    public static String checkMissing;
    public static String evidence;
    public static String gap;
    public static String noChecks;
    public static String attentionTitle;
    public static String attentionNone;
    public static String columnWhat;
    public static String columnObject;
    public static String columnText;
    public static String columnDate;
    public static String attentionOverduePlanItem;
    public static String attentionOverdueMeasure;
    public static String attentionProtocolDue;
    public static String attentionProtocolOverdue;
    public static String attentionRecommendationWithoutMeasure;
    public static String attentionRunMissingData;
    public static String open;
    public static String noFixes;
    public static String fixesUnavailable;
    public static String fixFailedTitle;
    public static String fixFailed;
    public static String fixNothing;
    public static String objectGone;
    public static String undo;
    public static String redo;
    public static String datePattern;

    static {
        NLS.initializeMessages("oko.cycle.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }

    /** The stage's column title: Цели, Показатели, Мониторинг, Анализ и рекомендации, Меры и решения, Анализ эффективности. */
    static String stage(StageKind stage) {
        return switch (stage) {
            case GOALS -> stageGoals;
            case INDICATORS -> stageIndicators;
            case MONITORING -> stageMonitoring;
            case ANALYSIS -> stageAnalysis;
            case MEASURES -> stageMeasures;
            case EFFECTIVENESS -> stageEffectiveness;
        };
    }

    static String checkState(CheckState state) {
        return switch (state) {
            case MET -> checkMet;
            case PARTLY -> checkPartly;
            case MISSING -> checkMissing;
        };
    }

    static String attentionKind(AttentionKind kind) {
        return switch (kind) {
            case OVERDUE_PLAN_ITEM -> attentionOverduePlanItem;
            case OVERDUE_MEASURE -> attentionOverdueMeasure;
            case PROTOCOL_DUE -> attentionProtocolDue;
            case PROTOCOL_OVERDUE -> attentionProtocolOverdue;
            case RECOMMENDATION_WITHOUT_MEASURE -> attentionRecommendationWithoutMeasure;
            case RUN_MISSING_DATA -> attentionRunMissingData;
        };
    }

    static String date(LocalDate date) {
        return DateTimeFormatter.ofPattern(datePattern).format(date);
    }
}
