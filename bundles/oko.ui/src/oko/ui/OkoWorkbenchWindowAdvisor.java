package oko.ui;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import oko.cli.GlobalOptions;
import oko.ui.internal.Messages;
import oko.ui.internal.OkoActionBarAdvisor;
import oko.ui.internal.StartupProbe;

/** Window size, bars, and a title naming the repository the window works on (created by {@link OkoWorkbenchAdvisor}). */
final class OkoWorkbenchWindowAdvisor extends WorkbenchWindowAdvisor {

    private final GlobalOptions options;

    OkoWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer, GlobalOptions options) {
        super(configurer);
        this.options = options;
    }

    @Override
    public ActionBarAdvisor createActionBarAdvisor(IActionBarConfigurer configurer) {
        return new OkoActionBarAdvisor(configurer);
    }

    @Override
    public void preWindowOpen() {
        IWorkbenchWindowConfigurer configurer = getWindowConfigurer();
        configurer.setInitialSize(new Point(1280, 860));
        configurer.setShowCoolBar(true);
        configurer.setShowStatusLine(true);
        configurer.setShowPerspectiveBar(true);
        configurer.setShowProgressIndicator(true);
        configurer.setTitle(Messages.bind(Messages.windowTitle, options.repositoryLabel(),
                RepositoryConnection.user()));
    }

    /**
     * Oko's editors work on transactions of the repository, which opens only after the window:
     * they cannot be restored from the last session (the workbench would show empty tabs, «No
     * editor descriptor for id …emptyEditorTab», after a crash or a normal exit alike). The layout
     * of views and perspectives is restored; the editors of the last session are closed.
     */
    @Override
    public void postWindowRestore() throws org.eclipse.ui.WorkbenchException {
        super.postWindowRestore();
        for (org.eclipse.ui.IWorkbenchPage page : getWindowConfigurer().getWindow().getPages()) {
            page.closeEditors(page.getEditorReferences(), false);
        }
    }

    @Override
    public void postWindowOpen() {
        super.postWindowOpen();
        StartupProbe.reached("window");
    }
}
