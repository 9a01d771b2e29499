package oko.diagram.ui;

import java.util.Objects;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** A stored diagram of the repository, by its CDO id. */
public final class DiagramEditorInput implements IEditorInput {

    private final CDOID id;
    private final String name;

    public DiagramEditorInput(CDOID id, String name) {
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

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return adapter == CDOID.class ? adapter.cast(id) : null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DiagramEditorInput input && input.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
