package oko.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import oko.exchange.Messages;

/**
 * A one-sheet workbook as the exports write it: a bold header row (frozen), then rows of text and
 * number cells; written to a temporary file next to the target and moved over it when complete,
 * so a failed export leaves the old file as it was.
 */
public final class XlsxWriter implements AutoCloseable {

    private static final String LOG4J_FACTORY = "log4j2.loggerContextFactory";

    private final XSSFWorkbook workbook;
    private final Sheet sheet;
    private int next;

    /** A workbook with one sheet of that name and its header. */
    public XlsxWriter(String sheetName, List<String> header) {
        if (System.getProperty(LOG4J_FACTORY) == null) {
            System.setProperty(LOG4J_FACTORY, "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        }
        workbook = new XSSFWorkbook();
        sheet = workbook.createSheet(sheetName);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row row = sheet.createRow(next++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, header.get(c).length() + 2)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    /** Adds a row: a Number as a number cell, a Boolean as да/нет, anything else as text; null as no cell. */
    public void row(List<?> cells) {
        Row row = sheet.createRow(next++);
        for (int c = 0; c < cells.size(); c++) {
            Object value = cells.get(c);
            if (value == null || value instanceof String s && s.isEmpty()) {
                continue;
            }
            Cell cell = row.createCell(c);
            if (value instanceof Number number) {
                cell.setCellValue(number.doubleValue());
            } else if (value instanceof Boolean yes) {
                cell.setCellValue(yes ? "да" : "нет");
            } else {
                cell.setCellValue(value.toString());
            }
        }
    }

    /** Writes the workbook to the file, replacing it only when complete. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                workbook.write(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw new IOException(Messages.bind(Messages.exportFailed, target, e.getMessage()), e);
        }
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
