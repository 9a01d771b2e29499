package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.RepositoryException;
import oko.repository.db.StoreConfig;
import oko.repository.security.Role;
import oko.repository.security.UserAuthenticator;
import oko.repository.security.Users;

/**
 * Issue 25, item 6: login back-off per login and client address. Parallel wrong attempts are
 * checked one after another, each after the delay its predecessors earned (before, 6 parallel
 * attempts were all checked in the same second); failures from one address do not slow the same
 * login from another address, so an attacker cannot lock the administrator out.
 */
class LoginThrottleTest {

    private static final String PASSWORD = "Admin-Secret-2026";

    @TempDir
    Path temp;

    @Test
    void parallelWrongAttemptsWaitTheirTurnAndTheirGrowingDelays() throws Exception {
        StoreConfig store = new StoreConfig.H2(Files.createDirectories(temp.resolve("repository")));
        new Users(store).add("admin", Role.ADMINISTRATOR, null, PASSWORD.toCharArray());
        List<String> log = new CopyOnWriteArrayList<>();
        int port = ServerProcess.freePort();
        int attempts = 5;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        try (OkoServer server = OkoServer.start(store, log::add, true).listen("127.0.0.1", port)) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> done = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < attempts; i++) {
                done.add(pool.submit(() -> {
                    go.await();
                    assertThrows(RepositoryException.class,
                            () -> OkoRepository.connect("127.0.0.1", port, "admin", "wrong-password".toCharArray()).close());
                    return (System.nanoTime() - start) / 1_000_000;
                }));
            }
            go.countDown();
            long[] finished = new long[attempts];
            for (int i = 0; i < attempts; i++) {
                finished[i] = done.get(i).get(120, TimeUnit.SECONDS);
            }
            Arrays.sort(finished);
            // checked in turn after 0, 0.25, 0.5, 1 and 2 s: the last ends at least 3.75 s after the first
            assertTrue(finished[attempts - 1] - finished[0] >= 3_500,
                    "parallel attempts are not checked at once: finished after " + Arrays.toString(finished) + " ms");
            for (int i = 1; i < attempts; i++) {
                assertTrue(finished[i] - finished[i - 1] >= 200,
                        "each attempt waits for the one before: " + Arrays.toString(finished));
            }
            assertEquals(attempts, log.stream().filter(l -> l.contains("admin") && l.contains("127.0.0.1")).count(),
                    "each refusal is logged with the login and the address: " + log);
            // the right password is still accepted (after its turn), and resets the count
            OkoRepository.connect("127.0.0.1", port, "admin", PASSWORD.toCharArray()).close();
            long before = System.nanoTime();
            assertThrows(RepositoryException.class,
                    () -> OkoRepository.connect("127.0.0.1", port, "admin", "wrong-again".toCharArray()).close());
            assertTrue((System.nanoTime() - before) / 1_000_000 < 3_000, "a right password reset the delays");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anAttackerAtOneAddressDoesNotSlowTheAdministratorAtAnother() throws Exception {
        StoreConfig store = new StoreConfig.H2(Files.createDirectories(temp.resolve("repository")));
        Users users = new Users(store);
        users.add("admin", Role.ADMINISTRATOR, null, PASSWORD.toCharArray());
        List<String> log = new CopyOnWriteArrayList<>();
        UserAuthenticator authenticator = new UserAuthenticator(users, log::add, "internal", "x".toCharArray());
        // four failures from the attacker's address: the next check there waits 2 s
        for (int i = 0; i < 4; i++) {
            assertThrows(SecurityException.class,
                    () -> authenticator.authenticate("admin", "guess".toCharArray(), "203.0.113.66"));
        }
        long start = System.nanoTime();
        authenticator.authenticate("admin", PASSWORD.toCharArray(), "198.51.100.1");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1_500, "the administrator at another address is checked at once, took " + millis + " ms");
        // at the attacker's address, the right password too waits its delay (nothing tells it apart)
        start = System.nanoTime();
        authenticator.authenticate("admin", PASSWORD.toCharArray(), "203.0.113.66");
        millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis >= 2_000, "the attacker's address waits its delay, took " + millis + " ms");
        assertTrue(log.stream().allMatch(l -> l.contains("203.0.113.66")), log.toString());
    }
}
