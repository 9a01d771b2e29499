package oko.ui.internal;

import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.application.ActionBarAdvisor;
import org.eclipse.ui.application.IActionBarConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import oko.cli.GlobalOptions;

/** Window size, bars, and a title naming the repository the window works on. */
public final class OkoWorkbenchWindowAdvisor extends WorkbenchWindowAdvisor {

    private final GlobalOptions options;

    public OkoWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer, GlobalOptions options) {
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
                oko.ui.RepositoryConnection.user()));
    }

    @Override
    public void postWindowOpen() {
        super.postWindowOpen();
        StartupProbe.reached("window");
    }
}
