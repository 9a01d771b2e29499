package oko.reports;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.birt.report.model.api.DefaultResourceLocator;
import org.eclipse.birt.report.model.api.ModuleHandle;
import org.osgi.framework.Bundle;

/**
 * Finds a layout's resources (its message files {@code NAME_en.properties}, images) beside the
 * layout: in the contributing bundle's folder for a contributed layout (opened as
 * {@code bundle/path/NAME.rptdesign}), in the file's folder for one of {@code DATA/reports/}; BIRT's
 * own search (its resource folder) otherwise.
 */
final class LayoutResources extends DefaultResourceLocator {

    @Override
    public URL findResource(ModuleHandle module, String fileName, int type) {
        URL found = beside(module, fileName);
        found = found != null ? found : shared(fileName);
        return found != null ? found : super.findResource(module, fileName, type);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public URL findResource(ModuleHandle module, String fileName, int type, Map appContext) {
        URL found = beside(module, fileName);
        found = found != null ? found : shared(fileName);
        return found != null ? found : super.findResource(module, fileName, type, appContext);
    }

    /**
     * A file of the shared folder of {@code oko.reports} (the library {@link Reports#LIBRARY} every
     * layout includes), for layouts of other bundles and of {@code DATA/reports/}: with a resource
     * locator of its own, BIRT no longer looks in the engine's resource path itself.
     */
    private static URL shared(String fileName) {
        if (fileName == null || fileName.contains("/") || fileName.contains("\\")) {
            return null;
        }
        try {
            Path file = Reports.libraryFolder().resolve(fileName);
            return Files.isRegularFile(file) ? file.toUri().toURL() : null;
        } catch (RuntimeException | MalformedURLException e) {
            return null;
        }
    }

    static URL beside(ModuleHandle module, String fileName) {
        if (module == null || fileName == null || module.getFileName() == null) {
            return null;
        }
        String origin = module.getFileName().replace('\\', '/');
        if (origin.startsWith("file:")) {
            origin = origin.replaceFirst("^file:(//)?", "");
        }
        int folderEnd = origin.lastIndexOf('/');
        if (folderEnd < 0) {
            return null;
        }
        try {
            Path file = Path.of(origin).resolveSibling(fileName);
            if (file.isAbsolute() && Files.isRegularFile(file)) {
                return file.toUri().toURL();
            }
        } catch (InvalidPathException | MalformedURLException e) {
            // not a file: perhaps bundle/path
        }
        // bundle/path/NAME.rptdesign, perhaps behind a folder BIRT put in front
        String[] segments = origin.substring(0, folderEnd).split("/");
        for (int i = 0; i < segments.length; i++) {
            Bundle bundle = segments[i].isEmpty() ? null : org.eclipse.core.runtime.Platform.getBundle(segments[i]);
            if (bundle != null) {
                StringBuilder path = new StringBuilder();
                for (int j = i + 1; j < segments.length; j++) {
                    path.append(segments[j]).append('/');
                }
                URL entry = bundle.getEntry(path + fileName);
                if (entry != null) {
                    return entry;
                }
            }
        }
        return null;
    }
}
