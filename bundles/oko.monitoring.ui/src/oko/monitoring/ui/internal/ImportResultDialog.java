package oko.monitoring.ui.internal;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * After an import: how many values were stored (and replaced), in which form and encoding the
 * file was read, into which system, period and runs; offers to compute the period's indicators
 * again at once.
 */
public final class ImportResultDialog extends MessageDialog {

    /** The index of the «compute indicators» button. */
    public static final int COMPUTE = 0;

    ImportResultDialog(Shell parent, String summary) {
        super(parent, Messages.importResultTitle, null, summary, MessageDialog.INFORMATION, COMPUTE,
                Messages.importComputeNow, Messages.close);
    }

    /** Opens the dialog over the active workbench window and runs {@code recompute} when asked (UI thread). */
    static void open(String summary, Runnable recompute) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (new ImportResultDialog(window == null ? null : window.getShell(), summary).open() == COMPUTE
                && recompute != null) {
            recompute.run();
        }
    }
}
