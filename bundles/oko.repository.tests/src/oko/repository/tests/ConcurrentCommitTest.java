package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.CommitConflictException;
import oko.repository.OkoRepository;

/**
 * Two clients of one server (a process of its own) commit at the same moment: imports of
 * different periods both add a run to the same monitoring, and both must be stored; a real
 * conflict (the same feature of the same object) is refused with a message naming the object.
 */
class ConcurrentCommitTest {

    @TempDir
    Path temp;

    @Test
    void importsOfDifferentPeriodsAtTheSameTimeBothSucceed() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("concurrent.log");
        Files.deleteIfExists(log);
        int port = ServerProcess.freePort();
        int rounds = 4;
        try (ServerProcess server = ServerProcess.start(List.of("--data", temp.resolve("data").toString()), port, log);
                OkoRepository first = OkoRepository.connect("127.0.0.1", port, "first");
                OkoRepository second = OkoRepository.connect("127.0.0.1", port, "second")) {
            MonitoringStore.create(first, 2 * rounds);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < rounds; round++) {
                    // small and large commits: the large ones overlap on the server
                    int size = round % 2 == 0 ? 200 : 20_000;
                    CyclicBarrier start = new CyclicBarrier(2);
                    List<Future<?>> commits = new ArrayList<>();
                    for (int client = 0; client < 2; client++) {
                        OkoRepository repository = client == 0 ? first : second;
                        String code = "p" + (2 * round + client);
                        commits.add(pool.submit(() -> {
                            CDOTransaction transaction = repository.openTransaction();
                            try {
                                MonitoringStore.addRun(transaction, code, "run " + code, size);
                                start.await(30, TimeUnit.SECONDS);
                                repository.commit(transaction, "импорт " + code, new org.eclipse.core.runtime.NullProgressMonitor());
                            } finally {
                                transaction.close();
                            }
                            return null;
                        }));
                    }
                    for (Future<?> commit : commits) {
                        commit.get(120, TimeUnit.SECONDS); // a failed commit fails the test with its message
                    }
                    try (OkoRepository check = OkoRepository.connect("127.0.0.1", port, "check")) {
                        CDOView view = check.openView();
                        for (int client = 0; client < 2; client++) {
                            String code = "p" + (2 * round + client);
                            assertEquals(size, MonitoringStore.values(view, "run " + code), "round " + round + ", " + code);
                        }
                        assertEquals(2 * (round + 1), MonitoringStore.monitoring(view).getRuns().size());
                        view.close();
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            // a real conflict: both rename the monitoring; the second is refused, naming it
            CDOTransaction one = first.openTransaction();
            CDOTransaction two = second.openTransaction();
            MonitoringStore.monitoring(one).setName("Первое имя");
            MonitoringStore.monitoring(two).setName("Второе имя");
            first.commit(one, "переименование 1", new org.eclipse.core.runtime.NullProgressMonitor());
            CommitConflictException conflict = org.junit.jupiter.api.Assertions.assertThrows(CommitConflictException.class,
                    () -> second.commit(two, "переименование 2", new org.eclipse.core.runtime.NullProgressMonitor()));
            assertTrue(conflict.getMessage().contains("Первое имя") || conflict.getMessage().contains("Мониторинг")
                    || conflict.getMessage().contains("Второе имя"), conflict.getMessage());
            one.close();
            two.close();
        }
    }
}
