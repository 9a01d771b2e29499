package oko.school.ui.internal;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * The school administrator's layout: their school (its ВСОКО, what is addressed to it, its
 * indicator values) on the left, editors in the middle, properties below. No repository
 * navigator: other schools are not shown.
 */
public final class SchoolAdministratorPerspective implements IPerspectiveFactory {

    public static final String ID = "oko.school.ui.perspective";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        String editorArea = layout.getEditorArea();
        layout.setEditorAreaVisible(true);
        IFolderLayout left = layout.createFolder("oko.school.left", IPageLayout.LEFT, 0.42f, editorArea);
        left.addView(SchoolView.ID);
        IFolderLayout bottom = layout.createFolder("oko.school.bottom", IPageLayout.BOTTOM, 0.7f, editorArea);
        bottom.addView(IPageLayout.ID_PROP_SHEET);
        bottom.addPlaceholder("org.eclipse.pde.runtime.LogView");
        layout.addShowViewShortcut(SchoolView.ID);
        layout.addShowViewShortcut(IPageLayout.ID_PROP_SHEET);
        layout.addPerspectiveShortcut(ID);
    }
}
