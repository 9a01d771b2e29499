package oko.diagram.ui.bench;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.draw2d.ChopboxAnchor;
import org.eclipse.draw2d.FreeformLayer;
import org.eclipse.draw2d.FreeformLayout;
import org.eclipse.draw2d.IFigure;
import org.eclipse.draw2d.PolygonDecoration;
import org.eclipse.draw2d.PolylineConnection;
import org.eclipse.draw2d.SWTGraphics;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramInterpreter.Diagram;
import oko.diagram.DiagramInterpreter.Edge;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.DiagramLayout;
import oko.diagram.bench.DiagramBenchmark;
import oko.diagram.description.DiagramDescription;
import oko.diagram.ui.internal.Colors;
import oko.diagram.ui.internal.NodeFigure;

/**
 * Open, Arrange All and draw: the generated "roles, functions and documents" diagrams of
 * {@link DiagramBenchmark} (100, 1,000, 5,000 nodes) interpreted, laid out by ELK, turned into
 * the editor's draw2d figures (its node figures, connections with arrowheads) and painted once
 * at the size of a 1600×1000 window, as opening a diagram does. Needs a display (Xvfb). GEF's
 * edit parts are not created here: the editor adds one object per figure on top of this.
 * Prints figures, asserts nothing.
 */
public final class DiagramDrawingBenchmark {

    public static void main(String[] args) {
        Display display = new Display();
        Shell shell = new Shell(display);
        Colors colors = new Colors();
        DiagramDescription roles = DiagramBenchmark.description("roles");
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int size : new int[] { 100, 1000, 5000 }) {
            var system = DiagramBenchmark.model(size);
            int runs = size >= 5000 ? 3 : 6;
            List<double[]> times = new ArrayList<>();
            int nodes = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                Diagram diagram = DiagramInterpreter.build(roles, system);
                DiagramLayout.Result layout = DiagramLayout.layout(diagram);
                long laid = System.nanoTime();
                FreeformLayer layer = figures(diagram, layout, colors);
                long built = System.nanoTime();
                paint(display, layer);
                long painted = System.nanoTime();
                times.add(new double[] { (painted - start) / 1e6, (laid - start) / 1e6, (built - laid) / 1e6,
                        (painted - built) / 1e6 });
                nodes = diagram.allNodes().size();
            }
            List<double[]> warm = new ArrayList<>(times.subList(runs / 2, runs));
            warm.sort((a, b) -> Double.compare(a[0], b[0]));
            double[] median = warm.get(warm.size() / 2);
            System.out.printf(Locale.ROOT,
                    "%5d nodes: open + arrange all + draw, first %6.0f ms, warm median %6.0f ms"
                            + " (interpret+ELK %4.0f, figures %4.0f, paint %4.0f)%s%n",
                    nodes, times.get(0)[0], median[0], median[1], median[2], median[3],
                    size == 1000 ? "  (goal < 1000 ms)" : "");
        }
        colors.dispose();
        shell.dispose();
        display.dispose();
    }

    private static FreeformLayer figures(Diagram diagram, DiagramLayout.Result layout, Colors colors) {
        FreeformLayer layer = new FreeformLayer();
        layer.setLayoutManager(new FreeformLayout());
        // in the editor the canvas gives the font; here the layer does
        layer.setFont(Display.getCurrent().getSystemFont());
        Map<Node, IFigure> figures = new IdentityHashMap<>();
        for (Node node : diagram.allNodes()) {
            NodeFigure figure = new NodeFigure(colors);
            figure.update(node.style(), node.label(), !node.children().isEmpty());
            DiagramLayout.Bounds b = layout.bounds().get(node);
            layer.add(figure, new Rectangle((int) b.x(), (int) b.y(), (int) b.width(), (int) b.height()));
            figures.put(node, figure);
        }
        for (Edge edge : diagram.edges()) {
            PolylineConnection connection = new PolylineConnection();
            connection.setSourceAnchor(new ChopboxAnchor(figures.get(edge.source())));
            connection.setTargetAnchor(new ChopboxAnchor(figures.get(edge.target())));
            connection.setTargetDecoration(new PolygonDecoration());
            layer.add(connection);
        }
        layer.validate();
        return layer;
    }

    private static void paint(Display display, FreeformLayer layer) {
        Image image = new Image(display, 1600, 1000);
        GC gc = new GC(image);
        SWTGraphics graphics = new SWTGraphics(gc);
        try {
            layer.setBounds(new Rectangle(0, 0, 1600, 1000));
            layer.paint(graphics);
        } finally {
            graphics.dispose();
            gc.dispose();
            image.dispose();
        }
    }
}
