package oko.repository.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.emf.cdo.server.IRepository;
import org.eclipse.emf.cdo.server.IStoreAccessor.CommitContext;
import org.eclipse.emf.cdo.server.ITransaction;
import org.eclipse.net4j.db.IDBConnectionProvider;
import org.eclipse.net4j.util.om.monitor.OMMonitor;

/**
 * Keeps PostgreSQL's planner statistics up to date with the rows the bulk paths write. Without
 * them PostgreSQL plans CDO's statements for tables it believes empty: the update that marks an
 * object's previous revision ({@code UPDATE t SET CDO_REVISED=? WHERE CDO_ID=? AND CDO_REVISED=0})
 * then scans the whole {@code CDO_REVISED} index, milliseconds per object instead of a tenth of
 * one, and an import that replaces 1,500 values takes half a minute. PostgreSQL's autovacuum
 * analyzes a table only a minute or more after it grew, and never inside a long load.
 * <p>
 * After each commit (the repository's {@link #handleTransactionAfterCommitted}), the rows that
 * commit inserted are added up per table; a table that received at least {@value #MIN_ROWS} rows
 * and a tenth of the rows it had at its last analysis is analyzed ({@code ANALYZE table}) on a
 * thread of its own, with a connection of its own: commits neither wait for it nor are blocked by
 * it (PostgreSQL's {@code ANALYZE} takes no lock that reads or writes wait for). At the store's
 * start, tables never analyzed (a restored dump, a crash during the first load) are analyzed too.
 * A failure is logged once per table and costs only speed. H2 refreshes its own statistics as
 * rows change; this runs on PostgreSQL only, unless {@code -Doko.store.analyze=false}.
 */
public final class TableStatistics implements IRepository.WriteAccessHandler, AutoCloseable {

    /** {@code -Doko.store.analyze=false} leaves the statistics to PostgreSQL's autovacuum. */
    public static final String PROPERTY = "oko.store.analyze";

    /** Rows a table must receive before it is analyzed again. */
    static final long MIN_ROWS = 1_000;

    /** ... and the fraction of its rows at the last analysis (PostgreSQL's autovacuum takes 0.1 too). */
    static final double FRACTION = 0.1;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final IDBConnectionProvider connections;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "oko-analyze");
        thread.setDaemon(true);
        return thread;
    });
    /** The rows each commit being written inserted, until it has committed (failed ones are dropped with their context). */
    private final Map<CommitContext, Map<String, Long>> writing = Collections.synchronizedMap(new WeakHashMap<>());
    /** Per table: rows inserted since its analysis was last queued. */
    private final Map<String, Long> since = new HashMap<>();
    /** Per table: its rows at its last analysis (PostgreSQL's estimate). */
    private final Map<String, Long> rows = new HashMap<>();
    private final Set<String> queued = new HashSet<>();
    private final Set<String> failed = Collections.synchronizedSet(new HashSet<>());

    TableStatistics(IDBConnectionProvider connections) {
        this.connections = connections;
    }

    /** Whether a store with {@code adapter} (CDO's adapter name) needs this: PostgreSQL, unless switched off. */
    static boolean wanted(String adapter) {
        return "postgresql".equalsIgnoreCase(adapter)
                && !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /** Notes what the commit of {@code context} inserted ({@link Batches#inserted()}), counted once it has committed. */
    void written(CommitContext context, Map<String, Long> inserted) {
        if (!inserted.isEmpty()) {
            writing.put(context, inserted);
        }
    }

    @Override
    public void handleTransactionBeforeCommitting(ITransaction transaction, CommitContext context, OMMonitor monitor) {
        // nothing to check
    }

    @Override
    public void handleTransactionAfterCommitted(ITransaction transaction, CommitContext context, OMMonitor monitor) {
        Map<String, Long> inserted = writing.remove(context);
        if (inserted != null) {
            committed(inserted);
        }
    }

    /** Adds committed rows and queues the analysis of each table that has now grown enough. */
    synchronized void committed(Map<String, Long> inserted) {
        inserted.forEach((table, count) -> {
            long grown = since.merge(table, count, Long::sum);
            long size = rows.getOrDefault(table, 0L);
            if (grown >= MIN_ROWS && grown >= FRACTION * size && NAME.matcher(table).matches() && queued.add(table)) {
                since.put(table, 0L);
                submit(table);
            }
        });
    }

    /** Queues the analysis of every table of the current schema PostgreSQL has never analyzed. */
    public void analyzeNeverAnalyzed() {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            List<String> tables = new ArrayList<>();
            try (Connection connection = connections.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT c.relname FROM pg_class c"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace"
                            + " WHERE c.relkind = 'r' AND n.nspname = current_schema() AND c.reltuples < 0")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
                finish(connection);
            } catch (SQLException e) {
                warn("*", e);
                return;
            }
            synchronized (this) {
                tables.removeIf(table -> !NAME.matcher(table).matches() || !queued.add(table));
            }
            tables.forEach(this::submit);
        });
    }

    private void submit(String table) {
        try {
            executor.execute(() -> analyze(table));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the store is closing
        }
    }

    private void analyze(String table) {
        long size = -1;
        try (Connection connection = connections.getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE " + table);
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT reltuples FROM pg_class WHERE oid = to_regclass(?)")) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    size = result.next() ? Math.max(0, result.getLong(1)) : -1;
                }
            }
            finish(connection);
        } catch (SQLException e) {
            if (!executor.isShutdown()) {
                warn(table, e);
            }
        } finally {
            synchronized (this) {
                queued.remove(table);
                if (size >= 0) {
                    rows.put(table, size);
                }
            }
        }
    }

    private static void finish(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void warn(String table, SQLException e) {
        if (failed.add(table)) {
            org.eclipse.core.runtime.ILog.of(TableStatistics.class).warn(
                    Messages.bind(Messages.statisticsFailed, table, e.getMessage()), e);
        }
    }

    /** Drops queued analyses and waits for a running one to end (the store is closing). */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
