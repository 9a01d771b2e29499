package oko.exchange.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
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
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import oko.exchange.ImportReport;
import oko.exchange.Messages;

/**
 * A table read from a file: CSV (UTF-8 with or without BOM, else Windows-1251; separated by ";",
 * tab or "," as the header line shows) or XLSX (the first sheet; number cells as plain numbers,
 * formulas evaluated). The first non-empty row is the header; empty rows are skipped. Rows are
 * numbered as the user sees them: the CSV line, the sheet's row. A cell that cannot be read (a
 * formula giving an error or one POI cannot evaluate) is an error of the report naming the sheet
 * and the cell; that cell reads as empty.
 */
public final class TabularFile {

    /** One row: its line (CSV) or row number (sheet), counted from 1, and its cells (never null). */
    public record Row(int number, List<String> cells) {

        /** The cell of that column stripped, "" when the row is shorter or the column is -1. */
        public String get(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column).strip() : "";
        }

        public boolean isBlank() {
            return cells.stream().allMatch(String::isBlank);
        }
    }

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";

    /** How far the header line may reach (its delimiter is taken from it). */
    private static final int HEADER_LIMIT = 1 << 22;

    private final String fileName;
    private final String encoding;
    private final List<String> header;
    private final int headerRow;
    private final List<Row> rows;

    private TabularFile(String fileName, String encoding, List<String> header, int headerRow, List<Row> rows) {
        this.fileName = fileName;
        this.encoding = encoding;
        this.header = header;
        this.headerRow = headerRow;
        this.rows = rows;
    }

    /** The file's name as the report shows it. */
    public String fileName() {
        return fileName;
    }

    /** The encoding read (UTF-8, windows-1251) or XLSX. */
    public String encoding() {
        return encoding;
    }

    public boolean isSheet() {
        return "XLSX".equals(encoding);
    }

    /** The header's cells, stripped (empty when the file has no row). */
    public List<String> header() {
        return header;
    }

    /** The header's row or line number (1 unless empty rows come first). */
    public int headerRow() {
        return headerRow;
    }

    /** The rows after the header, empty ones left out. */
    public List<Row> rows() {
        return rows;
    }

    /** Whether the file (by its name) is a workbook. */
    public static boolean isXlsx(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx");
    }

    /**
     * Reads the file; cells that cannot be read and a CSV that stops being CSV part way are errors
     * of the report (what was read up to there is kept). Throws {@link IOException} with a message
     * naming the file when it cannot be read at all (missing, not a workbook, UTF-16…).
     */
    public static TabularFile read(Path file, ImportReport report) throws IOException {
        String name = file.getFileName().toString();
        if (!Files.isRegularFile(file)) {
            throw new IOException(Messages.bind(Messages.fileMissing, file));
        }
        return isXlsx(file) ? readXlsx(file, name, report) : readCsv(file, name, report);
    }

    // ---- CSV ----

    private static TabularFile readCsv(Path file, String name, ImportReport report) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        for (byte b : bytes) {
            if (b == 0) {
                throw new IOException(Messages.bind(Messages.fileNotText, name));
            }
        }
        Charset charset = isUtf8(bytes) ? StandardCharsets.UTF_8 : Charset.forName("windows-1251");
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes), charset), 1 << 16)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            reader.mark(HEADER_LIMIT);
            String first = reader.readLine();
            while (first != null && first.isBlank()) {
                first = reader.readLine();
            }
            reader.reset();
            first = first == null ? "" : first;
            char delimiter = first.contains(";") ? ';' : first.contains("\t") ? '\t' : ',';
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true).get();
            List<String> header = List.of();
            int headerRow = 1;
            List<Row> rows = new ArrayList<>();
            try (CSVParser parser = CSVParser.parse(new oko.core.io.NewlineAtEnd(reader), format)) {
                Iterator<CSVRecord> records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    // the line the record started on: the parser counts the lines read so far
                    int line = (int) parser.getCurrentLineNumber();
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(c -> cells.add(c == null ? "" : c));
                    Row row = new Row(line, cells);
                    if (row.isBlank()) {
                        continue;
                    }
                    if (header.isEmpty()) {
                        header = cells.stream().map(TabularFile::clean).toList();
                        headerRow = line;
                    } else {
                        rows.add(row);
                    }
                }
            } catch (IllegalStateException | IllegalArgumentException | UncheckedIOException e) {
                // an unclosed quote and the like: the rows before it are kept, the file is refused
                report.error(0, null, Messages.bind(Messages.csvBroken, e.getMessage()));
            }
            return new TabularFile(name, charset.name(), header, headerRow, rows);
        }
    }

    /** Whether the bytes decode as UTF-8 (an ASCII file does too). */
    static boolean isUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(1 << 14);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result;
        do {
            chars.clear();
            result = decoder.decode(in, chars, true);
            if (result.isError()) {
                return false;
            }
        } while (result.isOverflow());
        chars.clear();
        return !decoder.flush(chars).isError();
    }

    // ---- XLSX ----

    private static TabularFile readXlsx(Path file, String name, ImportReport report) throws IOException {
        if (System.getProperty(LOG4J_FACTORY) == null) {
            // POI logs through the Log4j API; without a provider it complains on stderr at first use
            System.setProperty(LOG4J_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        List<String> header = List.of();
        int headerRow = 1;
        List<Row> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook workbook = new XSSFWorkbook(in)) {
            if (workbook.getNumberOfSheets() == 0) {
                return new TabularFile(name, "XLSX", header, headerRow, rows);
            }
            Sheet sheet = workbook.getSheetAt(0);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            DataFormatter dates = new DataFormatter(Locale.ROOT);
            for (org.apache.poi.ss.usermodel.Row sheetRow : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(0, sheetRow.getLastCellNum()); c++) {
                    cells.add(text(sheet, sheetRow.getCell(c), evaluator, dates, header, report));
                }
                Row row = new Row(sheetRow.getRowNum() + 1, cells);
                if (row.isBlank()) {
                    continue;
                }
                if (header.isEmpty()) {
                    header = cells.stream().map(TabularFile::clean).toList();
                    headerRow = row.number();
                } else {
                    rows.add(row);
                }
            }
        } catch (RuntimeException e) {
            // POI reports a broken or foreign file with various unchecked exceptions
            throw new IOException(Messages.bind(Messages.xlsxBroken, name,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return new TabularFile(name, "XLSX", header, headerRow, rows);
    }

    /** A cell as text: numbers plain (no exponent, no trailing zeros), formulas evaluated. */
    private static String text(Sheet sheet, Cell cell, FormulaEvaluator evaluator, DataFormatter dates,
            List<String> header, ImportReport report) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType();
        if (type == CellType.FORMULA) {
            String formula;
            try {
                formula = cell.getCellFormula();
            } catch (RuntimeException e) {
                formula = "?";
            }
            String reference = new CellReference(cell).formatAsString(false);
            String column = header.isEmpty() ? null : columnName(header, cell.getColumnIndex());
            CellValue value;
            try {
                value = evaluator.evaluate(cell);
            } catch (RuntimeException e) {
                // POI throws NotImplementedException, FormulaParseException… for what it cannot evaluate
                report.error(cell.getRowIndex() + 1, column, Messages.bind(Messages.formulaFailed, new Object[] {
                        sheet.getSheetName(), reference, formula,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage() }));
                return "";
            }
            if (value == null) {
                return "";
            }
            return switch (value.getCellType()) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dates.formatCellValue(cell, evaluator)
                    : number(value.getNumberValue());
            case STRING -> value.getStringValue();
            case BOOLEAN -> value.getBooleanValue() ? "1" : "0";
            case ERROR -> {
                report.error(cell.getRowIndex() + 1, column, Messages.bind(Messages.formulaError, new Object[] {
                        sheet.getSheetName(), reference, formula,
                        FormulaError.forInt(value.getErrorValue()).getString() }));
                yield "";
            }
            default -> "";
            };
        }
        return switch (type) {
        case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? dates.formatCellValue(cell) : number(cell.getNumericCellValue());
        case STRING -> cell.getStringCellValue();
        case BOOLEAN -> cell.getBooleanCellValue() ? "1" : "0";
        case ERROR -> {
            report.error(cell.getRowIndex() + 1, header.isEmpty() ? null : columnName(header, cell.getColumnIndex()),
                    Messages.bind(Messages.cellError, new Object[] { sheet.getSheetName(),
                            new CellReference(cell).formatAsString(false),
                            FormulaError.forInt(cell.getErrorCellValue()).getString() }));
            yield "";
        }
        default -> "";
        };
    }

    /** A number as written by hand: 12, 12.5, never 1.2E1. */
    public static String number(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
                : Double.toString(value);
    }

    /** The header's name of a column, else its letter (A, B…). */
    public static String columnName(List<String> header, int column) {
        String name = column < header.size() ? header.get(column) : "";
        return name.isBlank() ? CellReference.convertNumToColString(column) : name;
    }

    /** The header name of a column of this table (its letter when the header cell is empty). */
    public String columnName(int column) {
        return columnName(header, column);
    }

    /** A header cell: soft hyphens and line breaks out, spaces collapsed. */
    private static String clean(String cell) {
        return cell.replace("\u00AD", "").replaceAll("[\\s\u00A0]+", " ").strip();
    }
}
