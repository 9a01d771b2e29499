package oko.ui.internal.editors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/** Word wrap of a cell's text to a width, given how wide a piece of text is. */
final class Wrapping {

    private Wrapping() {
    }

    /**
     * The lines of {@code text} no wider than {@code width} (a word wider than that is cut), at
     * most {@code maxLines}; the last line ends with "…" when text was left out.
     */
    static List<String> wrap(String text, int width, ToIntFunction<String> measure, int maxLines) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        StringBuilder line = new StringBuilder();
        String[] words = text.split(" ");
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (measure.applyAsInt(candidate) <= width || line.isEmpty() && measure.applyAsInt(word) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            while (measure.applyAsInt(word) > width && word.length() > 1) {
                int cut = word.length() - 1;
                while (cut > 1 && measure.applyAsInt(word.substring(0, cut)) > width) {
                    cut--;
                }
                lines.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            line.append(word);
            if (lines.size() >= maxLines) {
                break;
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        if (lines.size() > maxLines) {
            List<String> shown = new ArrayList<>(lines.subList(0, maxLines));
            shown.set(maxLines - 1, ellipsis(shown.get(maxLines - 1), width, measure));
            return shown;
        }
        return lines;
    }

    /**
     * The line with " …" at its end, no wider than {@code width}: the last words (or, for one
     * word, the last letters) give way to the ellipsis when the line fills the width.
     */
    private static String ellipsis(String line, int width, ToIntFunction<String> measure) {
        String kept = line.stripTrailing();
        while (!kept.isEmpty() && measure.applyAsInt(kept + " …") > width) {
            int space = kept.lastIndexOf(' ');
            kept = (space > 0 ? kept.substring(0, space) : kept.substring(0, kept.length() - 1)).stripTrailing();
        }
        return kept.isEmpty() ? "…" : kept + " …";
    }
}
