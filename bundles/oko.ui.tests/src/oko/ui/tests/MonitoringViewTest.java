package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import oko.model.IndicatorValue;
import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Recommendation;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.RawValueImport;
import oko.monitoring.Recommendations;
import oko.monitoring.RiskGroups;
import oko.monitoring.ui.internal.MonitoringHandler;
import oko.monitoring.ui.internal.MonitoringJobs;
import oko.monitoring.ui.internal.MonitoringView;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/**
 * The Monitoring view and its actions in the running workbench, on the sample model: the table
 * shows what the engine computes, sorts, marks the risk schools; Compute and Generate
 * recommendations commit; a bad import shows its problems and stores nothing.
 */
class MonitoringViewTest {

    private static MonitoringView showFor2023() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        MonitoringView view = UiThread.call(() -> {
            IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
            return (MonitoringView) page.showView(MonitoringView.ID);
        });
        // the view lists the periods once it has read the repository; choosing one recomputes the table
        UiThread.waitUntil("the Monitoring view offers the period 2023", () -> {
            view.selectPeriod("2023");
            return true;
        });
        UiThread.waitUntil("the Monitoring view shows its table of 2023", COMPUTING, () -> {
            MonitoringView.Table table = view.table();
            return Job.getJobManager().find(MonitoringView.class).length == 0 && table != null
                    && table.periodLabel().startsWith("2023") && !table.rows().isEmpty();
        });
        return view;
    }

    /** How long the monitoring's jobs (compute, import, the view's table) may take on a busy machine. */
    private static final java.time.Duration COMPUTING = java.time.Duration.ofSeconds(60);

    /** Waits until the monitoring's jobs (import, compute, recommendations) have finished. */
    private static void waitForMonitoringJobs(String what) throws Exception {
        UiThread.waitForJobs(what, MonitoringJobs.FAMILY, COMPUTING);
    }

    /** What the engine computes for 2023 in the sample's municipal system, on a separate view of the repository. */
    private static <T> T withSample(java.util.function.BiFunction<QualitySystem, Period, T> query) {
        CDOView cdo = RepositoryConnection.repository().orElseThrow().openView();
        try {
            List<EObject> roots = OkoRepository.roots(cdo);
            Period period = roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                    .flatMap(m -> m.getPeriods().stream()).filter(p -> "2023".equals(p.getCode())).findFirst()
                    .orElseThrow();
            // the sample's municipal system by its code, whatever other systems (a school's ВСОКО) have runs
            QualitySystem system = MonitoringEngine.systemsWithRuns(roots, period).stream()
                    .filter(s -> "ishimbay-msoko".equals(s.getCode())).findFirst()
                    .orElseThrow(() -> new AssertionError("no runs of ishimbay-msoko in 2023"));
            return query.apply(system, period);
        } finally {
            cdo.close();
        }
    }

    @Test
    void theTableShowsTheComputedValuesRanksAndRiskSchools() throws Exception {
        MonitoringView view = showFor2023();
        Set<String> organisations = new TreeSet<>();
        Map<String, String> expected = withSample((system, period) -> {
            Map<String, String> cells = new HashMap<>();
            for (MonitoringEngine.IndicatorResult result : MonitoringEngine.compute(system, period)) {
                for (MonitoringEngine.SchoolResult school : result.schools()) {
                    organisations.add(school.school().getCode());
                    cells.put(school.school().getCode() + "|" + result.indicator().getCode(), school.value().present()
                            ? Recommendations.format(school.value().number()) + " (" + school.rank() + ")" : "—");
                }
            }
            for (RiskGroups.RiskListResult list : RiskGroups.compute(system, period)) {
                list.schools().forEach(s -> cells.merge(s.getCode() + "|risk", list.group().getCode(),
                        (a, b) -> String.join(", ", new TreeSet<>(List.of(a, b)))));
            }
            return cells;
        });
        List<String> headers = new ArrayList<>();
        List<List<String>> rows = UiThread.call(() -> {
            Table table = view.swtTable();
            for (var column : table.getColumns()) {
                headers.add(column.getText());
            }
            List<List<String>> texts = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < table.getColumnCount(); c++) {
                    cells.add(item.getText(c));
                }
                texts.add(cells);
            }
            return texts;
        });
        assertEquals(List.of("Образовательная организация", "Кластер", "Группы риска"), headers.subList(0, 3));
        assertTrue(headers.containsAll(List.of("1.2.1.1", "1.2.1.2", "1.2.2.1")), headers.toString());
        assertEquals(organisations, new TreeSet<>(rows.stream().map(r -> r.get(0).split(" ")[0]).toList()),
                "a row per organisation with values: the 12 illustrative schools and the municipal body");
        int riskRows = 0;
        for (List<String> row : rows) {
            String school = row.get(0).split(" ")[0];
            assertEquals(expected.getOrDefault(school + "|risk", ""), row.get(2), school);
            riskRows += row.get(2).isEmpty() ? 0 : 1;
            for (int c = 3; c < headers.size(); c++) {
                assertEquals(expected.getOrDefault(school + "|" + headers.get(c), ""), row.get(c),
                        school + " " + headers.get(c));
            }
        }
        assertTrue(riskRows > 0, "the sample has risk schools");

        // sort by 1.2.1.1, ascending: the values read from the cells are non-decreasing
        int column = headers.indexOf("1.2.1.1");
        List<Double> sorted = UiThread.call(() -> {
            Table table = view.swtTable();
            table.getColumn(column).notifyListeners(SWT.Selection, new Event());
            List<Double> values = new ArrayList<>();
            for (TableItem item : table.getItems()) {
                String text = item.getText(column);
                if (!text.equals("—") && !text.isEmpty()) {
                    values.add(Double.parseDouble(text.split(" ")[0].replace(',', '.')));
                }
            }
            assertEquals(SWT.UP, table.getSortDirection());
            return values;
        });
        List<Double> copy = new ArrayList<>(sorted);
        copy.sort(null);
        assertEquals(copy, sorted);
        Path file = UiThread.call(() -> Screenshots.save(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "workbench-monitoring"));
        assertTrue(Files.size(file) > 5_000);
    }

    @Test
    void computeAndGenerateRecommendationsCommitTheirResults() throws Exception {
        showFor2023();
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand("oko.monitoring.ui.compute", null));
        waitForMonitoringJobs("Monitoring ▸ Compute");
        int stored = withSample((system, period) -> {
            int values = 0;
            for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
                for (IndicatorValue value : run.getValues()) {
                    values += "1.2.1.1".equals(value.getIndicator().getCode()) ? 1 : 0;
                }
            }
            return values;
        });
        assertEquals(12, stored, "a value (or no-value) per illustrative school of 1.2.1.1 is stored for 2023");

        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand("oko.monitoring.ui.recommend", null));
        waitForMonitoringJobs("Monitoring ▸ Generate recommendations");
        List<String> texts = withSample((system, period) -> Recommendations.rules(system).stream()
                .flatMap(rule -> ((QualitySystem) rule.eContainer()).getRecommendations().stream()
                        .filter(r -> r.getRule() == rule && r.getPeriod() == period))
                .map(Recommendation::getText).toList());
        assertFalse(texts.isEmpty());
        assertTrue(texts.stream().anyMatch(t -> t.startsWith("Школам из списка ШНОР")), texts.toString());
    }

    @Test
    void aBadImportShowsItsProblemsInADialogAndStoresNothing() throws Exception {
        MonitoringView view = showFor2023();
        Path bad = Files.createTempFile("bad-values", ".csv");
        Files.writeString(bad, "school;measure;value\nИШМ-01;ege_graduates;много\nИШМ-77;ege_graduates;1\n",
                StandardCharsets.UTF_8);
        Set<Double> before = rawValues();
        // the Tycho UI harness turns error dialogs into log entries; this test wants to see the dialog
        boolean automated = org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE;
        org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = false;
        try {
            UiThread.run(() -> MonitoringHandler.importValues(bad, RawValueImport.Layout.LONG, view));
            waitForMonitoringJobs("the import of a bad file");
            Shell dialog = UiThread.waitForShell("Мониторинг");
            assertNotNull(dialog, "no error dialog");
            Shell shown = dialog;
            String text = UiThread.call(() -> UiThread.labels(shown));
            assertTrue(text.contains("ничего не сохранено"), text);
            // the problems themselves are in the dialog, not behind a Details button
            String problems = UiThread.call(() -> texts(shown));
            assertTrue(problems.contains(bad.getFileName() + ", строка 2: «много» — не число"), problems);
            assertTrue(problems.contains(bad.getFileName() + ", строка 3: неизвестная школа «ИШМ-77»"), problems);
            assertEquals(List.of("Закрыть"), UiThread.call(() -> buttons(shown)));
            UiThread.call(() -> Screenshots.save(shown, "monitoring-import-error"));
            UiThread.run(shown::close);
        } finally {
            org.eclipse.jface.dialogs.ErrorDialog.AUTOMATED_MODE = automated;
            Files.delete(bad);
        }
        assertEquals(before, rawValues(), "nothing of the bad file is stored");
    }

    /**
     * Issue 17, item 3: importing ИШМ-01's raw values through the workbench's import path (what
     * Monitoring ▸ Import values… runs once the file is chosen; the form is detected) stores them
     * where the computation reads them: the result dialog tells what went where, its «Рассчитать
     * показатели» stores 1.2.1.1 = 15 ÷ 50 × 100 = 30 (it was 10 ÷ 45 = 22,22), and the view shows it.
     */
    @Test
    void anImportShowsWhatItStoredAndTheRecomputedValue() throws Exception {
        MonitoringView view = showFor2023();
        assertEquals("22,22", cellOf(view, "ИШМ-01", "1.2.1.1").split(" ")[0], "10 ÷ 45 before the import");
        Path file = Files.createTempFile("ishm01-", ".csv");
        Files.writeString(file, "школа;период;показатель;значение\nИШМ-01;2023;ege_high_scorers;15\n"
                + "ИШМ-01;2023;ege_graduates;50\n", StandardCharsets.UTF_8);
        try {
            UiThread.run(() -> MonitoringHandler.importValues(file, null, view));
            waitForMonitoringJobs("the import of ИШМ-01's values");
            Shell dialog = UiThread.waitForShell("Импорт значений выполнен");
            assertNotNull(dialog, "no result dialog after the import");
            String text = UiThread.call(() -> UiThread.labels(dialog));
            assertTrue(text.contains("Сохранено значений: 2 (из них заменено прежних: 2)"), text);
            assertTrue(text.contains("Форма файла: длинная"), text);
            assertTrue(text.contains("Система: МСОКО МР Ишимбайский район (ishimbay-msoko)"), text);
            assertTrue(text.contains("Период: 2023"), text);
            assertTrue(text.contains("Иллюстративные данные: Мониторинг школ с низкими образовательными результатами, 2023"),
                    text);
            UiThread.call(() -> Screenshots.save(dialog, "monitoring-import-result"));
            // the view's table already reads the imported values
            waitForCell(view, "ИШМ-01", "1.2.1.1", "30");
            UiThread.run(() -> assertTrue(press(dialog, "Рассчитать показатели")));
            // the dialog returns, then the compute job is scheduled and commits
            UiThread.waitUntil("the recomputed 1.2.1.1 = 30 of ИШМ-01 stored", COMPUTING,
                    () -> Math.abs(storedValue("ИШМ-01", "1.2.1.1") - 30.0) < 1e-9);
            waitForMonitoringJobs("the computation after the import");
            waitForCell(view, "ИШМ-01", "1.2.1.1", "30");
            UiThread.call(() -> Screenshots.save(
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "monitoring-after-import"));
        } finally {
            // other tests share the repository: put the sample's 10 and 45 back, and recompute
            Files.writeString(file, "school;ege_high_scorers;ege_graduates\nИШМ-01;10;45\n", StandardCharsets.UTF_8);
            UiThread.run(() -> MonitoringHandler.importValues(file, null, view));
            waitForMonitoringJobs("the import of the sample's values of ИШМ-01");
            Shell again = UiThread.waitForShell("Импорт значений выполнен");
            assertNotNull(again);
            UiThread.run(() -> assertTrue(press(again, "Рассчитать показатели")));
            UiThread.waitUntil("the sample's 1.2.1.1 = 10 ÷ 45 of ИШМ-01 stored again", COMPUTING,
                    () -> Math.abs(storedValue("ИШМ-01", "1.2.1.1") - 100.0 * 10 / 45) < 1e-9);
            waitForMonitoringJobs("the computation after the sample's values are back");
            Files.delete(file);
        }
        assertEquals(100.0 * 10 / 45, storedValue("ИШМ-01", "1.2.1.1"), 1e-9);
    }

    private static String cellOf(MonitoringView view, String school, String indicator) throws Exception {
        return UiThread.call(() -> {
            Table table = view.swtTable();
            int column = -1;
            for (int c = 0; c < table.getColumnCount(); c++) {
                if (indicator.equals(table.getColumn(c).getText())) {
                    column = c;
                }
            }
            for (TableItem item : table.getItems()) {
                if (item.getText(0).startsWith(school + " ")) {
                    return item.getText(column);
                }
            }
            throw new AssertionError("no row " + school);
        });
    }

    private static void waitForCell(MonitoringView view, String school, String indicator, String value) throws Exception {
        UiThread.waitUntil("the Monitoring view shows " + value + " as " + indicator + " of " + school, COMPUTING,
                () -> view.swtTable() != null && view.table() != null && !view.table().rows().isEmpty()
                        && cellOf(view, school, indicator).split(" ")[0].equals(value));
    }

    private static double storedValue(String school, String indicator) {
        return withSample((system, period) -> {
            for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
                for (IndicatorValue value : run.getValues()) {
                    if (indicator.equals(value.getIndicator().getCode())
                            && school.equals(value.getOrganisation().getCode())) {
                        return value.getValue();
                    }
                }
            }
            throw new AssertionError("no stored value of " + indicator + " for " + school);
        });
    }

    /** The texts of the text fields inside a composite, one per line. */
    private static String texts(org.eclipse.swt.widgets.Composite composite) {
        StringBuilder text = new StringBuilder();
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Text field) {
                text.append(field.getText()).append('\n');
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                text.append(texts(inner));
            }
        }
        return text.toString();
    }

    private static List<String> buttons(org.eclipse.swt.widgets.Composite composite) {
        List<String> labels = new ArrayList<>();
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button button) {
                labels.add(button.getText());
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner) {
                labels.addAll(buttons(inner));
            }
        }
        return labels;
    }

    private static boolean press(org.eclipse.swt.widgets.Composite composite, String label) {
        for (org.eclipse.swt.widgets.Control child : composite.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Button button && label.equals(button.getText())) {
                button.notifyListeners(SWT.Selection, new Event());
                return true;
            } else if (child instanceof org.eclipse.swt.widgets.Composite inner && press(inner, label)) {
                return true;
            }
        }
        return false;
    }

    private static Set<Double> rawValues() {
        return withSample((system, period) -> {
            Set<Double> values = new java.util.HashSet<>();
            for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
                for (RawValue value : run.getRawValues()) {
                    if ("ИШМ-01".equals(value.getOrganisation().getCode()) && "ege_graduates".equals(value.getCode())) {
                        values.add(value.getValue());
                    }
                }
            }
            return values;
        });
    }
}
