package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.bench.BundleClassPath;

/**
 * A large import needs memory for the values it creates, not for the file: {@link LargeImport}
 * imports {@value #VALUES} values in a JVM of its own limited to {@value #HEAP_MB} MB (it passed
 * in 80 MB). Before the import streamed (the whole file read into a string, every checked row kept
 * in a list, a string per school and measure for the duplicate check, an index entry per new
 * value) it failed there with OutOfMemoryError, and still at 112 MB.
 */
class ImportMemoryTest {

    static final int VALUES = 400_000;
    static final int HEAP_MB = 96;

    private static final List<String> BUNDLES = List.of("oko.monitoring", "oko.monitoring.tests", "oko.monitoring.bench",
            "oko.model", "oko.model.edit",
            "oko.core", "org.eclipse.emf.cdo", "org.eclipse.emf.common", "org.eclipse.emf.ecore", "org.apache.poi",
            "org.apache.poi.ooxml",
            "org.apache.commons.commons-csv", "org.apache.commons.commons-io",
            "org.apache.commons.commons-codec", "org.eclipse.equinox.common", "org.eclipse.osgi");

    @Test
    void importsFourHundredThousandValuesInABoundedHeap(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("import.log");
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + HEAP_MB + "m", "-XX:+UseSerialGC", "-cp", BundleClassPath.of(ImportMemoryTest.class, BUNDLES),
                LargeImport.class.getName(),
                String.valueOf(VALUES), dir.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        boolean ended = process.waitFor(120, TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(ended, "the import did not end within 120 s:\n" + output);
        assertEquals(0, process.exitValue(), "the import failed in " + HEAP_MB + " MB:\n" + output);
        assertTrue(output.contains("stored " + VALUES + ", in the model " + VALUES), output);
    }
}
