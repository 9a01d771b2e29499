package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.DataElement;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Imported;
import oko.monitoring.RawValueImport.Layout;
import oko.monitoring.bench.ImportFixture;

/**
 * {@link RawValueImport#importFile}: the file is read as a stream (in blocks), checked before
 * anything is stored, and stores what {@link RawValueImport#check} + storeAll stored.
 */
class StreamingImportTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final Charset CP1251 = Charset.forName("windows-1251");

    @TempDir
    Path temp;

    private final ImportFixture model = new ImportFixture(null, "2023", "M1");
    private final ModelRoot root = model.root;
    private final QualitySystem system = model.system;
    private final Period period = model.period;
    private final Monitoring monitoring = model.monitoring;

    StreamingImportTest() {
        for (int s = 0; s < 300; s++) {
            model.school("Школа-" + s);
        }
        model.element("passed");
        model.element("total");
    }

    /** Two values (passed, total) per school, schools {@code from} to {@code to - 1}. */
    private static String rows(int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int s = from; s < to; s++) {
            text.append("Школа-").append(s).append(";passed;").append(s % 10).append('\n');
            text.append("Школа-").append(s).append(";total;").append(10 + s % 10).append(",5\n");
        }
        return text.toString();
    }

    private List<RawValue> stored() {
        return monitoring.getRuns().isEmpty() ? List.of() : List.copyOf(monitoring.getRuns().get(0).getRawValues());
    }

    /** A header of {@code length} characters: school, measure, value and a long note column (ignored). */
    private static String header(int length) {
        String columns = "school;measure;value;";
        return columns + "n".repeat(length - columns.length() - 1) + "\n";
    }

    @Test
    void aWindows1251LetterFarBehindTheFirstBlockMakesTheWholeFileWindows1251() throws Exception {
        // the file is read in blocks of 64 KiB: the first Cyrillic letter comes after 150 KB
        Path file = temp.resolve("cp1251.csv");
        Files.write(file, (header(150_000) + rows(0, 300)).getBytes(CP1251));
        Imported imported = RawValueImport.importFile(file, null, system, period);
        assertEquals(List.of(), imported.problems());
        assertEquals("windows-1251", imported.encoding());
        assertEquals(600, imported.stored().values());
        assertEquals(600, stored().size());
        assertEquals("Школа-299", stored().get(599).getOrganisation().getCode());
    }

    @Test
    void aUtf8LetterAcrossTheBlockBoundaryIsStillUtf8() throws Exception {
        // the first data row begins with "Ш" (two bytes in UTF-8) on the last byte of the first block
        Path file = temp.resolve("utf8.csv");
        byte[] bytes = (header((1 << 16) - 1) + rows(0, 300)).getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xD0, bytes[(1 << 16) - 1], "the test's own arithmetic: Ш begins at the block's end");
        Files.write(file, bytes);
        Imported imported = RawValueImport.importFile(file, null, system, period);
        assertEquals(List.of(), imported.problems());
        assertEquals("UTF-8", imported.encoding());
        assertEquals(600, stored().size());
        assertEquals("Школа-0", stored().get(0).getOrganisation().getCode());
    }

    @Test
    void theLastLineWithoutLineBreakIsReadAndNamedByItsLine() throws Exception {
        Path file = temp.resolve("last.csv");
        Files.writeString(file, "\uFEFFschool;measure;value\nШкола-1;passed;3\nШкола-1;total;4\nШкола-1;passed;x",
                StandardCharsets.UTF_8);
        Imported imported = RawValueImport.importFile(file, Layout.LONG, system, period);
        assertFalse(imported.ok());
        assertEquals(1, imported.problems().size(), imported.problems().toString());
        assertTrue(imported.problems().get(0).startsWith("last.csv") && imported.problems().get(0).contains("4"),
                "the problem names the file and line 4: " + imported.problems());
        assertNull(imported.stored());
        assertEquals(List.of(), stored(), "a file with a problem stores nothing");
        assertTrue(monitoring.getRuns().isEmpty(), "not even the run");
    }

    @Test
    void aBadRowAtTheEndOfALargeFileStoresNothing() throws Exception {
        Path file = temp.resolve("bad-at-end.csv");
        Files.writeString(file, "school;measure;value\n" + rows(0, 300) + "Школа-9999;passed;1\n", StandardCharsets.UTF_8);
        Imported imported = RawValueImport.importFile(file, null, system, period);
        assertEquals(1, imported.problems().size(), imported.problems().toString());
        assertTrue(imported.problems().get(0).contains("602") && imported.problems().get(0).contains("Школа-9999"),
                imported.problems().get(0));
        assertTrue(monitoring.getRuns().isEmpty(), "nothing stored, no run created");
    }

    @Test
    void storesWhatCheckAndStoreAllStoreAndReplacesOnReimport() throws Exception {
        Path file = temp.resolve("values.csv");
        Files.writeString(file, "school;measure;value\n" + rows(0, 300), StandardCharsets.UTF_8);
        Imported first = RawValueImport.importFile(file, null, system, period);
        assertEquals(600, first.stored().values());
        assertEquals(0, first.stored().replaced());
        RawValue total7 = stored().get(15);
        assertEquals("Школа-7", total7.getOrganisation().getCode());
        assertEquals("total", total7.getCode());
        assertEquals(17.5, total7.getValue());
        assertEquals(system.getDataElements().get(1), total7.getElement());

        Files.writeString(file, "school;measure;value\nШкола-7;total;20\nШкола-8;passed;1\n", StandardCharsets.UTF_8);
        Imported again = RawValueImport.importFile(file, null, system, period);
        assertEquals(2, again.stored().values());
        assertEquals(2, again.stored().replaced());
        assertEquals(600, stored().size(), "replaced where they were, none added");
        assertEquals(20.0, total7.getValue());
    }
}
