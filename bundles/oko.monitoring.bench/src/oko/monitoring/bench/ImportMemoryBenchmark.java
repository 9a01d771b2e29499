package oko.monitoring.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.RawValueImport;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;

/**
 * Memory of a large raw-value import (releng/bench.sh import-memory): a CSV of N values
 * ({@code -Doko.bench.values=N}, default 200,000; 1,000 schools × N/1,000 measures, long form) is
 * imported by a client JVM into a server JVM over TCP, as {@code ./oko --server … monitor import}
 * does (load the model, read, check, store, one commit). Prints the client's time and peak heap
 * (heap used after a garbage collection, the highest seen), the server's heap after its start
 * (warm-up included) before and after the import; then, restarted on the store with the values,
 * the server's heap after its start and after a client loaded the whole model, with Oko's bounded
 * revision cache and again with CDO's own ({@code -Doko.revisionCache=cdo}, the previous setup).
 * {@code -Doko.bench.clientXmx}/{@code -Doko.bench.serverXmx} (default 2g) set the JVMs' limits, so
 * a run also shows the import fits in them; {@code -Doko.bench.restart=false} skips the restarts.
 * Prints, asserts nothing.
 */
public final class ImportMemoryBenchmark {

    private static final int SCHOOLS = 1000;
    private static final String GC_NOTIFICATION = "com.sun.management.gc.notification";

