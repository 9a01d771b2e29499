package oko.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;

/** Reads the {@code oko.cli.commands} extension point; a broken contribution is logged and skipped. */
final class ExtensionCommandCatalog implements CommandCatalog {

    public static final String EXTENSION_POINT = "oko.cli.commands";

    private List<CommandDescriptor> commands;

    @Override
    public synchronized List<CommandDescriptor> commands() {
        if (commands == null) {
            commands = read();
        }
        return commands;
    }

    private static List<CommandDescriptor> read() {
        List<CommandDescriptor> result = new ArrayList<>();
        for (IConfigurationElement element : Platform.getExtensionRegistry()
                .getConfigurationElementsFor(EXTENSION_POINT)) {
            String name = element.getAttribute("name");
            String contributor = element.getContributor().getName();
            if (name == null || name.isBlank() || element.getAttribute("class") == null) {
                ILog.of(ExtensionCommandCatalog.class).log(Status.warning(
                        "Ignoring an oko.cli.commands contribution without name or class in bundle " + contributor));
                continue;
            }
            if (result.stream().anyMatch(c -> c.name().equals(name))) {
                ILog.of(ExtensionCommandCatalog.class).log(Status.warning(
                        "Ignoring duplicate command '" + name + "' contributed by bundle " + contributor));
                continue;
            }
            List<CommandDescriptor.Option> options = new ArrayList<>();
            for (IConfigurationElement option : element.getChildren("option")) {
                options.add(new CommandDescriptor.Option(valueOr(option.getAttribute("name"), "?"),
                        valueOr(option.getAttribute("description"), "")));
            }
            List<CommandDescriptor.Example> examples = new ArrayList<>();
            for (IConfigurationElement example : element.getChildren("example")) {
                examples.add(new CommandDescriptor.Example(valueOr(example.getAttribute("line"), name),
                        valueOr(example.getAttribute("description"), "")));
            }
            result.add(new CommandDescriptor(name, valueOr(element.getAttribute("usage"), name),
                    valueOr(element.getAttribute("description"), ""), options, examples, () -> create(element, name)));
        }
        result.sort(Comparator.comparing(CommandDescriptor::name));
        return List.copyOf(result);
    }

    private static Command create(IConfigurationElement element, String name) {
        try {
            return (Command) element.createExecutableExtension("class");
        } catch (CoreException | ClassCastException e) {
            throw new IllegalStateException("command '" + name + "' cannot be created: " + e.getMessage(), e);
        }
    }

    private static String valueOr(String value, String fallback) {
        return value == null ? fallback : value;
    }
}
