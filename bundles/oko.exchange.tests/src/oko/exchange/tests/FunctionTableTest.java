package oko.exchange.tests;

import static oko.exchange.tests.TableFiles.CONTINUE;
import static oko.exchange.tests.TableFiles.RESTART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.exchange.ImportReport;
import oko.exchange.Messages;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.ModelImports;
import oko.exchange.tables.FunctionTable;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.OkoFactory;
import oko.model.ParticipationKind;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.model.RoleKind;

/** Function distribution tables: the seeds' shape in DOCX, another shape in XLSX, re-import and round trip. */
class FunctionTableTest {

    @TempDir
    Path dir;

    static ModelImport.Prepared prepare(ModelImport kind, Path file, QualitySystem system) throws IOException {
        return kind.prepare(file, system, ImportSettings.DEFAULT, new NullProgressMonitor());
    }

    static List<String> noteTexts(ImportReport report) {
        return report.notes().stream().map(ImportReport.Line::toString).toList();
    }

    @Test
    void contributedToTheExtensionPoint() {
        assertTrue(ModelImports.importOf("roles").orElseThrow() instanceof FunctionTable);
        assertTrue(ModelImports.exportOf("roles").orElseThrow() instanceof FunctionTable);
        assertEquals("oko.exchange.tables.PlanTable", ModelImports.importOf("plan").orElseThrow().getClass().getName());
        assertEquals("oko.exchange.tables.TechMapTable", ModelImports.importOf("techmap").orElseThrow().getClass().getName());
    }

    /** Seed 003's shape: spanning section rows, responsible and documents merged down over two functions. */
    static Path seedShaped(Path file) throws IOException {
        return TableFiles.docx(file, "Распределение функций по управлению качеством образования", null, new String[][] {
                { "Функции в рамках управления качеством образования", "Примерное распределение функций по должностям",
                        "Примерный перечень распорядительных документов, обеспечивающих выполнение функции" },
                { "<<3>>1. Обеспечение функционирования механизмов УКО в части концептуальных документов" },
                { "Проекты концептуальных документов", RESTART + "Директор, заместители директора,\nПедагогический\u00A0Совет",
                        RESTART + "Устав образовательной организации\nПоложение о ВСОКО" },
                { "Про\u00ADекты   документов, регламентирующих исполнение мероприятий ВСОКО", CONTINUE, CONTINUE },
                { "<<3>>2. Обеспечение функционирования механизмов УКО в части процессуальных документов" },
                { "Проекты процессуальных документов", "Администрация ОУ (директор, заместители)",
                        "Приказы, регламентирующие показатели; Положение о ВСОКО" },
                { "", "", "" } });
    }

    static QualitySystem systemWithDirector() {
        QualitySystem system = TableFiles.system();
        Role director = OkoFactory.eINSTANCE.createRole();
        director.setName("Директор");
        director.setCode("dir");
        system.getRoles().add(director);
        Document regulation = OkoFactory.eINSTANCE.createDocument();
        regulation.setName("Положение о ВСОКО");
        regulation.setKind(DocumentKind.REGULATION);
        system.getDocuments().add(regulation);
        return system;
    }

