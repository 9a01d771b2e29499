package oko.diagram.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the diagram core; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String newElementName;
    public static String commandCreate;
    public static String commandUnpin;
    public static String commandBendpoints;
    public static String commandConnect;
    public static String commandDelete;
    public static String commandRename;
    public static String commandMove;
    public static String commandArrange;
    public static String commandHide;
    public static String commandShowHidden;
    public static String commandShowLayer;
    public static String commandHideLayer;
    public static String unknownCondition;
    public static String unknownQuery;
    public static String notADescriptionGroup;
    public static String formulaNone;
    public static String formulaUnreadable;
    public static String formulaReadable;
    public static String coverage;

    static {
        NLS.initializeMessages("oko.diagram.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
