package oko.exchange.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceImpl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;

/**
 * Builds the DOCX tables of the tests with POI: cells written {@code "<<3>>text"} span three grid
 * columns, {@code "^^"} continues the cell above (vMerge), {@code "vv"} at the start of a text starts a
 * vertical merge; {@code \n} in a text is a line break of the run; a row of one cell can span all.
 */
final class TableFiles {

    static final String SPAN = "<<";
    static final String CONTINUE = "^^";
    static final String RESTART = "vv";

    private TableFiles() {
    }

    /** A DOCX with a title paragraph, an optional first table that is not the one read, and the table. */
    static Path docx(Path file, String title, String[][] other, String[][] rows) throws IOException {
        try (XWPFDocument document = new XWPFDocument()) {
            if (title != null) {
                XWPFParagraph p = document.createParagraph();
                p.createRun().setText(title);
            }
            if (other != null) {
                table(document, other);
                document.createParagraph().createRun().setText("II. Основные мероприятия");
            }
            table(document, rows);
            try (OutputStream out = Files.newOutputStream(file)) {
                document.write(out);
            }
        }
        return file;
    }

    private static void table(XWPFDocument document, String[][] rows) {
        XWPFTable table = document.createTable();
        boolean first = true;
        for (String[] cells : rows) {
            XWPFTableRow row = first ? table.getRow(0) : table.createRow();
            // createRow copies the first row's cell count; remove them to write exactly the cells given
            while (row.getTableCells().size() > 0) {
                row.removeCell(0);
            }
            first = false;
            for (String text : cells) {
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                String t = text;
                if (t.startsWith(SPAN)) {
                    int end = t.indexOf(">>");
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(Integer.parseInt(t.substring(2, end))));
                    t = t.substring(end + 2);
                }
                if (t.equals(CONTINUE)) {
                    pr.addNewVMerge();
                    t = "";
                } else if (t.startsWith(RESTART)) {
                    pr.addNewVMerge().setVal(STMerge.RESTART);
                    t = t.substring(2);
                }
                XWPFParagraph p = cell.getParagraphs().isEmpty() ? cell.addParagraph() : cell.getParagraphs().get(0);
                XWPFRun run = null;
                for (String line : t.split("\n", -1)) {
                    if (run != null) {
                        run.addBreak();
                    }
                    run = p.createRun();
                    run.setText(line);
                }
            }
        }
    }

    /** A new model with one municipal system (and the periods of 2021 and the school year 2021/2022). */
    static QualitySystem system() {
        OkoFactory f = OkoFactory.eINSTANCE;
        XMIResourceImpl resource = new XMIResourceImpl(URI.createURI("memory:/tables.oko"));
        ModelRoot root = f.createModelRoot();
        root.setName("Район");
        resource.getContents().add(root);
        QualitySystem system = f.createQualitySystem();
        system.setCode("MSOKO");
        system.setName("МСОКО");
        system.setLevel(oko.model.Level.MUNICIPALITY);
        root.getQualitySystems().add(system);
        root.getPeriods().add(period("2021", "2021 год", date(2021, 1, 1), date(2021, 12, 31)));
        root.getPeriods().add(period("2021-2022", "2021/2022 учебный год", date(2021, 9, 1), date(2022, 8, 31)));
        return system;
    }

    /** A note line as the report keeps it: the text is the message (in the running language) with its arguments. */
    static oko.exchange.ImportReport.Line note(String file, int row, String column, String message, Object... args) {
        return new oko.exchange.ImportReport.Line(oko.exchange.ImportReport.Severity.NOTE, file, row, column,
                oko.exchange.Messages.bind(message, args));
    }

    /** An error line as the report keeps it. */
    static oko.exchange.ImportReport.Line error(String file, int row, String column, String message, Object... args) {
        return new oko.exchange.ImportReport.Line(oko.exchange.ImportReport.Severity.ERROR, file, row, column,
                oko.exchange.Messages.bind(message, args));
    }

    static Period period(String code, String name, Date start, Date end) {
        Period p = OkoFactory.eINSTANCE.createPeriod();
        p.setCode(code);
        p.setName(name);
        p.setStartDate(start);
        p.setEndDate(end);
        return p;
    }

    static Date date(int year, int month, int day) {
        return Date.from(java.time.LocalDate.of(year, month, day).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
    }

    static java.time.LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }
}
