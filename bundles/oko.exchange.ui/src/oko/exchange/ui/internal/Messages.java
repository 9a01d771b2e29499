package oko.exchange.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of File ▸ Import…; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String title;
    public static String noRepository;
    public static String choosePage;
    public static String chooseDescription;
    public static String kind;
    public static String kindModel;
    public static String kindMonitoring;
    public static String file;
    public static String browse;
    public static String system;
    public static String period;
    public static String periodFromFile;
    public static String createClusters;
    public static String replaceModels;
    public static String noFile;
    public static String noSuchFile;
    public static String wrongExtension;
    public static String noSystem;
    public static String previewPage;
    public static String previewDescription;
    public static String previewErrors;
    public static String previewErrorsBelow;
    public static String previewCounts;
    public static String previewCount;
    public static String previewNothing;
    public static String previewRows;
    public static String previewMessages;
    public static String preparing;
    public static String prepareFailed;
    public static String job;
    public static String comment;
    public static String failed;
    public static String done;
    public static String monitoringValues;
    public static String monitoringHeaderSchool;
    public static String monitoringHeaderPeriod;
    public static String monitoringHeaderMeasure;
    public static String monitoringHeaderValue;

    static {
        NLS.initializeMessages("oko.exchange.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
