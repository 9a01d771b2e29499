package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.RepositoryException;
import oko.repository.db.StoreConfig;
import oko.repository.security.Role;
import oko.repository.security.Users;

/**
 * Issue 25, item 5: a user removed (or whose role changed) while connected keeps no session and
 * commits nothing more. The server reads the user table on every commit, refuses the commit of a
 * removed or changed user, and ends their sessions; a watch ends them also when they do not commit.
 * The user table is changed directly in the store, as {@code ./oko user} does (beside a running
 * PostgreSQL server; an H2 store in another JVM is locked, see {@link UserAdministrationTest}).
 */
class SessionRevocationTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    private static final String PASSWORD = "Methodist-Secret-25";
    private static final String ADMIN_PASSWORD = "Admin-Secret-25";

    @TempDir
    Path temp;

    @AfterEach
    void clearProperty() {
        System.clearProperty("oko.userCheckMillis");
    }

    static void waitUntil(BooleanSupplier condition, long millis, String message) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(message + " (within " + millis + " ms)");
            }
            Thread.sleep(20);
        }
    }

    private StoreConfig storeWithUsers() throws Exception {
        StoreConfig store = new StoreConfig.H2(Files.createDirectories(temp.resolve("data").resolve("repository")));
        Users users = new Users(store);
        users.add("admin", Role.ADMINISTRATOR, null, ADMIN_PASSWORD.toCharArray());
        users.add("meth", Role.METHODOLOGIST, null, PASSWORD.toCharArray());
        return store;
    }

    private static int models(OkoRepository repository) {
        CDOView view = repository.openView();
        try {
            return OkoRepository.roots(view).size();
        } finally {
            view.close();
        }
    }

    @Test
    void aRemovedUsersCommitIsRefusedAndTheirSessionEnds() throws Exception {
        // the periodic watch must not end the session before the commit: this test checks the commit's own check
        System.setProperty("oko.userCheckMillis", "600000");
        StoreConfig store = storeWithUsers();
        List<String> log = new CopyOnWriteArrayList<>();
        int port = ServerProcess.freePort();
        try (OkoServer server = OkoServer.start(store, log::add, true).listen("127.0.0.1", port);
                OkoRepository admin = OkoRepository.connect("127.0.0.1", port, "admin", ADMIN_PASSWORD.toCharArray())) {
            OkoRepository meth = OkoRepository.connect("127.0.0.1", port, "meth", PASSWORD.toCharArray());
            try {
                // an import in progress: its changes are made, the commit comes after the removal
                CDOTransaction transaction = meth.openTransaction();
                OkoRepository.newModel(transaction, "import", "Импорт удалённого методиста");
                new Users(store).remove("meth");

                RepositoryException refused = assertThrows(RepositoryException.class,
                        () -> meth.commit(transaction, "импорт", NO_PROGRESS));
                String message = refused.getMessage();
                assertTrue(message.contains("meth") && (message.contains("removed") || message.contains("удалён")),
                        "the refusal says the user was removed: " + message);
                waitUntil(meth::isConnectionLost, 10_000, "the removed user's session is closed");
                assertEquals(0, models(admin), "nothing of the refused commit is stored");
                assertTrue(log.stream().anyMatch(l -> l.contains("meth") && (l.contains("closed") || l.contains("закрыт"))),
                        "the server logs the end of the session: " + log);
                // the removed user cannot log in again
                assertThrows(RepositoryException.class,
                        () -> OkoRepository.connect("127.0.0.1", port, "meth", PASSWORD.toCharArray()).close());
                // the administrator's session is untouched
                assertFalse(admin.isConnectionLost());
            } finally {
                meth.close();
            }
        }
    }

    @Test
    void aChangedRoleEndsTheSessionWithoutACommitAndTheUserLogsInAgainWithTheNewRole() throws Exception {
        System.setProperty("oko.userCheckMillis", "200");
        StoreConfig store = storeWithUsers();
        List<String> log = new CopyOnWriteArrayList<>();
        int port = ServerProcess.freePort();
        try (OkoServer server = OkoServer.start(store, log::add, true).listen("127.0.0.1", port)) {
            OkoRepository meth = OkoRepository.connect("127.0.0.1", port, "meth", PASSWORD.toCharArray());
            OkoRepository other = OkoRepository.connect("127.0.0.1", port, "admin", ADMIN_PASSWORD.toCharArray());
            try {
                new Users(store).setRole("meth", Role.REPORT_DESIGNER, null);
                waitUntil(meth::isConnectionLost, 10_000, "the session of the user whose role changed is closed by the watch");
                assertFalse(other.isConnectionLost(), "other users' sessions stay");
            } finally {
                meth.close();
                other.close();
            }
            // logged in again, the user has the new role's rights: a report designer changes nothing
            try (OkoRepository designer = OkoRepository.connect("127.0.0.1", port, "meth", PASSWORD.toCharArray())) {
                CDOTransaction transaction = designer.openTransaction();
                OkoRepository.newModel(transaction, "x", "Попытка дизайнера");
                RepositoryException refused = assertThrows(RepositoryException.class,
                        () -> designer.commit(transaction, "дизайнер", NO_PROGRESS));
                assertTrue(refused.getMessage().contains("meth"), refused.getMessage());
                assertFalse(designer.isConnectionLost(), "a refusal by the rights alone keeps the session");
            }
        }
    }

    /**
     * The probe's case: {@code ./oko server} in a process of its own on PostgreSQL, the user removed
     * in the database beside it (as {@code ./oko user remove} does) while their session is open.
     */
    @Test
    @EnabledIfSystemProperty(named = "oko.test.postgresql", matches = "(jdbc:)?postgresql:.*")
    void aServerProcessOnPostgreSQLRefusesTheCommitOfAUserRemovedBesideIt() throws Exception {
        StoreConfig.PostgreSQL store = (StoreConfig.PostgreSQL) Stores.fresh(Stores.Kind.POSTGRESQL, temp);
        Users users = new Users(store);
        users.add("admin", Role.ADMINISTRATOR, null, ADMIN_PASSWORD.toCharArray());
        users.add("meth", Role.METHODOLOGIST, null, PASSWORD.toCharArray());
        String url = "postgresql://" + store.host() + ":" + store.port() + "/" + store.database() + "?user=" + store.user()
                + (store.password() == null ? "" : "&password=" + java.net.URLEncoder.encode(store.password(),
                        java.nio.charset.StandardCharsets.UTF_8));
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("revocation.log");
        Files.deleteIfExists(log);
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(List.of("--db", url), port, log, "-Doko.userCheckMillis=600000")) {
            OkoRepository meth = OkoRepository.connect("127.0.0.1", port, "meth", PASSWORD.toCharArray());
            try {
                CDOTransaction transaction = meth.openTransaction();
                OkoRepository.newModel(transaction, "import", "Импорт удалённого методиста");
                users.remove("meth");
                RepositoryException refused = assertThrows(RepositoryException.class,
                        () -> meth.commit(transaction, "импорт", NO_PROGRESS));
                assertTrue(refused.getMessage().contains("meth"), refused.getMessage());
                waitUntil(meth::isConnectionLost, 10_000, "the removed user's session is closed");
            } finally {
                meth.close();
            }
            try (OkoRepository admin = OkoRepository.connect("127.0.0.1", port, "admin", ADMIN_PASSWORD.toCharArray())) {
                assertEquals(0, models(admin), "nothing of the refused commit is stored");
            }
            server.stop();
        }
    }
}
