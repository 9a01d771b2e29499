package oko.cli;

import java.util.List;

/**
 * One option on the command line, {@code --name} or {@code --name=value}; shared by the dispatcher
 * (global options) and by commands parsing their own options.
 *
 * @param name        the option as typed, without an inline value
 * @param inlineValue the part after {@code =}, or {@code null} when the value (if any) is the next argument
 */
record OptionToken(String name, String inlineValue) {

    public static OptionToken of(String arg) {
        int eq = arg.indexOf('=');
        if (arg.startsWith("--") && eq > 0) {
            return new OptionToken(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new OptionToken(arg, null);
    }

    /**
     * The option's value: the inline one, or else {@code args[index + 1]}, which must exist, be non-empty
     * and not start with {@code notAValuePrefix} (it would be the next option).
     */
    public String value(List<String> args, int index, String notAValuePrefix) throws UsageException {
        String value = inlineValue;
        if (value == null) {
            if (index + 1 >= args.size() || args.get(index + 1).startsWith(notAValuePrefix)) {
                throw new UsageException(Messages.bind(Messages.optionNeedsValue, name));
            }
            value = args.get(index + 1);
        }
        if (value.isEmpty()) {
            throw new UsageException(Messages.bind(Messages.optionNeedsValue, name));
        }
        return value;
    }

    /** Whether the option was typed without {@code =value}. */
    public boolean valueFollows() {
        return inlineValue == null;
    }

    /** How many following arguments {@link #value} used: 1 for a separate value, 0 for an inline one. */
    public int argumentsUsed() {
        return valueFollows() ? 1 : 0;
    }
}
