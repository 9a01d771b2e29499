package oko.cli.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the command line; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String unknownCommand;
    public static String helpHeader;
    public static String helpUsage;
    public static String helpCommands;
    public static String helpGlobalOptions;
    public static String helpOptionData;
    public static String helpOptionServer;
    public static String helpOptionNl;
    public static String helpExitCodes;
    public static String helpMore;
    public static String helpOptions;
    public static String helpExamples;
    public static String helpGlobal;

    static {
        NLS.initializeMessages("oko.cli.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
