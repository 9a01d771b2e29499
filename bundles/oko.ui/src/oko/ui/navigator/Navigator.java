package oko.ui.navigator;

import java.util.Optional;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPart;

/**
 * The repository navigator view (quality systems, their contents and the registers), as other
 * bundles see it: its view id, to listen to its selection or contribute to its context menu
 * ({@code popup:oko.ui.views.navigator}), and selecting an object in it.
 */
public interface Navigator {

    /** The navigator view's id, also the id of its context menu. */
    String ID = "oko.ui.views.navigator";

    /**
     * Selects and reveals the object of that id, clearing the filter if it hides it; does nothing
     * when the object no longer exists or the repository is not open.
     *
     * @param id the CDO id of a model object of the repository
     */
    void select(CDOID id);

    /**
     * Selects and reveals the objects of those ids once the navigator has caught up with the commit
     * of that time (an import's result, whose objects may not be in the tree yet). Callable on the
     * UI thread; does not block it.
     *
     * @param commitTime the time stamp of the commit that stored the objects
     * @param ids the CDO ids of the objects to select
     */
    void select(long commitTime, java.util.List<CDOID> ids);

    /**
     * Opens a model object as the navigator does on a double click, through
     * {@link oko.ui.editors.ObjectEditors#open}: the editor contributed for its type, else the first
     * contributed table that opens it, else its form editor. The editor works on its own transaction; the object is only read here.
     *
     * @param page   the workbench page to open the editor in
     * @param object a model object of the repository (in any CDO view)
     * @return the editor opened or brought to the front
     * @throws org.eclipse.ui.PartInitException when the editor cannot be opened
     */
    static org.eclipse.ui.IEditorPart open(IWorkbenchPage page, org.eclipse.emf.ecore.EObject object)
            throws org.eclipse.ui.PartInitException {
        return oko.ui.editors.ObjectEditors.open(page, object);
    }

    /**
     * The navigator if it is open on the page (it is not created for this).
     *
     * @param page a workbench page
     * @return the navigator of the page, or empty when the view is closed
     */
    static Optional<Navigator> find(IWorkbenchPage page) {
        return page.findView(ID) instanceof Navigator navigator ? Optional.of(navigator) : Optional.empty();
    }

    /**
     * Whether a workbench part is the navigator, e.g. the source of a selection.
     *
     * @param part a workbench part, may be {@code null}
     * @return {@code true} when the part is the repository navigator view
     */
    static boolean is(IWorkbenchPart part) {
        return part instanceof Navigator;
    }
}
