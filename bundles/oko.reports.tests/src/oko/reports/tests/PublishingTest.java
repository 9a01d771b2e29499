package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * Reports fit for publishing: the system is a parameter (a repository of two systems A and B: A's
 * role distribution holds A's roles and none of B's; an unknown system is refused by name; a
 * missing one is asked for), the page header names the authority, the title and the date, the
 * footer numbers the pages «стр. N из M» in PDF and DOCX, and XLSX has number cells and a sheet
 * named after the title.
 */
class PublishingTest {

    private static final Path OUT = Path.of("target", "publishing");
    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final String TODAY = LocalDate.now().format(DateTimeFormatter.ofPattern("dd.MM.yyyy"));
    private static List<QualitySystem> repository;

    /**
     * Two systems in one model: A (the education authority of district A; 3 sections of 12
     * functions each with two roles, enough for three pages or more) and B (one section, its own roles).
     */
    @BeforeAll
    static void twoSystems() throws Exception {
        Files.createDirectories(OUT);
        ModelRoot root = F.createModelRoot();
        Organisation authority = F.createOrganisation();
        authority.setCode("uo-a");
        authority.setName("Управление образования администрации района А");
        root.getOrganisations().add(authority);
        QualitySystem a = system(root, "msoko-a", "МСОКО района А", "Методист А-", 3, 12);
        a.setOrganisation(authority);
        system(root, "msoko-b", "МСОКО района Б", "Инспектор Б-", 1, 3);
        repository = List.copyOf(root.getQualitySystems());
    }

    private static QualitySystem system(ModelRoot root, String code, String name, String rolePrefix, int sections,
            int functions) {
        QualitySystem system = F.createQualitySystem();
        system.setCode(code);
        system.setName(name);
        root.getQualitySystems().add(system);
        for (int s = 1; s <= sections; s++) {
            FunctionSection section = F.createFunctionSection();
            section.setNumber(Integer.toString(s));
            section.setName("Раздел " + s + " системы " + name);
            system.getSections().add(section);
            for (int f = 1; f <= functions; f++) {
                Role first = role(system, rolePrefix + s + "." + f);
                Role second = role(system, rolePrefix + s + "." + f + " (заместитель)");
                Function function = F.createFunction();
                function.setNumber(s + "." + f);
                function.setName("Функция " + s + "." + f + ": сбор, обработка и анализ информации о качестве образования");
                function.getResponsibleRoles().add(first);
                function.getResponsibleRoles().add(second);
                section.getFunctions().add(function);
            }
        }
        return system;
    }

    private static Role role(QualitySystem system, String name) {
        Role role = F.createRole();
        role.setCode(name);
        role.setName(name);
        system.getRoles().add(role);
        return role;
    }

