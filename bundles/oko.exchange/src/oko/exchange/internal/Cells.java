package oko.exchange.internal;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the imports compare names and read cell values: names compared by a {@link #key key}
 * (case, ё/е, spaces, punctuation and parenthesised remarks ignored); numbers with a decimal comma
 * or point and spaces between thousands; yes/no in Russian and English.
 */
public final class Cells {

    private static final Pattern REMARK = Pattern.compile("\\([^)]*\\)");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00A0\u202F]+");
    private static final Pattern AFTER_DOT = Pattern.compile("\\.\\s+(?=\\p{L})");

    private static final Set<String> YES = Set.of("да", "1", "true", "yes", "истина", "д", "y");
    private static final Set<String> NO = Set.of("нет", "0", "false", "no", "ложь", "н", "n");

    private Cells() {
    }

    /**
     * A name as compared: lower case, ё as е, soft hyphens out, remarks in parentheses out, every
     * run of other characters than letters and digits as one space. "Полное  наименование (ОО):" and
     * "полное наименование" have the same key.
     */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String text = name.replace("\u00AD", "").toLowerCase(Locale.ROOT).replace('ё', 'е');
        String withoutRemarks = REMARK.matcher(text).replaceAll(" ");
        String key = NOT_WORD.matcher(withoutRemarks).replaceAll(" ").strip();
        return key.isEmpty() ? NOT_WORD.matcher(text).replaceAll(" ").strip() : key;
    }

    /**
     * A person's or an object's name as compared: lower case, ё as е, spaces collapsed, no space
     * after a dot before a letter ("Иванова Н. Г." = "иванова н.г."); parentheses and other
     * punctuation kept.
     */
    public static String nameKey(String name) {
        if (name == null) {
            return "";
        }
        String text = SPACES.matcher(name.replace("\u00AD", "")).replaceAll(" ").strip().toLowerCase(Locale.ROOT)
                .replace('ё', 'е');
        return AFTER_DOT.matcher(text).replaceAll(".");
    }

    /** A cell's text with runs of spaces and line breaks as one space. */
    public static String clean(String text) {
        return text == null ? "" : SPACES.matcher(text.replace("\u00AD", "")).replaceAll(" ").strip();
    }

    /**
     * A number written with a decimal comma or point, spaces between thousands allowed ("1 234,5");
     * null when the text is not a finite number.
     */
    public static BigDecimal number(String text) {
        String plain = SPACES.matcher(text).replaceAll("");
        if (plain.indexOf(',') >= 0) {
            if (plain.indexOf('.') >= 0 || plain.indexOf(',') != plain.lastIndexOf(',')) {
                return null; // 1,234.5 or 1,2,3: which comma is what cannot be told
            }
            plain = plain.replace(',', '.');
        }
        if (plain.isEmpty() || !plain.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** да/нет, 1/0, true/false, yes/no (any case); null when none of them. */
    public static Boolean yesNo(String text) {
        String word = text.strip().toLowerCase(Locale.ROOT);
        if (YES.contains(word)) {
            return Boolean.TRUE;
        }
        if (NO.contains(word)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** The text of a number as the imports write it: 12, 12.5 (a point), never 1.2E1. */
    public static String number(double value) {
        return TabularFile.number(value);
    }
}
