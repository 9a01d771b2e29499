package oko.ui.internal.editors;

import java.util.Objects;

import org.eclipse.emf.cdo.common.id.CDOID;

import oko.ui.editors.RepositoryEditorInput;
import oko.ui.internal.Messages;

/**
 * A model object of the repository, by its CDO id, opened in one of the contributed table
 * editors ({@link Tables}), in an editor contributed for its type (then {@code table} is that
 * editor's id, see {@link oko.ui.editors.ObjectEditors}) or, with {@link #FORM}, in the form editor.
 */
public final class ModelEditorInput extends RepositoryEditorInput {

    /** The "table" of the form editor. */
    public static final String FORM = "oko.ui.editors.form";

    private final String table;

    /**
     * @param table the id of a contributed table, or {@link #FORM}
     */
    public ModelEditorInput(CDOID id, String table, String name) {
        super(id, name);
        this.table = Objects.requireNonNull(table);
    }

    /** The id of the table the object is shown in, or {@link #FORM}. */
    public String table() {
        return table;
    }

    /** The table's (translated) name, or the form editor's. */
    public String title() {
        if (table.equals(FORM)) {
            return Messages.editorForm;
        }
        return Tables.byId(table).map(Tables.Table::name).orElseGet(() -> {
            // an editor contributed for the object's type (oko.ui.objectEditors): its name
            var editor = org.eclipse.ui.PlatformUI.isWorkbenchRunning()
                    ? org.eclipse.ui.PlatformUI.getWorkbench().getEditorRegistry().findEditor(table) : null;
            return editor == null ? table : editor.getLabel();
        });
    }

    @Override
    public String getToolTipText() {
        return title() + ": " + getName();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && ((ModelEditorInput) other).table.equals(table);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), table);
    }
}
