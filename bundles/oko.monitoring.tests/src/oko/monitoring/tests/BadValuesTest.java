package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.DataElement;
import oko.model.Indicator;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Territory;
import oko.model.ValueKind;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Checked;
import oko.monitoring.RawValueImport.Layout;
import oko.monitoring.bench.ImportFixture;

/**
 * Issue 25, items 3, 4 and 12: values that cannot be (NaN, infinity, negative or fractional
 * counts, flags other than 0/1, percentages outside 0–100, organisations the system does not
 * monitor, XLSX formulas without a value) are refused naming file, line, column (or cell) and
 * reason; a stored bad value does not stop the computation; encoding trouble and very many bad
 * rows give short, useful messages.
 */
class BadValuesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @TempDir
    Path temp;

    private final ImportFixture model = new ImportFixture("msoko", "2023", "M");
    private final ModelRoot root = model.root;
    private final QualitySystem system = model.system;
    private final Period period = model.period;
    private final Monitoring monitoring = model.monitoring;
    private final Territory district = F.createTerritory();
    private final Territory otherDistrict = F.createTerritory();
    private final Organisation authority = organisation("uo", OrganisationKind.AUTHORITY, district);

    BadValuesTest() {
        district.setName("Ишимбайский район");
        otherDistrict.setName("Красногорский район");
        root.getTerritories().add(district);
        root.getTerritories().add(otherDistrict);
        system.setTerritory(district);
        system.setOrganisation(authority);
        organisation("S1", OrganisationKind.SCHOOL, district);
        organisation("S2", OrganisationKind.SCHOOL, district);
        organisation("FAR", OrganisationKind.SCHOOL, otherDistrict);
        organisation("IMC", OrganisationKind.METHODICAL_SERVICE, district);
        element("pupils", ValueKind.COUNT);
        element("remote", ValueKind.FLAG);
        element("share", ValueKind.PERCENT);
        element("ratio", ValueKind.NUMBER);
        element("npa", ValueKind.FLAG);
    }

    private Organisation organisation(String code, OrganisationKind kind, Territory territory) {
        Organisation organisation = model.organisation(code, kind);
        organisation.setTerritory(territory);
        return organisation;
    }

    private DataElement element(String code, ValueKind kind) {
        return model.element(code, kind);
    }

    private Path file(String name, String text, Charset charset) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    private Checked check(Path file) throws Exception {
        return RawValueImport.check(file, null, system, period);
    }

    /**
     * Asserts that one problem has all the parts: plain text, or a regular expression after "re:"
     * (for what is said differently in the two languages the tests may run in).
     */
    private static void assertProblem(List<String> problems, String... parts) {
        for (String problem : problems) {
            if (java.util.Arrays.stream(parts).allMatch(part -> part.startsWith("re:")
                    ? java.util.regex.Pattern.compile(part.substring(3)).matcher(problem).find()
                    : problem.contains(part))) {
                return;
            }
        }
        throw new AssertionError("no problem with " + List.of(parts) + " in\n" + String.join("\n", problems));
    }

    /** "file, line L, column C" in either language. */
    private static String at(String file, int line, int column) {
        return "re:" + java.util.regex.Pattern.quote(file) + ", (строка|line) " + line + ", (столбец|column) " + column
                + ":";
    }

    /** "file, line L" in either language. */
    private static String at(String file, int line) {
        return "re:" + java.util.regex.Pattern.quote(file) + ", (строка|line) " + line + "\\b";
    }

    @Test
    void valuesThatDoNotFitTheirMeasureAreRefusedWithFileLineColumnAndReason() throws Exception {
        Path file = file("values.csv", String.join("\n", "school;measure;value", // line 1
                "S1;pupils;NaN", // 2
                "S1;ratio;Infinity", // 3
                "S2;pupils;-3", // 4
                "S2;ratio;-1e999", // 5: parses to -infinity
                "S1;share;101", // 6
                "S1;remote;2", // 7
                "S2;share;-0,5", // 8
                "S2;remote;да", // 9: fine
                "S2;pupils;2,5", // 10
                "S1;npa;нет"), // 11: fine
                StandardCharsets.UTF_8);
        Checked checked = check(file);
        assertEquals(List.of(), checked.rows(), "nothing of a file with errors");
        List<String> problems = checked.problems();
        assertEquals(8, problems.size(), String.join("\n", problems));
        String notFinite = "re:не конечное число|not a finite number";
        assertProblem(problems, at("values.csv", 2, 3), "NaN", "pupils", notFinite);
        assertProblem(problems, at("values.csv", 3, 3), "Infinity", "ratio", notFinite);
        assertProblem(problems, at("values.csv", 4, 3), "-3", "pupils", "re:целым неотрицательным|non-negative whole");
        assertProblem(problems, at("values.csv", 5, 3), "-1e999", notFinite);
        assertProblem(problems, at("values.csv", 6, 3), "101", "share", "re:от 0 до 100|from 0 to 100");
        assertProblem(problems, at("values.csv", 7, 3), "re:[«\"]2[»\"]", "remote", "re:0 или 1|0 or 1");
        assertProblem(problems, at("values.csv", 8, 3), "-0,5", "re:от 0 до 100|from 0 to 100");
        assertProblem(problems, at("values.csv", 10, 3), "2,5", "re:целым|whole");
    }

    @Test
    void flagsTakeYesAndNoWordsAndWideFormNamesTheColumn() throws Exception {
        Checked good = check(file("wide.csv", "school;remote;pupils\nS1;да;10\nS2;Нет;0\n", StandardCharsets.UTF_8));
        assertEquals(List.of(), good.problems());
        assertEquals(List.of(1.0, 10.0, 0.0, 0.0), good.rows().stream().map(RawValueImport.Row::value).toList());
        Checked bad = check(file("wide-bad.csv", "school;remote;pupils\nS1;1;10\nS2;0;-1\n", StandardCharsets.UTF_8));
        assertEquals(1, bad.problems().size(), bad.problems().toString());
        assertProblem(bad.problems(), at("wide-bad.csv", 3, 3), "-1", "pupils");
    }

    @Test
    void onlyTheSystemsSchoolsAreTaken() throws Exception {
        Path file = file("orgs.csv", String.join("\n", "school;measure;value", "uo;pupils;5", "FAR;pupils;5",
                "IMC;pupils;5", "S1;pupils;5"), StandardCharsets.UTF_8);
        Checked checked = check(file);
        List<String> problems = checked.problems();
        assertEquals(3, problems.size(), String.join("\n", problems));
        assertProblem(problems, at("orgs.csv", 2, 1), "uo", "msoko");
        assertProblem(problems, at("orgs.csv", 3, 1), "FAR", "Ишимбайский район");
        assertProblem(problems, at("orgs.csv", 4, 1), "IMC", "re:не школа|not a school");

        // the authority's own measures (it has values of them already) stay importable
        MonitoringRun run = F.createMonitoringRun();
        run.setPeriod(period);
        monitoring.getRuns().add(run);
        RawValue npa = F.createRawValue();
        npa.setOrganisation(authority);
        npa.setCode("npa");
        npa.setValue(0);
        run.getRawValues().add(npa);
        Checked own = check(file("own.csv", "school;measure;value\nuo;npa;1\n", StandardCharsets.UTF_8));
        assertEquals(List.of(), own.problems());
        Checked notOwn = check(file("notown.csv", "school;measure;value\nuo;pupils;1\n", StandardCharsets.UTF_8));
        assertEquals(1, notOwn.problems().size(), notOwn.problems().toString());
    }

    private Path xlsx(String name, boolean cachedResults, Object[]... rows) throws Exception {
        Path file = temp.resolve(name);
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Данные");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value instanceof String text && text.startsWith("=")) {
                        row.createCell(c).setCellFormula(text.substring(1));
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            if (cachedResults) {
                workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    @Test
    void aFormulaIsEvaluatedAndOneWithoutAValueIsRefusedNamingTheCell() throws Exception {
        // written by a program: no cached results, which POI read as 0 before
        Path file = xlsx("formulas.xlsx", false, new Object[] { "school", "measure", "value" },
                new Object[] { "S1", "pupils", "=2+3" }, new Object[] { "S2", "pupils", "=1/0" });
        Checked checked = check(file);
        assertEquals(1, checked.problems().size(), checked.problems().toString());
        assertProblem(checked.problems(), "formulas.xlsx", "Данные", "C3", "1/0", "#DIV/0!");
        assertEquals(List.of(), checked.rows());

        Path good = xlsx("good.xlsx", false, new Object[] { "school", "measure", "value" },
                new Object[] { "S1", "pupils", "=2+3" }, new Object[] { "S2", "pupils", "=SUM(4,6)" });
        Checked evaluated = check(good);
        assertEquals(List.of(), evaluated.problems());
        assertEquals(List.of(5.0, 10.0), evaluated.rows().stream().map(RawValueImport.Row::value).toList());

        Path unknown = xlsx("unknown.xlsx", true, new Object[] { "school", "measure", "value" },
                new Object[] { "S1", "pupils", "=1/0" });
        assertProblem(check(unknown).problems(), "unknown.xlsx", "C2", "#DIV/0!");
    }

    @Test
    void aFormulaPoiCannotEvaluateIsRefusedNamingTheCell() throws Exception {
        // FISHER is one of the functions POI does not implement
        Path file = xlsx("unsupported.xlsx", false, new Object[] { "school", "measure", "value" },
                new Object[] { "S1", "pupils", "=FISHER(0.5)" });
        Checked checked;
        try {
            checked = check(file);
        } catch (RuntimeException e) {
            throw new AssertionError("an unevaluable formula must be a problem, not " + e, e);
        }
        assertEquals(1, checked.problems().size(), checked.problems().toString());
        assertProblem(checked.problems(), "unsupported.xlsx", "C2", "FISHER");
    }

    @Test
    void aWrongEncodingNamesTheEncodingTriedAndTheOther() throws Exception {
        // a KOI8-R header is not UTF-8, so it is read as Windows-1251: no column «школа» is found
        Path koi8 = file("koi8.csv", "Школа;Показатель;Значение\nS1;pupils;5\n", Charset.forName("KOI8-R"));
        Checked checked = check(koi8);
        assertFalse(checked.ok());
        assertProblem(checked.problems(), "koi8.csv", "windows-1251", "UTF-8");

        // UTF-8 names in a file with one Windows-1251 byte: read as Windows-1251, the names are garbled
        byte[] utf8 = "school;measure;value\nШкола-1;pupils;5\n".getBytes(StandardCharsets.UTF_8);
        byte[] mixed = java.util.Arrays.copyOf(utf8, utf8.length + 8);
        System.arraycopy("S1;npa;".getBytes(StandardCharsets.US_ASCII), 0, mixed, utf8.length, 7);
        mixed[mixed.length - 1] = (byte) 0xE4; // «д» in Windows-1251, invalid in UTF-8
        Path garbled = temp.resolve("mixed.csv");
        Files.write(garbled, mixed);
        Checked mixedChecked = check(garbled);
        assertProblem(mixedChecked.problems(), "mixed.csv", "windows-1251", "UTF-8");

        Path utf16 = file("utf16.csv", "school;measure;value\nS1;pupils;5\n", StandardCharsets.UTF_16LE);
        assertProblem(check(utf16).problems(), "utf16.csv", "UTF-16", "UTF-8");

        // an ordinary unknown school is not blamed on the encoding
        Checked unknown = check(file("unknown.csv", "school;measure;value\nИШМ-77;pupils;5\n", StandardCharsets.UTF_8));
        assertEquals(1, unknown.problems().size(), unknown.problems().toString());
    }

    @Test
    void aFileWithVeryManyBadRowsListsTheFirstHundredAndTheCount() throws Exception {
        StringBuilder text = new StringBuilder("school;measure;value\n");
        for (int i = 0; i < 5000; i++) {
            text.append("S1;pupils;-").append(i + 1).append('\n');
        }
        Checked checked = check(file("many.csv", text.toString(), StandardCharsets.UTF_8));
        assertEquals(5000, checked.problemCount());
        assertEquals(RawValueImport.MAX_PROBLEMS + 1, checked.problems().size());
        assertProblem(checked.problems().subList(0, 1), at("many.csv", 2, 3));
        assertProblem(checked.problems().subList(99, 100), at("many.csv", 101, 3));
        String last = checked.problems().get(100);
        assertTrue(last.contains("4900") && last.contains("5000") && last.contains("100"), last);
    }

    @Test
    void aStoredValueThatCannotBeDoesNotStopTheComputationAndIsNamed() {
        Indicator indicator = F.createIndicator();
        indicator.setCode("I");
        indicator.setFormula("pupils * 2");
        system.getIndicators().add(indicator);
        monitoring.getIndicators().add(indicator);
        MonitoringRun run = F.createMonitoringRun();
        run.setPeriod(period);
        run.setName("M, 2023");
        monitoring.getRuns().add(run);
        DataElement pupils = system.getDataElements().get(0);
        int i = 0;
        for (double value : new double[] { Double.NaN, 7, Double.POSITIVE_INFINITY }) {
            RawValue raw = F.createRawValue();
            raw.setOrganisation(root.getOrganisations().get(1 + i++));
            raw.setCode("pupils");
            raw.setElement(pupils);
            raw.setValue(value);
            run.getRawValues().add(raw);
        }
        List<IndicatorResult> results = MonitoringEngine.compute(system, period);
        IndicatorResult result = results.get(0);
        Organisation s1 = root.getOrganisations().get(1);
        Organisation s2 = root.getOrganisations().get(2);
        assertEquals(14.0, result.value(s2).getAsDouble(), 1e-12, "the good value is computed");
        assertTrue(result.value(s1).isEmpty(), "the NaN is skipped");
        List<String> warnings = MonitoringEngine.badValues(system, period);
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("S1") && warnings.get(0).contains("pupils")
                && warnings.get(0).contains("NaN"), warnings.get(0));
        assertTrue(warnings.get(1).contains("FAR") && warnings.get(1).contains("Infinity"), warnings.get(1));
    }
}
