package oko.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the workbench frame; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String windowTitle;
    public static String connecting;
    public static String navigatorFilter;
    public static String loadingSample;
    public static String sampleLoaded;
    public static String connectFailed;
    public static String connectFailedTitle;
    public static String menuFile;
    public static String menuEdit;
    public static String menuWindow;
    public static String menuOpenPerspective;
    public static String menuShowView;
    public static String menuHelp;

    static {
        NLS.initializeMessages("oko.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
