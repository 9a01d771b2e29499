package oko.repository.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import oko.repository.db.StoreConfig;

/** Throw-away PostgreSQL databases for the benchmarks: one new database per measured store. */
public final class BenchStores {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** The databases made, with the connection that made them (to drop them). */
    private static final Map<StoreConfig, StoreConfig.PostgreSQL> MADE = new ConcurrentHashMap<>();

    private BenchStores() {
    }

    /** A new, empty database on the server of {@code url} (whose user may create databases). */
    public static StoreConfig.PostgreSQL freshPostgreSQL(String url) throws Exception {
        StoreConfig.PostgreSQL admin = StoreConfig.PostgreSQL.parse(url);
        String database = "oko_bench_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = admin.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        StoreConfig.PostgreSQL store = new StoreConfig.PostgreSQL(admin.host(), admin.port(), database, admin.user(),
                admin.password());
        MADE.put(store, admin);
        return store;
    }

    /** Drops a database {@link #freshPostgreSQL} made; nothing for other stores. */
    public static void drop(StoreConfig store) {
        StoreConfig.PostgreSQL admin = MADE.remove(store);
        if (admin == null || !(store instanceof StoreConfig.PostgreSQL made)) {
            return;
        }
        try (Connection connection = admin.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + made.database() + " WITH (FORCE)");
        } catch (java.sql.SQLException e) {
            System.out.println("(could not drop " + made.database() + ": " + e.getMessage() + ")");
        }
    }
}
