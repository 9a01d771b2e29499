package oko.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The methodologist's default layout: the repository navigator on the left (contributed by the
 * repository UI when present), editors and diagrams in the middle, properties, problems and the
 * error log below, with the working groups' meetings («Рабочая группа»).
 */
public final class MethodologistPerspective implements IPerspectiveFactory {

    public static final String ID = "oko.ui.perspective.methodologist";
    /** Views that later bundles contribute are placed here by id, so the layout is stable. */
    public static final String NAVIGATOR_VIEW = "oko.ui.views.navigator";
    public static final String PROBLEMS_VIEW = "oko.ui.views.problems";
    public static final String HISTORY_VIEW = "oko.ui.views.history";
    /** «Рабочая группа»: the working groups' meetings and their protocols. */
    public static final String WORKING_GROUP_VIEW = "oko.ui.views.workingGroup";
    public static final String ERROR_LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);

        IFolderLayout left = layout.createFolder("oko.left", IPageLayout.LEFT, 0.25f, editorArea);
        left.addView(NAVIGATOR_VIEW);
        left.addView(IPageLayout.ID_OUTLINE);

        IFolderLayout bottom = layout.createFolder("oko.bottom", IPageLayout.BOTTOM, 0.68f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView(WORKING_GROUP_VIEW);
        bottom.addPlaceholder(PROBLEMS_VIEW);
        bottom.addPlaceholder(HISTORY_VIEW);
        bottom.addView(ERROR_LOG_VIEW);
        bottom.addPlaceholder(IPageLayout.ID_PROGRESS_VIEW);

        layout.addShowViewShortcut(NAVIGATOR_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addShowViewShortcut(IPageLayout.ID_OUTLINE);
        layout.addShowViewShortcut(ERROR_LOG_VIEW);
        layout.addShowViewShortcut(HISTORY_VIEW);
        layout.addShowViewShortcut(WORKING_GROUP_VIEW);
        layout.addShowViewShortcut(IPageLayout.ID_PROGRESS_VIEW);
        layout.addPerspectiveShortcut(ID);
    }
}
