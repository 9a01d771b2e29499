package oko.exchange.tests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;

import oko.exchange.ImportReport;
import oko.exchange.ImportSession;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.ModelImports;
import oko.model.AttributeDefinition;
import oko.model.AttributeType;
import oko.model.AttributeValue;
import oko.model.Cluster;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.Person;
import oko.model.Position;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.model.RoleKind;
import oko.model.Territory;
import oko.model.TerritoryKind;
import oko.repository.OkoRepository;

/**
 * A small district in a real embedded repository, as the register tests start from: a region with
 * one district, clusters «Городские школы» (city) and «Сельские школы» (rural), periods 2023 and
 * 2024, five attribute definitions (two flags, an integer, a decimal, a text), the authority uo and
 * the school sch-1 (with a flag, a value for 2023 and head Сидоров С.С.), Иванова Наталия Геннадьевна
 * (Начальник at uo, coordinator), and the system msoko with roles coord, exec and operator. Also
 * writes CSV and XLSX files for the tests.
 */
final class District {

    static final String SYSTEM = "msoko";
    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private District() {
    }

    static void create(OkoRepository repository) {
        CDOTransaction t = repository.openTransaction();
        try {
            ModelRoot root = OkoRepository.newModel(t, "district", "Новый район");
            Territory region = territory("02", "Республика", TerritoryKind.REGION);
            Territory district = territory("02-nr", "МР Новый район", TerritoryKind.MUNICIPAL_DISTRICT);
            region.getChildren().add(district);
            root.getTerritories().add(region);
            root.getClusters().add(cluster("city", "Городские школы"));
            root.getClusters().add(cluster("rural", "Сельские школы"));
            root.getPeriods().add(period("2023", "2023 год"));
            root.getPeriods().add(period("2024", "2024 год"));
            root.getAttributeDefinitions().add(definition("small_school", "малокомплектная школа (да/нет)", AttributeType.BOOLEAN));
            root.getAttributeDefinitions().add(definition("remote", "удалённая", AttributeType.BOOLEAN));
            root.getAttributeDefinitions().add(definition("vacancies", "вакансий", AttributeType.INTEGER));
            root.getAttributeDefinitions().add(definition("share", "доля педагогов высшей категории", AttributeType.DECIMAL));
            root.getAttributeDefinitions().add(definition("remark", "примечание", AttributeType.TEXT));

            Organisation uo = F.createOrganisation();
            uo.setCode("uo");
            uo.setName("Управление образования");
            uo.setShortName("УО");
            uo.setKind(OrganisationKind.AUTHORITY);
            uo.setTerritory(district);
            root.getOrganisations().add(uo);

            Person ivanova = F.createPerson();
            ivanova.setName("Иванова Наталия Геннадьевна");
            ivanova.setLastName("Иванова");
            ivanova.setFirstName("Наталия");
            ivanova.setMiddleName("Геннадьевна");
            Position chief = F.createPosition();
            chief.setTitle("Начальник");
            chief.setOrganisation(uo);
            ivanova.getPositions().add(chief);
            root.getPersons().add(ivanova);
            Person sidorov = F.createPerson();
            sidorov.setName("Сидоров С.С.");
            root.getPersons().add(sidorov);

            Organisation school = F.createOrganisation();
            school.setCode("sch-1");
            school.setName("МБОУ СОШ № 1");
            school.setShortName("СОШ № 1");
            school.setKind(OrganisationKind.SCHOOL);
            school.setCluster(root.getClusters().get(0));
            school.setTerritory(district);
            school.setParent(uo);
            school.setStudentCount(500);
            school.setTeacherCount(40);
            school.setWebsite("http://s1.example");
            school.setAddress("ул. Ленина, 1");
            school.setHead(sidorov);
            AttributeValue small = F.createAttributeValue();
            small.setDefinition(root.getAttributeDefinitions().get(0));
            small.setBooleanValue(false);
            school.getAttributes().add(small);
            AttributeValue vacancies = F.createAttributeValue();
            vacancies.setDefinition(root.getAttributeDefinitions().get(2));
            vacancies.setPeriod(root.getPeriods().get(0));
            vacancies.setNumberValue(1.0);
            school.getAttributes().add(vacancies);
            root.getOrganisations().add(school);

            QualitySystem system = F.createQualitySystem();
            system.setCode(SYSTEM);
            system.setName("МСОКО Нового района");
            system.setLevel(Level.MUNICIPALITY);
            system.getRoles().add(role("coord", "Координатор", RoleKind.COORDINATOR));
            system.getRoles().add(role("exec", "Ответственный исполнитель", RoleKind.RESPONSIBLE_EXECUTOR));
            system.getRoles().add(role("operator", "Муниципальный оператор", RoleKind.MUNICIPAL_OPERATOR));
            system.getRoles().get(0).getHolders().add(ivanova);
            root.getQualitySystems().add(system);
            repository.commit(t, "district", new NullProgressMonitor());
        } finally {
            t.close();
        }
    }

    private static Territory territory(String code, String name, TerritoryKind kind) {
        Territory territory = F.createTerritory();
        territory.setCode(code);
        territory.setName(name);
        territory.setKind(kind);
        return territory;
    }

