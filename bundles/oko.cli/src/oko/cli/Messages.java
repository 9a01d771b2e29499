package oko.cli;

import org.eclipse.osgi.util.NLS;

/**
 * Texts of the dispatcher and of argument parsing (the API package's own, so that it needs nothing
 * from {@code oko.cli.internal}); Russian in messages.properties, English in messages_en.properties.
 */
final class Messages extends NLS {

    public static String unknownCommand;
    public static String unknownOption;
    public static String unknownCommandOption;
    public static String optionNeedsValue;
    public static String unexpectedArgument;
    public static String missingArgument;
    public static String badServer;
    public static String badDirectory;
    public static String seeHelp;
    public static String commandFailed;

    static {
        NLS.initializeMessages("oko.cli.messages", Messages.class);
    }

    private Messages() {
    }
}
