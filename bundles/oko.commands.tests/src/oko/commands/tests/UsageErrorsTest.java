package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * Mistakes on the command line: exit code 2 and one line on the error stream, "oko COMMAND:
 * what is wrong (see "./oko help")", before any repository is touched.
 */
class UsageErrorsTest {

    private static final String HELP = " (see \"./oko help\")";

    @Test
    void everyMistakeIsOneLineAndExitCode2(@TempDir Path data) {
        List<List<String>> cases = List.of(
                List.of("oko: unknown command \"frobnicate\".", "frobnicate"),
                List.of("oko import: give XMI files or --sample", "import"),
                List.of("oko import: give either files or --sample", "import", "--sample", "x.xmi"),
                List.of("oko import: no file nowhere.xmi", "import", "nowhere.xmi"),
                List.of("oko export: give the file: --out FILE.xmi", "export"),
                List.of("oko export: unknown option \"--bogus\" for command \"export\".", "export", "--bogus"),
                List.of("oko validate: unexpected argument \"b.xmi\" for command \"validate\".", "validate", "a.xmi", "b.xmi"),
                List.of("oko monitor: give the period: --period CODE (e.g. 2023)", "monitor", "compute"),
                List.of("oko monitor: unknown monitor action \"explode\": import, compute, risk, recommend, effect or correlate",
                        "monitor", "explode", "--period", "2023"),
                List.of("oko monitor: give two indicators: monitor correlate CODE_A CODE_B --period CODE",
                        "monitor", "correlate", "1.2.1.1", "--period", "2023"),
                List.of("oko monitor: unknown format \"tall\": long or wide",
                        "monitor", "import", data.resolve("values.csv").toString(), "--format", "tall", "--period", "2023"),
                List.of("oko report: format \"doc\" is not supported: pdf, html, xlsx or docx",
                        "report", "roles", "--format", "doc", "--out", "x.doc"),
                List.of("oko report: name the file: --out FILE", "report", "roles", "--format", "html"),
                List.of("oko report: --param expects NAME=VALUE, not \"period\"", "report", "roles", "--param", "period"),
                List.of("oko new: name the module: --module ID (modules: {modules})", "new", "--name", "X"),
                List.of("oko new: no module \"kindergarten\" (modules: {modules})",
                        "new", "--module", "kindergarten", "--name", "X"),
                List.of("oko new: name the system: --name \"…\"", "new", "--module", "school"),
                List.of("oko user: unknown role \"king\" (roles: administrator, methodologist, school-administrator,"
                        + " report-designer)", "user", "add", "bob", "--role", "king"),
                List.of("oko user: a school administrator needs a school: --school ORGANISATION-CODE",
                        "user", "add", "bob", "--role", "school-administrator"),
                List.of("oko user: user remove: name the login", "user", "remove"),
                List.of("oko server: bad port number \"70000\" (a number from 1 to 65535)", "server", "--port", "70000"),
                List.of("oko meeting: no action \"show\"; there are list and protocol", "meeting", "show"),
                List.of("oko meeting: give the meeting number: meeting protocol NUMBER --out FILE.pdf", "meeting", "protocol"),
                List.of("oko meeting: give the protocol file: --out FILE.pdf or --out FILE.docx", "meeting", "protocol", "1"),
                List.of("oko meeting: --out x.txt: the protocol file must end in .pdf or .docx",
                        "meeting", "protocol", "1", "--out", "x.txt"),
                List.of("oko meeting: --date 20.03.2025: write the date as YYYY-MM-DD, e.g. 2025-03-14",
                        "meeting", "protocol", "1", "--out", "x.pdf", "--store", "--date", "20.03.2025"),
                List.of("oko meeting: --date is the date of the stored protocol: give --store too",
                        "meeting", "protocol", "1", "--out", "x.pdf", "--date", "2025-03-20"),
                List.of("oko meeting: meeting list does not take --out (it is for meeting protocol)",
                        "meeting", "list", "--out", "x.pdf"),
                List.of("oko: option --data needs a value.", "--data"));
        writeCsv(data.resolve("values.csv"));
        List<String> wrong = new ArrayList<>();
        for (List<String> c : cases) {
            String expected = c.get(0) + HELP;
            // the modules installed here (this bundle requires the three), in the extension registry's order
            Pattern pattern = Pattern.compile(Pattern.quote(expected).replace("{modules}", "\\E([a-z, ]+)\\Q"));
            List<String> arguments = c.subList(1, c.size());
            Run run = Oko.run(data, arguments.toArray(String[]::new));
            java.util.regex.Matcher matcher = pattern.matcher(run.err().strip());
            boolean matches = matcher.matches() && (!expected.contains("{modules}")
                    || java.util.Set.of(matcher.group(1).split(", ")).equals(java.util.Set.of("municipal", "region", "school")));
            if (run.exit() != 2 || !matches || !run.out().isEmpty()) {
                wrong.add("expected exit 2 and «" + expected + "»; got " + run);
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void writeCsv(Path file) {
        try {
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.writeString(file, "school;measure;value\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
