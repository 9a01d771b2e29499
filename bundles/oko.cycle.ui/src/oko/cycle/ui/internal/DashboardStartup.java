package oko.cycle.ui.internal;

import org.eclipse.core.runtime.ILog;
import org.eclipse.ui.IStartup;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import oko.ui.OkoWorkbenchAdvisor;

/**
 * Shows the home dashboard when the workbench has started, in the Methodologist perspective, when
 * no editor is open (so the editor area a methodologist sees first is not empty).
 */
public final class DashboardStartup implements IStartup {

    private static volatile boolean shownOnStart;

    /** Whether the dashboard was opened when the workbench started, as its active editor (for tests). */
    public static boolean shownOnStart() {
        return shownOnStart;
    }

    @Override
    public void earlyStartup() {
        IWorkbench workbench = PlatformUI.getWorkbench();
        workbench.getDisplay().asyncExec(() -> {
            IWorkbenchWindow window = workbench.getActiveWorkbenchWindow();
            if (window == null && workbench.getWorkbenchWindowCount() > 0) {
                window = workbench.getWorkbenchWindows()[0];
            }
            IWorkbenchPage page = window == null ? null : window.getActivePage();
            if (page == null || page.getPerspective() == null
                    || !OkoWorkbenchAdvisor.DEFAULT_PERSPECTIVE.equals(page.getPerspective().getId())
                    || page.getEditorReferences().length > 0) {
                return;
            }
            try {
                DashboardEditor.open(page);
                shownOnStart = page.getActiveEditor() instanceof DashboardEditor;
            } catch (PartInitException e) {
                ILog.of(DashboardStartup.class).log(e.getStatus());
            }
        });
    }
}
