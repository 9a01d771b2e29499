package oko.monitoring;

import org.eclipse.osgi.util.NLS;

/** Texts of the monitoring engine; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String formulaBroken;
    public static String missingMeasure;
    public static String unknownIndicator;
    public static String indicatorCycle;
    public static String riskListName;
    public static String importNoColumn;
    public static String importUnknownMeasure;
    public static String importUnknownSchool;
    public static String importOtherPeriod;
    public static String importEmptyValue;
    public static String importBadNumber;
    public static String importDuplicate;
    public static String importBadCsv;
    public static String importBadXlsx;
    public static String importMonitoringName;
    public static String valueNotFinite;
    public static String valueNotCount;
    public static String valueNotFlag;
    public static String valueNotPercent;
    public static String valueNotCorrelation;
    public static String orgIsAuthority;
    public static String orgNotSchool;
    public static String orgOtherTerritory;
    public static String importBadValue;
    public static String importBadOrganisation;
    public static String importFormulaError;
    public static String importFormulaFailed;
    public static String importEncodingHint;
    public static String importUtf16;
    public static String importMoreProblems;
    public static String computeBadValue;
    public static String ruleConditionBroken;
    public static String ruleNoValues;
    public static String ruleNoRiskList;
    public static String effectNoData;
    public static String effectRow;
    public static String effectBetter;
    public static String effectNotBetter;

    // issue 18: monitoring data over several periods (the periods taken from the file)
    public static String importNoPeriodColumn;
    public static String importNoPeriod;
    public static String importUnknownPeriod;

    // issue 22: indicators aggregated from the level below (schools of a municipality, municipalities of a region)
    public static String aggregationNoIndicatorBelow;
    public static String aggregationNoThreshold;
    public static String aggregationNoValuesBelow;
    public static String aggregationNoIndicatorIn;
    public static String aggregationNoOrganisationOf;
    public static String aggregationNoDataOf;
    public static String aggregationComment;
    public static String regionComputed;

    static {
        NLS.initializeMessages("oko.monitoring.messages", Messages.class);
    }

    private Messages() {
    }
}
