package oko.cli;

import java.util.function.Supplier;

/**
 * What {@code ./oko help} knows of a command, and how to make it.
 *
 * @param name        the word typed after {@code ./oko}
 * @param usage       the synopsis, e.g. {@code export --out FILE}
 * @param description one translated line
 * @param factory     creates the command; called only when the command runs
 */
public record CommandDescriptor(String name, String usage, String description, Supplier<Command> factory) {
}
