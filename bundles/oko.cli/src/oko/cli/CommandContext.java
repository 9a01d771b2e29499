package oko.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a running command gets: its own arguments (global options already removed), the global
 * options, the catalog it was found in, and the streams to write to.
 */
public final class CommandContext {

    private final String commandName;
    private final List<String> arguments;
    private final GlobalOptions options;
    private final CommandCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;

    public CommandContext(String commandName, List<String> arguments, GlobalOptions options,
            CommandCatalog catalog, PrintStream out, PrintStream err) {
        this.commandName = commandName;
        this.arguments = List.copyOf(arguments);
        this.options = options;
        this.catalog = catalog;
        this.out = out;
        this.err = err;
    }

    public String commandName() {
        return commandName;
    }

    /** The command's arguments as typed, without the global options. */
    public List<String> arguments() {
        return arguments;
    }

    public GlobalOptions options() {
        return options;
    }

    public CommandCatalog catalog() {
        return catalog;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    /**
     * Parses the arguments against the options this command accepts.
     *
     * @param flags         options without a value, e.g. {@code --sample}
     * @param valuedOptions options followed by a value, e.g. {@code --out}; also accepted as {@code --out=FILE}
     * @throws UsageException for an unknown option or a missing value
     */
    public ParsedArguments parse(Set<String> flags, Set<String> valuedOptions) throws UsageException {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (arg.equals("--")) {
                positionals.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            }
            if (!arg.startsWith("-") || arg.equals("-")) {
                positionals.add(arg);
                continue;
            }
            OptionToken option = OptionToken.of(arg);
            String name = option.name();
            if (flags.contains(name) && option.valueFollows()) {
                values.put(name, "");
            } else if (valuedOptions.contains(name)) {
                values.put(name, option.value(arguments, i, "--"));
                i += option.argumentsUsed();
            } else {
                throw new UsageException(Messages.bind(Messages.unknownCommandOption, arg, commandName));
            }
        }
        return new ParsedArguments(commandName, Collections.unmodifiableMap(values), List.copyOf(positionals));
    }

    /** Arguments of one command after {@link CommandContext#parse}. */
    public record ParsedArguments(String commandName, Map<String, String> options, List<String> positionals) {

        public boolean has(String option) {
            return options.containsKey(option);
        }

        public String value(String option, String defaultValue) {
            return options.getOrDefault(option, defaultValue);
        }

        /** Fails unless there are between {@code min} and {@code max} positional arguments. */
        public ParsedArguments expectPositionals(int min, int max) throws UsageException {
            if (positionals.size() > max) {
                throw new UsageException(Messages.bind(Messages.unexpectedArgument, positionals.get(max), commandName));
            }
            if (positionals.size() < min) {
                throw new UsageException(Messages.bind(Messages.missingArgument, commandName));
            }
            return this;
        }
    }
}
