package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * {@code monitor import / compute / risk / recommend / correlate} on five schools whose values are
 * chosen here, so every figure is worked out by hand. The repository holds seeds.xmi (the system
 * ishimbay-msoko with its indicators, measures, risk groups and the period 2021) and a small model
 * (below): the schools T-1, T-2, T-3 in cluster A and T-4, T-5 in cluster B, the period 2022 after
 * 2021, and one recommendation rule on 1.2.1.2 (value above the cluster median → the school).
 * The repository is prepared once for the class; the tests only read what the import stored
 * (compute, risk and recommend store results, which no other test reads).
 *
 * <p>Values (ege = high scorers / graduates, gia = grade-2 students / participants):
 * <pre>
 *          2021: ege   → 1.2.1.1   gia   → 1.2.1.2     2022: ege   → 1.2.1.1   gia   → 1.2.1.2
 *   T-1 A        5/10  →  50       0/20  →  0                8/20  →  40       1/50  →  2
 *   T-2 A        3/10  →  30       1/20  →  5                4/20  →  20       3/50  →  6
 *   T-3 A        1/10  →  10       3/20  →  15               2/20  →  10       5/50  →  10
 *   T-4 B        2/10  →  20       2/20  →  10               6/20  →  30       2/50  →  4
 *   T-5 B        4/10  →  40       1/20  →  5                1/20  →   5       4/50  →  8
 * </pre>
 */
