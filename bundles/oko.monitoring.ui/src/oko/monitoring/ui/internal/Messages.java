package oko.monitoring.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the monitoring UI; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String period;
    public static String system;
    public static String noData;
    public static String connecting;
    public static String columnSchool;
    public static String columnCluster;
    public static String columnRisk;
    public static String loadJob;
    public static String computeJob;
    public static String recommendJob;
    public static String importJob;
    public static String computeComment;
    public static String recommendComment;
    public static String importComment;
    public static String computeDone;
    public static String recommendDone;
    public static String importDone;
    public static String importTitle;
    public static String cancel;
    public static String importFailed;
    public static String failedTitle;
    public static String failed;
    public static String noPeriod;
    public static String noValue;
    // Issue 17, item 3
    public static String close;
    public static String importResultTitle;
    public static String importComputeNow;
    public static String importResult;
    public static String importLongForm;
    public static String importWideForm;
    public static String importChooseSystem;
    public static String importNoSystem;

    static {
        NLS.initializeMessages("oko.monitoring.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
