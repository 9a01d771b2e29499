package oko.exchange.bench;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;

import oko.exchange.ImportSession;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.registers.OrganisationRegister;
import oko.model.AttributeDefinition;
import oko.model.AttributeType;
import oko.model.Cluster;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Territory;
import oko.repository.OkoRepository;

/**
 * The imports' figures (releng/bench.sh import): a register of 2,000 organisations (CSV and XLSX,
 * 15 columns with clusters, territory, parent, head and three attributes) read, checked, applied
 * and committed into an embedded repository — each run into a fresh model of the same repository,
 * so every run creates 2,000 organisations; 2 warm-up runs, then the median of 5 (goal: under 2 s
 * warm) — and the same file again into a filled model (everything compared, nothing changes).
 * Prints, asserts nothing. The DOCX function table's figures come from
 * {@code oko.exchange.tests.FunctionTableBench}, run by the same bench.sh case after this one.
 */
public final class ImportBenchmark {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final int ORGANISATIONS = Integer.getInteger("oko.bench.organisations", 2000);
    private static final int WARM_UP = 2;
    private static final int RUNS = 5;
    private static final String[] HEADER = { "Код", "Полное наименование", "Краткое наименование", "Тип", "Кластер",
            "Территория", "Головная организация", "Обучающихся", "Педагогов", "Руководитель", "Сайт", "Адрес",
            "малокомплектная", "удалённая", "вакансий" };

