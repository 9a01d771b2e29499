package oko.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import oko.cli.Command;
import oko.cli.CommandCatalog;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.CommandDescriptor;
import oko.cli.Dispatcher;
import oko.cli.GlobalOptions;
import oko.cli.Outcome;
import oko.cli.internal.HelpCommand;

/** The command-line contract of ./oko, through the real dispatcher and help command. */
class DispatcherTest {

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final List<String> logged = new ArrayList<>();
    private final List<CommandContext> exportRuns = new ArrayList<>();
    private Dispatcher dispatcher;

    @BeforeEach
    void setUp() {
        Command export = context -> {
            ParsedArguments args = context.parse(Set.of("--all"), Set.of("--out")).expectPositionals(0, 0);
            exportRuns.add(context);
            context.out().println("exported to " + args.value("--out", "-"));
            return Command.OK;
        };
        Command broken = context -> {
            throw new IllegalStateException("store is locked");
        };
        CommandCatalog catalog = CommandCatalog.of(List.of(
                new CommandDescriptor("help", "help [COMMAND]", "show help", HelpCommand::new),
                new CommandDescriptor("export", "export --out FILE [--all]", "export the repository", () -> export),
                new CommandDescriptor("broken", "broken", "always fails", () -> broken)));
        dispatcher = new Dispatcher(catalog, stream(outBytes), stream(errBytes),
                (command, cause) -> logged.add(command + ": " + cause.getMessage()));
    }

    private static PrintStream stream(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private Outcome run(String... args) {
        return dispatcher.dispatch(List.of(args));
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private List<String> errLines() {
        return errBytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void noCommandStartsTheWorkbenchWithTheDefaultDataDirectory() {
        Outcome outcome = run();
        assertTrue(outcome.startWorkbench());
        assertEquals(Path.of(System.getProperty("user.home"), ".oko"), outcome.options().dataDirectory());
        assertTrue(outcome.options().server().isEmpty());
        assertEquals("", out());
        assertEquals(List.of(), errLines());
    }

    @Test
    void dataAndServerOptionsAreParsedForTheWorkbench(@TempDir Path dir) {
        Outcome outcome = run("--data", dir.toString(), "--server=repo.example:2036");
        assertTrue(outcome.startWorkbench());
        assertEquals(dir.toAbsolutePath(), outcome.options().dataDirectory());
        assertEquals("repo.example", outcome.options().server().orElseThrow().host());
        assertEquals(2036, outcome.options().server().orElseThrow().port());
        assertEquals("repo.example:2036", outcome.options().repositoryLabel());
    }

    @Test
    void relativeDataDirectoryBecomesAbsolute() {
        Outcome outcome = run("--data=rel/dir");
        assertEquals(Path.of("rel/dir").toAbsolutePath().normalize(), outcome.options().dataDirectory());
    }

    @Test
    void globalOptionsMayFollowTheCommandAndAreNotPassedToIt() {
        Outcome outcome = run("export", "--out", "x.xmi", "--data", "/tmp/oko-a");
        assertEquals(Command.OK, outcome.exitCode().getAsInt());
        assertEquals(Path.of("/tmp/oko-a"), outcome.options().dataDirectory());
        assertEquals(List.of("--out", "x.xmi"), exportRuns.get(0).arguments());
        assertEquals(Path.of("/tmp/oko-a"), exportRuns.get(0).options().dataDirectory());
        assertEquals("exported to x.xmi\n", out());
    }

    @Test
    void unknownCommandIsOneLineAndExitCode2() {
        Outcome outcome = run("frobnicate");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size(), errLines().toString());
        assertTrue(errLines().get(0).startsWith("oko: "), errLines().get(0));
        assertTrue(errLines().get(0).contains("frobnicate"), errLines().get(0));
        assertEquals("", out());
    }

    @ParameterizedTest
    @ValueSource(strings = { "--bogus", "-x" })
    void unknownGlobalOptionIsExitCode2(String option) {
        Outcome outcome = run(option, "export");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).contains(option), errLines().get(0));
        assertTrue(exportRuns.isEmpty(), "the command must not run after a usage error");
    }

