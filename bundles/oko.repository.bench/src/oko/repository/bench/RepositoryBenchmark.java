package oko.repository.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.XmiFiles;

/**
 * Commit and load times of the repository against plain EMF XMI for the same model: 100,000 raw
 * monitoring values (small objects referring to 100 schools), on H2 and, given
 * {@code -Doko.bench.postgresql=URL}, on a new database of that PostgreSQL server; each store once
 * with CDO's own paths ({@code -Doko.store.bulk=false}), on PostgreSQL once with the bulk paths
 * without {@code COPY} ({@code -Doko.store.copy=false}), and once with the bulk paths, in the same
 * run ({@link BenchStores.Mode}). Run by {@code releng/bench.sh repository}; prints figures,
 * asserts nothing. Object count: {@code -Doko.bench.objects=N}.
 */
public final class RepositoryBenchmark {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    public static void main(String[] args) throws Exception {
        int objects = Integer.getInteger("oko.bench.objects", 100_000);
        Path dir = Files.createTempDirectory("oko-bench-");
        try {
            run(objects, dir);
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    private static void run(int objects, Path dir) throws Exception {
        System.out.printf(Locale.ROOT, "model: %,d raw values + 100 schools; JVM %s, %d cores%n", objects,
                Runtime.version(), Runtime.getRuntime().availableProcessors());

        ModelRoot model = model(objects);
        int total = OkoRepository.count(List.of(model));
        Path xmi = dir.resolve("bench.xmi");
        time("XMI save", () -> {
            Resource resource = XmiFiles.resourceSet().createResource(URI.createFileURI(xmi.toString()));
            resource.getContents().add(EcoreUtil.copy(model));
            resource.save(XmiFiles.saveOptions());
            return null;
        });
        // the XMI load as warm as CDO's loads below (which follow a commit and other loads in this
        // JVM): one load to warm up, then the fastest of three
        double xmiLoad = Double.MAX_VALUE;
        double xmiCpu = 0;
        for (int run = 0; run < 4; run++) {
            double seconds = time("XMI load (fresh resource set, all objects touched)" + (run == 0 ? ", warm-up" : ""),
                    () -> {
                        Resource resource = XmiFiles.resourceSet().getResource(URI.createFileURI(xmi.toString()), true);
                        return touch(resource.getContents());
                    });
            if (run > 0 && seconds < xmiLoad) {
                xmiLoad = seconds;
                xmiCpu = lastCpu;
            }
        }

        // each store in each mode in this run: CDO's own row-by-row paths (baseline), then Oko's bulk paths
        List<String> summary = new ArrayList<>();
        String postgresql = System.getProperty("oko.bench.postgresql", "").strip();
        List<String> kinds = postgresql.isEmpty() ? List.of("H2") : List.of("H2", "PostgreSQL");
        if (postgresql.isEmpty()) {
            System.out.println("(PostgreSQL: BENCH_OPTS=-Doko.bench.postgresql=postgresql://host:port/db?user=… adds it)");
        }
        for (String kind : kinds) {
            for (BenchStores.Mode mode : BenchStores.Mode.of(kind)) {
                StoreConfig store = BenchStores.fresh(kind, dir.resolve("h2-" + mode), postgresql);
                String label = mode.label(kind);
                System.out.println("--- " + label);
                mode.set();
                try {
                    double[] loads = repository(store, model, total, kind, !kind.equals("H2"));
                    summary.add(String.format(Locale.ROOT,
                            "%-44s commit %6.2f s, first load after restart %6.2f s = %.2f × XMI load (CPU %.2f ×), after warm-up %.2f ×",
                            label, loads[0], loads[1], loads[1] / xmiLoad, loads[3] / xmiCpu, loads[2] / xmiLoad));
                } finally {
                    BenchStores.Mode.clear();
                    BenchStores.drop(store);
                }
            }
        }
        System.out.printf(Locale.ROOT,
                "summary (XMI load %.2f s, %.2f s CPU; goal: first load <= 1.5 × XMI load; CPU: the process's CPU time, client and server, less disturbed by other load):%n",
                xmiLoad, xmiCpu);
        summary.forEach(line -> System.out.println("  " + line));
    }

    /**
     * Commit, loads, restart, warm-up on one store; returns commit, cold first load and first load
     * after warm-up (s) and the CPU time of the cold first load (s).
     */
    private static double[] repository(StoreConfig store, ModelRoot model, int total, String kind, boolean skipLazy)
            throws Exception {
        double commit;
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bench")) {
            ModelRoot copy = EcoreUtil.copy(model);
            commit = time("CDO commit of " + String.format(Locale.ROOT, "%,d", total) + " objects (" + kind + ", audits)",
                    () -> {
                        CDOTransaction transaction = repository.openTransaction();
                        CDOResource resource = transaction.createResource(OkoRepository.MODEL_FOLDER + "/bench.xmi");
                        resource.getContents().add(copy);
                        repository.commit(transaction, "benchmark", new NullProgressMonitor());
                        transaction.close();
                        return null;
                    });
            if (!skipLazy) {
                time("CDO load, new session, warm server, lazy", () -> load(server, false));
            }
            time("CDO load, new session, warm server, prefetch", () -> load(server, true));
        }
        double cold;
        double coldCpu;
        try (OkoServer server = OkoServer.start(store, line -> { })) {
            cold = time("CDO first load, restarted server, new session, prefetch", () -> load(server, true));
            coldCpu = lastCpu;
        }
        double warmed;
        try (OkoServer server = OkoServer.start(store, line -> { })) {
            time("server cache warm-up after restart (./oko server does this)", () -> server.warmUp().objects());
            warmed = time("CDO first load, new session, after warm-up, prefetch", () -> load(server, true));
        }
        return new double[] { commit, cold, warmed, coldCpu };
    }

