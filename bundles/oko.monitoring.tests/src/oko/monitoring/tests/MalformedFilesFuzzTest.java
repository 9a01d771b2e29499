package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.RawValueImport;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.ImportException;
import oko.repository.exchange.SampleModel;
import oko.repository.exchange.XmiImporter;

/**
 * Issue 25: 200 malformed CSV, XLSX and XMI files, generated from a fixed seed (truncated files,
 * wrong headers, bad numbers, NaN, negative counts, flags that are not 0/1, unknown or foreign
 * schools, the authority, duplicate rows and ids, broken XML, wrong encodings, formulas with
 * errors…), each imported into an embedded repository holding the sample as the commands do: each
 * is refused with a message naming the file and the line (or cell), and the repository is
 * unchanged (no commit, the same raw values and objects).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedFilesFuzzTest {

    private static final int FILES = 200;
    private static final String[] SCHOOLS = { "ИШМ-01", "ИШМ-02", "ИШМ-03", "ИШМ-04", "ИШМ-05", "ИШМ-06" };
    /** Measures of the sample's municipal system with their kinds. */
    private static final String[] COUNTS = { "ege_graduates", "ege_high_scorers", "students_total" };
    private static final String FLAG = "accreditation_suspended";

    private Path temp;

    private OkoServer server;
    private OkoRepository repository;

    @BeforeAll
    void openWithSample() throws Exception {
        temp = Files.createTempDirectory("oko-fuzz");
        server = OkoServer.start(new StoreConfig.H2(temp.resolve("store")), line -> { });
        repository = OkoRepository.connect(server, "fuzz");
        java.nio.file.Path samples = java.nio.file.Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal",
                "samples").toAbsolutePath().normalize();
        SampleModel.load(repository, List.of(URI.createFileURI(samples.resolve("seeds.xmi").toString()),
                URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString())), false,
                new NullProgressMonitor());
    }

    @AfterAll
    void close() throws Exception {
        repository.close();
        server.close();
        try (var files = Files.walk(temp)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** A generated file and what its refusal must name besides the file: a line or a cell. */
    private record Case(String name, byte[] bytes, String place) {
    }

    private record State(int objects, int rawValues, long lastCommit) {
    }

    private State state() {
        CDOView view = repository.openView();
        try {
            List<EObject> roots = OkoRepository.roots(view);
            int[] raw = { 0 };
            for (EObject root : roots) {
                root.eAllContents().forEachRemaining(o -> raw[0] += o instanceof RawValue ? 1 : 0);
            }
            return new State(OkoRepository.count(roots), raw[0],
                    repository.session().getCommitInfoManager().getLastCommit());
        } finally {
            view.close();
        }
    }

    @Test
    void everyMalformedFileIsRefusedNamingFileAndPlaceAndNothingChanges() throws Exception {
        State before = state();
        assertTrue(before.rawValues() > 100, "the sample's values are there: " + before);
        Random random = new Random(25);
        List<Function<Integer, Case>> generators = List.of(
                i -> csvWithBadValue(random, i, () -> pick(random, "много", "1..2", "12a", "0x10", "1e", "--1", "5d",
                        "∞", "1 000,5,1")),
                i -> csvWithBadValue(random, i, () -> pick(random, "NaN", "nan", "Infinity", "-Infinity", "+Inf",
                        "1e999")),
                i -> csvWithBadValue(random, i, () -> "-" + (1 + random.nextInt(500))),
                i -> csvWithBadValue(random, i, () -> (random.nextInt(50)) + "," + (1 + random.nextInt(9))),
                i -> csvWithBadFlag(random, i),
                i -> csvWithBadSchool(random, i),
                i -> csvWithWrongHeader(random, i),
                i -> csvTruncated(random, i),
                i -> csvInAnotherEncoding(random, i),
                i -> csvWithDuplicate(random, i),
                i -> xlsxWithFormulaError(random, i),
                i -> xlsxWithBadCell(random, i),
                i -> xlsxBroken(random, i),
                i -> xmiTruncated(random, i),
                i -> xmiWithDuplicateId(random, i),
                i -> xmiWithBadValue(random, i));
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < FILES; i++) {
            Case c = generators.get(i % generators.size()).apply(i);
            Path file = temp.resolve(c.name());
            Files.write(file, c.bytes());
            List<String> problems = importFile(file);
            String text = String.join("\n", problems);
            if (problems.isEmpty()) {
                failures.add(c.name() + ": accepted");
            } else if (!text.contains(c.name()) || c.place() != null && !java.util.regex.Pattern
                    .compile(c.place().replace("строка ", "(строка|line) ") + "(?!\\d)").matcher(text).find()) {
                failures.add(c.name() + ": the problems do not name " + c.name() + " and «" + c.place() + "»:\n  "
                        + text.replace("\n", "\n  "));
            }
            long lastCommit = repository.session().getCommitInfoManager().getLastCommit();
            if (lastCommit != before.lastCommit()) {
                failures.add(c.name() + ": something was committed");
                break;
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("MalformedFilesFuzzTest: " + FILES + " files in " + millis + " ms");
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertEquals(before, state(), "the repository changed");
    }

    /** What {@code ./oko monitor import} or {@code ./oko import} does with the file; the problems, empty when stored. */
    private List<String> importFile(Path file) throws Exception {
        String name = file.getFileName().toString();
        if (name.endsWith(".xmi")) {
            try {
                XmiImporter.importFiles(repository, List.of(URI.createFileURI(file.toString())), false, "fuzz",
                        new NullProgressMonitor());
                return List.of();
            } catch (ImportException e) {
                return e.problems();
            }
        }
        CDOTransaction transaction = repository.openTransaction();
        try {
            List<EObject> roots = OkoRepository.roots(transaction);
            Period period = roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                    .flatMap(r -> r.getPeriods().stream()).filter(p -> "2023".equals(p.getCode())).findFirst()
                    .orElseThrow();
            QualitySystem system = RawValueImport.targets(roots, period).get(0);
            RawValueImport.Checked checked = RawValueImport.check(file, null, system, period);
            if (!checked.ok()) {
                return checked.problems();
            }
            RawValueImport.storeAll(system, period, checked.rows());
            repository.commit(transaction, "fuzz", new NullProgressMonitor());
            return List.of();
        } finally {
            transaction.close();
        }
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String school(Random random) {
        return SCHOOLS[random.nextInt(SCHOOLS.length)];
    }

    /** Good long-form rows (distinct school and measure) from line 2 on. */
    private static List<String> goodRows(Random random, int count) {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            rows.add(SCHOOLS[r % SCHOOLS.length] + ";" + COUNTS[r / SCHOOLS.length % COUNTS.length] + ";"
                    + random.nextInt(200));
        }
        return rows;
    }

    /** A CSV whose one bad row is at a random line; the place is that line. */
    private static Case csv(String name, List<String> rows, String bad, Random random, String header) {
        int at = random.nextInt(rows.size() + 1);
        rows.add(at, bad);
        String text = header + "\n" + String.join("\n", rows) + (random.nextBoolean() ? "\n" : "");
        return new Case(name, text.getBytes(StandardCharsets.UTF_8), "строка " + (at + 2));
    }

    private Case csvWithBadValue(Random random, int i, java.util.function.Supplier<String> value) {
        // a school and measure not among the good rows (which use the first three measures only up to 18 rows)
        List<String> rows = goodRows(random, random.nextInt(12));
        String bad = "ИШМ-12;" + COUNTS[random.nextInt(COUNTS.length)] + ";" + value.get();
        return csv("values-" + i + ".csv", rows, bad, random, "school;measure;value");
    }

    private Case csvWithBadFlag(Random random, int i) {
        List<String> rows = goodRows(random, random.nextInt(12));
        String bad = "ИШМ-11;" + FLAG + ";" + pick(random, "2", "-1", "0,5", "может быть", "10");
        return csv("flags-" + i + ".csv", rows, bad, random, "школа;показатель;значение");
    }

    private Case csvWithBadSchool(Random random, int i) {
        List<String> rows = goodRows(random, random.nextInt(12));
        String bad = pick(random, "ИШМ-77", "ishimbay-uo", "chel-sosh51", "krg-ono", "", "ИШМ-1") + ";"
                + COUNTS[0] + ";5";
        return csv("schools-" + i + ".csv", rows, bad, random, "school;measure;value");
    }

    private Case csvWithWrongHeader(Random random, int i) {
        String header = pick(random, "schol;measure;value", "school;measure", "school;measure;valeu", "",
                "код;показатель;значение", "school;ege_graduates;nonsense_measure");
        List<String> rows = goodRows(random, 1 + random.nextInt(5));
        String text = header + "\n" + String.join("\n", rows) + "\n";
        return new Case("header-" + i + ".csv", text.getBytes(StandardCharsets.UTF_8), "строка 1");
    }

    private Case csvTruncated(Random random, int i) {
        List<String> rows = goodRows(random, 2 + random.nextInt(10));
        String last = rows.get(rows.size() - 1);
        // cut inside the last row, before its value is complete: «ИШМ-0» or «ИШМ-01;ege_gr» or «ИШМ-01;ege_graduates;»
        String cut = last.substring(0, 1 + random.nextInt(last.lastIndexOf(';') + 1));
        rows.set(rows.size() - 1, cut);
        String text = "school;measure;value\n" + String.join("\n", rows);
        return new Case("truncated-" + i + ".csv", text.getBytes(StandardCharsets.UTF_8), "строка " + (rows.size() + 1));
    }

    private Case csvInAnotherEncoding(Random random, int i) {
        Charset charset = Charset.forName(pick(random, "UTF-16LE", "UTF-16BE", "KOI8-R", "IBM866"));
        String text = "Школа;Показатель;Значение\n" + String.join("\n", goodRows(random, 3)) + "\n";
        return new Case("encoding-" + i + ".csv", text.getBytes(charset), "строка 1");
    }

    private Case csvWithDuplicate(Random random, int i) {
        List<String> rows = goodRows(random, 1 + random.nextInt(12));
        String again = rows.get(random.nextInt(rows.size()));
        rows.add(again);
        String text = "school;measure;value\n" + String.join("\n", rows) + "\n";
        return new Case("duplicate-" + i + ".csv", text.getBytes(StandardCharsets.UTF_8), "строка " + (rows.size() + 1));
    }

    private static byte[] workbook(List<Object[]> rows) {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Лист1");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    Object value = rows.get(r)[c];
                    if (value instanceof Double number) {
                        row.createCell(c).setCellValue(number);
                    } else if (value instanceof String text && text.startsWith("=")) {
                        row.createCell(c).setCellFormula(text.substring(1));
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Object[]> sheetRows(Random random, int count) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] { "Школа", "Показатель", "Значение" });
        for (int r = 0; r < count; r++) {
            rows.add(new Object[] { SCHOOLS[r % SCHOOLS.length], COUNTS[r / SCHOOLS.length % COUNTS.length],
                    (double) random.nextInt(200) });
        }
        return rows;
    }

    private Case xlsxWithFormulaError(Random random, int i) {
        List<Object[]> rows = sheetRows(random, random.nextInt(10));
        int at = 1 + random.nextInt(rows.size());
        rows.add(at, new Object[] { "ИШМ-12", COUNTS[0], pick(random, "=1/0", "=SQRT(-1)", "=NA()", "=0/0",
                "=LN(0)", "=\"a\"+1") });
        return new Case("formula-" + i + ".xlsx", workbook(rows), "C" + (at + 1));
    }

    private Case xlsxWithBadCell(Random random, int i) {
        List<Object[]> rows = sheetRows(random, random.nextInt(10));
        int at = 1 + random.nextInt(rows.size());
        Object value = switch (random.nextInt(4)) {
        case 0 -> "NaN";
        case 1 -> -1.0 - random.nextInt(100);
        case 2 -> 2.5;
        default -> "пять";
        };
        rows.add(at, new Object[] { "ИШМ-12", COUNTS[1], value });
        return new Case("cell-" + i + ".xlsx", workbook(rows), "строка " + (at + 1));
    }

    private Case xlsxBroken(Random random, int i) {
        byte[] good = workbook(sheetRows(random, 5));
        byte[] bytes = random.nextBoolean() ? Arrays.copyOf(good, 1 + random.nextInt(good.length / 2))
                : "school;measure;value\nИШМ-01;ege_graduates;5\n".getBytes(StandardCharsets.UTF_8);
        // a broken container has no rows: the file name is the place
        return new Case("broken-" + i + ".xlsx", bytes, null);
    }

    private static String xmi(String organisations, String values) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<oko:ModelRoot xmi:version=\"2.0\" xmlns:xmi=\"http://www.omg.org/XMI\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:oko=\"http://oko.dev/model/1.0\""
                + " xmi:id=\"fz-root\" name=\"fuzz\">\n" // line 2
                + "  <territories xmi:id=\"fz-t\" name=\"Район\"/>\n" // 3
                + organisations // from line 4
                + "  <periods xmi:id=\"fz-p\" code=\"fz-2023\"/>\n"
                + "  <qualitySystems xmi:id=\"fz-qs\" code=\"fz-sys\" territory=\"fz-t\">\n"
                + "    <dataElements xmi:id=\"fz-de\" code=\"fz-count\" valueKind=\"COUNT\"/>\n"
                + "    <monitorings xmi:id=\"fz-m\" code=\"fz-m\">\n"
                + "      <runs xmi:id=\"fz-r\" period=\"fz-p\">\n" + values
                + "      </runs>\n    </monitorings>\n  </qualitySystems>\n</oko:ModelRoot>\n";
    }

    private static String organisations(int count) {
        StringBuilder text = new StringBuilder();
        for (int o = 0; o < count; o++) {
            text.append("  <organisations xmi:id=\"fz-o").append(o).append("\" code=\"fz-").append(o)
                    .append("\" kind=\"SCHOOL\" territory=\"fz-t\"/>\n");
        }
        return text.toString();
    }

    private static String values(int count) {
        StringBuilder text = new StringBuilder();
        for (int v = 0; v < count; v++) {
            text.append("        <rawValues xmi:id=\"fz-v").append(v).append("\" organisation=\"fz-o").append(v)
                    .append("\" code=\"fz-count\" element=\"fz-de\" value=\"").append(v).append("\"/>\n");
        }
        return text.toString();
    }

    private Case xmiTruncated(Random random, int i) {
        int count = 2 + random.nextInt(6);
        String text = xmi(organisations(count), values(count));
        // cut after the root's start tag: the document ends inside an element
        int from = text.indexOf("<territories");
        String cut = text.substring(0, from + random.nextInt(text.length() - from - 20));
        int lines = (int) cut.chars().filter(ch -> ch == '\n').count() + 1;
        return new Case("truncated-" + i + ".xmi", cut.getBytes(StandardCharsets.UTF_8), "строка " + lines);
    }

    private Case xmiWithDuplicateId(Random random, int i) {
        int count = 2 + random.nextInt(6);
        List<String> orgs = new ArrayList<>(Arrays.asList(organisations(count).split("(?<=\n)")));
        int taken = random.nextInt(count);
        int at = random.nextInt(orgs.size() + 1);
        // an element nobody refers to takes the id of one the values refer to
        orgs.add(at, "  <organisations xmi:id=\"fz-o" + taken + "\" code=\"fz-dup\" kind=\"OTHER\"/>\n");
        String text = xmi(String.join("", orgs), values(count));
        int line = 4 + Math.max(at, taken + (taken >= at ? 1 : 0));
        return new Case("duplicate-" + i + ".xmi", text.getBytes(StandardCharsets.UTF_8), "строка " + line);
    }

    private Case xmiWithBadValue(Random random, int i) {
        int count = 2 + random.nextInt(6);
        String values = values(count);
        List<String> lines = new ArrayList<>(Arrays.asList(values.split("(?<=\n)")));
        int at = random.nextInt(lines.size());
        lines.set(at, lines.get(at).replaceFirst("value=\"\\d+\"", "value=\"" + pick(random, "abc", "1,5", "") + "\"")
                .replaceFirst(random.nextBoolean() ? "code=" : "xmi:id=", random.nextBoolean() ? "colour=\"red\" code=" : "xmi:id="));
        String text = xmi(organisations(count), String.join("", lines));
        // the rawValues lines follow the header (3 lines), the organisations and 5 lines of the system
        int line = 3 + count + 5 + at + 1;
        return new Case("badvalue-" + i + ".xmi", text.getBytes(StandardCharsets.UTF_8), "строка " + line);
    }

    @Test
    void theGeneratedFilesAreTheSameEveryRun() {
        Random first = new Random(25);
        Random second = new Random(25);
        assertTrue(Arrays.equals(csvWithBadFlag(first, 1).bytes(), csvWithBadFlag(second, 1).bytes()));
        assertTrue(Arrays.equals(xmiWithDuplicateId(first, 2).bytes(), xmiWithDuplicateId(second, 2).bytes()));
        assertEquals(xlsxWithFormulaError(first, 3).place(), xlsxWithFormulaError(second, 3).place(),
                "a workbook's cells are the same every time (its bytes hold the time it was written)");
    }
}
