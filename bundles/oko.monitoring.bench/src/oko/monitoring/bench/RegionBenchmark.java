package oko.monitoring.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;

import oko.model.DataElement;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringService;
import oko.monitoring.RawValueImport;
import oko.repository.CommitConflictException;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;

/**
 * A region on one server (releng/bench.sh region): a regional quality system (Level.REGION) and
 * {@code municipalities} municipal systems under it (their parentSystem), each with
 * {@code schools} schools, {@code measures} raw measures, their indicators (share of two measures)
 * and a monitoring with a run per period ({@code periods}) holding a value per school and measure.
 * The model is loaded into an {@link OkoServer} in a JVM of its own (over TCP on loopback, as
 * {@code ./oko server} serves), one commit per municipality; then {@code clients} client threads,
 * each operation on a session of its own (a client connecting, so the server does the reading),
 * for {@code seconds} seconds: reads (a navigator-like load of one municipality's model without
 * values; the values of one municipality's period; the data of the monitoring report for one
 * municipality: {@link MonitoringService#results}) and writes (an import of one municipality's
 * period through {@link RawValueImport#importFile}, replacing its values; an edit of the model)
 * committed. Prints per operation throughput, latency p50/p95/p99, errors and conflicts, the
 * server's heap after a full GC at the end, and the plain JDBC batch insert of as many rows into a
 * plain table of the same database as the physical reference. On embedded H2 and, when
 * {@code -Doko.bench.postgresql=URL} is given (bench.sh starts one), on PostgreSQL.
 * Sizes: {@code -Doko.bench.municipalities, schools, periods, measures, clients, seconds, pool,
 * stores (h2,postgresql), serverXmx}. Prints, asserts nothing.
 */
public final class RegionBenchmark {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final int FIRST_YEAR = 2020;
    private static final String REGION_RESOURCE = OkoRepository.MODEL_FOLDER + "/region.xmi";
    private static final String DATABASE = "oko_region_bench";

    private final int municipalities = Integer.getInteger("oko.bench.municipalities", 40);
    private final int schools = Integer.getInteger("oko.bench.schools", 50);
    private final int periods = Integer.getInteger("oko.bench.periods", 5);
    private final int measures = Math.max(2, Integer.getInteger("oko.bench.measures", 30) / 2 * 2);
    private final int clients = Integer.getInteger("oko.bench.clients", 8);
    private final int seconds = Integer.getInteger("oko.bench.seconds", 60);
    private final int pool = Integer.getInteger("oko.bench.pool", OkoServer.DEFAULT_POOL);
    private final String serverXmx = System.getProperty("oko.bench.serverXmx", "2g");

    /** Operation kinds and their weights in a client's mix. */
    enum Kind {
        CONNECT("connect (login)", 0), NAVIGATOR("read: navigator, one municipality", 30),
        MONITORING("read: values of one municipality's period", 25), REPORT("read: monitoring report data", 20),
        IMPORT("write: import one municipality's period", 10), EDIT("write: edit of the model", 15);

        final String label;
        final int weight;

        Kind(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            server(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            System.exit(0);
        }
        new RegionBenchmark().run();
        System.exit(0);
    }

