package oko.table.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the table interpreter; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String unknownValue;
    public static String unknownQuery;
    public static String unknownCondition;
    public static String unknownClass;
    public static String unknownFeature;
    public static String noFeature;
    public static String notATableGroup;
    public static String commandSetCell;
    public static String commandClearCell;
    public static String duplicateId;

    static {
        NLS.initializeMessages("oko.table.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
