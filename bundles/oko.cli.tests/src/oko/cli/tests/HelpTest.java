package oko.cli.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import oko.cli.Command;
import oko.cli.CommandCatalog;
import oko.cli.CommandDescriptor;
import oko.cli.Dispatcher;
import oko.cli.Outcome;
import oko.cli.internal.HelpCommand;

/**
 * {@code ./oko help} and {@code ./oko help COMMAND} on the commands really contributed (oko.cli and
 * oko.commands): every line fits a 100-column terminal, a usage stands on its own line with its
 * description indented under it, and each command shows its options and at least one example.
 */
class HelpTest {

    private static final int WIDTH = 100;

    private static List<String> help(CommandCatalog catalog, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Dispatcher dispatcher = new Dispatcher(catalog, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (command, cause) -> {
                });
        Outcome outcome = dispatcher.dispatch(List.of(args));
        assertEquals(Command.OK, outcome.exitCode().getAsInt(), err.toString(StandardCharsets.UTF_8));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static void assertFits(List<String> lines, String what) {
        for (String line : lines) {
            assertTrue(line.codePointCount(0, line.length()) <= WIDTH,
                    what + ": line of " + line.codePointCount(0, line.length()) + " columns:\n" + line);
            assertEquals(line.stripTrailing(), line, what + ": trailing blanks in\n" + line);
        }
    }

    @Test
    void theContributedCommandsIncludeThoseOfOkoCommands() {
        List<String> names = CommandCatalog.fromExtensions().commands().stream().map(CommandDescriptor::name).toList();
        assertTrue(names.containsAll(List.of("help", "server", "import", "export", "validate", "monitor", "report",
                "new", "user", "system")), names.toString());
    }

    @Test
    void commandListFits100ColumnsWithEachUsageOnItsOwnLine() {
        CommandCatalog catalog = CommandCatalog.fromExtensions();
        List<String> lines = help(catalog, "help");
        assertFits(lines, "./oko help");
        for (CommandDescriptor command : catalog.commands()) {
            int at = lines.indexOf("  " + command.usage());
            assertTrue(at >= 0, "the usage of " + command.name() + " is not alone on a line:\n" + String.join("\n", lines));
            String next = lines.get(at + 1);
            assertTrue(next.startsWith("      ") && !next.isBlank(),
                    "the description of " + command.name() + " is not indented under its usage: " + next);
            String firstWords = command.description().strip().split("\\s+")[0];
            assertEquals(firstWords, next.strip().split("\\s+")[0], command.name());
        }
    }

    @Test
    void everyContributedCommandHasOptionsOrAnExampleAndFits() {
        for (CommandDescriptor command : CommandCatalog.fromExtensions().commands()) {
            assertFalse(command.examples().isEmpty(), command.name() + " has no example");
            for (CommandDescriptor.Option option : command.options()) {
                assertFalse(option.description().isBlank() || option.description().startsWith("%"),
                        command.name() + " " + option.name() + ": untranslated " + option.description());
            }
            for (CommandDescriptor.Example example : command.examples()) {
                assertTrue(example.line().startsWith(command.name()), command.name() + ": example " + example.line());
                assertFalse(example.description().startsWith("%"), example.description());
            }
            List<String> lines = help(CommandCatalog.fromExtensions(), "help", command.name());
            assertFits(lines, "./oko help " + command.name());
            assertEquals("./oko " + command.usage(), lines.get(0));
        }
    }

    @Test
    void helpMonitorListsItsOptionsOneALineAndAnExample() {
        List<String> lines = help(CommandCatalog.fromExtensions(), "help", "monitor");
        for (String option : List.of("import FILE", "compute", "risk", "recommend", "effect", "correlate CODE_A CODE_B",
                "--period CODE", "--system CODE", "--format long|wide")) {
            String line = lines.stream().filter(l -> l.startsWith("  " + option + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError(option + " is not listed:\n" + String.join("\n", lines)));
            assertTrue(line.substring(2 + option.length()).strip().length() > 5,
                    option + " has no explanation on its line: " + line);
        }
        assertTrue(lines.contains("  ./oko monitor compute --period 2023"), String.join("\n", lines));
        int example = lines.indexOf("  ./oko monitor compute --period 2023");
        assertTrue(lines.get(example + 1).startsWith("      ") && !lines.get(example + 1).isBlank(),
                "the example is explained under it");
    }

    @Test
    void aLongUsageAndDescriptionAreWrappedAtWordsAndIndented() {
        String usage = "frob " + "[--option-number-x VALUE] ".repeat(6).strip();
        String description = "слово ".repeat(60).strip();
        CommandCatalog catalog = CommandCatalog.of(List.of(
                new CommandDescriptor("help", "help [COMMAND]", "справка", HelpCommand::new),
                new CommandDescriptor("frob", usage, description,
                        List.of(new CommandDescriptor.Option("--a-very-long-option-name VALUE", description)),
                        List.of(new CommandDescriptor.Example("frob --x", "")), () -> null)));
        List<String> list = help(catalog, "help");
        assertFits(list, "help");
        int at = list.indexOf("  frob [--option-number-x VALUE] [--option-number-x VALUE] [--option-number-x VALUE]");
        assertTrue(at >= 0, String.join("\n", list));
        assertEquals("      [--option-number-x VALUE] [--option-number-x VALUE] [--option-number-x VALUE]", list.get(at + 1));
        List<String> words = list.subList(at + 2, at + 2 + 4);
        assertTrue(words.stream().allMatch(l -> l.startsWith("      слово")), words.toString());
        assertEquals(60, list.stream().mapToLong(l -> l.split("слово", -1).length - 1).sum(), "no word lost");

        List<String> one = help(catalog, "help", "frob");
        assertFits(one, "help frob");
        int option = one.indexOf("  --a-very-long-option-name VALUE");
        assertTrue(option >= 0, "a long option stands alone:\n" + String.join("\n", one));
        assertTrue(one.get(option + 1).startsWith(" ".repeat(32) + "слово"), one.get(option + 1));
        assertTrue(one.contains("  ./oko frob --x"));
    }

    @Test
    void wrapCutsAWordWiderThanTheLine() {
        List<String> lines = HelpCommand.wrap("x".repeat(250), "  ", "  ");
        assertEquals(List.of("  " + "x".repeat(98), "  " + "x".repeat(98), "  " + "x".repeat(54)), lines);
    }
}
