package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;

import oko.model.QualitySystem;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * The self-analysis report «Самоанализ муниципальных механизмов управления качеством образования»
 * (layout {@code selfanalysis} of oko.municipal) over the sample's ishimbay-msoko in 2023, checked
 * against what docs/cycle.md's checks give, worked out by hand from bundles/oko.municipal/samples:
 * <ul>
 * <li>Direction 1.2 is the only one with stages (seeds.xmi stage-1.2-1…6); the other eight have
 * none: «Не описан», every check missing, every stage 0, score 0, no evidence documents.</li>
 * <li>1.2, stage 1 (goals of stage-1.2-1, none bound to another period): OKO-EV-1.1 described, met,
 * weight 1; 1.2 four goals, met, 2; 1.3 each goal names indicators (goal-1.2-1 1.2.1 1.2.2, -2
 * 1.2.1 1.2.4, -3 1.2.6–8, -4 1.2.10), met, 2; 1.4 no goal has a target value and no indicator a
 * threshold: 0 of 4, weight 1; 1.5 only goal-1.2-2 has a deadline («цикл - 3 года»): 1 of 4, weight 1.
 * Score round(100 · (1 + 2 + 2 + 0 + 0.25) / 7) = round(75.0) = 75.</li>
 * <li>1.2 has no full cycle: 2023 has no following period in the sample, so OKO-EV-6.3 (weight 2,
 * essential) is missing and stage 6 is incomplete: «Неполный цикл».</li>
 * </ul>
 */
class CycleReportTest {

    private static final Path OUT = Path.of("target", "reports");
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    private static final Map<String, String> ISHIMBAY_2023 = Map.of("system", "ishimbay-msoko", "period", "2023");
    private static final String NAME_1_1 = "1.1 Система оценки качества подготовки обучающихся";
    private static final String NAME_1_2 = "1.2 Система работы со школами с низкими результатами обучения";

    private static Layout layout() {
        return Reports.catalogue(null).stream().filter(l -> l.id().equals("selfanalysis")).findFirst().orElseThrow();
    }

