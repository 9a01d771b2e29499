package oko.ui.tests;

import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/** Runs code on the workbench's UI thread from a test thread and hands back its result or failure. */
public final class UiThread {

    private UiThread() {
    }

    public static <T> T call(Callable<T> code) throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display.syncExec(() -> {
            try {
                result.set(code.call());
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        if (failure.get() instanceof Exception e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    public interface UiRunnable {
        void run() throws Exception;
    }

    public static void run(UiRunnable code) throws Exception {
        call(() -> {
            code.run();
            return null;
        });
    }

    /** Waits (up to 8 s) for a visible shell of that title, e.g. a dialog a job or a command opens; null if none. */
    public static org.eclipse.swt.widgets.Shell waitForShell(String title) throws Exception {
        for (int i = 0; i < 80; i++) {
            settle(100);
            org.eclipse.swt.widgets.Shell found = call(() -> {
                for (org.eclipse.swt.widgets.Shell shell : Display.getDefault().getShells()) {
                    if (shell.isVisible() && title.equals(shell.getText())) {
                        return shell;
                    }
                }
                return null;
            });
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /**
     * Types into a cell as a person does: opens the cell editor of the element's column, sets the
     * text and presses Enter; then lets the UI settle.
     */
    public static void typeInCell(org.eclipse.jface.viewers.ColumnViewer viewer, Object element, int column, String typed)
            throws Exception {
        run(() -> {
            viewer.editElement(element, column);
            org.eclipse.swt.widgets.Text text = null;
            for (org.eclipse.swt.widgets.Control child : ((org.eclipse.swt.widgets.Composite) viewer.getControl())
                    .getChildren()) {
                if (child instanceof org.eclipse.swt.widgets.Text t && !t.isDisposed()) {
                    text = t;
                }
            }
            org.junit.jupiter.api.Assertions.assertNotNull(text, "no cell editor in column " + column);
            text.setText(typed);
            text.notifyListeners(org.eclipse.swt.SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
        });
        settle(200);
    }

    /** The texts of the labels inside a composite (a dialog's message), one per line. */
    public static String labels(org.eclipse.swt.widgets.Composite composite) {
        StringBuilder text = new StringBuilder();
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Label label) {
                text.append(label.getText()).append('\n');
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                text.append(labels(inner));
            }
        }
        return text.toString();
    }

    /** Lets the UI thread process its queue for a while (layout, paint, async runnables). */
    public static void settle(long millis) throws Exception {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            run(() -> {
                Display display = Display.getCurrent();
                while (display.readAndDispatch()) {
                    // drain
                }
            });
            Thread.sleep(50);
        }
    }

    /** What a test waits for, checked on the UI thread. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /**
     * Waits until {@code condition} holds (checked on the UI thread, the UI processing its events
     * in between), at most {@code timeoutMillis}; fails naming {@code what} when it never does.
     */
    public static void waitUntil(String what, long timeoutMillis, Condition condition) throws Exception {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            if (call(condition::holds)) {
                return;
            }
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("waited " + timeoutMillis + " ms in vain for: " + what);
            }
            settle(50);
        }
    }
}