    private void run() throws Exception {
        long values = (long) municipalities * schools * periods * measures;
        System.out.printf(Locale.ROOT, "JVM %s, %d cores; region: %d municipalities × %d schools × %d periods × %d raw measures"
                + " = %,d raw values (%,d per period), %d indicators per municipality%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), municipalities, schools, periods, measures, values,
                values / periods, measures / 2);
        System.out.printf(Locale.ROOT, "%d clients × %d s per store, server -Xmx%s, at most %d database connections%n",
                clients, seconds, serverXmx, pool);
        List<String> stores = List.of(System.getProperty("oko.bench.stores", "h2,postgresql").split(","));
        String postgresql = System.getProperty("oko.bench.postgresql", "");
        Path dir = Files.createTempDirectory("oko-bench-region-");
        List<String> summary = new ArrayList<>();
        try {
            for (String which : stores) {
                String spec;
                if (which.strip().equals("h2")) {
                    spec = "h2:" + dir.resolve("h2");
                } else if (which.strip().equals("postgresql")) {
                    if (postgresql.isBlank()) {
                        System.out.println("PostgreSQL: skipped (no -Doko.bench.postgresql=URL)");
                        continue;
                    }
                    spec = "pg:" + freshDatabase(postgresql);
                } else {
                    throw new IllegalArgumentException("oko.bench.stores: h2 or postgresql, not " + which);
                }
                summary.addAll(store(which.strip(), spec, dir));
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println();
        System.out.println("Summary");
        summary.forEach(System.out::println);
    }

    /** A new, empty database beside the one of the URL; returns its URL. */
    private static String freshDatabase(String url) throws SQLException {
        StoreConfig.PostgreSQL admin = StoreConfig.PostgreSQL.parse(url);
        try (Connection connection = admin.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        return url.replaceFirst("(postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
    }

    /** One store: load, clients, heap, plain JDBC; returns the summary lines. */
    private List<String> store(String name, String spec, Path dir) throws Exception {
        System.out.println();
        System.out.println("=== " + name + " ===");
        int port = freePort();
        Server server = Server.start(serverXmx, spec, port, pool);
        List<String> summary = new ArrayList<>();
        try {
            server.await("ready");
            System.out.println("server heap after its start: " + server.ask("heap") + " MB after GC");
            long start = System.nanoTime();
            long commits = load(port);
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            long values = (long) municipalities * schools * periods * measures;
            System.out.printf(Locale.ROOT, "load: %,d raw values (+ model) in %,d commits: %.1f s, %,.0f values/s%n", values,
                    commits, loadSeconds, values / loadSeconds);
            System.out.println("server heap after the load: " + server.ask("heap") + " MB after GC");
            Results results = clients(port, dir);
            String heap = server.ask("heap");
            String status = server.ask("status");
            String jdbc = server.ask("jdbc " + values);
            System.out.println();
            System.out.printf(Locale.ROOT, "%-44s %7s %7s %8s %8s %8s %6s %9s%n", name + ": operation", "count", "ops/s",
                    "p50 ms", "p95 ms", "p99 ms", "errors", "conflicts");
            for (Kind kind : Kind.values()) {
                System.out.println(results.row(kind, name));
            }
            System.out.printf(Locale.ROOT, "%-44s %7d %7.1f%n", name + ": all operations but connect", results.total(),
                    results.total() / results.seconds);
            System.out.println("server heap after GC at the end: " + heap + " MB (-Xmx" + serverXmx + ")");
            System.out.println("server " + status);
            double jdbcSeconds = Long.parseLong(jdbc) / 1000.0;
            System.out.printf(Locale.ROOT, "physical reference: plain JDBC batch insert of %,d rows into a plain table: %.1f s, "
                    + "%,.0f rows/s (the repository's load: %.1f× that)%n", values, jdbcSeconds, values / jdbcSeconds,
                    loadSeconds / jdbcSeconds);
            summary.add(String.format(Locale.ROOT, "%s: load %,d values %.1f s (plain JDBC %.1f s); %d clients %d s: %d ops "
                    + "(%.1f/s), %d errors, %d conflicts; server heap after GC %s MB", name, values, loadSeconds, jdbcSeconds,
                    clients, seconds, results.total(), results.total() / results.seconds, results.errors(),
                    results.conflicts(), heap));
            for (Kind kind : Kind.values()) {
                summary.add(results.row(kind, name));
            }
        } finally {
            server.stop();
        }
        return summary;
    }

    // ---- the model ------------------------------------------------------------------------------

    private static String municipality(int m) {
        return String.format(Locale.ROOT, "mo%02d", m + 1);
    }

    private static String resource(int m) {
        return OkoRepository.MODEL_FOLDER + "/" + municipality(m) + ".xmi";
    }

    /** The region's model, then one commit per municipality; returns the number of commits. */
    private long load(int port) {
        Random random = new Random(22);
        try (OkoRepository repository = OkoRepository.connect("127.0.0.1", port, "loader")) {
            CDOTransaction transaction = repository.openTransaction();
            ModelRoot region = F.createModelRoot();
            region.setName("Регион");
            QualitySystem regional = F.createQualitySystem();
            regional.setCode("region-rsoko");
            regional.setName("Региональная система оценки качества образования");
            regional.setLevel(Level.REGION);
            region.getQualitySystems().add(regional);
            Period previous = null;
            for (int p = 0; p < periods; p++) {
                Period period = F.createPeriod();
                period.setCode(Integer.toString(FIRST_YEAR + p));
                period.setName(FIRST_YEAR + p + " год");
                period.setPrevious(previous);
                region.getPeriods().add(period);
                previous = period;
            }
            transaction.getOrCreateResource(REGION_RESOURCE).getContents().add(region);
            repository.commit(transaction, "region", new NullProgressMonitor());
            transaction.close();
            for (int m = 0; m < municipalities; m++) {
                CDOTransaction t = repository.openTransaction();
                CDOResource regionResource = t.getResource(REGION_RESOURCE);
                ModelRoot regionRoot = (ModelRoot) regionResource.getContents().get(0);
                t.getOrCreateResource(resource(m)).getContents().add(municipalModel(m, regionRoot, random));
                repository.commit(t, "municipality " + municipality(m), new NullProgressMonitor());
                t.close();
            }
            return municipalities + 1L;
        }
    }

    private ModelRoot municipalModel(int m, ModelRoot region, Random random) {
        String code = municipality(m);
        ModelRoot root = F.createModelRoot();
        root.setName("Муниципальное образование " + code);
        QualitySystem system = F.createQualitySystem();
        system.setCode(code + "-msoko");
        system.setName("Муниципальная система оценки качества образования " + code);
        system.setLevel(Level.MUNICIPALITY);
        system.setParentSystem(region.getQualitySystems().get(0));
        root.getQualitySystems().add(system);
        List<Organisation> orgs = new ArrayList<>();
        for (int s = 0; s < schools; s++) {
            Organisation school = F.createOrganisation();
            school.setCode(code + "-s" + s);
            school.setName("МБОУ СОШ № " + (s + 1) + " (" + code + ")");
            school.setKind(OrganisationKind.SCHOOL);
            root.getOrganisations().add(school);
            orgs.add(school);
        }
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("M");
        monitoring.setName("Мониторинг качества подготовки обучающихся");
        system.getMonitorings().add(monitoring);
        for (int i = 0; i < measures; i++) {
            DataElement element = F.createDataElement();
            element.setCode("x" + i);
            element.setName("Показатель x" + i);
            system.getDataElements().add(element);
        }
        for (int i = 0; i < measures / 2; i++) {
            Indicator indicator = F.createIndicator();
            indicator.setCode("I" + i);
            indicator.setName("Доля x" + (2 * i) + " от x" + (2 * i + 1));
            indicator.setFormula("share(x" + (2 * i) + ", x" + (2 * i + 1) + ")");
            indicator.setHigherIsBetter(true);
            system.getIndicators().add(indicator);
            monitoring.getIndicators().add(indicator);
        }
        for (Period period : region.getPeriods()) {
            MonitoringRun run = F.createMonitoringRun();
            run.setPeriod(period);
            monitoring.getRuns().add(run);
            for (Organisation school : orgs) {
                for (int i = 0; i < measures / 2; i++) {
                    double total = 20 + random.nextInt(80);
                    run.getRawValues().add(ImportFixture.raw(school, system.getDataElements().get(2 * i),
                            random.nextInt((int) total + 1)));
                    run.getRawValues().add(ImportFixture.raw(school, system.getDataElements().get(2 * i + 1), total));
                }
            }
        }
        return root;
    }

    // ---- the clients ----------------------------------------------------------------------------

    /** Latencies (ms) per kind, errors and conflicts. */
    private static final class Results {
        final Map<Kind, List<Double>> latencies = new ConcurrentHashMap<>();
        final Map<Kind, AtomicInteger> errors = new ConcurrentHashMap<>();
        final Map<Kind, AtomicInteger> conflicts = new ConcurrentHashMap<>();
        final List<String> firstErrors = Collections.synchronizedList(new ArrayList<>());
        double seconds;

        Results() {
            for (Kind kind : Kind.values()) {
                latencies.put(kind, Collections.synchronizedList(new ArrayList<>()));
                errors.put(kind, new AtomicInteger());
                conflicts.put(kind, new AtomicInteger());
            }
        }

        String row(Kind kind, String store) {
            List<Double> sorted = new ArrayList<>(latencies.get(kind));
            sorted.sort(null);
            return String.format(Locale.ROOT, "%-44s %7d %7.1f %8s %8s %8s %6d %9d", store + ": " + kind.label, sorted.size(),
                    sorted.size() / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                    errors.get(kind).get(), conflicts.get(kind).get());
        }

        private static String percentile(List<Double> sorted, int p) {
            if (sorted.isEmpty()) {
                return "—";
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return String.format(Locale.ROOT, "%.0f", sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
        }

        int total() {
            int total = 0;
            for (Kind kind : Kind.values()) {
                total += kind == Kind.CONNECT ? 0 : latencies.get(kind).size();
            }
            return total;
        }

        int errors() {
            return errors.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int conflicts() {
            return conflicts.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    private Results clients(int port, Path dir) throws InterruptedException {
        Results results = new Results();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try {
                    client(client, port, deadline, results, dir);
                } finally {
                    done.countDown();
                }
            }, "bench-client-" + c);
            thread.start();
        }
        done.await();
        results.seconds = (System.nanoTime() - start) / 1e9;
        if (!results.firstErrors.isEmpty()) {
            System.out.println("first errors:");
            results.firstErrors.forEach(e -> System.out.println("  " + e));
        }
        return results;
    }

    private void client(int client, int port, long deadline, Results results, Path dir) {
        Random random = new Random(1000 + client);
        int totalWeight = 0;
        for (Kind kind : Kind.values()) {
            totalWeight += kind.weight;
        }
        Path csv = dir.resolve("import-" + client + ".csv");
        while (System.nanoTime() < deadline) {
            int pick = random.nextInt(totalWeight);
            Kind kind = null;
            for (Kind k : Kind.values()) {
                pick -= k.weight;
                if (pick < 0) {
                    kind = k;
                    break;
                }
            }
            int m = random.nextInt(municipalities);
            int p = random.nextInt(periods);
            long connecting = System.nanoTime();
            OkoRepository repository;
            try {
                repository = OkoRepository.connect("127.0.0.1", port, "client-" + client);
            } catch (RuntimeException e) {
                fail(results, Kind.CONNECT, e);
                continue;
            }
            results.latencies.get(Kind.CONNECT).add((System.nanoTime() - connecting) / 1e6);
            long begin = System.nanoTime();
            try (repository) {
                switch (kind) {
                case NAVIGATOR -> navigator(repository, m);
                case MONITORING -> monitoring(repository, m, p);
                case REPORT -> report(repository, m, p);
                case IMPORT -> importPeriod(repository, m, p, csv, random);
                case EDIT -> edit(repository, m, random);
                default -> throw new IllegalStateException(kind.name());
                }
                results.latencies.get(kind).add((System.nanoTime() - begin) / 1e6);
            } catch (CommitConflictException e) {
                results.conflicts.get(kind).incrementAndGet();
            } catch (RuntimeException | IOException e) {
                fail(results, kind, e);
            }
        }
    }

    private static void fail(Results results, Kind kind, Exception e) {
        results.errors.get(kind).incrementAndGet();
        if (results.firstErrors.size() < 5) {
            StringBuilder text = new StringBuilder(kind.label + ": " + e);
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                text.append("\n      caused by ").append(cause);
            }
            results.firstErrors.add(text.toString());
        }
    }

    private static QualitySystem system(CDOView view, int m) {
        return ((ModelRoot) view.getResource(resource(m)).getContents().get(0)).getQualitySystems().get(0);
    }

    private static Period period(CDOView view, int p) {
        return ((ModelRoot) view.getResource(REGION_RESOURCE).getContents().get(0)).getPeriods().get(p);
    }

    /** What the navigator shows of a municipality: its model's systems and their parts, schools, not the values. */
    private static void navigator(OkoRepository repository, int m) {
        CDOView view = repository.openView();
        int seen = 0;
        for (var top : OkoRepository.roots(view)) {
            seen += top instanceof ModelRoot root ? root.getQualitySystems().size() : 0;
        }
        ModelRoot root = (ModelRoot) view.getResource(resource(m)).getContents().get(0);
        for (QualitySystem system : root.getQualitySystems()) {
            seen += system.getDataElements().size() + system.getIndicators().size();
            for (Monitoring monitoring : system.getMonitorings()) {
                seen += monitoring.getRuns().size();
            }
            seen += system.getParentSystem() == null ? 0 : 1;
        }
        for (Organisation organisation : root.getOrganisations()) {
            seen += organisation.getName() == null ? 0 : 1;
        }
        if (seen == 0) {
            throw new IllegalStateException("empty navigator");
        }
        view.close();
    }

    /** The raw values of one municipality's period, loaded in one request (as the Monitoring view's table needs them). */
    private void monitoring(OkoRepository repository, int m, int p) {
        CDOView view = repository.openView();
        QualitySystem system = system(view, m);
        Period period = period(view, p);
        int count = 0;
        for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
            ((CDOObject) run).cdoPrefetch(CDORevision.DEPTH_INFINITE);
            for (RawValue value : run.getRawValues()) {
                count += value.getOrganisation() != null ? 1 : 0;
            }
        }
        if (count != schools * measures) {
            throw new IllegalStateException(count + " values in " + municipality(m) + ", period " + p);
        }
        view.close();
    }

    /** The monitoring report's data for one municipality: what its data set computes (results with the previous period). */
    private static void report(OkoRepository repository, int m, int p) {
        CDOView view = repository.openView();
        view.getResource(resource(m)).cdoPrefetch(CDORevision.DEPTH_INFINITE);
        QualitySystem system = system(view, m);
        Period period = period(view, p);
        MonitoringService.Results results = MonitoringService.results(system, period);
        if (results.current().isEmpty()) {
            throw new IllegalStateException("no indicator results for " + municipality(m));
        }
        view.close();
    }

    /** One municipality's period imported from a CSV, as {@code ./oko monitor import} does: every value replaced. */
    private void importPeriod(OkoRepository repository, int m, int p, Path csv, Random random) throws IOException {
        String code = municipality(m);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("school;period;measure;value\n");
            for (int s = 0; s < schools; s++) {
                for (int i = 0; i < measures / 2; i++) {
                    int total = 20 + random.nextInt(80);
                    out.write(code + "-s" + s + ";" + (FIRST_YEAR + p) + ";x" + (2 * i) + ";" + random.nextInt(total + 1) + "\n");
                    out.write(code + "-s" + s + ";" + (FIRST_YEAR + p) + ";x" + (2 * i + 1) + ";" + total + "\n");
                }
            }
        }
        CDOTransaction transaction = repository.openTransaction();
        try {
            transaction.getResource(resource(m)).cdoPrefetch(CDORevision.DEPTH_INFINITE);
            QualitySystem system = system(transaction, m);
            Period period = period(transaction, p);
            // as ./oko monitor import and the workbench do: the values changed and committed in one scope
            try (OkoRepository.ManyChanges changes = OkoRepository.manyChanges(transaction)) {
                RawValueImport.Imported imported = MonitoringService.importValues(csv, RawValueImport.Layout.LONG, system,
                        period);
                if (!imported.ok()) {
                    throw new IllegalStateException(imported.problems().get(0));
                }
                repository.commit(transaction, "import " + code + " " + (FIRST_YEAR + p), new NullProgressMonitor());
            }
        } finally {
            transaction.close();
        }
    }

    /** An edit committed: a school's short name and a measure's unit. */
    private static void edit(OkoRepository repository, int m, Random random) {
        CDOTransaction transaction = repository.openTransaction();
        try {
            ModelRoot root = (ModelRoot) transaction.getResource(resource(m)).getContents().get(0);
            Organisation school = root.getOrganisations().get(random.nextInt(root.getOrganisations().size()));
            school.setShortName("СОШ " + random.nextInt(1000));
            QualitySystem system = root.getQualitySystems().get(0);
            DataElement element = system.getDataElements().get(random.nextInt(system.getDataElements().size()));
            element.setUnit(random.nextBoolean() ? "чел." : "ед.");
            repository.commit(transaction, "edit", new NullProgressMonitor());
        } finally {
            transaction.close();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // ---- the server JVM -------------------------------------------------------------------------

    /**
     * The server JVM: {@code ./oko server}'s OkoServer on the store, over plain TCP on loopback;
     * prints "ready", then answers "heap" (MB used after a full GC), "status" (its status line),
     * "jdbc N" (ms for the plain JDBC batch insert of N rows), "quit".
     */
    private static void server(String spec, int port, int pool) throws Exception {
        StoreConfig store = spec.startsWith("h2:") ? h2(Path.of(spec.substring(3))) : StoreConfig.PostgreSQL.parse(spec.substring(3));
        ImportMemoryBenchmark.Probe probe = new ImportMemoryBenchmark.Probe();
        OkoServer server = OkoServer.start(store, line -> { }, false, pool);
        server.listen("127.0.0.1", port);
        System.out.println("ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            if (line.equals("heap")) {
                System.out.println("= " + (probe.usedAfterGc() >> 20));
            } else if (line.equals("status")) {
                System.out.println("= " + server.status());
            } else if (line.startsWith("jdbc ")) {
                System.out.println("= " + plainInsert(store, Long.parseLong(line.substring(5))));
            }
        }
        server.close();
    }

    private static StoreConfig h2(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new StoreConfig.H2(directory);
    }

    /**
     * The physical reference: {@code rows} rows like the raw values (id, run, school, measure,
     * value) inserted into a plain table by batches of 1,000, one transaction; returns ms. The
     * table is dropped afterwards.
     */
    private static long plainInsert(StoreConfig store, long rows) throws SQLException {
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS OKO_BENCH_PLAIN");
                statement.execute("CREATE TABLE OKO_BENCH_PLAIN (ID BIGINT PRIMARY KEY, RUN_ID BIGINT, SCHOOL VARCHAR(64), "
                        + "MEASURE VARCHAR(64), VAL DOUBLE PRECISION)");
            }
            connection.commit();
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO OKO_BENCH_PLAIN (ID, RUN_ID, SCHOOL, MEASURE, VAL) VALUES (?, ?, ?, ?, ?)")) {
                for (long i = 0; i < rows; i++) {
                    insert.setLong(1, i);
                    insert.setLong(2, i / 1500);
                    insert.setString(3, "mo" + (i % 40) + "-s" + (i % 50));
                    insert.setString(4, "x" + (i % 30));
                    insert.setDouble(5, i % 100 + 0.5);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            long millis = (System.nanoTime() - start) / 1_000_000;
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE OKO_BENCH_PLAIN");
            }
            connection.commit();
            return millis;
        }
    }

    /** The server JVM, with the benchmark's class path. */
    private static final class Server {
        private final Process process;
        private final BufferedReader out;
        private final PrintWriter in;

        private Server(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        }

        static Server start(String xmx, String spec, int port, int pool) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + xmx, "-Dfile.encoding=UTF-8"));
            String extra = System.getProperty("oko.bench.serverOpts");
            if (extra != null && !extra.isBlank()) {
                command.addAll(List.of(extra.trim().split("\\s+")));
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), RegionBenchmark.class.getName(), "server",
                    spec, Integer.toString(port), Integer.toString(pool)));
            return new Server(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }

        void await(String expected) throws IOException {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals(expected)) {
                    return;
                }
                System.out.println("  server: " + line);
            }
            throw new IllegalStateException("the server ended before saying " + expected);
        }

        String ask(String question) throws IOException {
            in.println(question);
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.startsWith("= ")) {
                    return line.substring(2);
                }
                System.out.println("  server: " + line);
            }
            throw new IllegalStateException("the server ended without answering " + question);
        }

        void stop() {
            in.println("quit");
            try {
                if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroy();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroy();
            }
        }
    }
}
