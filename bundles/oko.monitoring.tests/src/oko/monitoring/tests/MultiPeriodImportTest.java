package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.DataElement;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Imported;

/**
 * Issue 18: {@link RawValueImport#importFile} with no period takes each row's period from the
 * file's period column; every period must exist; with a period given, rows of other periods are
 * refused as before.
 */
class MultiPeriodImportTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @TempDir
    Path temp;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();
    private final Monitoring monitoring = F.createMonitoring();
    private final Map<String, Period> periods = new LinkedHashMap<>();

    MultiPeriodImportTest() {
        root.getQualitySystems().add(system);
        for (String code : List.of("2021", "2022", "2023")) {
            Period period = F.createPeriod();
            period.setCode(code);
            root.getPeriods().add(period);
            periods.put(code, period);
        }
        for (String code : List.of("ИШМ-01", "ИШМ-02")) {
            Organisation school = F.createOrganisation();
            school.setCode(code);
            school.setKind(OrganisationKind.SCHOOL);
            root.getOrganisations().add(school);
        }
        for (String code : List.of("passed", "total")) {
            DataElement element = F.createDataElement();
            element.setCode(code);
            system.getDataElements().add(element);
        }
        monitoring.setCode("M1");
        system.getMonitorings().add(monitoring);
    }

    private Path csv(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** school/measure → value of the period's runs, e.g. "ИШМ-01/passed" → 5.0. */
    private Map<String, Double> values(String period) {
        Map<String, Double> values = new LinkedHashMap<>();
        for (MonitoringRun run : MonitoringEngine.runs(system, periods.get(period))) {
            for (RawValue value : run.getRawValues()) {
                values.put(value.getOrganisation().getCode() + "/" + value.getCode(), value.getValue());
            }
        }
        return values;
    }

    @Test
    void aLongFileOverThreePeriodsStoresEachRowInItsPeriodsRun() throws Exception {
        // the same school and measure in three periods is no duplicate
        Path file = csv("years.csv", """
                school;period;measure;value
                ИШМ-01;2021;passed;5
                ИШМ-01;2022;passed;6
                ИШМ-01;2023;passed;7
                ИШМ-02;2021;total;10,5
                ИШМ-02;2023;total;12
                ИШМ-02;2023;passed;3
                """);
        Imported imported = RawValueImport.importFile(file, null, system, null);
        assertEquals(List.of(), imported.problems());
        assertEquals(6, imported.stored().values());
        assertEquals(0, imported.stored().replaced());
        Map<Period, Integer> perPeriod = imported.stored().perPeriod();
        assertEquals(List.of("2021", "2022", "2023"), perPeriod.keySet().stream().map(Period::getCode).toList());
        assertEquals(List.of(2, 1, 3), List.copyOf(perPeriod.values()));

        assertEquals(3, monitoring.getRuns().size(), "one run per period");
        assertEquals(List.of("2021", "2022", "2023"),
                monitoring.getRuns().stream().map(r -> r.getPeriod().getCode()).toList());
        assertEquals(Map.of("ИШМ-01/passed", 5.0, "ИШМ-02/total", 10.5), values("2021"));
        assertEquals(Map.of("ИШМ-01/passed", 6.0), values("2022"));
        assertEquals(Map.of("ИШМ-01/passed", 7.0, "ИШМ-02/total", 12.0, "ИШМ-02/passed", 3.0), values("2023"));
        assertEquals(monitoring.getRuns(), imported.stored().runs());

        // again, with one value changed: replaced in its period, nothing added
        Files.writeString(file, "school;period;measure;value\nИШМ-01;2022;passed;9\nИШМ-01;2021;passed;5\n");
        Imported again = RawValueImport.importFile(file, null, system, null);
        assertEquals(2, again.stored().replaced());
        assertEquals(Map.of("ИШМ-01/passed", 9.0), values("2022"));
        assertEquals(Map.of("ИШМ-01/passed", 5.0, "ИШМ-02/total", 10.5), values("2021"));
        assertEquals(3, monitoring.getRuns().size());
    }

    @Test
    void aWideSheetWithAPeriodColumnOverThreePeriods() throws Exception {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        Path file = temp.resolve("wide.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("Данные");
            Object[][] rows = { { "Период", "Школа", "passed", "total" }, { 2021.0, "ИШМ-01", 1.0, 10.0 },
                    { "2022", "ИШМ-01", 2.0, 20.0 }, { 2023.0, "ИШМ-02", 3.0, null } };
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Double d) {
                        row.createCell(c).setCellValue(d);
                    } else if (rows[r][c] != null) {
                        row.createCell(c).setCellValue(rows[r][c].toString());
                    }
                }
            }
            try (var out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
        Imported imported = RawValueImport.importFile(file, null, system, null);
        assertEquals(List.of(), imported.problems());
        assertEquals(RawValueImport.Layout.WIDE, imported.layout());
        assertEquals(5, imported.stored().values());
        assertEquals(Map.of("ИШМ-01/passed", 1.0, "ИШМ-01/total", 10.0), values("2021"));
        assertEquals(Map.of("ИШМ-01/passed", 2.0, "ИШМ-01/total", 20.0), values("2022"));
        assertEquals(Map.of("ИШМ-02/passed", 3.0), values("2023"));
    }

    @Test
    void anUnknownOrMissingPeriodIsAnErrorNamingFileLineAndValueAndNothingIsStored() throws Exception {
        Path file = csv("unknown.csv", """
                school;period;measure;value
                ИШМ-01;2021;passed;5
                ИШМ-01;2019;passed;6
                ИШМ-02;;passed;7
                ИШМ-01;2023;passed;7
                """);
        Imported imported = RawValueImport.importFile(file, null, system, null);
        assertFalse(imported.ok());
        assertNull(imported.stored());
        List<String> problems = imported.problems();
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("unknown.csv, ") && problems.get(0).contains(" 3")
                && problems.get(0).contains("2019") && problems.get(0).contains("2021, 2022, 2023"), problems.get(0));
        assertTrue(problems.get(1).startsWith("unknown.csv, ") && problems.get(1).contains(" 4"), problems.get(1));
        assertTrue(monitoring.getRuns().isEmpty(), "nothing stored, no run created");
    }

    @Test
    void aDuplicateWithinOnePeriodIsStillAnError() throws Exception {
        Path file = csv("dup.csv", "school;period;measure;value\nИШМ-01;2021;passed;5\nИШМ-01;2022;passed;6\n"
                + "ИШМ-01;2021;passed;7\n");
        Imported imported = RawValueImport.importFile(file, null, system, null);
        assertEquals(1, imported.problems().size(), imported.problems().toString());
        assertTrue(imported.problems().get(0).contains(" 4"), imported.problems().get(0));
        assertTrue(monitoring.getRuns().isEmpty());
    }

    @Test
    void withoutAPeriodColumnAndWithoutAPeriodTheImportIsRefusedSayingSo() throws Exception {
        Path file = csv("noperiod.csv", "school;measure;value\nИШМ-01;passed;5\n");
        RawValueImport.NoPeriodColumn refused = assertThrows(RawValueImport.NoPeriodColumn.class,
                () -> RawValueImport.importFile(file, null, system, null));
        assertTrue(refused.getMessage().startsWith("noperiod.csv") && refused.getMessage().contains("--period"),
                refused.getMessage());
        assertTrue(monitoring.getRuns().isEmpty());
    }

    @Test
    void withAPeriodGivenRowsOfOtherPeriodsAreErrorsAsBefore() throws Exception {
        Path file = csv("mixed.csv", """
                school;period;measure;value
                ИШМ-01;2021;passed;5
                ИШМ-01;2022;passed;6
                ИШМ-01;2023;passed;7
                ИШМ-02;;passed;8
                """);
        Imported imported = RawValueImport.importFile(file, null, system, periods.get("2023"));
        assertEquals(2, imported.problems().size(), imported.problems().toString());
        assertTrue(imported.problems().get(0).contains(" 2") && imported.problems().get(0).contains("2021"),
                imported.problems().get(0));
        assertTrue(imported.problems().get(1).contains(" 3") && imported.problems().get(1).contains("2022"),
                imported.problems().get(1));
        assertTrue(monitoring.getRuns().isEmpty());

        // only the period's rows (and a row with an empty period cell): stored into it
        Files.writeString(file, "school;period;measure;value\nИШМ-01;2023;passed;7\nИШМ-02;;passed;8\n");
        Imported stored = RawValueImport.importFile(file, null, system, periods.get("2023"));
        assertEquals(List.of(), stored.problems());
        assertEquals(Map.of(periods.get("2023"), 2), stored.stored().perPeriod());
        assertEquals(Map.of("ИШМ-01/passed", 7.0, "ИШМ-02/passed", 8.0), values("2023"));
    }
}
