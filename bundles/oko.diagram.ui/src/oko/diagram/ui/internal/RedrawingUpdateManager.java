package oko.diagram.ui.internal;

import org.eclipse.draw2d.DeferredUpdateManager;
import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.Graphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.EditPartViewer;

/**
 * Repaints a viewer's damaged areas through SWT paint events.
 * <p>
 * draw2d 3.2's {@link DeferredUpdateManager} paints a damaged area itself, with a GC opened on the
 * canvas outside any paint event. On GTK 3 that drawing reaches the screen only with the next
 * event the display handles: after an undo or redo from the keyboard, or another client's commit,
 * the diagram went on showing the old state until the mouse moved. Here the damaged area is
 * handed to {@code Canvas.redraw} instead; the paint event that follows paints it with draw2d's own
 * path for exposed areas ({@code LightweightSystem.paint(GC)}), figures validated first.
 */
final class RedrawingUpdateManager extends DeferredUpdateManager {

    private final FigureCanvas canvas;

    private RedrawingUpdateManager(FigureCanvas canvas) {
        this.canvas = canvas;
    }

    /** Puts this update manager under the viewer's figures; call after the viewer's control is created. */
    static void install(EditPartViewer viewer) {
        FigureCanvas canvas = (FigureCanvas) viewer.getControl();
        canvas.getLightweightSystem().setUpdateManager(new RedrawingUpdateManager(canvas));
    }

    /** Asks for a paint event over the damage; nothing is drawn here (draw2d skips a null Graphics). */
    @Override
    protected Graphics getGraphics(Rectangle region) {
        if (!canvas.isDisposed()) {
            canvas.redraw(region.x, region.y, region.width, region.height, false);
        }
        return null;
    }
}
