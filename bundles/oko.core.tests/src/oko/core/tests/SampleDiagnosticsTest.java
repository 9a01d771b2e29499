package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;

import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;

/**
 * The sample model's diagnostics are exactly those listed, with the reason for each, in
 * {@code bundles/oko.municipal/samples/expected-diagnostics.txt}: the places where the seed documents themselves
 * leave the model incomplete. The actual list is written to {@code target/actual-diagnostics.txt}.
 */
class SampleDiagnosticsTest {

    @Test
    void sampleDiagnosticsAreExactlyTheExpectedList() throws IOException {
        List<Problem> problems = OkoValidation.validate(List.of(SampleModels.seeds()), new NullProgressMonitor());
        List<String> actual = problems.stream()
                .map(p -> OkoValidation.severityName(p.severity()) + " " + p.ruleId() + " " + p.path()).toList();
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "actual-diagnostics.txt"), actual, StandardCharsets.UTF_8);
        List<String> expected = Files.readAllLines(SampleModels.samples().resolve("expected-diagnostics.txt"),
                StandardCharsets.UTF_8).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
