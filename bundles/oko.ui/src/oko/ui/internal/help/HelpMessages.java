package oko.ui.internal.help;

import org.eclipse.osgi.util.NLS;

/** Texts of the Help menu's own pages; Russian in messages.properties, English in messages_en.properties. */
public final class HelpMessages extends NLS {

    public static String gettingStartedTitle;
    public static String gettingStartedMissing;

    static {
        NLS.initializeMessages("oko.ui.internal.help.messages", HelpMessages.class);
    }

    private HelpMessages() {
    }
}
