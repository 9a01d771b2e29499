package oko.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.emf.ecore.EObject;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.Messages;
import oko.exchange.ModelExport;
import oko.exchange.ModelImport;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.model.RoleKind;

/**
 * What the imports of tables (function distribution, plan, technological map) share: reading the
 * file's grid, matching and creating roles and documents, the changes kept to be applied, and
 * writing XLSX.
 */
public abstract class TableImport implements ModelImport, ModelExport {

    private static final Set<String> EXTENSIONS = Set.of("docx", "xlsx");

    @Override
    public Set<String> extensions() {
        return EXTENSIONS;
    }

    /** A table of a file: its grid and the columns found in its header. */
    public record Table<C extends Enum<C>>(Grid grid, GridColumns<C> columns) {
    }

    /**
     * Reads the first table of the file whose header {@code columns} recognises and keeps the header
     * in the report; when no table has it, null and an error naming the header expected.
     */
    protected static <C extends Enum<C>> Table<C> table(Path file, ImportReport report,
            java.util.function.Function<Grid, GridColumns<C>> columns, String expected) throws IOException {
        Grid grid = Grid.read(file, g -> columns.apply(g) != null);
        GridColumns<C> found = columns.apply(grid);
        if (found == null) {
            report.error(0, null, Messages.bind(Messages.tableNoHeader, expected));
            return null;
        }
        report.header(found.names());
        return new Table<>(grid, found);
    }

    /** The changes an import makes, kept until applied. */
    public static final class Changes implements ModelImport.Prepared {

        private final ImportReport report;
        private final List<Runnable> operations = new ArrayList<>();
        private final List<EObject> top = new ArrayList<>();
        private boolean applied;

        public Changes(ImportReport report) {
            this.report = report;
        }

        public void add(Runnable operation) {
            operations.add(operation);
        }

        public void top(EObject object) {
            if (!top.contains(object)) {
                top.add(object);
            }
        }

        @Override
        public ImportReport report() {
            return report;
        }

        @Override
        public List<EObject> apply() {
            if (report.hasErrors()) {
                throw new IllegalStateException(Messages.bind(Messages.notWithErrors, report.file()));
            }
            if (applied) {
                throw new IllegalStateException(report.file());
            }
            applied = true;
            operations.forEach(Runnable::run);
            return List.copyOf(top);
        }
    }

    /**
     * The roles and documents of a system as an import finds them (by name or code, ignoring case,
     * spaces and quotes), and those it creates, once each, reported as notes.
     */
    public static final class Catalogue {

        private final QualitySystem system;
        private final ImportReport report;
        private final Changes changes;
        private final Map<String, Role> roles = new HashMap<>();
        /** The roles by {@link Participations#stems}: a clause names them in the genitive. */
        private final Map<String, Role> stems = new HashMap<>();
        private final Map<String, Document> documents = new HashMap<>();

        public Catalogue(QualitySystem system, ImportReport report, Changes changes) {
            this.system = system;
            this.report = report;
            this.changes = changes;
            for (Role role : system.getRoles()) {
                roles.putIfAbsent(Texts.key(role.getName()), role);
                if (role.getCode() != null && !role.getCode().isBlank()) {
                    roles.putIfAbsent(Texts.key(role.getCode()), role);
                }
                stems.putIfAbsent(Participations.stems(role.getName()), role);
            }
            addDocuments(system.getDocuments());
        }

        private void addDocuments(List<Document> list) {
            for (Document d : list) {
                documents.putIfAbsent(Texts.key(d.getName()), d);
                addDocuments(d.getAnnexes());
            }
        }

        /**
         * The roles a cell names: the whole cell when it is one role's name, else each line (or part
         * between semicolons), else each part between commas (outside brackets); a part naming no
         * role creates one (a note).
         */
        public List<Role> roles(String cell, int row, String column) {
            List<Role> found = new ArrayList<>();
            Role whole = roles.get(Texts.key(cell));
            if (whole != null) {
                found.add(whole);
                return found;
            }
            for (String line : Texts.split(cell, false)) {
                Role role = roles.get(Texts.key(line));
                if (role != null) {
                    add(found, role);
                    continue;
                }
                for (String part : commaParts(line)) {
                    add(found, role(part, row, column));
                }
            }
            return found;
        }

