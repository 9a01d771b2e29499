package oko.monitoring;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import oko.core.formula.Expression;
import oko.core.formula.FormulaEvaluator;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
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

/**
 * Imports raw monitoring values from CSV or XLSX (the first sheet), in long form (columns school,
 * [period,] measure, value) or wide form (a school column, then one column per measure). CSV is
 * UTF-8 (with or without BOM) or Windows-1251, separated by ";", "," or tab (taken from the
 * header); values have a decimal comma or point (in XLSX also number cells).
 * Everything is checked first; with any bad row nothing is stored, and every problem names the
 * file, the line and the reason.
 */
public final class RawValueImport {

    public enum Layout {
        LONG, WIDE
    }

    /** One checked value. */
    public record Row(int line, Organisation school, DataElement measure, double value) {
    }

    /**
     * What a check found: the rows when there are no problems, the encoding read and the layout
     * taken (detected from the header unless one was asked for).
     */
    public record Checked(List<Row> rows, List<String> problems, String encoding, Layout layout, int problemCount) {

        public Checked(List<Row> rows, List<String> problems, String encoding, Layout layout) {
            this(rows, problems, encoding, layout, problems.size());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** At most this many problems are listed (then a line with the total); a million bad rows print 101 lines. */
    public static final int MAX_PROBLEMS = 100;

    /** Problems as they are found: the first {@link #MAX_PROBLEMS} kept, the rest counted. */
    private static final class Problems {
        final List<String> shown = new ArrayList<>();
        int count;

        void add(String problem) {
            if (count++ < MAX_PROBLEMS) {
                shown.add(problem);
            }
        }

        boolean isEmpty() {
            return count == 0;
        }

        List<String> list() {
            List<String> list = new ArrayList<>(shown);
            if (count > shown.size()) {
                list.add(Messages.bind(Messages.importMoreProblems, new Object[] { count - shown.size(), count,
                        shown.size() }));
            }
            return list;
        }
    }

    /**
     * What {@link #storeAll} did: values stored, how many of them replaced a value already stored
     * for the same school and measure, and the runs written to (in the order first written).
     */
    public record Stored(int values, int replaced, List<MonitoringRun> runs) {
    }

    private static final Set<String> SCHOOL = Set.of("school", "школа", "оо", "код оо", "код школы");
    private static final Set<String> PERIOD = Set.of("period", "период");
    private static final Set<String> MEASURE = Set.of("measure", "показатель", "код показателя");
    private static final Set<String> VALUE = Set.of("value", "значение");

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";

    private RawValueImport() {
    }

    /**
     * Reads and checks a file (CSV, or XLSX by its name) against the system's schools and measures;
     * {@code layout} null detects long or wide form from the header ({@link #detect}).
     */
    public static Checked check(Path file, Layout layout, QualitySystem system, Period period) throws IOException {
        String name = file.getFileName().toString();
        if (name.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return checkXlsx(file, layout, system, period);
        }
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                return new Checked(List.of(), List.of(Messages.bind(Messages.importUtf16, name)), "UTF-16?", layout);
            }
        }
        Charset charset = charset(bytes);
        String text = new String(bytes, charset);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return check(name, text, charset, layout, system, period);
    }

