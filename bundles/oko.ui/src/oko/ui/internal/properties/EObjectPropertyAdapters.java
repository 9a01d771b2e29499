package oko.ui.internal.properties;

import java.util.List;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.ui.views.properties.IPropertySource;

import oko.model.provider.OkoItemProviderAdapterFactory;

/**
 * Adapts any model object to a read-only {@link IPropertySource}, so the Properties view shows
 * the navigator's selection. Editors give their own, editable sources (with their command stack).
 */
public final class EObjectPropertyAdapters implements IAdapterFactory {

    private static final ComposedAdapterFactory FACTORY = new ComposedAdapterFactory(
            List.of(new OkoItemProviderAdapterFactory()));

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> type) {
        if (type == IPropertySource.class && adaptable instanceof EObject object) {
            return type.cast(new ItemPropertySource(object, FACTORY, null));
        }
        return null;
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { IPropertySource.class };
    }
}
