package oko.repository.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import oko.repository.db.StoreConfig;

/**
 * The stores the repository tests run against: H2 always; PostgreSQL when {@code ./test.sh} has
 * started a throw-away cluster and passed its URL as {@code -Doko.test.postgresql=postgresql://…}.
 */
final class Stores {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    enum Kind {
        H2, POSTGRESQL
    }

    private Stores() {
    }

    static String postgresqlUrl() {
        String url = System.getProperty("oko.test.postgresql", "");
        return url.isBlank() || url.startsWith("${") ? null : url;
    }

    /** H2, and PostgreSQL when configured. */
    static List<Kind> kinds() {
        List<Kind> kinds = new ArrayList<>();
        kinds.add(Kind.H2);
        if (postgresqlUrl() != null) {
            kinds.add(Kind.POSTGRESQL);
        }
        return kinds;
    }

    /** A new, empty store of the kind. */
    static StoreConfig fresh(Kind kind, Path tempDir) throws Exception {
        if (kind == Kind.H2) {
            return new StoreConfig.H2(Files.createTempDirectory(tempDir, "h2-"));
        }
        StoreConfig.PostgreSQL admin = StoreConfig.PostgreSQL.parse(postgresqlUrl());
        String database = "oko_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = admin.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return new StoreConfig.PostgreSQL(admin.host(), admin.port(), database, admin.user(), admin.password());
    }

    /**
     * The options that start {@code ./oko server} (or {@link ServerProcess}) on {@code store}:
     * {@code --db URL}, or {@code --data dataDir} for H2.
     */
    static List<String> serverArgs(StoreConfig store, Path dataDir) {
        if (store instanceof StoreConfig.PostgreSQL pg) {
            return List.of("--db", "postgresql://" + pg.host() + ":" + pg.port() + "/" + pg.database() + "?user="
                    + pg.user() + (pg.password() == null ? "" : "&password=" + pg.password()));
        }
        // ServerRunner --data DIR keeps the store in DIR/repository, as ./oko does
        return List.of("--data", dataDir.toString());
    }
}
