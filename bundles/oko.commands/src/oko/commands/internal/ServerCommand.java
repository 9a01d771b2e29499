package oko.commands.internal;

import java.util.Set;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.repository.ServerRunner;
import oko.repository.db.StoreConfig;

/** {@code ./oko server}: the repository over TCP until SIGTERM or Ctrl-C. */
public final class ServerCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--plain"), Set.of("--port", "--bind", "--db", "--pool")).expectPositionals(0, 0);
        if (context.options().server().isPresent()) {
            throw new UsageException(Messages.serverWithServer);
        }
        int port = port(args.value("--port", "2036"));
        StoreConfig store = store(context, args);
        // TLS unless asked otherwise; the key is made in the data folder on the first start
        java.nio.file.Path tls = args.has("--plain") ? null : context.options().dataDirectory().resolve("tls");
        if (tls == null) {
            context.err().println(Messages.serverPlain);
        }
        int pool = pool(args.value("--pool", Integer.toString(
                Integer.getInteger(oko.repository.OkoServer.POOL, oko.repository.OkoServer.DEFAULT_POOL))));
        ServerRunner.run(store, args.value("--bind", "127.0.0.1"), port, tls, pool, context.out());
        return OK;
    }

    /** The store of --db URL (PostgreSQL), else the H2 store in the data directory. */
    static StoreConfig store(CommandContext context, ParsedArguments args) throws UsageException, java.io.IOException {
        if (args.has("--db")) {
            if (context.arguments().contains("--data")) {
                throw new UsageException(Messages.serverDataAndDb);
            }
            String url = args.value("--db", "");
            if (url.contains("password=")) {
                context.err().println(Messages.dbPasswordInUrl);
            }
            try {
                return StoreConfig.PostgreSQL.parse(url);
            } catch (StoreConfig.PasswordFileException e) {
                throw new UsageException(e.getMessage());
            } catch (IllegalArgumentException e) {
                throw new UsageException(Messages.bind(Messages.badDatabase, StoreConfig.PostgreSQL.withoutPassword(url)));
            }
        }
        java.nio.file.Path directory = context.options().dataDirectory().resolve("repository");
        java.nio.file.Files.createDirectories(directory);
        return new StoreConfig.H2(directory);
    }

    private static int pool(String text) throws UsageException {
        try {
            int pool = Integer.parseInt(text);
            if (pool >= oko.repository.OkoServer.MIN_POOL && pool <= 10_000) {
                return pool;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(Messages.bind(Messages.badPool, text, oko.repository.OkoServer.MIN_POOL));
    }

    private static int port(String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(Messages.bind(Messages.badPort, text));
    }
}
