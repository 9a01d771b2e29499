package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFixes;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.ui.internal.DashboardEditor;
import oko.cycle.ui.internal.DashboardStartup;
import oko.cycle.ui.internal.Snapshot;
import oko.cycle.ui.internal.Snapshot.Cell;
import oko.cycle.ui.internal.Snapshot.CheckRow;
import oko.cycle.ui.internal.Snapshot.Item;
import oko.cycle.ui.internal.Snapshot.Row;
import oko.ui.RepositoryConnection;

/**
 * The home dashboard «Главная» on the sample, as a methodologist meets it: shown first when the
 * workbench starts, the matrix directions × stages of the МСОКО of Ишимбайский район (direction 1.2
 * described with scores, the others «Не описан»); a click on a cell lists its checks; a double
 * click on a gap opens its editor; a quick fix applied on a gap changes the cell (and Undo brings
 * it back).
 */
class DashboardTest {

    private static final Duration COMPUTED = Duration.ofSeconds(60);

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @Test
    void theDashboardShowsTheCyclesOfTheSampleAndItsCellsLeadToTheGapsAndTheirFixes() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        // opened by the startup hook as the active editor, before any other editor
        UiThread.waitUntil("the dashboard shown on start", () -> DashboardStartup.shownOnStart());
        // «Главная» (Model menu, toolbar) brings it to the front again, whatever a test before closed
        DashboardEditor editor = UiThread.call(() -> {
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("oko.cycle.ui.home", null);
            IEditorPart active = page().getActiveEditor();
            assertTrue(active instanceof DashboardEditor, "the active editor is " + active);
            assertEquals("Главная", active.getTitle());
            return (DashboardEditor) active;
        });
        UiThread.waitUntil("the dashboard computed the sample's matrix", COMPUTED,
                () -> {
                    Snapshot shown = editor.snapshot();
                    assertNull(shown == null ? null : shown.error(), "the dashboard's error");
                    return shown != null && !shown.rows().isEmpty();
                });
        Snapshot snapshot = UiThread.call(editor::snapshot);
        assertNull(snapshot.error());
        assertEquals("МСОКО МР Ишимбайский район",
                snapshot.systems().stream().filter(c -> c.id().equals(snapshot.system())).findFirst().orElseThrow()
                        .label());

