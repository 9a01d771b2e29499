package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * The reading commands and the reports over the sample ({@code import --sample}: bundles/oko.municipal/samples/
 * seeds.xmi and illustrative-monitoring.xmi), imported once into an embedded repository shared by
 * the tests of this class; none of them changes the model's objects.
 */
class SampleCommandsTest {

    /**
     * The objects of the sample, counted in the XMI files: every element is an object except the
     * multi-valued attribute {@code processingMethods}, written as elements without an id —
     * seeds.xmi 506 elements − 48 processingMethods = 458 (of which 8 are seed 004's rights and
     * protocol contents and 25 the illustrative meetings of wg-krg: 3 meetings, 14 attendances,
     * 4 agenda items, 3 decisions, 1 protocol), illustrative-monitoring.xmi 1048 − 30 = 1018 (879 raw
     * values, 96 attribute values, 15 runs, 12 schools…); 458 + 1018 = 1476; and the 7 RACI
     * participations of seed 003's functions (2-1, 2-2, 3-1, 3-2, 3-3 one each, 4-3 two): 1483.
     */
    private static final int SAMPLE_OBJECTS = 1483;

    @TempDir
    static Path temp;
    private static Path data;
    private static Run imported;

    @BeforeAll
    static void importSample() {
        data = temp.resolve("data");
        imported = Oko.run(data, "import", "--sample");
    }

    @Test
    void importOfTheSampleStoresEveryObjectOfItsTwoFiles() {
        imported.expect(0);
        assertTrue(imported.out().matches("(?s)Imported " + SAMPLE_OBJECTS + " objects \\(.*seeds.*illustrative-monitoring.*\\);"
                + " commit [0-9]+\\R"), imported::toString);
    }

    @Test
    void validateReportsExactlyTheSampleDiagnostics() throws IOException {
        Run validate = Oko.run(data, "validate").expect(0);
        assertEquals(expectedDiagnostics(), diagnostics(validate), validate::toString);
        assertEquals("Errors: 0, warnings: " + expectedDiagnostics().size() + ", objects checked: " + SAMPLE_OBJECTS,
                last(validate), validate::toString);
    }

    @Test
    void exportWritesEveryObjectAndTheFileValidatesAsTheRepository() throws IOException {
        Path file = temp.resolve("export.xmi");
        Run export = Oko.run(data, "export", "--out", file.toString()).expect(0);
        assertEquals("Exported " + SAMPLE_OBJECTS + " objects to " + file.toAbsolutePath(), export.out().strip());
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(879, count(text, "<rawValues "), "every raw value of the illustrative data");
        Run validate = Oko.run(data, "validate", file.toString()).expect(0);
        assertEquals(expectedDiagnostics(), diagnostics(validate), validate::toString);
        assertEquals("Errors: 0, warnings: " + expectedDiagnostics().size() + ", objects checked: " + SAMPLE_OBJECTS,
                last(validate), validate::toString);
    }

    @Test
    void reportListNamesEveryContributedLayout() {
        Run list = Oko.run(data, "report", "list").expect(0);
        TreeSet<String> ids = new TreeSet<>();
        for (String line : list.lines()) {
            String[] columns = line.split("\t");
            assertEquals(2, columns.length, line);
            ids.add(columns[0]);
        }
        // oko.reports contributes "roles", "protocol" and "raci", oko.municipal the six others (their plugin.xml)
        assertEquals(List.of("directions", "effectiveness", "monitoring", "plan", "protocol", "raci", "roles", "selfanalysis",
                "techmap"),
                List.copyOf(ids));
    }

