package oko.reports;

import org.eclipse.osgi.util.NLS;

/** Texts of the report engine; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String outputFailed;
    public static String outputAccessDenied;
    public static String outputNoFolder;
    public static String outputNotFolder;

    static {
        NLS.initializeMessages("oko.reports.messages", Messages.class);
    }

    private Messages() {
    }
}
