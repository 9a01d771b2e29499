package oko.repository.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import oko.repository.OkoServer;
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

    /**
     * A new, empty store of {@code kind} ("H2" or "PostgreSQL"): an H2 store in {@code h2Dir}, or a
     * new database on the PostgreSQL server of {@code postgresqlUrl}.
     */
    public static StoreConfig fresh(String kind, Path h2Dir, String postgresqlUrl) throws Exception {
        return kind.equals("H2") ? new StoreConfig.H2(h2Dir) : freshPostgreSQL(postgresqlUrl);
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

    /**
     * How a benchmarked server writes and reads: CDO's own row-by-row paths (the baseline), the bulk
     * paths with batched inserts only, the bulk paths (with PostgreSQL's {@code COPY}).
     */
    public enum Mode {
        CDO("baseline (-Doko.store.bulk=false)", false, false),
        BATCH("bulk paths without COPY", true, false),
        BULK("bulk paths", true, true);

        private final String label;
        private final boolean bulk;
        private final boolean copy;

        Mode(String label, boolean bulk, boolean copy) {
            this.label = label;
            this.bulk = bulk;
            this.copy = copy;
        }

        /**
         * The modes {@code -Doko.bench.modes} names (default {@code cdo,batch,bulk}) that differ on a
         * store of {@code kind}: on H2 there is no {@code COPY}, so no separate {@code batch} run.
         */
        public static List<Mode> of(String kind) {
            String wanted = System.getProperty("oko.bench.modes", "cdo,batch,bulk").toLowerCase(Locale.ROOT);
            List<Mode> modes = new ArrayList<>();
            for (Mode mode : values()) {
                if (wanted.contains(mode.name().toLowerCase(Locale.ROOT)) && (mode != BATCH || !kind.equals("H2"))) {
                    modes.add(mode);
                }
            }
            return modes;
        }

        /** "KIND, label". */
        public String label(String kind) {
            return kind + ", " + label;
        }

        /** Sets the system properties a server started now (and its commits) read. */
        public void set() {
            System.setProperty(OkoServer.BULK_PATHS, String.valueOf(bulk));
            System.setProperty(OkoServer.COPY, String.valueOf(copy));
        }

        /** Back to the defaults. */
        public static void clear() {
            System.clearProperty(OkoServer.BULK_PATHS);
            System.clearProperty(OkoServer.COPY);
        }
    }
}
