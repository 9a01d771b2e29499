package oko.publish.internal;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** File names and anchors made from the model's codes and numbers: ASCII, stable, unique within a run. */
public final class Names {

    private static final String[] CYRILLIC = { "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n",
            "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya" };

    private final Set<String> used = new HashSet<>();

    /** {@code text} transliterated to lower-case ASCII letters, digits, '.', '-' and '_'; never empty. */
    public static String slug(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        StringBuilder result = new StringBuilder();
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'а' && c <= 'я') {
                result.append(CYRILLIC[c - 'а']);
            } else if (c == 'ё') {
                result.append('e');
            } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_') {
                result.append(c);
            } else if (result.length() > 0 && result.charAt(result.length() - 1) != '-') {
                result.append('-');
            }
        }
        String slug = result.toString().replaceAll("^[-.]+|[-.]+$", "").replaceAll("\\.{2,}", ".");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60).replaceAll("[-.]+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }

    /** A slug not handed out before by this instance ({@code -2}, {@code -3}… appended). */
    public String unique(String text, String fallback) {
        String base = slug(text, fallback);
        String name = base;
        for (int i = 2; !used.add(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }

    /** A file name kept readable: its stem slugged, its extension kept (lower case). */
    public String uniqueFile(String fileName, String fallback) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? slug(name.substring(dot + 1), "") : "";
        String base = slug(stem, fallback);
        String candidate = extension.isEmpty() ? base : base + "." + extension;
        for (int i = 2; !used.add(candidate); i++) {
            candidate = (base + "-" + i) + (extension.isEmpty() ? "" : "." + extension);
        }
        return candidate;
    }
}
