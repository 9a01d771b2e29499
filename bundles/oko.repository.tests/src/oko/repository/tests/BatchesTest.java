package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.net4j.db.DBException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.repository.db.StoreConfig;
import oko.repository.internal.Batches;

/**
 * The rows a commit's write queues ({@link Batches}): on PostgreSQL they go with {@code COPY}, on
 * H2 as batched inserts, and either way the table holds exactly what single inserts would have
 * stored — texts with tabs, line breaks, backslashes and Cyrillic, nulls, extreme doubles, and a
 * timestamp (which {@code COPY} leaves to a batched insert).
 */
class BatchesTest {

    private static final String TABLE = "CREATE TABLE %s (ID BIGINT PRIMARY KEY, NAME VARCHAR(200), FLAG BOOLEAN,"
            + " AMOUNT DOUBLE PRECISION, COUNT_ INTEGER, AT_ TIMESTAMP)";
    private static final String INSERT = "INSERT INTO %s(ID, NAME, FLAG, AMOUNT, COUNT_, AT_) VALUES (?, ?, ?, ?, ?, ?)";
    private static final String[] NAMES = { "Школа № 1", "tab\there", "line\nbreak\r\nand CR", "back\\slash \\N",
            "", null, "«кавычки» и ё", "\\.", "a\tb\\c\nd" };
    private static final double[] AMOUNTS = { 0.25, -0.0, 1e-300, Double.MAX_VALUE, Double.NaN,
            Double.NEGATIVE_INFINITY, 1.0 / 3, 123456789.125 };

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    /** Binds row {@code row}: every 1,000th has a timestamp, every 11th a null count. */
    private static void bind(PreparedStatement statement, int row) throws java.sql.SQLException {
        statement.setLong(1, row);
        String name = NAMES[row % NAMES.length];
        if (name == null) {
            statement.setNull(2, Types.VARCHAR);
        } else {
            statement.setString(2, name + (row % 3 == 0 ? "" : " " + row));
        }
        statement.setBoolean(3, row % 2 == 0);
        statement.setDouble(4, AMOUNTS[row % AMOUNTS.length] * (row % 5 == 0 ? 1 : row));
        if (row % 11 == 0) {
            statement.setNull(5, Types.INTEGER);
        } else {
            statement.setInt(5, -row);
        }
        if (row % 1000 == 0) {
            statement.setTimestamp(6, Timestamp.valueOf("2024-09-01 08:30:00"));
        } else {
            statement.setNull(6, Types.TIMESTAMP);
        }
    }

    /** Rows 0..count-1 into {@code table} through {@link Batches}; the rows sent with COPY. */
    private static long write(Connection connection, String table, int count, boolean copy) {
        try (Batches batches = new Batches(connection, copy)) {
            for (int i = 0; i < count; i++) {
                int row = i;
                batches.add(INSERT.formatted(table), statement -> bind(statement, row));
            }
            batches.flush();
            return batches.copied();
        }
    }

    private static List<String> rows(Connection connection, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table + " ORDER BY ID")) {
            while (result.next()) {
                double amount = result.getDouble(4);
                rows.add(result.getLong(1) + "|" + result.getString(2) + "|" + result.getBoolean(3) + "|"
                        + Double.doubleToRawLongBits(amount) + "|" + result.getObject(5) + "|" + result.getTimestamp(6));
            }
        }
        return rows;
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void queuedRowsAreStoredAsSingleInsertsStoreThem(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        // 40,000 rows of about 50 bytes: two megabytes, so COPY sends more than once
        int count = 40_000;
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(TABLE.formatted("SINGLE"));
                statement.execute(TABLE.formatted("QUEUED"));
                statement.execute(TABLE.formatted("BATCHED"));
            }
            // the reference, worked out row by row: one plain insert each
            try (PreparedStatement insert = connection.prepareStatement(INSERT.formatted("SINGLE"))) {
                for (int i = 0; i < 1_000; i++) {
                    bind(insert, i);
                    insert.executeUpdate();
                }
            }
            long copied = write(connection, "QUEUED", count, true);
            long copiedWithoutCopy = write(connection, "BATCHED", count, false);
            connection.commit();

            List<String> queued = rows(connection, "QUEUED");
            assertEquals(count, queued.size());
            assertEquals(rows(connection, "SINGLE"), queued.subList(0, 1_000));
            assertEquals(rows(connection, "BATCHED"), queued);
            assertTrue(queued.get(1).startsWith("1|tab\there 1|false|"), queued.get(1));
            assertTrue(queued.get(2).startsWith("2|line\nbreak\r\nand CR 2|true|"), queued.get(2));
            assertTrue(queued.get(1000).endsWith("|2024-09-01 08:30:00.0"), queued.get(1000));
            assertEquals(0, copiedWithoutCopy);
            // PostgreSQL: every row but the 40 with a timestamp went with COPY; H2 has no COPY
            assertEquals(kind == Stores.Kind.POSTGRESQL ? count - count / 1000 : 0, copied);
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aRowThatBreaksAConstraintFailsTheWriteNamingTheTableAndTheTransactionKeepsNothing(Stores.Kind kind)
            throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (Connection connection = store.dataSource().getConnection()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(TABLE.formatted("DUPLICATED_IDS"));
            }
            connection.setAutoCommit(false);
            DBException error = assertThrows(DBException.class, () -> {
                try (Batches batches = new Batches(connection, true)) {
                    for (long id : new long[] { 1, 2, 3, 2 }) {
                        batches.add(INSERT.formatted("DUPLICATED_IDS"), statement -> {
                            statement.setLong(1, id);
                            statement.setString(2, "x");
                            statement.setBoolean(3, true);
                            statement.setDouble(4, 1);
                            statement.setInt(5, 1);
                            statement.setNull(6, Types.TIMESTAMP);
                        });
                    }
                    batches.flush();
                }
            });
            String message = error.getMessage() + " / " + error.getCause();
            assertTrue(message.toUpperCase(java.util.Locale.ROOT).contains("DUPLICATED_IDS"), message);
            connection.rollback();
            try (Statement statement = connection.createStatement();
                    ResultSet count = statement.executeQuery("SELECT COUNT(*) FROM DUPLICATED_IDS")) {
                count.next();
                assertEquals(0, count.getInt(1));
            }
        }
    }
}
