package oko.repository.exchange;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.RegistryFactory;

/** The {@link ExchangePart}s contributed to the extension point {@value #EXTENSION_POINT}. */
public final class ExchangeParts {

    /** The extension point: {@code <part class="…"/>}, the class implementing {@link ExchangePart}. */
    public static final String EXTENSION_POINT = "oko.repository.exchangeParts";

    private ExchangeParts() {
    }

    /** Every contributed part (none outside OSGi); a part that cannot be created is logged and left out. */
    public static List<ExchangePart> all() {
        List<ExchangePart> parts = new ArrayList<>();
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            return parts;
        }
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            try {
                if (element.createExecutableExtension("class") instanceof ExchangePart part) {
                    parts.add(part);
                }
            } catch (CoreException e) {
                ILog.of(ExchangeParts.class).log(e.getStatus());
            }
        }
        return parts;
    }
}
