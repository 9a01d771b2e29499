package oko.cli.tests.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import oko.cli.CommandCatalog;
import oko.cli.Dispatcher;
import oko.cli.Outcome;

/**
 * Runs {@code ./oko --data DATA ARGS…} in this JVM, through the dispatcher, capturing what it prints.
 * The commands are those the test runtime's bundles contribute. Shared by the test bundles that run
 * commands (they require {@code oko.cli.tests}).
 */
public final class Oko {

    /** A finished command: exit code, standard output and standard error. */
    public record Run(List<String> arguments, int exit, String out, String err) {

        /** The output's lines. */
        public List<String> lines() {
            return out.lines().toList();
        }

        /** Fails unless the command exited with {@code expected}; the message shows what it printed. */
        public Run expect(int expected) {
            assertEquals(expected, exit, this::toString);
            return this;
        }

        @Override
        public String toString() {
            return "oko " + String.join(" ", arguments) + " → exit " + exit + "\n--- out:\n" + out + "--- err:\n" + err;
        }
    }

    private Oko() {
    }

    /** Runs the command to its end; exit code -1 if none was named (the dispatcher would start the workbench). */
    public static Run run(Path data, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        args.addAll(List.of(arguments));
        Outcome outcome = new Dispatcher(CommandCatalog.fromExtensions(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (command, cause) -> cause.printStackTrace())
                .dispatch(args);
        return new Run(List.of(arguments), outcome.exitCode().orElse(-1), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    /** A data folder {@code data} under {@code temp} into which {@code ./oko import --sample} imported the sample. */
    public static Path sampleData(Path temp) {
        Path data = temp.resolve("data");
        run(data, "import", "--sample").expect(0);
        return data;
    }

    /** The sample model files of the repository: {@code bundles/oko.municipal/samples}. */
    public static Path samples() {
        return Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
    }
}
