package oko.ui.internal.help;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/** Help ▸ «Начало работы»: opens the getting started page beside the workbench window. */
public final class GettingStartedHandler extends AbstractHandler {

    /** The dialog opened last (for tests). */
    static GettingStartedDialog last;

    @Override
    public Object execute(ExecutionEvent event) {
        GettingStartedDialog dialog = new GettingStartedDialog(HandlerUtil.getActiveShell(event) != null ? HandlerUtil.getActiveShell(event)
                : org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell());
        dialog.open();
        last = dialog;
        return null;
    }

    /** The dialog opened last, or null. */
    public static GettingStartedDialog lastOpened() {
        return last;
    }
}
