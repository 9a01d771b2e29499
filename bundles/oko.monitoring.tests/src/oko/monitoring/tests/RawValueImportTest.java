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
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Checked;
import oko.monitoring.RawValueImport.Layout;
import oko.monitoring.bench.ImportFixture;

class RawValueImportTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @TempDir
    Path temp;

    private final ImportFixture model = new ImportFixture(null, "2023", "M1");
    private final ModelRoot root = model.root;
    private final QualitySystem system = model.system;
    private final Period period = model.period;
    private final Monitoring monitoring = model.monitoring;

    RawValueImportTest() {
        model.school("ИШМ-01");
        model.school("ИШМ-02");
        model.element("passed");
        model.element("total");
    }

    private Path file(String name, String text, Charset charset) throws Exception {
        Path file = temp.resolve(name);
        Files.write(file, text.getBytes(charset));
        return file;
    }

    @Test
    void longFormUtf8WithDecimalCommaIsStoredAndReimportReplaces() throws Exception {
        Path file = file("long.csv", "\uFEFFschool;period;measure;value\nИШМ-01;2023;passed;5\nИШМ-01;2023;total;10,5\n"
                + "ИШМ-02;2023;passed;8\n", StandardCharsets.UTF_8);
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertEquals(List.of(), checked.problems());
        assertEquals("UTF-8", checked.encoding());
        assertEquals(3, RawValueImport.store(system, period, checked.rows()));
        List<RawValue> stored = monitoring.getRuns().get(0).getRawValues();
        assertEquals(3, stored.size());
        assertEquals(10.5, stored.get(1).getValue(), 1e-12);
        assertEquals(period, monitoring.getRuns().get(0).getPeriod());

        Path again = file("again.csv", "school,measure,value\nИШМ-01,total,11\n", StandardCharsets.UTF_8);
        RawValueImport.store(system, period, RawValueImport.check(again, Layout.LONG, system, period).rows());
        assertEquals(3, stored.size(), "re-import replaces the value");
        assertEquals(11.0, stored.get(1).getValue(), 1e-12);
    }

    @Test
    void wideFormInWindows1251WithRussianHeader() throws Exception {
        Path file = file("wide.csv", "Школа;passed;total\nИШМ-01;5;10\nИШМ-02;;9\n", Charset.forName("windows-1251"));
        Checked checked = RawValueImport.check(file, Layout.WIDE, system, period);
        assertEquals(List.of(), checked.problems());
        assertEquals("windows-1251", checked.encoding());
        assertEquals(3, checked.rows().size(), "the empty cell is not a value");
        assertEquals(2, checked.rows().get(2).line() - 1);
    }

    @Test
    void everyBadRowIsReportedWithFileLineAndReasonAndNothingIsReturned() throws Exception {
        Path file = file("bad.csv", String.join("\n", "school;measure;value", "ИШМ-01;passed;пять",
                "ИШМ-99;passed;1", "ИШМ-01;unknown_measure;1", "ИШМ-02;total;4", "ИШМ-02;total;5",
                "ИШМ-02;passed;", "ИШМ-01;total;3"), StandardCharsets.UTF_8);
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertFalse(checked.ok());
        assertEquals(List.of(), checked.rows());
        List<String> problems = checked.problems();
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("bad.csv, ") && problems.get(0).contains(" 2") && problems.get(0).contains("пять"),
                problems.get(0));
        assertTrue(problems.get(1).contains(" 3") && problems.get(1).contains("ИШМ-99"), problems.get(1));
        assertTrue(problems.get(2).contains(" 4") && problems.get(2).contains("unknown_measure"), problems.get(2));
        assertTrue(problems.get(3).contains(" 6") && problems.get(3).contains("total"), problems.get(3));
        assertTrue(problems.get(4).contains(" 7") && problems.get(4).contains("passed"), problems.get(4));
    }

    @Test
    void aFileInAnotherEncodingIsRefusedNotStoredAsGarbage() throws Exception {
        Path file = file("utf16.csv", "school;measure;value\nИШМ-01;passed;5\n", StandardCharsets.UTF_16LE);
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertFalse(checked.ok(), "UTF-16 must not pass as UTF-8 or Windows-1251");
        assertEquals(List.of(), checked.rows());
    }

    @Test
    void aRowOfAnotherPeriodIsRefused() throws Exception {
        Path file = file("period.csv", "school;period;measure;value\nИШМ-01;2022;passed;5\n", StandardCharsets.UTF_8);
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertEquals(1, checked.problems().size());
        assertTrue(checked.problems().get(0).contains("2022"));
    }

    /** Writes a workbook whose first sheet holds the rows; a Double is a number cell, anything else text. */
    private Path xlsx(String name, List<List<Object>> rows) throws Exception {
        Path file = temp.resolve(name);
        // as RawValueImport does before POI's first use: POI logs through Log4j, which has no provider here
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Данные");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    @Test
    void xlsxInLongFormWithNumberAndTextCells() throws Exception {
        Path file = xlsx("values.xlsx", List.of(List.of("Школа", "Период", "Показатель", "Значение"),
                List.of("ИШМ-01", 2023.0, "passed", 5.0), List.of("ИШМ-01", "2023", "total", "10,5"),
                List.of("ИШМ-02", 2023.0, "passed", 0.125)));
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertEquals(List.of(), checked.problems());
        assertEquals("XLSX", checked.encoding());
        assertEquals(List.of(5.0, 10.5, 0.125), checked.rows().stream().map(RawValueImport.Row::value).toList());
        assertEquals(List.of(2, 3, 4), checked.rows().stream().map(RawValueImport.Row::line).toList(),
                "lines are the sheet's row numbers");
        assertEquals(3, RawValueImport.store(system, period, checked.rows()));
    }

    @Test
    void xlsxInWideFormReportsBadCellsByRow() throws Exception {
        Path file = xlsx("wide.xlsx", List.of(List.of("school", "passed", "total"), List.of("ИШМ-01", 5.0, 10.0),
                List.of("ИШМ-02", "пять", 9.0), List.of("ИШМ-77", 1.0, 2.0)));
        Checked checked = RawValueImport.check(file, Layout.WIDE, system, period);
        assertEquals(2, checked.problems().size(), checked.problems().toString());
        assertTrue(checked.problems().get(0).startsWith("wide.xlsx, ") && checked.problems().get(0).contains(" 3")
                && checked.problems().get(0).contains("пять"), checked.problems().get(0));
        assertTrue(checked.problems().get(1).contains(" 4") && checked.problems().get(1).contains("ИШМ-77"),
                checked.problems().get(1));
        assertEquals(List.of(), checked.rows(), "nothing of a file with errors");
    }

    @Test
    void aFileNamedXlsxThatIsNotAWorkbookGivesAClearError() throws Exception {
        Path file = file("broken.xlsx", "school;measure;value\n", StandardCharsets.UTF_8);
        Checked checked = RawValueImport.check(file, Layout.LONG, system, period);
        assertEquals(1, checked.problems().size());
        assertTrue(checked.problems().get(0).startsWith("broken.xlsx: "), checked.problems().get(0));
    }
}
