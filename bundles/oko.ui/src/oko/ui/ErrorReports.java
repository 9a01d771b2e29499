package oko.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * How a background job reports a failure or bad input: the status goes to the Error Log (with
 * the bundle of {@code origin}) and, on the UI thread, to an error dialog with its details.
 */
public final class ErrorReports {

    private ErrorReports() {
    }

    /** Logs the status and shows it in a dialog titled {@code title}; callable from any thread. */
    public static void show(Class<?> origin, String title, IStatus status) {
        ILog.of(origin).log(status);
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        PlatformUI.getWorkbench().getDisplay().asyncExec(() -> {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            Shell shell = window == null ? null : window.getShell();
            ErrorDialog.openError(shell, title, null, status);
        });
    }
}
