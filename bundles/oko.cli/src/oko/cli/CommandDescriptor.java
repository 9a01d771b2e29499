package oko.cli;

import java.util.List;
import java.util.function.Supplier;

/**
 * What {@code ./oko help} knows of a command, and how to make it.
 *
 * @param name        the word typed after {@code ./oko}
 * @param usage       the synopsis, e.g. {@code export --out FILE}
 * @param description one translated sentence (wrapped by {@code help})
 * @param options     the command's options and actions, in the order {@code help COMMAND} lists them
 * @param examples    whole command lines with what they do
 * @param factory     creates the command; called only when the command runs
 */
public record CommandDescriptor(String name, String usage, String description, List<Option> options,
        List<Example> examples, Supplier<Command> factory) {

    /**
     * One option or action of a command.
     *
     * @param name        as typed, with its value, e.g. {@code --period CODE} or {@code compute}
     * @param description one translated line
     */
    public record Option(String name, String description) {
    }

    /**
     * An example of the command.
     *
     * @param line        the arguments after {@code ./oko}, e.g. {@code monitor compute --period 2024}
     * @param description what it does, translated; may be empty
     */
    public record Example(String line, String description) {
    }

    public CommandDescriptor {
        options = List.copyOf(options);
        examples = List.copyOf(examples);
    }

    /** A command without documented options or examples. */
    public CommandDescriptor(String name, String usage, String description, Supplier<Command> factory) {
        this(name, usage, description, List.of(), List.of(), factory);
    }
}
