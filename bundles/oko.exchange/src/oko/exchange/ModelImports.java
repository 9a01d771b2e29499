package oko.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;

/**
 * The imports and exports contributed to the extension point {@code oko.exchange.tables} (Oko's
 * registers and tables, and those of modules), in the order contributed.
 */
public final class ModelImports {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "oko.exchange.tables";

    private ModelImports() {
    }

    /** Every contributed import. */
    public static List<ModelImport> imports() {
        List<ModelImport> all = new ArrayList<>();
        for (Object o : contributions()) {
            if (o instanceof ModelImport i) {
                all.add(i);
            }
        }
        return all;
    }

    /** The import of that id (organisations, persons, roles, plan, techmap…). */
    public static Optional<ModelImport> importOf(String id) {
        return imports().stream().filter(i -> i.id().equals(id)).findFirst();
    }

    /** The export of that id. */
    public static Optional<ModelExport> exportOf(String id) {
        for (Object o : contributions()) {
            if (o instanceof ModelExport e && e.id().equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static List<Object> contributions() {
        List<Object> objects = new ArrayList<>();
        if (Platform.getExtensionRegistry() == null) {
            return objects;
        }
        for (IConfigurationElement element : Platform.getExtensionRegistry()
                .getConfigurationElementsFor(EXTENSION_POINT)) {
            try {
                objects.add(element.createExecutableExtension("class"));
            } catch (CoreException | RuntimeException e) {
                ILog.of(ModelImports.class).error(Messages.bind(Messages.contributionBroken,
                        element.getContributor().getName(), element.getAttribute("class")), e);
            }
        }
        return objects;
    }
}
