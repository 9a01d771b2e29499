package oko.app;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

import oko.cli.GlobalOptions;
import oko.ui.OkoWorkbenchAdvisor;

/** Starts the workbench. Kept apart from {@link OkoApplication} so headless commands never load SWT. */
final class WorkbenchLauncher {

    private WorkbenchLauncher() {
    }

    static Object run(GlobalOptions options) {
        Display.setAppName("Oko");
        Display display = PlatformUI.createDisplay();
        try {
            int code = PlatformUI.createAndRunWorkbench(display, new OkoWorkbenchAdvisor(options));
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    static void close() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
