package oko.ui.internal.editors;

import java.util.Objects;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A model object of the repository, by its CDO id, opened in one of the table editors. */
public final class ModelEditorInput implements IEditorInput {

    private final CDOID id;
    private final TableKind kind;
    private final String name;

    public ModelEditorInput(CDOID id, TableKind kind, String name) {
        this.id = Objects.requireNonNull(id);
        this.kind = Objects.requireNonNull(kind);
        this.name = name;
    }

    public CDOID id() {
        return id;
    }

    public TableKind kind() {
        return kind;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return kind.title() + ": " + name;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == CDOID.class ? adapter.cast(id) : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModelEditorInput input && input.id.equals(id) && input.kind == kind;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, kind);
    }
}
