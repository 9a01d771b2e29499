package oko.diagram;

import java.util.ArrayList;
import java.util.List;

import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.LabelPosition;
import oko.diagram.description.NodeStyle;

/**
 * Where a node's label goes and how high the node must be for it: the text area of each shape,
 * words wrapped to its width, the height that shows every line (up to the style's maximum), and
 * the lines that fit when the maximum cuts the text. The figures draw with these same functions,
 * so a node sized here shows its text as computed.
 */
public final class Labels {

    /** The least height of a container's header (its label above its children). */
    public static final double HEADER = 28;
    /** What ends a label cut by the maximum height. */
    public static final String ELLIPSIS = "…";

    /** The lines of a label in its area, and whether the area cut it (then a tooltip shows it whole). */
    public record Fitted(List<String> lines, boolean cut) {
    }

    private Labels() {
    }

    /**
     * The area the label is drawn in, for a node with those bounds: inside the border, minus the
     * shape's margins (an ellipse's and a diamond's text stays clear of the curved edge, an actor's
     * label below goes under the figure, a container's is its header).
     */
    public static Bounds textArea(NodeStyle style, Bounds box, boolean container, double header) {
        double border = Math.max(1, style.getBorderWidth());
        double x = box.x() + border;
        double y = box.y() + border;
        double w = box.width() - 2 * border;
        double h = box.height() - 2 * border;
        if (container) {
            return new Bounds(x + 6, y + 4, w - 12, header - 6);
        }
        return switch (style.getShape()) {
        case ELLIPSE -> new Bounds(x + Math.floor(w / 7), y + Math.floor(h / 7), w - 2 * Math.floor(w / 7),
                h - 2 * Math.floor(h / 7));
        case DIAMOND -> new Bounds(x + Math.floor(w / 4), y + Math.floor(h / 4), w - 2 * Math.floor(w / 4),
                h - 2 * Math.floor(h / 4));
        case HEXAGON -> {
            double d = Math.min(16, Math.floor(w / 6));
            yield new Bounds(x + d, y + 4, w - 2 * d, h - 8);
        }
        case DOCUMENT -> {
            double wave = Math.min(8, Math.floor(h / 5));
            yield new Bounds(x + 6, y + 3, w - 12, h - wave - 6);
        }
        case ACTOR -> {
            if (style.getLabelPosition() != LabelPosition.BELOW) {
                yield new Bounds(x + 6, y + 4, w - 12, h - 8);
            }
            double figure = actorFigureHeight(h);
            yield new Bounds(box.x(), y + figure + 2, box.width(), box.height() - figure - 2 - border);
        }
        default -> new Bounds(x + 6, y + 4, w - 12, h - 8);
        };
    }

    /** Height of an actor's stick figure when its label goes below it. */
    public static double actorFigureHeight(double shapeHeight) {
        return Math.min(40, Math.floor(shapeHeight * 3 / 5));
    }

    /** The text wrapped at spaces to the width; a word wider than the width is split between lines, never cut. */
    public static List<String> wrap(String text, TextMeasure measure, boolean bold, double width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (measure.width(candidate, bold) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a word alone wider than the line: as many characters a line as fit
            String rest = word;
            while (measure.width(rest, bold) > width && rest.length() > 1) {
                int n = 1;
                while (n < rest.length() && measure.width(rest.substring(0, n + 1), bold) <= width) {
                    n++;
                }
                lines.add(rest.substring(0, n));
                rest = rest.substring(n);
            }
            line.append(rest);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** The lines that fit the area; when some do not, the last one shown ends with «…». */
    public static Fitted fit(String text, TextMeasure measure, boolean bold, Bounds area) {
        List<String> lines = wrap(text, measure, bold, area.width());
        double lineHeight = measure.lineHeight(bold);
        int max = Math.max(1, (int) Math.floor((area.height() + 0.5) / lineHeight));
        if (lines.size() <= max) {
            return new Fitted(lines, false);
        }
        List<String> shown = new ArrayList<>(lines.subList(0, max));
        String last = shown.get(max - 1);
        while (!last.isEmpty() && measure.width(last + ELLIPSIS, bold) > area.width()) {
            int space = last.lastIndexOf(' ');
            last = space > 0 ? last.substring(0, space) : last.substring(0, last.length() - 1);
        }
        shown.set(max - 1, last + ELLIPSIS);
        return new Fitted(shown, true);
    }

    /**
     * The height a leaf node of that width needs: the style's height at least, grown until the
     * wrapped label fits its text area, at most the style's maximum height (when set).
     */
    public static double height(NodeStyle style, String label, TextMeasure measure, double width) {
        double least = style.getHeight();
        double max = style.getMaxHeight() > 0 ? Math.max(least, style.getMaxHeight()) : Double.MAX_VALUE;
        double height = least;
        while (height < max) {
            Bounds area = textArea(style, new Bounds(0, 0, width, height), false, HEADER);
            int lines = wrap(label, measure, false, area.width()).size();
            if (lines * measure.lineHeight(false) <= area.height() + 0.5) {
                break;
            }
            height += 2;
        }
        return Math.min(height, max);
    }

    /** A container's header height for that width: its bold label wrapped, at least {@link #HEADER}. */
    public static double header(NodeStyle style, String label, TextMeasure measure, double width) {
        Bounds area = textArea(style, new Bounds(0, 0, width, 0), true, HEADER);
        int lines = Math.max(1, wrap(label, measure, true, area.width()).size());
        return Math.max(HEADER, Math.ceil(lines * measure.lineHeight(true)) + 6 + 2 * Math.max(1, style.getBorderWidth()));
    }
}