    private ImportMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            switch (args[0]) {
            case "server" -> server(Path.of(args[1]), Integer.parseInt(args[2]));
            case "client" -> client(Path.of(args[1]), Integer.parseInt(args[2]));
            case "load" -> load(Integer.parseInt(args[1]));
            default -> throw new IllegalArgumentException(args[0]);
            }
            System.exit(0);
        }
        int values = Integer.getInteger("oko.bench.values", 200_000);
        int measures = Math.max(1, values / SCHOOLS);
        String clientXmx = System.getProperty("oko.bench.clientXmx", "2g");
        String serverXmx = System.getProperty("oko.bench.serverXmx", "2g");
        System.out.printf(Locale.ROOT, "JVM %s, %d cores; %,d values = %,d schools × %,d measures; client -Xmx%s, server -Xmx%s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), SCHOOLS * measures, SCHOOLS, measures,
                clientXmx, serverXmx);
        Path dir = Files.createTempDirectory("oko-bench-import-");
        try {
            Path csv = dir.resolve("values.csv");
            ImportFixture.writeLargeCsv(csv, SCHOOLS, measures);
            System.out.printf(Locale.ROOT, "CSV: %.1f MB%n", Files.size(csv) / 1e6);
            Path data = dir.resolve("data");
            setUp(data, measures);
            int port = freePort();

            Child server = Child.start("server", serverXmx, List.of(), data.toString(), Integer.toString(port));
            server.await("heap ", line -> System.out.println("server start on the model without values: " + heap(line)));
            Child client = Child.start("client", clientXmx, List.of(), csv.toString(), Integer.toString(port));
            client.echoUntilExit("client: ");
            server.send("heap");
            server.await("heap ", line -> System.out.println("server after the import's commit: " + heap(line)));
            server.stop();

            // the server as it is, then with CDO's own revision cache (what it had before the bound)
            for (String cache : Boolean.parseBoolean(System.getProperty("oko.bench.restart", "true"))
                    ? List.of("", "cdo") : List.<String>of()) {
                String which = cache.isEmpty() ? "server" : "server with CDO's own revision cache";
                Child again = Child.start("server", serverXmx, List.of("-D" + OkoServer.REVISION_CACHE + "=" + cache),
                        data.toString(), Integer.toString(port));
                again.await("warm ", line -> System.out.println(which + " restarted on the store with the values: " + line));
                again.await("heap ", line -> System.out.println(which + " after its start: " + heap(line)));
                Child load = Child.start("load", clientXmx, List.of(), Integer.toString(port));
                load.echoUntilExit("client loading the model: ");
                again.send("heap");
                again.await("heap ", line -> System.out.println(which + " after a client loaded the model: " + heap(line)));
                again.stop();
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static String heap(String line) {
        String[] parts = line.split(" ");
        return String.format(Locale.ROOT, "heap after GC %,d MB (peak after GC %,d MB)", Long.parseLong(parts[1]) >> 20,
                Long.parseLong(parts[2]) >> 20);
    }

    /** The model: schools, measures, the period and a monitoring, without values. */
    private static void setUp(Path data, int measures) throws IOException {
        Files.createDirectories(data.resolve("repository"));
        try (OkoServer server = OkoServer.start(new StoreConfig.H2(data.resolve("repository")), line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bench")) {
            CDOTransaction setup = repository.openTransaction();
            ModelRoot root = ImportFixture.large("bench", SCHOOLS, measures).root;
            setup.createResource(OkoRepository.MODEL_FOLDER + "/bench.xmi").getContents().add(root);
            repository.commit(setup, "setup", new NullProgressMonitor());
            setup.close();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The server JVM: starts, warms up, prints its heap; then on "heap" prints it again, on "quit" stops. */
    private static void server(Path data, int port) throws Exception {
        Probe probe = new Probe();
        OkoServer server = OkoServer.start(new StoreConfig.H2(data.resolve("repository")), line -> { }, true);
        server.listen("127.0.0.1", port);
        OkoServer.WarmUp warm = server.warmUp();
        System.out.println("warm " + (warm.loaded()
                ? String.format(Locale.ROOT, "warm-up loaded %,d objects in %,d ms", warm.objects(), warm.millis())
                : String.format(Locale.ROOT, "no warm-up: %,d objects in the store, the cache keeps %,d (counted in %,d ms)",
                        warm.objects(), server.revisionCacheCapacity(), warm.millis())));
        System.out.println("heap " + probe.usedAfterGc() + " " + probe.peak());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            System.out.println("heap " + probe.usedAfterGc() + " " + probe.peak());
        }
        server.close();
    }

    /** The importing client: what {@code ./oko --server … monitor import FILE --period 2023} does. */
    private static void client(Path csv, int port) throws Exception {
        Probe probe = new Probe();
        long start = System.nanoTime();
        try (OkoRepository repository = OkoRepository.connect("127.0.0.1", port, "bench")) {
            CDOTransaction transaction = repository.openTransaction();
            OkoRepository.prefetch(transaction);
            List<EObject> roots = OkoRepository.roots(transaction);
            ModelRoot root = (ModelRoot) roots.get(0);
            Period period = root.getPeriods().get(0);
            QualitySystem system = root.getQualitySystems().get(0);
            long loaded = System.nanoTime();
            RawValueImport.Imported imported = RawValueImport.importFile(csv, RawValueImport.Layout.LONG, system, period);
            if (!imported.ok()) {
                throw new IllegalStateException(imported.problems().get(0));
            }
            long created = System.nanoTime();
            System.out.printf(Locale.ROOT, "heap after a full GC with the values created, before the commit: %,d MB%n",
                    probe.usedAfterGc() >> 20);
            long committing = System.nanoTime();
            repository.commit(transaction, "import", new NullProgressMonitor());
            long committed = System.nanoTime();
            System.out.printf(Locale.ROOT, "heap after a full GC after the commit (the values still in the session): %,d MB%n",
                    probe.usedAfterGc() >> 20);
            System.out.printf(Locale.ROOT, "%,d values in %,.0f ms: load the model %,.0f ms, read + check + create "
                    + "%,.0f ms, commit %,.0f ms%n", imported.stored().values(), (committed - start) / 1e6,
                    (loaded - start) / 1e6, (created - loaded) / 1e6, (committed - committing) / 1e6);
            System.out.printf(Locale.ROOT, "peak heap after GC %,d MB, max heap %,d MB%n", probe.peak() >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            transaction.close();
        }
    }

    /** A client loading the whole model in one go, as the workbench and {@code monitor compute} do. */
    private static void load(int port) throws Exception {
        Probe probe = new Probe();
        long start = System.nanoTime();
        try (OkoRepository repository = OkoRepository.connect("127.0.0.1", port, "bench")) {
            CDOView view = repository.openView();
            OkoRepository.prefetch(view);
            int objects = OkoRepository.count(OkoRepository.roots(view));
            System.out.printf(Locale.ROOT, "%,d objects in %,.0f ms, peak heap after GC %,d MB%n", objects,
                    (System.nanoTime() - start) / 1e6, probe.peak() >> 20);
            view.close();
        }
    }

    /**
     * The highest heap use after a garbage collection in this JVM (from the collectors'
     * notifications: the live data plus what a young collection left in the old generation).
     */
    static final class Probe {
        private final AtomicLong peak = new AtomicLong();
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());

        Probe() {
            for (var collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (collector instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener((notification, handback) -> {
                        if (GC_NOTIFICATION.equals(notification.getType())
                                && notification.getUserData() instanceof CompositeData data) {
                            peak.accumulateAndGet(afterGc(data), Math::max);
                        }
                    }, null, null);
                }
            }
        }

        private long afterGc(CompositeData notification) {
            CompositeData info = (CompositeData) notification.get("gcInfo");
            TabularData after = (TabularData) info.get("memoryUsageAfterGc");
            long used = 0;
            for (Object row : after.values()) {
                CompositeData entry = (CompositeData) row;
                if (heapPools.contains((String) entry.get("key"))) {
                    used += MemoryUsage.from((CompositeData) entry.get("value")).getUsed();
                }
            }
            return used;
        }

        long peak() {
            return peak.get();
        }

        /** Heap in use after a full collection. */
        long usedAfterGc() {
            System.gc();
            long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            peak.accumulateAndGet(used, Math::max);
            return used;
        }
    }

    /** A JVM of this benchmark's, with the same class path. */
    private static final class Child {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;

        private Child(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Child start(String role, String xmx, List<String> options, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-Dfile.encoding=UTF-8"));
            command.addAll(options);
            String extra = System.getProperty("oko.bench." + role + "Opts");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), ImportMemoryBenchmark.class.getName(), role));
            command.addAll(List.of(args));
            return new Child(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void await(String prefix, java.util.function.Consumer<String> action) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith(prefix)) {
                    action.accept(line.substring(prefix.equals("warm ") ? prefix.length() : 0));
                    return;
                }
                System.out.println("  " + line);
            }
            throw new IllegalStateException("the " + prefix.strip() + " figure did not come: the JVM ended with "
                    + waitFor());
        }

        void echoUntilExit(String prefix) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println(prefix + line);
            }
            int code = waitFor();
            if (code != 0) {
                throw new IllegalStateException(prefix + "ended with " + code);
            }
        }

        void send(String line) {
            in.println(line);
        }

        void stop() throws IOException {
            send("quit");
            waitFor();
        }

        private int waitFor() {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
                return -1;
            }
        }
    }
}
