package oko.cycle.ui.internal;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** The input of the home dashboard: there is one dashboard per page, so every input is equal. */
final class DashboardInput implements IEditorInput {

    static final DashboardInput INSTANCE = new DashboardInput();

    private DashboardInput() {
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
        return Messages.title;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return Messages.title;
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DashboardInput;
    }

    @Override
    public int hashCode() {
        return DashboardInput.class.hashCode();
    }
}