    private static Layout layout(String id) {
        return Reports.catalogue(null).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Path render(String id, Format format, Map<String, String> parameters, Object model, String name)
            throws Exception {
        Path file = OUT.resolve(name + "." + format.extension);
        try (OutputStream out = Files.newOutputStream(file)) {
            Reports.render(layout(id), format, parameters, model, out, OUT.resolve(name + "-images"));
        }
        return file;
    }

    private static int pages(Path pdf) throws Exception {
        Matcher pages = Pattern.compile("Pages:\\s+(\\d+)").matcher(Tools.run("pdfinfo", pdf.toString()));
        assertTrue(pages.find());
        return Integer.parseInt(pages.group(1));
    }

    /** The text of one page of the PDF, spaces collapsed. */
    private static String page(Path pdf, int page) throws Exception {
        return Tools.run("pdftotext", "-enc", "UTF-8", "-f", Integer.toString(page), "-l", Integer.toString(page), pdf.toString(), "-")
                .replaceAll("\\s+", " ");
    }

    @Test
    void theRoleDistributionOfSystemAHoldsAsRolesOnlyWithTheHeaderAndThePageNumbersOnEveryPage() throws Exception {
        Path pdf = render("roles", Format.PDF, Map.of("system", "msoko-a"), repository, "roles-a");
        int pages = pages(pdf);
        assertTrue(pages >= 2, "36 functions of two roles each fill more than a page: " + pages);
        String all = Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").replaceAll("\\s+", " ");
        assertTrue(all.contains("Методист А-1.1 (заместитель)") && all.contains("Методист А-3.12"), "A's roles");
        assertFalse(all.contains("Инспектор Б-"), "B's roles in A's report");
        assertFalse(all.contains("МСОКО района Б"), "B's sections in A's report");
        for (int n = 1; n <= pages; n++) {
            String text = page(pdf, n);
            assertTrue(text.contains("стр. " + n + " из " + pages), "page " + n + ": " + text);
            assertTrue(text.contains("Управление образования администрации района А"), "authority on page " + n);
            assertTrue(text.contains("Распределение функций"), "title on page " + n);
            assertTrue(text.contains(TODAY), "date on page " + n);
        }
        // what a person sees: the pages as pictures (looked at by hand), none of them nearly empty
        Tools.run("pdftoppm", "-png", "-r", "50", pdf.toString(), OUT.resolve("roles-a-page").toString());
        for (int n = 1; n < pages; n++) {
            assertTrue(page(pdf, n).length() > 1500, "page " + n + " is half empty: " + page(pdf, n).length());
        }
    }

    @Test
    void theSystemIsAParameterChosenFromTheRepositorysSystemsAndAnUnknownOneIsRefusedByName() throws Exception {
        Layout roles = layout("roles");
        List<Reports.Parameter> parameters = Reports.parameters(roles, repository);
        Reports.Parameter system = parameters.stream().filter(p -> p.name().equals("system")).findFirst().orElseThrow();
        assertTrue(system.required());
        assertEquals(List.of("msoko-a", "msoko-b"), system.choices().stream().map(Reports.Choice::value).toList());
        assertEquals("МСОКО района А (msoko-a)", system.choices().get(0).label());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Reports.render(roles,
                Format.HTML, Map.of("system", "msoko-x"), repository, new ByteArrayOutputStream(), null));
        assertTrue(unknown.getMessage().contains("\"msoko-x\" is not one of msoko-a, msoko-b"), unknown.getMessage());
        // two systems and none chosen: asked for, naming the choices
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Reports.render(roles,
                Format.HTML, Map.of(), repository, new ByteArrayOutputStream(), null));
        assertTrue(missing.getMessage().contains("system") && missing.getMessage().contains("msoko-a, msoko-b"),
                missing.getMessage());
        // one system in the repository: it is the default
        ByteArrayOutputStream html = new ByteArrayOutputStream();
        Reports.render(roles, Format.HTML, Map.of(), repository.get(1), html, null);
        assertTrue(html.toString(StandardCharsets.UTF_8).contains("Инспектор Б-1.3"));
    }

    @Test
    void theDocxHasTheHeaderAndPageNumberFieldsAndTheXlsxANamedSheet() throws Exception {
        Path docx = render("roles", Format.DOCX, Map.of("system", "msoko-a"), repository, "roles-a");
        try (XWPFDocument document = new XWPFDocument(Files.newInputStream(docx))) {
            String headers = String.join(" ", document.getHeaderList().stream().map(XWPFHeader::getText).toList());
            assertTrue(headers.contains("Управление образования администрации района А"), headers);
            assertTrue(headers.contains("Распределение функций") && headers.contains(TODAY), headers);
            String footers = String.join(" ", document.getFooterList().stream().map(XWPFFooter::getText).toList());
            assertTrue(footers.contains("стр.") && footers.contains("из"), footers);
            // Word computes the numbers: the footer holds the fields PAGE and NUMPAGES
            String xml = String.join(" ", document.getFooterList().stream().map(PublishingTest::xml).toList());
            assertTrue(xml.contains("PAGE") && xml.contains("NUMPAGES"), xml);
        }
        Path xlsx = render("roles", Format.XLSX, Map.of("system", "msoko-a"), repository, "roles-a");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(1, workbook.getNumberOfSheets());
            assertEquals("Распределение функций", workbook.getSheetName(0));
            // printed: the header of the report and Excel's page fields in the footer
            var sheet = workbook.getSheetAt(0);
            assertEquals("Управление образования администрации района А", sheet.getHeader().getLeft());
            assertEquals("Распределение функций", sheet.getHeader().getCenter());
            assertEquals(TODAY, sheet.getHeader().getRight());
            assertEquals("стр. &P из &N", sheet.getFooter().getCenter());
        }
        assertEquals("Результаты мониторинга по…", Reports.sheetName("Результаты мониторинга по показателю"));
        assertEquals("Закрепление ответственности…", Reports.sheetName(
                "Закрепление ответственности Координатора и ответственных исполнителей"));
    }

    private static String xml(XWPFFooter footer) {
        try (var in = footer.getPackagePart().getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A school-level layout (the role distribution with the parameter "school" on the data set of
     * the schools that run a ВСОКО): the school's ВСОКО only, the school named in the header.
     */
    @Test
    void aSchoolLevelLayoutReportsOnTheChosenSchoolsVsoko(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        ModelRoot root = F.createModelRoot();
        Organisation school = F.createOrganisation();
        school.setCode("sosh-7");
        school.setName("МБОУ «СОШ № 7»");
        root.getOrganisations().add(school);
        QualitySystem vsoko = system(root, "vsoko-7", "ВСОКО СОШ № 7", "Завуч С-", 1, 2);
        vsoko.setLevel(oko.model.Level.SCHOOL);
        vsoko.setOrganisation(school);
        system(root, "msoko-c", "МСОКО района В", "Методист В-", 1, 2);
        String design = Files.readString(Path.of(System.getProperty("oko.root"))
                .resolve("bundles/oko.reports/layouts/role-distribution.rptdesign"));
        Files.writeString(folder.resolve("school-roles.rptdesign"), design
                .replace("<scalar-parameter name=\"system\"", "<scalar-parameter name=\"school\"")
                .replace("oko.reports.data.SystemChoices", "oko.reports.data.SchoolChoices"));
        Layout layout = Reports.catalogue(folder).stream().filter(l -> l.id().equals("school-roles")).findFirst().orElseThrow();
        Reports.Parameter parameter = Reports.parameters(layout, root.getQualitySystems()).get(0);
        assertEquals("school", parameter.name());
        assertEquals(List.of(new Reports.Choice("sosh-7", "МБОУ «СОШ № 7»")), parameter.choices());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // the only school: the default
        Reports.render(layout, Format.PDF, Map.of(), List.copyOf(root.getQualitySystems()), out, null);
        Path pdf = OUT.resolve("school-roles.pdf");
        Files.write(pdf, out.toByteArray());
        String text = page(pdf, 1);
        assertTrue(text.contains("Завуч С-1.2") && !text.contains("Методист В-"), text);
        assertTrue(text.contains("МБОУ «СОШ № 7»") && text.contains("стр. 1 из 1"), text);
    }

    /** The monitoring report of the sample in XLSX: the values are number cells, the sheet is named. */
    @Test
    void theMonitoringXlsxHasNumberCellsForTheValues() throws Exception {
        List<QualitySystem> sample = ReportsTest.sample();
        Path xlsx = render("monitoring", Format.XLSX, Map.of("system", "ishimbay-msoko", "indicator", "1.2.1.1",
                "period", "2023"), sample, "monitoring");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            assertEquals(1, workbook.getNumberOfSheets());
            assertEquals("Результаты мониторинга по…", workbook.getSheetName(0));
            Sheet sheet = workbook.getSheetAt(0);
            // the column under «Значение»: every school's value a number cell
            int header = -1;
            int column = -1;
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals("Значение")) {
                        header = row.getRowNum();
                        column = cell.getColumnIndex();
                    }
                }
            }
            assertTrue(column >= 0, "no column «Значение»");
            List<Double> values = new ArrayList<>();
            List<String> texts = new ArrayList<>();
            for (Row row : sheet) {
                Cell cell = row.getRowNum() > header ? row.getCell(column) : null;
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    continue;
                }
                if (cell.getCellType() == CellType.NUMERIC) {
                    values.add(cell.getNumericCellValue());
                } else {
                    texts.add(cell.toString());
                }
            }
            assertTrue(values.size() >= 5, "number cells: " + values + ", other cells: " + texts);
            assertTrue(values.stream().allMatch(v -> v >= 0 && v <= 100), values.toString());
            // text only in the group rows (the cluster's title spans the table) or "—" for none
            assertTrue(texts.stream().allMatch(t -> t.equals("—") || t.contains("медиана")), texts.toString());
        }
    }
}
