package oko.repository.bench;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * A plain Java class path made of bundles of the running OSGi framework, for starting code of
 * those bundles in a JVM of its own (a server to kill, an import in a small heap). A bundle built
 * in the workspace contributes its {@code target/classes}, an installed one its jar or folder.
 * Used by the tests of oko.repository and oko.monitoring.
 */
public final class BundleClassPath {

    private BundleClassPath() {
    }

    /**
     * The class path of the bundles named, in that order, as installed in the framework that loaded
     * {@code anchor}.
     *
     * @throws IllegalStateException when a bundle is not installed or has no file
     */
    public static String of(Class<?> anchor, List<String> bundles) {
        Bundle self = FrameworkUtil.getBundle(anchor);
        if (self == null || self.getBundleContext() == null) {
            throw new IllegalStateException(anchor.getName() + " is not loaded by an active bundle");
        }
        BundleContext context = self.getBundleContext();
        Set<String> entries = new LinkedHashSet<>();
        for (String name : bundles) {
            Bundle bundle = null;
            for (Bundle candidate : context.getBundles()) {
                if (name.equals(candidate.getSymbolicName())) {
                    bundle = candidate;
                }
            }
            if (bundle == null) {
                throw new IllegalStateException("bundle " + name + " is not in this runtime");
            }
            File file = FileLocator.getBundleFileLocation(bundle)
                    .orElseThrow(() -> new IllegalStateException("no file for bundle " + name));
            File classes = new File(file, "target/classes");
            entries.add((file.isDirectory() && classes.isDirectory() ? classes : file).getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
