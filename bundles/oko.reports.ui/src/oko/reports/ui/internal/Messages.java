package oko.reports.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the reports view; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String columnReport;
    public static String columnOrigin;
    public static String run;
    public static String saveAs;
    public static String refresh;
    public static String runJob;
    public static String runFailedTitle;
    public static String runFailed;
    public static String noRepository;
    public static String parameterTitle;
    public static String parameterMessage;
    public static String parameterMissing;
    public static String saved;
    public static String protocolTitle;
    public static String protocolChooseMeeting;
    public static String protocolJob;
    public static String protocolRendering;
    public static String protocolCommitting;
    public static String protocolComment;
    public static String protocolNotAMeeting;
    public static String protocolFailedTitle;
    public static String protocolFailed;
    public static String protocolOpenFailed;

    static {
        NLS.initializeMessages("oko.reports.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
