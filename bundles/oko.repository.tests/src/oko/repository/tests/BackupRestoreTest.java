package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.SampleModel;

/**
 * The PostgreSQL backup of docs/operations.md: the repository dumped with {@code pg_dump} while
 * its server runs, restored ({@code pg_restore} of the custom format, {@code psql} of the plain
 * one) into a new database, a server ({@code ServerRunner}, as {@code ./oko server --db}) started on
 * it in a JVM of its own reads the same model and the same change history. PostgreSQL only: runs
 * with {@code -Doko.test.postgresql=URL}; skipped, saying why, without it or without pg_dump.
 */
class BackupRestoreTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();

    @TempDir
    Path temp;

    /** Whether the test can run: PostgreSQL given, its client tools found; says why not on standard error. */
    static boolean backupPossible() throws IOException {
        if (Stores.postgresqlUrl() == null) {
            System.err.println("BackupRestoreTest skipped: PostgreSQL only, runs with -Doko.test.postgresql=postgresql://HOST:PORT/DB?user=USER");
            return false;
        }
        if (tool("pg_dump").isEmpty() || tool("pg_restore").isEmpty() || tool("psql").isEmpty()) {
            System.err.println("BackupRestoreTest skipped: pg_dump, pg_restore or psql not found on PATH nor in "
                    + "/usr/lib/postgresql/*/bin (Debian: apt-get install postgresql-client)");
            return false;
        }
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = { "custom", "plain" })
    @EnabledIf(value = "backupPossible", disabledReason = "PostgreSQL only (-Doko.test.postgresql=URL), with pg_dump, "
            + "pg_restore and psql installed")
    void aDumpRestoredIntoANewDatabaseServesTheSameModel(String format) throws Exception {
        Optional<Path> pgDump = tool("pg_dump");
        Optional<Path> restore = tool(format.equals("custom") ? "pg_restore" : "psql");

        StoreConfig.PostgreSQL original = (StoreConfig.PostgreSQL) Stores.fresh(Stores.Kind.POSTGRESQL, temp);
        Path dump = temp.resolve(format.equals("custom") ? "oko.dump" : "oko.sql");
        try (OkoServer server = OkoServer.start(original, line -> { });
                OkoRepository client = OkoRepository.connect(server, "backup-test")) {
            SampleModel.load(client, Models.SAMPLE_FILES, false, NO_PROGRESS);
            // a second commit, so the history of the system has two versions to compare
            var transaction = client.openTransaction();
            QualitySystem system = OkoRepository.systems(OkoRepository.roots(transaction)).get(0);
            system.setName(system.getName() + " (после правки)");
            client.commit(transaction, "правка перед резервной копией", NO_PROGRESS);
            transaction.close();

            // online backup: the server keeps running, pg_dump reads one consistent snapshot
            run(List.of(pgDump.get().toString(), format.equals("custom") ? "-Fc" : "-Fp", "--no-owner", "-f",
                    dump.toString(), "-d", url(original)), original.password());
            assertTrue(Files.size(dump) > 10_000, "dump of " + Files.size(dump) + " bytes");

            StoreConfig.PostgreSQL restored = newDatabase(original);
            if (format.equals("custom")) {
                run(List.of(restore.get().toString(), "--no-owner", "--exit-on-error", "-d", url(restored), dump.toString()),
                        restored.password());
            } else {
                run(List.of(restore.get().toString(), "-q", "-v", "ON_ERROR_STOP=1", "-d", url(restored), "-f",
                        dump.toString()), restored.password());
            }

            CDOView before = client.openView();
            OkoRepository.prefetch(before);
            List<EObject> expected = OkoRepository.roots(before);
            Path log = temp.resolve("restored-server.log");
            int port = ServerProcess.freePort();
            try (ServerProcess restoredServer = ServerProcess.start(List.of("--db", url(restored)), port, log);
                    OkoRepository reader = OkoRepository.connect("127.0.0.1", port, "restore-test")) {
                CDOView after = reader.openView();
                OkoRepository.prefetch(after);
                List<EObject> actual = OkoRepository.roots(after);
                // the sample's roots: the seeds and the illustrative monitoring (2 files, 2 roots)
                assertEquals(Models.count(Models.sampleRoots()), Models.count(actual));
                assertEquals(expected.size(), actual.size());
                assertTrue(EcoreUtil.equals(expected, actual), "the restored model differs from the dumped one");
                QualitySystem restoredSystem = OkoRepository.systems(actual).get(0);
                assertTrue(restoredSystem.getName().endsWith("(после правки)"), restoredSystem.getName());
                // the audits came along: the system has its loaded version and the edited one
                assertEquals(client.history((CDOObject) OkoRepository.systems(expected).get(0)).size(),
                        reader.history((CDOObject) restoredSystem).size());
                assertTrue(reader.history((CDOObject) restoredSystem).size() >= 2);
                assertTrue(actual.stream().allMatch(ModelRoot.class::isInstance));
                after.close();
            }
            before.close();
        }
    }

    /** {@code postgresql://host:port/db?user=…}: the form both ./oko server --db and libpq tools read. */
    private static String url(StoreConfig.PostgreSQL store) {
        return "postgresql://" + store.host() + ":" + store.port() + "/" + store.database() + "?user=" + store.user();
    }

    private static StoreConfig.PostgreSQL newDatabase(StoreConfig.PostgreSQL beside) throws Exception {
        String name = beside.database() + "_restored";
        try (Connection connection = StoreConfig.PostgreSQL.parse(Stores.postgresqlUrl()).dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return new StoreConfig.PostgreSQL(beside.host(), beside.port(), name, beside.user(), beside.password());
    }

    /** The PostgreSQL client tool on PATH, else the newest of /usr/lib/postgresql/N/bin. */
    static Optional<Path> tool(String name) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                return versions.map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                        .max(Comparator.comparing(p -> p.getParent().getParent().getFileName().toString()));
            }
        }
        return Optional.empty();
    }

    private void run(List<String> command, String password) throws Exception {
        Path output = temp.resolve("tool-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        if (password != null) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process = builder.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), command.get(0) + " did not finish in 5 minutes");
        assertEquals(0, process.exitValue(), () -> String.join(" ", command) + ":\n" + read(output));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
