package oko.core.modules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;

import oko.model.Level;

/**
 * The modules installed (extension point {@code oko.core.modules}): each names its level
 * (region, municipality or school), the template a new quality system of the module starts from, its sample
 * data, and its perspectives. The core knows no module by name: what is installed is what the
 * registry holds, so a product without a module's bundle shows nothing of it. A module's diagram
 * descriptions and report layouts are contributed by its bundle on {@code oko.diagram.descriptions}
 * and {@code oko.reports.layouts}.
 */
public final class Modules {

    public static final String EXTENSION_POINT = "oko.core.modules";

    /**
     * An installed module. {@code template} is the model file holding the template and
     * {@code templateSystems} the codes of its systems (the first gives the new system's structure,
     * the others add theirs); {@code samples} are model files, loaded in order.
     */
    public record Module(String id, String name, Level level, String description, String bundle, URI template,
            List<String> templateSystems, List<URI> samples, List<String> perspectives) {
    }

    private Modules() {
    }

    /** Every module contributed, in the registry's order; a malformed contribution is logged and left out. */
    public static List<Module> all() {
        List<Module> modules = new ArrayList<>();
        if (Platform.getExtensionRegistry() == null) {
            return modules;
        }
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            String bundle = element.getContributor().getName();
            try {
                modules.add(read(element, bundle));
            } catch (IllegalArgumentException e) {
                ILog.of(Modules.class).error(bundle + ": module \"" + element.getAttribute("id") + "\": " + e.getMessage());
            }
        }
        return modules;
    }

    /** The module of that id. */
    public static Optional<Module> byId(String id) {
        return all().stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The sample files of every module, in module order (a later file may refer to an earlier one). */
    public static List<URI> samples() {
        return all().stream().flatMap(m -> m.samples().stream()).distinct().toList();
    }

    private static Module read(IConfigurationElement element, String bundle) {
        String id = required(element, "id");
        Level level = Level.get(required(element, "level").toUpperCase(java.util.Locale.ROOT));
        if (level == null) {
            throw new IllegalArgumentException("level \"" + element.getAttribute("level")
                    + "\" is none of municipality, school, region");
        }
        URI template = null;
        List<String> templateSystems = List.of();
        List<URI> samples = new ArrayList<>();
        List<String> perspectives = new ArrayList<>();
        for (IConfigurationElement child : element.getChildren()) {
            switch (child.getName()) {
            case "template" -> {
                template = file(bundle, required(child, "file"));
                templateSystems = java.util.Arrays.stream(required(child, "systems").split(",")).map(String::strip)
                        .filter(code -> !code.isEmpty()).toList();
            }
            case "sample" -> samples.add(file(bundle, required(child, "file")));
            case "perspective" -> perspectives.add(required(child, "id"));
            default -> {
                // other children belong to other consumers
            }
            }
        }
        return new Module(id, required(element, "name"), level, element.getAttribute("description"), bundle, template,
                templateSystems, List.copyOf(samples), List.copyOf(perspectives));
    }

    /** A path inside the contributing bundle, or a platform:/plugin/… URI of another bundle. */
    private static URI file(String bundle, String path) {
        return path.startsWith("platform:") ? URI.createURI(path) : URI.createPlatformPluginURI(bundle + "/" + path, true);
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks " + attribute);
        }
        return value;
    }
}
