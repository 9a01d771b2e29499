package oko.publish.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of File ▸ Publish…; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String title;
    public static String message;
    public static String noRepository;
    public static String noSystems;
    public static String folder;
    public static String browse;
    public static String chooseFolder;
    public static String system;
    public static String period;
    public static String periodLatest;
    public static String baseUrl;
    public static String baseUrlHint;
    public static String reports;
    public static String publish;
    public static String noFolder;
    public static String notFolder;
    public static String badBaseUrl;
    public static String noSystem;
    public static String job;
    public static String comment;
    public static String failed;
    public static String systemGone;
    public static String done;
    public static String doneLinks;

    static {
        NLS.initializeMessages("oko.publish.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