class MonitorCommandsTest {

    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oko:ModelRoot xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:oko="http://oko.dev/model/1.0" xmi:id="root-five" name="Five schools (command tests)">
              <periods xmi:id="five-2022" code="2022" name="2022" kind="CALENDAR_YEAR" startDate="2022-01-01" endDate="2022-12-31" previous="seeds.xmi#per-2021"/>
              <clusters xmi:id="five-a" code="A" name="Cluster A"/>
              <clusters xmi:id="five-b" code="B" name="Cluster B"/>
              <organisations xmi:id="five-1" code="T-1" name="School 1" kind="SCHOOL" territory="seeds.xmi#ter-ishimbay" cluster="five-a"/>
              <organisations xmi:id="five-2" code="T-2" name="School 2" kind="SCHOOL" territory="seeds.xmi#ter-ishimbay" cluster="five-a"/>
              <organisations xmi:id="five-3" code="T-3" name="School 3" kind="SCHOOL" territory="seeds.xmi#ter-ishimbay" cluster="five-a"/>
              <organisations xmi:id="five-4" code="T-4" name="School 4" kind="SCHOOL" territory="seeds.xmi#ter-ishimbay" cluster="five-b"/>
              <organisations xmi:id="five-5" code="T-5" name="School 5" kind="SCHOOL" territory="seeds.xmi#ter-ishimbay" cluster="five-b"/>
              <qualitySystems xmi:id="five-rules" code="five-rules" level="MUNICIPALITY" territory="seeds.xmi#ter-ishimbay" name="Rules for the five schools">
                <recommendationRules xmi:id="five-rule" code="R-GIA" name="Failed GIA above the cluster median" indicator="seeds.xmi#ind-1.2.1.2" condition="value &gt; median" addressee="SCHOOL" template="{school}: failed GIA {value} above the cluster median {median}" direction="seeds.xmi#dir-1.2"/>
              </qualitySystems>
            </oko:ModelRoot>
            """;

    @TempDir
    static Path temp;
    private static Path data;
    private static Run imported2021;
    private static Run imported2022;

    @BeforeAll
    static void prepare() throws IOException {
        data = temp.resolve("data");
        Path models = Files.createDirectories(temp.resolve("models"));
        Files.copy(Oko.samples().resolve("seeds.xmi"), models.resolve("seeds.xmi"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(models.resolve("five.xmi"), MODEL, StandardCharsets.UTF_8);
        Oko.run(data, "import", models.resolve("seeds.xmi").toString(), models.resolve("five.xmi").toString()).expect(0);
        imported2021 = Oko.run(data, "monitor", "import", csv("2021", new int[][] {
                { 5, 10, 0, 20 }, { 3, 10, 1, 20 }, { 1, 10, 3, 20 }, { 2, 10, 2, 20 }, { 4, 10, 1, 20 } }).toString(),
                "--period", "2021", "--system", "ishimbay-msoko");
        imported2022 = Oko.run(data, "monitor", "import", csv("2022", new int[][] {
                { 8, 20, 1, 50 }, { 4, 20, 3, 50 }, { 2, 20, 5, 50 }, { 6, 20, 2, 50 }, { 1, 20, 4, 50 } }).toString(),
                "--period", "2022", "--system", "ishimbay-msoko");
    }

    /** A long-form CSV: per school T-1…T-5 ege_high_scorers, ege_graduates, gia_grade2_students, gia_participants. */
    private static Path csv(String name, int[][] values) throws IOException {
        StringBuilder text = new StringBuilder("school;measure;value\n");
        String[] measures = { "ege_high_scorers", "ege_graduates", "gia_grade2_students", "gia_participants" };
        for (int school = 0; school < values.length; school++) {
            for (int m = 0; m < measures.length; m++) {
                text.append("T-").append(school + 1).append(';').append(measures[m]).append(';')
                        .append(values[school][m]).append('\n');
            }
        }
        return Files.writeString(temp.resolve(name + ".csv"), text.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void importStoresTwentyValuesPerPeriod() {
        for (Run run : List.of(imported2021, imported2022)) {
            run.expect(0);
            String period = run.arguments().get(run.arguments().indexOf("--period") + 1);
            // 5 schools × 4 measures, none there before
            assertTrue(run.out().startsWith("Stored 20 values from " + temp.resolve(period + ".csv")), run::toString);
            assertTrue(run.out().contains(", period " + period + "\n"), run::toString);
            assertTrue(run.out().contains("Form: long; values replaced: 0; system ishimbay-msoko; runs: "), run::toString);
        }
    }

    /**
     * 2022, 1.2.1.1 (higher is better): 40, 20, 10, 30, 5 → ranks T-1 1, T-4 2, T-2 3, T-3 4, T-5 5;
     * scores 100·(v − 5)/(40 − 5): 100, 42.8571, 14.2857, 71.4286, 0; median of all 20, mean 105/5 =
     * 21; cluster medians A (40, 20, 10) 20, B (30, 5) 17.5. 1.2.1.2 (lower is better): 2, 6, 10, 4,
     * 8 → ranks T-1 1, T-4 2, T-2 3, T-5 4, T-3 5; scores 100·(10 − v)/(10 − 2): 100, 50, 0, 75, 25;
     * median 6, mean 30/5 = 6; cluster medians A (2, 6, 10) 6, B (4, 8) 6.
     */
    @Test
    void computePrintsValuesRanksScoresAndMedians() {
        Run compute = Oko.run(data, "monitor", "compute", "--period", "2022", "--system", "ishimbay-msoko").expect(0);
        assertEquals("indicator\tschool\tcluster\tvalue\trank\tscaled\tcluster_median\tmedian\tmean\tno_value_reason",
                compute.lines().get(0));
        Map<String, String> rows = rows(compute, "1.2.1.1", "1.2.1.2");
        assertEquals(Map.of(
                "1.2.1.1 T-1", "A\t40\t1\t100\t20\t20\t21\t",
                "1.2.1.1 T-2", "A\t20\t3\t42.8571\t20\t20\t21\t",
                "1.2.1.1 T-3", "A\t10\t4\t14.2857\t20\t20\t21\t",
                "1.2.1.1 T-4", "B\t30\t2\t71.4286\t17.5\t20\t21\t",
                "1.2.1.1 T-5", "B\t5\t5\t0\t17.5\t20\t21\t",
                "1.2.1.2 T-1", "A\t2\t1\t100\t6\t6\t6\t",
                "1.2.1.2 T-2", "A\t6\t3\t50\t6\t6\t6\t",
                "1.2.1.2 T-3", "A\t10\t5\t0\t6\t6\t6\t",
                "1.2.1.2 T-4", "B\t4\t2\t75\t6\t6\t6\t",
                "1.2.1.2 T-5", "B\t8\t4\t25\t6\t6\t6\t"), rows, compute::toString);
    }

    /**
     * ШНОР 2022: worse than the cluster median on at least half of the indicators with values in
     * 2022 and in 2021. 2022: T-3 10 &lt; 20 and 10 &gt; 6, T-5 5 &lt; 17.5 and 8 &gt; 6 → low; T-2 equals
     * both medians (not worse); T-1, T-4 better. 2021: cluster A medians 30 (50, 30, 10) and 5 (0, 5,
     * 15) → T-3 (10, 15) low; cluster B 30 (20, 40) and 7.5 (10, 5) → T-5 (40, 5) better on both. So
     * only T-3, new against 2021 (an empty list: 2021 has no previous period). ШНСУ: no school has
     * social values → empty.
     */
    @Test
    void riskListsTheSchoolLowInBothPeriods() {
        Run risk = Oko.run(data, "monitor", "risk", "--period", "2022", "--system", "ishimbay-msoko").expect(0);
        assertEquals(List.of("group\tschool\tstatus", "ШНОР\tT-3\tentered"), risk.lines(), risk::toString);
    }

    /** R-GIA, 1.2.1.2 in 2022 above the cluster median 6: T-3 (10) in A, T-5 (8) in B; T-2 (6) is not above. */
    @Test
    void recommendAddressesTheSchoolsAboveTheirClusterMedian() {
        Run recommend = Oko.run(data, "monitor", "recommend", "--period", "2022", "--system", "ishimbay-msoko").expect(0);
        assertEquals("rule\taddressee\tindicator\tvalue\tthreshold\tstatus\ttext", recommend.lines().get(0));
        Map<String, String> byAddressee = new TreeMap<>();
        for (String line : recommend.lines().subList(1, recommend.lines().size())) {
            String[] columns = line.split("\t", -1);
            if (columns[0].equals("R-GIA")) {
                byAddressee.put(columns[1], columns[2] + " " + columns[3] + " " + columns[6]);
            }
        }
        assertEquals(Map.of(
                "T-3", "1.2.1.2 10 School 3: failed GIA 10 above the cluster median 6",
                "T-5", "1.2.1.2 8 School 5: failed GIA 8 above the cluster median 6"), byAddressee, recommend::toString);
    }

    /**
     * 1.2.1.1 against 1.2.1.2 in 2022 over the 5 schools: x = 40, 20, 10, 30, 5 (mean 21), y = 2, 6,
     * 10, 4, 8 (mean 6). Deviations x: 19, −1, −11, 9, −16; y: −4, 0, 4, −2, 2. Σdxdy = −76 + 0 − 44
     * − 18 − 32 = −170; Σdx² = 361 + 1 + 121 + 81 + 256 = 820; Σdy² = 16 + 0 + 16 + 4 + 4 = 40;
     * Pearson r = −170 / √(820·40) = −170 / 181.1077 = −0.9387. Ranks x: 5, 3, 2, 4, 1; y: 1, 3, 5,
     * 2, 4; d² = 16 + 0 + 9 + 4 + 9 = 38; Spearman ρ = 1 − 6·38 / (5·24) = −0.9.
     */
    @Test
    void correlatePrintsPearsonAndSpearman() {
        Run correlate = Oko.run(data, "monitor", "correlate", "1.2.1.1", "1.2.1.2", "--period", "2022", "--system",
                "ishimbay-msoko").expect(0);
        assertEquals(List.of("a\tb\tschools\tpearson\tspearman", "1.2.1.1\t1.2.1.2\t5\t-0.9387\t-0.9"),
                correlate.lines(), correlate::toString);
    }

    @Test
    void anUnknownPeriodIsAnErrorNotAUsageMistake() {
        Run run = Oko.run(data, "monitor", "compute", "--period", "1999").expect(1);
        assertEquals("the repository has no period with code \"1999\"", run.err().strip(), run::toString);
    }

    /** "indicator school" → the rest of the row, for the rows of those indicators. */
    private static Map<String, String> rows(Run run, String... indicators) {
        Map<String, String> rows = new TreeMap<>();
        List<String> wanted = List.of(indicators);
        for (String line : run.lines().subList(1, run.lines().size())) {
            String[] columns = line.split("\t", 3);
            if (wanted.contains(columns[0])) {
                rows.put(columns[0] + " " + columns[1], columns[2]);
            }
        }
        return rows;
    }
}
