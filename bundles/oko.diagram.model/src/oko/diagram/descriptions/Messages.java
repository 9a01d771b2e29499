package oko.diagram.descriptions;

import org.eclipse.osgi.util.NLS;

/** Texts of the description checker; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String checkNoId;
    public static String checkIdTwice;
    public static String checkUnknownClass;
    public static String checkNoLayer;
    public static String checkEdgeEnds;
    public static String checkNoCandidates;
    public static String checkNoReference;
    public static String checkPathGives;
    public static String checkLabelNoReference;
    public static String checkLabelNoFeature;
    public static String checkNoContainment;
    public static String checkInitialisation;
    public static String checkHolds;

    static {
        NLS.initializeMessages("oko.diagram.descriptions.messages", Messages.class);
    }

    private Messages() {
    }
}
