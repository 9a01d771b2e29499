package oko.publish.internal;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.osgi.util.NLS;

import oko.diagram.Arrangement;
import oko.diagram.DescriptionRegistry;
import oko.diagram.Representations;
import oko.diagram.SvgExport;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;
import oko.model.Direction;

/**
 * The cycle diagrams of the directions as inline SVG ({@link SvgExport}, headless): the stored
 * diagram of the direction (the repository's {@code /diagrams} resource) when there is one, as laid
 * out by its users; else drawn from the diagram description «cycle» with the nodes placed in order;
 * else none.
 */
public final class Diagrams {

    /** The id of the management cycle's diagram description (bundles/oko.diagram/descriptions). */
    public static final String CYCLE = "cycle";

    private Diagrams() {
    }

    /** The renderer of the diagrams. */
    public static SiteWriter.DiagramRenderer renderer() {
        return Diagrams::render;
    }

    static SiteWriter.Diagram render(Direction direction) {
        Optional<DiagramDescription> description;
        try {
            description = DescriptionRegistry.byId(CYCLE);
        } catch (RuntimeException | LinkageError e) {
            return null; // no extension registry (plain Java): no diagram
        }
        if (description.isEmpty()) {
            return null;
        }
        Representation stored = stored(direction);
        Representation representation = stored;
        if (representation == null) {
            representation = RepresentationFactory.eINSTANCE.createRepresentation();
            representation.setDescription(CYCLE);
            representation.setTarget(direction);
        }
        Arrangement.Shown shown;
        try {
            shown = Arrangement.arrange(representation, description.get());
        } catch (RuntimeException e) {
            return null;
        }
        if (shown.diagram().nodes().isEmpty()) {
            return null;
        }
        String title = NLS.bind(Messages.diagramTitle, Formats.name(direction));
        return new SiteWriter.Diagram(inline(SvgExport.svg(shown), title), stored != null);
    }

    private static Representation stored(Direction direction) {
        CDOObject object = CDOUtil.getCDOObject(direction);
        CDOView view = object == null ? null : object.cdoView();
        if (view == null) {
            return null;
        }
        List<Representation> stored = Representations.of(view, direction).stream()
                .filter(r -> CYCLE.equals(r.getDescription())).toList();
        return stored.isEmpty() ? null : stored.get(0);
    }

    /** The SVG without its XML declaration, its title replaced by {@code title}, marked as an image. */
    static String inline(String svg, String title) {
        String result = svg.replaceFirst("^<\\?xml[^>]*\\?>\\s*", "");
        result = result.replaceFirst("<title>.*?</title>", java.util.regex.Matcher.quoteReplacement(
                "<title>" + Html.escape(title) + "</title>"));
        result = result.replaceFirst("<svg ", "<svg role=\"img\" aria-label=\""
                + java.util.regex.Matcher.quoteReplacement(Html.escape(title)) + "\" ");
        return result.strip();
    }
}
