package oko.diagram.ui.internal;

import java.util.List;

import org.eclipse.draw2d.Figure;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.XYLayout;
import org.eclipse.draw2d.geometry.Dimension;
import org.eclipse.draw2d.geometry.PointList;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.Color;

import oko.diagram.DiagramLayout.Bounds;
import oko.diagram.Labels;
import oko.diagram.description.LabelPosition;
import oko.diagram.description.NodeShape;
import oko.diagram.description.NodeStyle;

/**
 * A node as its style says: shape, fill, border, label wrapped to the width (inside, or below the
 * shape for actors). A container draws its label as a header and holds its children's figures.
 */
public final class NodeFigure extends Figure {

    private final Colors colors;
    private final SwtTextMeasure measure;
    private NodeStyle style;
    private String text = "";
    private boolean container;
    private boolean cut;

    public NodeFigure(Colors colors) {
        this(colors, new SwtTextMeasure(colors));
    }

    public NodeFigure(Colors colors, SwtTextMeasure measure) {
        this.colors = colors;
        this.measure = measure;
        setFont(measure.font(false));
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
        int header = (int) Labels.header(style, text, measure, style.getWidth());
        Rectangle textArea = rectangle(Labels.textArea(style, new Bounds(r.x, r.y, r.width, r.height), container, header));
        NodeShape kind = style.getShape();
        switch (kind) {
        case ROUNDED_RECTANGLE -> {
            g.fillRoundRectangle(shape, 16, 16);
            g.drawRoundRectangle(shape, 16, 16);
        }
        case ELLIPSE -> {
            g.fillOval(shape);
            g.drawOval(shape);
        }
        case DIAMOND -> {
            PointList points = new PointList();
            points.addPoint(shape.getTop());
            points.addPoint(shape.getRight());
            points.addPoint(shape.getBottom());
            points.addPoint(shape.getLeft());
            g.fillPolygon(points);
            g.drawPolygon(points);
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
        }
        case ACTOR -> {
            int figureHeight = style.getLabelPosition() == LabelPosition.BELOW
                    ? (int) Labels.actorFigureHeight(shape.height) : shape.height;
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
        }
        default -> {
            g.fillRectangle(shape);
            g.drawRectangle(shape);
        }
        }
        if (container) {
            g.setLineWidth(1);
            g.drawLine(shape.x, r.y + header - 2, shape.right(), r.y + header - 2);
        }
        g.setForegroundColor(fore);
        drawText(g, textArea, container);
    }

    private void drawText(Graphics g, Rectangle area, boolean bold) {
        g.setFont(measure.font(bold));
        Labels.Fitted fitted = Labels.fit(text, measure, bold, new Bounds(area.x, area.y, area.width, area.height));
        cut = fitted.cut();
        int lineHeight = (int) measure.lineHeight(bold);
        List<String> lines = fitted.lines();
        int y = area.y + Math.max(0, (area.height - lines.size() * lineHeight) / 2);
        for (String line : lines) {
            int width = (int) measure.width(line, bold);
            g.drawText(line, area.x + Math.max(0, (area.width - width) / 2), y);
            y += lineHeight;
        }
    }

    /** Whether the last painting had to cut the label (the tooltip then shows it whole). */
    public boolean cut() {
        return cut;
    }

    /** The lines the label is drawn in, as the figure's bounds allow. */
    public Labels.Fitted fitted() {
        Rectangle r = getBounds();
        int header = (int) Labels.header(style, text, measure, style.getWidth());
        Bounds area = Labels.textArea(style, new Bounds(r.x, r.y, r.width, r.height), container, header);
        return Labels.fit(text, measure, container, area);
    }

    private static Rectangle rectangle(Bounds b) {
        return new Rectangle((int) Math.round(b.x()), (int) Math.round(b.y()), (int) Math.round(b.width()),
                (int) Math.round(b.height()));
    }

    @Override
    public Dimension getPreferredSize(int wHint, int hHint) {
        return style == null ? new Dimension(100, 40) : new Dimension(style.getWidth(), style.getHeight());
    }
}
