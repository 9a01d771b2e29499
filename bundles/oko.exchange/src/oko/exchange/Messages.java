package oko.exchange;

import org.eclipse.osgi.util.NLS;

/** Texts of the imports and exports; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String reportAtFile;
    public static String reportAtRow;
    public static String reportAtCell;
    public static String reportMoreErrors;
    public static String reportCount;
    public static String contributionBroken;
    public static String noSuchSystem;
    public static String noSystem;
    public static String chooseSystem;
    public static String notWithErrors;

    static {
        NLS.initializeMessages("oko.exchange.messages", Messages.class);
    }

    private Messages() {
    }
}
