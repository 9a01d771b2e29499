package oko.ui.tests;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * Runs code on the workbench's UI thread from a test thread and hands back its result or failure;
 * waits on what the UI does asynchronously by its condition, with a timeout and a message, never
 * for a fixed time. Shared by the UI test bundles (exported to them).
 */
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

    /**
     * How long a test waits for what the UI does asynchronously unless it says otherwise: long, as
     * a wait that holds costs no more than the condition takes, and a loaded build machine is slow.
     */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** How often a condition is checked again while the UI thread runs its event loop. */
    private static final int POLL_MILLIS = 20;

    /**
     * Waits (up to {@link #TIMEOUT}) for a visible shell of that title, e.g. a dialog a job or a
     * command opens; null if none opened.
     */
    public static org.eclipse.swt.widgets.Shell waitForShell(String title) throws Exception {
        AtomicReference<org.eclipse.swt.widgets.Shell> found = new AtomicReference<>();
        try {
            waitUntil("a shell «" + title + "»", TIMEOUT, () -> {
                for (org.eclipse.swt.widgets.Shell shell : Display.getCurrent().getShells()) {
                    if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                        found.set(shell);
                        return true;
                    }
                }
                return false;
            });
        } catch (AssertionError none) {
            return null;
        }
        return found.get();
    }

    /**
     * Chooses {@code menu} ▸ {@code entry} in the active window's menu bar as a person does (the
     * menu shown first, so contributed entries are there; accelerators and mnemonics ignored) and
     * waits for the shell titled {@code title} that it opens. Must not be called on the UI thread.
     */
    public static org.eclipse.swt.widgets.Shell chooseFromMenu(String menu, String entry, String title) throws Exception {
        org.eclipse.swt.widgets.MenuItem item = call(() -> {
            org.eclipse.swt.widgets.Shell window = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            java.util.List<String> seen = new java.util.ArrayList<>();
            for (org.eclipse.swt.widgets.MenuItem top : window.getMenuBar().getItems()) {
                if (top.getText().replace("&", "").equals(menu)) {
                    org.eclipse.swt.widgets.Menu items = top.getMenu();
                    items.notifyListeners(org.eclipse.swt.SWT.Show, new org.eclipse.swt.widgets.Event());
                    for (org.eclipse.swt.widgets.MenuItem candidate : items.getItems()) {
                        String text = candidate.getText().replace("&", "").replaceAll("\t.*", "");
                        seen.add(text);
                        if (text.equals(entry)) {
                            return candidate;
                        }
                    }
                }
            }
            throw new AssertionError("no " + menu + " ▸ " + entry + " in " + seen);
        });
        run(() -> Display.getCurrent().asyncExec(
                () -> item.notifyListeners(org.eclipse.swt.SWT.Selection, new org.eclipse.swt.widgets.Event())));
        org.eclipse.swt.widgets.Shell shell = waitForShell(title);
        if (shell == null) {
            throw new AssertionError(menu + " ▸ " + entry + " opened no shell «" + title + "» within " + TIMEOUT);
        }
        return shell;
    }

    /** The texts of a menu's items, separators left out, without their accelerators. */
    public static java.util.List<String> menuTexts(org.eclipse.swt.widgets.Menu menu) throws Exception {
        return call(() -> {
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (org.eclipse.swt.widgets.MenuItem item : menu.getItems()) {
                if ((item.getStyle() & org.eclipse.swt.SWT.SEPARATOR) == 0) {
                    texts.add(item.getText().replaceAll("\t.*", ""));
                }
            }
            return texts;
        });
    }

    /** The item of a menu with that text (accelerator left out); fails naming the items there are. */
    public static org.eclipse.swt.widgets.MenuItem menuItem(org.eclipse.swt.widgets.Menu menu, String text)
            throws Exception {
        return call(() -> {
            for (org.eclipse.swt.widgets.MenuItem item : menu.getItems()) {
                if (item.getText().replaceAll("\t.*", "").equals(text)) {
                    return item;
                }
            }
            throw new AssertionError("no menu item «" + text + "» in " + menuTexts(menu));
        });
    }

    /** The dialog button with that id (its data, as JFace's dialogs set it) anywhere under the composite; null if none. */
    public static org.eclipse.swt.widgets.Button button(org.eclipse.swt.widgets.Composite composite, int id) {
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button b && Integer.valueOf(id).equals(b.getData())) {
                return b;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                org.eclipse.swt.widgets.Button found = button(inner, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Types into a cell as a person does: opens the cell editor of the element's column, sets the
     * text and presses Enter; then lets the UI process what that queued.
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
        drain();
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

    /**
     * Lets the UI thread process every event queued now (layout, paint, runnables posted with
     * asyncExec) and returns as soon as the queue is empty: for what a test needs done, not for
     * something that happens later (wait on its condition with {@link #waitUntil}).
     */
    public static void drain() throws Exception {
        run(() -> {
            Display display = Display.getCurrent();
            while (display.readAndDispatch()) {
                // drain
            }
        });
    }

    /** What a test waits for, checked on the UI thread. */
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** {@link #waitUntil(String, Duration, Condition)} with the usual {@link #TIMEOUT}. */
    public static void waitUntil(String what, Condition condition) throws Exception {
        waitUntil(what, TIMEOUT, condition);
    }

    /**
     * Waits until {@code condition} holds, at most {@code timeout}; fails naming {@code what} and
     * the timeout when it never does (with the condition's last failure, if it threw). The
     * condition is checked on the UI thread, which keeps processing its events in between: called
     * on the UI thread, this spins the event loop (readAndDispatch, sleeping until an event or a
     * timer wakes it); called from a test thread, the check is re-posted with a timer on the UI
     * thread's own loop and the test thread blocks until it holds.
     */
    public static void waitUntil(String what, Duration timeout, Condition condition) throws Exception {
        Display display = PlatformUI.getWorkbench().getDisplay();
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        if (Display.getCurrent() == display) {
            long end = System.nanoTime() + timeout.toNanos();
            boolean[] woken = new boolean[1];
            while (!check(condition, lastFailure)) {
                if (System.nanoTime() > end) {
                    throw timedOut(what, timeout, lastFailure.get());
                }
                woken[0] = false;
                display.timerExec(POLL_MILLIS, () -> woken[0] = true);
                while (!woken[0]) {
                    if (!display.readAndDispatch()) {
                        display.sleep();
                    }
                }
            }
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (done.isDone()) {
                return; // timed out meanwhile
            }
            long started = System.nanoTime();
            if (check(condition, lastFailure)) {
                done.complete(null);
            } else if (!display.isDisposed()) {
                // a costly check (one that opens a repository session) leaves the UI as much time again
                long took = (System.nanoTime() - started) / 1_000_000;
                display.timerExec((int) Math.max(POLL_MILLIS, Math.min(took, 500)), check[0]);
            }
        };
        display.asyncExec(check[0]);
        try {
            done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            done.cancel(false);
            throw timedOut(what, timeout, lastFailure.get());
        }
    }

    /** Waits until no job of {@code family} is waiting, sleeping or running (e.g. a view's refresh). */
    public static void waitForJobs(String what, Object family, Duration timeout) throws Exception {
        waitUntil(what + " (jobs of " + family + " finished)", timeout, () -> Job.getJobManager().find(family).length == 0);
    }

    private static boolean check(Condition condition, AtomicReference<Throwable> lastFailure) {
        try {
            return condition.holds();
        } catch (Exception | AssertionError e) {
            lastFailure.set(e); // not yet, perhaps: the timeout's message reports it
            return false;
        }
    }

    private static AssertionError timedOut(String what, Duration timeout, Throwable lastFailure) {
        return new AssertionError("waited " + timeout.toMillis() + " ms in vain for: " + what
                + (lastFailure == null ? "" : " (last check failed: " + lastFailure + ")"), lastFailure);
    }
}
