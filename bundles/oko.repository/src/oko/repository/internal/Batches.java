package oko.repository.internal;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.net4j.db.DBException;
import org.postgresql.copy.CopyManager;

/**
 * The batched JDBC statements of one commit's write: one prepared statement per SQL text, rows
 * added with {@code addBatch} and sent with {@code executeBatch} every {@value #ROWS} rows of a
 * statement and at {@link #flush()}. On PostgreSQL the rows of an insert go with {@code COPY}
 * instead ({@link CopyRows}), about a megabyte at a time. Everything runs on the commit's own
 * connection, inside its database transaction: rows that were sent are as uncommitted as a single
 * insert until CDO commits the connection, and a failed commit's rollback takes them back the same
 * way.
 * <p>
 * Only inserts of new rows are batched (new revisions, their list entries, their object types).
 * The update that marks an object's previous revision as revised runs at once, before the insert
 * of its next revision is even queued: a batch can never insert a row that an update then revises
 * by mistake. Whoever reads back must {@link #flush()} first.
 */
public final class Batches implements AutoCloseable {

    /** Rows per statement sent at a time: big enough for the database, small enough for the heap. */
    static final int ROWS = 2_000;

    private final Connection connection;
    /** PostgreSQL's copy API of the connection when rows go with {@code COPY}, else null. */
    private final CopyManager copy;
    private final Map<String, Batch> batches = new LinkedHashMap<>();
    private int pending;
    private long copied;
    /** Rows sent per table (the name as in the insert), for {@link TableStatistics}. */
    private final Map<String, Long> inserted = new LinkedHashMap<>();

    /** Batches on {@code connection}; with {@code copy}, PostgreSQL's {@code COPY} where it applies. */
    public Batches(Connection connection, boolean copy) {
        this.connection = connection;
        this.copy = copy ? CopyRows.copyManager(connection) : null;
    }

    /** The statement for {@code sql}, to bind one row's parameters and then call {@link #added(PreparedStatement)}. */
    PreparedStatement statement(String sql) {
        Batch batch = batches.get(sql);
        if (batch == null) {
            CopyRows rows = copy != null ? CopyRows.of(connection, copy, sql) : null;
            try {
                batch = rows != null ? new Batch(sql, rows.statement(), rows)
                        : new Batch(sql, connection.prepareStatement(sql), null);
            } catch (SQLException e) {
                throw new DBException(e, sql);
            }
            batches.put(sql, batch);
        }
        return batch.statement;
    }

    /** Queues the row just bound on {@code statement} (from {@link #statement(String)}). */
    void added(PreparedStatement statement) {
        for (Batch batch : batches.values()) {
            if (batch.statement == statement) {
                add(batch);
                return;
            }
        }
        throw new IllegalArgumentException("statement not from this batch set");
    }

    /** Binds and queues a row: {@code binder} sets the parameters of {@code sql}'s statement. */
    public void add(String sql, Binder binder) {
        PreparedStatement statement = statement(sql);
        try {
            binder.bind(statement);
        } catch (SQLException e) {
            throw new DBException(e, sql);
        }
        add(batches.get(sql));
    }

    private void add(Batch batch) {
        if (batch.copy != null) {
            batch.copy.add();
        } else {
            try {
                batch.statement.addBatch();
            } catch (SQLException e) {
                throw new DBException(e, batch.sql);
            }
        }
        batch.rows++;
        pending++;
        if (batch.copy != null ? batch.copy.full() : batch.rows >= ROWS) {
            execute(batch);
        }
    }

    /** Rows sent with {@code COPY} so far. */
    public long copied() {
        return copied;
    }

    /** Rows sent so far per table, named as in the inserts; rows still queued are not counted. */
    public Map<String, Long> inserted() {
        return Map.copyOf(inserted);
    }

    /** Whether rows are waiting to be sent. */
    boolean pending() {
        return pending > 0;
    }

    /** Sends every queued row, in the order the statements were first used. */
    public void flush() {
        if (pending == 0) {
            return;
        }
        for (Batch batch : batches.values()) {
            if (batch.rows > 0) {
                execute(batch);
            }
        }
    }

    private void execute(Batch batch) {
        int rows = batch.rows;
        batch.rows = 0;
        pending -= rows;
        if (batch.copy != null) {
            copied += batch.copy.send();
        } else {
            executeBatch(batch.statement, rows, batch.sql);
        }
        inserted.merge(batch.table, (long) rows, Long::sum);
    }

    /**
     * Sends the {@code rows} inserts queued on {@code statement} and checks the update counts:
     * every row is one insert of one row, as CDO checks for its single inserts.
     */
    static void executeBatch(PreparedStatement statement, int rows, String sql) {
        int[] counts;
        try {
            counts = statement.executeBatch();
        } catch (BatchUpdateException e) {
            // PostgreSQL puts the real cause in the next exception
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new DBException(cause, sql);
        } catch (SQLException e) {
            throw new DBException(e, sql);
        }
        if (counts.length != rows) {
            throw new DBException("Batched insert answered " + counts.length + " counts for " + rows + " rows: " + sql);
        }
        for (int count : counts) {
            if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                throw new DBException("Batched insert wrote " + count + " rows instead of 1: " + sql);
            }
        }
    }

    /** Closes the statements; rows still queued are dropped (the commit failed). */
    @Override
    public void close() {
        for (Batch batch : batches.values()) {
            if (batch.copy != null) {
                batch.copy.close();
                continue;
            }
            try {
                batch.statement.close();
            } catch (SQLException e) {
                // the connection is going back to the pool; nothing depends on this statement
            }
        }
        batches.clear();
        pending = 0;
    }

    @FunctionalInterface
    public interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private static final class Batch {
        final String sql;
        /** The table of {@code INSERT INTO table…}, else the whole statement. */
        final String table;
        final PreparedStatement statement;
        final CopyRows copy;
        int rows;

        Batch(String sql, PreparedStatement statement, CopyRows copy) {
            this.sql = sql;
            this.table = table(sql);
            this.statement = statement;
            this.copy = copy;
        }

        private static String table(String sql) {
            if (!sql.startsWith("INSERT INTO ")) {
                return sql;
            }
            int start = "INSERT INTO ".length();
            int end = start;
            while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                end++;
            }
            return end > start ? sql.substring(start, end) : sql;
        }
    }
}
