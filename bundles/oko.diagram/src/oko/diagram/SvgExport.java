package oko.diagram;

import java.util.Locale;
import java.util.Map;

import oko.diagram.Arrangement.Shown;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.description.ArrowStyle;
import oko.diagram.description.EdgeStyle;
import oko.diagram.description.LabelPosition;
import oko.diagram.description.LineStyle;
import oko.diagram.description.NodeStyle;

/**
 * A diagram as SVG, for reports and publishing: the shapes, colours, labels and edges the editor
 * draws, at the same places. Needs no display, so it runs headless too.
 */
public final class SvgExport {

    private static final double LINE = 15;

    private SvgExport() {
    }

    public static String svg(Shown shown) {
        double width = 40;
        double height = 40;
        for (Bounds b : shown.bounds().values()) {
            width = Math.max(width, b.x() + b.width() + 20);
            height = Math.max(height, b.y() + b.height() + 20);
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
                + "viewBox=\"0 0 %.0f %.0f\" font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"12\">%n",
                width, height, width, height));
        svg.append("<title>").append(escape(shown.diagram().title())).append("</title>\n");
        svg.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" "
                + "markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"context-stroke\"/>"
                + "</marker></defs>\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#FFFFFF\"/>\n");
        for (Node node : shown.diagram().nodes()) {
            node(svg, node, shown.bounds());
        }
        for (Edge edge : shown.diagram().edges()) {
            edge(svg, edge, shown);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void node(StringBuilder svg, Node node, Map<Node, Bounds> bounds) {
        Bounds b = bounds.get(node);
        NodeStyle style = node.style();
        String fill = color(style.getBackground(), "#FFFFFF");
        String stroke = color(style.getBorderColor(), "#505050");
        int border = Math.max(1, style.getBorderWidth());
        String paint = String.format(Locale.ROOT, "fill=\"%s\" stroke=\"%s\" stroke-width=\"%d\"", fill, stroke, border);
        svg.append("<g data-mapping=\"").append(escape(node.mapping().getId())).append("\">");
        double textTop = b.y();
        double textHeight = b.height();
        switch (style.getShape()) {
        case ROUNDED_RECTANGLE -> svg.append(rect(b, 8, paint));
        case ELLIPSE -> svg.append(String.format(Locale.ROOT, "<ellipse cx=\"%.1f\" cy=\"%.1f\" rx=\"%.1f\" ry=\"%.1f\" %s/>",
                b.x() + b.width() / 2, b.y() + b.height() / 2, b.width() / 2, b.height() / 2, paint));
        case DIAMOND -> svg.append(polygon(paint, b.x() + b.width() / 2, b.y(), b.x() + b.width(), b.y() + b.height() / 2,
                b.x() + b.width() / 2, b.y() + b.height(), b.x(), b.y() + b.height() / 2));
        case HEXAGON -> {
            double d = Math.min(16, b.width() / 6);
            svg.append(polygon(paint, b.x() + d, b.y(), b.x() + b.width() - d, b.y(), b.x() + b.width(),
                    b.y() + b.height() / 2, b.x() + b.width() - d, b.y() + b.height(), b.x() + d, b.y() + b.height(), b.x(),
                    b.y() + b.height() / 2));
        }
        case ACTOR -> {
            double figure = style.getLabelPosition() == LabelPosition.BELOW ? Math.min(40, b.height() * 3 / 5) : b.height();
            double cx = b.x() + b.width() / 2;
            double head = Math.max(6, figure / 5);
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" %s/>", cx, b.y() + head / 2,
                    head / 2, paint));
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f M%.1f,%.1f L%.1f,%.1f "
                    + "L%.1f,%.1f\" fill=\"none\" stroke=\"%s\"/>", cx, b.y() + head, cx, b.y() + figure * 2 / 3, cx - head,
                    b.y() + head * 1.5, cx + head, b.y() + head * 1.5, cx - head, b.y() + figure, cx, b.y() + figure * 2 / 3,
                    cx + head, b.y() + figure, stroke));
            if (style.getLabelPosition() == LabelPosition.BELOW) {
                textTop = b.y() + figure + 2;
                textHeight = b.height() - figure - 2;
            }
        }
        default -> svg.append(rect(b, 0, paint));
        }
        if (!node.children().isEmpty()) {
            double header = DiagramLayout.header(node, TextMeasure.ESTIMATE);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"/>",
                    b.x(), b.y() + header - 2, b.x() + b.width(), b.y() + header - 2, stroke));
            textHeight = header - 2;
        }
        text(svg, node.label(), b.x() + b.width() / 2, textTop, textHeight, b.width() - 12,
                color(style.getForeground(), "#000000"), !node.children().isEmpty());
        svg.append("</g>\n");
        for (Node child : node.children()) {
            node(svg, child, bounds);
        }
    }

    private static void edge(StringBuilder svg, Edge edge, Shown shown) {
        Bounds from = shown.bounds().get(edge.source());
        Bounds to = shown.bounds().get(edge.target());
        if (from == null || to == null) {
            return;
        }
        EdgeStyle style = edge.style();
        StringBuilder path = new StringBuilder();
        int[] route = shown.routes().getOrDefault(edge, new int[0]);
        double[] first = route.length >= 2 ? new double[] { route[0], route[1] } : center(to);
        double[] last = route.length >= 2 ? new double[] { route[route.length - 2], route[route.length - 1] } : center(from);
        double[] start = border(from, first);
        double[] end = border(to, last);
        path.append(String.format(Locale.ROOT, "M%.1f,%.1f", start[0], start[1]));
        for (int i = 0; i + 1 < route.length; i += 2) {
            path.append(String.format(Locale.ROOT, " L%d,%d", route[i], route[i + 1]));
        }
        path.append(String.format(Locale.ROOT, " L%.1f,%.1f", end[0], end[1]));
        String dash = style.getLineStyle() == LineStyle.DASH ? " stroke-dasharray=\"6,4\""
                : style.getLineStyle() == LineStyle.DOT ? " stroke-dasharray=\"2,3\"" : "";
        svg.append(String.format(Locale.ROOT, "<path data-mapping=\"%s\" d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%d\"%s%s%s/>%n",
                escape(edge.mapping().getId()), path, color(style.getForeground(), "#3C3C3C"),
                Math.max(1, style.getBorderWidth()), dash,
                style.getTargetArrow() != ArrowStyle.NONE ? " marker-end=\"url(#arrow)\"" : "",
                style.getSourceArrow() != ArrowStyle.NONE ? " marker-start=\"url(#arrow)\"" : ""));
    }

    private static double[] center(Bounds b) {
        return new double[] { b.x() + b.width() / 2, b.y() + b.height() / 2 };
    }

    /** Where the line from the box's centre towards a point leaves the box. */
    private static double[] border(Bounds b, double[] towards) {
        double[] c = center(b);
        double dx = towards[0] - c[0];
        double dy = towards[1] - c[1];
        if (dx == 0 && dy == 0) {
            return c;
        }
        double scale = Math.min(dx == 0 ? Double.MAX_VALUE : b.width() / 2 / Math.abs(dx),
                dy == 0 ? Double.MAX_VALUE : b.height() / 2 / Math.abs(dy));
        scale = Math.min(scale, 1);
        return new double[] { c[0] + dx * scale, c[1] + dy * scale };
    }

    private static String rect(Bounds b, int radius, String paint) {
        return String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"%d\" %s/>", b.x(),
                b.y(), b.width(), b.height(), radius, paint);
    }

    private static String polygon(String paint, double... xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", xy[i], xy[i + 1]));
        }
        return "<polygon points=\"" + points.toString().strip() + "\" " + paint + "/>";
    }

    /** The label, wrapped by an estimate of the character width (the viewer's font decides the rest). */
    private static void text(StringBuilder svg, String label, double cx, double top, double height, double width,
            String color, boolean bold) {
        if (label == null || label.isBlank()) {
            return;
        }
        // wrapped as the editor wraps, with the headless estimate; a label cut by the maximum
        // height keeps its whole text in the SVG's tooltip (title)
        Labels.Fitted fitted = Labels.fit(label, TextMeasure.ESTIMATE, bold, new Bounds(0, 0, width, height));
        java.util.List<String> lines = fitted.lines();
        if (fitted.cut()) {
            svg.append("<title>").append(escape(label)).append("</title>");
        }
        double y = top + (height - lines.size() * LINE) / 2 + LINE - 3;
        svg.append(String.format(Locale.ROOT, "<text text-anchor=\"middle\" fill=\"%s\"%s>", color,
                bold ? " font-weight=\"bold\"" : ""));
        for (String text : lines) {
            svg.append(String.format(Locale.ROOT, "<tspan x=\"%.1f\" y=\"%.1f\">%s</tspan>", cx, y, escape(text)));
            y += LINE;
        }
        svg.append("</text>");
    }

    private static String color(String hex, String fallback) {
        return hex != null && hex.matches("#[0-9a-fA-F]{6}") ? hex : fallback;
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
