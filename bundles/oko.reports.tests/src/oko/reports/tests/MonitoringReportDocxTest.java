package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * The monitoring report of the sample for 1.2.1.1 (share of high scorers) in 2023, opened as a Word
 * document: its title, and per school the rank, the score and the risk groups it claims, worked out
 * by hand from bundles/oko.municipal/samples/illustrative-monitoring.xmi.
 *
 * <p>1.2.1.1 = ege_high_scorers / ege_graduates · 100, higher is better. 2023: ИШМ-01 10/45 = 22.22,
 * ИШМ-02 7/38 = 18.42, ИШМ-03 10/35 = 28.57, ИШМ-04 4/31 = 12.90, ИШМ-05 1/24 = 4.17, ИШМ-06 2/13 =
 * 15.38, ИШМ-07 1/11 = 9.09, ИШМ-08 1/9 = 11.11, ИШМ-09 0/6 = 0, ИШМ-12 0 ; ИШМ-10 and ИШМ-11 have no
 * value (no EGE graduates). Ranks, best first, ties sharing the better rank: 03 1, 01 2, 02 3, 06 4,
 * 04 5, 08 6, 07 7, 05 8, 09 and 12 9. Scores 100·v/28.57 rounded: 01 35/45 → 78, 02 49/76 → 64,
 * 03 100, 04 14/31 → 45, 05 3.5/24 → 15, 06 7/13 → 54, 07 3.5/11 → 32, 08 3.5/9 → 39, 09 and 12 0.
 * Risk groups of 2023 (SampleRiskListsTest in oko.monitoring.tests): ШНОР ИШМ-04, ИШМ-05; ШНСУ ИШМ-08,
 * ИШМ-10, ИШМ-11, ИШМ-12.
 */
class MonitoringReportDocxTest {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();
    static {
        NAMES.put("ИШМ-01", "МБОУ СОШ № 1 г. Ишимбая");
        NAMES.put("ИШМ-02", "МБОУ СОШ № 2 г. Ишимбая");
        NAMES.put("ИШМ-03", "МБОУ Гимназия № 3 г. Ишимбая");
        NAMES.put("ИШМ-04", "МБОУ СОШ № 4 г. Ишимбая");
        NAMES.put("ИШМ-05", "МБОУ СОШ № 7 г. Ишимбая");
        NAMES.put("ИШМ-06", "МБОУ СОШ с. Сосновка");
        NAMES.put("ИШМ-07", "МБОУ СОШ с. Каменка");
        NAMES.put("ИШМ-08", "МБОУ СОШ с. Речное");
        NAMES.put("ИШМ-09", "МБОУ СОШ д. Ключевая");
        NAMES.put("ИШМ-10", "МБОУ ООШ д. Лесная Поляна");
        NAMES.put("ИШМ-11", "МБОУ ООШ д. Горная");
        NAMES.put("ИШМ-12", "МБОУ СОШ с. Кедровка");
    }

    @Test
    void theDocxShowsEverySchoolsRankScoreAndRiskGroups() throws Exception {
        Layout layout = Reports.catalogue(null).stream().filter(l -> l.id().equals("monitoring")).findFirst()
                .orElseThrow();
        Path out = Files.createDirectories(Path.of("target", "reports")).resolve("monitoring-ranks.docx");
        try (OutputStream stream = Files.newOutputStream(out)) {
            Reports.render(layout, Format.DOCX, Map.of("system", "ishimbay-msoko", "indicator", "1.2.1.1", "period",
                    "2023"), ReportsTest.sample(), stream, null);
        }
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(out))) {
            String text = oneLine(String.join(" ", document.getParagraphs().stream().map(XWPFParagraph::getText).toList())
                    + " " + String.join(" ", document.getTables().stream().map(XWPFTable::getText).toList()));
            assertTrue(text.contains("Результаты мониторинга по показателю"), text);
            assertTrue(text.contains("Показатель: 1.2.1.1, Период: 2023"), text);

            // the school rows: the header row names the columns
            Map<String, List<String>> rows = new TreeMap<>();
            List<String> header = null;
            for (XWPFTable table : tables(document)) {
                for (XWPFTableRow row : table.getRows()) {
                    List<String> cells = new ArrayList<>();
                    for (XWPFTableCell cell : row.getTableCells()) {
                        cells.add(oneLine(cell.getText()).strip());
                    }
                    if (cells.contains("Ранг") && cells.contains("Образовательная организация")) {
                        header = cells;
                    } else if (header != null && !cells.isEmpty() && NAMES.containsValue(cells.get(0))) {
                        rows.put(cells.get(0), cells);
                    }
                }
            }
            assertTrue(header != null, "no header row with «Ранг»: " + text);
            int rank = header.indexOf("Ранг");
            int score = header.indexOf("Балл (0–100)");
            int risk = header.indexOf("Группа риска");
            Map<String, String> expected = new LinkedHashMap<>();
            // code → rank score risk ("—" where the report shows no number)
            expected.put("ИШМ-01", "2 78 ");
            expected.put("ИШМ-02", "3 64 ");
            expected.put("ИШМ-03", "1 100 ");
            expected.put("ИШМ-04", "5 45 ШНОР");
            expected.put("ИШМ-05", "8 15 ШНОР");
            expected.put("ИШМ-06", "4 54 ");
            expected.put("ИШМ-07", "7 32 ");
            expected.put("ИШМ-08", "6 39 ШНСУ");
            expected.put("ИШМ-09", "9 0 ");
            expected.put("ИШМ-10", "— — ШНСУ");
            expected.put("ИШМ-11", "— — ШНСУ");
            expected.put("ИШМ-12", "9 0 ШНСУ");
            Map<String, String> actual = new LinkedHashMap<>();
            for (Map.Entry<String, String> school : NAMES.entrySet()) {
                List<String> cells = rows.get(school.getValue());
                actual.put(school.getKey(), cells == null ? "(no row)"
                        : number(cells.get(rank)) + " " + number(cells.get(score)) + " " + cells.get(risk));
            }
            assertEquals(expected, actual, "rank, score and risk groups per school; header " + header);
        }
    }

    /** Every table of the document, nested ones included (BIRT nests the detail table in the layout's grid). */
    private static List<XWPFTable> tables(XWPFDocument document) {
        List<XWPFTable> all = new ArrayList<>();
        for (XWPFTable table : document.getTables()) {
            collect(table, all);
        }
        return all;
    }

    private static void collect(XWPFTable table, List<XWPFTable> into) {
        into.add(table);
        for (XWPFTableRow row : table.getRows()) {
            for (XWPFTableCell cell : row.getTableCells()) {
                cell.getTables().forEach(nested -> collect(nested, into));
            }
        }
    }

    /** A whole number as shown ("78", "78,0", "78.00"), or the text itself ("—"). */
    private static String number(String text) {
        String plain = text.replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
        try {
            double value = Double.parseDouble(plain);
            return value == Math.rint(value) ? Long.toString((long) value) : plain;
        } catch (NumberFormatException notANumber) {
            return text;
        }
    }

    private static String oneLine(String text) {
        return text.replace('\u00ad', ' ').replaceAll("\\s+", " ");
    }
}
