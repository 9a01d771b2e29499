package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;

import oko.diagram.description.LabelPosition;
import oko.diagram.description.NodeShape;
import oko.diagram.description.NodeStyle;

/**
 * A node as its style says: shape, fill, border, label wrapped to the width (inside, or below the
 * shape for actors). A container draws its label as a header and holds its children's figures.
 */
public final class NodeFigure extends Figure {

    static final int HEADER = 28;

    private final Colors colors;
    private NodeStyle style;
    private String text = "";
    private boolean container;

    public NodeFigure(Colors colors) {
        this.colors = colors;
        setLayoutManager(new XYLayout());
        setOpaque(false);
    }

    public void update(NodeStyle newStyle, String newText, boolean isContainer) {
        this.style = newStyle;
        this.text = newText == null ? "" : newText;
        this.container = isContainer;
        setToolTip(new org.eclipse.draw2d.Label(this.text));
        repaint();
    }

    public String text() {
        return text;
    }

    @Override
    protected void paintFigure(Graphics g) {
        if (style == null) {
            return;
        }
        Rectangle r = getBounds().getCopy();
        int border = Math.max(1, style.getBorderWidth());
        Color fill = colors.get(style.getBackground(), 255, 255, 255);
        Color line = colors.get(style.getBorderColor(), 80, 80, 80);
        Color fore = colors.get(style.getForeground(), 0, 0, 0);
        g.setAntialias(org.eclipse.swt.SWT.ON);
        g.setLineWidth(border);
        g.setBackgroundColor(fill);
        g.setForegroundColor(line);
        Rectangle shape = r.getCopy().shrink(border, border);
        Rectangle textArea = shape.getCopy().shrink(6, 4);
        NodeShape kind = style.getShape();
        switch (kind) {
        case ROUNDED_RECTANGLE -> {
            g.fillRoundRectangle(shape, 16, 16);
            g.drawRoundRectangle(shape, 16, 16);
        }
        case ELLIPSE -> {
            g.fillOval(shape);
            g.drawOval(shape);
            textArea = shape.getCopy().shrink(shape.width / 7, shape.height / 7);
        }
        case DIAMOND -> {
            PointList points = new PointList();
            points.addPoint(shape.getTop());
            points.addPoint(shape.getRight());
            points.addPoint(shape.getBottom());
            points.addPoint(shape.getLeft());
            g.fillPolygon(points);
            g.drawPolygon(points);
            textArea = shape.getCopy().shrink(shape.width / 4, shape.height / 4);
        }
        case HEXAGON -> {
            int d = Math.min(16, shape.width / 6);
            PointList points = new PointList();
            points.addPoint(shape.x + d, shape.y);
            points.addPoint(shape.right() - d, shape.y);
            points.addPoint(shape.right(), shape.y + shape.height / 2);
            points.addPoint(shape.right() - d, shape.bottom());
            points.addPoint(shape.x + d, shape.bottom());
            points.addPoint(shape.x, shape.y + shape.height / 2);
            g.fillPolygon(points);
            g.drawPolygon(points);
            textArea = shape.getCopy().shrink(d, 4);
        }
        case NOTE -> {
            int fold = 12;
            PointList points = new PointList();
            points.addPoint(shape.x, shape.y);
            points.addPoint(shape.right() - fold, shape.y);
            points.addPoint(shape.right(), shape.y + fold);
            points.addPoint(shape.right(), shape.bottom());
            points.addPoint(shape.x, shape.bottom());
            g.fillPolygon(points);
            g.drawPolygon(points);
            g.drawLine(shape.right() - fold, shape.y, shape.right() - fold, shape.y + fold);
            g.drawLine(shape.right() - fold, shape.y + fold, shape.right(), shape.y + fold);
        }
        case DOCUMENT -> {
            int wave = Math.min(8, shape.height / 5);
            PointList points = new PointList();
            points.addPoint(shape.x, shape.y);
            points.addPoint(shape.right(), shape.y);
            points.addPoint(shape.right(), shape.bottom() - wave);
            int steps = 16;
            for (int i = steps; i >= 0; i--) {
                double t = i / (double) steps;
                int x = shape.x + (int) Math.round(t * shape.width);
                int y = shape.bottom() - wave + (int) Math.round(Math.sin(t * 2 * Math.PI) * wave / 1.5);
                points.addPoint(x, y);
            }
            g.fillPolygon(points);
            g.drawPolygon(points);
            textArea = new Rectangle(shape.x + 6, shape.y + 3, shape.width - 12, shape.height - wave - 6);
        }
        case ACTOR -> {
            int figureHeight = style.getLabelPosition() == LabelPosition.BELOW ? Math.min(40, shape.height * 3 / 5)
                    : shape.height;
            int cx = shape.x + shape.width / 2;
            int head = Math.max(6, figureHeight / 5);
            g.fillOval(cx - head / 2, shape.y, head, head);
            g.drawOval(cx - head / 2, shape.y, head, head);
            int neck = shape.y + head;
            int hip = shape.y + figureHeight * 2 / 3;
            g.drawLine(cx, neck, cx, hip);
            g.drawLine(cx - head, neck + head / 2, cx + head, neck + head / 2);
            g.drawLine(cx, hip, cx - head, shape.y + figureHeight);
            g.drawLine(cx, hip, cx + head, shape.y + figureHeight);
            textArea = style.getLabelPosition() == LabelPosition.BELOW
                    ? new Rectangle(r.x, shape.y + figureHeight + 2, r.width, r.height - figureHeight - 2)
                    : textArea;
        }
        default -> {
            g.fillRectangle(shape);
            g.drawRectangle(shape);
        }
        }
        if (container) {
            textArea = new Rectangle(shape.x + 6, shape.y + 4, shape.width - 12, HEADER - 6);
            g.setLineWidth(1);
            g.drawLine(shape.x, shape.y + HEADER - 2, shape.right(), shape.y + HEADER - 2);
        }
        g.setForegroundColor(fore);
        drawText(g, textArea, container);
    }

    private void drawText(Graphics g, Rectangle area, boolean bold) {
        Font font = bold ? colors.bold(getFont()) : getFont();
        g.setFont(font);
        List<String> lines = wrap(text, font, area.width);
        int lineHeight = FigureUtilities.getFontMetrics(font).getHeight();
        int maxLines = Math.max(1, area.height / lineHeight);
        if (lines.size() > maxLines) {
            lines = new ArrayList<>(lines.subList(0, maxLines));
            String last = lines.get(maxLines - 1);
            while (!last.isEmpty() && FigureUtilities.getTextWidth(last + "…", font) > area.width) {
                last = last.substring(0, last.length() - 1);
            }
            lines.set(maxLines - 1, last + "…");
        }
        int y = area.y + Math.max(0, (area.height - lines.size() * lineHeight) / 2);
        for (String line : lines) {
            int width = FigureUtilities.getTextWidth(line, font);
            g.drawText(line, area.x + Math.max(0, (area.width - width) / 2), y);
            y += lineHeight;
        }
    }

    /** Words wrapped to the width; a word longer than the width is cut. */
    static List<String> wrap(String text, Font font, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (FigureUtilities.getTextWidth(candidate, font) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    @Override
    public Dimension getPreferredSize(int wHint, int hHint) {
        return style == null ? new Dimension(100, 40) : new Dimension(style.getWidth(), style.getHeight());
    }
}