    private static Cluster cluster(String code, String name) {
        Cluster cluster = F.createCluster();
        cluster.setCode(code);
        cluster.setName(name);
        return cluster;
    }

    private static Period period(String code, String name) {
        Period period = F.createPeriod();
        period.setCode(code);
        period.setName(name);
        return period;
    }

    private static AttributeDefinition definition(String code, String name, AttributeType type) {
        AttributeDefinition definition = F.createAttributeDefinition();
        definition.setCode(code);
        definition.setName(name);
        definition.setType(type);
        return definition;
    }

    private static Role role(String code, String name, RoleKind kind) {
        Role role = F.createRole();
        role.setCode(code);
        role.setName(name);
        role.setKind(kind);
        return role;
    }

    // ---- reading the repository ----

    /** What a fresh view of the repository shows of the district's model. */
    static <T> T read(OkoRepository repository, Function<ModelRoot, T> what) {
        CDOView view = repository.openView();
        try {
            ModelRoot root = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .map(ModelRoot.class::cast).findFirst().orElseThrow();
            return what.apply(root);
        } finally {
            view.close();
        }
    }

    static Organisation organisation(ModelRoot root, String code) {
        return root.getOrganisations().stream().filter(o -> code.equals(o.getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no organisation " + code));
    }

    static Person person(ModelRoot root, String name) {
        return root.getPersons().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("no person " + name));
    }

    static QualitySystem system(ModelRoot root) {
        return root.getQualitySystems().stream().filter(s -> SYSTEM.equals(s.getCode())).findFirst().orElseThrow();
    }

    /** The organisation's value of the attribute (by code) for the period (by code, null: none), as text. */
    static String value(Organisation organisation, String attribute, String period) {
        for (AttributeValue value : organisation.getAttributes()) {
            if (attribute.equals(value.getDefinition().getCode()) && (period == null ? value.getPeriod() == null
                    : value.getPeriod() != null && period.equals(value.getPeriod().getCode()))) {
                return switch (value.getDefinition().getType()) {
                case BOOLEAN -> Boolean.toString(value.isBooleanValue());
                case INTEGER, DECIMAL -> String.valueOf(value.getNumberValue());
                default -> value.getTextValue();
                };
            }
        }
        return null;
    }

    // ---- imports ----

    static ModelImport kind(String id) {
        return ModelImports.importOf(id).orElseThrow(() -> new AssertionError("no import " + id));
    }

    /** Prepares the file in a session and closes it without storing anything; returns the report. */
    static ImportReport prepare(OkoRepository repository, String id, Path file, ImportSettings settings)
            throws IOException {
        try (ImportSession session = ImportSession.open(repository, SYSTEM)) {
            return session.prepare(kind(id), file, settings, new NullProgressMonitor()).report();
        }
    }

    /** Prepares the file and, without errors, commits it; returns the report. */
    static ImportReport store(OkoRepository repository, String id, Path file, ImportSettings settings)
            throws IOException {
        try (ImportSession session = ImportSession.open(repository, SYSTEM)) {
            ModelImport.Prepared prepared = session.prepare(kind(id), file, settings, new NullProgressMonitor());
            if (!prepared.report().hasErrors()) {
                session.commit(prepared, "test", new NullProgressMonitor());
            }
            return prepared.report();
        }
    }

    /** Exports the register or table of that id of the system, in a session of its own. */
    static void export(OkoRepository repository, String id, Path file) throws IOException {
        try (ImportSession session = ImportSession.open(repository, SYSTEM)) {
            ModelImports.exportOf(id).orElseThrow(() -> new AssertionError("no export " + id)).write(session.system(),
                    file);
        }
    }

    // ---- files ----

    /** A CSV in the charset, with a BOM if asked, separated by the delimiter. */
    static Path csv(Path file, Charset charset, boolean bom, char delimiter, List<List<String>> rows) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); Writer writer = new OutputStreamWriter(out, charset)) {
            if (bom) {
                writer.write('\uFEFF');
            }
            try (CSVPrinter printer = new CSVPrinter(writer,
                    CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setRecordSeparator("\r\n").get())) {
                for (List<String> row : rows) {
                    printer.printRecord(row);
                }
            }
        }
        return file;
    }

    /** A formula cell of a workbook written by {@link #xlsx}. */
    record Formula(String text) {
    }

    /** A workbook with one sheet «Реестр»: Numbers as number cells, Formulas as formulas, the rest as text. */
    static Path xlsx(Path file, List<? extends List<?>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Реестр");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    Object value = rows.get(r).get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else if (value instanceof Formula formula) {
                        cell.setCellFormula(formula.text());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        return file;
    }

    /** The rows of the first sheet of a workbook as text (for checking what an export wrote). */
    static List<List<String>> sheet(Path file) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<String>> rows = new java.util.ArrayList<>();
            org.apache.poi.ss.usermodel.DataFormatter formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : formatter.formatCellValue(cell));
                }
                rows.add(cells);
            }
            return rows;
        }
    }
}
