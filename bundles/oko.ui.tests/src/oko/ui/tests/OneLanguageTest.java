package oko.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.bindings.TriggerSequence;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

import oko.model.TechnologicalMap;
import oko.ui.RepositoryConnection;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;

/**
 * One language: in the Russian UI (the tests run with {@code -nl ru}) the platform's dialogs, the
 * Edit menu and the undo label are Russian (Oko's NL fragments and command labels), Ctrl+Y redoes,
 * Window ▸ Open Perspective offers the three perspectives with their icons, no Welcome view, and
 * Help ▸ «Начало работы» shows its page.
 */
class OneLanguageTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** A text as a person reads it: no mnemonic ampersand, no accelerator after the tab. */
    private static String plain(String text) {
        int tab = text.indexOf('\t');
        return (tab >= 0 ? text.substring(0, tab) : text).replace("&", "").strip();
    }

    private static void buttons(Composite composite, List<String> texts) {
        for (Control child : composite.getChildren()) {
            if (child instanceof Button button && (button.getStyle() & SWT.PUSH) != 0) {
                texts.add(plain(button.getText()));
            } else if (child instanceof Composite inner) {
                buttons(inner, texts);
            }
        }
    }

    /** Waits (up to UiThread.TIMEOUT) until the condition holds on the UI thread; fails naming what was awaited otherwise. */
    private static void waitUntil(Callable<Boolean> condition, String what) throws Exception {
        UiThread.waitUntil(what, () -> Boolean.TRUE.equals(condition.call()));
    }

    /** The drop-down menu of a main menu item (by its Russian title). */
    private static Menu topMenu(String title) {
        for (MenuItem top : window().getMenuBar().getItems()) {
            if (plain(top.getText()).equals(title)) {
                return top.getMenu();
            }
        }
        throw new AssertionError("no menu " + title);
    }

    /** The items of a main menu (by its Russian title), filled as when the user opens it. */
    private static List<String> menu(String title) throws Exception {
        return UiThread.call(() -> {
            for (MenuItem top : window().getMenuBar().getItems()) {
                if (plain(top.getText()).equals(title)) {
                    Menu menu = top.getMenu();
                    menu.notifyListeners(SWT.Show, new Event());
                    List<String> items = new ArrayList<>();
                    for (MenuItem item : menu.getItems()) {
                        if ((item.getStyle() & SWT.SEPARATOR) == 0) {
                            items.add(plain(item.getText()));
                        }
                    }
                    menu.notifyListeners(SWT.Hide, new Event());
                    return items;
                }
            }
            List<String> titles = new ArrayList<>();
            for (MenuItem top : window().getMenuBar().getItems()) {
                titles.add(plain(top.getText()));
            }
            throw new AssertionError("no menu " + title + " in " + titles);
        });
    }

    /** Opens a dialog later on the UI thread, as a job or command does, and returns its shell. */
    private static Shell openLater(Runnable open, String title) throws Exception {
        UiThread.run(() -> Display.getCurrent().asyncExec(open));
        Shell shell = UiThread.waitForShell(title);
        assertNotNull(shell, "no dialog «" + title + "»");
        return shell;
    }

    @Test
    void dialogsSpeakRussian() throws Exception {
        boolean automated = ErrorDialog.AUTOMATED_MODE;
        ErrorDialog.AUTOMATED_MODE = false; // a test harness may set it: the dialog must really open
        try {
            dialogs();
        } finally {
            ErrorDialog.AUTOMATED_MODE = automated;
        }
    }

    private static void dialogs() throws Exception {
        Shell error = openLater(() -> ErrorDialog.openError(window(), "Проверка ошибки", "Импорт не выполнен.",
                new MultiStatus("oko.ui.tests", 0, new IStatus[] {
                        new Status(IStatus.ERROR, "oko.ui.tests", "values.csv, строка 3: неизвестная школа ИШМ-99") },
                        "Найдены ошибки", null)), "Проверка ошибки");
        List<String> errorButtons = UiThread.call(() -> {
            List<String> texts = new ArrayList<>();
            buttons(error, texts);
            return texts;
        });
        // GTK puts the default button last
        assertEquals(Set.of("ОК", "Подробности >>"), new HashSet<>(errorButtons), errorButtons.toString());
        assertEquals(2, errorButtons.size(), errorButtons.toString());
        UiThread.call(() -> Screenshots.save(error, "one-language-error-dialog"));
        UiThread.run(error::close);

        Shell confirm = openLater(() -> MessageDialog.openConfirm(window(), "Проверка вопроса", "Продолжить?"),
                "Проверка вопроса");
        List<String> confirmButtons = UiThread.call(() -> {
            List<String> texts = new ArrayList<>();
            buttons(confirm, texts);
            return texts;
        });
        assertTrue(confirmButtons.containsAll(List.of("ОК", "Отмена")) && confirmButtons.size() == 2,
                confirmButtons.toString());
        UiThread.run(confirm::close);
    }

    @Test
    void editMenuUndoLabelAndCtrlY() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        List<String> edit = menu("Правка");
        assertTrue(edit.size() >= 4 && edit.get(0).startsWith("Отменить") && edit.get(1).startsWith("Повторить")
                && edit.containsAll(List.of("Удалить", "Выделить всё")), edit.toString());
        List<String> file = menu("Файл");
        assertTrue(file.containsAll(List.of("Сохранить", "Сохранить все", "Выход")), file.toString());
        List<String> window = menu("Окно");
        assertTrue(window.containsAll(List.of("Сбросить перспективу...", "Параметры...")), window.toString());

        CDOID mapId = find(o -> o instanceof TechnologicalMap map && map.getRows().size() == 6
                && map.getRows().get(0).getName() != null);
        String rowName = read(mapId, o -> ((TechnologicalMap) o).getRows().get(0).getName().strip());
        TableEditor editor = UiThread.call(() -> (TableEditor) page().openEditor(
                new ModelEditorInput(mapId, "oko.ui.tables.techMap", "Технологическая карта (язык)"), TableEditor.ID));
        waitUntil(() -> !editor.cellTexts().isEmpty(), "the technological map's rows in its editor");
        String original = UiThread.call(editor::cellTexts).get(0).get(2);
        String edited = "Проверка языка: " + System.nanoTime();
        UiThread.typeInCell(editor.viewer(), UiThread.call(() -> editor.viewer().getTree().getItem(0).getData()), 2,
                edited);
        String undo = menu("Правка").get(0);
        // the command is named after the feature (its name in oko.model.edit) and the row
        String prefix = "Отменить Изменить «Действия, необходимые для реализации компонента» — ";
        assertTrue(undo.startsWith(prefix), undo);
        assertTrue(undo.contains(rowName.substring(0, Math.min(12, rowName.length()))), undo + " names " + rowName);
        // what a person sees: F10 opens the first menu (Файл), → moves to Правка
        UiThread.run(() -> {
            window().forceActive();
            editor.viewer().getTree().setFocus();
        });
        waitUntil(() -> editor.viewer().getTree().isFocusControl(), "the editor's tree has the focus");
        UiThread.run(() -> key(Display.getCurrent(), SWT.F10, (char) 0));
        waitUntil(() -> topMenu("Файл").isVisible(), "F10 opens the menu «Файл»");
        UiThread.run(() -> key(Display.getCurrent(), SWT.ARROW_RIGHT, (char) 0));
        waitUntil(() -> topMenu("Правка").isVisible(), "→ opens the menu «Правка»");
        UiThread.call(() -> Screenshots.save(window(), "one-language-edit-menu"));
        UiThread.run(() -> key(Display.getCurrent(), SWT.ESC, (char) 0));
        waitUntil(() -> !topMenu("Правка").isVisible(), "Esc closes the menu «Правка»");
        UiThread.run(() -> key(Display.getCurrent(), SWT.ESC, (char) 0));
        UiThread.drain();

        // Ctrl+Y is bound to redo, and pressing it redoes
        List<String> redoKeys = UiThread.call(() -> {
            List<String> keys = new ArrayList<>();
            for (TriggerSequence sequence : PlatformUI.getWorkbench().getService(IBindingService.class)
                    .getActiveBindingsFor("org.eclipse.ui.edit.redo")) {
                keys.add(sequence.format());
            }
            return keys;
        });
        assertTrue(redoKeys.contains("Ctrl+Y"), redoKeys.toString());
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand("org.eclipse.ui.edit.undo", null));
        waitUntil(() -> editor.cellTexts().get(0).get(2).equals(original), "undo restores the cell");
        UiThread.run(() -> {
            window().forceActive();
            page().activate(editor);
            editor.viewer().getTree().setFocus();
        });
        waitUntil(() -> editor.viewer().getTree().isFocusControl(), "the editor's tree has the focus again");
        UiThread.run(() -> {
            Display display = Display.getCurrent();
            post(display, SWT.KeyDown, SWT.CTRL, (char) 0);
            post(display, SWT.KeyDown, 'y', 'y');
            post(display, SWT.KeyUp, 'y', 'y');
            post(display, SWT.KeyUp, SWT.CTRL, (char) 0);
        });
        waitUntil(() -> editor.cellTexts().get(0).get(2).equals(edited), "Ctrl+Y redoes the edit");

        UiThread.run(() -> page().closeEditor(editor, false));
    }

    private static void key(Display display, int keyCode, char character) {
        post(display, SWT.KeyDown, keyCode, character);
        post(display, SWT.KeyUp, keyCode, character);
    }

    private static void post(Display display, int type, int keyCode, char character) {
        Event event = new Event();
        event.type = type;
        event.keyCode = keyCode;
        event.character = character;
        display.post(event);
    }

    @Test
    void openPerspectiveListsTheThreePerspectivesWithTheirIcons() throws Exception {
        List<String> ids = List.of("oko.ui.perspective.methodologist", "oko.ui.perspective.reports",
                "oko.school.ui.perspective");
        Set<String> images = new HashSet<>();
        for (String id : ids) {
            IPerspectiveDescriptor perspective = UiThread.call(() -> PlatformUI.getWorkbench().getPerspectiveRegistry()
                    .findPerspectiveWithId(id));
            assertNotNull(perspective, id);
            ImageDescriptor image = perspective.getImageDescriptor();
            assertNotNull(image, id + " has an icon");
            String data = UiThread.call(() -> {
                var imageData = image.getImageData(100);
                assertNotNull(imageData, id + ": the icon loads");
                assertEquals(16, imageData.width, id);
                return java.util.Arrays.toString(imageData.data);
            });
            images.add(data);
        }
        assertEquals(3, images.size(), "each perspective has its own icon");
        // Window ▸ Open Perspective shows the perspective shortcuts of the open perspective
        for (String id : ids) {
            UiThread.run(() -> page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                    .findPerspectiveWithId(id)));
            waitUntil(() -> id.equals(page().getPerspective().getId()), "the perspective " + id + " shown");
            List<String> shortcuts = UiThread.call(() -> List.of(page().getPerspectiveShortcuts()));
            assertTrue(shortcuts.containsAll(ids), id + " offers " + shortcuts);
        }
        UiThread.run(() -> page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId("oko.ui.perspective.methodologist")));
        waitUntil(() -> "oko.ui.perspective.methodologist".equals(page().getPerspective().getId()),
                "the methodologist's perspective shown again");
        // the platform's empty Welcome view is hidden from Show View and Find Actions
        assertFalse(UiThread.call(() -> PlatformUI.getWorkbench().getActivitySupport().getActivityManager()
                .getIdentifier("org.eclipse.ui/org.eclipse.ui.internal.introview").isEnabled()), "no Welcome view");
    }

    @Test
    void helpOpensTheGettingStartedPage() throws Exception {
        List<String> help = menu("Справка");
        assertEquals("Начало работы", help.get(0), help.toString());
        Shell shell = openLater(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("oko.ui.gettingStarted", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "Начало работы с Oko");
        Browser browser = UiThread.call(() -> child(shell, Browser.class));
        assertNotNull(browser, "the page is shown in a browser");
        waitUntil(() -> {
            Object text = browser.evaluate("return document.readyState == 'complete' ? document.body.innerText : '';");
            return text instanceof String s && s.contains("Первые пять шагов") && s.contains("Где хранятся данные");
        }, "the page shows its sections");
        UiThread.call(() -> Screenshots.save(shell, "one-language-getting-started"));
        UiThread.run(shell::close);
    }

    private static <T> T child(Composite composite, Class<T> type) {
        for (Control child : composite.getChildren()) {
            if (type.isInstance(child)) {
                return type.cast(child);
            }
            if (child instanceof Composite inner) {
                T found = child(inner, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
