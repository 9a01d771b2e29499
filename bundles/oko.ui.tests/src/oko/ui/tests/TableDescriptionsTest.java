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
import org.eclipse.swt.widgets.Event;
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
import oko.ui.internal.editors.CrossTableGrid;
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

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    private static CrossTableGrid grid(TableEditor editor) {
        return editor.table().grid();
    }

    /** The cell's text as the grid draws it (column 0: the line's header, 1…: the roles). */
    private static String cell(TableEditor editor, EObject line, int column) throws Exception {
        return UiThread.call(() -> {
            int row = grid(editor).rowOf(line);
            assertTrue(row >= 0, "no row for " + line);
            return grid(editor).text(row, column);
        });
    }

    /** A key pressed on the grid, as SWT delivers it to the canvas. */
    private static void key(TableEditor editor, int keyCode, char character) throws Exception {
        UiThread.run(() -> {
            Event key = new Event();
            key.character = character;
            key.keyCode = keyCode;
            grid(editor).canvas().notifyListeners(SWT.KeyDown, key);
        });
        UiThread.drain();
    }

    /** A click in the middle of the cell where the grid draws it, then a letter typed. */
    private static void clickAndType(TableEditor editor, EObject line, int column, char letter) throws Exception {
        click(editor, line, column, 1);
        key(editor, letter, letter);
    }

    private static void click(TableEditor editor, EObject line, int column, int button) throws Exception {
        UiThread.run(() -> {
            CrossTableGrid grid = grid(editor);
            int row = grid.rowOf(line);
            assertTrue(row >= 0, "no row for " + line);
            grid.reveal(row, column);
            Rectangle bounds = grid.cellBounds(row, column);
            Rectangle area = grid.canvas().getClientArea();
            assertTrue(area.contains(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2),
                    "cell " + bounds + " in view " + area);
            Event down = new Event();
            down.x = bounds.x + bounds.width / 2;
            down.y = bounds.y + bounds.height / 2;
            down.button = button;
            grid.canvas().notifyListeners(SWT.MouseDown, down);
            Event up = new Event();
            up.x = down.x;
            up.y = down.y;
            up.button = button;
            grid.canvas().notifyListeners(SWT.MouseUp, up);
        });
        UiThread.drain();
        // the click selected that cell
        assertEquals(line, UiThread.call(() -> grid(editor).selectedLine()));
        assertEquals(column, (int) UiThread.call(() -> grid(editor).selectedColumn()));
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

        TableEditor editor = Editors.openTable(systemId, "oko.tables.raci", "ВСОКО СОШ № 51");
        // headers: the lines' column, then the system's roles in their order
        List<String> roles = read(systemId, o -> ((QualitySystem) o).getRoles().stream().map(Role::getName).toList());
        List<String> headers = UiThread.call(() -> grid(editor).columnHeaders());
        assertEquals(roles.stream().map(r -> r.replaceAll("\\s+", " ").strip()).toList(), headers);
        // a function's cell: R for each responsible role (the model's responsibleRoles), read independently
        UiThread.waitUntil("functions shown", () -> editor.table().columnElements().size() == roles.size());
        EObject[] pair = UiThread.call(() -> {
            CrossTableGrid grid = grid(editor);
            for (int row = 0; row < grid.rowCount(); row++) {
                if (grid.rowElement(row) instanceof Function f) {
                    assertFalse(grid.isGroup(row));
                    for (int c = 0; c < editor.table().columnElements().size(); c++) {
                        Role role = (Role) editor.table().columnElements().get(c);
                        boolean r = f.getResponsibleRoles().contains(role);
                        boolean other = f.getParticipations().stream().anyMatch(p -> p.getRole() == role);
                        if (r && !other) {
                            // a cell holding R only shows exactly «R»
                            assertEquals("R", grid.text(row, c + 1), f.getName() + " / " + role.getName());
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
        // the tooltip names the function, the role and what C means (the literal's label in plugin.properties)
        String tip = UiThread.call(() -> {
            CrossTableGrid grid = grid(editor);
            Rectangle bounds = grid.cellBounds(grid.rowOf(function), column);
            return grid.toolTipAt(bounds.x + bounds.width / 2, bounds.y + bounds.height / 2);
        });
        // the line's header is the description's «{number} {name}» (a function without number: its name)
        String expectedTip = UiThread.call(() -> ((function.getNumber() == null ? "" : function.getNumber()) + " "
                + function.getName()).replaceAll("\\s+", " ").strip()
                + "\n" + role.getName().replaceAll("\\s+", " ").strip() + "\nC — участвует, консультирует");
        assertEquals(expectedTip, tip);
        assertTrue(UiThread.call(() -> grid(editor).accessibleName()).endsWith(": C — участвует, консультирует"));
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
        UiThread.run(() -> grid(editor).reveal(grid(editor).rowOf(function), column));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "table-raci-edited"));

        // save with a comment
        Editors.comment(Editors.saveDialog(), "Тест: RACI");
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

    /**
     * The grid's keyboard, context menu and folding: the arrows, Home/End and PgDn move the selected
     * cell; the context menu's «I» toggles the cell (one command, undone); a folded section hides its
     * functions and unfolds again.
     */
    @Test
    void raciGridKeyboardContextMenuAndFolding() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID systemId = find(o -> o instanceof QualitySystem s && "vsoko-chel-sosh51".equals(s.getCode()));
        int roleCount = read(systemId, o -> ((QualitySystem) o).getRoles().size());
        TableEditor editor = Editors.openTable(systemId, "oko.tables.raci", "ВСОКО СОШ № 51");
        CrossTableGrid grid = grid(editor);
        assertEquals(roleCount, (int) UiThread.call(() -> grid.columnElements().size()));
        // the first function (row 1: row 0 is its section) and a role with no relation to it
        Function function = UiThread.call(() -> {
            assertTrue(grid.isGroup(0), "the first row is a section");
            return (Function) grid.rowElement(1);
        });
        int column = UiThread.call(() -> {
            for (int c = 1; c <= grid.columnElements().size(); c++) {
                if (grid.text(1, c).isEmpty() && c < grid.columnElements().size()) {
                    return c;
                }
            }
            return -1;
        });
        assertTrue(column >= 1, "the first function has an empty cell");
        click(editor, function, column, 1);
        key(editor, SWT.ARROW_RIGHT, '\0');
        assertEquals(column + 1, (int) UiThread.call(grid::selectedColumn));
        key(editor, SWT.ARROW_LEFT, '\0');
        assertEquals(column, (int) UiThread.call(grid::selectedColumn));
        key(editor, SWT.END, '\0');
        assertEquals(roleCount, (int) UiThread.call(grid::selectedColumn), "End: the last role");
        key(editor, SWT.HOME, '\0');
        assertEquals(1, (int) UiThread.call(grid::selectedColumn), "Home: the first role");
        key(editor, SWT.ARROW_UP, '\0');
        assertEquals(0, (int) UiThread.call(grid::selectedRow), "up from the first function: its section");
        key(editor, SWT.ARROW_DOWN, '\0');
        key(editor, SWT.ARROW_DOWN, '\0');
        assertEquals(2, (int) UiThread.call(grid::selectedRow));
        // PgDn moves by the rows in view less one (at least one), never past the last row; PgUp back
        int rows = UiThread.call(grid::rowCount);
        int page = UiThread.call(grid::pageRows);
        assertTrue(page >= 1);
        key(editor, SWT.PAGE_DOWN, '\0');
        int paged = Math.min(rows - 1, 2 + page);
        assertEquals(paged, (int) UiThread.call(grid::selectedRow), "PgDn");
        key(editor, SWT.PAGE_UP, '\0');
        assertEquals(Math.max(0, paged - page), (int) UiThread.call(grid::selectedRow), "PgUp");

        // the pointer rests on the empty cell: its tooltip names the function, the role and «нет отношения»
        UiThread.run(() -> {
            grid.reveal(grid.rowOf(function), column);
            Rectangle bounds = grid.cellBounds(grid.rowOf(function), column);
            Event move = new Event();
            move.x = bounds.x + bounds.width / 2;
            move.y = bounds.y + bounds.height / 2;
            grid.canvas().notifyListeners(SWT.MouseMove, move);
        });
        assertTrue(UiThread.call(grid::toolTip) != null && UiThread.call(grid::toolTip).endsWith("нет отношения"),
                "the cell's tooltip: " + UiThread.call(grid::toolTip));
        // the context menu on the empty cell: «I — информируется» unchecked; chosen, the cell shows I; undo empties it
        click(editor, function, column, 3);
        // the menu is asked for (MenuDetect): the tooltip goes, so that it does not lie over the menu (seen by hand)
        UiThread.run(() -> grid.canvas().notifyListeners(SWT.MenuDetect, new Event()));
        assertEquals(null, UiThread.call(grid::toolTip), "no tooltip over the cell's context menu");
        org.eclipse.swt.widgets.MenuItem informed = UiThread.call(() -> {
            var menu = grid.canvas().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            for (var item : menu.getItems()) {
                if (item.getText().startsWith("I ")) {
                    return item;
                }
            }
            return null;
        });
        assertNotNull(informed, "the cell's context menu lists I");
        // each value with what it means (oko.model.edit's labels of Function.responsibleRoles and of
        // ParticipationKind's literals), not the role's name five times over
        assertEquals(List.of("R — Ответственные роли", "A — руководит, утверждает", "S — обеспечивает",
                "C — участвует, консультирует", "I — информируется"), UiThread.call(() -> Arrays
                        .stream(informed.getParent().getItems()).map(org.eclipse.swt.widgets.MenuItem::getText).toList()));
        assertFalse(UiThread.call(informed::getSelection));
        UiThread.run(() -> {
            informed.setSelection(true);
            informed.notifyListeners(SWT.Selection, new Event());
        });
        UiThread.drain();
        assertEquals("I", cell(editor, function, column));
        command("org.eclipse.ui.edit.undo");
        assertEquals("", cell(editor, function, column));
        assertFalse(UiThread.call(editor::isDirty));

        // folding the first section hides its functions (the rows below move up by as many)
        EObject section = UiThread.call(() -> grid.rowElement(0));
        CDOID sectionId = UiThread.call(() -> CDOUtil.getCDOObject(section).cdoID());
        int functions = read(sectionId, o -> ((oko.model.FunctionSection) o).getFunctions().size()
                + ((oko.model.FunctionSection) o).getSubsections().size());
        assertTrue(functions > 0);
        UiThread.run(() -> grid.setCollapsed(section, true));
        assertEquals(-1, (int) UiThread.call(() -> grid.rowOf(function)));
        assertTrue(UiThread.call(() -> rows - grid.rowCount()) >= functions, "at least its direct lines are hidden");
        // Enter on the selected (folded) section unfolds it
        assertEquals(section, UiThread.call(grid::selectedLine));
        key(editor, SWT.CR, '\r');
        assertEquals(1, (int) UiThread.call(() -> grid.rowOf(function)));
        assertEquals(rows, (int) UiThread.call(grid::rowCount));
    }

    /**
     * The role headers of the municipal RACI (seed 001's long role names) are wrapped within their
     * columns: no drawn line is wider than the column, a header cut after four lines ends with «…»
     * inside the column (seen by hand: «организацию и …» ran into the next column), and its whole
     * name is in the tooltip.
     */
    @Test
    void raciRoleHeadersStayInsideTheirColumns() throws Exception {
        TableEditor editor = Editors.openRaci("msoko-functions-001", "МСОКО распределение функций");
        CrossTableGrid grid = grid(editor);
        List<String> problems = UiThread.call(() -> {
            List<String> found = new java.util.ArrayList<>();
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(grid.canvas());
            try {
                for (int c = 1; c <= grid.columnElements().size(); c++) {
                    List<String> lines = grid.wrappedHeader(c);
                    if (lines.size() > 4) {
                        found.add(c + ": " + lines.size() + " lines");
                    }
                    for (String line : lines) {
                        if (gc.textExtent(line).x > grid.headerTextWidth(c)) {
                            found.add(c + ": «" + line + "» " + gc.textExtent(line).x + " > " + grid.headerTextWidth(c));
                        }
                    }
                }
            } finally {
                gc.dispose();
            }
            return found;
        });
        assertEquals(List.of(), problems);
        // seed 001's «Специалисты, ответственные за организацию и проведение инвариантных и вариативных
        // оценочных процедур в рамках МСОКО» takes more than four lines at 90 px: cut, with its tooltip
        int cut = UiThread.call(() -> {
            for (int c = 1; c <= grid.columnElements().size(); c++) {
                if (grid.columnHeaders().get(c - 1).startsWith("Специалисты, ответственные за организацию")) {
                    return c;
                }
            }
            return -1;
        });
        assertTrue(cut >= 1, "the role's column: " + UiThread.call(grid::columnHeaders));
        List<String> lines = UiThread.call(() -> grid.wrappedHeader(cut));
        assertEquals(4, lines.size(), lines.toString());
        assertTrue(lines.get(3).endsWith(" …"), lines.toString());
        String tip = UiThread.call(() -> {
            grid.reveal(0, cut);
            Rectangle bounds = grid.cellBounds(0, cut);
            return grid.toolTipAt(bounds.x + bounds.width / 2, 2);
        });
        assertTrue(tip.startsWith("Специалисты, ответственные за организацию и проведение"), tip);
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "table-raci-municipal"));
    }

    /** Another client's commit shows in the open grid (the editor refreshes on the invalidation), and its undo too. */
    @Test
    void raciGridShowsAnotherClientsCommits() throws Exception {
        TableEditor editor = Editors.openRaci("vsoko-chel-sosh51", "ВСОКО СОШ № 51");
        CrossTableGrid grid = grid(editor);
        // the first function and its first empty cell (the last role's column is kept for the click test)
        CDOID[] ids = UiThread.call(() -> {
            Function function = (Function) grid.rowElement(1);
            for (int c = 1; c <= grid.columnElements().size(); c++) {
                if (grid.text(1, c).isEmpty()) {
                    return new CDOID[] { CDOUtil.getCDOObject(function).cdoID(),
                            CDOUtil.getCDOObject(grid.columnElements().get(c - 1)).cdoID() };
                }
            }
            return null;
        });
        assertNotNull(ids, "the first function has an empty cell");
        Function function = UiThread.call(() -> (Function) grid.rowElement(1));
        int column = UiThread.call(() -> {
            for (int c = 1; c <= grid.columnElements().size(); c++) {
                if (CDOUtil.getCDOObject(grid.columnElements().get(c - 1)).cdoID().equals(ids[1])) {
                    return c;
                }
            }
            return -1;
        });
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        try (OkoRepository client = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "другой")) {
            var other = client.openTransaction();
            ((Function) other.getObject(ids[0])).getResponsibleRoles().add((Role) other.getObject(ids[1]));
            client.commit(other, "Тест: RACI другого клиента", new org.eclipse.core.runtime.NullProgressMonitor());
            UiThread.waitUntil("the grid shows the other client's R", () -> "R".equals(grid.text(grid.rowOf(function), column)));
            ((Function) other.getObject(ids[0])).getResponsibleRoles().remove((Role) other.getObject(ids[1]));
            client.commit(other, "Тест: RACI другого клиента назад", new org.eclipse.core.runtime.NullProgressMonitor());
            UiThread.waitUntil("the grid shows the cell empty again", () -> grid.text(grid.rowOf(function), column).isEmpty());
            other.close();
        }
        assertFalse(UiThread.call(editor::isDirty));
    }

    @Test
    void thePlanCreateToolAddsAnItemUndoably() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID planId = find(o -> o instanceof oko.model.Plan p && !p.getItems().isEmpty());
        TableEditor plan = Editors.openTable(planId, "oko.ui.tables.plan", "План мероприятий");
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
        TableEditor editor = Editors.openTable(mapId, "oko.ui.tables.techMap", "Технологическая карта");
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
}
