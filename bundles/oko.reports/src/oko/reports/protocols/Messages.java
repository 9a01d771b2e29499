package oko.reports.protocols;

import org.eclipse.osgi.util.NLS;

/** Texts of the protocols; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String unknownDataSet;
    public static String noMeeting;
    public static String meetingNotFound;
    public static String meetingAmbiguous;
    public static String notInGroup;
    public static String notInSystem;
    public static String notInTransaction;
    public static String fileName;
    public static String documentName;
    public static String renderFailed;

    static {
        NLS.initializeMessages("oko.reports.protocols.messages", Messages.class);
    }

    private Messages() {
    }
}
