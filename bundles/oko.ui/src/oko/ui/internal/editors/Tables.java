package oko.ui.internal.editors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.ecore.EObject;

import oko.ui.tables.TableDefinition;

/**
 * The table editors contributed to the {@code oko.ui.tables} extension point, read once; a broken
 * contribution is logged and skipped. The navigator opens an object in the first table that
 * {@linkplain TableDefinition#opens(EObject) opens} it (in the order of the contributions), else in
 * the form editor.
 */
public final class Tables {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "oko.ui.tables";

    /** A contributed table: its id and (translated) name, and what it shows. */
    public record Table(String id, String name, TableDefinition definition) {
    }

    private static List<Table> tables;

    private Tables() {
    }

    /** Every contributed table, in the order of the contributions. */
    public static synchronized List<Table> all() {
        if (tables == null) {
            tables = read();
        }
        return tables;
    }

    /** The table of that id, if contributed. */
    public static Optional<Table> byId(String id) {
        return all().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The table the object opens in, if any. */
    public static Optional<Table> of(EObject object) {
        for (Table table : all()) {
            try {
                if (table.definition().opens(object)) {
                    return Optional.of(table);
                }
            } catch (RuntimeException e) {
                ILog.of(Tables.class).error("Table '" + table.id() + "' failed on " + object.eClass().getName(), e);
            }
        }
        return Optional.empty();
    }

    private static List<Table> read() {
        List<Table> result = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry().getConfigurationElementsFor(EXTENSION_POINT)) {
            String id = element.getAttribute("id");
            String contributor = element.getContributor().getName();
            if (id == null || id.isBlank() || element.getAttribute("class") == null) {
                ILog.of(Tables.class).warn("Ignoring an oko.ui.tables contribution without id or class in bundle " + contributor);
                continue;
            }
            if (result.stream().anyMatch(t -> t.id().equals(id))) {
                ILog.of(Tables.class).warn("Ignoring duplicate table '" + id + "' contributed by bundle " + contributor);
                continue;
            }
            try {
                TableDefinition definition = (TableDefinition) element.createExecutableExtension("class");
                String name = element.getAttribute("name");
                result.add(new Table(id, name == null || name.isBlank() ? id : name, definition));
            } catch (CoreException | ClassCastException e) {
                ILog.of(Tables.class).error("Table '" + id + "' of bundle " + contributor + " cannot be created: "
                        + e.getMessage(), e);
            }
        }
        return List.copyOf(result);
    }
}
