package oko.ui.internal.editors;

import java.util.List;
import java.util.Optional;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;

import oko.table.TableRegistry;
import oko.table.description.TableDescription;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/**
 * The tables the workbench offers: the table descriptions of {@link TableRegistry} (contributed to
 * {@code oko.table.descriptions}, and the data directory's {@code tables/}). The navigator opens an
 * object in the first table that opens it by default, else in the form editor; every table that
 * fits the object is in the navigator's «Таблицы» menu.
 */
public final class Tables {

    /** A table: its id and (translated) name, and its description. */
    public record Table(String id, String name, TableDescription description) {
    }

    private Tables() {
    }

    /** Reads user descriptions from the data directory's {@code tables/} folder. */
    public static void useDataDirectory() {
        RepositoryConnection.dataDirectory().ifPresent(d -> TableRegistry.setUserFolder(d.resolve("tables")));
    }

    private static Table table(TableDescription description) {
        String label = description.getLabel();
        return new Table(description.getId(), label == null || label.isBlank() ? description.getId() : label, description);
    }

    /** Every table, in the order of the contributions. */
    public static List<Table> all() {
        useDataDirectory();
        return TableRegistry.all().stream().map(Tables::table).toList();
    }

    /** The table of that id. */
    public static Optional<Table> byId(String id) {
        useDataDirectory();
        return TableRegistry.byId(id).map(Tables::table);
    }

    /** The table the object opens in, if any. */
    public static Optional<Table> of(EObject object) {
        useDataDirectory();
        return TableRegistry.openedBy(object).map(Tables::table);
    }

    /** Every table that shows the object (its menu entries). */
    public static List<Table> forObject(EObject object) {
        useDataDirectory();
        return TableRegistry.forObject(object).stream().map(Tables::table).toList();
    }

    /** Reads every description again and shows the open tables with their new descriptions; reports problems when there is a window. */
    public static TableRegistry.Loaded reload(IWorkbenchWindow window) {
        useDataDirectory();
        TableRegistry.Loaded loaded = TableRegistry.reload();
        if (window != null) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (reference.getEditor(false) instanceof TableEditor editor) {
                        editor.descriptionsReloaded();
                    }
                }
            }
            if (!loaded.problems().isEmpty()) {
                MessageDialog.openWarning(window.getShell(), Messages.tableReloadDescriptions,
                        Messages.tableReloadProblems + "\n" + String.join("\n", loaded.problems()));
            }
        }
        return loaded;
    }
}
