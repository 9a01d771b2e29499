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
}
