package oko.reports.bench;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

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
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * Benchmark (not a test), run by {@code releng/bench.sh reports} inside the product's OSGi
 * platform: the BIRT engine's start, then the shipped monitoring report (table, cluster medians
 * and means, risk highlights, bar chart) for 1,000 generated schools in 5 clusters to PDF and HTML,
 * 8 runs each; the median of runs 4–8 is the warm figure (the first run includes BIRT's lazy start
 * of its data engine, fonts and emitters). Goal: PDF under 3 s warm.
 * {@code -Doko.bench.schools=N} changes the number of schools.
 */
public final class ReportsBenchmark implements IApplication {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        int schools = Integer.getInteger("oko.bench.schools", 1000);
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<QualitySystem> model = List.of(model(schools));
        List<Layout> catalogue = new ArrayList<>();
        time("BIRT engine start and the catalogue (every shipped design opened)", () -> {
            catalogue.addAll(Reports.catalogue(null));
            return null;
        });
        Layout layout = catalogue.stream().filter(l -> l.id().equals("monitoring")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the monitoring layout is not in the catalogue"));
        Map<String, String> parameters = Map.of("indicator", "I1", "period", "2024");
        Path images = Files.createTempDirectory("oko-bench-images");
        for (Format format : List.of(Format.PDF, Format.HTML)) {
            List<Double> times = new ArrayList<>();
            for (int run = 1; run <= 8; run++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                times.add(time(String.format(Locale.ROOT, "monitoring report, %,d schools, %s, run %d", schools, format, run), () -> {
                    Reports.render(layout, format, parameters, model, out, images);
                    return out.size();
                }));
            }
            List<Double> warm = new ArrayList<>(times.subList(3, 8));
            warm.sort(null);
            System.out.printf(Locale.ROOT, "%s, warm (runs 4-8): median %.0f ms, best %.0f ms%s%n", format, warm.get(2),
                    warm.get(0), format == Format.PDF ? " (goal < 3000 ms)" : "");
        }
        // the last PDF, for a look (releng/bench.sh prints its number of pages)
        try (var out = Files.newOutputStream(Path.of(System.getProperty("java.io.tmpdir"), "oko-bench-oko.reports.bench.pdf"))) {
            Reports.render(layout, Format.PDF, parameters, model, out, images);
        }
        try (var files = Files.walk(images)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return IApplication.EXIT_OK;
    }

    @Override
    public void stop() {
    }

    /** One indicator (a share) over two periods for every school, and a risk group on it. */
    private static QualitySystem model(int count) {
        Random random = new Random(42);
        ModelRoot root = F.createModelRoot();
        QualitySystem system = F.createQualitySystem();
        system.setCode("bench");
        system.setName("Бенчмарк");
        root.getQualitySystems().add(system);
        List<Cluster> clusters = new ArrayList<>();
        for (int c = 0; c < 5; c++) {
            Cluster cluster = F.createCluster();
            cluster.setCode("c" + c);
            cluster.setName("Кластер " + (c + 1));
            root.getClusters().add(cluster);
            clusters.add(cluster);
        }
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("M");
        system.getMonitorings().add(monitoring);
        for (int i = 0; i < 2; i++) {
            for (String part : List.of("a", "b")) {
                DataElement element = F.createDataElement();
                element.setCode("m" + i + part);
                system.getDataElements().add(element);
            }
            Indicator indicator = F.createIndicator();
            indicator.setCode("I" + i);
            indicator.setName("Доля обучающихся, показатель " + i);
            indicator.setFormula("share(m" + i + "a, m" + i + "b)");
            indicator.setHigherIsBetter(true);
            system.getIndicators().add(indicator);
            monitoring.getIndicators().add(indicator);
        }
        RiskGroup low = F.createRiskGroup();
        low.setCode("ШНОР");
        low.getIndicators().add(system.getIndicators().get(1));
        system.getRiskGroups().add(low);
        List<Organisation> schools = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            Organisation school = F.createOrganisation();
            school.setCode("S" + s);
            school.setName("МБОУ СОШ № " + (s + 1));
            school.setCluster(clusters.get(s % clusters.size()));
            root.getOrganisations().add(school);
            schools.add(school);
        }
        Period previous = null;
        for (String code : List.of("2023", "2024")) {
            Period period = F.createPeriod();
            period.setCode(code);
            period.setName(code + " год");
            period.setPrevious(previous);
            root.getPeriods().add(period);
            previous = period;
            MonitoringRun run = F.createMonitoringRun();
            run.setPeriod(period);
            monitoring.getRuns().add(run);
            for (Organisation school : schools) {
                for (int i = 0; i < 2; i++) {
                    double total = 20 + random.nextInt(80);
                    run.getRawValues().add(raw(school, "m" + i + "a", random.nextInt((int) total + 1)));
                    run.getRawValues().add(raw(school, "m" + i + "b", total));
                }
            }
        }
        return system;
    }

    private static RawValue raw(Organisation school, String code, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(school);
        raw.setCode(code);
        raw.setValue(value);
        return raw;
    }

    private static double time(String what, Callable<?> action) throws Exception {
        long start = System.nanoTime();
        Object result = action.call();
        double millis = (System.nanoTime() - start) / 1e6;
        System.out.printf(Locale.ROOT, "%-72s %8.0f ms%s%n", what, millis,
                result instanceof Integer n ? String.format(Locale.ROOT, "  (%,d bytes)", n) : "");
        return millis;
    }
}
