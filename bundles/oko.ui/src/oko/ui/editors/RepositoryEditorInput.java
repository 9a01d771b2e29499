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

    /**
     * @param id   the CDO id of the object the editor opens
     * @param name the editor's title (and tooltip), usually the object's label
     */
    protected RepositoryEditorInput(CDOID id, String name) {
        this.id = Objects.requireNonNull(id);
        this.name = name;
    }

    /** @return the CDO id of the object the editor opens */
    public CDOID id() {
        return id;
    }

    /** @return {@code false}: the input is not remembered between sessions */
    @Override
    public boolean exists() {
        return false;
    }

    /** @return {@code null}: the editor's own icon is shown */
    @Override
    public ImageDescriptor getImageDescriptor() {
        return null;
    }

    /** @return the name given at construction */
    @Override
    public String getName() {
        return name;
    }

    /** @return {@code null}: repository editors are not restored at startup */
    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    /** @return the name given at construction */
    @Override
    public String getToolTipText() {
        return name;
    }

    /** The same object in the same kind of input: the workbench then shows the editor already open. */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((RepositoryEditorInput) other).id.equals(id);
    }

    /** @return the id's hash, consistent with {@link #equals(Object)} */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /**
     * Adapts to the object's {@link CDOID} (how {@link TransactionalEditor} finds the object).
     *
     * @param adapter the requested type
     * @return the id for {@code CDOID.class}, else {@code null}
     */
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == CDOID.class ? adapter.cast(id) : null;
    }
}
