package oko.school.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the school module's views; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String schoolChoose;
    public static String schoolSystem;
    public static String schoolAddressed;
    public static String schoolValues;
    public static String schoolKind;
    public static String schoolNumber;
    public static String schoolText;
    public static String schoolPeriod;
    public static String schoolStatus;
    public static String schoolIndicator;
    public static String schoolValue;
    public static String schoolNone;
    public static String schoolRecommendation;
    public static String schoolMeasure;
    public static String schoolPlanItem;
    public static String schoolNoValue;

    static {
        NLS.initializeMessages("oko.school.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
