package oko.exchange.tests;

import static oko.exchange.tests.FunctionTableTest.noteTexts;
import static oko.exchange.tests.FunctionTableTest.prepare;
import static oko.exchange.tests.TableFiles.day;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
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
import oko.exchange.tables.PlanTable;
import oko.model.DateDeadline;
import oko.model.Document;
import oko.model.DuringPeriodDeadline;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.PeriodDeadline;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.RelativeDeadline;
import oko.model.Role;
import oko.model.RoleKind;
import oko.model.TimeUnit;

/** Plans of measures: seed 004's shape in DOCX, another in XLSX; every deadline form; re-import and round trip. */
class PlanTableTest {

    @TempDir
    Path dir;

    static final String TITLE = "План мероприятий по проведению муниципального мониторинга на 2021 год";

    static Path seedShaped(Path file) throws IOException {
        return TableFiles.docx(file, TITLE,
                new String[][] { { "Наименование механизма", "Мониторинг эффективности" }, { "Куратор", "Ремнева Л.В." } },
                new String[][] {
                        { "№ п/п", "Мероприятие", "Срок исполнения", "Результат исполнения", "Ответственные исполнители" },
                        { "<<5>>1. Формирование нормативно-правого обеспечения" },
                        { "1.1.", "Разработка Плана мероприятий", "март-апрель", "постановление Администрации", "Координатор мониторинга" },
                        { "2.", "Управление качеством", "", "", "" },
                        { "2.1.1.1", "Участие в мониторинге", "в сроки, установленные МОиН УР", "участие 100% организаций",
                                "Координатор мониторинга, руководители общеобразовательных организаций" },
                        { "2.1.1.3.", "Комплексный анализ", "в течение месяца после срока, указанного в п.2.1.1.2.", "аналитический отчет",
                                "Начальник отдела" },
                        { "2.1.1.2", "Проведение мониторинга по муниципальным показателям",
                                "не позднее месяца после сроков, установленных МОиН УР", "", "Координатор мониторинга" },
                        { "2.1.1.4", "Рекомендации", "в течение 10 рабочих дней после срока, указанного в п.9.9",
                                "адресные рекомендации", "head" },
                        { "2.1.1.8", "Методическое сопровождение", "в течение года", "", "Координатор мониторинга" },
                        { "2.1.1.11", "Отчет", "31.01.2022 г.", "отчет", "" },
                        { "3.2", "Заседания рабочей группы", "не реже четырех раз в год", "протокол", "Рабочая группа" },
                        { "3.3", "Что-то", "когда получится", "", "" },
                        { "3.4", "", "в течение года", "", "Начальник отдела" },
                        { "3.5", "Проверка", "в срок до 01 августа 2021г.", "", "" } });
    }

    static QualitySystem system() {
        QualitySystem system = TableFiles.system();
        Role coordinator = OkoFactory.eINSTANCE.createRole();
        coordinator.setName("Координатор мониторинга");
        Role head = OkoFactory.eINSTANCE.createRole();
        head.setName("Начальник отдела");
        head.setCode("head");
        system.getRoles().add(coordinator);
        system.getRoles().add(head);
        Document resolution = OkoFactory.eINSTANCE.createDocument();
        resolution.setName("Постановление Администрации");
        system.getDocuments().add(resolution);
        return system;
    }

    static Map<String, PlanItem> byNumber(List<PlanItem> items, Map<String, PlanItem> map) {
        for (PlanItem i : items) {
            map.put(i.getNumber(), i);
            byNumber(i.getChildren(), map);
        }
        return map;
    }