    @Test
    void seedShapedDocxGivesSectionsFunctionsRolesAndDocuments() throws IOException {
        QualitySystem system = systemWithDirector();
        Role director = system.getRoles().get(0);
        Document regulation = system.getDocuments().get(0);
        Path file = seedShaped(dir.resolve("функции.docx"));
        ModelImport.Prepared prepared = prepare(new FunctionTable(), file, system);
        ImportReport report = prepared.report();
        assertFalse(report.hasErrors(), report.lines().toString());
        // nothing changed before apply
        assertEquals(1, system.getRoles().size());
        assertEquals(0, system.getSections().size());
        assertEquals(2, report.created(Messages.classSection, false));
        assertEquals(3, report.created(Messages.classFunction, false));
        assertEquals(3, report.created(Messages.classRole, false));
        assertEquals(2, report.created(Messages.classDocument, false));
        String f = "функции.docx";
        String r = "Примерное распределение функций по должностям";
        String d = "Примерный перечень распорядительных документов, обеспечивающих выполнение функции";
        assertEquals(List.of(TableFiles.note(f, 3, r, Messages.tableRoleCreated, "заместители директора"),
                TableFiles.note(f, 3, r, Messages.tableRoleCreated, "Педагогический Совет"),
                TableFiles.note(f, 3, d, Messages.tableDocumentCreated, "Устав образовательной организации"),
                TableFiles.note(f, 6, r, Messages.tableRoleCreated, "Администрация ОУ (директор, заместители)"),
                TableFiles.note(f, 6, d, Messages.tableDocumentCreated, "Приказы, регламентирующие показатели")),
                report.notes());
        if ("Функция".equals(Messages.classFunction)) {
            assertEquals("функции.docx, строка 3, столбец " + r + ": роль «заместители директора» не найдена в системе — будет создана",
                    report.lines().get(4));
        }
        assertEquals(5, report.previewRows().size());
        assertEquals("Функции в рамках управления качеством образования", report.header().get(0));

        List<?> top = prepared.apply();
        assertEquals(2, top.size());
        assertEquals(2, system.getSections().size());
        FunctionSection first = system.getSections().get(0);
        assertEquals("1", first.getNumber());
        assertEquals("Обеспечение функционирования механизмов УКО в части концептуальных документов", first.getName());
        assertTrue(first.getResponsibleRoles().isEmpty());
        assertEquals(2, first.getFunctions().size());
        Function f1 = first.getFunctions().get(0);
        Function f2 = first.getFunctions().get(1);
        assertEquals("Проекты концептуальных документов", f1.getName());
        assertNull(f1.getNumber());
        assertEquals("Директор, заместители директора,\nПедагогический Совет", f1.getResponsibleText());
        assertEquals(4, system.getRoles().size());
        Role deputies = system.getRoles().get(1);
        Role council = system.getRoles().get(2);
        Role administration = system.getRoles().get(3);
        assertEquals("заместители директора", deputies.getName());
        assertEquals(RoleKind.DEPUTY_DIRECTOR, deputies.getKind());
        assertEquals("Педагогический Совет", council.getName());
        assertEquals(RoleKind.PEDAGOGICAL_COUNCIL, council.getKind());
        assertEquals(List.of(director, deputies, council), f1.getResponsibleRoles());
        assertEquals(3, system.getDocuments().size());
        Document charter = system.getDocuments().get(1);
        assertEquals("Устав образовательной организации", charter.getName());
        assertEquals(DocumentKind.CHARTER, charter.getKind());
        assertEquals(List.of(charter, regulation), f1.getDocuments());
        // soft hyphen and spaces cleaned, the merged cells continued
        assertEquals("Проекты документов, регламентирующих исполнение мероприятий ВСОКО", f2.getName());
        assertEquals(f1.getResponsibleText(), f2.getResponsibleText());
        assertEquals(List.of(director, deputies, council), f2.getResponsibleRoles());
        assertEquals(List.of(charter, regulation), f2.getDocuments());
        FunctionSection second = system.getSections().get(1);
        assertEquals("2", second.getNumber());
        assertEquals(1, second.getFunctions().size());
        Function f3 = second.getFunctions().get(0);
        assertEquals("Администрация ОУ (директор, заместители)", administration.getName());
        assertEquals(List.of(administration), f3.getResponsibleRoles());
        Document orders = system.getDocuments().get(2);
        assertEquals("Приказы, регламентирующие показатели", orders.getName());
        assertEquals(DocumentKind.ORDER, orders.getKind());
        assertEquals(List.of(orders, regulation), f3.getDocuments());

        // the same table again: found by number and name, nothing created or updated
        ModelImport.Prepared again = prepare(new FunctionTable(), file, system);
        assertFalse(again.report().hasErrors());
        assertTrue(again.report().counts().isEmpty(), again.report().lines().toString());
        assertTrue(again.report().notes().isEmpty(), again.report().lines().toString());
        again.apply();
        assertEquals(2, system.getSections().size());
        assertEquals(4, system.getRoles().size());

        // round trip through the XLSX export
        Path exported = dir.resolve("export.xlsx");
        new FunctionTable().write(system, exported);
        ModelImport.Prepared back = prepare(new FunctionTable(), exported, system);
        assertFalse(back.report().hasErrors(), back.report().lines().toString());
        assertTrue(back.report().counts().isEmpty(), back.report().lines().toString());
        // the export read into an empty system makes the same sections and functions
        QualitySystem fresh = TableFiles.system();
        ModelImport.Prepared copy = prepare(new FunctionTable(), exported, fresh);
        copy.apply();
        assertEquals(2, fresh.getSections().size());
        assertEquals(List.of(2, 1), fresh.getSections().stream().map(s -> s.getFunctions().size()).toList());
        assertEquals(f2.getName(), fresh.getSections().get(0).getFunctions().get(1).getName());
        assertEquals(List.of("Устав образовательной организации", "Положение о ВСОКО"),
                fresh.getSections().get(0).getFunctions().get(1).getDocuments().stream().map(Document::getName).toList());
        assertEquals(4, fresh.getRoles().size());
    }

