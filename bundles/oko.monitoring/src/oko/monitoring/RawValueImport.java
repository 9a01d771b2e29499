package oko.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * <p>
 * A file of any size is imported by {@link #importFile}: CSV is read as a stream, twice (a check
 * that keeps no rows, then the values are created one by one), so what the import holds besides
 * the new values is a few bytes per value (an XLSX workbook is still read whole by POI); {@link
 * #check} and {@link #storeAll} keep the checked rows in a list, for small files and callers that
 * show them first.
 */
public final class RawValueImport {

    public enum Layout {
        LONG, WIDE
    }

    /**
     * One checked value, and the period it belongs to (the period imported into, or the one its row
     * names when the file's periods are taken from its period column).
     */
    public record Row(int line, Organisation school, DataElement measure, double value, Period period) {

        /** A value of the period imported into. */
        public Row(int line, Organisation school, DataElement measure, double value) {
            this(line, school, measure, value, null);
        }
    }

    /**
     * Thrown when the periods are to be taken from the file (no period given) and it has no period
     * column: a mistake in how the import was asked for, not in the file's rows. Its message names
     * the file and says to give the period.
     */
    public static final class NoPeriodColumn extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        NoPeriodColumn(String fileName) {
            super(Messages.bind(Messages.importNoPeriodColumn, fileName));
        }
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
     * for the same school and measure, the runs written to (in the order first written) and the
     * number of values stored per period (in the order first written).
     */
    public record Stored(int values, int replaced, List<MonitoringRun> runs, Map<Period, Integer> perPeriod) {

        public Stored(int values, int replaced, List<MonitoringRun> runs) {
            this(values, replaced, runs, Map.of());
        }
    }

    /**
     * What {@link #importFile} did: the problems found (then nothing was changed), the encoding
     * read, the layout taken and, without problems, what was stored (not yet committed).
     */
    public record Imported(List<String> problems, String encoding, Layout layout, Stored stored, int problemCount) {

        public Imported(List<String> problems, String encoding, Layout layout, Stored stored) {
            this(problems, encoding, layout, stored, problems.size());
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** Receives each checked value of a file, in the file's order, as it is read. */
    @FunctionalInterface
    public interface RowSink {
        void accept(Row row);
    }

    private static final Set<String> SCHOOL = Set.of("school", "школа", "оо", "код оо", "код школы");
    private static final Set<String> PERIOD = Set.of("period", "период");
    private static final Set<String> MEASURE = Set.of("measure", "показатель", "код показателя");
    private static final Set<String> VALUE = Set.of("value", "значение");

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";

    /** How far ahead the header line may reach (the delimiter is taken from it). */
    private static final int HEADER_LIMIT = 1 << 22;

    private RawValueImport() {
    }

    /**
     * Reads and checks a file (CSV, or XLSX by its name) against the system's schools and measures;
     * {@code layout} null detects long or wide form from the header ({@link #detect}). The checked
     * rows are kept in {@link Checked#rows()}: for a large file use {@link #importFile}.
     */
    public static Checked check(Path file, Layout layout, QualitySystem system, Period period) throws IOException {
        // period null: each row's period is taken from the file's period column (see checkTable)
        List<Row> rows = new ArrayList<>();
        Checked checked = scan(file, layout, system, period, rows::add);
        return checked.ok() ? new Checked(rows, checked.problems(), checked.encoding(), checked.layout()) : checked;
    }

    /**
     * Checks a file and, only when no row has a problem, stores its values for the system and
     * period as {@link #storeAll} does, in the transaction of the system (the caller commits it:
     * one commit for the whole file). The file is read twice — a check keeping no rows, then the
     * values are created as they are read — so a file of a million values needs no more memory than
     * the values it creates. When the second reading finds problems (the file changed in between),
     * they are returned and the values created so far must not be committed.
     */
    public static Imported importFile(Path file, Layout layout, QualitySystem system, Period period) throws IOException {
        // period null: each row's period is taken from the file's period column (see checkTable)
        if (isXlsx(file)) {
            // POI's workbook holds the whole sheet anyway: read it once, keep the rows
            Checked checked = check(file, layout, system, period);
            return new Imported(checked.problems(), checked.encoding(), checked.layout(),
                    checked.ok() ? storeAll(system, period, checked.rows()) : null, checked.problemCount());
        }
        Checked checked = scan(file, layout, system, period, row -> { });
        if (!checked.ok()) {
            return new Imported(checked.problems(), checked.encoding(), checked.layout(), null, checked.problemCount());
        }
        Writers writer = new Writers(system, period);
        Checked again = scan(file, checked.layout(), system, period, writer::write);
        if (!again.ok()) {
            return new Imported(again.problems(), again.encoding(), again.layout(), null, again.problemCount());
        }
        return new Imported(List.of(), checked.encoding(), checked.layout(), writer.stored());
    }

    /** Reads and checks a file, giving each good value to {@code sink}; the result holds no rows. */
    static Checked scan(Path file, Layout layout, QualitySystem system, Period period, RowSink sink) throws IOException {
        if (isXlsx(file)) {
            return checkXlsx(file, layout, system, period, sink);
        }
        if (hasZeroByte(file)) {
            // UTF-16 (or a binary file): no text encoding this import reads
            return new Checked(List.of(), List.of(Messages.bind(Messages.importUtf16, file.getFileName().toString())),
                    "UTF-16?", layout);
        }
        Charset charset = charset(file);
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), charset)) {
            return check(file.getFileName().toString(), reader, charset, layout, system, period, sink);
        }
    }

    /** Whether the file has a zero byte, which no CSV in UTF-8 or Windows-1251 has; read in blocks. */
    private static boolean hasZeroByte(Path file) throws IOException {
        byte[] block = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(block); read >= 0; read = in.read(block)) {
                for (int i = 0; i < read; i++) {
                    if (block[i] == 0) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /** UTF-8 when the whole file decodes as UTF-8, otherwise Windows-1251; read in blocks, not kept. */
    static Charset charset(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
        CharBuffer chars = CharBuffer.allocate(1 << 16);
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, end);
                    if (result.isError()) {
                        return Charset.forName("windows-1251");
                    }
                } while (result.isOverflow());
                bytes.compact();
            }
            chars.clear();
            return decoder.flush(chars).isError() ? Charset.forName("windows-1251") : StandardCharsets.UTF_8;
        }
    }

    /** A row of a table read from a file: its line (CSV) or row number (sheet), and its cells. */
    private record TableRow(int line, List<String> cells) {
        String get(int column) {
            return column >= 0 && column < cells.size() && cells.get(column) != null ? cells.get(column).strip() : "";
        }
    }

    /** A file that stopped reading as CSV or XLSX part way (thrown by the readers, not by a sink). */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreadable(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static Checked check(String fileName, Reader text, Charset charset, Layout layout, QualitySystem system,
            Period period, RowSink sink) throws IOException {
        BufferedReader buffered = new BufferedReader(text, 1 << 16);
        buffered.mark(1);
        if (buffered.read() != '\uFEFF') {
            buffered.reset();
        }
        buffered.mark(HEADER_LIMIT);
        String firstLine = buffered.readLine();
        buffered.reset();
        firstLine = firstLine == null ? "" : firstLine;
        char delimiter = firstLine.contains(";") ? ';' : firstLine.contains("\t") ? '\t' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader()
                .setSkipHeaderRecord(true).setIgnoreEmptyLines(true).setTrim(true).get();
        // so that the parser's line count is the line of the record just read, also for the last one
        try (CSVParser parser = CSVParser.parse(new oko.core.io.NewlineAtEnd(buffered), format)) {
            List<String> header = parser.getHeaderNames();
            Iterator<CSVRecord> records = parser.iterator();
            Iterable<TableRow> rows = () -> new Iterator<>() {
                @Override
                public boolean hasNext() {
                    try {
                        return records.hasNext();
                    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                        throw new Unreadable(e);
                    }
                }

                @Override
                public TableRow next() {
                    try {
                        CSVRecord record = records.next();
                        return new TableRow((int) parser.getCurrentLineNumber(), record.toList());
                    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
                        throw new Unreadable(e);
                    }
                }
            };
            return checkTable(fileName, header, rows, charset.name(), layout, system, period, sink);
        } catch (NoPeriodColumn e) {
            throw e;
        } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException | Unreadable e) {
            return new Checked(List.of(), List.of(Messages.bind(Messages.importBadCsv, fileName, e.getMessage())),
                    charset.name(), layout);
        }
    }

    /** The first sheet of a workbook; the first row is the header, row numbers are the sheet's. */
    static Checked checkXlsx(Path file, Layout layout, QualitySystem system, Period period, RowSink sink)
            throws IOException {
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
        return checkTable(fileName, header, rows, "XLSX", layout, system, period, sink);
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

    /**
     * Checks the rows as they come and gives each good value to {@code sink}; keeps the problems,
     * and per value only a number for the duplicate check.
     */
    private static Checked checkTable(String fileName, List<String> header, Iterable<TableRow> records,
            String encoding, Layout asked, QualitySystem system, Period period, RowSink sink) {
        Layout layout = asked != null ? asked : detect(header);
        Problems problems = new Problems();
        ValueCheck.Organisations organisations = new ValueCheck.Organisations(system);
        boolean sheet = "XLSX".equals(encoding);
        Map<String, Organisation> schools = schools(system);
        Map<String, DataElement> measures = new HashMap<>();
        system.getDataElements().forEach(e -> measures.put(e.getCode(), e));
        Seen seen = new Seen();
        int schoolColumn = column(header, SCHOOL);
        if (schoolColumn < 0) {
            problems.add(Messages.bind(Messages.importNoColumn, new Object[] { fileName, 1, "school / школа" }));
            return failed(fileName, problems, encoding, layout, true);
        }
        int periodColumn = column(header, PERIOD);
        if (period == null && periodColumn < 0) {
            throw new NoPeriodColumn(fileName);
        }
        Map<String, Period> periods = period == null ? periods(system) : Map.of();
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
        // once a problem is found no value is stored: the rest is only checked
        RowSink checkedOnly = row -> { };
        for (TableRow record : records) {
            RowSink target = problems.isEmpty() ? sink : checkedOnly;
            int line = record.line();
            String schoolCode = record.get(schoolColumn);
            Organisation school = schools.get(schoolCode);
            if (school == null) {
                problems.add(Messages.bind(Messages.importUnknownSchool, new Object[] { fileName, line, schoolCode }));
                unknownNames |= looksGarbled(schoolCode);
                continue;
            }
            String periodCode = record.get(periodColumn);
            Period rowPeriod = period;
            if (period == null) {
                // the periods of the file: every row names one that exists
                rowPeriod = periods.get(periodCode);
                if (rowPeriod == null) {
                    problems.add(periodCode.isEmpty()
                            ? Messages.bind(Messages.importNoPeriod, new Object[] { fileName, line,
                                    columnName(periodColumn, sheet) })
                            : Messages.bind(Messages.importUnknownPeriod, new Object[] { fileName, line, periodCode,
                                    String.join(", ", periods.keySet()) }));
                    continue;
                }
            } else if (!periodCode.isEmpty() && !periodCode.equals(period.getCode())) {
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
                    add(target, problems, seen, fileName, line, columnName(valueColumn, sheet), school, measure,
                            rowPeriod, record.get(valueColumn), true);
                }
            } else {
                for (int c = 0; c < header.size(); c++) {
                    DataElement measure = measures.get(header.get(c).strip());
                    if (c != schoolColumn && c != periodColumn && measure != null && !record.get(c).isEmpty()
                            && organisation(problems, organisations, fileName, line,
                                    columnName(schoolColumn, sheet), school, measure)) {
                        add(target, problems, seen, fileName, line, columnName(c, sheet), school, measure,
                                rowPeriod, record.get(c), false);
                    }
                }
            }
        }
        if (!problems.isEmpty()) {
            return failed(fileName, problems, encoding, layout, unknownNames || unknownHeader);
        }
        return new Checked(List.of(), List.of(), encoding, layout);
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

    private static void add(RowSink rows, Problems problems, Seen seen, String file, int line,
            String column, Organisation school, DataElement measure, Period period, String text, boolean required) {
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
        if (!seen.add(school, new MeasureInPeriod(measure, period))) {
            problems.add(Messages.bind(Messages.importDuplicate, new Object[] { file, line, school.getCode(),
                    measure.getCode() }));
            return;
        }
        rows.accept(new Row(line, school, measure, value, period));
    }

    /** A measure of a period: a value is read once per school, measure and period. */
    private record MeasureInPeriod(DataElement measure, Period period) {
    }

    /**
     * The (school, measure) pairs read so far, each as one number in an open-addressing table: 8 to
     * 16 bytes a value (a set of "school/measure" strings took some 120).
     */
    private static final class Seen {
        private final Map<Object, Integer> numbers = new HashMap<>();
        private long[] table = new long[1 << 10];
        private int size;

        /** Whether the pair is new (then it is remembered). */
        boolean add(Organisation school, MeasureInPeriod measure) {
            long key = ((long) number(school) << 32) | number(measure); // never 0: numbers start at 1
            int mask = table.length - 1;
            for (int i = slot(key, mask);; i = (i + 1) & mask) {
                if (table[i] == 0) {
                    table[i] = key;
                    if (++size * 2 > table.length) {
                        grow();
                    }
                    return true;
                }
                if (table[i] == key) {
                    return false;
                }
            }
        }

        private int number(Object object) {
            Integer number = numbers.get(object);
            if (number == null) {
                number = numbers.size() + 1;
                numbers.put(object, number);
            }
            return number;
        }

        private static int slot(long key, int mask) {
            return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        }

        private void grow() {
            long[] old = table;
            table = new long[old.length * 2];
            int mask = table.length - 1;
            for (long key : old) {
                if (key != 0) {
                    int i = slot(key, mask);
                    while (table[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    table[i] = key;
                }
            }
        }
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

    /** Every model root the system's resource set holds (the system's own when it is in none). */
    private static List<ModelRoot> roots(QualitySystem system) {
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
        return roots;
    }

    /** Organisations by code, from every model root the system's resource set holds. */
    static Map<String, Organisation> schools(QualitySystem system) {
        Map<String, Organisation> schools = new LinkedHashMap<>();
        for (ModelRoot root : roots(system)) {
            for (Organisation organisation : root.getOrganisations()) {
                schools.putIfAbsent(organisation.getCode(), organisation);
            }
        }
        return schools;
    }

    /** Periods by code, from every model root the system's resource set holds (as {@link #schools}). */
    static Map<String, Period> periods(QualitySystem system) {
        Map<String, Period> periods = new LinkedHashMap<>();
        for (ModelRoot root : roots(system)) {
            for (Period period : root.getPeriods()) {
                if (period.getCode() != null) {
                    periods.putIfAbsent(period.getCode(), period);
                }
            }
        }
        return periods;
    }

    /**
     * The systems raw values for the period can be imported into, the first being the one to use
     * without asking: those whose monitorings have runs in the period (what the Monitoring view and
     * {@code monitor compute} show), otherwise those that define raw measures (data elements).
     */
    public static List<QualitySystem> targets(List<? extends org.eclipse.emf.ecore.EObject> roots, Period period) {
        // period null (the file's periods): the systems that define raw measures
        List<QualitySystem> withRuns = period == null ? List.of() : MonitoringEngine.systemsWithRuns(roots, period);
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
     * Stores checked rows (no school and measure twice) for the system and period. A value already
     * stored for the same school and measure in any of the period's runs the computation reads
     * ({@link MonitoringEngine#runs}) is replaced where it is, so the import is what the
     * computation sees. Other values go into the period's run of a monitoring whose indicators use
     * the measure (one that already has a run in the period first; the system's first monitoring,
     * or a new «imported data» monitoring, when none uses it); a missing run is created, dated today.
     */
    public static Stored storeAll(QualitySystem system, Period period, List<Row> rows) {
        Writers writer = new Writers(system, period);
        rows.forEach(writer::write);
        return writer.stored();
    }

    /**
     * Stores checked values of one or several periods: each row into its own period (a row without
     * one into the period given), by one {@link Writer} per period.
     */
    private static final class Writers {
        private final QualitySystem system;
        private final Period period;
        private final Map<Period, Writer> writers = new LinkedHashMap<>();

        Writers(QualitySystem system, Period period) {
            this.system = system;
            this.period = period;
        }

        void write(Row row) {
            Period of = row.period() != null ? row.period() : period;
            writers.computeIfAbsent(of, p -> new Writer(system, p)).write(row);
        }

        Stored stored() {
            int values = 0;
            int replaced = 0;
            Set<MonitoringRun> runs = new LinkedHashSet<>();
            Map<Period, Integer> perPeriod = new LinkedHashMap<>();
            for (Map.Entry<Period, Writer> entry : writers.entrySet()) {
                Stored stored = entry.getValue().stored();
                values += stored.values();
                replaced += stored.replaced();
                runs.addAll(stored.runs());
                perPeriod.put(entry.getKey(), stored.values());
            }
            if (writers.isEmpty() && period != null) {
                perPeriod.put(period, 0);
            }
            return new Stored(values, replaced, new ArrayList<>(runs), perPeriod);
        }
    }

    /**
     * Stores checked values one at a time, as {@link #storeAll} does for a list. It indexes the
     * values already stored in the period (by school, then measure code); new values are set up
     * before they join their run (no change to record for them but the addition).
     */
    public static final class Writer {
        private final QualitySystem system;
        private final Period period;
        /** The period's stored values: per school code, per measure code a RawValue or a List of them. */
        private final Map<String, Map<String, Object>> existing = new HashMap<>();
        private final Set<MonitoringRun> written = new LinkedHashSet<>();
        private final Map<DataElement, MonitoringRun> runs = new HashMap<>();
        private final List<Monitoring> monitorings;
        private int values;
        private int replaced;

        public Writer(QualitySystem system, Period period) {
            this.system = system;
            this.period = period;
            for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
                for (RawValue v : run.getRawValues()) {
                    String code = code(v);
                    if (v.getOrganisation() != null && code != null) {
                        existing.computeIfAbsent(v.getOrganisation().getCode(), s -> new HashMap<>()).merge(code, v,
                                Writer::both);
                    }
                }
            }
            this.monitorings = MonitoringEngine.allMonitorings(system);
        }

        private static Object both(Object first, Object second) {
            List<Object> list = first instanceof List<?> already ? new ArrayList<>(already) : new ArrayList<>(List.of(first));
            list.add(second);
            return list;
        }

        /** Stores one checked value. */
        public void write(Row row) {
            values++;
            Map<String, Object> ofSchool = existing.isEmpty() ? null : existing.get(row.school().getCode());
            Object found = ofSchool == null ? null : ofSchool.get(row.measure().getCode());
            if (found == null) {
                MonitoringRun run = runs.computeIfAbsent(row.measure(),
                        measure -> run(period, monitoringFor(system, period, monitorings, measure)));
                RawValue value = OkoFactory.eINSTANCE.createRawValue();
                value.setOrganisation(row.school());
                value.setCode(row.measure().getCode());
                value.setElement(row.measure());
                value.setValue(row.value());
                run.getRawValues().add(value);
                written.add(run);
                return;
            }
            replaced++;
            for (Object each : found instanceof List<?> list ? list : List.of(found)) {
                RawValue value = (RawValue) each;
                value.setValue(row.value());
                value.setNoValue(false);
                value.setNoValueReason(null);
                written.add((MonitoringRun) value.eContainer());
            }
        }

        /** What was stored so far. */
        public Stored stored() {
            return new Stored(values, replaced, new ArrayList<>(written),
                    period == null ? Map.of() : Map.of(period, values));
        }
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
        return ResultWriter.addRun(monitoring, period);
    }
}
