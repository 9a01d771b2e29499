package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.QualitySystem;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * Issue 25, item 12: a report that cannot be written says why in one line, and a report that
 * fails while rendering leaves no partial file (and an earlier file of that name as it was).
 */
class ReportOutputTest {

    @TempDir
    Path temp;

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** role-distribution with its data set's handler class missing: BIRT writes the title, then fails. */
    private Layout failing() throws IOException {
        Path designs = Files.createDirectories(temp.resolve("designs"));
        Path original = Path.of(System.getProperty("oko.root"), "bundles/oko.reports/layouts/role-distribution.rptdesign");
        String text = Files.readString(original, StandardCharsets.UTF_8).replace(
                "oko.reports.data.RoleDistributionRows", "oko.reports.data.NoSuchRows");
        Files.writeString(designs.resolve("failing.rptdesign"), text, StandardCharsets.UTF_8);
        return Reports.catalogue(designs).stream().filter(l -> l.id().equals("failing")).findFirst().orElseThrow();
    }

    private static QualitySystem system() {
        return ReportsTest.sample().stream().filter(s -> s.getSections().size() > 3).findFirst().orElseThrow();
    }

    @Test
    void aReportThatFailsWhileRenderingLeavesNoPartialFile() throws Exception {
        Layout layout = failing();
        QualitySystem system = system();
        // the premise: rendering writes part of the report before it fails
        ByteArrayOutputStream partial = new ByteArrayOutputStream();
        assertThrows(RuntimeException.class,
                () -> Reports.render(layout, Format.HTML, Map.of("system", system.getCode()), system, partial, null));
        assertTrue(partial.size() > 0, "BIRT wrote nothing before failing: the test shows nothing");

        Path out = Files.createDirectories(temp.resolve("out")).resolve("report.html");
        Files.writeString(out, "the earlier report");
        assertThrows(RuntimeException.class, () -> Reports.write(layout, Format.HTML,
                Map.of("system", system.getCode()), system, out, null));
        assertEquals("the earlier report", Files.readString(out), "the earlier file is as it was");
        assertEquals(List.of("report.html"), files(out.getParent()), "no partial or temporary file is left");

        Files.delete(out);
        assertThrows(RuntimeException.class, () -> Reports.write(layout, Format.HTML,
                Map.of("system", system.getCode()), system, out, null));
        assertEquals(List.of(), files(out.getParent()), "no partial report");
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhyInOneLine() throws Exception {
        Layout layout = Reports.catalogue(temp).stream().filter(l -> l.id().equals("roles")).findFirst().orElseThrow();
        QualitySystem system = system();
        Path notAFolder = temp.resolve("file.txt");
        Files.writeString(notAFolder, "x");
        Path out = notAFolder.resolve("report.pdf");
        IOException error = assertThrows(IOException.class,
                () -> Reports.write(layout, Format.PDF, Map.of("system", system.getCode()), system, out, null));
        String message = error.getMessage();
        assertFalse(message.contains("\n"), message);
        assertTrue(message.contains(out.toString()) && message.contains("не папка"), message);
        assertTrue(message.length() < 400, message);

        Path good = temp.resolve("good").resolve("roles.html");
        Reports.write(layout, Format.HTML, Map.of("system", system.getCode()), system, good, null);
        assertTrue(Files.readString(good).contains("Распределение функций"));
        assertEquals(List.of("roles.html"), files(good.getParent()));
    }
}