    /**
     * Another shape: XLSX, numbered rows (numbers as number cells and texts with a dot), a header on
     * two rows in another order and wording, a formula, a row without the function's text.
     */
    @Test
    void ownShapeXlsxWithNumbersFormulasAndTwoHeaderRows() throws IOException {
        Path file = dir.resolve("own.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Функции");
            Row h1 = sheet.createRow(0);
            h1.createCell(0).setCellValue("№ п/п");
            h1.createCell(1).setCellValue("Содержание функции");
            h1.createCell(2).setCellValue("Исполнение");
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 0, 0));
            sheet.addMergedRegion(new CellRangeAddress(0, 1, 1, 1));
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 2, 3));
            Row h2 = sheet.createRow(1);
            h2.createCell(2).setCellValue("Документы");
            h2.createCell(3).setCellValue("Исполнитель");
            Row r = sheet.createRow(2);
            r.createCell(0).setCellValue(1);
            r.createCell(1).setCellValue("Организационное обеспечение");
            r.createCell(3).setCellValue("начальник   управления");
            r = sheet.createRow(3);
            r.createCell(0).setCellValue(1.1);
            r.createCell(1).setCellFormula("CONCATENATE(\"Утверждение \",\"положения\")");
            r.createCell(2).setCellValue("Приказ об утверждении положения\nПоложение о МСОКО");
            r.createCell(3).setCellValue("DIR");
            r = sheet.createRow(4);
            r.createCell(0).setCellValue("1.2.");
            r.createCell(1).setCellValue("Сбор\u00ADинформации\u00A0о школах");
            r.createCell(3).setCellValue("Специалист управления; Методист ИМЦ");
            r = sheet.createRow(5);
            r.createCell(0).setCellFormula("1+1");
            r.createCell(1).setCellValue("Анализ");
            r = sheet.createRow(6);
            r.createCell(0).setCellValue("2.1");
            r.createCell(3).setCellValue("Методист ИМЦ");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        QualitySystem system = TableFiles.system();
        Role head = OkoFactory.eINSTANCE.createRole();
        head.setName("Начальник управления");
        head.setCode("dir");
        system.getRoles().add(head);
        ModelImport.Prepared prepared = prepare(new FunctionTable(), file, system);
        ImportReport report = prepared.report();
        assertFalse(report.hasErrors(), report.lines().toString());
        assertEquals(List.of("№ п/п", "Содержание функции", "Исполнение Документы", "Исполнение Исполнитель"), report.header());
        assertEquals(2, report.created(Messages.classSection, false));
        assertEquals(3, report.created(Messages.classFunction, false));
        assertEquals(2, report.created(Messages.classRole, false));
        assertEquals(2, report.created(Messages.classDocument, false));
        List<String> notes = noteTexts(report);
        assertEquals(5, notes.size(), notes.toString());
        assertEquals(TableFiles.note("own.xlsx", 7, "Содержание функции", Messages.tableNoFunctionText, "2.1 | Методист ИМЦ"),
                report.notes().get(4));
        prepared.apply();
        FunctionSection s1 = system.getSections().get(0);
        assertEquals("1", s1.getNumber());
        assertEquals("Организационное обеспечение", s1.getName());
        // matched by name ignoring case and spaces
        assertEquals(List.of(head), s1.getResponsibleRoles());
        assertEquals(List.of("1.1", "1.2"), s1.getFunctions().stream().map(Function::getNumber).toList());
        Function f11 = s1.getFunctions().get(0);
        assertEquals("Утверждение положения", f11.getName());
        // matched by code
        assertEquals(List.of(head), f11.getResponsibleRoles());
        assertEquals(List.of("Приказ об утверждении положения", "Положение о МСОКО"),
                f11.getDocuments().stream().map(Document::getName).toList());
        assertEquals(DocumentKind.ORDER, f11.getDocuments().get(0).getKind());
        assertEquals(DocumentKind.REGULATION, f11.getDocuments().get(1).getKind());
        Function f12 = s1.getFunctions().get(1);
        assertEquals("Сборинформации о школах", f12.getName());
        assertEquals(List.of("Специалист управления", "Методист ИМЦ"), f12.getResponsibleRoles().stream().map(Role::getName).toList());
        assertEquals(RoleKind.SPECIALIST, f12.getResponsibleRoles().get(0).getKind());
        FunctionSection s2 = system.getSections().get(1);
        assertEquals("2", s2.getNumber());
        assertEquals("Анализ", s2.getName());
        Function f21 = s2.getFunctions().get(0);
        assertEquals("2.1", f21.getNumber());
        assertEquals("", f21.getName());
        assertSame(f12.getResponsibleRoles().get(1), f21.getResponsibleRoles().get(0));

        // a changed table updates by number and creates only what is new
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            wb.getSheetAt(0).getRow(4).getCell(1).setCellValue("Сбор информации о школах");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        ModelImport.Prepared again = prepare(new FunctionTable(), file, system);
        assertEquals(1, again.report().created(Messages.classFunction, true), again.report().lines().toString());
        assertEquals(0, again.report().created(Messages.classFunction, false));
        assertEquals(1, again.report().counts().size(), again.report().lines().toString());
        assertEquals("Сборинформации о школах", f12.getName());
        again.apply();
        assertEquals("Сбор информации о школах", f12.getName());
        assertEquals(3, system.getSections().stream().mapToInt(s -> s.getFunctions().size()).sum());
    }

    @Test
    void aRowThatIsNotUnderstoodIsAnErrorNamingRowAndColumn() throws IOException {
        Path file = TableFiles.docx(dir.resolve("bad.docx"), null, null, new String[][] {
                { "№", "Функции", "Ответственные" },
                { "1.1", "Функция до раздела", "Директор" },
                { "1", "Раздел", "" },
                { "абв", "Функция", "Директор" },
                { "1.2", "Функция", "Директор" },
                { "1.2", "Функция ещё раз", "Директор" } });
        ModelImport.Prepared prepared = prepare(new FunctionTable(), file, TableFiles.system());
        ImportReport report = prepared.report();
        assertTrue(report.hasErrors());
        assertEquals(List.of(TableFiles.error("bad.docx", 2, "Функции", Messages.tableFunctionBeforeSection),
                TableFiles.error("bad.docx", 4, "№", Messages.tableNotNumber, "абв"),
                TableFiles.error("bad.docx", 6, "№", Messages.tableNumberTwice, "1.2", 5)), report.errors());
    }

    @Test
    void aFileWithoutSuchATableSaysWhichColumnsAreNeeded() throws IOException {
        Path file = TableFiles.docx(dir.resolve("other.docx"), null, null, new String[][] { { "Школа", "Адрес" }, { "СОШ 1", "ул. Мира" } });
        ImportReport report = prepare(new FunctionTable(), file, TableFiles.system()).report();
        assertEquals(List.of(TableFiles.error("other.docx", 0, null, Messages.tableNoHeader, Messages.tableFunctionsHeader)),
                report.errors());
        assertEquals(1, report.lines().size());
    }

    /**
     * Seed 003's wording of the responsible cell (docs/raci.md): the roles before «при непосредственном
     * участии» are responsible (R), those after it are consulted (C); «при непосредственном руководстве»
     * makes them accountable (A). The system already has «Методические объединения учителей-предметников»
     * (named in the nominative); the clause names it in the genitive and finds it. «научно-методического
     * совета» is not in the system: a role is created with the clause's words (a note).
     */
    @Test
    void clausesOfTheResponsibleCellGiveParticipations() throws IOException {
        QualitySystem system = TableFiles.system();
        Role mo = OkoFactory.eINSTANCE.createRole();
        mo.setName("Методические объединения учителей-предметников");
        system.getRoles().add(mo);
        String consulted = "Администрация ОУ при непосредственном участии методических объединений учителей-предметников";
        String accountable = "Педагогический коллектив, службы сопровождения при непосредственном руководстве методических "
                + "объединений учителей- предметников";
        String two = "Администрация ОУ при непосредственном участии научно-методического совета и/или методических "
                + "объединений учителей-предметников";
        Path file = TableFiles.docx(dir.resolve("raci.docx"), "Распределение функций", null, new String[][] {
                { "Функции", "Примерное распределение функций по должностям", "Документы" },
                { "<<3>>2. Процессуальные документы" },
                { "Проекты процессуальных документов", consulted, "Приказы" },
                { "Проекты документов о вариативных процедурах", accountable, "Приказы" },
                { "Разрабатывает рекомендации", two, "Приказы" } });
        ModelImport.Prepared prepared = prepare(new FunctionTable(), file, system);
        assertFalse(prepared.report().hasErrors(), prepared.report().lines().toString());
        prepared.apply();
        List<Function> functions = system.getSections().get(0).getFunctions();
        assertEquals(3, functions.size());
        Role administration = role(system, "Администрация ОУ");
        Role teachers = role(system, "Педагогический коллектив");
        Role support = role(system, "службы сопровождения");
        Role council = role(system, "научно-методического совета");
        // mo, then the four created in the order read: 5 roles, none named after a whole clause
        assertEquals(5, system.getRoles().size(), system.getRoles().stream().map(Role::getName).toList().toString());

        Function f1 = functions.get(0);
        assertEquals(consulted, f1.getResponsibleText());
        assertEquals(List.of(administration), f1.getResponsibleRoles());
        assertEquals(1, f1.getParticipations().size());
        assertSame(mo, f1.getParticipations().get(0).getRole());
        assertEquals(ParticipationKind.CONSULTED, f1.getParticipations().get(0).getKind());
        assertEquals("при непосредственном участии методических объединений учителей-предметников",
                f1.getParticipations().get(0).getNote());

        Function f2 = functions.get(1);
        assertEquals(List.of(teachers, support), f2.getResponsibleRoles());
        assertEquals(1, f2.getParticipations().size());
        assertSame(mo, f2.getParticipations().get(0).getRole());
        assertEquals(ParticipationKind.ACCOUNTABLE, f2.getParticipations().get(0).getKind());
        // the note keeps the source's words as written (the broken hyphen too)
        assertEquals("при непосредственном руководстве методических объединений учителей- предметников",
                f2.getParticipations().get(0).getNote());

        Function f3 = functions.get(2);
        assertEquals(List.of(administration), f3.getResponsibleRoles());
        assertEquals(List.of(council, mo), f3.getParticipations().stream().map(p -> p.getRole()).toList());
        assertTrue(f3.getParticipations().stream().allMatch(p -> p.getKind() == ParticipationKind.CONSULTED
                && p.getNote().equals("при непосредственном участии научно-методического совета и/или методических "
                        + "объединений учителей-предметников")));

        // read again: nothing changes, no participation doubled
        ModelImport.Prepared again = prepare(new FunctionTable(), file, system);
        assertTrue(again.report().counts().isEmpty(), again.report().lines().toString());
        again.apply();
        assertEquals(1, functions.get(0).getParticipations().size());
        assertEquals(5, system.getRoles().size());
    }

    private static Role role(QualitySystem system, String name) {
        return system.getRoles().stream().filter(r -> name.equals(r.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " among " + system.getRoles().stream().map(Role::getName).toList()));
    }
}
