package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.internal.TableStatistics;

/**
 * The server keeps PostgreSQL's planner statistics up with what its commits insert
 * ({@code TableStatistics}): without them PostgreSQL plans CDO's update of an object's previous
 * revision over the {@code CDO_REVISED} index as well as the primary key, which reads every current
 * row's index entry — 20 ms per value instead of a tenth of a millisecond, half a minute for an
 * import of 1,500 values in the region benchmark (only when {@code ./test.sh} gives a PostgreSQL
 * server).
 */
class TableStatisticsTest {

    private static final int VALUES = 20_000;

    @TempDir
    Path temp;

    static boolean postgresql() {
        return Stores.postgresqlUrl() != null;
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(TableStatistics.PROPERTY);
    }

    @Test
    @EnabledIf("postgresql")
    void aLargeCommitGetsItsTablesAnalyzedAndTheReviseUpdateUsesThePrimaryKeyOnly() throws Exception {
        StoreConfig.PostgreSQL store = (StoreConfig.PostgreSQL) Stores.fresh(Stores.Kind.POSTGRESQL, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "statistics")) {
            MonitoringStore.create(repository, 1);
            MonitoringStore.commitRun(repository, "p0", "run", VALUES);
            try (Connection connection = store.dataSource().getConnection()) {
                // set by an explicit ANALYZE only (autovacuum sets last_autoanalyze)
                assertNotNull(waitForAnalyze(connection, "rawvalue"), "RAWVALUE was not analyzed after 20,000 rows");
                assertNotNull(waitForAnalyze(connection, "cdo_objects"), "CDO_OBJECTS was not analyzed after 20,000 rows");
                assertTrue(rows(connection, "rawvalue") >= VALUES / 2, "PostgreSQL's estimate of RAWVALUE's rows");
                // what keeps the planner off the CDO_REVISED index: it knows 0 is that column's common value
                assertTrue(commonValues(connection, "rawvalue", "cdo_revised").contains("0"),
                        "no statistics of RAWVALUE.CDO_REVISED");
                long id = anyCurrentValue(connection);
                String plan = plan(connection, "UPDATE rawvalue SET cdo_revised = 1 WHERE cdo_id = " + id + " AND cdo_revised = 0");
                String revisedIndex = revisedIndex(connection, "rawvalue");
                assertFalse(plan.contains(revisedIndex), "the revise update still reads the CDO_REVISED index:\n" + plan);
                assertTrue(plan.contains("cdo_id = "), plan);
            }
        }
    }

    @Test
    @EnabledIf("postgresql")
    void tablesNeverAnalyzedAreAnalyzedWhenTheServerStarts() throws Exception {
        StoreConfig.PostgreSQL store = (StoreConfig.PostgreSQL) Stores.fresh(Stores.Kind.POSTGRESQL, temp);
        // written without the statistics keeper (as a restored dump comes): nothing is analyzed
        System.setProperty(TableStatistics.PROPERTY, "false");
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "statistics")) {
            MonitoringStore.create(repository, 1);
            MonitoringStore.commitRun(repository, "p0", "first", 10); // creates the table
            try (Connection connection = store.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("ALTER TABLE rawvalue SET (autovacuum_enabled = false)");
            }
            MonitoringStore.commitRun(repository, "p0", "run", VALUES);
        }
        try (Connection connection = store.dataSource().getConnection()) {
            assertNull(lastAnalyze(connection, "rawvalue"));
            assertEquals(-1, rows(connection, "rawvalue"), "RAWVALUE was analyzed although nobody asked");
        }
        System.clearProperty(TableStatistics.PROPERTY);
        try (OkoServer server = OkoServer.start(store, line -> { });
                Connection connection = store.dataSource().getConnection()) {
            assertNotNull(waitForAnalyze(connection, "rawvalue"), "RAWVALUE was not analyzed at the start");
            assertEquals(VALUES + 10, rows(connection, "rawvalue"), 1.0, "PostgreSQL's estimate of RAWVALUE's rows");
        }
    }

    /** Polls {@code last_analyze} of {@code table} until it is set, up to 60 s; null if it never is. */
    private static Timestamp waitForAnalyze(Connection connection, String table) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Timestamp analyzed = lastAnalyze(connection, table);
        while (analyzed == null && System.nanoTime() < deadline) {
            Thread.sleep(50);
            analyzed = lastAnalyze(connection, table);
        }
        return analyzed;
    }

    private static Timestamp lastAnalyze(Connection connection, String table) throws SQLException {
        return (Timestamp) value(connection, "SELECT last_analyze FROM pg_stat_user_tables WHERE relname = ?", table);
    }

    /** PostgreSQL's estimate of the table's rows (-1: never analyzed). */
    private static double rows(Connection connection, String table) throws SQLException {
        return ((Number) value(connection, "SELECT reltuples FROM pg_class WHERE relname = ?", table)).doubleValue();
    }

    private static String commonValues(Connection connection, String table, String column) throws SQLException {
        Object values = value(connection, "SELECT most_common_vals::text FROM pg_stats WHERE tablename = ? AND attname = ?",
                table, column);
        return values == null ? "" : values.toString();
    }

    private static long anyCurrentValue(Connection connection) throws SQLException {
        return ((Number) value(connection, "SELECT MAX(cdo_id) FROM rawvalue WHERE cdo_revised = 0")).longValue();
    }

    /** The name of the table's index on CDO_REVISED alone. */
    private static String revisedIndex(Connection connection, String table) throws SQLException {
        return (String) value(connection,
                "SELECT indexname FROM pg_indexes WHERE tablename = ? AND indexdef LIKE '%(cdo_revised)'", table);
    }

    /** The first column of the first row {@code sql} answers with {@code parameters}; null when there is no row. */
    private static Object value(Connection connection, String sql, String... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        }
    }

    private static String plan(Connection connection, String sql) throws SQLException {
        StringBuilder plan = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("EXPLAIN " + sql)) {
            while (result.next()) {
                plan.append(result.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
