package oko.ui.internal.editors;

import java.util.Objects;

import org.eclipse.emf.cdo.common.id.CDOID;

import oko.ui.editors.RepositoryEditorInput;

/** A model object of the repository, by its CDO id, opened in one of the table editors. */
public final class ModelEditorInput extends RepositoryEditorInput {

    private final TableKind kind;

    public ModelEditorInput(CDOID id, TableKind kind, String name) {
        super(id, name);
        this.kind = Objects.requireNonNull(kind);
    }

    public TableKind kind() {
        return kind;
    }

    @Override
    public String getToolTipText() {
        return kind.title() + ": " + getName();
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && ((ModelEditorInput) other).kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id(), kind);
    }
}
