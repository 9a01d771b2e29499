package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.tests.Raci.Word;

/**
 * The responsibility matrix (RACI) of the sample's school system (seed 003, vsoko-chel-sosh51), its
 * cells worked out by hand from the seed's column «Примерное распределение функций по должностям»
 * (docs/raci.md): the roles before «при непосредственном участии / руководстве» are R, the
 * methodical associations (МО) after it C / A.
 * <ul>
 * <li>«Проекты процессуальных документов…» (2-1): Администрация ОУ R, МО C;</li>
 * <li>«Проекты документов, отражающие выбор вариативных…» (2-2): Педагогический коллектив R,
 * Службы сопровождения R, МО A;</li>
 * <li>«Разрабатывает рекомендации…» (4-3): Администрация ОУ R, Научно-методический совет C, МО C;</li>
 * <li>«Обеспечивает информационную открытость…» (4-1): Директор R, Заместители директора R;</li>
 * <li>«Обеспечивает размещение, обновление информации…» (4-2): Директор, Заместители директора,
 * педагоги (Педагогический коллектив) R.</li>
 * </ul>
 * Every other cell of those lines is empty.
 */
class RaciReportTest {

    private static final String SYSTEM = "vsoko-chel-sosh51";

    private static final String DIRECTOR = "Директор";
    private static final String DEPUTIES = "Заместители директора";
    private static final String COUNCIL = "Педагогический Совет";
    private static final String MO = "Методические объединения учителей-предметников (МО педагогов)";
    private static final String ADMIN = "Администрация ОУ";
    private static final String TEACHERS = "Педагогический коллектив (педагоги)";
    private static final String SUPPORT = "Службы сопровождения";
    private static final String NMS = "Научно-методический совет";

    /** The expected non-empty cells of a few lines: the first words of the function → role → cell. */
    private static final Map<String, Map<String, String>> EXPECTED = new LinkedHashMap<>();
    static {
        EXPECTED.put("Проекты процессуальных", Map.of(ADMIN, "R", MO, "C"));
        EXPECTED.put("Проекты документов,", Map.of(TEACHERS, "R", SUPPORT, "R", MO, "A"));
        EXPECTED.put("Разрабатывает рекомендации", Map.of(ADMIN, "R", NMS, "C", MO, "C"));
        EXPECTED.put("Обеспечивает информационную", Map.of(DIRECTOR, "R", DEPUTIES, "R"));
        EXPECTED.put("Обеспечивает размещение,", Map.of(DIRECTOR, "R", DEPUTIES, "R", TEACHERS, "R"));
    }

    /** A word of the header that names one role's column and no other's (case matters: «Совет» / «совет»). */
    private static final Map<String, String> HEADER_WORD = Map.of(DIRECTOR, "Директор", DEPUTIES, "Заместители", COUNCIL,
            "Совет", MO, "(МО", ADMIN, "Администрация", TEACHERS, "коллектив", SUPPORT, "Службы", NMS, "совет");

    @Test
    void theCatalogueHasTheMatrixInBothLanguages() {
        assertEquals("Матрица ответственности (RACI)",
                Reports.catalogue(null, java.util.Locale.of("ru")).stream().filter(l -> l.id().equals("raci"))
                        .findFirst().orElseThrow().title());
        assertEquals("Responsibility matrix (RACI)", Reports.catalogue(null, java.util.Locale.ENGLISH).stream()
                .filter(l -> l.id().equals("raci")).findFirst().orElseThrow().title());
    }

    /**
     * The PDF: each expected letter stands on the function's first line (cells aligned to the top),
     * under the header word of its role (the nearest header word of the same page); no other letter
     * stands on that line; the legend explains the letters.
     */
    @Test
    void pdfPutsEachLetterInItsRolesColumn() throws Exception {
        Path pdf = Raci.render(SYSTEM, "raci", Format.PDF);
        List<Word> words = Raci.words(pdf);
        String text = Tools.oneLine(String.join(" ", words.stream().map(Word::text).toList()));
        assertTrue(text.contains("Матрица ответственности (RACI)"), text);
        assertTrue(text.contains("C — участвует, консультирует («при непосредственном участии»)"), "legend: " + text);
        assertTrue(text.contains("Обеспечение функционирования механизмов УКО в части процессуальных документов"),
                "the section heads its lines: " + text);
        for (Map.Entry<String, Map<String, String>> line : EXPECTED.entrySet()) {
            String[] start = line.getKey().split(" ");
            Word first = firstLineStart(words, start);
            assertNotNull(first, "no line starts with «" + line.getKey() + "»");
            Map<String, String> found = new TreeMap<>();
            for (Word w : words) {
                if (w.page() == first.page() && Math.abs(w.y0() - first.y0()) < 3 && w.x0() > first.x0() + 190
                        && w.text().matches("[RASCI],?")) {
                    String role = column(words, first.page(), first.x0() + 190, w.centre());
                    found.merge(role, w.text().replace(",", ""), (a, b) -> a + ", " + b);
                }
            }
            assertEquals(new TreeMap<>(line.getValue()), found, "the cells of «" + line.getKey() + "»");
        }
    }

