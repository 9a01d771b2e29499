package oko.ui;

import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;

import oko.cli.GlobalOptions;

/** The Oko workbench: opens in the Methodologist perspective and remembers the layout between runs. */
public final class OkoWorkbenchAdvisor extends WorkbenchAdvisor {

    /** The perspective a new workbench opens with. */
    public static final String DEFAULT_PERSPECTIVE = "oko.ui.perspective.methodologist";

    private final GlobalOptions options;

    public OkoWorkbenchAdvisor(GlobalOptions options) {
        this.options = options;
    }

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        super.initialize(configurer);
        configurer.setSaveAndRestore(true);
    }

    /**
     * The embedded repository opens in the background while the window is being made, so the
     * navigator fills as soon as the window is there; a server's login needs the window first.
     */
    @Override
    public void preStartup() {
        super.preStartup();
        if (options.server().isEmpty()) {
            RepositoryConnection.connect(options);
        }
    }

    @Override
    public void postStartup() {
        super.postStartup();
        if (options.server().isPresent()) {
            RepositoryConnection.connect(options);
        }
    }

    @Override
    public void postShutdown() {
        RepositoryConnection.close();
        super.postShutdown();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return DEFAULT_PERSPECTIVE;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new OkoWorkbenchWindowAdvisor(configurer, options);
    }

    public GlobalOptions options() {
        return options;
    }
}