    static Charset charset(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return Charset.forName("windows-1251");
        }
    }

    /** A row of a table read from a file: its line (CSV) or row number (sheet), and its cells. */
    private record TableRow(int line, List<String> cells) {
        String get(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column).strip() : "";
        }
    }

    static Checked check(String fileName, String text, Charset charset, Layout layout, QualitySystem system,
            Period period) throws IOException {
        if (!text.endsWith("\n")) {
            text = text + "\n"; // so that the parser's line count is the line of the record just read
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.contains(";") ? ';' : firstLine.contains("\t") ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> header = parser.getHeaderNames();
            java.util.Iterator<CSVRecord> records = parser.iterator();
            Iterable<TableRow> rows = () -> new java.util.Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public TableRow next() {
                    CSVRecord record = records.next();
                    return new TableRow((int) parser.getCurrentLineNumber(), record.toList());
                }
            };
            return checkTable(fileName, header, rows, charset.name(), layout, system, period);
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
            return new Checked(List.of(), List.of(Messages.bind(Messages.importBadCsv, fileName, e.getMessage())),
                    charset.name(), layout);
        }
    }

    /** The first sheet of a workbook; the first row is the header, row numbers are the sheet's. */
    static Checked checkXlsx(Path file, Layout layout, QualitySystem system, Period period) throws IOException {
        if (System.getProperty(LOG4J_FACTORY) == null) {
            // POI logs through the Log4j API; without a provider it complains on stderr at first use
            System.setProperty(LOG4J_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        String fileName = file.getFileName().toString();
        List<TableRow> rows = new ArrayList<>();
        List<String> header = null;
        Problems cellProblems = new Problems();
        try (java.io.InputStream in = Files.newInputStream(file);
                org.apache.poi.ss.usermodel.Workbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getNumberOfSheets() == 0 ? null : workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.FormulaEvaluator evaluator = workbook.getCreationHelper()
                    .createFormulaEvaluator();
            if (sheet != null) {
                for (org.apache.poi.ss.usermodel.Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    boolean bad = false;
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        org.apache.poi.ss.usermodel.Cell cell = row.getCell(c);
                        String problem = formulaProblem(fileName, sheet, cell, evaluator);
                        if (problem != null) {
                            cellProblems.add(problem);
                            bad = true;
                            cells.add("");
                        } else {
                            cells.add(text(cell, evaluator));
                        }
                    }
                    if (bad || cells.stream().allMatch(String::isBlank)) {
                        continue; // a row with a formula that gives no value is reported, not checked further
                    }
                    if (header == null) {
                        header = cells;
                    } else {
                        rows.add(new TableRow(row.getRowNum() + 1, cells));
                    }
                }
            }
        } catch (RuntimeException | IOException e) {
            // POI reports a broken or foreign file with various unchecked exceptions
            return new Checked(List.of(), List.of(Messages.bind(Messages.importBadXlsx, fileName,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())), "XLSX", layout);
        }
        if (header == null && cellProblems.isEmpty()) {
            return new Checked(List.of(), List.of(Messages.bind(Messages.importNoColumn,
                    new Object[] { fileName, 1, "school / школа" })), "XLSX", layout);
        }
        if (!cellProblems.isEmpty()) {
            return new Checked(List.of(), cellProblems.list(), "XLSX", layout, cellProblems.count);
        }
        return checkTable(fileName, header, rows, "XLSX", layout, system, period);
    }

    /**
     * Why a formula cell gives no value (an error result such as {@code =1/0}, or a formula POI
     * cannot evaluate), or null: a formula is evaluated, never taken from a missing cached result.
     */
    private static String formulaProblem(String fileName, org.apache.poi.ss.usermodel.Sheet sheet,
            org.apache.poi.ss.usermodel.Cell cell, org.apache.poi.ss.usermodel.FormulaEvaluator evaluator) {
        if (cell == null || cell.getCellType() != org.apache.poi.ss.usermodel.CellType.FORMULA) {
            return null;
        }
        String reference = new org.apache.poi.ss.util.CellReference(cell).formatAsString(false);
        String formula;
        try {
            formula = cell.getCellFormula();
        } catch (RuntimeException e) {
            formula = "?";
        }
        try {
            org.apache.poi.ss.usermodel.CellValue value = evaluator.evaluate(cell);
            if (value != null && value.getCellType() == org.apache.poi.ss.usermodel.CellType.ERROR) {
                return Messages.bind(Messages.importFormulaError, new Object[] { fileName, sheet.getSheetName(),
                        reference, formula, org.apache.poi.ss.usermodel.FormulaError.forInt(value.getErrorValue())
                                .getString() });
            }
            return null;
        } catch (RuntimeException e) {
            // POI throws NotImplementedException, FormulaParseException and others for what it cannot evaluate
            return Messages.bind(Messages.importFormulaFailed, new Object[] { fileName, sheet.getSheetName(), reference,
                    formula, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage() });
        }
    }

    /**
     * A cell as text: numbers exactly, without an exponent or a trailing ".0"; formulas by their
     * value as POI's evaluator computes it ({@link #formulaProblem} has refused those without one).
     */
    private static String text(org.apache.poi.ss.usermodel.Cell cell,
            org.apache.poi.ss.usermodel.FormulaEvaluator evaluator) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
            org.apache.poi.ss.usermodel.CellValue value = evaluator.evaluate(cell);
            return value == null ? "" : switch (value.getCellType()) {
            case NUMERIC -> number(value.getNumberValue());
            case STRING -> value.getStringValue();
            case BOOLEAN -> value.getBooleanValue() ? "1" : "0";
            default -> "";
            };
        }
        return switch (cell.getCellType()) {
        case NUMERIC -> number(cell.getNumericCellValue());
        case STRING -> cell.getStringCellValue();
        case BOOLEAN -> cell.getBooleanCellValue() ? "1" : "0";
        case ERROR -> "#ERROR";
        default -> "";
        };
    }

    private static String number(double value) {
        return Double.isFinite(value) ? java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    private static Checked checkTable(String fileName, List<String> header, Iterable<TableRow> records,
            String encoding, Layout asked, QualitySystem system, Period period) {
        Layout layout = asked != null ? asked : detect(header);
        Problems problems = new Problems();
        List<Row> rows = new ArrayList<>();
        ValueCheck.Organisations organisations = new ValueCheck.Organisations(system);
        boolean sheet = "XLSX".equals(encoding);
        Map<String, Organisation> schools = schools(system);
        Map<String, DataElement> measures = new HashMap<>();
        system.getDataElements().forEach(e -> measures.put(e.getCode(), e));
        Set<String> seen = new HashSet<>();
        int schoolColumn = column(header, SCHOOL);
        if (schoolColumn < 0) {
            problems.add(Messages.bind(Messages.importNoColumn, new Object[] { fileName, 1, "school / школа" }));
            return failed(fileName, problems, encoding, layout, true);
        }
        int periodColumn = column(header, PERIOD);
        int measureColumn = column(header, MEASURE);
        int valueColumn = column(header, VALUE);
        if (layout == Layout.LONG && (measureColumn < 0 || valueColumn < 0)) {
            problems.add(Messages.bind(Messages.importNoColumn, new Object[] { fileName, 1,
                    measureColumn < 0 ? "measure / показатель" : "value / значение" }));
            return failed(fileName, problems, encoding, layout, true);
        }
        boolean unknownHeader = false;
        if (layout == Layout.WIDE) {
            for (int c = 0; c < header.size(); c++) {
                if (c != schoolColumn && c != periodColumn && !measures.containsKey(header.get(c).strip())) {
                    problems.add(Messages.bind(Messages.importUnknownMeasure,
                            new Object[] { fileName, 1, header.get(c) }));
                    unknownHeader |= looksGarbled(header.get(c));
                }
            }
        }
        boolean unknownNames = false;
        for (TableRow record : records) {
            int line = record.line();
            String schoolCode = record.get(schoolColumn);
            Organisation school = schools.get(schoolCode);
            if (school == null) {
                problems.add(Messages.bind(Messages.importUnknownSchool, new Object[] { fileName, line, schoolCode }));
                unknownNames |= looksGarbled(schoolCode);
                continue;
            }
            String periodCode = record.get(periodColumn);
            if (!periodCode.isEmpty() && !periodCode.equals(period.getCode())) {
                problems.add(Messages.bind(Messages.importOtherPeriod, new Object[] { fileName, line, periodCode,
                        period.getCode() }));
                continue;
            }
            if (layout == Layout.LONG) {
                String measureCode = record.get(measureColumn);
                DataElement measure = measures.get(measureCode);
                if (measure == null) {
                    problems.add(Messages.bind(Messages.importUnknownMeasure,
                            new Object[] { fileName, line, measureCode }));
                    unknownNames |= looksGarbled(measureCode);
                    continue;
                }
                if (organisation(problems, organisations, fileName, line, columnName(schoolColumn, sheet), school,
                        measure)) {
                    add(rows, problems, seen, fileName, line, columnName(valueColumn, sheet), school, measure,
                            record.get(valueColumn), true);
                }
            } else {
                for (int c = 0; c < header.size(); c++) {
                    DataElement measure = measures.get(header.get(c).strip());
                    if (c != schoolColumn && c != periodColumn && measure != null && !record.get(c).isEmpty()
                            && organisation(problems, organisations, fileName, line,
                                    columnName(schoolColumn, sheet), school, measure)) {
                        add(rows, problems, seen, fileName, line, columnName(c, sheet), school, measure,
                                record.get(c), false);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return failed(fileName, problems, encoding, layout, unknownNames || unknownHeader);
        }
        return new Checked(rows, List.of(), encoding, layout);
    }

    /**
     * A check that found problems; a CSV whose header or names were not recognised also gets a
     * line naming the encoding it was read in and the other one it may be in.
     */
    private static Checked failed(String fileName, Problems problems, String encoding, Layout layout,
            boolean namesNotFound) {
        List<String> list = problems.list();
        if (namesNotFound && !"XLSX".equals(encoding)) {
            list.add(Messages.bind(Messages.importEncodingHint, new Object[] { fileName, encoding,
                    "UTF-8".equals(encoding) ? "Windows-1251" : "UTF-8" }));
        }
        return new Checked(List.of(), list, encoding, layout, problems.count);
    }

    /**
     * UTF-8 Cyrillic read as Windows-1251 (the bytes D0/D1 become «Р»/«С» followed by a sign or a
     * rare letter: «РЁРєРѕР»Р°»), or a replacement character: names garbled by a wrong encoding.
     */
    private static final java.util.regex.Pattern GARBLED = java.util.regex.Pattern
            .compile("\uFFFD|[РС][\u0080-\u00BF\u0401-\u040F\u0451-\u045F\u0490\u0491\u2013-\u2122]");

    private static boolean looksGarbled(String text) {
        return GARBLED.matcher(text).find();
    }

    /** A column as the user sees it: its number in a CSV (1 is the first), its letter in a sheet. */
    private static String columnName(int column, boolean sheet) {
        return sheet ? org.apache.poi.ss.util.CellReference.convertNumToColString(column)
                : Integer.toString(column + 1);
    }

    /** Whether the system takes the organisation's value of the measure; if not, the problem is added. */
    private static boolean organisation(Problems problems, ValueCheck.Organisations organisations, String file,
            int line, String column, Organisation school, DataElement measure) {
        String problem = organisations.problem(school, measure);
        if (problem != null) {
            problems.add(Messages.bind(Messages.importBadOrganisation, new Object[] { file, line, column,
                    school.getCode(), problem }));
            return false;
        }
        return true;
    }

    private static void add(List<Row> rows, Problems problems, Set<String> seen, String file, int line,
            String column, Organisation school, DataElement measure, String text, boolean required) {
        if (text.isEmpty()) {
            if (required) {
                problems.add(Messages.bind(Messages.importEmptyValue, new Object[] { file, line, measure.getCode() }));
            }
            return;
        }
        Double parsed = ValueCheck.parse(text, measure);
        if (parsed == null) {
            String lower = text.strip().toLowerCase(Locale.ROOT);
            if (lower.contains("nan") || lower.contains("inf")) {
                problems.add(Messages.bind(Messages.importBadValue, new Object[] { file, line, column, text,
                        measure.getCode(), Messages.valueNotFinite }));
            } else {
                problems.add(Messages.bind(Messages.importBadNumber, new Object[] { file, line, text,
                        measure.getCode() }));
            }
            return;
        }
        double value = parsed;
        String wrong = ValueCheck.problem(measure, value);
        if (wrong != null) {
            problems.add(Messages.bind(Messages.importBadValue, new Object[] { file, line, column, text,
                    measure.getCode(), wrong }));
            return;
        }
        if (!seen.add(school.getCode() + "\u0000" + measure.getCode())) {
            problems.add(Messages.bind(Messages.importDuplicate, new Object[] { file, line, school.getCode(),
                    measure.getCode() }));
            return;
        }
        rows.add(new Row(line, school, measure, value));
    }

    /**
     * The layout a header announces: long form when it names a measure column or a value column
     * ({@code measure}/{@code показатель}, {@code value}/{@code значение}; a missing one of the two
     * is then reported), wide form (one column per measure code) otherwise.
     */
    public static Layout detect(List<String> header) {
        return column(header, MEASURE) >= 0 || column(header, VALUE) >= 0 ? Layout.LONG : Layout.WIDE;
    }

    private static int column(List<String> header, Set<String> names) {
        for (int i = 0; i < header.size(); i++) {
            if (names.contains(header.get(i).strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    /** Organisations by code, from every model root the system's resource set holds. */
    static Map<String, Organisation> schools(QualitySystem system) {
        Map<String, Organisation> schools = new LinkedHashMap<>();
        var resourceSet = system.eResource() == null ? null : system.eResource().getResourceSet();
        List<ModelRoot> roots = new ArrayList<>();
        if (resourceSet != null) {
            for (var resource : List.copyOf(resourceSet.getResources())) {
                for (var top : resource.getContents()) {
                    if (top instanceof ModelRoot root) {
                        roots.add(root);
                    }
                }
            }
        } else if (system.eContainer() instanceof ModelRoot root) {
            roots.add(root);
        }
        for (ModelRoot root : roots) {
            for (Organisation organisation : root.getOrganisations()) {
                schools.putIfAbsent(organisation.getCode(), organisation);
            }
        }
        return schools;
    }

    /**
     * The systems raw values for the period can be imported into, the first being the one to use
     * without asking: those whose monitorings have runs in the period (what the Monitoring view and
     * {@code monitor compute} show), otherwise those that define raw measures (data elements).
     */
    public static List<QualitySystem> targets(List<? extends org.eclipse.emf.ecore.EObject> roots, Period period) {
        List<QualitySystem> withRuns = MonitoringEngine.systemsWithRuns(roots, period);
        if (!withRuns.isEmpty()) {
            return withRuns;
        }
        List<QualitySystem> withMeasures = new ArrayList<>();
        for (var root : roots) {
            if (root instanceof ModelRoot model) {
                model.getQualitySystems().stream().filter(s -> !s.getDataElements().isEmpty())
                        .forEach(withMeasures::add);
            }
        }
        return withMeasures;
    }

    /** Stores checked rows as {@link #storeAll} does; returns the number of values stored. */
    public static int store(QualitySystem system, Period period, List<Row> rows) {
        return storeAll(system, period, rows).values();
    }

    /**
     * Stores checked rows for the system and period. A value already stored for the same school
     * and measure in any of the period's runs the computation reads ({@link MonitoringEngine#runs})
     * is replaced where it is, so the import is what the computation sees. Other values go into the
     * period's run of a monitoring whose indicators use the measure (one that already has a run in
     * the period first; the system's first monitoring, or a new «imported data» monitoring, when
     * none uses it); a missing run is created, dated today.
     */
    public static Stored storeAll(QualitySystem system, Period period, List<Row> rows) {
        Map<String, List<RawValue>> existing = new HashMap<>();
        for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
            for (RawValue v : run.getRawValues()) {
                if (v.getOrganisation() != null) {
                    existing.computeIfAbsent(key(v.getOrganisation(), code(v)), k -> new ArrayList<>()).add(v);
                }
            }
        }
        Set<MonitoringRun> written = new java.util.LinkedHashSet<>();
        Map<DataElement, MonitoringRun> runs = new HashMap<>();
        List<Monitoring> monitorings = MonitoringEngine.allMonitorings(system);
        int replaced = 0;
        for (Row row : rows) {
            String key = key(row.school(), row.measure().getCode());
            List<RawValue> values = existing.get(key);
            if (values != null) {
                replaced++;
            } else {
                MonitoringRun run = runs.computeIfAbsent(row.measure(),
                        measure -> run(period, monitoringFor(system, period, monitorings, measure)));
                RawValue value = OkoFactory.eINSTANCE.createRawValue();
                value.setOrganisation(row.school());
                value.setCode(row.measure().getCode());
                value.setElement(row.measure());
                run.getRawValues().add(value);
                values = new ArrayList<>(List.of(value));
                existing.put(key, values);
            }
            for (RawValue value : values) {
                value.setValue(row.value());
                value.setNoValue(false);
                value.setNoValueReason(null);
                written.add((MonitoringRun) value.eContainer());
            }
        }
        return new Stored(rows.size(), replaced, new ArrayList<>(written));
    }

    private static String key(Organisation school, String measure) {
        return school.getCode() + "\u0000" + measure;
    }

    private static String code(RawValue value) {
        return value.getCode() != null ? value.getCode()
                : value.getElement() != null ? value.getElement().getCode() : null;
    }

    private static Monitoring monitoringFor(QualitySystem system, Period period, List<Monitoring> monitorings,
            DataElement measure) {
        List<Monitoring> using = monitorings.stream()
                .filter(m -> m.getIndicators().stream().anyMatch(i -> uses(i, measure.getCode()))).toList();
        for (Monitoring monitoring : using) {
            if (monitoring.getRuns().stream().anyMatch(r -> r.getPeriod() == period)) {
                return monitoring;
            }
        }
        if (!using.isEmpty()) {
            return using.get(0);
        }
        if (monitorings.isEmpty()) {
            Monitoring monitoring = OkoFactory.eINSTANCE.createMonitoring();
            monitoring.setCode("import");
            monitoring.setName(Messages.importMonitoringName);
            system.getMonitorings().add(monitoring);
            monitorings.add(monitoring);
            return monitoring;
        }
        return monitorings.get(0);
    }

    private static boolean uses(Indicator indicator, String code) {
        if (indicator.getFormula() == null || indicator.getFormula().isBlank()) {
            return false;
        }
        try {
            for (Expression.Reference reference : FormulaEvaluator.references(FormulaParser.parse(indicator.getFormula()))) {
                if (!reference.indicator() && reference.name().equals(code)) {
                    return true;
                }
            }
        } catch (FormulaException e) {
            return false;
        }
        return false;
    }

    private static MonitoringRun run(Period period, Monitoring monitoring) {
        for (MonitoringRun run : monitoring.getRuns()) {
            if (run.getPeriod() == period) {
                return run;
            }
        }
        MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
        run.setPeriod(period);
        run.setDate(new java.util.Date());
        run.setName((monitoring.getName() == null ? monitoring.getCode() : monitoring.getName()) + ", "
                + (period.getName() == null ? period.getCode() : period.getName()));
        monitoring.getRuns().add(run);
        return run;
    }
}
