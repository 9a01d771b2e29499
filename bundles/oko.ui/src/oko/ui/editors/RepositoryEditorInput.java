package oko.ui.editors;

import java.util.Objects;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/**
 * An object of the repository, by its CDO id, as an editor's input: what {@link TransactionalEditor}
 * opens in its own transaction (it asks the input for its {@link CDOID}).
 */
public abstract class RepositoryEditorInput implements IEditorInput {

    private final CDOID id;
    private final String name;

    protected RepositoryEditorInput(CDOID id, String name) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
    }

    public CDOID id() {
        return id;
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
        return name;
    }

    /** The same object in the same kind of input: the workbench then shows the editor already open. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((RepositoryEditorInput) other).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == CDOID.class ? adapter.cast(id) : null;
    }
}
