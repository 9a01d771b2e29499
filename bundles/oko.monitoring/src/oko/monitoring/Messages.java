package oko.monitoring;

import org.eclipse.osgi.util.NLS;

/** Texts of the monitoring engine; Russian in messages.properties, English in messages_en.properties. */
final class Messages extends NLS {

    public static String formulaBroken;
    public static String missingMeasure;
    public static String unknownIndicator;
    public static String indicatorCycle;
    public static String riskListName;

    static {
        NLS.initializeMessages("oko.monitoring.messages", Messages.class);
    }

    private Messages() {
    }
}
