package oko.core.internal.fixes;

import org.eclipse.osgi.util.NLS;

/** Texts of the quick fixes; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String fix_CYCLE_STAGES;
    public static String fix_DOC_LINK;
    public static String fix_DOC_LINK_value;
    public static String fix_DOC_LINK_empty;
    public static String fix_DOC_LINK_bad;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
