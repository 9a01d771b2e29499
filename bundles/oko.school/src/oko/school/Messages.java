package oko.school;

import org.eclipse.osgi.util.NLS;

/**
 * Texts of the self-assessment (the API package's own, so that it needs nothing from
 * {@code oko.school.internal}); Russian in messages.properties, English in messages_en.properties.
 */
final class Messages extends NLS {

    public static String selfAssessmentNoSchool;
    public static String selfAssessmentNoIndicators;

    static {
        NLS.initializeMessages("oko.school.messages", Messages.class);
    }

    private Messages() {
    }
}
