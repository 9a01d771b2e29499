package oko.reports.ui.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogSettings;

/**
 * Where the Save as dialog of the Reports view starts: the folder the user saved into last time, else
 * the user's documents folder (the XDG documents directory if set, else ~/Documents or ~/Документы
 * if one exists, else the home folder), never the program's folder.
 */
public final class SaveFolder {

    private static final String SECTION = "saveAs";
    private static final String LAST = "folder";

    private SaveFolder() {
    }

    /** The folder to start in: the last one used if it still exists, else {@link #documents}. */
    public static Path start(IDialogSettings settings, Function<String, String> environment, Path home) {
        IDialogSettings section = settings == null ? null : settings.getSection(SECTION);
        String last = section == null ? null : section.get(LAST);
        if (last != null && Files.isDirectory(Path.of(last))) {
            return Path.of(last);
        }
        return documents(environment, home);
    }

    /** Remembers the folder of a file saved. */
    public static void remember(IDialogSettings settings, Path file) {
        Path folder = file.toAbsolutePath().getParent();
        if (settings != null && folder != null) {
            IDialogSettings section = settings.getSection(SECTION);
            (section == null ? settings.addNewSection(SECTION) : section).put(LAST, folder.toString());
        }
    }

    /**
     * The user's documents folder: {@code XDG_DOCUMENTS_DIR} from the environment or from
     * {@code user-dirs.dirs} (in {@code XDG_CONFIG_HOME}, else ~/.config) when that folder exists;
     * else ~/Documents or ~/Документы, whichever exists; else the home folder.
     */
    public static Path documents(Function<String, String> environment, Path home) {
        String xdg = environment.apply("XDG_DOCUMENTS_DIR");
        if (xdg == null || xdg.isBlank()) {
            String config = environment.apply("XDG_CONFIG_HOME");
            xdg = userDirs(config == null || config.isBlank() ? home.resolve(".config") : Path.of(config), home);
        }
        if (xdg != null && !xdg.isBlank()) {
            Path folder = Path.of(xdg.replace("$HOME", home.toString()));
            if (folder.isAbsolute() && Files.isDirectory(folder)) {
                return folder;
            }
        }
        for (String name : List.of("Documents", "Документы")) {
            if (Files.isDirectory(home.resolve(name))) {
                return home.resolve(name);
            }
        }
        return home;
    }

    /** XDG_DOCUMENTS_DIR="$HOME/…" from the user-dirs.dirs of that configuration folder, or null. */
    private static String userDirs(Path config, Path home) {
        Path file = config.resolve("user-dirs.dirs");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String entry = line.strip();
                if (entry.startsWith("XDG_DOCUMENTS_DIR=")) {
                    return entry.substring("XDG_DOCUMENTS_DIR=".length()).replaceAll("^\"|\"$", "");
                }
            }
        } catch (IOException e) {
            // an unreadable file: as if there were none
        }
        return null;
    }
}
