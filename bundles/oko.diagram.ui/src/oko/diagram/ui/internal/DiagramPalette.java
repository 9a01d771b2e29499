package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.gef.palette.ConnectionCreationToolEntry;
import org.eclipse.gef.palette.CreationToolEntry;
import org.eclipse.gef.palette.MarqueeToolEntry;
import org.eclipse.gef.palette.PaletteDrawer;
import org.eclipse.gef.palette.PaletteGroup;
import org.eclipse.gef.palette.PaletteRoot;
import org.eclipse.gef.palette.SelectionToolEntry;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.gef.ui.palette.PaletteViewer;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.RGB;

import oko.diagram.Arrangement;
import oko.diagram.description.CreateEdgeTool;
import oko.diagram.description.CreateNodeTool;
import oko.diagram.description.Layer;
import oko.diagram.description.NodeStyle;
import oko.diagram.description.Tool;

/**
 * The diagram editor's palette: the selection tools, then one drawer per active layer with its
 * create-node and create-edge tools, each with a small icon in the mapping's colours.
 */
final class DiagramPalette {

    private final DiagramContent content;
    private final PaletteViewer viewer = new PaletteViewer();

    DiagramPalette(DiagramContent content) {
        this.content = content;
    }

    PaletteViewer viewer() {
        return viewer;
    }

    /** The palette's root: the selection tools and the active layers' drawers. */
    PaletteRoot root() {
        PaletteRoot root = new PaletteRoot();
        PaletteGroup group = new PaletteGroup(Messages.paletteTools);
        SelectionToolEntry select = new SelectionToolEntry(Messages.paletteSelect);
        group.add(select);
        group.add(new MarqueeToolEntry(Messages.paletteMarquee));
        root.add(group);
        root.setDefaultEntry(select);
        drawers().forEach(root::add);
        return root;
    }

    /**
     * The drawers follow the active layers. The root and its selection tools stay: GEF 3.2 fails
     * when a whole new root replaces the one whose default tool is active.
     */
    void refresh() {
        PaletteRoot root = viewer.getPaletteRoot();
        viewer.setActiveTool(root.getDefaultEntry());
        for (Object child : new ArrayList<>(root.getChildren())) {
            if (child instanceof PaletteDrawer drawer) {
                root.remove(drawer);
            }
        }
        drawers().forEach(root::add);
    }

    private List<PaletteDrawer> drawers() {
        List<PaletteDrawer> drawers = new ArrayList<>();
        if (content.description() == null) {
            return drawers;
        }
        for (Layer layer : Arrangement.layers(content.representation(), content.description())) {
            PaletteDrawer drawer = new PaletteDrawer(layer.getLabel());
            for (Tool tool : layer.getTools()) {
                if (tool instanceof CreateNodeTool create) {
                    ImageDescriptor icon = icon(create.getMapping().getStyle());
                    drawer.add(new CreationToolEntry(tool.getLabel(), Messages.bind(Messages.paletteCreate, tool.getLabel()),
                            factory(tool), icon, icon));
                } else if (tool instanceof CreateEdgeTool connect) {
                    ImageDescriptor icon = edgeIcon(connect);
                    drawer.add(new ConnectionCreationToolEntry(tool.getLabel(),
                            Messages.bind(Messages.paletteConnect, tool.getLabel()), factory(tool), icon, icon));
                }
            }
            if (!drawer.getChildren().isEmpty()) {
                drawers.add(drawer);
            }
        }
        return drawers;
    }

    private static CreationFactory factory(Tool tool) {
        return new CreationFactory() {
            @Override
            public Object getNewObject() {
                return tool;
            }

            @Override
            public Object getObjectType() {
                return tool.eClass();
            }
        };
    }

    /** A small square in the mapping's colours. */
    private static ImageDescriptor icon(NodeStyle style) {
        RGB fill = Colors.rgb(style.getBackground(), new RGB(255, 255, 255));
        RGB border = Colors.rgb(style.getBorderColor(), new RGB(80, 80, 80));
        ImageData data = new ImageData(16, 16, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.transparentPixel = data.palette.getPixel(new RGB(254, 254, 254));
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                boolean edge = x == 1 || y == 2 || x == 14 || y == 13;
                boolean inside = x > 1 && x < 14 && y > 2 && y < 13;
                data.setPixel(x, y, data.palette.getPixel(edge && x >= 1 && x <= 14 && y >= 2 && y <= 13 ? border
                        : inside ? fill : new RGB(254, 254, 254)));
            }
        }
        return ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? data : null);
    }

    /** A small diagonal arrow in the edge's colour. */
    private static ImageDescriptor edgeIcon(CreateEdgeTool tool) {
        RGB line = Colors.rgb(tool.getMapping().getStyle().getForeground(), new RGB(60, 60, 60));
        ImageData data = new ImageData(16, 16, 24, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        data.transparentPixel = data.palette.getPixel(new RGB(254, 254, 254));
        for (int x = 0; x < 16; x++) {
            for (int y = 0; y < 16; y++) {
                boolean on = Math.abs(x - (15 - y)) <= 0 || (x >= 11 && y <= 4 && (x == 14 || y == 1));
                data.setPixel(x, y, data.palette.getPixel(on ? line : new RGB(254, 254, 254)));
            }
        }
        return ImageDescriptor.createFromImageDataProvider(zoom -> zoom == 100 ? data : null);
    }
}
