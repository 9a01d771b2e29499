package oko.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeColumn;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.model.TechnologicalMap;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;
import oko.ui.internal.navigator.RepositoryNavigator;
import oko.ui.internal.problems.ProblemsView;
import oko.ui.internal.problems.ValidateHandler;

/**
 * The table editors on the sample model (cells as in the seeds), an edit through the cell
 * editor, undo, redo, save as a commit with a comment, and reopening; Validate and its problems.
 */
class EditorsTest {

    private static final String SEED_000_ACTION = "разработка и утверждение концептуального документа";

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }



    private static List<List<String>> cells(TableEditor editor) throws Exception {
        return UiThread.call(editor::cellTexts);
    }

    private static List<String> headers(TableEditor editor) throws Exception {
        return UiThread.call(() -> {
            List<String> headers = new ArrayList<>();
            for (TreeColumn column : editor.viewer().getTree().getColumns()) {
                headers.add(column.getText());
            }
            return headers;
        });
    }

    private static String texts(Control control) {
        StringBuilder text = new StringBuilder();
        if (control instanceof Tree tree) {
            for (TreeItem item : tree.getItems()) {
                appendItem(item, text);
            }
        }
        return text.toString();
    }

    private static void appendItem(TreeItem item, StringBuilder text) {
        text.append(item.getText(0)).append(" = ").append(item.getText(1)).append('\n');
        for (TreeItem child : item.getItems()) {
            appendItem(child, text);
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    @Test
    void technologicalMapEditUndoRedoSaveAndReopen() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID mapId = find(o -> o instanceof TechnologicalMap map && map.getRows().size() == 6
                && map.getRows().get(0).getAction() != null
                && oneLine(map.getRows().get(0).getAction()).contains(SEED_000_ACTION));
        List<List<String>> expected = read(mapId, o -> ((TechnologicalMap) o).getRows().stream()
                .map(r -> List.of(r.getNumber() == 0 ? "" : Integer.toString(r.getNumber()), oneLine(r.getName()),
                        oneLine(r.getAction()), oneLine(r.getCoordinatorDuty()), oneLine(r.getExecutorsDuty()),
                        oneLine(r.getOperatorDuty())))
                .toList());
        TableEditor editor = Editors.openTable(mapId, "oko.ui.tables.techMap", "Технологическая карта");
        assertEquals(List.of("№", "Структура управленческого цикла (разделы направлений муниципальной системы оценки качества)",
                "Действия, необходимые для реализации компонента управленческого цикла",
                "Функциональные обязанности координатора", "Функциональные обязанности ответственных исполнителей",
                "Муниципальный оператор"), headers(editor));
        List<List<String>> shown = cells(editor);
        assertEquals(expected, shown);
        assertTrue(shown.get(0).get(2).contains(SEED_000_ACTION), shown.get(0).get(2));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "editor-technological-map"));

        // edit the action of the first stage through its cell editor
        String original = shown.get(0).get(2);
        String edited = "Проверка правки: " + System.nanoTime();
        editCell(editor, 0, 2, edited);
        assertEquals(edited, cells(editor).get(0).get(2));
        assertTrue(UiThread.call(editor::isDirty));

        command("org.eclipse.ui.edit.undo");
        assertEquals(original, cells(editor).get(0).get(2));
        assertFalse(UiThread.call(editor::isDirty), "undo back to the saved state");
        command("org.eclipse.ui.edit.redo");
        assertEquals(edited, cells(editor).get(0).get(2));
        assertTrue(UiThread.call(editor::isDirty));

        // save: the comment dialog comes up; give a comment and press OK
        String comment = "Тест: правка технологической карты";
        Shell ask = Editors.saveDialog();
        UiThread.call(() -> Screenshots.save(ask, "editor-save-comment"));
        Editors.comment(ask, comment);
        UiThread.waitUntil("the technological map saved (the editor not dirty)", () -> !editor.isDirty());

        // stored: a fresh session (another client of the embedded server) reads the new text
        CDOID rowId = read(mapId, o -> CDOUtil.getCDOObject(((TechnologicalMap) o).getRows().get(0)).cdoID());
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        try (OkoRepository fresh = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "проверка")) {
            var view = fresh.openView();
            assertEquals(edited, ((oko.model.TechMapRow) view.getObject(rowId)).getAction());
            view.close();
        }
        List<OkoRepository.Change> history = read(rowId, o -> repository.history((CDOObject) o));
        assertEquals(comment, history.get(0).comment(), "the newest change: " + history);

        // the Properties view shows the selected row, and edits there are commands of the editor
        String property = UiThread.call(() -> {
            editor.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(
                    editor.viewer().getTree().getItem(0).getData()));
            var sheet = (org.eclipse.ui.views.properties.PropertySheet) page()
                    .showView(org.eclipse.ui.IPageLayout.ID_PROP_SHEET);
            page().activate(editor);
            return texts(((org.eclipse.ui.views.properties.PropertySheetPage) sheet.getCurrentPage()).getControl());
        });
        assertTrue(property.contains(edited), property);
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "editor-properties"));
        UiThread.run(() -> {
            EObject row = (EObject) editor.viewer().getTree().getItem(0).getData();
            var source = new oko.ui.internal.properties.ItemPropertySource(row,
                    ((org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain) editor.getEditingDomain())
                            .getAdapterFactory(), editor.getEditingDomain());
            Object id = java.util.Arrays.stream(source.getPropertyDescriptors())
                    .filter(d -> d.getId().toString().contains("operatorDuty")).findFirst().orElseThrow().getId();
            source.setPropertyValue(id, "Через свойства");
        });
        UiThread.drain();
        assertEquals("Через свойства", cells(editor).get(0).get(5));
        command("org.eclipse.ui.edit.undo");
        assertEquals(expected.get(0).get(5), cells(editor).get(0).get(5), "the property edit is undone");

        UiThread.run(() -> page().closeEditor(editor, false));
        TableEditor reopened = Editors.openTable(mapId, "oko.ui.tables.techMap", "Технологическая карта");
        assertEquals(edited, cells(reopened).get(0).get(2));
        UiThread.run(() -> page().closeEditor(reopened, false));
    }

    @Test
    void roleDistributionAndPlanEditorsShowTheSeedTables() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID system = find(o -> o instanceof QualitySystem s && "vsoko-chel-sosh51".equals(s.getCode()));
        TableEditor roles = Editors.openTable(system, "oko.ui.tables.roleDistribution", "ВСОКО СОШ № 51");
        assertEquals(List.of("Функции в рамках управления качеством образования",
                "Примерное распределение функций по должностям",
                "Примерный перечень распорядительных документов, обеспечивающих выполнение функции"), headers(roles));
        List<List<String>> rows = cells(roles);
        List<String> functions = read(system, o -> {
            List<String> names = new ArrayList<>();
            for (var it = o.eAllContents(); it.hasNext();) {
                if (it.next() instanceof oko.model.Function f) {
                    names.add(oneLine((f.getNumber() == null ? "" : f.getNumber() + " ") + f.getName()));
                }
            }
            return names;
        });
        assertFalse(functions.isEmpty());
        for (String function : functions) {
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals(function)), function);
        }
        assertTrue(rows.stream().anyMatch(r -> !r.get(1).isEmpty()), "roles are shown");
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "editor-role-distribution"));
        UiThread.run(() -> page().closeEditor(roles, false));

        CDOID plan = find(o -> o instanceof oko.model.Plan);
        TableEditor editor = Editors.openTable(plan, "oko.ui.tables.plan", "План мероприятий");
        assertEquals(List.of("№ п/п", "Мероприятие", "Срок исполнения", "Результат исполнения",
                "Ответственные исполнители", "Состояние", "Исполнено", "Документы-результаты"), headers(editor));
        List<List<String>> items = cells(editor);
        List<String> names = read(plan, o -> {
            List<String> all = new ArrayList<>();
            for (var it = o.eAllContents(); it.hasNext();) {
                if (it.next() instanceof oko.model.PlanItem item) {
                    all.add(oneLine(item.getName()));
                }
            }
            return all;
        });
        assertEquals(names.size(), items.size(), "every item of the plan, nested ones too");
        assertTrue(items.stream().anyMatch(r -> !r.get(2).isEmpty()), "deadlines are shown");
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "editor-plan"));
        UiThread.run(() -> page().closeEditor(editor, false));
    }

    @Test
    void validateShowsTheSampleProblemsAndDoubleClickSelectsTheObject() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        command("oko.ui.validate");
        Job.getJobManager().join(ValidateHandler.FAMILY, null);
        UiThread.waitUntil("Validate shows its problems in the problems view", () -> page().findView(ProblemsView.ID)
                instanceof ProblemsView shown && shown.viewer().getTable().getItemCount() > 0);
        ProblemsView view = UiThread.call(() -> (ProblemsView) page().findView(ProblemsView.ID));
        List<ProblemsView.Row> rows = UiThread.call(() -> {
            List<ProblemsView.Row> all = new ArrayList<>();
            for (var item : view.viewer().getTable().getItems()) {
                all.add((ProblemsView.Row) item.getData());
            }
            return all;
        });
        // the sample's warnings (bundles/oko.municipal/samples/expected-diagnostics.txt): nine directions without
        // stages, and the illustrative meetings of krasnogorsk's working group in 2021: two of the four a year, and
        // meeting 2's protocol overdue
        assertEquals(11, rows.size(), rows.toString());
        assertTrue(rows.stream().noneMatch(ProblemsView.Row::error), rows.toString());
        assertEquals(9, rows.stream().filter(r -> r.ruleId().equals("OKO-CYCLE-03")).count(), rows.toString());
        assertEquals(List.of("OKO-WG-05", "OKO-WG-06"), rows.stream().map(ProblemsView.Row::ruleId)
                .filter(id -> id.startsWith("OKO-WG-")).sorted().toList(), rows.toString());
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "problems-view"));
        UiThread.run(() -> {
            view.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(rows.get(0)));
            view.viewer().getTable().notifyListeners(SWT.DefaultSelection, new Event());
        });
        UiThread.waitUntil("the double-clicked problem's object selected in the navigator", () -> ((org.eclipse.jface.viewers
                .IStructuredSelection) ((RepositoryNavigator) page().findView(RepositoryNavigator.ID)).viewer().getSelection())
                .getFirstElement() instanceof EObject object && rows.get(0).object().equals(CDOUtil.getCDOObject(object).cdoID()));
        Object selected = UiThread.call(() -> ((org.eclipse.jface.viewers.IStructuredSelection) ((RepositoryNavigator) page()
                .findView(RepositoryNavigator.ID)).viewer().getSelection()).getFirstElement());
        assertTrue(selected instanceof oko.model.Direction, String.valueOf(selected));
        assertEquals(rows.get(0).object(), CDOUtil.getCDOObject((EObject) selected).cdoID());
    }

    /** Waits for a visible shell of that title, presses its default button, returns what it said. */
    private static String answer(String title) throws Exception {
        Shell dialog = UiThread.waitForShell(title);
        assertNotNull(dialog, "no dialog \"" + title + "\"");
        Shell shown = dialog;
        String text = UiThread.call(() -> UiThread.labels(shown));
        UiThread.call(() -> Screenshots.save(shown, "dialog-" + title.hashCode()));
        UiThread.run(() -> shown.getDefaultButton().notifyListeners(SWT.Selection, new Event()));
        return text;
    }

    private static void editCell(TableEditor editor, int row, int column, String value) throws Exception {
        UiThread.typeInCell(editor.viewer(), UiThread.call(() -> editor.viewer().getTree().getItem(row).getData()), column,
                value);
    }

    @Test
    void aConflictingCommitOfAnotherClientOffersToReload() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID mapId = find(o -> o instanceof TechnologicalMap map && map.getRows().size() == 6);
        TableEditor editor = Editors.openTable(mapId, "oko.ui.tables.techMap", "Технологическая карта (конфликт)");
        editCell(editor, 1, 3, "Правка в редакторе");
        assertTrue(UiThread.call(editor::isDirty));

        // another client (its own session) changes the same cell and commits first
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        long committed;
        try (OkoRepository client = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "другой")) {
            var other = client.openTransaction();
            ((TechnologicalMap) other.getObject(mapId)).getRows().get(1).setCoordinatorDuty("Правка другого клиента");
            committed = client.commit(other, "Тест: другой клиент", new org.eclipse.core.runtime.NullProgressMonitor())
                    .getTimeStamp();
            other.close();
        }
        UiThread.waitUntil("the editor's transaction has heard of the other client's commit", () -> CDOUtil
                .getCDOObject((EObject) editor.viewer().getTree().getItem(1).getData()).cdoView()
                .getLastUpdateTime() >= committed);

        Editors.saveLater();
        answer(Editors.SAVE_DIALOG);
        String conflict = answer("Конфликт изменений");
        assertTrue(conflict.contains("Перезагрузить"), conflict);
        UiThread.waitUntil("the editor reloaded (not dirty)", () -> !editor.isDirty());
        assertFalse(UiThread.call(editor::isDirty), "reloaded: the editor's change is dropped");
        assertEquals("Правка другого клиента", cells(editor).get(1).get(3));
        UiThread.run(() -> page().closeEditor(editor, false));
    }

    @Test
    void anyOtherObjectOpensInTheFormEditorWithUndo() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID roleId = find(o -> o instanceof oko.model.Role role && "coordinator".equals(role.getCode()));
        oko.ui.internal.editors.FormEditor editor = UiThread.call(() -> (oko.ui.internal.editors.FormEditor) page()
                .openEditor(new ModelEditorInput(roleId, ModelEditorInput.FORM, "Роль"), oko.ui.internal.editors.FormEditor.ID));
        UiThread.waitUntil("the form editor shows the role's rows", () -> !editor.rows().isEmpty());
        List<List<String>> rows = UiThread.call(editor::rows);
        assertTrue(rows.contains(List.of("Код", "coordinator")), rows.toString());
        int nameRow = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).get(0).equals("Наименование")) {
                nameRow = i;
            }
        }
        assertTrue(nameRow >= 0, rows.toString());
        String original = rows.get(nameRow).get(1);
        int row = nameRow;
        UiThread.typeInCell(editor.viewer(), UiThread.call(() -> editor.viewer().getTable().getItem(row).getData()), 1,
                "Координатор (правка)");
        assertEquals("Координатор (правка)", UiThread.call(editor::rows).get(row).get(1));
        assertTrue(UiThread.call(editor::isDirty));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "editor-form"));
        command("org.eclipse.ui.edit.undo");
        assertEquals(original, UiThread.call(editor::rows).get(row).get(1));
        assertFalse(UiThread.call(editor::isDirty));
        UiThread.run(() -> page().closeEditor(editor, false));
    }

    @Test
    void exportAndImportTheModelAsJobs() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("oko-export").resolve("model.xmi");
        oko.ui.exchange.ModelFiles.exportTo(file);
        Job.getJobManager().join(oko.ui.exchange.ModelFiles.FAMILY, null);
        assertTrue(java.nio.file.Files.size(file) > 100_000, "the whole model is exported");
        assertTrue(java.nio.file.Files.readString(file).contains("Технологическая карта"));

        // a broken file: refused with its line, shown in a dialog, nothing changed
        java.nio.file.Path broken = file.resolveSibling("broken.xmi");
        java.nio.file.Files.writeString(broken, "<?xml version=\"1.0\"?>\n<oko:ModelRoot xmlns:oko=\"http://oko.dev/model/1.0\">\n<bad\n");
        org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = false;
        try {
            oko.ui.exchange.ModelFiles.importFiles(List.of(broken), false);
            Job.getJobManager().join(oko.ui.exchange.ModelFiles.FAMILY, null);
            String said = answer("Импорт и экспорт модели");
            assertTrue(said.contains("не выполнен"), said);
        } finally {
            org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = true;
        }
    }
}
