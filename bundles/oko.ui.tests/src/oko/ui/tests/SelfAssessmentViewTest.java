package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import oko.core.modules.Modules;
import oko.core.modules.SystemTemplates;
import oko.model.IndicatorValue;
import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.school.SelfAssessment;
import oko.school.ui.internal.SchoolView;
import oko.school.ui.internal.SelfAssessmentEditor;
import oko.ui.RepositoryConnection;

/**
 * The school administrator's self-assessment, as a person does it: the school's ВСОКО exists, the
 * Моя школа view's tab starts the self-assessment of 2023, the editor shows the municipality's
 * values, the school's value is typed into its cell (a wrong one is refused), undone, redone and
 * saved with a comment.
 */
class SelfAssessmentViewTest {

    private static final String SCHOOL = "ИШМ-03";

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** The school's ВСОКО from the school module's template, as the wizard makes it. */
    private static void createVsoko() throws Exception {
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        try {
            List<ModelRoot> models = SystemTemplates.models(OkoRepository.roots(transaction));
            var module = Modules.byId("school").orElseThrow();
            QualitySystem system = SystemTemplates.create(module, "ВСОКО МБОУ Гимназия № 3",
                    SystemTemplates.freeCode(module, models), models);
            SystemTemplates.add(system, models, SystemTemplates.organisation(models, SCHOOL), null);
            repository.commit(transaction, "Тест: ВСОКО гимназии", new NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    private static void editOwnValue(SelfAssessmentEditor editor, int row, String typed) throws Exception {
        UiThread.typeInCell(editor.viewer(), UiThread.call(() -> ((Table) editor.viewer().getControl()).getItem(row)
                .getData()), 3, typed);
    }

    private static String cell(SelfAssessmentEditor editor, int row, int column) throws Exception {
        return UiThread.call(() -> ((Table) editor.viewer().getControl()).getItem(row).getText(column));
    }

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    @Test
    void theSchoolAdministratorStartsAssessesAndSavesTheSelfAssessmentOf2023() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        PerspectivesTest.computeAndRecommend2023();
        createVsoko();
        UiThread.run(() -> {
            IPerspectiveDescriptor perspective = PlatformUI.getWorkbench().getPerspectiveRegistry()
                    .findPerspectiveWithId("oko.school.ui.perspective");
            page().setPerspective(perspective);
        });
        SchoolView view = UiThread.call(() -> (SchoolView) page().showView(SchoolView.ID));
        // the view reads the repository once connected, and sees the ВСОКО just committed
        UiThread.waitUntil("the Моя школа view shows " + SCHOOL + " and its ВСОКО's period 2023", () -> {
            view.choose(SCHOOL);
            view.choosePeriod("2023");
            return true;
        });
        UiThread.run(() -> view.showTab(3));
        assertEquals(0, UiThread.call(() -> view.assessmentsViewer().getTable().getItemCount()).intValue());
        UiThread.run(() -> view.choosePeriod("2023"));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-self-assessment-tab"));

        // the button starts it (committed at once) and opens the editor
        UiThread.run(view::startSelfAssessment);
        UiThread.waitUntil("the self-assessment editor opened", () -> page().getActiveEditor() instanceof SelfAssessmentEditor);
        SelfAssessmentEditor editor = UiThread.call(() -> (SelfAssessmentEditor) page().getActiveEditor());
        assertEquals(List.of("Показатель", "Содержание", "Значение муниципалитета", "Оценка школы", "Разница",
                "Комментарий школы"), UiThread.call(() -> java.util.Arrays.stream(((Table) editor.viewer().getControl())
                        .getColumns()).map(c -> c.getText()).toList()));
        List<SelfAssessment.Row> rows = UiThread.call(editor::shownRows);
        assertFalse(rows.isEmpty());
        int row = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (row < 0 && rows.get(i).municipal().isPresent() && !rows.get(i).municipal().get().isNoValue()) {
                row = i;
            }
        }
        assertTrue(row >= 0, "the municipality computed 2023: some row has its value");
        int compared = row;
        double municipal = rows.get(compared).municipal().get().getValue();
        assertEquals("не оценено", cell(editor, compared, 3));
        assertFalse(UiThread.call(editor::isDirty));

        // not a number: refused, nothing changes
        editOwnValue(editor, compared, "много");
        assertEquals("не оценено", cell(editor, compared, 3));
        assertFalse(UiThread.call(editor::isDirty));

        // the school's value, with a comma as a person types it
        var format = new java.text.DecimalFormat("0.##", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT));
        String typed = format.format(municipal + 2.5).replace('.', ',');
        double own = Double.parseDouble(typed.replace(',', '.'));
        String difference = "+" + format.format(own - municipal);
        editOwnValue(editor, compared, typed);
        assertEquals(typed.replace(',', '.'), cell(editor, compared, 3));
        assertEquals(difference, cell(editor, compared, 4));
        assertTrue(UiThread.call(editor::isDirty));
        command("org.eclipse.ui.edit.undo");
        assertEquals("не оценено", cell(editor, compared, 3));
        assertEquals("", cell(editor, compared, 4));
        command("org.eclipse.ui.edit.redo");
        assertEquals(difference, cell(editor, compared, 4));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-self-assessment-editor"));

        // save: asks for a comment, commits
        Display.getDefault().asyncExec(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.file.save", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Shell ask = UiThread.waitForShell("Сохранение в репозиторий");
        assertNotNull(ask, "Save did not ask for a comment");
        UiThread.run(() -> {
            Button ok = ask.getDefaultButton();
            ok.notifyListeners(SWT.Selection, new Event());
        });
        UiThread.waitUntil("the self-assessment saved (the editor not dirty)", () -> !editor.isDirty());

        // stored: a fresh client reads the school's value in the ВСОКО's self-assessment
        CDOID valueId = UiThread.call(() -> CDOUtil.getCDOObject(editor.shownRows().get(compared).own()).cdoID());
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        try (OkoRepository fresh = OkoRepository.connect(repository.embeddedServer().orElseThrow(), "проверка")) {
            var cdo = fresh.openView();
            IndicatorValue stored = (IndicatorValue) cdo.getObject(valueId);
            assertEquals(own, stored.getValue(), 1e-9);
            assertFalse(stored.isNoValue());
            MonitoringRun run = (MonitoringRun) stored.eContainer();
            assertEquals("2023", run.getPeriod().getCode());
            assertEquals(SCHOOL, ((QualitySystem) run.eContainer().eContainer()).getOrganisation().getCode());
            cdo.close();
        }
        // the view lists it: 2023, one assessed
        UiThread.run(() -> page().activate(view));
        UiThread.waitUntil("the Моя школа view lists the saved self-assessment",
                () -> view.assessmentsViewer().getTable().getItemCount() > 0);
        List<String> listed = UiThread.call(() -> java.util.Arrays.stream(view.assessmentsViewer().getTable().getItems())
                .map(i -> i.getText(0) + " | " + i.getText(2)).toList());
        assertEquals(1, listed.size(), listed.toString());
        assertTrue(listed.get(0).startsWith("2023") && listed.get(0).endsWith("| 1 из " + rows.size()), listed.toString());
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-self-assessment-listed"));
        UiThread.run(() -> page().closeEditor(editor, false));
        UiThread.run(() -> page().setPerspective(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .findPerspectiveWithId("oko.ui.perspective.methodologist")));
    }
}
