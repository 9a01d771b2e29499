package oko.monitoring.ui.internal;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;

/**
 * Bad input in the open: the summary and, right below it, every problem on its own line
 * («file, line N: reason»), in a read-only text the user can scroll, select and copy — not a
 * count behind a Details button.
 */
public final class ProblemsDialog extends MessageDialog {

    private final List<String> problems;
    private Text list;

    ProblemsDialog(Shell parent, String title, String summary, List<String> problems) {
        super(parent, title, null, summary, MessageDialog.ERROR, 0, Messages.close);
        this.problems = problems;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Opens the dialog over the active workbench window (UI thread). */
    static void open(String title, String summary, List<String> problems) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        new ProblemsDialog(window == null ? null : window.getShell(), title, summary, problems).open();
    }

    @Override
    protected Control createCustomArea(Composite parent) {
        // long lines wrap (the file name is long, the reason must stay readable); beyond 12 lines it scrolls
        list = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        list.setText(String.join("\n", problems));
        GC gc = new GC(list);
        int lineHeight = gc.getFontMetrics().getHeight();
        int charWidth = (int) Math.ceil(gc.getFontMetrics().getAverageCharacterWidth());
        gc.dispose();
        int width = 90 * charWidth;
        int height = Math.min(list.computeSize(width, SWT.DEFAULT).y, 12 * lineHeight + 8);
        GridDataFactory.fillDefaults().grab(true, true).indent(0, 4).hint(width, height).applyTo(list);
        return list;
    }

    /** The problems as shown, one per line (for tests). */
    public String problemsText() {
        return list == null || list.isDisposed() ? null : list.getText();
    }
}
