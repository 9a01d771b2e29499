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
    public static String selfAssessment;
    public static String selfAssessmentStart;
    public static String selfAssessmentAssessed;
    public static String selfAssessmentAssessedOf;
    public static String selfAssessmentNoSystem;
    public static String selfAssessmentNoValues;
    public static String selfAssessmentHint;
    public static String selfAssessmentStarted;
    public static String selfAssessmentFailed;
    public static String selfAssessmentMunicipal;
    public static String selfAssessmentNoMunicipal;
    public static String selfAssessmentOwn;
    public static String selfAssessmentDifference;
    public static String selfAssessmentComment;
    public static String selfAssessmentDescription;
    public static String selfAssessmentNotANumber;

    static {
        NLS.initializeMessages("oko.school.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
