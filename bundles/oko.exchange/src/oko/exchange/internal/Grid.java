package oko.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A table of a DOCX or XLSX file as rows of cell texts on the table's grid: a cell spanning
 * columns (gridSpan, merged region) gives its text to each column it covers and marks the row
 * {@linkplain TableRow#spanning spanning} when it is the row's only cell with text; a cell merged
 * down (vMerge, merged region) repeats the text of the cell it continues. Texts are
 * {@linkplain Texts#clean cleaned}; line breaks are kept as {@code \n}. Also the title: the first
 * paragraph with text before the table (DOCX) or the first text above the header (XLSX, found by
 * the caller).
 */
public final class Grid {

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /** A row of the table: its number in the file (table row or sheet row, from 1), the cells, whether one cell spans it. */
    public record TableRow(int number, List<String> cells, boolean spanning) {

        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }

        public boolean isEmpty() {
            return cells.stream().allMatch(String::isEmpty);
        }

        /** The texts of the row's cells, a merged cell once. */
        public List<String> distinct() {
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                if (!c.isEmpty() && (i == 0 || !c.equals(cells.get(i - 1)))) {
                    texts.add(c);
                }
            }
            return texts;
        }
    }

    private final List<TableRow> rows;
    private final String title;

    private Grid(List<TableRow> rows, String title) {
        this.rows = rows;
        this.title = title;
    }

    public List<TableRow> rows() {
        return rows;
    }

    /** The text above the table (DOCX: the first paragraph with text before it), "" when none. */
    public String title() {
        return title;
    }

    /**
     * Reads the first table of the file (DOCX: the first for which {@code accept} holds, else the
     * first; XLSX: the first sheet for which it holds, else the first sheet).
     */
    public static Grid read(Path file, Predicate<Grid> accept) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".docx")) {
                return readDocx(in, accept);
            }
            if (name.endsWith(".xlsx") || name.endsWith(".xlsm")) {
                return readXlsx(in, accept);
            }
        } catch (RuntimeException e) {
            // POI throws unchecked exceptions for files that are not what their name says
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        throw new IOException(oko.exchange.Messages.bind(oko.exchange.Messages.tableNotDocxXlsx, file.getFileName()));
    }

    private static Grid readDocx(InputStream in, Predicate<Grid> accept) throws IOException {
        try (XWPFDocument document = new XWPFDocument(in)) {
            Grid first = null;
            String title = "";
            for (IBodyElement element : document.getBodyElements()) {
                if (element instanceof XWPFParagraph p && title.isEmpty()) {
                    title = Texts.clean(p.getText()).replace('\n', ' ');
                } else if (element instanceof XWPFTable table) {
                    Grid grid = new Grid(docxRows((Element) table.getCTTbl().getDomNode()), title);
                    if (accept.test(grid)) {
                        return grid;
                    }
                    if (first == null) {
                        first = grid;
                    }
                }
            }
            return first == null ? new Grid(List.of(), title) : first;
        }
    }

    private static List<TableRow> docxRows(Element table) {
        List<List<Element>> rowCells = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        int width = 0;
        for (Element tr : children(table, "tr")) {
            List<Element> cells = new ArrayList<>();
            collectCells(tr, cells);
            int skip = 0;
            Element trPr = child(tr, "trPr");
            if (trPr != null && child(trPr, "gridBefore") != null) {
                skip = intValue(child(trPr, "gridBefore"), 0);
            }
            int w = skip;
            for (Element tc : cells) {
                w += span(tc);
            }
            width = Math.max(width, w);
            rowCells.add(cells);
            before.add(skip);
        }
        List<TableRow> rows = new ArrayList<>();
        String[] above = new String[width];
        Arrays.fill(above, "");
        for (int r = 0; r < rowCells.size(); r++) {
            String[] texts = new String[width];
            Arrays.fill(texts, "");
            int col = before.get(r);
            int withText = 0;
            boolean spanned = false;
            for (Element tc : rowCells.get(r)) {
                int span = span(tc);
                String text;
                Element tcPr = child(tc, "tcPr");
                Element vMerge = tcPr == null ? null : child(tcPr, "vMerge");
                if (vMerge != null && !"restart".equals(vMerge.getAttributeNS(W, "val"))) {
                    text = col < width ? above[col] : "";
                } else {
                    text = Texts.clean(text(tc));
                }
                if (!text.isEmpty()) {
                    withText++;
                    spanned = span > 1;
                }
                for (int i = 0; i < span && col + i < width; i++) {
                    texts[col + i] = text;
                }
                col += span;
            }
            above = texts.clone();
            rows.add(new TableRow(r + 1, List.of(texts), withText == 1 && spanned));
        }
        return rows;
    }

    private static void collectCells(Element parent, List<Element> cells) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                if ("tc".equals(e.getLocalName())) {
                    cells.add(e);
                } else if ("sdt".equals(e.getLocalName()) || "sdtContent".equals(e.getLocalName())
                        || "customXml".equals(e.getLocalName())) {
                    collectCells(e, cells);
                }
            }
        }
    }

    private static int span(Element tc) {
        Element tcPr = child(tc, "tcPr");
        Element gridSpan = tcPr == null ? null : child(tcPr, "gridSpan");
        return Math.max(1, gridSpan == null ? 1 : intValue(gridSpan, 1));
    }

    private static int intValue(Element e, int otherwise) {
        try {
            return Integer.parseInt(e.getAttributeNS(W, "val").trim());
        } catch (NumberFormatException x) {
            return otherwise;
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> list = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && W.equals(e.getNamespaceURI())) {
                if (name.equals(e.getLocalName())) {
                    list.add(e);
                } else if ("sdt".equals(e.getLocalName()) || "sdtContent".equals(e.getLocalName())
                        || "customXml".equals(e.getLocalName())) {
                    list.addAll(children(e, name));
                }
            }
        }
        return list;
    }

    /** The text of a cell: runs' texts, breaks as new lines, tabs as spaces, paragraphs on lines of their own. */
    private static String text(Element tc) {
        StringBuilder b = new StringBuilder();
        appendText(tc, b);
        return b.toString();
    }

    private static void appendText(Node node, StringBuilder b) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !W.equals(e.getNamespaceURI())) {
                continue;
            }
            switch (e.getLocalName()) {
            case "t" -> appendCharacters(e, b);
            case "br", "cr" -> b.append('\n');
            case "tab" -> b.append(' ');
            case "noBreakHyphen" -> b.append('-');
            case "softHyphen", "tcPr", "rPr", "pPr", "delText", "instrText", "del" -> {
            }
            case "p" -> {
                if (b.length() > 0) {
                    b.append('\n');
                }
                appendText(e, b);
            }
            default -> appendText(e, b);
            }
        }
    }

    /** The character data of an element (XmlBeans' DOM has no getTextContent). */
    private static void appendCharacters(Element e, StringBuilder b) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                b.append(n.getNodeValue());
            }
        }
    }

    private static Grid readXlsx(InputStream in, Predicate<Grid> accept) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(in)) {
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            Grid first = null;
            for (int s = 0; s < workbook.getNumberOfSheets(); s++) {
                Grid grid = new Grid(sheetRows(workbook.getSheetAt(s), formatter, evaluator), "");
                if (accept.test(grid)) {
                    return grid;
                }
                if (first == null) {
                    first = grid;
                }
            }
            return first == null ? new Grid(List.of(), "") : first;
        }
    }

    private static List<TableRow> sheetRows(Sheet sheet, DataFormatter formatter, FormulaEvaluator evaluator) {
        int last = sheet.getLastRowNum();
        int width = 0;
        for (Row row : sheet) {
            width = Math.max(width, Math.max(0, row.getLastCellNum()));
        }
        String[][] texts = new String[last + 1][width];
        for (String[] r : texts) {
            Arrays.fill(r, "");
        }
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getColumnIndex() < width) {
                    texts[row.getRowNum()][cell.getColumnIndex()] = Texts.clean(cellText(cell, formatter, evaluator));
                }
            }
        }
        boolean[] spanning = new boolean[last + 1];
        for (CellRangeAddress region : sheet.getMergedRegions()) {
            int r0 = region.getFirstRow();
            int c0 = region.getFirstColumn();
            if (r0 > last || c0 >= width) {
                continue;
            }
            String text = texts[r0][c0];
            for (int r = r0; r <= Math.min(region.getLastRow(), last); r++) {
                for (int c = c0; c <= Math.min(region.getLastColumn(), width - 1); c++) {
                    texts[r][c] = text;
                }
            }
            if (region.getLastColumn() > c0 && !text.isEmpty()) {
                for (int r = r0; r <= Math.min(region.getLastRow(), last); r++) {
                    final int row = r;
                    boolean alone = true;
                    for (int c = 0; c < width; c++) {
                        if ((c < c0 || c > region.getLastColumn()) && !texts[row][c].isEmpty()) {
                            alone = false;
                        }
                    }
                    spanning[r] = alone;
                }
            }
        }
        List<TableRow> rows = new ArrayList<>();
        for (int r = 0; r <= last; r++) {
            rows.add(new TableRow(r + 1, List.of(texts[r]), spanning[r]));
        }
        return rows;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private static String cellText(Cell cell, DataFormatter formatter, FormulaEvaluator evaluator) {
        try {
            org.apache.poi.ss.usermodel.CellType type = cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA
                    ? evaluator.evaluateFormulaCell(cell)
                    : cell.getCellType();
            if (type == org.apache.poi.ss.usermodel.CellType.NUMERIC && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
                // a date as Russian documents write it, whatever the cell's format
                return cell.getLocalDateTimeCellValue().toLocalDate().format(DAY);
            }
            return formatter.formatCellValue(cell, evaluator);
        } catch (RuntimeException e) {
            // a formula POI cannot evaluate: its value as last calculated by the spreadsheet program
            if (cell.getCellType() == org.apache.poi.ss.usermodel.CellType.FORMULA) {
                return switch (cell.getCachedFormulaResultType()) {
                case NUMERIC -> formatter.formatRawCellContents(cell.getNumericCellValue(), -1, "General");
                case STRING -> cell.getStringCellValue();
                case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
                default -> "";
                };
            }
            return formatter.formatCellValue(cell);
        }
    }
}
