package oko.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;
import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.MonitoringEngine;
import oko.repository.OkoRepository;

/**
 * Issue 18: {@code ./oko monitor import FILE} without {@code --period} takes each row's period
 * from the file (one commit for the whole file); an unknown period is an error naming the file,
 * line and value and stores nothing; a file without a period column needs {@code --period} (a
 * usage error saying so); with {@code --period}, rows of other periods are errors as before.
 */
class MonitorImportPeriodsTest {

    private static Path data;

    @BeforeAll
    static void sample() throws Exception {
        data = Files.createTempDirectory("oko-monitor-periods");
        assertEquals(0, Oko.run(data, "import", "--sample").exit());
    }

    /** Every raw value as "school|measure|value|period", sorted. */
    private static List<String> values() {
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "test", line -> { })) {
            CDOView view = repository.openView();
            List<String> values = new ArrayList<>();
            for (var root : OkoRepository.roots(view)) {
                if (root instanceof ModelRoot model) {
                    for (var it = model.eAllContents(); it.hasNext();) {
                        if (it.next() instanceof RawValue value) {
                            values.add((value.getOrganisation() == null ? "—" : value.getOrganisation().getCode()) + "|"
                                    + value.getCode() + "|" + value.getValue() + "|"
                                    + ((MonitoringRun) value.eContainer()).getPeriod().getCode());
                        }
                    }
                }
            }
            values.sort(null);
            view.close();
            return values;
        }
    }

    /** The values of ИШМ-01's ege_graduates the computation reads in the period (every run of it). */
    private static List<Double> graduates(String periodCode) {
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "test", line -> { })) {
            CDOView view = repository.openView();
            List<ModelRoot> roots = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .map(ModelRoot.class::cast).toList();
            QualitySystem system = roots.stream().flatMap(r -> r.getQualitySystems().stream())
                    .filter(s -> "ishimbay-msoko".equals(s.getCode())).findFirst().orElseThrow();
            Period period = roots.stream().flatMap(r -> r.getPeriods().stream())
                    .filter(p -> periodCode.equals(p.getCode())).findFirst().orElseThrow();
            List<Double> found = new ArrayList<>();
            for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
                for (RawValue value : run.getRawValues()) {
                    if ("ИШМ-01".equals(value.getOrganisation().getCode()) && "ege_graduates".equals(value.getCode())) {
                        found.add(value.getValue());
                    }
                }
            }
            view.close();
            return found;
        }
    }

    @Test
    void aFileOverThreePeriodsIsImportedInOneCommitEachValueIntoItsPeriod() throws Exception {
        Path file = Files.writeString(data.resolve("years.csv"), "school;period;measure;value\n"
                + "ИШМ-01;2021;ege_graduates;41\nИШМ-01;2022;ege_graduates;42\nИШМ-01;2023;ege_graduates;43\n"
                + "ИШМ-02;2023;ege_graduates;44\n");
        Run run = Oko.run(data, "monitor", "import", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("2021 (1), 2022 (1), 2023 (2)"), run.out());
        assertTrue(run.out().contains("ishimbay-msoko"), run.out());
        assertEquals(List.of(41.0), graduates("2021"));
        assertEquals(List.of(42.0), graduates("2022"));
        assertEquals(List.of(43.0), graduates("2023"));
    }

    @Test
    void anUnknownPeriodIsAnErrorNamingFileLineAndValueAndNothingIsStored() throws Exception {
        List<String> before = values();
        Path file = Files.writeString(data.resolve("unknown.csv"),
                "school;period;measure;value\nИШМ-01;2022;ege_graduates;52\nИШМ-01;2019;ege_graduates;51\n");
        Run run = Oko.run(data, "monitor", "import", file.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("unknown.csv") && run.err().contains(" 3")
                && (run.err().contains("«2019»") || run.err().contains("\"2019\"")), run.err());
        assertEquals(before, values(), "nothing stored");
    }

    @Test
    void withoutAPeriodColumnTheImportNeedsThePeriod() throws Exception {
        List<String> before = values();
        Path file = Files.writeString(data.resolve("plain.csv"), "school;measure;value\nИШМ-01;ege_graduates;60\n");
        Run run = Oko.run(data, "monitor", "import", file.toString());
        assertEquals(2, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("plain.csv") && run.err().contains("--period"), run.err());
        assertEquals(before, values(), "nothing stored");
    }

    @Test
    void withThePeriodGivenRowsOfOtherPeriodsAreErrors() throws Exception {
        List<String> before = values();
        Path file = Files.writeString(data.resolve("mixed.csv"),
                "school;period;measure;value\nИШМ-01;2023;ege_graduates;70\nИШМ-01;2022;ege_graduates;71\n");
        Run run = Oko.run(data, "monitor", "import", file.toString(), "--period", "2023");
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.err().contains("mixed.csv") && run.err().contains(" 3") && run.err().contains("2022"), run.err());
        assertEquals(before, values(), "nothing stored");
    }
}
