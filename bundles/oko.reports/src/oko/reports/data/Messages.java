package oko.reports.data;

import org.eclipse.osgi.util.NLS;

/** Texts of the report data sets; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String allSchools;
    public static String cluster;
    public static String noCluster;
    public static String statistics;
    public static String parameterMissing;
    public static String noSystemToReport;
    public static String noSuchSystem;
    public static String noSchoolSystem;
    public static String noSuchSchoolSystem;
    public static String doneOn;
    // the self-analysis report (CycleRows and its data sets)
    public static String cycleFull;
    public static String cycleIncomplete;
    public static String cycleNotDescribed;
    public static String cycleIncompleteStages;
    public static String cycleDirectionTitle;
    public static String cycleStageTitle;
    public static String cycleNoGaps;
    public static String cycleNoDocuments;
    public static String cycleMoreObjects;
    public static String cycleTotals;
    public static String raciTooManyRoles;
    public static String raciNoTable;

    static {
        NLS.initializeMessages("oko.reports.data.messages", Messages.class);
    }

    private Messages() {
    }
}
