package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.CommitOutcomeUnknownException;
import oko.repository.OkoRepository;
import oko.repository.RepositoryException;
import oko.repository.db.StoreConfig;

/**
 * A server process on PostgreSQL killed with SIGKILL while it sends a large commit's rows with
 * {@code COPY}: PostgreSQL sees the connection drop and rolls the open transaction back, so after a
 * restart the run is not there at all, and the client was not told it was stored (only when
 * {@code ./test.sh} gives a PostgreSQL server).
 */
class CopyCrashTest {

    private static final int VALUES = 150_000;

    @TempDir
    Path temp;

    static boolean postgresql() {
        return Stores.postgresqlUrl() != null;
    }

    @Test
    @EnabledIf("postgresql")
    void aServerKilledWhileItCopiesACommitsRowsLeavesNothing() throws Exception {
        StoreConfig.PostgreSQL store = (StoreConfig.PostgreSQL) Stores.fresh(Stores.Kind.POSTGRESQL, temp);
        List<String> args = Stores.serverArgs(store, temp.resolve("data"));
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("copy-crash.log");
        Files.deleteIfExists(log);
        int port = ServerProcess.freePort();
        RepositoryException failure;
        try (ServerProcess server = ServerProcess.start(args, port, log)) {
            OkoRepository client = OkoRepository.connect("127.0.0.1", port, "copy-crash");
            MonitoringStore.create(client, 3);
            MonitoringStore.commitRun(client, "p0", "before", 10);
            CDOTransaction transaction = client.openTransaction();
            MonitoringStore.addRun(transaction, "p1", "killed", VALUES);
            CompletableFuture<Void> commit = CompletableFuture
                    .runAsync(() -> client.commit(transaction, "killed while copying", new NullProgressMonitor()));
            // the server's connection is inside the commit's transaction and has sent a COPY
            try (Connection watch = store.dataSource().getConnection();
                    PreparedStatement copying = watch.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity"
                            + " WHERE datname = ? AND query LIKE 'COPY %'"
                            + " AND state IN ('active', 'idle in transaction')")) {
                copying.setString(1, store.database());
                assertTrue(server.killWhen(() -> seen(copying), commit), "the commit ended before a COPY was seen");
            }
            ExecutionException error = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> commit.get(120, TimeUnit.SECONDS));
            failure = assertInstanceOf(RepositoryException.class, error.getCause(), String.valueOf(error.getCause()));
            try {
                client.close();
            } catch (RuntimeException deadConnection) {
                // the connection died with the server
            }
        }
        try (ServerProcess server = ServerProcess.start(args, port, log);
                OkoRepository client = OkoRepository.connect("127.0.0.1", port, "copy-crash-check")) {
            CDOView view = client.openView();
            assertEquals(-1, MonitoringStore.values(view, "killed"), "the killed commit left nothing");
            assertEquals(10, MonitoringStore.values(view, "before"), "what was stored before is all there");
            view.close();
            // nor any row: the values' table holds the 10 values stored before, no more
            try (Connection connection = store.dataSource().getConnection();
                    java.sql.Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM RAWVALUE")) {
                rows.next();
                assertEquals(10, rows.getInt(1), "raw value rows after the killed commit");
            }
            if (failure instanceof CommitOutcomeUnknownException unknown) {
                assertFalse(client.wasCommitted(unknown), "a new connection finds the commit not stored");
            }
            // and the store takes the same commit afterwards
            MonitoringStore.commitRun(client, "p2", "again", 1_000);
            CDOView again = client.openView();
            assertEquals(1_000, MonitoringStore.values(again, "again"));
            again.close();
        }
    }

    private static boolean seen(PreparedStatement copying) {
        try (ResultSet result = copying.executeQuery()) {
            return result.next() && result.getInt(1) > 0;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
