package oko.ui.tables;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * A table editor contributed to the {@code oko.ui.tables} extension point: which objects it opens
 * on, the rows it lists, and its columns. The workbench's table editor shows it (wrapped cells,
 * in-place editing, undo, Save with a comment) and the navigator opens it for the objects it
 * {@link #opens(EObject) opens}; an object no table opens gets the form editor.
 * <p>
 * Implementations are created once per workbench session and must be stateless.
 */
public interface TableDefinition {

    /**
     * Whether this table is the editor of the object (double click or Open in the navigator).
     *
     * @param object a model object
     * @return {@code true} when this table shows the object
     */
    boolean opens(EObject object);

    /**
     * The top-level rows of the table opened on an object.
     *
     * @param root an object this table {@link #opens(EObject) opens}
     * @return its rows, in order (a live list or a copy)
     */
    List<? extends EObject> rows(EObject root);

    /**
     * The rows shown below a row (a tree table); none by default.
     *
     * @param row a row of the table
     * @return the rows below it, in order
     */
    default List<? extends EObject> children(EObject row) {
        return List.of();
    }

    /**
     * The table's columns, left to right.
     *
     * @return at least one column
     */
    List<TableColumn> columns();

    /**
     * Whether a row is drawn in red (a plan item past its deadline, for instance); none by default.
     *
     * @param row a row of the table
     * @return {@code true} to draw the row's texts in red
     */
    default boolean marked(EObject row) {
        return false;
    }

    /**
     * The label of the tool bar's action adding a row, or {@code null} (the default) when rows are
     * neither added nor deleted in this table.
     *
     * @return the action's label (translated), or {@code null}
     */
    default String addRowLabel() {
        return null;
    }

    /**
     * The command adding a new row near the selection; only called when {@link #addRowLabel()} is
     * not {@code null}.
     *
     * @param domain   the editor's editing domain (build the command with it)
     * @param root     the object the table is opened on
     * @param selected the first selected row, or {@code null}
     * @return the command and the row it adds (selected after it ran), or {@code null} when no row
     *         can be added there
     */
    default NewRow newRow(EditingDomain domain, EObject root, Object selected) {
        return null;
    }

    /**
     * A row about to be added.
     *
     * @param command the command adding it
     * @param row     the new row
     */
    record NewRow(Command command, EObject row) {
    }
}