    @Test
    void seedShapedDocxGivesTheItemHierarchyAndEveryDeadlineForm() throws IOException {
        QualitySystem system = system();
        Role coordinator = system.getRoles().get(0);
        Role head = system.getRoles().get(1);
        Period year2021 = ((ModelRoot) system.eContainer()).getPeriods().get(0);
        Path file = seedShaped(dir.resolve("план.docx"));
        ModelImport.Prepared prepared = prepare(new PlanTable(), file, system);
        ImportReport report = prepared.report();
        assertFalse(report.hasErrors(), report.lines().toString());
        assertTrue(system.getPlans().isEmpty());
        assertEquals(1, report.created(Messages.classPlan, false));
        assertEquals(13, report.created(Messages.classPlanItem, false));
        assertEquals(2, report.created(Messages.classRole, false));
        String f = "план.docx";
        String executors = "Ответственные исполнители";
        String deadline = "Срок исполнения";
        assertEquals(List.of(TableFiles.note(f, 5, executors, Messages.tableRoleCreated, "руководители общеобразовательных организаций"),
                TableFiles.note(f, 11, executors, Messages.tableRoleCreated, "Рабочая группа"),
                TableFiles.note(f, 12, deadline, Messages.tableDeadlineText, "когда получится"),
                TableFiles.note(f, 13, "Мероприятие", Messages.tableNoItemText, "3.4 | в течение года | Начальник отдела"),
                TableFiles.note(f, 8, deadline, Messages.tableNoReferencedItem, "9.9")), report.notes());
        assertEquals(List.of(Messages.bind(Messages.reportCount, new Object[] { Messages.classPlan, 1, 0 }),
                Messages.bind(Messages.reportCount, new Object[] { Messages.classPlanItem, 13, 0 }),
                Messages.bind(Messages.reportCount, new Object[] { Messages.classRole, 2, 0 })), report.lines().subList(0, 3));
        assertEquals(8, report.lines().size());

        prepared.apply();
        Plan plan = system.getPlans().get(0);
        assertEquals(TITLE, plan.getName());
        assertSame(year2021, plan.getPeriod());
        assertEquals(List.of("1", "2", "3.2", "3.3", "3.4", "3.5"), plan.getItems().stream().map(PlanItem::getNumber).toList());
        Map<String, PlanItem> items = byNumber(plan.getItems(), new HashMap<>());
        assertEquals(13, items.size());
        assertEquals("Формирование нормативно-правого обеспечения", items.get("1").getName());
        assertNull(items.get("1").getDeadline());
        assertEquals(List.of("2.1.1.1", "2.1.1.3", "2.1.1.2", "2.1.1.4", "2.1.1.8", "2.1.1.11"),
                items.get("2").getChildren().stream().map(PlanItem::getNumber).toList());

        PlanItem i11 = items.get("1.1");
        assertSame(items.get("1"), i11.eContainer());
        assertEquals("Разработка Плана мероприятий", i11.getName());
        PeriodDeadline months = assertInstanceOf(PeriodDeadline.class, i11.getDeadline());
        assertEquals("март-апрель", months.getText());
        assertEquals(LocalDate.of(2021, 3, 1), day(months.getStartDate()));
        assertEquals(LocalDate.of(2021, 4, 30), day(months.getEndDate()));
        assertSame(year2021, months.getPeriod());
        assertEquals("постановление Администрации", i11.getResult());
        assertEquals(List.of(system.getDocuments().get(0)), i11.getResultDocuments());
        assertEquals(List.of(coordinator), i11.getResponsibleRoles());
        assertEquals("Координатор мониторинга", i11.getResponsibleText());

        RelativeDeadline inTerms = assertInstanceOf(RelativeDeadline.class, items.get("2.1.1.1").getDeadline());
        assertEquals(0, inTerms.getAmount());
        assertEquals("сроки, установленные МОиН УР", inTerms.getReferenceText());
        assertNull(inTerms.getReference());
        Role schoolHeads = system.getRoles().get(2);
        assertEquals("руководители общеобразовательных организаций", schoolHeads.getName());
        assertEquals(List.of(coordinator, schoolHeads), items.get("2.1.1.1").getResponsibleRoles());

        RelativeDeadline afterItem = assertInstanceOf(RelativeDeadline.class, items.get("2.1.1.3").getDeadline());
        assertEquals(1, afterItem.getAmount());
        assertEquals(TimeUnit.MONTHS, afterItem.getUnit());
        assertFalse(afterItem.isBefore());
        assertSame(items.get("2.1.1.2"), afterItem.getReference(), "a reference to an item further down is resolved");
        assertEquals(List.of(head), items.get("2.1.1.3").getResponsibleRoles());

        RelativeDeadline afterTerms = assertInstanceOf(RelativeDeadline.class, items.get("2.1.1.2").getDeadline());
        assertEquals(1, afterTerms.getAmount());
        assertEquals(TimeUnit.MONTHS, afterTerms.getUnit());
        assertEquals("сроков, установленных МОиН УР", afterTerms.getReferenceText());

        RelativeDeadline dangling = assertInstanceOf(RelativeDeadline.class, items.get("2.1.1.4").getDeadline());
        assertEquals(10, dangling.getAmount());
        assertEquals(TimeUnit.WORKING_DAYS, dangling.getUnit());
        assertNull(dangling.getReference());
        assertEquals(Messages.bind(Messages.tableItemReference, "9.9"), dangling.getReferenceText());
        assertEquals(List.of(head), items.get("2.1.1.4").getResponsibleRoles(), "matched by code");

        DuringPeriodDeadline during = assertInstanceOf(DuringPeriodDeadline.class, items.get("2.1.1.8").getDeadline());
        assertEquals("в течение года", during.getText());
        assertSame(year2021, during.getPeriod());

        DateDeadline date = assertInstanceOf(DateDeadline.class, items.get("2.1.1.11").getDeadline());
        assertEquals(LocalDate.of(2022, 1, 31), day(date.getDate()));
        assertTrue(items.get("2.1.1.11").getResponsibleRoles().isEmpty());
        assertNull(items.get("2.1.1.11").getResponsibleText());

        PeriodDeadline recurring = assertInstanceOf(PeriodDeadline.class, items.get("3.2").getDeadline());
        assertTrue(recurring.isRecurring());
        assertEquals(Integer.valueOf(4), recurring.getTimesPerPeriod());
        assertEquals(RoleKind.OTHER, items.get("3.2").getResponsibleRoles().get(0).getKind());

        DateDeadline textOnly = assertInstanceOf(DateDeadline.class, items.get("3.3").getDeadline());
        assertEquals("когда получится", textOnly.getText());
        assertNull(textOnly.getDate());
        assertEquals("", items.get("3.4").getName());
        assertEquals(LocalDate.of(2021, 8, 1), day(((DateDeadline) items.get("3.5").getDeadline()).getDate()));

        // again: nothing to do
        ModelImport.Prepared again = prepare(new PlanTable(), file, system);
        assertTrue(again.report().counts().isEmpty(), again.report().lines().toString());
        // round trip through XLSX
        Path exported = dir.resolve("plan.xlsx");
        new PlanTable().write(system, exported);
        ModelImport.Prepared back = prepare(new PlanTable(), exported, system);
        assertFalse(back.report().hasErrors(), back.report().lines().toString());
        assertTrue(back.report().counts().isEmpty(), back.report().lines().toString());
        // a changed deadline updates the item only
        items.get("3.5").getDeadline().setText("до 02.08.2021");
        ModelImport.Prepared changed = prepare(new PlanTable(), exported, system);
        assertEquals(1, changed.report().created(Messages.classPlanItem, true), changed.report().lines().toString());
        assertEquals(1, changed.report().counts().size());
        changed.apply();
        assertEquals("в срок до 01 августа 2021г.", items.get("3.5").getDeadline().getText());
    }