        /**
         * The roles a clause of a responsible cell names («при непосредственном участии
         * методических объединений…»): each name matched as {@link #roles} does, else by its stems
         * (the clause puts the names in the genitive), else a role of that name is created (a note).
         */
        public List<Role> participants(List<String> names, int row, String column) {
            List<Role> found = new ArrayList<>();
            for (String name : names) {
                Role role = roles.get(Texts.key(name));
                String stem = Participations.stems(name);
                if (role == null && !stem.isEmpty()) {
                    role = stems.get(stem);
                }
                if (role == null) {
                    role = role(name, row, column);
                    stems.putIfAbsent(Participations.stems(name), role);
                }
                add(found, role);
            }
            return found;
        }

        private static void add(List<Role> list, Role role) {
            if (!list.contains(role)) {
                list.add(role);
            }
        }

        private Role role(String name, int row, String column) {
            String key = Texts.key(name);
            Role role = roles.get(key);
            if (role == null) {
                role = OkoFactory.eINSTANCE.createRole();
                role.setName(name);
                role.setKind(roleKind(key));
                roles.put(key, role);
                stems.putIfAbsent(Participations.stems(name), role);
                Role created = role;
                changes.add(() -> system.getRoles().add(created));
                report.created(Messages.classRole);
                report.note(row, column, Messages.bind(Messages.tableRoleCreated, name));
            }
            return role;
        }

        /** The documents named (each matched by name, created when missing, a note). */
        public List<Document> documents(List<String> names, int row, String column) {
            List<Document> found = new ArrayList<>();
            for (String name : names) {
                String key = Texts.key(name);
                Document document = documents.get(key);
                if (document == null) {
                    document = OkoFactory.eINSTANCE.createDocument();
                    document.setName(name);
                    document.setKind(documentKind(key));
                    documents.put(key, document);
                    Document created = document;
                    changes.add(() -> system.getDocuments().add(created));
                    report.created(Messages.classDocument);
                    report.note(row, column, Messages.bind(Messages.tableDocumentCreated, name));
                }
                if (!found.contains(document)) {
                    found.add(document);
                }
            }
            return found;
        }

        /** An existing document of that name, or null. */
        public Document existingDocument(String name) {
            return documents.get(Texts.key(name));
        }
    }

