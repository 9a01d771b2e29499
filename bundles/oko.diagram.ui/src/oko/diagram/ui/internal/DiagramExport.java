package oko.diagram.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.Status;
import org.eclipse.draw2d.FreeformFigure;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.gef.GraphicalViewer;
import org.eclipse.gef.LayerConstants;
import org.eclipse.gef.editparts.LayerManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;

import oko.diagram.Arrangement.Shown;
import oko.diagram.SvgExport;
import oko.ui.ErrorReports;

/** A diagram written to a file: PNG as drawn, or SVG with the same shapes, colours and places. */
final class DiagramExport {

    /** Writes the diagram to a file. */
    interface Writer {
        void write(String format, Path file) throws IOException;
    }

    private DiagramExport() {
    }

    /**
     * Asks where (a save dialog offering {@code name.format}), then writes the diagram as PNG or
     * SVG; a failure is shown and logged.
     */
    static void ask(Shell shell, String name, String format, Writer writer) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*." + format });
        dialog.setFileName(name.replaceAll("[\\\\/:*?\"<>|]", "_") + "." + format);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            writer.write(format, file);
        } catch (Exception e) {
            ErrorReports.show(DiagramExport.class, Messages.exportFailedTitle,
                    Status.error(Messages.bind(Messages.exportFailed, file, e.getMessage()), e));
        }
    }

    /** The diagram as drawn in the viewer, as a PNG image. */
    static void png(GraphicalViewer graphical, Path file) throws IOException {
        LayerManager layers = (LayerManager) graphical.getEditPartRegistry().get(LayerManager.ID);
        IFigure figure = layers.getLayer(LayerConstants.PRINTABLE_LAYERS);
        Rectangle extent = ((FreeformFigure) figure).getFreeformExtent().getCopy().expand(10, 10);
        extent.width = Math.max(extent.width, 20);
        extent.height = Math.max(extent.height, 20);
        Image image = new Image(graphical.getControl().getDisplay(), extent.width, extent.height);
        GC gc = new GC(image);
        SWTGraphics graphics = new SWTGraphics(gc);
        try {
            graphics.setBackgroundColor(graphical.getControl().getDisplay().getSystemColor(SWT.COLOR_WHITE));
            graphics.fillRectangle(0, 0, extent.width, extent.height);
            graphics.translate(-extent.x, -extent.y);
            figure.paint(graphics);
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(file)) {
                loader.save(out, SWT.IMAGE_PNG);
            }
        } finally {
            graphics.dispose();
            gc.dispose();
            image.dispose();
        }
    }

    /**
     * The diagram as an SVG drawing.
     *
     * @param shown   what the diagram shows, null when it cannot be shown
     * @param problem why it cannot be shown (the failure's message then)
     */
    static void svg(Shown shown, String problem, Path file) throws IOException {
        if (shown == null) {
            throw new IOException(problem);
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, SvgExport.svg(shown));
    }
}