    /** Another shape: XLSX, other column order and wording, number and date cells, a formula, a title above. */
    @Test
    void ownShapeXlsxWithDateCellsAndAGivenPeriod() throws IOException {
        Path file = dir.resolve("школа.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("План");
            sheet.createRow(0).createCell(0).setCellValue("План работы на 2021/2022 учебный год");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 4));
            Row h = sheet.createRow(2);
            String[] header = { "Сроки", "Исполнитель", "Содержание работ", "Номер", "Ожидаемый результат" };
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            CellStyle dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("m/d/yy"));
            Object[][] rows = {
                    { "сентябрь", "Заместитель директора", "Диагностика", 1.0, "справка" },
                    { LocalDate.of(2021, 10, 15), "Заместитель директора", "Анализ результатов", "=1+1", "аналитическая справка" },
                    { "через 2 недели после п. 2", "Учителя", "Обсуждение на педсовете", 3.0, "протокол" },
                    { "I квартал", "", "Контроль", 4.0, "" },
                    { "с 01.09.2021 по 31.05.2022", "", "Мониторинг", 5.0, "" },
                    { "до 15 сентября", "", "Сбор данных", 6.0, "" },
                    { "ежеквартально", "", "Отчётность", 7.0, "" } };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(3 + r);
                for (int c = 0; c < 5; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(dateStyle);
                    } else if (((String) v).startsWith("=")) {
                        row.createCell(c).setCellFormula(((String) v).substring(1));
                    } else if (!((String) v).isEmpty()) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        QualitySystem system = TableFiles.system();
        Period school = ((ModelRoot) system.eContainer()).getPeriods().get(1);
        ModelImport.Prepared prepared = new PlanTable().prepare(file, system, new ImportSettings("2021-2022", false),
                new NullProgressMonitor());
        ImportReport report = prepared.report();
        assertFalse(report.hasErrors(), report.lines().toString());
        assertEquals(7, report.created(Messages.classPlanItem, false));
        assertEquals(2, report.created(Messages.classRole, false));
        assertEquals(2, report.notes().size(), report.lines().toString());
        prepared.apply();
        Plan plan = system.getPlans().get(0);
        assertEquals("План работы на 2021/2022 учебный год", plan.getName());
        assertSame(school, plan.getPeriod());
        Map<String, PlanItem> items = byNumber(plan.getItems(), new HashMap<>());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), plan.getItems().stream().map(PlanItem::getNumber).toList());
        PeriodDeadline september = (PeriodDeadline) items.get("1").getDeadline();
        assertEquals(LocalDate.of(2021, 9, 1), day(september.getStartDate()));
        assertEquals(LocalDate.of(2021, 9, 30), day(september.getEndDate()));
        assertEquals("справка", items.get("1").getResult());
        assertEquals(RoleKind.DEPUTY_DIRECTOR, items.get("1").getResponsibleRoles().get(0).getKind());
        assertEquals("Анализ результатов", items.get("2").getName());
        DateDeadline dateCell = (DateDeadline) items.get("2").getDeadline();
        assertEquals("15.10.2021", dateCell.getText());
        assertEquals(LocalDate.of(2021, 10, 15), day(dateCell.getDate()));
        RelativeDeadline weeks = (RelativeDeadline) items.get("3").getDeadline();
        assertEquals(2, weeks.getAmount());
        assertEquals(TimeUnit.WEEKS, weeks.getUnit());
        assertSame(items.get("2"), weeks.getReference());
        assertEquals(RoleKind.TEACHER, items.get("3").getResponsibleRoles().get(0).getKind());
        PeriodDeadline quarter = (PeriodDeadline) items.get("4").getDeadline();
        assertEquals(LocalDate.of(2022, 1, 1), day(quarter.getStartDate()));
        assertEquals(LocalDate.of(2022, 3, 31), day(quarter.getEndDate()));
        PeriodDeadline range = (PeriodDeadline) items.get("5").getDeadline();
        assertEquals(LocalDate.of(2021, 9, 1), day(range.getStartDate()));
        assertEquals(LocalDate.of(2022, 5, 31), day(range.getEndDate()));
        assertEquals(LocalDate.of(2021, 9, 15), day(((DateDeadline) items.get("6").getDeadline()).getDate()));
        PeriodDeadline quarterly = (PeriodDeadline) items.get("7").getDeadline();
        assertTrue(quarterly.isRecurring());
        assertEquals(Integer.valueOf(4), quarterly.getTimesPerPeriod());
        assertSame(school, quarterly.getPeriod());

        // an unknown period is an error of the whole file
        ImportReport wrong = new PlanTable().prepare(file, TableFiles.system(), new ImportSettings("1999", false),
                new NullProgressMonitor()).report();
        assertEquals(List.of(TableFiles.error("школа.xlsx", 0, null, Messages.tableNoSuchPeriod, "1999", "2021, 2021-2022")),
                wrong.errors());
    }
}
