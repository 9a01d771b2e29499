package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Event;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.model.Indicator;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.ui.internal.MonitoringView;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/**
 * The Monitoring view lets the user choose the system when several have data for the period
 * (before, it silently took the first): a second system with an indicator and a run of 2023
 * appears in the combo beside the period, and choosing it shows its table. (The sample's
 * illustrative system only carries runs for ishimbay's indicators and is not offered.)
 */
class MonitoringSystemChoiceTest {

    private static final String CODE = "second-with-2023";

    private static ModelRoot sampleRoot(CDOTransaction transaction) {
        return OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                .filter(m -> m.getQualitySystems().stream().anyMatch(s -> "ishimbay-msoko".equals(s.getCode())))
                .findFirst().orElseThrow();
    }

    private static Period period2023(CDOTransaction transaction) {
        return OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance)
                .map(ModelRoot.class::cast).flatMap(m -> m.getPeriods().stream())
                .filter(p -> "2023".equals(p.getCode())).findFirst().orElseThrow();
    }

    private static void addSecondSystem(OkoRepository repository) throws Exception {
        CDOTransaction transaction = repository.openTransaction();
        try {
            QualitySystem second = OkoFactory.eINSTANCE.createQualitySystem();
            second.setCode(CODE);
            second.setName("Вторая система");
            Indicator indicator = OkoFactory.eINSTANCE.createIndicator();
            indicator.setCode("Z.1");
            indicator.setName("Показатель второй системы");
            indicator.setFormula("[z]");
            second.getIndicators().add(indicator);
            Monitoring monitoring = OkoFactory.eINSTANCE.createMonitoring();
            monitoring.setCode("M2");
            monitoring.getIndicators().add(indicator);
            MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
            run.setName("2023");
            run.setPeriod(period2023(transaction));
            monitoring.getRuns().add(run);
            second.getMonitorings().add(monitoring);
            sampleRoot(transaction).getQualitySystems().add(second);
            repository.commit(transaction, "вторая система с данными 2023", new NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    private static void removeSecondSystem(OkoRepository repository) throws Exception {
        CDOTransaction transaction = repository.openTransaction();
        try {
            sampleRoot(transaction).getQualitySystems().stream().filter(s -> CODE.equals(s.getCode())).toList()
                    .forEach(EcoreUtil::delete);
            repository.commit(transaction, "вторая система удалена", new NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    @Test
    void theUserChoosesAmongTheSystemsWithDataForThePeriod() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        MonitoringView view = UiThread.call(() -> (MonitoringView) PlatformUI.getWorkbench()
                .getActiveWorkbenchWindow().getActivePage().showView(MonitoringView.ID));
        UiThread.waitUntil("the Monitoring view connected", java.time.Duration.ofSeconds(30), () -> view.table() != null);
        UiThread.run(() -> view.selectPeriod("2023"));
        UiThread.waitUntil("one system with data for 2023, the combo disabled", java.time.Duration.ofSeconds(30),
                () -> view.table() != null && view.table().periodLabel().startsWith("2023")
                        && view.table().systems().size() == 1 && !view.systemCombo().isEnabled());
        addSecondSystem(repository);
        try {
            // the view recomputes when the repository changes
            UiThread.waitUntil("two systems with data for 2023 in the combo", java.time.Duration.ofSeconds(30),
                    () -> view.table().systems().size() == 2 && view.systemCombo().getItemCount() == 2);
            Combo combo = view.systemCombo();
            List<String> items = UiThread.call(() -> Arrays.asList(combo.getItems()));
            assertEquals(List.of("МСОКО МР Ишимбайский район (ishimbay-msoko)", "Вторая система (" + CODE + ")"), items);
            assertTrue(UiThread.call(combo::isEnabled));
            assertEquals(0, (int) UiThread.call(combo::getSelectionIndex), "the first by default");
            assertFalse(view.table().rows().isEmpty(), "the sample's table");

            UiThread.run(() -> {
                combo.select(1);
                combo.notifyListeners(SWT.Selection, new Event());
            });
            UiThread.waitUntil("the second system's (empty) table", java.time.Duration.ofSeconds(30),
                    () -> "Вторая система".equals(view.table().systemLabel()) && view.table().rows().isEmpty());
            assertEquals(1, (int) UiThread.call(combo::getSelectionIndex));
        } finally {
            removeSecondSystem(repository);
        }
        UiThread.waitUntil("back to the sample's system once the second is gone", java.time.Duration.ofSeconds(30),
                () -> view.table().systems().size() == 1 && !view.table().rows().isEmpty());
    }
}