    private static Path render(Format format, Map<String, String> parameters, List<QualitySystem> model, String name)
            throws Exception {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + "." + format.extension);
        try (OutputStream out = Files.newOutputStream(file)) {
            Reports.render(layout(), format, parameters, model, out, OUT.resolve(name + "-images"));
        }
        return file;
    }

    @Test
    void thePdfShowsTheTitleBlockTheMatrixAndTheGapsOfEachDirection() throws Exception {
        Path pdf = render(Format.PDF, ISHIMBAY_2023, ReportsTest.sample(), "selfanalysis");
        String text = Tools.oneLine(Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        // the title block is a grid of labels and values: read as laid out, each label is followed by its value
        // (the reading order of pdftotext without -layout may give the label column first, then the values)
        String laidOut = Tools.oneLine(Tools.run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
        for (String expected : List.of("Система оценки качества: МСОКО МР Ишимбайский район (ishimbay-msoko)",
                "Период: 2023 год", "Данные на: " + TODAY,
                "Направлений: 9: полный цикл — 0, неполный цикл — 1, не описан — 8")) {
            assertTrue(laidOut.contains(expected), "«" + expected + "» missing in " + laidOut);
        }
        for (String expected : List.of("Самоанализ муниципальных механизмов управления качеством образования",
                NAME_1_2, "Неполный цикл", "Этап 1. Цели и задачи: 75 из 100",
                // the two unmet checks of stage 1: id, what is checked, the reason
                "OKO-EV-1.4", "У целей есть целевые значения", "4 из 4 целей без целевого значения",
                "OKO-EV-1.5", "У целей есть сроки", "3 из 4 целей без срока",
                NAME_1_1 + ". Не описан, балл 0 из 100", "Документов среди доказательств нет.",
                "Пробелы и документы-доказательства по направлениям")) {
            assertTrue(text.contains(expected), "«" + expected + "» missing in " + text);
        }
        // in the gaps of direction 1.2 (from its heading to the next direction's), its met checks of stage 1 are
        // not listed (the directions not described list every check, these included)
        int from = text.indexOf("неблагоприятных социальных условиях. Неполный цикл, балл 61 из 100");
        int to = text.indexOf("1.3 Система выявления, поддержки", from);
        assertTrue(from >= 0 && to > from, text);
        String gaps = text.substring(from, to);
        assertTrue(gaps.contains("OKO-EV-1.4 ") && gaps.contains("OKO-EV-6.2 "), gaps);
        for (String met : List.of("OKO-EV-1.1 ", "OKO-EV-1.2 ", "OKO-EV-1.3 ")) {
            assertFalse(gaps.contains(met), met + " is met for 1.2, yet listed: " + gaps);
        }
        // the first page as a picture, to look at
        Tools.run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("selfanalysis-page").toString());
    }

    @Test
    void theDocxMatrixHasEachDirectionsStageScoresAndState() throws Exception {
        Path docx = render(Format.DOCX, ISHIMBAY_2023, ReportsTest.sample(), "selfanalysis");
        List<List<String>> rows = new ArrayList<>();
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(docx))) {
            for (XWPFTable table : document.getTables()) {
                collect(table, rows);
            }
        }
        List<String> header = rows.stream().filter(r -> r.size() == 9 && r.get(0).equals("Направление")).findFirst()
                .orElse(null);
        assertNotNull(header, "no matrix header in " + rows);
        assertEquals(List.of("Направление", "1. Цели и задачи", "2. Показатели", "3. Мониторинг", "4. Анализ, рекомендации",
                "5. Меры, решения", "6. Эффективность мер", "Балл", "Состояние цикла"), header);
        List<String> first = row(rows, NAME_1_1);
        assertEquals(List.of("0", "0", "0", "0", "0", "0", "0", "Не описан"), first.subList(1, 9), first.toString());
        List<String> second = row(rows, NAME_1_2);
        assertEquals("75", second.get(1), second.toString());
        assertTrue(second.get(8).startsWith("Неполный цикл (этапы ") && second.get(8).endsWith("6)"), second.toString());
        long notDescribed = rows.stream().filter(r -> r.size() == 9 && r.get(8).equals("Не описан")).count();
        assertEquals(8, notDescribed, rows.toString());
    }

    @Test
    void theTextsFollowTheUsersLanguageAndThePeriodIsRequired() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        String html;
        try {
            html = Tools.oneLine(Files.readString(render(Format.HTML, ISHIMBAY_2023, ReportsTest.sample(), "selfanalysis-en")));
        } finally {
            Locale.setDefault(before);
        }
        for (String expected : List.of("Self-analysis of the municipal mechanisms of education quality management",
                "Gaps and evidence documents by direction", "Cycle state", "Data as of:")) {
            assertTrue(html.contains(expected), "«" + expected + "» missing in the English report");
        }
        IllegalArgumentException noPeriod = assertThrows(IllegalArgumentException.class, () -> Reports.render(layout(),
                Format.PDF, Map.of("system", "ishimbay-msoko"), ReportsTest.sample(), new ByteArrayOutputStream(), null));
        assertTrue(noPeriod.getMessage().contains("period"), noPeriod.getMessage());
    }

    private static List<String> row(List<List<String>> rows, String start) {
        return rows.stream().filter(r -> r.size() == 9 && r.get(0).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no matrix row «" + start + "…» in " + rows));
    }

    /** The rows of the table and of the tables nested in it, each as its cells' texts. */
    private static void collect(XWPFTable table, List<List<String>> into) {
        for (XWPFTableRow row : table.getRows()) {
            List<String> cells = new ArrayList<>();
            for (XWPFTableCell cell : row.getTableCells()) {
                cells.add(Tools.oneLine(cell.getText()).strip());
                cell.getTables().forEach(nested -> collect(nested, into));
            }
            into.add(cells);
        }
    }
}
