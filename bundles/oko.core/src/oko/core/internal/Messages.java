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
    public static String rule_PLAN_01;
    public static String rule_PLAN_02;
    public static String rule_WG_01;
    public static String rule_WG_02;
    public static String rule_DOC_01;
    public static String rule_REC_01;
    public static String rule_REC_02;
    public static String rule_REC_03;
    public static String rule_CODE_01;
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

    static {
        NLS.initializeMessages("oko.core.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
