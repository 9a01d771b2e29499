package oko.core.internal.fixes;

import org.eclipse.osgi.util.NLS;

/** Texts of the quick fixes; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String fix_CYCLE_STAGES;
    public static String fix_DOC_LINK;
    public static String fix_DOC_LINK_value;
    public static String fix_DOC_LINK_empty;
    public static String fix_DOC_LINK_bad;
    public static String fix_GOAL;
    public static String fix_GOAL_name;
    public static String fix_GOAL_namePeriod;
    public static String fix_GOAL_INDICATOR;
    public static String fix_MONITORING_RUN;
    public static String fix_MONITORING_RUN_name;
    public static String fix_MEASURE;
    public static String fix_EFFECTIVENESS;
    public static String fix_EFFECTIVENESS_name;
    public static String fix_EFFECTIVENESS_namePeriod;

    static {
        NLS.initializeMessages(Messages.class.getPackageName() + ".messages", Messages.class);
    }

    private Messages() {
    }
}
