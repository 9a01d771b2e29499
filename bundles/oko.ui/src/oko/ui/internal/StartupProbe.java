package oko.ui.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Milestones of the workbench's start for {@code releng/bench.sh startup}: with
 * {@code -Doko.startupProbe=FILE}, each milestone appends "NAME MILLIS" (milliseconds since the
 * JVM started) to the file; without it, nothing happens.
 */
public final class StartupProbe {

    private static final String FILE = System.getProperty("oko.startupProbe");

    private StartupProbe() {
    }

    /** Records that the workbench reached {@code milestone} (the first time only matters to the reader). */
    public static void reached(String milestone) {
        if (FILE == null || FILE.isBlank()) {
            return;
        }
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        try {
            Files.writeString(Path.of(FILE), milestone + " " + millis + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // a benchmark aid: never disturb the workbench
        }
    }
}
