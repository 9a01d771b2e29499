package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;

import oko.model.QualitySystem;
import oko.ui.RepositoryConnection;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;

/** What the editor tests do alike: open a table on an object (or a system's RACI grid), save with a comment. */
final class Editors {

    /** The title of the dialog Save opens for the commit's comment. */
    static final String SAVE_DIALOG = "Сохранение в репозиторий";

    private Editors() {
    }

    /** Opens the table {@code table} on the object of that id in a table editor; waits until it shows its lines. */
    static TableEditor openTable(CDOID id, String table, String name) throws Exception {
        TableEditor editor = UiThread.call(() -> (TableEditor) PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getActivePage().openEditor(new ModelEditorInput(id, table, name), TableEditor.ID));
        UiThread.waitUntil("the table «" + name + "» shows its lines", () -> !editor.cellTexts().isEmpty());
        return editor;
    }

    /**
     * Opens the RACI grid ({@code oko.tables.raci}) of the sample's quality system with that code,
     * once the repository is connected; waits until it shows its lines.
     */
    static TableEditor openRaci(String systemCode, String name) throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID id = Sample.find(o -> o instanceof QualitySystem s && systemCode.equals(s.getCode()));
        return openTable(id, "oko.tables.raci", name);
    }

    /** File ▸ Save, run later on the UI thread: it opens a modal dialog the test then answers. */
    static void saveLater() {
        Display.getDefault().asyncExec(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.file.save",
                        null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** File ▸ Save, and the dialog it opens for the comment. */
    static Shell saveDialog() throws Exception {
        saveLater();
        Shell dialog = UiThread.waitForShell(SAVE_DIALOG);
        assertNotNull(dialog, "Save did not ask for a comment");
        return dialog;
    }

    /** Types the comment into the save dialog and presses its default button (OK). */
    static void comment(Shell dialog, String comment) throws Exception {
        UiThread.run(() -> {
            Text text = firstText(dialog);
            assertNotNull(text, "no comment field");
            text.setText(comment);
            dialog.getDefaultButton().notifyListeners(SWT.Selection, new Event());
        });
    }

    /** The first text field in the composite, depth first; null if there is none. */
    static Text firstText(Composite composite) {
        for (Control child : composite.getChildren()) {
            if (child instanceof Text text) {
                return text;
            }
            if (child instanceof Composite inner && firstText(inner) instanceof Text found) {
                return found;
            }
        }
        return null;
    }
}