    /** The first word of the line whose words start with these (the function column: left of the page). */
    private static Word firstLineStart(List<Word> words, String[] start) {
        for (int i = 0; i + start.length <= words.size(); i++) {
            boolean match = true;
            for (int k = 0; k < start.length && match; k++) {
                Word w = words.get(i + k);
                match = w.text().equals(start[k]) && w.page() == words.get(i).page()
                        && Math.abs(w.y0() - words.get(i).y0()) < 3;
            }
            // the line starts in the function column: no word of the same line further left
            if (match) {
                Word first = words.get(i);
                boolean leftmost = words.stream().noneMatch(w -> w.page() == first.page()
                        && Math.abs(w.y0() - first.y0()) < 3 && w.x1() < first.x0());
                if (leftmost) {
                    return first;
                }
            }
        }
        return null;
    }

    /** The role whose header word (on that page, right of the function column) is nearest to x. */
    private static String column(List<Word> words, int page, double right, double x) {
        return HEADER_WORD.entrySet().stream()
                .flatMap(e -> words.stream().filter(w -> w.page() == page && w.x0() > right && w.text().equals(e.getValue()))
                        .map(w -> Map.entry(e.getKey(), Math.abs(w.centre() - x))))
                .min(Comparator.comparingDouble(Map.Entry::getValue)).map(Map.Entry::getKey).orElse("?");
    }

    /**
     * The XLSX: the header row has each role's name in a cell; in the row of each expected function
     * the cell under a role holds its letters, the others are empty.
     */
    @Test
    void xlsxHasTheLettersUnderTheRoles() throws Exception {
        Path xlsx = Raci.render(SYSTEM, "raci", Format.XLSX);
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            Map<String, Integer> columns = new LinkedHashMap<>();
            Row header = null;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    String text = cell.toString().replaceAll("\\s+", " ").strip();
                    if (HEADER_WORD.containsKey(text)) {
                        columns.put(text, cell.getColumnIndex());
                        header = row;
                    }
                }
                if (columns.size() == HEADER_WORD.size()) {
                    break;
                }
            }
            assertEquals(HEADER_WORD.keySet(), columns.keySet(), "the roles' columns");
            assertNotNull(header);
            for (Map.Entry<String, Map<String, String>> line : EXPECTED.entrySet()) {
                Row row = null;
                for (Row r : sheet) {
                    for (Cell cell : r) {
                        if (cell.toString().replaceAll("\\s+", " ").strip().startsWith(line.getKey())) {
                            row = r;
                        }
                    }
                }
                assertNotNull(row, "no row for «" + line.getKey() + "»");
                Map<String, String> found = new TreeMap<>();
                for (Map.Entry<String, Integer> column : columns.entrySet()) {
                    Cell cell = row.getCell(column.getValue());
                    String value = cell == null ? "" : cell.toString().strip();
                    if (!value.isEmpty()) {
                        found.put(column.getKey(), value);
                    }
                }
                assertEquals(new TreeMap<>(line.getValue()), found, "the cells of «" + line.getKey() + "»");
            }
        }
    }

    /** The Word document holds the title, a role's name and the legend. */
    @Test
    void docxHasTheMatrix() throws Exception {
        String docx = ReportsTest.docxText(Raci.render(SYSTEM, "raci", Format.DOCX));
        assertTrue(docx.contains("Матрица ответственности (RACI)"), docx);
        assertTrue(docx.contains(NMS), docx);
        assertTrue(docx.contains("A — руководит, утверждает, отвечает за результат"), docx);
    }
}
