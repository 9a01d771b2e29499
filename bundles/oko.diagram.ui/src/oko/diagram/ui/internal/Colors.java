package oko.diagram.ui.internal;

import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;

/** Colours and fonts of one diagram editor, from the descriptions' "#RRGGBB" texts; freed with it. */
public final class Colors {

    private final LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources());

    /** The colour a style names, or the fallback when it names none (or names it badly). */
    public Color get(String hex, int r, int g, int b) {
        return resources.createColor(rgb(hex, new RGB(r, g, b)));
    }

    public static RGB rgb(String hex, RGB fallback) {
        if (hex == null || !hex.matches("#[0-9a-fA-F]{6}")) {
            return fallback;
        }
        int value = Integer.parseInt(hex.substring(1), 16);
        return new RGB(value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF);
    }

    public Font bold(Font font) {
        return resources.createFont(FontDescriptor.createFrom(font).setStyle(SWT.BOLD));
    }

    public void dispose() {
        resources.dispose();
    }
}
