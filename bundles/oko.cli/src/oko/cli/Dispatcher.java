package oko.cli;

import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import oko.cli.GlobalOptions.ServerAddress;

/**
 * The one entry of {@code ./oko}: separates the global options from the rest, then either runs the
 * command named by the first remaining word or tells the caller to start the workbench.
 * Every usage mistake is reported as one line on the error stream with exit code 2.
 */
public final class Dispatcher {

    /** Called when a command fails with an unexpected exception, e.g. to write the Eclipse log. */
    public interface FailureLog {
        void failed(String command, Throwable cause);
    }

    private final CommandCatalog catalog;
    private final PrintStream out;
    private final PrintStream err;
    private final FailureLog failureLog;

    public Dispatcher(CommandCatalog catalog, PrintStream out, PrintStream err, FailureLog failureLog) {
        this.catalog = catalog;
        this.out = out;
        this.err = err;
        this.failureLog = failureLog;
    }

    public Outcome dispatch(List<String> args) {
        Path data = null;
        ServerAddress server = null;
        List<String> rest = new ArrayList<>();
        boolean helpRequested = false;
        try {
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                OptionToken option = OptionToken.of(arg);
                switch (option.name()) {
                    case "--data" -> {
                        data = parseDirectory(option.value(args, i, "-"));
                        i += option.argumentsUsed();
                    }
                    case "--server" -> {
                        server = parseServer(option.value(args, i, "-"));
                        i += option.argumentsUsed();
                    }
                    case "--help", "-h" -> helpRequested = true;
                    default -> rest.add(arg);
                }
            }
        } catch (UsageException e) {
            return usageError(null, e.getMessage(), defaults(data, server));
        }
        GlobalOptions options = defaults(data, server);
        if (helpRequested) {
            // "oko --help" and "oko export --help" both mean "oko help [export]"
            rest = rest.isEmpty() || rest.get(0).equals("help") ? List.of("help") : List.of("help", rest.get(0));
        }
        if (rest.isEmpty()) {
            return new Outcome(options, OptionalInt.empty());
        }
        String commandName = rest.get(0);
        if (commandName.startsWith("-")) {
            return usageError(null, Messages.bind(Messages.unknownOption, commandName), options);
        }
        Optional<CommandDescriptor> descriptor = catalog.find(commandName);
        if (descriptor.isEmpty()) {
            return usageError(null, Messages.bind(Messages.unknownCommand, commandName), options);
        }
        CommandContext context = new CommandContext(commandName, rest.subList(1, rest.size()), options,
                catalog, out, err);
        try {
            int code = descriptor.get().factory().get().run(context);
            return new Outcome(options, OptionalInt.of(code));
        } catch (UsageException e) {
            return usageError(commandName, e.getMessage(), options);
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() != null ? e.getMessage() : e.getClass().getName();
            err.println("oko " + commandName + ": " + Messages.bind(Messages.commandFailed, message));
            failureLog.failed(commandName, e);
            return new Outcome(options, OptionalInt.of(Command.FAILED));
        }
    }

    private Outcome usageError(String commandName, String message, GlobalOptions options) {
        String prefix = commandName == null ? "oko: " : "oko " + commandName + ": ";
        err.println(prefix + message + " " + Messages.seeHelp);
        return new Outcome(options, OptionalInt.of(Command.USAGE));
    }

    private static GlobalOptions defaults(Path data, ServerAddress server) {
        return new GlobalOptions(data != null ? data : GlobalOptions.defaultDataDirectory(), Optional.ofNullable(server));
    }

    private static Path parseDirectory(String value) throws UsageException {
        try {
            return Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UsageException(Messages.bind(Messages.badDirectory, value));
        }
    }

    /**
     * Parses {@code HOST:PORT} or {@code tls://HOST:PORT} (TLS) or {@code tcp://HOST:PORT} (plain
     * TCP, asked for explicitly); the port must be 1–65535.
     */
    public static ServerAddress parseServer(String text) throws UsageException {
        boolean plain = text.startsWith("tcp://");
        String value = plain ? text.substring("tcp://".length())
                : text.startsWith("tls://") ? text.substring("tls://".length()) : text;
        if (value.contains("://")) {
            throw new UsageException(Messages.bind(Messages.badServer, text));
        }
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new UsageException(Messages.bind(Messages.badServer, text));
        }
        String host = value.substring(0, colon);
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new UsageException(Messages.bind(Messages.badServer, text));
            }
            return new ServerAddress(host, port, plain);
        } catch (NumberFormatException e) {
            throw new UsageException(Messages.bind(Messages.badServer, text));
        }
    }
}
