package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.Recommendations;
import oko.monitoring.ResultWriter;
import oko.monitoring.RiskGroups;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.school.ui.internal.SchoolView;

/** The three perspectives open with their layouts; the school administrator sees only their school. */
class PerspectivesTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static void open(String id) throws Exception {
        UiThread.run(() -> {
            IPerspectiveDescriptor perspective = PlatformUI.getWorkbench().getPerspectiveRegistry()
                    .findPerspectiveWithId(id);
            assertNotNull(perspective, id);
            page().setPerspective(perspective);
        });
        UiThread.waitUntil("the perspective " + id + " shown", () -> id.equals(page().getPerspective().getId()));
        UiThread.drain();
    }

    @Test
    void eachPerspectiveOpensWithItsViews() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        Map<String, List<String>> expected = Map.of(
                "oko.ui.perspective.methodologist", List.of("oko.ui.views.navigator", "org.eclipse.ui.views.PropertySheet"),
                "oko.school.ui.perspective", List.of(SchoolView.ID, "org.eclipse.ui.views.PropertySheet"),
                "oko.ui.perspective.reports", List.of("oko.ui.views.navigator", "org.eclipse.ui.views.PropertySheet"));
        Map<String, String> labels = Map.of("oko.ui.perspective.methodologist", "Методист", "oko.school.ui.perspective",
                "Администратор школы", "oko.ui.perspective.reports", "Отчёты");
        for (String id : List.of("oko.school.ui.perspective", "oko.ui.perspective.reports",
                "oko.ui.perspective.methodologist")) {
            open(id);
            List<String> views = UiThread.call(() -> java.util.Arrays.stream(page().getViewReferences())
                    .map(r -> r.getId()).toList());
            assertTrue(views.containsAll(expected.get(id)), id + " shows " + views);
            assertEquals(labels.get(id), UiThread.call(() -> page().getPerspective().getLabel()));
            if (id.equals("oko.school.ui.perspective")) {
                assertFalse(views.contains("oko.ui.views.navigator"), "no repository navigator for a school");
            }
            UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                    "perspective-" + id.substring(id.lastIndexOf('.') + 1)));
        }
    }

    /** Stores computed values and recommendations for 2023, as Monitoring ▸ Compute and Generate do. */
    static void computeAndRecommend2023() {
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        try {
            List<EObject> roots = OkoRepository.roots(transaction);
            Period period = roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                    .flatMap(m -> m.getPeriods().stream()).filter(p -> "2023".equals(p.getCode())).findFirst()
                    .orElseThrow();
            QualitySystem system = MonitoringEngine.systemsWithRuns(roots, period).get(0);
            List<MonitoringEngine.IndicatorResult> results = MonitoringEngine.computeWithPrevious(system, period);
            ResultWriter.storeValues(system, period, results.stream().filter(r -> r.period() == period).toList());
            Recommendations.generate(system, period, results,
                    RiskGroups.compute(system, period, results));
            if (transaction.isDirty()) {
                repository.commit(transaction, "Тест: расчёт и рекомендации 2023", new NullProgressMonitor());
            }
        } finally {
            transaction.close();
        }
    }

    @Test
    void theSchoolAdministratorSeesOnlyTheirSchool() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        computeAndRecommend2023();
        open("oko.school.ui.perspective");
        SchoolView view = UiThread.call(() -> (SchoolView) page().showView(SchoolView.ID));
        // the view lists the schools once it has read the repository
        UiThread.waitUntil("the Моя школа view lists ИШМ-05", () -> {
            view.choose("ИШМ-05");
            return true;
        });
        // what the repository addresses to ИШМ-05 and stores for it
        var expected = UiThread.call(() -> {
            var cdo = RepositoryConnection.repository().orElseThrow().openView();
            try {
                int recommendations = 0;
                int values = 0;
                for (EObject root : OkoRepository.roots(cdo)) {
                    for (var it = root.eAllContents(); it.hasNext();) {
                        EObject object = it.next();
                        if (object instanceof Recommendation r
                                && r.getAddresseeSchools().stream().anyMatch(s -> "ИШМ-05".equals(s.getCode()))) {
                            recommendations++;
                        } else if (object instanceof oko.model.Measure m
                                && m.getTargetSchools().stream().anyMatch(s -> "ИШМ-05".equals(s.getCode()))) {
                            recommendations++;
                        } else if (object instanceof MonitoringRun run) {
                            values += (int) run.getValues().stream()
                                    .filter(v -> "ИШМ-05".equals(v.getOrganisation().getCode())).count();
                        }
                    }
                }
                return new int[] { recommendations, values };
            } finally {
                cdo.close();
            }
        });
        assertTrue(expected[0] > 0 && expected[1] > 0, "the sample addresses ИШМ-05 (recommendations, a measure) and has its values");
        // the view refreshes on the commit of the computed values and recommendations
        UiThread.waitUntil("the Моя школа view shows " + expected[0] + " addressed rows and " + expected[1]
                + " values of ИШМ-05", () -> view.addressedViewer().getTable().getItemCount() == expected[0]
                        && view.valuesViewer().getTable().getItemCount() == expected[1]);
        List<String> addressed = UiThread.call(() -> {
            List<String> texts = new ArrayList<>();
            for (TableItem item : view.addressedViewer().getTable().getItems()) {
                texts.add(item.getText(2));
            }
            return texts;
        });
        assertEquals(expected[0], addressed.size(), addressed.toString());
        assertTrue(addressed.stream().noneMatch(t -> t.startsWith("МБОУ СОШ № 4 ")), "nothing addressed to another school");
        assertEquals(expected[1], UiThread.call(() -> view.valuesViewer().getTable().getItemCount()).intValue());
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-administrator-addressed"));
        UiThread.run(() -> view.showTab(2));
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-administrator-values"));
        UiThread.run(() -> view.showTab(0));

        UiThread.run(() -> view.choose("chel-sosh51"));
        UiThread.waitUntil("the Моя школа view shows the systems of chel-sosh51",
                () -> view.systemViewer().getTree().getItemCount() > 0
                        && view.systemViewer().getTree().getItem(0).getText().contains("СОШ № 51"));
        List<String> systems = UiThread.call(() -> {
            List<String> texts = new ArrayList<>();
            for (TreeItem item : view.systemViewer().getTree().getItems()) {
                texts.add(item.getText());
            }
            return texts;
        });
        assertEquals(1, systems.size(), systems.toString());
        assertTrue(systems.get(0).contains("СОШ № 51"), systems.toString());
        assertEquals(0, UiThread.call(() -> view.valuesViewer().getTable().getItemCount()).intValue(),
                "no values of the illustrative schools");
        UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                "school-administrator-vsoko"));
        open("oko.ui.perspective.methodologist");
    }
}
