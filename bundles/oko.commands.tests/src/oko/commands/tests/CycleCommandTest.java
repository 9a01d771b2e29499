package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.commands.tests.Oko.Run;

/**
 * {@code ./oko cycle}: the management cycle of every direction as TSV, over the sample imported
 * once ({@code import --sample}; no test changes it). Expectations worked out by hand from
 * bundles/oko.municipal/samples and the checks of docs/cycle.md (see {@link #SAMPLE_2023}).
 */
class CycleCommandTest {

    private static final String HEADER = "direction\tname\tgoals\tindicators\tmonitoring\tanalysis\tmeasures\t"
            + "effectiveness\tscore\tstate\tincomplete";
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));

    @TempDir
    static Path temp;
    private static Path data;

    @BeforeAll
    static void importSample() {
        data = temp.resolve("data");
        Oko.run(data, "import", "--sample").expect(0);
    }

    @Test
    void withoutOptionsTheSystemWithDirectionsAndDataOfTheLatestPeriodIsShown() {
        Run run = Oko.run(data, "cycle").expect(0);
        assertEquals(HEADER, run.lines().get(0), run::toString);
        assertEquals(List.of("Management cycles of the system ishimbay-msoko in the period 2023 on " + TODAY
                + ": 9 directions; full cycle: 0, incomplete cycle: 1, not described: 8"), run.err().lines().toList(),
                run::toString);
        // the same as naming them
        Run named = Oko.run(data, "cycle", "--system", "ishimbay-msoko", "--period", "2023").expect(0);
        assertEquals(run.out(), named.out());
    }

    @Test
    void aSystemWithoutDirectionsHasAnEmptyTableAndNothingToFailStrictly() {
        Run run = Oko.run(data, "cycle", "--system", "msoko-functions-001", "--period", "2023", "--strict").expect(0);
        assertEquals(List.of(HEADER), run.lines(), run::toString);
        assertEquals(List.of("Management cycles of the system msoko-functions-001 in the period 2023 on " + TODAY
                + ": 0 directions; full cycle: 0, incomplete cycle: 0, not described: 0"), run.err().lines().toList());
    }

    @Test
    void severalSystemsWithDirectionsAndNoDataForThePeriodMustBeChosenFrom() {
        // 2021 (seeds.xmi) has no monitoring run: ishimbay-msoko and krasnogorsk-msoko both have directions
        Run run = Oko.run(data, "cycle", "--period", "2021").expect(2);
        assertEquals("oko cycle: choose the system (--system CODE): no system with directions has monitoring data for"
                + " the period 2021; systems with directions: ishimbay-msoko, krasnogorsk-msoko (see \"./oko help\")",
                run.err().strip(), run::toString);
        assertEquals("", run.out());
    }

    @Test
    void mistakesExit2WithOneLineNamingTheOption() {
        List<List<String>> cases = List.of(
                List.of("oko cycle: --period 1999: the repository has no such period; there are: 2021, 2022, 2023",
                        "cycle", "--period", "1999"),
                List.of("oko cycle: --system nowhere: the repository has no such quality system; there are: ishimbay-msoko,"
                        + " msoko-functions-001, vsoko-chel-sosh51, krasnogorsk-msoko, ishimbay-msoko-illustrative",
                        "cycle", "--system", "nowhere"),
                List.of("oko cycle: unknown option \"--frobnicate\" for command \"cycle\".", "cycle", "--frobnicate"),
                List.of("oko cycle: unexpected argument \"2023\" for command \"cycle\".", "cycle", "2023"));
        List<String> wrong = new ArrayList<>();
        for (List<String> c : cases) {
            String expected = c.get(0) + " (see \"./oko help\")";
            Run run = Oko.run(data, c.subList(1, c.size()).toArray(String[]::new));
            if (run.exit() != 2 || !run.err().strip().equals(expected) || !run.out().isEmpty()) {
                wrong.add("expected exit 2 and «" + expected + "»; got " + run);
            }
        }
        Run noValue = Oko.run(data, "cycle", "--period");
        if (noValue.exit() != 2 || !noValue.err().contains("--period") || noValue.err().strip().lines().count() != 1) {
            wrong.add("--period without a value: " + noValue);
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void anEmptyRepositoryHasNoPeriodToEvaluate() {
        Run run = Oko.run(temp.resolve("empty"), "cycle").expect(1);
        assertEquals("the repository has no periods: import a model with periods (import) or give --period CODE",
                run.err().strip(), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }
}
