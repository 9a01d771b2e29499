package oko.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The report designer's layout: the repository (the data reports read) on the left, report
 * previews in the editor area; the report catalogue view (issue of the BIRT reports) is placed
 * in the left folder by its id when that bundle is present.
 */
public final class ReportsPerspective implements IPerspectiveFactory {

    public static final String ID = "oko.ui.perspective.reports";
    /** Contributed by the reports UI bundle. */
    public static final String CATALOGUE_VIEW = "oko.reports.ui.views.catalogue";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("oko.reports.left", IPageLayout.LEFT, 0.28f, editorArea);
        left.addPlaceholder(CATALOGUE_VIEW);
        left.addView("oko.ui.views.navigator");
        IFolderLayout bottom = layout.createFolder("oko.reports.bottom", IPageLayout.BOTTOM, 0.72f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addView("org.eclipse.pde.runtime.LogView");
        layout.addShowViewShortcut("oko.ui.views.navigator");
        layout.addPerspectiveShortcut(ID);
    }
}
