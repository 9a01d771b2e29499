package oko.exchange.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cleaning and comparing the texts of table cells: hyphens, spaces, numbers, keys. */
public final class Texts {

    private static final Pattern LEADING_NUMBER = Pattern
            .compile("^\\s*(?:п\\.\\s*|№\\s*)?(\\d{1,3}(?:\\s*\\.\\s*\\d{1,3})*)\\s*[.)]?(?:\\s+|$)(.*)$", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("^(?:п\\.\\s*|№\\s*)?(\\d{1,3}(?:\\s*\\.\\s*\\d{1,3})*)\\s*[.)]?$");

    private Texts() {
    }

    /**
     * The text of a cell as a user reads it: soft hyphens and zero-width characters removed,
     * non-breaking and other spaces as plain spaces, runs of spaces as one, each line trimmed,
     * empty lines dropped, lines joined by {@code \n}.
     */
    public static String clean(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            switch (c) {
            case '\u00AD', '\u200B', '\u200C', '\u200D', '\uFEFF':
                break;
            case '\u00A0', '\u2007', '\u202F', '\u2009', '\u2002', '\u2003', '\t', '\u000B':
                b.append(' ');
                break;
            case '\r':
                if (i + 1 < raw.length() && raw.charAt(i + 1) == '\n') {
                    break;
                }
                b.append('\n');
                break;
            case '\u2028', '\u2029':
                b.append('\n');
                break;
            default:
                b.append(c);
            }
        }
        List<String> lines = new ArrayList<>();
        for (String line : b.toString().split("\n")) {
            String l = line.replaceAll(" {2,}", " ").trim();
            if (!l.isEmpty()) {
                lines.add(l);
            }
        }
        return String.join("\n", lines);
    }

    /** A key to compare names: lower case, ё as е, quotes and punctuation at the ends dropped, spaces as one. */
    public static String key(String text) {
        if (text == null) {
            return "";
        }
        String k = clean(text).toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("[«»\"“”„]", "")
                .replaceAll("\\s+", " ").trim();
        k = k.replaceAll("^[\\s\\-–—•·,;.:]+", "").replaceAll("[\\s,;.:]+$", "");
        return k;
    }

    /** The hierarchical number of a cell («2.1.1.3.», «2.1.1.3», «п. 2.1») as «2.1.1.3», or null if it is not one. */
    public static String number(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(clean(text).replace('\n', ' ').trim());
        return m.matches() ? m.group(1).replaceAll("\\s", "") : null;
    }

    /** A number at the start of a text («1. Формирование…») and the rest, or null if the text does not start with one. */
    public static String[] leadingNumber(String text) {
        Matcher m = LEADING_NUMBER.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        String rest = m.group(2).trim();
        if (rest.isEmpty() || Character.isLetter(rest.charAt(0)) || rest.charAt(0) == '«' || rest.charAt(0) == '"') {
            return new String[] { m.group(1).replaceAll("\\s", ""), rest };
        }
        return null;
    }

    /** How many levels a number has: «2» 1, «2.1.3» 3. */
    public static int depth(String number) {
        return number == null ? 0 : number.split("\\.").length;
    }

    /** The number of the level above («2.1.3» → «2.1»), null for a top number. */
    public static String parent(String number) {
        int dot = number == null ? -1 : number.lastIndexOf('.');
        return dot < 0 ? null : number.substring(0, dot);
    }

    /** Separate items of a list cell: by line breaks and semicolons (and commas when {@code commas}). */
    public static List<String> split(String text, boolean commas) {
        List<String> parts = new ArrayList<>();
        for (String p : clean(text).split(commas ? "[\n;,]" : "[\n;]")) {
            String t = p.trim().replaceAll("^[\\-–—•·]\\s*", "").replaceAll("[,;.]$", "").trim();
            if (!t.isEmpty()) {
                parts.add(t);
            }
        }
        return parts;
    }
}
