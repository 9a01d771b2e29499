package oko.exchange.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.IProgressMonitor;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.internal.GridColumns;
import oko.exchange.internal.Grid;
import oko.exchange.internal.Grid.TableRow;
import oko.exchange.internal.Participations;
import oko.exchange.internal.TableImport;
import oko.exchange.internal.Texts;
import oko.model.Document;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.OkoFactory;
import oko.model.Participation;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * A function distribution table (seeds 001, 003): numbered sections (rows spanning the table, or
 * rows with a number of the sections' level), their functions, the responsible roles (matched by
 * name or code, created when missing; «X при непосредственном участии Y» makes X responsible and Y
 * a consulted participant, «… руководстве Y» Y accountable, docs/raci.md) and the documents (one a line, matched by name, created when
 * missing). Sections are updated by number (or name when they have none), functions by number
 * within their section (or name); nothing is deleted.
 */
public final class FunctionTable extends TableImport {

    enum Col {
        NUMBER, FUNCTION, RESPONSIBLE, DOCUMENTS
    }

    static Col classify(String key) {
        if (GridColumns.has(key, "ответствен", "исполнител", "должност", "распределение", "responsib")) {
            return Col.RESPONSIBLE;
        }
        if (GridColumns.has(key, "документ", "результат", "document")) {
            return Col.DOCUMENTS;
        }
        if (key.startsWith("№") || key.equals("no") || GridColumns.has(key, "п/п", "номер", "number")) {
            return Col.NUMBER;
        }
        if (GridColumns.has(key, "функци", "содержание", "наименование", "function")) {
            return Col.FUNCTION;
        }
        return null;
    }

    @Override
    public String id() {
        return "roles";
    }

    @Override
    public String label() {
        return Messages.tableFunctionsLabel;
    }

    private static GridColumns<Col> columns(Grid grid) {
        return GridColumns.find(grid, Col.class, FunctionTable::classify, Set.of(Col.FUNCTION));
    }

    /** A section as read: the section it updates or creates. */
    private static final class SectionRow {
        FunctionSection section;
        boolean isNew;
        boolean readBefore;
    }

