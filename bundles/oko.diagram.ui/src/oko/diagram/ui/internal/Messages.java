package oko.diagram.ui.internal;

import org.eclipse.osgi.util.NLS;

/** Texts of the diagram editor; Russian in messages.properties, English in messages_en.properties. */
public final class Messages extends NLS {

    public static String editorTitle;
    public static String noDescription;
    public static String targetGone;
    public static String interpretFailed;
    public static String paletteTools;
    public static String paletteSelect;
    public static String paletteMarquee;
    public static String paletteCreate;
    public static String paletteConnect;
    public static String actionRename;
    public static String actionDelete;
    public static String actionHide;
    public static String actionUnpin;
    public static String actionShowHidden;
    public static String actionArrangeAll;
    public static String actionExportPng;
    public static String actionExportSvg;
    public static String actionZoomFit;
    public static String actionZoom100;
    public static String menuLayers;
    public static String menuFilters;
    public static String exportFailedTitle;
    public static String exportFailed;
    public static String reloadTitle;
    public static String reloadDone;
    public static String reloadProblems;
    public static String noDiagramTypes;
    public static String noDiagrams;
    public static String newDiagramComment;
    public static String newDiagramFailedTitle;
    public static String newDiagramFailed;
    public static String noRepository;

    static {
        NLS.initializeMessages("oko.diagram.ui.internal.messages", Messages.class);
    }

    private Messages() {
    }
}