    private ImportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        Path dir = Files.createTempDirectory("oko-bench-import-");
        try {
            List<List<Object>> rows = register();
            Path csv = writeCsv(dir.resolve("register.csv"), rows);
            Path xlsx = writeXlsx(dir.resolve("register.xlsx"), rows);
            System.out.printf(Locale.ROOT, "register of %,d organisations: CSV %.0f KB, XLSX %.0f KB%n", ORGANISATIONS,
                    Files.size(csv) / 1e3, Files.size(xlsx) / 1e3);
            try (OkoRepository repository = OkoRepository.openEmbedded(dir.resolve("data"), "bench", line -> { })) {
                int[] models = { 0 };
                for (Path file : List.of(csv, xlsx)) {
                    List<double[]> times = new ArrayList<>();
                    String code = null;
                    for (int run = 1; run <= WARM_UP + RUNS; run++) {
                        code = "bench-" + ++models[0];
                        model(repository, code);
                        double[] t = importOnce(repository, code, file, true);
                        System.out.printf(Locale.ROOT, "%s run %d%s: prepare %.0f ms, apply %.0f ms, commit %.0f ms, total %.0f ms%n",
                                file.getFileName(), run, run <= WARM_UP ? " (warm-up)" : "", t[0], t[1], t[2], t[3]);
                        if (run > WARM_UP) {
                            times.add(t);
                        }
                    }
                    times.sort(Comparator.comparingDouble(t -> t[3]));
                    double[] median = times.get(times.size() / 2);
                    System.out.printf(Locale.ROOT, "%s: %,d organisations created, warm median %.0f ms "
                            + "(prepare %.0f, apply %.0f, commit %.0f; best %.0f ms; goal < 2000 ms)%n", file.getFileName(),
                            ORGANISATIONS, median[3], median[0], median[1], median[2], times.get(0)[3]);
                    double[] again = importOnce(repository, code, file, false);
                    System.out.printf(Locale.ROOT, "%s again into the filled model (0 created, 0 updated): prepare %.0f ms%n",
                            file.getFileName(), again[0]);
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }


    /** prepare, apply, commit and their total in ms; without commit only prepare is run (and checked). */
    private static double[] importOnce(OkoRepository repository, String system, Path file, boolean commit)
            throws Exception {
        OrganisationRegister register = new OrganisationRegister();
        try (ImportSession session = ImportSession.open(repository, system)) {
            long t0 = System.nanoTime();
            ModelImport.Prepared prepared = session.prepare(register, file, ImportSettings.DEFAULT,
                    new NullProgressMonitor());
            long t1 = System.nanoTime();
            if (prepared.report().hasErrors()) {
                throw new IllegalStateException(String.join("\n", prepared.report().lines()));
            }
            int created = prepared.report().created(oko.exchange.Messages.classOrganisations, false);
            int updated = prepared.report().created(oko.exchange.Messages.classOrganisations, true);
            if (!commit) {
                if (created + updated != 0) {
                    throw new IllegalStateException("again: " + prepared.report().lines());
                }
                return new double[] { (t1 - t0) / 1e6, 0, 0, (t1 - t0) / 1e6 };
            }
            if (created != ORGANISATIONS) {
                throw new IllegalStateException("created " + created + ": " + prepared.report().lines());
            }
            List<?> objects = prepared.apply();
            long t2 = System.nanoTime();
            repository.commit(session.transaction(), "bench", new NullProgressMonitor());
            long t3 = System.nanoTime();
            if (objects.size() != ORGANISATIONS) {
                throw new IllegalStateException("applied " + objects.size());
            }
            return new double[] { (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t3 - t0) / 1e6 };
        }
    }

    /** A model of its own: a district, 5 clusters, the authority, three attribute definitions, a system. */
    private static void model(OkoRepository repository, String code) {
        CDOTransaction t = repository.openTransaction();
        try {
            ModelRoot root = OkoRepository.newModel(t, code, code);
            Territory district = F.createTerritory();
            district.setCode("d");
            district.setName("МР Бенчмарк");
            root.getTerritories().add(district);
            for (int c = 0; c < 5; c++) {
                Cluster cluster = F.createCluster();
                cluster.setCode("c" + c);
                cluster.setName("Кластер " + c);
                root.getClusters().add(cluster);
            }
            Period period = F.createPeriod();
            period.setCode("2024");
            root.getPeriods().add(period);
            root.getAttributeDefinitions().add(definition("small_school", "малокомплектная школа (да/нет)", AttributeType.BOOLEAN));
            root.getAttributeDefinitions().add(definition("remote", "удалённая", AttributeType.BOOLEAN));
            root.getAttributeDefinitions().add(definition("vacancies", "вакансий", AttributeType.INTEGER));
            Organisation authority = F.createOrganisation();
            authority.setCode("uo");
            authority.setName("Управление образования");
            authority.setKind(OrganisationKind.AUTHORITY);
            root.getOrganisations().add(authority);
            QualitySystem system = F.createQualitySystem();
            system.setCode(code);
            system.setLevel(Level.MUNICIPALITY);
            root.getQualitySystems().add(system);
            repository.commit(t, "model " + code, new NullProgressMonitor());
        } finally {
            t.close();
        }
    }

    private static AttributeDefinition definition(String code, String name, AttributeType type) {
        AttributeDefinition definition = F.createAttributeDefinition();
        definition.setCode(code);
        definition.setName(name);
        definition.setType(type);
        return definition;
    }

    /** 2,000 schools: every tenth a parent of the next nine, a head per school (created), clusters in turn. */
    private static List<List<Object>> register() {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < ORGANISATIONS; i++) {
            String parent = i % 10 == 0 ? "uo" : "s" + (i - i % 10);
            rows.add(List.of("s" + i, "МБОУ «Средняя общеобразовательная школа № " + i + "»", "СОШ № " + i,
                    i % 50 == 0 ? "Организация дополнительного образования" : "ОО", "Кластер " + i % 5, "МР Бенчмарк",
                    parent, 100 + i % 900, 10 + i % 60, "Директоров" + i + " Иван Петрович",
                    "https://s" + i + ".example.org", "ул. Школьная, " + i, i % 3 == 0 ? "да" : "нет",
                    i % 7 == 0 ? "да" : "нет", i % 4));
        }
        return rows;
    }

    private static Path writeCsv(Path file, List<List<Object>> rows) throws Exception {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(String.join(";", HEADER));
            out.write("\r\n");
            for (List<Object> row : rows) {
                List<String> cells = new ArrayList<>();
                for (Object cell : row) {
                    String text = cell.toString();
                    cells.add(text.contains(";") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text);
                }
                out.write(String.join(";", cells));
                out.write("\r\n");
            }
        }
        return file;
    }

    private static Path writeXlsx(Path file, List<List<Object>> rows) throws Exception {
        if (System.getProperty("log4j2.loggerContextFactory") == null) {
            System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("Реестр");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
        }
        return file;
    }
}
