package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import oko.reports.Reports.Format;
import oko.reports.data.HeaderFit;
import oko.reports.tests.Raci.Word;

/**
 * The role headers of the RACI matrix of the sample's municipal system (seed 001,
 * msoko-functions-001: 11 roles with long names) are readable in full: no word is clipped by its
 * column.
 * <p>
 * The columns, worked out by hand from the layouts: A4 landscape is 297 mm wide, the library's
 * margins 12 mm each, so the table (100%) is 273 mm wide from x = 12 mm = 34.02 pt; the function's
 * column is 70 mm = 198.43 pt; the 11 roles share the rest: (273 − 70) / 11 = 18.4545 mm = 52.31 pt
 * each. Role k's column thus spans x = 232.44 + 52.31·k … 232.44 + 52.31·(k + 1) pt, and its text
 * (padding 2 pt each side) must stay inside it.
 */
class RaciHeaderTest {

    private static final String SYSTEM = "msoko-functions-001";

    /** The roles of seed 001 in the system's order (all of them take part in a function). */
    private static final List<String> ROLES = List.of("Начальник районного управления образованием",
            "Заместитель начальника районного управления образованием, ответственный за функционирование МСОКО",
            "Специалисты, обеспечивающие функционирование МСОКО", "Руководитель методической службы",
            "Специалисты методической службы",
            "Специалисты районного управления образованием, ответственные за сопровождение функционирования в образовательных организациях федеральных и региональных информационных систем",
            "Специалист районного управления образованием, ответственный за информационную безопасность",
            "Специалисты, ответственные за организацию и проведение инвариантных и вариативных оценочных процедур в рамках МСОКО",
            "Главный бухгалтер районного управления образованием",
            "Руководители финансово-экономического и/или материально-технического отдела",
            "Специалисты экономического и/или материально-технического отдела ЦБ районного управления образованием");

    private static final double POINTS_PER_MM = 72 / 25.4;
    private static final double TABLE_LEFT = 12 * POINTS_PER_MM; // 34.02
    private static final double ROLES_LEFT = TABLE_LEFT + 70 * POINTS_PER_MM; // 232.44
    private static final double COLUMN = (273.0 - 70) / 11 * POINTS_PER_MM; // 52.31

    /** The words of the PDF's first page with their boxes (pdftotext -bbox). */
    private static List<Word> firstPage(Path pdf) throws Exception {
        return Raci.words(pdf).stream().filter(w -> w.page() == 1).toList();
    }

    /** The letters of a text: what stays when hyphens and white space go (a hyphenated word keeps all of them). */
    private static String letters(String text) {
        return text.replaceAll("[\\s\\-\u00ad]", "");
    }

    /**
     * The PDF: on page 1 every word of the header's role columns stays inside its column (the old
     * layout's «Заместитель», «Специалисты»… ran past it and were clipped), and the words of column
     * k, read line by line, spell role k's name (hyphens and line breaks aside).
     */
    @Test
    void pdfHeadersStayInsideTheirColumns() throws Exception {
        Path pdf = Raci.render(SYSTEM, "raci-municipal", Format.PDF);
        Tools.run("pdftoppm", "-png", "-r", "110", "-f", "1", "-l", "1", pdf.toString(),
                Raci.OUT.resolve("raci-municipal-page").toString());
        List<Word> words = firstPage(pdf);
        double title = words.stream().filter(w -> w.text().equals("(RACI)")).mapToDouble(Word::y1).max().orElseThrow();
        // the section row under the header (seed 001's first section lost its start: «…функционирования МСОКО»)
        double section = words.stream().filter(w -> w.text().startsWith("…") && w.x0() < ROLES_LEFT)
                .mapToDouble(Word::y0).min().orElseThrow();
        List<List<Word>> columns = new ArrayList<>();
        ROLES.forEach(r -> columns.add(new ArrayList<>()));
        for (Word w : words) {
            if (w.y0() > title && w.y1() < section && w.x1() > ROLES_LEFT) {
                int k = (int) Math.floor((w.centre() - ROLES_LEFT) / COLUMN);
                assertTrue(k >= 0 && k < ROLES.size(), "a header word right of the last column: " + w);
                double left = ROLES_LEFT + k * COLUMN;
                assertTrue(w.x0() >= left + 1 && w.x1() <= left + COLUMN - 1,
                        "«" + w.text() + "» runs past its column " + (k + 1) + " [" + left + ", " + (left + COLUMN)
                                + "]: " + w);
                columns.get(k).add(w);
            }
        }
        for (int k = 0; k < ROLES.size(); k++) {
            List<Word> column = columns.get(k);
            column.sort(Comparator.comparingDouble((Word w) -> Math.round(w.y0())).thenComparingDouble(Word::x0));
            String text = String.join(" ", column.stream().map(Word::text).toList());
            assertEquals(letters(ROLES.get(k)), letters(text), "the header of column " + (k + 1) + ": " + text);
            // a hyphen that is not the name's ends a line: the word goes on on the next one
            for (Word w : column) {
                String bare = w.text().replaceAll("[,.]$", "");
                if (w.text().endsWith("-")) {
                    continue;
                }
                assertTrue(ROLES.get(k).contains(bare), "«" + w.text() + "» is not a word of «" + ROLES.get(k) + "»");
            }
        }
    }

    /**
     * The XLSX keeps each role's name as it is (no hyphens added) in the header row, so that the
     * spreadsheet's own wrapping shows it.
     */
    @Test
    void xlsxHeadersAreTheNames() throws Exception {
        Path xlsx = Raci.render(SYSTEM, "raci-municipal", Format.XLSX);
        List<String> found = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            for (Row row : workbook.getSheetAt(0)) {
                for (Cell cell : row) {
                    String text = cell.toString().replaceAll("\\s+", " ").strip();
                    if (ROLES.contains(text)) {
                        found.add(text);
                    }
                }
                if (!found.isEmpty()) {
                    break;
                }
            }
        }
        assertEquals(ROLES, found);
    }

    /**
     * The fitting itself: a short name in a wide column keeps the layout's 7 pt; a long word in a
     * column of 40 pt cannot fit even at 5 pt (16 letters, none narrower than 2.7 pt at 5 pt: 43 pt) so it is
     * broken, each break before a consonant, and the parts spell the word.
     */
    @Test
    void fitShrinksThenHyphenates() {
        HeaderFit.Fit wide = HeaderFit.fit(List.of("Директор"), 1000, true);
        assertEquals(7.0, wide.size());
        assertEquals(List.of("Директор"), wide.texts());
        HeaderFit.Fit narrow = HeaderFit.fit(List.of("функционирование МСОКО"), 40, true);
        assertEquals(5.0, narrow.size());
        String text = narrow.texts().get(0);
        assertEquals(letters("функционирование МСОКО"), letters(text));
        String[] parts = text.split(" ")[0].split("-\\n");
        assertTrue(parts.length >= 2, text);
        for (int i = 1; i < parts.length; i++) {
            assertTrue("аеёиоуыэюя".indexOf(parts[i].charAt(0)) < 0, "a break before a vowel: " + text);
        }
        HeaderFit.Fit unhyphenated = HeaderFit.fit(List.of("функционирование МСОКО"), 40, false);
        assertEquals(List.of("функционирование МСОКО"), unhyphenated.texts());
    }
}
