package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.OkoFactory;
import oko.model.Person;
import oko.repository.OkoRepository;
import oko.repository.exchange.SampleModel;

/** The server in a JVM of its own: restarted cleanly, and killed in the middle of commits. */
class ServerProcessTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    private static final String PEOPLE = OkoRepository.MODEL_FOLDER + "/crash.xmi";

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    private List<String> storeArgs(Stores.Kind kind) throws Exception {
        return Stores.serverArgs(Stores.fresh(kind, temp), temp.resolve("data"));
    }

    /** The child's output, kept in target/ so a failure can be read after the run. */
    private static Path serverLog(Stores.Kind kind) throws java.io.IOException {
        Path dir = Files.createDirectories(Path.of("target", "server-logs"));
        String caller = StackWalker.getInstance().walk(s -> s.skip(1).findFirst().get().getMethodName());
        Path log = dir.resolve(caller + "-" + kind + ".log");
        Files.deleteIfExists(log);
        return log;
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement element : thread.getStackTrace()) {
            text.append("  at ").append(element).append('\n');
        }
        return text.toString();
    }

    private static int count(OkoRepository repository) {
        CDOView view = repository.openView();
        try {
            OkoRepository.prefetch(view);
            return Models.count(OkoRepository.roots(view));
        } finally {
            view.close();
        }
    }

    /** The server's line after a repair, in either language the log may be in. */
    private static boolean tellsOfRepair(String log) {
        return log.contains("завершился аварийно") || log.contains("ended abnormally");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStoppedServerStartsAgainWithEverything(Stores.Kind kind) throws Exception {
        List<String> store = storeArgs(kind);
        Path log = serverLog(kind);
        int port = ServerProcess.freePort();
        int objects;
        try (ServerProcess server = ServerProcess.start(store, port, log)) {
            try (OkoRepository client = OkoRepository.connect("127.0.0.1", port, "restart-test")) {
                SampleModel.load(client, Models.SAMPLE_FILES, false, NO_PROGRESS);
                objects = count(client);
            }
            assertEquals(Models.count(Models.sampleRoots()), objects);
            int exit = server.stop();
            assertTrue(exit == 0 || exit == 143, "exit code " + exit);
        }
        String output = Files.readString(log);
        assertTrue(output.contains("restart-test"), output);
        try (ServerProcess server = ServerProcess.start(store, port, log);
                OkoRepository client = OkoRepository.connect("127.0.0.1", port, "restart-test")) {
            assertEquals(objects, count(client));
        }
        assertFalse(tellsOfRepair(Files.readString(log)), "a clean stop is not a crash:\n" + Files.readString(log));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyCommitTheClientSawSucceedSurvivesAKill(Stores.Kind kind) throws Exception {
        List<String> store = storeArgs(kind);
        Path log = serverLog(kind);
        int port = ServerProcess.freePort();
        List<String> confirmed = new ArrayList<>();
        AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
        try (ServerProcess server = ServerProcess.start(store, port, log)) {
            OkoRepository client = OkoRepository.connect("127.0.0.1", port, "crash-test");
            Thread writer = new Thread(() -> {
                try {
                    CDOTransaction transaction = client.openTransaction();
                    CDOResource resource = transaction.getOrCreateResource(PEOPLE);
                    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                        Person person = OkoFactory.eINSTANCE.createPerson();
                        person.setName("Участник " + i);
                        resource.getContents().add(person);
                        client.commit(transaction, "commit " + i, NO_PROGRESS);
                        synchronized (confirmed) {
                            confirmed.add(person.getName());
                        }
                    }
                } catch (Throwable e) {
                    stoppedBy.set(e);
                }
            }, "crash-test-writer");
            writer.start();
            long deadline = System.currentTimeMillis() + 60_000;
            while (System.currentTimeMillis() < deadline) {
                synchronized (confirmed) {
                    if (confirmed.size() >= 40) {
                        break;
                    }
                }
                Thread.sleep(20);
            }
            String before = stack(writer);
            int confirmedBeforeKill;
            synchronized (confirmed) {
                confirmedBeforeKill = confirmed.size();
            }
            server.kill();
            writer.join(60_000);
            assertTrue(stoppedBy.get() != null, () -> "the writer did not notice the server's death; "
                    + confirmedBeforeKill + " commits before the kill; writer before the kill:\n" + before
                    + "\nwriter now:\n" + stack(writer));
            try {
                client.close();
            } catch (RuntimeException deadConnection) {
                // the connection died with the server
            }
        }
        List<String> seen;
        synchronized (confirmed) {
            seen = List.copyOf(confirmed);
        }
        assertTrue(seen.size() >= 40, "only " + seen.size() + " commits before the kill");
        try (ServerProcess server = ServerProcess.start(store, port, log);
                OkoRepository client = OkoRepository.connect("127.0.0.1", port, "crash-test")) {
            // the restarted server says, in its log, that it repaired the store and kept what was committed
            assertTrue(tellsOfRepair(Files.readString(log)), Files.readString(log));
            CDOView view = client.openView();
            Set<String> stored = new HashSet<>();
            for (EObject object : view.getResource(PEOPLE).getContents()) {
                stored.add(((Person) object).getName());
            }
            assertTrue(stored.containsAll(seen), "lost commits: " + seen.stream().filter(n -> !stored.contains(n)).toList());
            assertTrue(stored.size() <= seen.size() + 1, "more stored than committed: " + stored.size());
            CDOTransaction transaction = client.openTransaction();
            Person after = OkoFactory.eINSTANCE.createPerson();
            after.setName("после перезапуска");
            transaction.getResource(PEOPLE).getContents().add(after);
            client.commit(transaction, "after restart", NO_PROGRESS);
        }
    }
}