    /** Parts of a text between commas that are not inside brackets. */
    static List<String> commaParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '(' || c == '«') {
                depth++;
            } else if ((c == ')' || c == '»') && depth > 0) {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        parts.add(b.toString());
        List<String> clean = new ArrayList<>();
        for (String p : parts) {
            String t = p.trim().replaceAll("[.;]$", "").trim();
            if (!t.isEmpty()) {
                clean.add(t);
            }
        }
        return clean;
    }

    static RoleKind roleKind(String key) {
        if (GridColumns.has(key, "координатор")) {
            return RoleKind.COORDINATOR;
        }
        if (GridColumns.has(key, "оператор")) {
            return RoleKind.MUNICIPAL_OPERATOR;
        }
        if (GridColumns.has(key, "куратор")) {
            return RoleKind.CURATOR;
        }
        if (GridColumns.has(key, "исполнител")) {
            return RoleKind.RESPONSIBLE_EXECUTOR;
        }
        if (GridColumns.has(key, "заместитель начальника", "заместитель руководителя")) {
            return RoleKind.DEPUTY_HEAD_OF_AUTHORITY;
        }
        if (GridColumns.has(key, "начальник", "руководитель управления", "руководитель органа")) {
            return RoleKind.HEAD_OF_AUTHORITY;
        }
        if (GridColumns.has(key, "заместител") && GridColumns.has(key, "директор")) {
            return RoleKind.DEPUTY_DIRECTOR;
        }
        if (GridColumns.has(key, "директор")) {
            return RoleKind.SCHOOL_DIRECTOR;
        }
        if (GridColumns.has(key, "педагогический совет")) {
            return RoleKind.PEDAGOGICAL_COUNCIL;
        }
        if (key.startsWith("мо ") || GridColumns.has(key, "методическое объединение", "методические объединения")) {
            return RoleKind.METHODICAL_ASSOCIATION;
        }
        if (GridColumns.has(key, "методическ")) {
            return RoleKind.METHODICAL_SERVICE;
        }
        if (GridColumns.has(key, "учител", "педагог")) {
            return RoleKind.TEACHER;
        }
        if (GridColumns.has(key, "специалист", "инспектор")) {
            return RoleKind.SPECIALIST;
        }
        return RoleKind.OTHER;
    }

    static DocumentKind documentKind(String key) {
        String[][] starts = { { "приказ", "ORDER" }, { "положени", "REGULATION" }, { "регламент", "REGULATION" },
                { "циклограмм", "CYCLOGRAM" }, { "сетев", "NETWORK_SCHEDULE" }, { "график", "SCHEDULE" },
                { "план-график", "SCHEDULE" }, { "годовой план", "ANNUAL_PLAN" }, { "план", "ANNUAL_PLAN" },
                { "протокол", "PROTOCOL" }, { "аналитическ", "ANALYTICAL_REPORT" }, { "статистическ", "STATISTICAL_REPORT" },
                { "отчет", "ANALYTICAL_REPORT" }, { "адресные рекомендации", "RECOMMENDATIONS" },
                { "рекомендаци", "RECOMMENDATIONS" }, { "методические рекомендации", "RECOMMENDATIONS" },
                { "информационн", "INFORMATION_LETTER" }, { "письм", "INFORMATION_LETTER" },
                { "индивидуальн", "INDIVIDUAL_PLAN" }, { "постановлени", "RESOLUTION" }, { "распоряжени", "ORDER" },
                { "устав", "CHARTER" }, { "ооп", "EDUCATIONAL_PROGRAM" }, { "аооп", "EDUCATIONAL_PROGRAM" },
                { "образовательн", "EDUCATIONAL_PROGRAM" }, { "программ", "PROGRAM" }, { "концепци", "PROGRAM" } };
        for (String[] s : starts) {
            if (key.startsWith(s[0])) {
                return DocumentKind.valueOf(s[1]);
            }
        }
        return DocumentKind.OTHER;
    }

    /** The file's name as shown in reports. */
    protected static String fileName(Path file) {
        return file.getFileName().toString();
    }

    /** The file's name without its extension. */
    protected static String baseName(Path file) {
        String n = fileName(file);
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** Whether the file's extension is one read. */
    protected boolean readable(Path file) {
        String n = fileName(file).toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot > 0 && extensions().contains(n.substring(dot + 1));
    }

    /** The text above the table: the DOCX's title, else the first text on the rows above the header. */
    protected static String title(Grid grid, GridColumns<?> columns, Path file) {
        if (!grid.title().isEmpty()) {
            return grid.title();
        }
        for (int r = 0; r < columns.headerRow(); r++) {
            List<String> texts = grid.rows().get(r).distinct();
            if (!texts.isEmpty()) {
                return texts.get(0).replace('\n', ' ');
            }
        }
        return baseName(file);
    }

    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");

    /**
     * The period deadlines refer to: the one given ({@code --period}; an unknown code is an error of
     * the report), else the plan's own, else the only period whose code or name has the title's year.
     */
    protected static Period period(QualitySystem system, ImportSettings settings, Period own, String title,
            ImportReport report) {
        ModelRoot model = system.eContainer() instanceof ModelRoot m ? m : null;
        List<Period> periods = model == null ? List.of() : model.getPeriods();
        if (settings.period() != null) {
            for (Period p : periods) {
                if (settings.period().equals(p.getCode())) {
                    return p;
                }
            }
            report.error(0, null, Messages.bind(Messages.tableNoSuchPeriod, settings.period(),
                    String.join(", ", periods.stream().map(Period::getCode).toList())));
            return null;
        }
        if (own != null) {
            return own;
        }
        Matcher m = YEAR.matcher(title == null ? "" : title);
        if (m.find()) {
            String year = m.group(1);
            List<Period> matching = periods.stream().filter(p -> year.equals(p.getCode())).toList();
            if (matching.isEmpty()) {
                matching = periods.stream().filter(p -> p.getName() != null && p.getName().contains(year)).toList();
            }
            if (matching.size() == 1) {
                return matching.get(0);
            }
        }
        return null;
    }

    /** The names of the roles joined as a cell shows them. */
    protected static String names(List<? extends oko.model.NamedElement> elements, String separator) {
        List<String> names = new ArrayList<>();
        for (oko.model.NamedElement e : elements) {
            if (e.getName() != null) {
                names.add(e.getName());
            }
        }
        return String.join(separator, names);
    }

    /** Whether two texts are the same as cells (after cleaning). */
    protected static boolean same(String a, String b) {
        return Texts.clean(a).equals(Texts.clean(b));
    }

    /** Whether a list of named elements has the names (as keys) in that order. */
    protected static boolean sameNames(List<? extends oko.model.NamedElement> elements, List<String> names) {
        if (elements.size() != names.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!Texts.key(elements.get(i).getName()).equals(Texts.key(names.get(i)))) {
                return false;
            }
        }
        return true;
    }

    /** A sheet written by an export: a title row, a header row, then rows; section rows merged across. */
    public static final class SheetWriter {

        private final Sheet sheet;
        private final CellStyle wrap;
        private final CellStyle bold;
        private final int width;
        private int next;

        public SheetWriter(XSSFWorkbook workbook, String name, String title, List<String> header) {
            this.sheet = workbook.createSheet(org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(name));
            this.width = header.size();
            wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            bold = workbook.createCellStyle();
            bold.cloneStyleFrom(wrap);
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            if (title != null && !title.isEmpty()) {
                Row row = sheet.createRow(next++);
                Cell cell = row.createCell(0);
                cell.setCellValue(title);
                cell.setCellStyle(bold);
                next++;
            }
            row(header, bold);
            for (int c = 0; c < width; c++) {
                sheet.setColumnWidth(c, c == 0 ? 10 * 256 : 45 * 256);
            }
        }

        public void row(List<String> cells) {
            row(cells, wrap);
        }

        private void row(List<String> cells, CellStyle style) {
            Row row = sheet.createRow(next++);
            for (int c = 0; c < cells.size(); c++) {
                Cell cell = row.createCell(c);
                cell.setCellValue(cells.get(c) == null ? "" : cells.get(c));
                cell.setCellStyle(style);
            }
        }

        /** A row with one text across every column. */
        public void spanning(String text) {
            Row row = sheet.createRow(next);
            Cell cell = row.createCell(0);
            cell.setCellValue(text);
            cell.setCellStyle(bold);
            sheet.addMergedRegion(new CellRangeAddress(next, next, 0, width - 1));
            next++;
        }
    }

    /** Writes a workbook to the file through a temporary file, replacing the file only when complete. */
    protected static void save(XSSFWorkbook workbook, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".oko-export", ".xlsx");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                workbook.write(out);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
            workbook.close();
        }
    }

    /** Numbers of the rows read so far, to report a number used twice. */
    public static final class Numbers {
        private final Map<String, Integer> rows = new LinkedHashMap<>();

        /** The row where the number was first seen, or 0 (and remembers it). */
        public int seen(String number, int row) {
            Integer before = rows.putIfAbsent(number, row);
            return before == null ? 0 : before;
        }
    }
}