    @Override
    public Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        ImportReport report = new ImportReport(fileName(file));
        Changes changes = new Changes(report);
        Table<Col> table = table(file, report, FunctionTable::columns, Messages.tableFunctionsHeader);
        if (table == null) {
            return changes;
        }
        Grid grid = table.grid();
        GridColumns<Col> columns = table.columns();
        Catalogue catalogue = new Catalogue(system, report, changes);
        OkoFactory factory = OkoFactory.eINSTANCE;
        Numbers numbers = new Numbers();
        List<TableRow> rows = grid.rows();
        SectionRow current = null;
        int sectionDepth = sectionDepth(rows, columns);
        List<FunctionSection> newSections = new ArrayList<>();
        String numberColumn = columns.name(Col.NUMBER);
        for (int r = columns.firstData(); r < rows.size(); r++) {
            TableRow row = rows.get(r);
            if (row.isEmpty() || row.cells().equals(columns.names())) {
                continue;
            }
            report.previewRow(row.cells());
            List<String> texts = row.distinct();
            String number = null;
            String numberCell = row.spanning() ? "" : row.cell(columns.of(Col.NUMBER));
            String text = row.spanning() ? texts.get(0) : row.cell(columns.of(Col.FUNCTION));
            if (!numberCell.isEmpty()) {
                number = Texts.number(numberCell);
                if (number == null) {
                    report.error(row.number(), numberColumn, Messages.bind(Messages.tableNotNumber, numberCell));
                    continue;
                }
            } else {
                String[] lead = Texts.leadingNumber(text);
                if (lead != null) {
                    number = lead[0];
                    text = lead[1];
                }
            }
            String name = text.replace('\n', ' ');
            boolean section = row.spanning() || number != null && Texts.depth(number) <= sectionDepth;
            if (number != null) {
                int before = numbers.seen(number, row.number());
                if (before > 0) {
                    report.error(row.number(), numberColumn, Messages.bind(Messages.tableNumberTwice, number, before));
                    continue;
                }
            }
            String responsible = row.spanning() ? "" : row.cell(columns.of(Col.RESPONSIBLE));
            String documentsCell = row.spanning() ? "" : row.cell(columns.of(Col.DOCUMENTS));
            if (section) {
                current = section(system, newSections, number, name);
                FunctionSection s = current.section;
                if (current.readBefore) {
                    continue;
                }
                if (current.isNew) {
                    s.setNumber(number);
                    s.setName(name);
                    if (!responsible.isEmpty()) {
                        s.getResponsibleRoles().addAll(catalogue.roles(responsible, row.number(), columns.name(Col.RESPONSIBLE)));
                    }
                    if (!documentsCell.isEmpty()) {
                        s.getDocuments().addAll(catalogue.documents(Texts.split(documentsCell, false), row.number(),
                                columns.name(Col.DOCUMENTS)));
                    }
                    newSections.add(s);
                    report.created(Messages.classSection);
                    changes.add(() -> system.getSections().add(s));
                    changes.top(s);
                } else {
                    boolean changed = false;
                    if (!same(s.getName(), name) && !name.isEmpty()) {
                        changes.add(() -> s.setName(name));
                        changed = true;
                    }
                    if (!responsible.isEmpty() && !sameNames(s.getResponsibleRoles(), List.of(responsible))
                            && !same(names(s.getResponsibleRoles(), ", "), responsible)) {
                        List<Role> roles = catalogue.roles(responsible, row.number(), columns.name(Col.RESPONSIBLE));
                        if (!roles.equals(s.getResponsibleRoles())) {
                            changes.add(() -> replace(s.getResponsibleRoles(), roles));
                            changed = true;
                        }
                    }
                    List<String> docNames = Texts.split(documentsCell, false);
                    if (!docNames.isEmpty() && !sameNames(s.getDocuments(), docNames)) {
                        List<Document> docs = catalogue.documents(docNames, row.number(), columns.name(Col.DOCUMENTS));
                        changes.add(() -> replace(s.getDocuments(), docs));
                        changed = true;
                    }
                    if (changed) {
                        report.updated(Messages.classSection);
                    }
                    changes.top(s);
                }
                continue;
            }
            if (current == null) {
                report.error(row.number(), columns.name(Col.FUNCTION), Messages.tableFunctionBeforeSection);
                continue;
            }
            if (name.isEmpty()) {
                report.note(row.number(), columns.name(Col.FUNCTION),
                        Messages.bind(Messages.tableNoFunctionText, String.join(" | ", texts)));
            }
            FunctionSection s = current.section;
            Function existing = current.isNew ? null : function(s, number, name);
            if (existing == null) {
                Function f = factory.createFunction();
                f.setNumber(number);
                f.setName(name);
                if (!responsible.isEmpty()) {
                    f.setResponsibleText(responsible);
                    Responsible read = read(catalogue, responsible, row.number(), columns.name(Col.RESPONSIBLE));
                    f.getResponsibleRoles().addAll(read.roles());
                    f.getParticipations().addAll(read.participations());
                }
                if (!documentsCell.isEmpty()) {
                    f.getDocuments().addAll(catalogue.documents(Texts.split(documentsCell, false), row.number(),
                            columns.name(Col.DOCUMENTS)));
                }
                report.created(Messages.classFunction);
                if (current.isNew) {
                    s.getFunctions().add(f);
                } else {
                    changes.add(() -> s.getFunctions().add(f));
                }
            } else {
                boolean changed = false;
                if (!same(existing.getName(), name) && !name.isEmpty()) {
                    changes.add(() -> existing.setName(name));
                    changed = true;
                }
                String had = existing.getResponsibleText() == null || existing.getResponsibleText().isBlank()
                        ? names(existing.getResponsibleRoles(), ", ")
                        : existing.getResponsibleText();
                if (!responsible.isEmpty() && !same(had, responsible)) {
                    Responsible read = read(catalogue, responsible, row.number(), columns.name(Col.RESPONSIBLE));
                    changes.add(() -> {
                        existing.setResponsibleText(responsible);
                        replace(existing.getResponsibleRoles(), read.roles());
                        replace(existing.getParticipations(), read.participations());
                    });
                    changed = true;
                }
                List<String> docNames = Texts.split(documentsCell, false);
                if (!docNames.isEmpty() && !sameNames(existing.getDocuments(), docNames)) {
                    List<Document> docs = catalogue.documents(docNames, row.number(), columns.name(Col.DOCUMENTS));
                    changes.add(() -> replace(existing.getDocuments(), docs));
                    changed = true;
                }
                if (changed) {
                    report.updated(Messages.classFunction);
                }
            }
        }
        return changes;
    }

    /** A function's responsible cell read: the responsible roles (R) and the other participations. */
    private record Responsible(List<Role> roles, List<Participation> participations) {
    }

    /**
     * The cell split at «при непосредственном участии» (C) and «при непосредственном руководстве»
     * (A) and their like (docs/raci.md): the roles before are responsible, those of each clause take
     * part with its kind and its words as the note.
     */
    private static Responsible read(Catalogue catalogue, String cell, int row, String column) {
        Participations.Reading reading = Participations.read(cell);
        if (reading.clauses().isEmpty()) {
            return new Responsible(catalogue.roles(cell, row, column), List.of());
        }
        List<Role> roles = reading.responsible().isEmpty() ? List.of()
                : catalogue.roles(reading.responsible(), row, column);
        List<Participation> participations = new ArrayList<>();
        for (Participations.Clause clause : reading.clauses()) {
            for (Role role : catalogue.participants(clause.roles(), row, column)) {
                Participation p = OkoFactory.eINSTANCE.createParticipation();
                p.setRole(role);
                p.setKind(clause.kind());
                p.setNote(clause.note());
                participations.add(p);
            }
        }
        return new Responsible(roles, participations);
    }

    /** The level of the sections' numbers: the least of the numbers in the table. */
    private static int sectionDepth(List<TableRow> rows, GridColumns<Col> columns) {
        int depth = Integer.MAX_VALUE;
        for (int r = columns.firstData(); r < rows.size(); r++) {
            TableRow row = rows.get(r);
            String numberCell = row.spanning() ? "" : row.cell(columns.of(Col.NUMBER));
            String number = Texts.number(numberCell);
            if (numberCell.isEmpty()) {
                String[] lead = Texts.leadingNumber(row.spanning() ? row.distinct().get(0) : row.cell(columns.of(Col.FUNCTION)));
                number = lead == null ? null : lead[0];
            }
            if (number != null) {
                depth = Math.min(depth, Texts.depth(number));
            }
        }
        return depth;
    }

    private static <T> void replace(List<T> list, List<T> values) {
        list.clear();
        list.addAll(values);
    }

    /** The section of that number (or, without one, that name): an existing one, one read before, or a new one. */
    private static SectionRow section(QualitySystem system, List<FunctionSection> newSections, String number, String name) {
        SectionRow result = new SectionRow();
        FunctionSection found = find(system.getSections(), number, name);
        if (found == null) {
            found = find(newSections, number, name);
            if (found != null) {
                result.section = found;
                result.isNew = true;
                result.readBefore = true;
                return result;
            }
        }
        result.section = found == null ? OkoFactory.eINSTANCE.createFunctionSection() : found;
        result.isNew = found == null;
        return result;
    }

    private static FunctionSection find(List<FunctionSection> sections, String number, String name) {
        for (FunctionSection s : sections) {
            if (number != null ? number.equals(Texts.number(s.getNumber()))
                    : Texts.number(s.getNumber()) == null && Texts.key(s.getName()).equals(Texts.key(name))) {
                return s;
            }
            FunctionSection sub = find(s.getSubsections(), number, name);
            if (sub != null) {
                return sub;
            }
        }
        return null;
    }

    private static Function function(FunctionSection section, String number, String name) {
        for (Function f : section.getFunctions()) {
            if (number != null ? number.equals(Texts.number(f.getNumber()))
                    : Texts.number(f.getNumber()) == null && Texts.key(f.getName()).equals(Texts.key(name))) {
                return f;
            }
        }
        return null;
    }

    @Override
    public void write(QualitySystem system, Path file) throws IOException {
        XSSFWorkbook workbook = new XSSFWorkbook();
        SheetWriter sheet = new SheetWriter(workbook, Messages.tableFunctionsSheet, null,
                List.of(Messages.tableColumnNumber, Messages.tableColumnFunction, Messages.tableColumnResponsible,
                        Messages.tableColumnDocuments));
        writeSections(sheet, system.getSections());
        save(workbook, file);
    }

    private static void writeSections(SheetWriter sheet, List<FunctionSection> sections) {
        for (FunctionSection s : sections) {
            String number = s.getNumber() == null ? "" : s.getNumber();
            if (number.isBlank()) {
                sheet.spanning(s.getName() == null ? "" : s.getName());
            } else {
                sheet.row(List.of(number, nonNull(s.getName()), names(s.getResponsibleRoles(), ", "),
                        names(s.getDocuments(), "\n")));
            }
            for (Function f : s.getFunctions()) {
                String responsible = f.getResponsibleText() == null || f.getResponsibleText().isBlank()
                        ? names(f.getResponsibleRoles(), ", ")
                        : f.getResponsibleText();
                sheet.row(List.of(nonNull(f.getNumber()), nonNull(f.getName()), responsible, names(f.getDocuments(), "\n")));
            }
            writeSections(sheet, s.getSubsections());
        }
    }

    static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
