package oko.cli;

import java.util.List;
import java.util.Optional;

/** The commands known to the dispatcher. */
public interface CommandCatalog {

    /** All commands, sorted by name. */
    List<CommandDescriptor> commands();

    default Optional<CommandDescriptor> find(String name) {
        return commands().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The commands contributed to the {@code oko.cli.commands} extension point. */
    static CommandCatalog fromExtensions() {
        return new ExtensionCommandCatalog();
    }

    /** A fixed catalog, for embedding and tests. */
    static CommandCatalog of(List<CommandDescriptor> commands) {
        List<CommandDescriptor> sorted = commands.stream()
                .sorted((a, b) -> a.name().compareTo(b.name())).toList();
        return () -> sorted;
    }
}
