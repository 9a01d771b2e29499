package oko.school.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the school module's rules; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String noSchool;
    public static String notASchool;
    public static String selfAssessmentUnexplained;

    static {
        NLS.initializeMessages("oko.school.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
