package oko.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import oko.exchange.ImportReport;

/** The report's lines name the file, row and column, and errors beyond the limit are counted. */
class ImportReportTest {

    @Test
    void linesNameFileRowAndColumnAndCountWhatIsNotListed() {
        ImportReport report = new ImportReport("schools.csv");
        report.created("Организация");
        report.created("Организация");
        report.updated("Организация");
        assertFalse(report.hasErrors());
        String ru = Locale.getDefault().getLanguage().equals("en") ? null : "ru";
        List<String> ok = report.lines();
        assertEquals(1, ok.size());
        assertTrue(ok.get(0).startsWith("Организация") && ok.get(0).contains("2") && ok.get(0).contains("1"), ok.get(0));

        report.note(3, "Кластер", "создан кластер «Сельские»");
        for (int i = 0; i < ImportReport.MAX_ERRORS + 5; i++) {
            report.error(i + 2, i == 0 ? "B" : null, "bad " + i);
        }
        assertTrue(report.hasErrors());
        assertEquals(ImportReport.MAX_ERRORS + 5, report.errorCount());
        assertEquals(ImportReport.MAX_ERRORS, report.errors().size());
        List<String> lines = report.lines();
        // 100 errors, the line counting the 5 more, no counts (nothing will be stored), the note
        assertEquals(ImportReport.MAX_ERRORS + 2, lines.size());
        assertTrue(lines.get(0).startsWith("schools.csv, ") && lines.get(0).contains(" 2, ") && lines.get(0).contains(" B: bad 0"),
                lines.get(0));
        assertTrue(lines.get(1).startsWith("schools.csv, ") && lines.get(1).endsWith(" 3: bad 1"), lines.get(1));
        assertTrue(lines.get(ImportReport.MAX_ERRORS).contains("5") && lines.get(ImportReport.MAX_ERRORS).contains("105"),
                lines.get(ImportReport.MAX_ERRORS));
        assertTrue(lines.get(ImportReport.MAX_ERRORS + 1).endsWith("Кластер: создан кластер «Сельские»"),
                lines.get(ImportReport.MAX_ERRORS + 1));
        assertTrue(ru == null || lines.get(1).contains("строка"), lines.get(1));
    }
}
