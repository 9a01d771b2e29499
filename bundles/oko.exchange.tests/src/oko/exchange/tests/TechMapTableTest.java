package oko.exchange.tests;

import static oko.exchange.tests.FunctionTableTest.prepare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.exchange.ImportReport;
import oko.exchange.Messages;
import oko.exchange.ModelImport;
import oko.exchange.tables.TechMapTable;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;

/** Technological maps: seed 002's shape in DOCX, another in XLSX, a stage not understood, round trip. */
class TechMapTableTest {

    @TempDir
    Path dir;

    static final String TITLE = "Технологическая карта реализации направлений совершенствования муниципальных механизмов";

    static Path seedShaped(Path file) throws IOException {
        String[][] rows = new String[9][];
        rows[0] = new String[] { "№", "Структура управленческого цикла (разделы направлений муниципальной\nсистемы оценки качества)",
                "Действия, необходимые для реализации компонента\nуправленческого цикла", "Функциональные обязанности координатора",
                "Функциональные обязанности\nответственных исполнителей", "Муниципаль\u00ADный оператор" };
        rows[1] = new String[] { "1", "2", "3", "4", "5", "6" };
        String[] names = { "Цели (конкретные, достижимые, измеримые)", "Муниципальные показатели", "Мониторинг",
                "Анализ, адресные рекомендации", "Меры, управленческие решения", "Анализ эффективности принятых мер" };
        for (int i = 0; i < 6; i++) {
            rows[2 + i] = new String[] { (i + 1) + ".", names[i], "действие " + (i + 1) + "\nпубликация",
                    "координатор " + (i + 1), i == 0 ? "vvнаправление предложений" : i == 1 ? "^^" : "исполнители " + (i + 1),
                    "размещение информации" };
        }
        rows[8] = new String[] { "", "", "", "", "", "" };
        return TableFiles.docx(file, TITLE, null, rows);
    }

    @Test
    void seedShapedDocxGivesSixStages() throws IOException {
        QualitySystem system = TableFiles.system();
        Path file = seedShaped(dir.resolve("карта.docx"));
        ModelImport.Prepared prepared = prepare(new TechMapTable(), file, system);
        ImportReport report = prepared.report();
        assertFalse(report.hasErrors(), report.lines().toString());
        assertEquals(List.of(Messages.bind(Messages.reportCount, new Object[] { Messages.classTechMap, 1, 0 }),
                Messages.bind(Messages.reportCount, new Object[] { Messages.classTechMapRow, 6, 0 })), report.lines());
        assertEquals(6, report.previewRows().size());
        assertTrue(system.getTechnologicalMaps().isEmpty());
        prepared.apply();
        TechnologicalMap map = system.getTechnologicalMaps().get(0);
        assertEquals(TITLE, map.getName());
        assertEquals(List.of(StageKind.GOALS, StageKind.INDICATORS, StageKind.MONITORING, StageKind.ANALYSIS, StageKind.MEASURES,
                StageKind.EFFECTIVENESS), map.getRows().stream().map(TechMapRow::getKind).toList());
        TechMapRow goals = map.getRows().get(0);
        assertEquals(1, goals.getNumber());
        assertEquals("Цели (конкретные, достижимые, измеримые)", goals.getName());
        assertEquals("действие 1\nпубликация", goals.getAction());
        assertEquals("координатор 1", goals.getCoordinatorDuty());
        assertEquals("направление предложений", goals.getExecutorsDuty());
        assertEquals("размещение информации", goals.getOperatorDuty());
        assertEquals("направление предложений", map.getRows().get(1).getExecutorsDuty(), "continued from the merged cell above");
        assertEquals("исполнители 6", map.getRows().get(5).getExecutorsDuty());

        assertTrue(prepare(new TechMapTable(), file, system).report().counts().isEmpty());
        Path exported = dir.resolve("map.xlsx");
        new TechMapTable().write(system, exported);
        ImportReport back = prepare(new TechMapTable(), exported, system).report();
        assertFalse(back.hasErrors(), back.lines().toString());
        assertTrue(back.counts().isEmpty(), back.lines().toString());
    }

    /** Another shape: no number column, the stages by name, other order; a stage not understood is an error. */
    @Test
    void ownShapeXlsxByStageNames() throws IOException {
        Path file = dir.resolve("map.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("Карта");
            String[][] rows = { { "Оператор", "Этап", "Исполнители", "Действия", "Координатор" },
                    { "сайт", "Меры, управленческие решения", "предложения", "принятие мер", "подготовка решений" },
                    { "", "Мониторинг", "сбор данных", "мониторинг показателей", "" } };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        QualitySystem system = TableFiles.system();
        ModelImport.Prepared prepared = prepare(new TechMapTable(), file, system);
        assertFalse(prepared.report().hasErrors(), prepared.report().lines().toString());
        prepared.apply();
        TechnologicalMap map = system.getTechnologicalMaps().get(0);
        assertEquals("map", map.getName());
        assertEquals(List.of(StageKind.MEASURES, StageKind.MONITORING), map.getRows().stream().map(TechMapRow::getKind).toList());
        TechMapRow measures = map.getRows().get(0);
        assertEquals(5, measures.getNumber());
        assertEquals("принятие мер", measures.getAction());
        assertEquals("подготовка решений", measures.getCoordinatorDuty());
        assertEquals("предложения", measures.getExecutorsDuty());
        assertEquals("сайт", measures.getOperatorDuty());
        assertNull(map.getRows().get(1).getOperatorDuty());

        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(file))) {
            wb.getSheetAt(0).getRow(2).getCell(1).setCellValue("Планирование");
            wb.getSheetAt(0).createRow(3).createCell(1).setCellValue("Меры");
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        }
        ImportReport bad = prepare(new TechMapTable(), file, system).report();
        assertEquals(List.of(TableFiles.error("map.xlsx", 3, "Этап", Messages.tableNoStage, "Планирование"),
                TableFiles.error("map.xlsx", 4, "Этап", Messages.tableStageTwice, 5, 2)), bad.errors());
    }
}
