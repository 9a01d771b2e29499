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

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * {@code ./oko cycle}: the management cycle of every direction as TSV, over the sample imported
 * once ({@code import --sample}; no test changes it). Expectations worked out by hand from
 * bundles/oko.municipal/samples and the checks of oko.cycle (weights in its weights/oko.cycle.properties):
 * <ul>
 * <li>ishimbay-msoko has nine directions; only 1.2 has stages (seeds.xmi stage-1.2-1…6), and every
 * indicator, monitoring, recommendation and measure of the sample belongs to 1.2. The other eight
 * are not described: every check missing (no stage, goal, indicator, monitoring, recommendation,
 * measure, plan item; 2023 has no following period), every stage 0, score 0, all six stages incomplete.</li>
 * <li>1.2, goals: OKO-EV-1.1 described (weight 1), 1.2 four goals (2), 1.3 each with indicators (2),
 * 1.4 none with a target value or an indicator's threshold: 0/4 (1), 1.5 only goal-1.2-2 has a
 * deadline: 1/4 (1) → round(100 · 5.25 / 7) = 75. Its cycle is incomplete: OKO-EV-6.3 (weight 2) is
 * missing, no period follows 2023, so stage 6 (effectiveness) is among the incomplete stages.</li>
 * <li>Without options: the latest period that has begun is 2023 (periods 2021, 2022, 2023); of the
 * systems with directions (ishimbay-msoko, krasnogorsk-msoko) ishimbay-msoko has monitoring runs in
 * 2023 (illustrative-monitoring.xmi).</li>
 * </ul>
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
        data = Oko.sampleData(temp);
    }

    @Test
    void withoutOptionsTheSystemWithDirectionsAndDataOfTheLatestPeriodIsShown() {
        Run run = Oko.run(data, "cycle").expect(0);
        assertEquals(HEADER, run.lines().get(0), run::toString);
        String none = "\t0\t0\t0\t0\t0\t0\t0\tnot-described\tgoals,indicators,monitoring,analysis,measures,effectiveness";
        List<String> lines = run.lines();
        assertEquals(10, lines.size(), run::toString);
        assertEquals("1.1\tСистема оценки качества подготовки обучающихся" + none, lines.get(1));
        assertEquals(List.of(
                "1.3\tСистема выявления, поддержки и развития способностей и талантов у детей и молодежи" + none,
                "1.4\tСистема работы по самоопределению и профессиональной ориентации обучающихся" + none,
                "2.1\tСистема эффективности процедур оценки качества образования и олимпиад школьников" + none,
                "2.2\tСистема мониторинга эффективности руководителей образовательных организаций" + none,
                "2.3\tСистема мониторинга качества дополнительного профессионального образования педагогических работников"
                        + none,
                "2.4\tСистема методической работы" + none,
                "2.5\tСистема организации воспитания и социализации обучающихся" + none), lines.subList(3, 10));
        String[] direction12 = lines.get(2).split("\t", -1);
        assertEquals(11, direction12.length, lines.get(2));
        assertEquals(List.of("1.2", "Система работы со школами с низкими результатами обучения и/или школами, функционирующими"
                + " в неблагоприятных социальных условиях", "75"), List.of(direction12).subList(0, 3));
        assertEquals("incomplete", direction12[9], lines.get(2));
        assertTrue(direction12[10].endsWith("effectiveness"), lines.get(2));
        assertEquals(List.of("Management cycles of the system ishimbay-msoko in the period 2023 on " + TODAY
                + ": 9 directions; full cycle: 0, incomplete cycle: 1, not described: 8"), run.err().lines().toList(),
                run::toString);
        // the same as naming them
        Run named = Oko.run(data, "cycle", "--system", "ishimbay-msoko", "--period", "2023").expect(0);
        assertEquals(run.out(), named.out());
    }

    @Test
    void strictExits1WhenADirectionsCycleIsNotFullNotDescribedIncluded() {
        Run run = Oko.run(data, "cycle", "--strict").expect(1);
        assertEquals(10, run.lines().size(), run::toString);
        assertEquals("--strict: the cycle is not full for 9 directions: 1.1, 1.2, 1.3, 1.4, 2.1, 2.2, 2.3, 2.4, 2.5",
                run.err().lines().toList().get(1), run::toString);
        // krasnogorsk-msoko's one direction (2.2, no stages) is not described: not full either
        Run krasnogorsk = Oko.run(data, "cycle", "--system", "krasnogorsk-msoko", "--period", "2023", "--strict").expect(1);
        assertEquals("2.2\tМуниципальный мониторинг эффективности деятельности руководителей образовательных организаций"
                + "\t0\t0\t0\t0\t0\t0\t0\tnot-described\tgoals,indicators,monitoring,analysis,measures,effectiveness",
                krasnogorsk.lines().get(1), krasnogorsk::toString);
    }

    @Test
    void aSystemWithoutDirectionsHasAnEmptyTableAndNothingToFailStrictly() {
        Run run = Oko.run(data, "cycle", "--system", "msoko-functions-001", "--period", "2023", "--strict").expect(0);
        assertEquals(List.of(HEADER), run.lines(), run::toString);
        assertEquals(List.of("Management cycles of the system msoko-functions-001 in the period 2023 on " + TODAY
                + ": 0 directions; full cycle: 0, incomplete cycle: 0, not described: 0"), run.err().lines().toList());
    }

    /**
     * Two systems with directions and no monitoring data (the sample's ishimbay-msoko has runs in
     * every period, so a model of its own): the command asks for --system, naming both. Their one
     * period begins in 2030, so without --period there is no period that has begun.
     */
    @Test
    void severalSystemsWithDirectionsAndNoDataForThePeriodMustBeChosenFrom() throws Exception {
        Path model = temp.resolve("two-systems.xmi");
        java.nio.file.Files.writeString(model, """
                <?xml version="1.0" encoding="UTF-8"?>
                <oko:ModelRoot xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:oko="http://oko.dev/model/1.0" \
                xmi:id="r" name="Две системы">
                  <periods xmi:id="p" code="2030" name="2030 год" kind="CALENDAR_YEAR" startDate="2030-01-01" endDate="2030-12-31"/>
                  <qualitySystems xmi:id="a" code="msoko-a" name="МСОКО А" level="MUNICIPALITY">
                    <directions xmi:id="da" code="1.1" name="Направление А"/>
                  </qualitySystems>
                  <qualitySystems xmi:id="b" code="msoko-b" name="МСОКО Б" level="MUNICIPALITY">
                    <directions xmi:id="db" code="1.1" name="Направление Б"/>
                  </qualitySystems>
                </oko:ModelRoot>
                """);
        Path two = temp.resolve("two");
        Oko.run(two, "import", model.toString()).expect(0);
        Run run = Oko.run(two, "cycle", "--period", "2030").expect(2);
        assertEquals("oko cycle: choose the system (--system CODE): no system with directions has monitoring data for"
                + " the period 2030; systems with directions: msoko-a, msoko-b (see \"./oko help\")",
                run.err().strip(), run::toString);
        assertEquals("", run.out());
        Run notBegun = Oko.run(two, "cycle").expect(1);
        assertEquals("the repository has no period that has begun: import a model with periods (import) or give"
                + " --period CODE", notBegun.err().strip(), notBegun::toString);
        Run chosen = Oko.run(two, "cycle", "--period", "2030", "--system", "msoko-b").expect(0);
        assertEquals(List.of(HEADER, "1.1\tНаправление Б\t0\t0\t0\t0\t0\t0\t0\tnot-described\t"
                + "goals,indicators,monitoring,analysis,measures,effectiveness"), chosen.lines(), chosen::toString);
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
        assertEquals("the repository has no period that has begun: import a model with periods (import) or give"
                + " --period CODE",
                run.err().strip(), run::toString);
        assertTrue(run.out().isEmpty(), run::toString);
    }
}
