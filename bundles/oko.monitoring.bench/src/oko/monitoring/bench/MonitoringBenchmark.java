package oko.monitoring.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;

import oko.model.Cluster;
import oko.model.DataElement;
import oko.model.Indicator;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.RiskGroup;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.RawValueImport;
import oko.monitoring.RiskGroups;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.bench.BenchStores;
import oko.repository.db.StoreConfig;

/**
 * The monitoring engine's figures (releng/bench.sh monitoring): all indicators, ranks, medians,
 * scores and risk groups for 1,000 schools × 50 indicators × 5 periods (goal: under 200 ms warm),
 * and a 250,000-row CSV import including the commit (goal: under 3 s on H2, under 6 s on PostgreSQL), on
 * H2 and, given {@code -Doko.bench.postgresql=URL}, on a new database of that PostgreSQL server, each
 * once with CDO's own paths ({@code -Doko.store.bulk=false}), on PostgreSQL once with the bulk paths
 * without {@code COPY}, and once with the bulk paths, in the same run. Prints, asserts nothing.
 */
public final class MonitoringBenchmark {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final int SCHOOLS = 1000;
    private static final int INDICATORS = 50;
    private static final int PERIODS = 5;

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        if (Boolean.getBoolean("oko.bench.importOnly")) {
            // the import alone (profiling it): -Doko.bench.importOnly=true
            importCsv();
            System.exit(0);
        }
        ModelRoot root = F.createModelRoot();
        QualitySystem system = F.createQualitySystem();
        system.setCode("bench");
        root.getQualitySystems().add(system);
        List<Period> periods = model(root, system);
        Period last = periods.get(PERIODS - 1);
        List<Double> times = new ArrayList<>();
        for (int run = 1; run <= 10; run++) {
            times.add(time("compute " + SCHOOLS + " schools × " + INDICATORS + " indicators × " + PERIODS
                    + " periods + risk groups, run " + run, () -> {
                        int values = 0;
                        List<MonitoringEngine.IndicatorResult> all = new ArrayList<>();
                        for (Period period : periods) {
                            for (MonitoringEngine.IndicatorResult result : MonitoringEngine.compute(system, period)) {
                                values += result.schools().size();
                                all.add(result);
                            }
                        }
                        RiskGroups.compute(system, last, all);
                        return values;
                    }));
        }
        List<Double> warm = new ArrayList<>(times.subList(5, 10));
        warm.sort(null);
        System.out.printf(Locale.ROOT, "compute, warm (runs 6-10): median %.0f ms, best %.0f ms (goal < 200 ms)%n",
                warm.get(2), warm.get(0));
        importCsv();
        System.exit(0);
    }

    private static List<Period> model(ModelRoot root, QualitySystem system) {
        Random random = new Random(42);
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            Cluster cluster = F.createCluster();
            cluster.setCode("c" + c);
            root.getClusters().add(cluster);
            clusters.add(cluster);
        }
        List<Organisation> schools = new ArrayList<>();
        for (int s = 0; s < SCHOOLS; s++) {
            Organisation school = F.createOrganisation();
            school.setCode("S" + s);
            school.setCluster(clusters.get(s % clusters.size()));
            root.getOrganisations().add(school);
            schools.add(school);
        }
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("M");
        system.getMonitorings().add(monitoring);
        RiskGroup low = F.createRiskGroup();
        low.setCode("ШНОР");
        system.getRiskGroups().add(low);
        for (int i = 0; i < INDICATORS; i++) {
            for (String part : List.of("a", "b")) {
                DataElement element = F.createDataElement();
                element.setCode("m" + i + part);
                system.getDataElements().add(element);
            }
            Indicator indicator = F.createIndicator();
            indicator.setCode("I" + i);
            indicator.setFormula("share(m" + i + "a, m" + i + "b)");
            indicator.setHigherIsBetter(true);
            system.getIndicators().add(indicator);
            monitoring.getIndicators().add(indicator);
            if (i < 4) {
                low.getIndicators().add(indicator);
            }
        }
        List<Period> periods = new ArrayList<>();
        for (int p = 0; p < PERIODS; p++) {
            Period period = F.createPeriod();
            period.setCode(String.valueOf(2019 + p));
            period.setPrevious(p == 0 ? null : periods.get(p - 1));
            root.getPeriods().add(period);
            periods.add(period);
            MonitoringRun run = F.createMonitoringRun();
            run.setPeriod(period);
            monitoring.getRuns().add(run);
            for (Organisation school : schools) {
                for (int i = 0; i < INDICATORS; i++) {
                    double total = 20 + random.nextInt(80);
                    run.getRawValues().add(raw(school, "m" + i + "a", random.nextInt((int) total + 1)));
                    run.getRawValues().add(raw(school, "m" + i + "b", total));
                }
            }
        }
        return periods;
    }

    private static RawValue raw(Organisation school, String code, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(school);
        raw.setCode(code);
        raw.setValue(value);
        return raw;
    }

    /** 250,000 rows: 1,000 schools × 250 measures, long form, through the repository. */
    private static void importCsv() throws Exception {
        Path dir = Files.createTempDirectory("oko-bench-csv-");
        try {
            Path csv = dir.resolve("values.csv");
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("school;period;measure;value\n");
                for (int s = 0; s < SCHOOLS; s++) {
                    for (int m = 0; m < 250; m++) {
                        out.write("S" + s + ";2023;x" + m + ";" + (s * 7 + m) % 100 + ",5\n");
                    }
                }
            }
            System.out.printf(Locale.ROOT, "CSV: 250,000 rows, %.1f MB%n", Files.size(csv) / 1e6);
            // each store in each mode in this run: CDO's own row-by-row paths (baseline), then Oko's bulk paths
            String postgresql = System.getProperty("oko.bench.postgresql", "").strip();
            if (postgresql.isEmpty()) {
                System.out.println("(PostgreSQL: BENCH_OPTS=-Doko.bench.postgresql=postgresql://host:port/db?user=… adds it)");
            }
            List<String> summary = new ArrayList<>();
            for (String kind : postgresql.isEmpty() ? List.of("H2") : List.of("H2", "PostgreSQL")) {
                // -Doko.bench.modes=bulk (or cdo, batch) runs one mode only, e.g. when profiling
                for (BenchStores.Mode mode : BenchStores.Mode.of(kind)) {
                    StoreConfig store = BenchStores.fresh(kind, dir.resolve("h2-" + mode), postgresql);
                    String label = mode.label(kind);
                    System.out.println("--- " + label);
                    mode.set();
                    try {
                        double[] times = importInto(store, csv, kind);
                        summary.add(String.format(Locale.ROOT, "%-44s import %6.0f ms, of which commit %6.0f ms", label,
                                times[0], times[1]));
                    } finally {
                        BenchStores.Mode.clear();
                        BenchStores.drop(store);
                    }
                }
                // what the database alone takes for the rows those commits store
                StoreConfig store = BenchStores.fresh(kind, dir.resolve("h2-floor"), postgresql);
                try {
                    double floor = SchemaFloor.write(store, 250_000);
                    String label = kind + ", the same rows by plain JDBC";
                    System.out.printf(Locale.ROOT, "--- %s (CDO's schema, no CDO): %.0f ms%n", label, floor);
                    summary.add(String.format(Locale.ROOT, "%-44s write  %6.0f ms (the physical floor)", label, floor));
                } finally {
                    BenchStores.drop(store);
                }
            }
            System.out.println("summary of the 250,000-row import (goal: < 3 s on H2, < 6 s on PostgreSQL):");
            summary.forEach(line -> System.out.println("  " + line));
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The import into a new repository on {@code store}: total and commit time (ms). */
    private static double[] importInto(StoreConfig store, Path csv, String kind) throws Exception {
        double[] commit = new double[1];
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bench")) {
            CDOTransaction setup = repository.openTransaction();
            ModelRoot root = F.createModelRoot();
            QualitySystem system = F.createQualitySystem();
            system.setCode("bench");
            root.getQualitySystems().add(system);
            Period period = F.createPeriod();
            period.setCode("2023");
            root.getPeriods().add(period);
            for (int s = 0; s < SCHOOLS; s++) {
                Organisation school = F.createOrganisation();
                school.setCode("S" + s);
                school.setKind(oko.model.OrganisationKind.SCHOOL);
                root.getOrganisations().add(school);
            }
            for (int m = 0; m < 250; m++) {
                DataElement element = F.createDataElement();
                element.setCode("x" + m);
                system.getDataElements().add(element);
            }
            Monitoring monitoring = F.createMonitoring();
            monitoring.setCode("M");
            system.getMonitorings().add(monitoring);
            setup.createResource(OkoRepository.MODEL_FOLDER + "/bench.xmi").getContents().add(root);
            repository.commit(setup, "setup", new NullProgressMonitor());
            setup.close();
            double total = time("CSV import of 250,000 rows (" + kind + "): read + check + store + commit", () -> {
                CDOTransaction transaction = repository.openTransaction();
                QualitySystem target = ((ModelRoot) transaction.getResource(OkoRepository.MODEL_FOLDER + "/bench.xmi")
                        .getContents().get(0)).getQualitySystems().get(0);
                Period p = ((ModelRoot) target.eContainer()).getPeriods().get(0);
                long t0 = System.nanoTime();
                RawValueImport.Checked checked = RawValueImport.check(csv, RawValueImport.Layout.LONG, target, p);
                if (!checked.ok()) {
                    throw new IllegalStateException(checked.problems().get(0));
                }
                long t1 = System.nanoTime();
                int stored = RawValueImport.store(target, p, checked.rows());
                long t2 = System.nanoTime();
                // the CPU time of the whole process (client and embedded server): on a machine loaded by
                // other processes it varies less than the elapsed time
                long cpu0 = processCpuNanos();
                repository.commit(transaction, "import", new NullProgressMonitor());
                long t3 = System.nanoTime();
                long cpu1 = processCpuNanos();
                transaction.close();
                System.out.printf(Locale.ROOT,
                        "  of which: read + check %.0f ms, store in the model %.0f ms, commit %.0f ms (CPU %.0f ms)%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (cpu1 - cpu0) / 1e6);
                commit[0] = (t3 - t2) / 1e6;
                return stored;
            });
            return new double[] { total, commit[0] };
        }
    }

    /** CPU time used by this JVM so far (all threads), or 0 when the platform does not tell. */
    private static long processCpuNanos() {
        try {
            // com.sun.management's interface, reached reflectively (the bundle does not import it)
            Object bean = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            return (Long) Class.forName("com.sun.management.OperatingSystemMXBean").getMethod("getProcessCpuTime")
                    .invoke(bean);
        } catch (ReflectiveOperationException | ClassCastException e) {
            return 0;
        }
    }

    private static double time(String what, Callable<?> action) throws Exception {
        long start = System.nanoTime();
        Object result = action.call();
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%-92s %8.0f ms%s%n", what, millis,
                result instanceof Integer n ? String.format(Locale.ROOT, "  (%,d values)", n) : "");
        return millis;
    }
}
