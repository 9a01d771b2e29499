package oko.diagram.ui.internal;

import org.eclipse.draw2d.FigureUtilities;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Display;

import oko.diagram.TextMeasure;

/**
 * Text measured with the font the figures draw with (the display's system font, and its bold for
 * containers' headers): the editor lays out with it, so ELK gets the sizes the figures have.
 */
public final class SwtTextMeasure implements TextMeasure {

    private final Font font;
    private final Font bold;

    public SwtTextMeasure(Colors colors) {
        this.font = Display.getDefault().getSystemFont();
        this.bold = colors.bold(font);
    }

    public Font font(boolean isBold) {
        return isBold ? bold : font;
    }

    @Override
    public double width(String text, boolean isBold) {
        return FigureUtilities.getTextWidth(text, font(isBold));
    }

    @Override
    public double lineHeight(boolean isBold) {
        return FigureUtilities.getFontMetrics(font(isBold)).getHeight();
    }
}
