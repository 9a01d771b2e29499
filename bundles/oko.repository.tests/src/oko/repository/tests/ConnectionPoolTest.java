package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.OkoFactory;
import oko.model.Person;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.internal.ConnectionPool;

/** The bound on the server's database connections ({@code ./oko server --pool N}). */
class ConnectionPoolTest {

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    @Test
    void aRequestBeyondTheBoundWaitsThenFailsNamingTheBound() throws Exception {
        StoreConfig.H2 store = new StoreConfig.H2(temp);
        ConnectionPool pool = new ConnectionPool(store.dataSource(), 2, 300);
        try {
            Connection first = pool.getConnection();
            Connection second = pool.getConnection();
            assertEquals(2, pool.open());
            long start = System.nanoTime();
            SQLException refused = assertThrows(SQLException.class, pool::getConnection);
            // it waited the 300 ms it was given (allowing for a coarse clock), not forever
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 250, "gave up too early");
            assertTrue(refused.getMessage().contains("2"), refused.getMessage());
            assertEquals(1, pool.waits());
            first.close();
            first.close(); // a second close gives back nothing more
            assertEquals(1, pool.open());
            Connection third = pool.getConnection();
            assertTrue(third.isValid(1));
            assertEquals(2, pool.open());
            assertEquals(2, pool.peak());
            second.close();
            third.close();
            assertEquals(0, pool.open());
        } finally {
            store.shutdown();
        }
        assertThrows(IllegalArgumentException.class, () -> new ConnectionPool(store.dataSource(), 1, 100));
    }

    @Test
    void idleConnectionsKeptStayBelowTheBound() {
        // bound 2: (2-1)/3 = 0 writers, max(1, 1-0) = 1 reader; bound 16: 15/3 = 5 writers, 15-5 = 10 readers
        assertEquals(0, ConnectionPool.idleWriters(2));
        assertEquals(1, ConnectionPool.idleReaders(2));
        assertEquals(5, ConnectionPool.idleWriters(16));
        assertEquals(10, ConnectionPool.idleReaders(16));
    }

    /** Six clients committing and reading at once through a server bounded to three connections. */
    @ParameterizedTest
    @MethodSource("kinds")
    void aServerWithASmallPoolServesMoreClientsThanConnections(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        int clients = 6;
        int commits = 5;
        try (OkoServer server = OkoServer.start(store, line -> { }, false, 3)) {
            // the resources first: clients adding resources to one folder at once would conflict
            try (OkoRepository setup = OkoRepository.connect(server, "pool-setup")) {
                CDOTransaction transaction = setup.openTransaction();
                for (int c = 0; c < clients; c++) {
                    transaction.getOrCreateResource(OkoRepository.MODEL_FOLDER + "/pool-" + c + ".xmi");
                }
                setup.commit(transaction, "resources", new NullProgressMonitor());
            }
            ExecutorService threads = Executors.newFixedThreadPool(clients);
            List<Future<Integer>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                String resource = OkoRepository.MODEL_FOLDER + "/pool-" + c + ".xmi";
                String user = "pool-" + c;
                done.add(threads.submit(() -> {
                    try (OkoRepository client = OkoRepository.connect(server, user)) {
                        CDOTransaction transaction = client.openTransaction();
                        CDOResource people = transaction.getResource(resource);
                        for (int i = 0; i < commits; i++) {
                            Person person = OkoFactory.eINSTANCE.createPerson();
                            person.setName(user + " " + i);
                            people.getContents().add(person);
                            client.commit(transaction, "commit " + i, new NullProgressMonitor());
                        }
                        CDOView view = client.openView();
                        int read = view.getResource(resource).getContents().size();
                        view.close();
                        return read;
                    }
                }));
            }
            for (Future<Integer> future : done) {
                assertEquals(commits, future.get(120, TimeUnit.SECONDS));
            }
            threads.shutdown();
            assertTrue(server.peakConnections() <= 3, "peak " + server.peakConnections());
            assertTrue(server.peakConnections() >= 1);
        }
    }
}
