package oko.reports.data;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Fits the words of narrow column headers into their columns, since BIRT's PDF emitter clips a word
 * wider than its cell mid-word with nothing showing the rest: the font size is the largest (from
 * {@link #MAX_SIZE} down to {@link #MIN_SIZE}, in whole points: BIRT's PDF emitter sets a 5.5pt
 * text in 5pt, measured) at which the widest word fits;
 * a word still too wide at the smallest size is broken with a hyphen between syllables (roughly:
 * each part has a vowel, no part starts with ь, ъ or й or a vowel) so that every part fits, a line
 * break after each hyphen. The widths are
 * measured with java.awt.font (no display needed) in the font the PDF emitter embeds for the
 * headers: DejaVu Sans Bold, shipped in this bundle's fonts/ (see {@link oko.reports.Reports}).
 */
public final class HeaderFit {

    /** The header's size in the layout (the style roleHeader), the largest it gets. */
    public static final double MAX_SIZE = 7;
    /** The smallest size still readable in print (bold). */
    public static final double MIN_SIZE = 5;
    /**
     * What a cell takes from its column's width besides the text: padding 2pt + 2pt, borders and
     * rounding 1pt, and 2pt to spare: with 5pt, «экономического» (46.9pt at 5pt) was let through for a
     * 52.31pt column and BIRT drew it 1.2pt past the cell's content box.
     */
    public static final double CELL_EXTRA = 7;

    private static final String FONT = "/fonts/DejaVuSans-Bold.ttf";
    private static final String VOWELS = "аеёиоуыэюяaeiouyАЕЁИОУЫЭЮЯAEIOUY";
    private static final String NO_START = "ьъйЬЪЙ";
    private static final FontRenderContext FRC = new FontRenderContext(null, false, true);
    private static Font font;

    private HeaderFit() {
    }

    /** The fitted headers: the font size in points and the texts (hyphenated where needed). */
    public record Fit(double size, List<String> texts) {
    }

    /**
     * The size at which the widest word of the texts fits a text width of {@code width} points, and
     * the texts with words still too wide broken by hyphens when {@code hyphenate}.
     */
    public static Fit fit(List<String> texts, double width, boolean hyphenate) {
        double widest = 0;
        for (String text : texts) {
            for (String word : words(text)) {
                widest = Math.max(widest, width(word, 1));
            }
        }
        double size = widest <= 0 ? MAX_SIZE : Math.floor(width / widest);
        size = Math.max(MIN_SIZE, Math.min(MAX_SIZE, size));
        List<String> fitted = new ArrayList<>();
        for (String text : texts) {
            fitted.add(hyphenate ? hyphenate(text, width, size) : text);
        }
        return new Fit(size, List.copyOf(fitted));
    }

    /**
     * The units a line can break between: the words, and the parts of a compound word after its
     * hyphens («финансово-» «экономического»), as BIRT breaks lines.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : text.strip().split("\\s+")) {
            int start = 0;
            for (int i = word.indexOf('-'); i >= 0 && i < word.length() - 1; i = word.indexOf('-', i + 1)) {
                words.add(word.substring(start, i + 1));
                start = i + 1;
            }
            if (start < word.length()) {
                words.add(word.substring(start));
            }
        }
        return words;
    }

    /** The text with each word wider than {@code width} at {@code size} broken by hyphens into parts that fit. */
    static String hyphenate(String text, double width, double size) {
        StringBuilder out = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            StringBuilder broken = new StringBuilder();
            for (String part : words(word)) {
                broken.append(width(part, size) <= width ? part : breakWord(part, width, size));
            }
            out.append(broken);
        }
        return out.toString();
    }

    /** A word too wide broken into parts that fit, each but the last ending with a hyphen. */
    private static String breakWord(String word, double width, double size) {
        StringBuilder out = new StringBuilder();
        String rest = word;
        while (width(rest, size) > width) {
            int cut = -1;
            for (int i = rest.length() - 2; i >= 2 && cut < 0; i--) {
                if (syllableBreak(rest, i) && width(rest.substring(0, i) + "-", size) <= width) {
                    cut = i;
                }
            }
            for (int i = rest.length() - 1; i >= 1 && cut < 0; i--) {
                // no break between syllables fits: the longest part that does
                if (width(rest.substring(0, i) + "-", size) <= width) {
                    cut = i;
                }
            }
            if (cut < 0) {
                break;
            }
            // the line ends at the hyphen: BIRT would keep «образова-нием» on one line when it happens to fit
            out.append(rest, 0, cut).append("-\n");
            rest = rest.substring(cut);
        }
        return out.append(rest).toString();
    }

    /** Whether a word may break before its i-th letter: both parts have a vowel and the second does not start with ь, ъ, й. */
    static boolean syllableBreak(String word, int i) {
        if (i < 2 || i > word.length() - 2 || NO_START.indexOf(word.charAt(i)) >= 0 || word.charAt(i - 1) == '-') {
            return false;
        }
        String head = word.substring(0, i);
        String tail = word.substring(i);
        if (!hasVowel(head) || !hasVowel(tail)) {
            return false;
        }
        // before a consonant («функцио-нирование», «образователь-ных»), never before a vowel («функци-онирование»,
        // «образ-овательных»): the consonant that opens a syllable stays with it
        // nor inside a doubled consonant: «информацион-ную», not «информацио-нную»
        return VOWELS.indexOf(word.charAt(i)) < 0
                && (i + 1 >= word.length() || Character.toLowerCase(word.charAt(i)) != Character.toLowerCase(word.charAt(i + 1)));
    }

    private static boolean hasVowel(String s) {
        return s.chars().anyMatch(c -> VOWELS.indexOf(c) >= 0);
    }

    /** The width in points of a text set in the headers' font at that size. */
    public static double width(String text, double size) {
        Font f = font();
        if (f == null) {
            // without the font (it ships in the bundle): DejaVu Sans Bold's widest Cyrillic letters
            return text.length() * 0.75 * size;
        }
        return f.getStringBounds(text, FRC).getWidth() / 1000 * size;
    }

    private static synchronized Font font() {
        if (font == null) {
            try (InputStream in = HeaderFit.class.getResourceAsStream(FONT)) {
                if (in != null) {
                    font = Font.createFont(Font.TRUETYPE_FONT, in).deriveFont(1000f);
                }
            } catch (Exception e) {
                // measured by the letter count instead
            }
        }
        return font;
    }
}