    @Test
    void unknownCommandOptionNamesCommandAndOption() {
        Outcome outcome = run("export", "--format", "pdf");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).startsWith("oko export: "), errLines().get(0));
        assertTrue(errLines().get(0).contains("--format"), errLines().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "--data", "--server" })
    void globalOptionWithoutValueIsExitCode2(String option) {
        Outcome outcome = run("export", option);
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).contains(option), errLines().get(0));
    }

    @Test
    void commandOptionWithoutValueIsExitCode2() {
        Outcome outcome = run("export", "--out");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertTrue(errLines().get(0).contains("--out"), errLines().get(0));
    }

    @ParameterizedTest
    @ValueSource(strings = { "localhost", "localhost:", ":2036", "localhost:0", "localhost:65536", "localhost:port",
            "ftp://localhost:2036", "tcp://", "tcp://tls://localhost:2036" })
    void badServerAddressIsExitCode2(String address) {
        Outcome outcome = run("--server", address, "help");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size());
        assertEquals("", out(), "help must not run");
    }

    @Test
    void unexpectedPositionalArgumentIsExitCode2() {
        Outcome outcome = run("export", "surplus");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertTrue(errLines().get(0).contains("surplus"));
    }

    @Test
    void failingCommandIsExitCode1AndLogged() {
        Outcome outcome = run("broken");
        assertEquals(Command.FAILED, outcome.exitCode().getAsInt());
        assertEquals(1, errLines().size());
        assertTrue(errLines().get(0).contains("store is locked"), errLines().get(0));
        assertEquals(List.of("broken: store is locked"), logged);
    }

    @Test
    void helpListsEveryCommandWithItsUsageAndTheGlobalOptions() {
        Outcome outcome = run("help");
        assertEquals(Command.OK, outcome.exitCode().getAsInt());
        String out = out();
        for (String usage : List.of("help [COMMAND]", "export --out FILE [--all]", "broken")) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("  " + usage)), usage + " missing in\n" + out);
        }
        assertTrue(out.contains("export the repository"));
        assertTrue(out.contains("--data DIR"));
        assertTrue(out.contains("--server HOST:PORT"));
        assertEquals(List.of(), errLines());
    }

    @Test
    void helpOptionAfterACommandShowsThatCommandsUsage() {
        Outcome outcome = run("export", "--help");
        assertEquals(Command.OK, outcome.exitCode().getAsInt());
        assertEquals("./oko export --out FILE [--all]", out().lines().findFirst().orElseThrow());
        assertTrue(exportRuns.isEmpty());
    }

    @Test
    void dashDashHelpAloneIsTheCommandList() {
        run("--help");
        assertTrue(out().contains("export --out FILE [--all]"));
    }

    @Test
    void helpForAnUnknownCommandIsExitCode2() {
        Outcome outcome = run("help", "nothing");
        assertEquals(Command.USAGE, outcome.exitCode().getAsInt());
        assertTrue(errLines().get(0).startsWith("oko help: "), errLines().get(0));
        assertTrue(errLines().get(0).contains("nothing"));
    }

    @Test
    void serverAddressParsingKeepsIpv6StyleHosts() throws Exception {
        GlobalOptions.ServerAddress address = Dispatcher.parseServer("::1:2036");
        assertEquals("::1", address.host());
        assertEquals(2036, address.port());
        assertFalse(address.toString().isEmpty());
    }

    @Test
    void serverAddressesAreTlsUnlessPlainTcpIsAskedForExplicitly() throws Exception {
        assertFalse(Dispatcher.parseServer("server.example:2036").plain());
        assertFalse(Dispatcher.parseServer("tls://server.example:2036").plain());
        GlobalOptions.ServerAddress plain = Dispatcher.parseServer("tcp://server.example:2036");
        assertTrue(plain.plain());
        assertEquals("server.example", plain.host());
        assertEquals(2036, plain.port());
        assertEquals("tcp://server.example:2036", plain.toString(), "a plain address says so wherever it is shown");
        assertEquals("server.example:2036", Dispatcher.parseServer("tls://server.example:2036").toString());
    }

    @Test
    void catalogOfIsSortedByName() {
        CommandDescriptor b = new CommandDescriptor("b", "b", "", () -> null);
        CommandDescriptor a = new CommandDescriptor("a", "a", "", () -> null);
        List<CommandDescriptor> sorted = CommandCatalog.of(List.of(b, a)).commands();
        assertSame(a, sorted.get(0));
        assertSame(b, sorted.get(1));
    }
}
