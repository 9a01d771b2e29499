package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * What the RACI tests share: the library's «raci» layout rendered for one system of the sample, and
 * the words of a rendered PDF with their boxes.
 */
final class Raci {

    static final Path OUT = Path.of("target", "reports");

    private static final Pattern PAGE = Pattern.compile("<page [^>]*>(.*?)</page>", Pattern.DOTALL);
    private static final Pattern WORD = Pattern.compile(
            "<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\">([^<]*)</word>");

    private Raci() {
    }

    /** A word of a PDF: its page (from 1), its box in points from the page's top left, its text. */
    record Word(int page, double x0, double y0, double x1, double y1, String text) {
        double centre() {
            return (x0 + x1) / 2;
        }
    }

    /** The library's responsibility matrix. */
    static Layout layout() {
        return Reports.catalogue(null).stream().filter(l -> l.id().equals("raci")).findFirst().orElseThrow();
    }

    /** Renders the matrix of the sample's system into target/reports/NAME.EXTENSION and returns that file. */
    static Path render(String system, String name, Format format) throws Exception {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(name + "." + format.extension);
        try (OutputStream out = Files.newOutputStream(file)) {
            Reports.render(layout(), format, Map.of("system", system), ReportsTest.sample(), out, OUT.resolve("images"));
        }
        return file;
    }

    /** The words of the PDF, page after page, with their boxes, as pdftotext -bbox gives them. */
    static List<Word> words(Path pdf) throws Exception {
        String html = Tools.run("pdftotext", "-enc", "UTF-8", "-bbox", pdf.toString(), "-");
        List<Word> words = new ArrayList<>();
        Matcher pages = PAGE.matcher(html);
        int page = 0;
        while (pages.find()) {
            page++;
            Matcher m = WORD.matcher(pages.group(1));
            while (m.find()) {
                words.add(new Word(page, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)),
                        m.group(5).replace("&quot;", "\"").replace("&amp;", "&")));
            }
        }
        assertTrue(page > 0, "no page in pdftotext's output: " + html);
        return words;
    }
}
