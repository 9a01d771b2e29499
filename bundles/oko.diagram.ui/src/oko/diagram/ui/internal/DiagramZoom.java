package oko.diagram.ui.internal;

import org.eclipse.draw2d.FigureCanvas;
import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.gef.editparts.ScalableFreeformRootEditPart;

/** The zoom of a diagram viewer (whose root is a {@link ScalableFreeformRootEditPart}). */
final class DiagramZoom {

    private DiagramZoom() {
    }

    /** The zoom that shows the whole diagram (not below 60 %, not above 100 %). */
    static void fit(GraphicalViewer viewer) {
        ScalableFreeformRootEditPart rootPart = (ScalableFreeformRootEditPart) viewer.getRootEditPart();
        IFigure figure = ((LayerManager) rootPart).getLayer(LayerConstants.PRINTABLE_LAYERS);
        Rectangle extent = ((FreeformFigure) figure).getFreeformExtent();
        org.eclipse.swt.graphics.Point size = viewer.getControl().getSize();
        if (extent.width <= 0 || extent.height <= 0 || size.x <= 0 || size.y <= 0) {
            return;
        }
        double fit = Math.min((size.x - 20) / (double) (extent.right() + 10), (size.y - 20) / (double) (extent.bottom() + 10));
        rootPart.getZoomManager().setZoom(Math.max(0.6, Math.min(1.0, fit)));
    }

    /** Zooms (1 = 100 %), keeping the scroll position. */
    static void set(GraphicalViewer viewer, double zoom) {
        ((ScalableFreeformRootEditPart) viewer.getRootEditPart()).getZoomManager().setZoom(zoom);
    }

    /** Zooms (1 = 100 %) and scrolls back to the top left corner. */
    static void setAndScrollHome(GraphicalViewer viewer, double zoom) {
        set(viewer, zoom);
        ((FigureCanvas) viewer.getControl()).scrollTo(0, 0);
    }

    /** The current zoom (1 = 100 %). */
    static double get(GraphicalViewer viewer) {
        return ((ScalableFreeformRootEditPart) viewer.getRootEditPart()).getZoomManager().getZoom();
    }
}
