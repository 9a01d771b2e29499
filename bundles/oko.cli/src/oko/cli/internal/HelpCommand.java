package oko.cli.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.CommandDescriptor;
import oko.cli.UsageException;

/**
 * {@code ./oko help [COMMAND]}: the command list with the global options, or one command's usage,
 * options and examples. Every line fits {@value #WIDTH} columns: a usage stands on its own line, its
 * description is wrapped and indented under it.
 */
public final class HelpCommand implements Command {

    /** The terminal width the help is written for. */
    public static final int WIDTH = 100;

    private static final String INDENT = "  ";
    private static final String TEXT_INDENT = "      ";
    /** The explanations of options start at most in this column; a longer option has its own line. */
    private static final int MAX_OPTION_COLUMN = 32;

    @Override
    public int run(CommandContext context) throws UsageException {
        ParsedArguments args = context.parse(Set.of(), Set.of()).expectPositionals(0, 1);
        PrintStream out = context.out();
        if (args.positionals().size() == 1) {
            String name = args.positionals().get(0);
            CommandDescriptor command = context.catalog().find(name)
                    .orElseThrow(() -> new UsageException(Messages.bind(Messages.unknownCommand, name)));
            commandHelp(out, command);
            return OK;
        }
        print(out, wrap(Messages.helpHeader, "", ""));
        print(out, wrap(Messages.helpUsage, "", INDENT));
        out.println();
        out.println(Messages.helpCommands);
        for (CommandDescriptor command : context.catalog().commands()) {
            print(out, wrap(command.usage(), INDENT, TEXT_INDENT));
            print(out, wrap(command.description(), TEXT_INDENT, TEXT_INDENT));
        }
        out.println();
        out.println(Messages.helpGlobalOptions);
        List<CommandDescriptor.Option> global = List.of(
                new CommandDescriptor.Option("--data DIR", Messages.helpOptionData),
                new CommandDescriptor.Option("--server HOST:PORT", Messages.helpOptionServer),
                new CommandDescriptor.Option("-nl ru|en", Messages.helpOptionNl));
        options(out, global);
        out.println();
        print(out, wrap(Messages.helpExitCodes, "", INDENT));
        print(out, wrap(Messages.helpMore, "", INDENT));
        return OK;
    }

    private static void commandHelp(PrintStream out, CommandDescriptor command) {
        print(out, wrap("./oko " + command.usage(), "", TEXT_INDENT));
        print(out, wrap(command.description(), "    ", "    "));
        if (!command.options().isEmpty()) {
            out.println();
            out.println(Messages.helpOptions);
            options(out, command.options());
        }
        if (!command.examples().isEmpty()) {
            out.println();
            out.println(Messages.helpExamples);
            for (CommandDescriptor.Example example : command.examples()) {
                print(out, wrap("./oko " + example.line(), INDENT, TEXT_INDENT));
                if (!example.description().isBlank()) {
                    print(out, wrap(example.description(), TEXT_INDENT, TEXT_INDENT));
                }
            }
        }
        out.println();
        print(out, wrap(Messages.helpGlobal, "", INDENT));
    }

    /**
     * One option a line: the name, then its explanation in a column after the longest name (at most
     * {@value #MAX_OPTION_COLUMN}); an option too long for that has the explanation under it.
     */
    private static void options(PrintStream out, List<CommandDescriptor.Option> options) {
        int column = Math.min(MAX_OPTION_COLUMN,
                options.stream().mapToInt(o -> columns(INDENT + o.name()) + 2).max().orElse(0));
        String hanging = " ".repeat(column);
        for (CommandDescriptor.Option option : options) {
            String name = INDENT + option.name();
            if (columns(name) + 2 <= column) {
                String first = name + " ".repeat(column - columns(name));
                print(out, wrap(option.description(), first, hanging));
            } else {
                print(out, wrap(option.name(), INDENT, TEXT_INDENT));
                print(out, wrap(option.description(), hanging, hanging));
            }
        }
    }

    private static void print(PrintStream out, List<String> lines) {
        lines.forEach(out::println);
    }

    /**
     * Breaks {@code text} into lines of at most {@link #WIDTH} columns at spaces; the first line
     * starts with {@code first}, the others with {@code rest}. A word longer than a line is cut.
     */
    public static List<String> wrap(String text, String first, String rest) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.strip().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!empty && columns(line) + 1 + columns(word) > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            while (columns(line) + columns(word) > WIDTH) { // a word wider than the line
                int fits = Math.max(1, WIDTH - columns(line));
                int cut = word.offsetByCodePoints(0, Math.min(fits, word.codePointCount(0, word.length()) - 1));
                lines.add(line.append(word, 0, cut).toString());
                line = new StringBuilder(rest);
                word = word.substring(cut);
            }
            line.append(word);
            empty = false;
        }
        if (!empty || lines.isEmpty()) {
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Terminal columns of a text without wide characters: one a code point. */
    public static int columns(CharSequence text) {
        return Character.codePointCount(text, 0, text.length());
    }
}
