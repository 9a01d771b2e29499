package oko.diagram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.URI;

/**
 * The description files of a registry (diagram types, tables), loaded once and again on
 * {@link #reload()}: those contributed through an extension point (its elements' {@code file}),
 * those {@linkplain #addFile added} by path, then the {@code *.xmi} files of a user folder a
 * methodologist edits, by name. What the files give is the registry's loader's to say.
 *
 * @param <T> what the registry makes of the files
 */
public final class DescriptionFiles<T> {

    /** A description file: the name its problems are reported under, and where it is read from. */
    public record File(String name, URI uri) {
    }

    private final String extensionPoint;
    private final BiFunction<List<File>, List<String>, T> loader;
    private final List<String> extraFiles = new ArrayList<>();
    private Path userFolder;
    private T loaded;

    /**
     * @param loader makes the registry's content of the files, in their order, given the problems
     *            found already (a user folder that could not be listed) to report with its own
     */
    public DescriptionFiles(String extensionPoint, BiFunction<List<File>, List<String>, T> loader) {
        this.extensionPoint = extensionPoint;
        this.loader = loader;
    }

    /** Sets the user folder; the files are read again at the next {@link #get()} if it changed. */
    public synchronized void setUserFolder(Path folder) {
        if (!Objects.equals(folder, userFolder)) {
            userFolder = folder;
            loaded = null;
        }
    }

    /** The folder of user description files, if set. */
    public synchronized Optional<Path> userFolder() {
        return Optional.ofNullable(userFolder);
    }

    /** A description file read besides the contributions (outside OSGi: benchmarks, plain tests). */
    public synchronized void addFile(Path file) {
        extraFiles.add(file.toAbsolutePath().toString());
        loaded = null;
    }

    /** What the files gave, read at the first call and after a change of the files named. */
    public synchronized T get() {
        if (loaded == null) {
            loaded = load();
        }
        return loaded;
    }

    /** Reads every file again (after one was edited). */
    public synchronized T reload() {
        loaded = load();
        return loaded;
    }

    private T load() {
        List<File> files = new ArrayList<>();
        var registry = Platform.getExtensionRegistry();
        if (registry != null) {
            for (IConfigurationElement element : registry.getConfigurationElementsFor(extensionPoint)) {
                String file = element.getContributor().getName() + "/" + element.getAttribute("file");
                files.add(new File(file, URI.createPlatformPluginURI(file, true)));
            }
        }
        extraFiles.forEach(f -> files.add(new File(f, URI.createFileURI(f))));
        List<String> problems = new ArrayList<>();
        if (userFolder != null && Files.isDirectory(userFolder)) {
            try (var stream = Files.list(userFolder)) {
                stream.filter(p -> p.getFileName().toString().endsWith(".xmi")).sorted().forEach(p -> files
                        .add(new File(p.toString(), URI.createFileURI(p.toAbsolutePath().toString()))));
            } catch (IOException e) {
                problems.add(userFolder + ": " + e.getMessage());
            }
        }
        return loader.apply(files, problems);
    }
}