    private static int load(OkoServer server, boolean prefetch) {
        try (OkoRepository repository = OkoRepository.connect(server, "bench")) {
            CDOView view = repository.openView();
            if (prefetch) {
                OkoRepository.prefetch(view);
            }
            int n = touch(view.getResource(OkoRepository.MODEL_FOLDER + "/bench.xmi").getContents());
            view.close();
            return n;
        }
    }

    private static ModelRoot model(int values) {
        ModelRoot root = F.createModelRoot();
        root.setName("benchmark");
        List<Organisation> schools = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Organisation school = F.createOrganisation();
            school.setCode("sch-" + i);
            school.setName("Школа № " + i);
            school.setKind(OrganisationKind.SCHOOL);
            root.getOrganisations().add(school);
            schools.add(school);
        }
        QualitySystem system = F.createQualitySystem();
        system.setCode("bench");
        root.getQualitySystems().add(system);
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("M1");
        system.getMonitorings().add(monitoring);
        MonitoringRun run = F.createMonitoringRun();
        run.setName("2023");
        monitoring.getRuns().add(run);
        for (int i = 0; i < values; i++) {
            RawValue value = F.createRawValue();
            value.setCode("measure_" + (i % 20));
            value.setOrganisation(schools.get(i % schools.size()));
            value.setValue(i * 0.5);
            run.getRawValues().add(value);
        }
        return root;
    }

    /** Reads every object and one reference of each raw value, as a report or a view would. */
    private static int touch(List<? extends EObject> roots) {
        int n = 0;
        for (EObject root : roots) {
            for (TreeIterator<EObject> it = root.eAllContents(); it.hasNext();) {
                EObject object = it.next();
                if (object instanceof RawValue value && value.getOrganisation() == null) {
                    throw new IllegalStateException("raw value without school");
                }
                n++;
            }
        }
        return n;
    }

    /** The CPU time of the last {@link #time} (s): all threads of this JVM, the in-process server's too. */
    private static double lastCpu;

    /** The CPU time this JVM used so far (ns), from the platform's operating-system bean; 0 if it does not tell. */
    private static long processCpu() {
        try {
            Object value = java.lang.management.ManagementFactory.getPlatformMBeanServer().getAttribute(
                    new javax.management.ObjectName("java.lang:type=OperatingSystem"), "ProcessCpuTime");
            return value instanceof Long nanos ? nanos : 0;
        } catch (javax.management.JMException e) {
            return 0;
        }
    }

    private static double time(String what, Callable<?> action) throws Exception {
        long cpu = processCpu();
        long start = System.nanoTime();
        Object result = action.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        lastCpu = (processCpu() - cpu) / 1e9;
        System.out.printf(Locale.ROOT, "%-62s %7.2f s (%6.2f s CPU)%s%n", what, seconds, lastCpu,
                result instanceof Integer n ? String.format(Locale.ROOT, "  (%,d objects)", n) : "");
        return seconds;
    }
}
