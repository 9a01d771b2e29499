package oko.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import oko.model.Function;
import oko.model.Participation;
import oko.model.ParticipationKind;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.model.TechnologicalMap;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;
import oko.ui.internal.editors.Tables;

/**
 * Tables described, not coded: the RACI cross-table edited through its editor as a person would
 * (a click on a cell, a letter typed), undone, redone, saved and read back by another client; and a
 * table description copied into {@code DATA/tables/}, edited and reloaded.
 */
class TableDescriptionsTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeEditors() throws Exception {
        UiThread.run(() -> page().closeAllEditors(false));
    }

    private static TableEditor open(CDOID id, String table, String name) throws Exception {
        TableEditor editor = UiThread.call(() -> (TableEditor) page().openEditor(new ModelEditorInput(id, table, name),
                TableEditor.ID));
        UiThread.waitUntil("the table «" + name + "» shows its lines", () -> editor.viewer().getTree().getItemCount() > 0);
        return editor;
    }

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    private static TreeItem item(Tree tree, Object data) {
        for (TreeItem item : all(tree.getItems())) {
            if (item.getData() == data) {
                return item;
            }
        }
        return null;
    }

    private static List<TreeItem> all(TreeItem[] items) {
        List<TreeItem> all = new java.util.ArrayList<>();
        for (TreeItem item : items) {
            all.add(item);
            all.addAll(all(item.getItems()));
        }
        return all;
    }

    /** The cell's text as the tree shows it. */
    private static String cell(TableEditor editor, EObject line, int column) throws Exception {
        return UiThread.call(() -> item(editor.viewer().getTree(), line).getText(column));
    }

    /** A click on the cell (the line selected, the column under the pointer), then a letter typed. */
    private static void clickAndType(TableEditor editor, EObject line, int column, char letter) throws Exception {
        UiThread.run(() -> {
            Tree tree = editor.viewer().getTree();
            TreeItem item = item(tree, line);
            assertNotNull(item, "no tree item for " + line);
            tree.showItem(item);
            tree.showColumn(tree.getColumn(column));
            Rectangle bounds = item.getBounds(column);
            editor.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(line), true);
            Event down = new Event();
            down.x = bounds.x + bounds.width / 2;
            down.y = bounds.y + bounds.height / 2;
            down.button = 1;
            tree.notifyListeners(SWT.MouseDown, down);
            tree.setFocus();
            Event key = new Event();
            key.character = letter;
            key.keyCode = letter;
            tree.notifyListeners(SWT.KeyDown, key);
        });
        UiThread.drain();
    }

    @Test
    void raciCellsToggleThroughTheEditorUndoRedoSaveAndReadBack() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID systemId = find(o -> o instanceof QualitySystem s && "vsoko-chel-sosh51".equals(s.getCode()));
        // the navigator's «Таблицы» menu lists RACI for a system (Open keeps the role distribution)
        List<String> tables = read(systemId, o -> Tables.forObject(o).stream().map(Tables.Table::id).toList());
        assertEquals(List.of("oko.ui.tables.roleDistribution", "oko.tables.raci"), tables);
        assertEquals(java.util.Optional.of("oko.ui.tables.roleDistribution"),
                read(systemId, o -> Tables.of(o).map(Tables.Table::id)));

        TableEditor editor = open(systemId, "oko.tables.raci", "ВСОКО СОШ № 51");
        // headers: the lines' column, then the system's roles in their order
        List<String> roles = read(systemId, o -> ((QualitySystem) o).getRoles().stream().map(Role::getName).toList());
        List<String> headers = UiThread.call(() -> Arrays.stream(editor.viewer().getTree().getColumns())
                .map(c -> c.getText()).toList());
        assertEquals(roles.size() + 1, headers.size());
        assertEquals(roles.stream().map(r -> r.replaceAll("\\s+", " ").strip()).toList(), headers.subList(1, headers.size()));
        // a function's cell: R for each responsible role (the model's responsibleRoles), read independently
        UiThread.waitUntil("functions shown", () -> editor.table().columnElements().size() == roles.size());
        EObject[] pair = UiThread.call(() -> {
            for (TreeItem item : all(editor.viewer().getTree().getItems())) {
                if (item.getData() instanceof Function f) {
                    for (int c = 0; c < editor.table().columnElements().size(); c++) {
                        Role role = (Role) editor.table().columnElements().get(c);
                        boolean r = f.getResponsibleRoles().contains(role);
                        boolean other = f.getParticipations().stream().anyMatch(p -> p.getRole() == role);
                        if (r && !other) {
                            // a cell holding R only shows exactly «R»
                            assertEquals("R", item.getText(c + 1), f.getName() + " / " + role.getName());
                        }
                        if (!r && !other) {
                            return new EObject[] { f, role, null };
                        }
                    }
                }
            }
            return null;
        });
        assertNotNull(pair, "a function and a role without a relation");
        Function function = (Function) pair[0];
        Role role = (Role) pair[1];
        int column = UiThread.call(() -> editor.table().columnElements().indexOf(role)) + 1;
        assertEquals("", cell(editor, function, column));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "table-raci"));

        // C typed on the cell: one Participation (role, CONSULTED); then R: the role becomes responsible too.
        // The cell lists the values in the description's order R, A, S, C, I: «C», then «R, C».
        clickAndType(editor, function, column, 'c');
        assertEquals("C", cell(editor, function, column));
        assertTrue(UiThread.call(editor::isDirty));
        clickAndType(editor, function, column, 'r');
        assertEquals("R, C", cell(editor, function, column));
        command("org.eclipse.ui.edit.undo");
        assertEquals("C", cell(editor, function, column), "undo takes back R only");
        command("org.eclipse.ui.edit.redo");
        assertEquals("R, C", cell(editor, function, column));
        // a second C clears it: the participation removed, R stays; undo brings it back
        clickAndType(editor, function, column, 'c');
        assertEquals("R", cell(editor, function, column));
        command("org.eclipse.ui.edit.undo");
        assertEquals("R, C", cell(editor, function, column));
        UiThread.run(() -> {
            Tree tree = editor.viewer().getTree();
            tree.showColumn(tree.getColumn(column));
            tree.showItem(item(tree, function));
        });
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "table-raci-edited"));

        // save with a comment
        Display.getDefault().asyncExec(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.file.save", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Shell dialog = UiThread.waitForShell("Сохранение в репозиторий");
        UiThread.run(() -> {
            Text text = findText(dialog);
            text.setText("Тест: RACI");
            Button ok = dialog.getDefaultButton();
            ok.notifyListeners(SWT.Selection, new Event());
        });
        UiThread.waitUntil("the RACI table saved", () -> !editor.isDirty());

        // another client reads the function: the role responsible, one participation CONSULTED of that role
        CDOID functionId = UiThread.call(() -> CDOUtil.getCDOObject(function).cdoID());
        CDOID roleId = UiThread.call(() -> CDOUtil.getCDOObject(role).cdoID());
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        try (OkoRepository fresh = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "проверка")) {
            var view = fresh.openView();
            Function stored = (Function) view.getObject(functionId);
            Role storedRole = (Role) view.getObject(roleId);
            assertTrue(stored.getResponsibleRoles().contains(storedRole));
            List<Participation> participations = stored.getParticipations().stream().filter(p -> p.getRole() == storedRole).toList();
            assertEquals(1, participations.size());
            assertEquals(ParticipationKind.CONSULTED, participations.get(0).getKind());
            view.close();
        }
    }

    @Test
    void thePlanCreateToolAddsAnItemUndoably() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID planId = find(o -> o instanceof oko.model.Plan p && !p.getItems().isEmpty());
        TableEditor plan = open(planId, "oko.ui.tables.plan", "План мероприятий");
        int before = UiThread.call(() -> plan.cellTexts().size());
        // no line selected: the tool's item goes to the end of the plan (Plan.items), named as the tool says
        UiThread.run(() -> {
            page().activate(plan);
            plan.viewer().setSelection(org.eclipse.jface.viewers.StructuredSelection.EMPTY);
            ((org.eclipse.jface.action.ActionContributionItem) plan.getEditorSite().getActionBars().getToolBarManager()
                    .find("oko.ui.editors.table.addRow")).getAction().run();
        });
        UiThread.drain();
        List<List<String>> after = UiThread.call(plan::cellTexts);
        assertEquals(before + 1, after.size());
        assertEquals("Новое мероприятие", after.get(after.size() - 1).get(1));
        assertTrue(UiThread.call(plan::isDirty));
        command("org.eclipse.ui.edit.undo");
        assertEquals(before, UiThread.call(() -> plan.cellTexts().size()));
        assertFalse(UiThread.call(plan::isDirty));
    }

    @Test
    void aDescriptionEditedInTheDataDirectoryAndReloadedShowsTheNewColumn() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID mapId = find(o -> o instanceof TechnologicalMap map && map.getRows().size() == 6);
        TableEditor editor = open(mapId, "oko.ui.tables.techMap", "Технологическая карта");
        int before = UiThread.call(() -> editor.viewer().getTree().getColumnCount());
        assertEquals(6, before);
        Path folder = RepositoryConnection.dataDirectory().orElseThrow().resolve("tables");
        Files.createDirectories(folder);
        Path copy = folder.resolve("oko.tables.xmi");
        String shipped;
        try (InputStream in = Platform.getBundle("oko.table").getEntry("descriptions/oko.tables.xmi").openStream()) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // a methodologist adds a column «Этап (вид)» showing the row's stage kind
        String anchor = "    <columns id=\"techMap.operator\"";
        assertTrue(shipped.contains(anchor));
        String edited = shipped.replace(anchor, "    <columns id=\"techMap.kind\" label=\"Этап (вид)\" width=\"120\" feature=\"kind\""
                + " cellEditor=\"CHOICE\"/>\n" + anchor);
        Files.writeString(copy, edited, StandardCharsets.UTF_8);
        try {
            var loaded = UiThread.call(() -> Tables.reload(PlatformUI.getWorkbench().getActiveWorkbenchWindow()));
            assertEquals(List.of(), loaded.problems());
            List<String> headers = UiThread.call(() -> Arrays.stream(editor.viewer().getTree().getColumns())
                    .map(c -> c.getText()).toList());
            assertEquals(7, headers.size(), headers.toString());
            assertEquals("Этап (вид)", headers.get(5));
            // the new column shows each row's kind as its literal's label (the model's, read here)
            List<String> kinds = read(mapId, o -> ((TechnologicalMap) o).getRows().stream()
                    .map(r -> r.getKind() == null ? "" : oko.model.edit.ModelLabels.literal(r.getKind())).toList());
            List<String> shown = UiThread.call(() -> editor.cellTexts().stream().map(r -> r.get(5)).toList());
            assertEquals(kinds, shown);
            assertFalse(kinds.stream().allMatch(String::isEmpty), "the sample's rows have kinds");

            // a broken copy is reported and left out: the shipped table stays
            Files.writeString(copy, edited.replace("feature=\"kind\"", "feature=\"kindd\""), StandardCharsets.UTF_8);
            var broken = UiThread.call(() -> Tables.reload(null));
            assertEquals(1, broken.problems().size(), broken.problems().toString());
            assertTrue(broken.problems().get(0).contains("techMap.kind") && broken.problems().get(0).contains("kindd"),
                    broken.problems().get(0));
        } finally {
            Files.deleteIfExists(copy);
            UiThread.call(() -> Tables.reload(PlatformUI.getWorkbench().getActiveWorkbenchWindow()));
        }
        assertEquals(6, UiThread.call(() -> editor.viewer().getTree().getColumnCount()));
    }

    private static Text findText(org.eclipse.swt.widgets.Composite composite) {
        for (Control child : composite.getChildren()) {
            if (child instanceof Text text) {
                return text;
            }
            if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                Text found = findText(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