        // direction 1.2 is described (six cells with scores), the others are not
        Row described = null;
        for (Row row : snapshot.rows()) {
            assertEquals(6, row.cells().size(), row.label());
            if (row.label().startsWith("1.2 ")) {
                described = row;
                assertNotEquals(CycleState.NOT_DESCRIBED, row.state(), row.label());
                assertTrue(row.stateText().equals("Полный цикл") || row.stateText().startsWith("Неполный цикл: "),
                        row.stateText());
                row.cells().forEach(c -> assertTrue(c.described(), row.label() + " " + c.stage()));
            } else {
                assertEquals(CycleState.NOT_DESCRIBED, row.state(), row.label());
                assertEquals("Не описан", row.stateText(), row.label());
            }
        }
        assertNotNull(described, "no direction 1.2 in " + snapshot.rows().stream().map(Row::label).toList());
        assertEquals(9, snapshot.rows().size(), snapshot.rows().stream().map(Row::label).toList().toString());
        Row row12 = described;
        // what the cells show: the score and the reason in each of 1.2's cells
        for (Cell cell : row12.cells()) {
            String shown = UiThread.call(() -> texts(editor.cellControl(row12.direction(), cell.stage())));
            assertTrue(shown.contains(cell.score() + " из 100"), cell.stage() + ": " + shown);
            assertTrue(shown.contains(cell.reason()), cell.stage() + ": " + shown);
        }
        Path matrixShot = UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "dashboard"));
        assertTrue(Files.size(matrixShot) > 5_000, matrixShot.toString());

        // a cell with a gap that has a quick fix: of direction 1.2 if it has one, else of another direction
        List<Row> rows = new ArrayList<>(snapshot.rows());
        rows.remove(row12);
        rows.add(0, row12);
        Row chosenRow = null;
        Cell chosen = null;
        Item gap = null;
        CheckRow gapCheck = null;
        String fixLabel = null;
        CDOView view = RepositoryConnection.repository().orElseThrow().openView();
        try {
            search: for (Row row : rows) {
                for (Cell cell : row.cells()) {
                    for (CheckRow check : cell.checks()) {
                        for (Item item : check.gaps()) {
                            EObject object = view.getObject(item.id());
                            // a fix that applies at once (one that asks for a value opens a dialog)
                            List<QuickFix> fixes = QuickFixes.forProblem(check.id(), object).stream()
                                    .filter(f -> f.parameter() == null).toList();
                            if (!fixes.isEmpty()) {
                                chosenRow = row;
                                chosen = cell;
                                gap = item;
                                gapCheck = check;
                                fixLabel = fixes.get(0).label();
                                break search;
                            }
                        }
                    }
                }
            }
        } finally {
            view.close();
        }
        boolean fixFound = chosen != null;
        if (!fixFound) {
            // still follow a gap of 1.2 to its editor; the fix is asserted below
            search: for (Cell cell : row12.cells()) {
                for (CheckRow check : cell.checks()) {
                    if (!check.gaps().isEmpty()) {
                        chosenRow = row12;
                        chosen = cell;
                        gap = check.gaps().get(0);
                        gapCheck = check;
                        break search;
                    }
                }
            }
        }
        assertNotNull(chosen, "no gap in direction 1.2 nor a gap with a quick fix elsewhere");
        Row fixed = chosenRow;
        Cell cell = chosen;
        Item target = gap;
        CheckRow check = gapCheck;

        // a click on the cell lists its checks below, each with its evidence and gaps
        UiThread.run(() -> editor.cellControl(fixed.direction(), cell.stage()).notifyListeners(SWT.MouseDown, new Event()));
        UiThread.drain();
        List<String> lines = UiThread.call(() -> {
            List<String> found = new ArrayList<>();
            for (TreeItem item : editor.checksViewer().getTree().getItems()) {
                found.add(item.getText(0) + " | " + item.getText(1) + " | " + item.getText(2) + " | " + item.getText(3));
                for (TreeItem child : item.getItems()) {
                    found.add("  " + child.getText(1) + " | " + child.getText(2));
                }
            }
            return found;
        });
        assertEquals(cell.checks().size(), lines.stream().filter(l -> !l.startsWith("  ")).count(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(check.id() + " | " + check.title() + " | ")), lines.toString());
        assertTrue(lines.contains("  " + target.label() + " | недостаёт"), lines.toString());
        Path cellShot = UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "dashboard-cell"));
        assertTrue(Files.size(cellShot) > 5_000, cellShot.toString());

        // a double click on the gap opens it in its editor
        UiThread.run(() -> {
            TreeItem item = gapItem(editor.checksViewer().getTree(), check.id(), target.label());
            editor.checksViewer().getTree().setSelection(item);
            Event event = new Event();
            event.item = item;
            editor.checksViewer().getTree().notifyListeners(SWT.DefaultSelection, event);
        });
        UiThread.waitUntil("the gap's editor opened", () -> page().getActiveEditor() != null
                && !(page().getActiveEditor() instanceof DashboardEditor));
        assertEquals(target.label(), UiThread.call(() -> page().getActiveEditor().getTitle()));
        UiThread.run(() -> {
            page().closeEditor(page().getActiveEditor(), false);
            page().activate(editor);
        });

        // the gap's quick fix from the context menu: committed, and the cell changes
        assertTrue(fixFound, "no gap with a quick fix (without a value to ask) in the sample's matrix");
        String label = fixLabel;
        String before = UiThread.call(() -> texts(editor.cellControl(fixed.direction(), cell.stage())));
        UiThread.run(() -> {
            Tree tree = editor.checksViewer().getTree();
            tree.setSelection(gapItem(tree, check.id(), target.label()));
            editor.checksViewer().setSelection(editor.checksViewer().getSelection());
            Menu menu = tree.getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            MenuItem fix = null;
            List<String> items = new ArrayList<>();
            for (MenuItem item : menu.getItems()) {
                items.add(item.getText());
                if (item.getText().equals(label)) {
                    fix = item;
                }
            }
            assertNotNull(fix, "no «" + label + "» in the context menu " + items);
            fix.notifyListeners(SWT.Selection, new Event());
            menu.notifyListeners(SWT.Hide, new Event());
        });
        UiThread.waitUntil("the cell changed after the quick fix", COMPUTED, () -> {
            Cell now = editor.snapshot().row(fixed.direction()).cells().get(cell.stage().getValue());
            return (now.score() != cell.score() || !now.reason().equals(cell.reason()))
                    && !texts(editor.cellControl(fixed.direction(), cell.stage())).equals(before);
        });
        Path fixedShot = UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "dashboard-fixed"));
        assertTrue(Files.size(fixedShot) > 5_000, fixedShot.toString());
        // the details follow the cell: the gap fixed is no longer listed as a gap of that check
        // (unless the check has other reasons); the fix is undone as one command, and the cell is back
        UiThread.run(() -> editor.domain().getCommandStack().undo());
        UiThread.waitUntil("the cell back as it was after Undo", COMPUTED, () -> {
            Cell now = editor.snapshot().row(fixed.direction()).cells().get(cell.stage().getValue());
            return now.score() == cell.score() && now.reason().equals(cell.reason());
        });
        assertFalse(UiThread.call(() -> editor.domain().getCommandStack().canUndo()));
    }

    @Test
    void anotherClientsCommitRefreshesTheDashboard() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        DashboardEditor editor = UiThread.call(() -> {
            PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("oko.cycle.ui.home", null);
            return (DashboardEditor) page().getActiveEditor();
        });
        UiThread.waitUntil("the dashboard computed the sample's matrix", COMPUTED,
                () -> editor.snapshot() != null && !editor.snapshot().rows().isEmpty());
        Row first = UiThread.call(() -> editor.snapshot().rows().get(0));
        oko.repository.OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        String original;
        try (oko.repository.OkoRepository other = oko.repository.OkoRepository
                .connect(repository.embeddedServer().orElseThrow(), "другой")) {
            var transaction = other.openTransaction();
            oko.model.Direction direction = (oko.model.Direction) transaction.getObject(first.direction());
            original = direction.getName();
            direction.setName("Переименовано другим клиентом");
            other.commit(transaction, "Тест: переименование", new org.eclipse.core.runtime.NullProgressMonitor());
            transaction.close();
        }
        try {
            UiThread.waitUntil("the dashboard shows the other client's new name", COMPUTED,
                    () -> editor.snapshot().rows().get(0).label().contains("Переименовано другим клиентом")
                            && texts(editor.cellControl(first.direction(), oko.model.StageKind.GOALS).getParent())
                                    .contains("Переименовано другим клиентом"));
        } finally {
            try (oko.repository.OkoRepository other = oko.repository.OkoRepository
                    .connect(repository.embeddedServer().orElseThrow(), "другой")) {
                var transaction = other.openTransaction();
                ((oko.model.Direction) transaction.getObject(first.direction())).setName(original);
                other.commit(transaction, "Тест: имя возвращено", new org.eclipse.core.runtime.NullProgressMonitor());
                transaction.close();
            }
        }
    }

    private static TreeItem gapItem(Tree tree, String checkId, String label) {
        for (TreeItem item : tree.getItems()) {
            if (item.getText(0).equals(checkId)) {
                for (TreeItem child : item.getItems()) {
                    if (child.getText(1).equals(label) && child.getText(2).equals("недостаёт")) {
                        return child;
                    }
                }
            }
        }
        throw new AssertionError("no gap «" + label + "» under " + checkId);
    }

    /** The texts of the labels of a cell, one per line. */
    private static String texts(Control control) {
        StringBuilder text = new StringBuilder();
        if (control instanceof Label label) {
            text.append(label.getText().replace("&&", "&")).append('\n');
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                text.append(texts(child));
            }
        }
        return text.toString();
    }
}