    @Test
    void rolesReportInHtmlShowsTheSectionsFunctionsAndRolesOfSeed001() throws IOException {
        Path out = temp.resolve("roles.html");
        Run report = Oko.run(data, "report", "roles", "--format", "html", "--out", out.toString(), "--system",
                "msoko-functions-001").expect(0);
        assertEquals("Report \"roles\" written: " + out.toAbsolutePath(), report.out().strip());
        String text = text(Files.readString(out, StandardCharsets.UTF_8));
        // the English title (role-distribution_en.properties), section 2.2 of seed 001 and the role
        // its functions are given to (seeds.xmi: sec 2.2, r001-method-specialists)
        for (String expected : List.of("Distribution of functions", "2.2 Научно-методическое обеспечение функционирования",
                "Специалисты методической службы", "Организация методического сопровождения деятельности")) {
            assertTrue(text.contains(expected), "«" + expected + "» in " + text);
        }
    }

    /**
     * The sample's one measure (illustrative-monitoring.xmi ill-measure-1, period 2023, targets
     * ИШМ-04, ИШМ-05, ИШМ-08 on 1.2.1.1 and 1.2.1.2) against 2022. Change 2023 − 2022 of 1.2.1.1
     * (high scorers / graduates · 100): targets 04 4/31−4/28 = −1.3825, 05 1/24−1/26 = 0.3205,
     * 08 1/9−0/8 = 11.1111 → mean 3.3497; the other schools with both values (10, 11 have none):
     * 01 −1.6908, 02 1.3479, 03 −3.7815, 06 7.6923, 07 0.7576, 09 −14.2857, 12 0 → mean −1.4229;
     * effect 3.3497 + 1.4229 = 4.7726 (higher is better). 1.2.1.2 (failed GIA, lower is better):
     * targets −1.5394, −0.2640, −5.2288 → −2.3440 (printed −2.344: trailing zeros dropped); the nine
     * others −1.0078, −1.4448, 0.0207, −0.5109, 4.3290, 8.2418, −2.3810, 0, 1.3889 → 0.9596; effect
     * −(−2.3440 − 0.9596) = 3.3036. Direction 1.2: one measure, two rows, both effective, mean
     * (4.7726 + 3.3036) / 2 = 4.0381.
     */
    @Test
    void effectComparesTheMeasuresSchoolsWithTheOthers() {
        Run effect = Oko.run(data, "monitor", "effect", "--period", "2023", "--system", "ishimbay-msoko").expect(0);
        assertEquals(List.of(
                "measure\tindicator\twith_schools\twith_change\twithout_schools\twithout_change\teffect\teffective",
                "1\t1.2.1.1\t3\t3.3497\t7\t-1.4229\t4.7726\tyes",
                "1\t1.2.1.2\t3\t-2.344\t9\t0.9596\t3.3036\tyes",
                "",
                "direction\tmeasures\trows\teffective_rows\tmean_effect",
                "1.2\t1\t2\t2\t4.0381"), effect.lines(), effect::toString);
    }

    /** "SEVERITY RULE path" of each diagnostic line (the message after ": " left out). */
    private static List<String> diagnostics(Run validate) {
        List<String> lines = new ArrayList<>(validate.lines());
        lines.remove(lines.size() - 1); // the summary
        return lines.stream().map(line -> line.contains(": ") ? line.substring(0, line.indexOf(": ")) : line).toList();
    }

    private static List<String> expectedDiagnostics() throws IOException {
        return Files.readAllLines(Oko.samples().resolve("expected-diagnostics.txt"), StandardCharsets.UTF_8).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String last(Run run) {
        List<String> lines = run.lines();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    private static int count(String text, String what) {
        int count = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            count++;
        }
        return count;
    }

    /** The text of an HTML page: tags dropped, numeric character references decoded, spaces collapsed. */
    static String text(String html) {
        String text = html.replaceAll("(?s)<style.*?</style>|<script.*?</script>", " ").replaceAll("<[^>]+>", " ");
        Matcher reference = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder decoded = new StringBuilder();
        while (reference.find()) {
            int code = Integer.parseInt(reference.group(2), reference.group(1).isEmpty() ? 10 : 16);
            reference.appendReplacement(decoded, Matcher.quoteReplacement(new String(Character.toChars(code))));
        }
        reference.appendTail(decoded);
        return decoded.toString().replace("&nbsp;", " ").replace("&amp;", "&").replace("&quot;", "\"")
                .replaceAll("\\s+", " ");
    }
}
