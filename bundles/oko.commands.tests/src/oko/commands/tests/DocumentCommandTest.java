package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * {@code ./oko document attach|files|save}: a file attached to the sample's order №1048 in one commit,
 * listed as TSV with its SHA-256, saved back byte for byte; too large files and mistakes named.
 */
class DocumentCommandTest {

    @TempDir
    static Path temp;
    private static Path data;

    @BeforeAll
    static void importSample() {
        data = Oko.sampleData(temp);
    }

    @Test
    void attachesListsAndSavesAFile() throws Exception {
        Path file = temp.resolve("prikaz-1048.pdf");
        Files.writeString(file, "abc", StandardCharsets.UTF_8);
        Run attach = Oko.run(data, "document", "attach", "№1048", file.toString(), "--system", "ishimbay-msoko").expect(0);
        assertTrue(attach.out().contains("File «prikaz-1048.pdf» attached to document №1048"), attach.toString());

        Run files = Oko.run(data, "document", "files", "№1048").expect(0);
        List<String> lines = files.out().lines().toList();
        assertEquals("name\ttype\tsize\tsha256", lines.get(0), files.toString());
        // SHA-256 of «abc» (FIPS 180-2, appendix B.1)
        assertEquals("prikaz-1048.pdf\tapplication/pdf\t3\t"
                + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", lines.get(1), files.toString());
        assertEquals(2, lines.size(), files.toString());

        Files.writeString(file, "abcd", StandardCharsets.UTF_8);
        Run again = Oko.run(data, "document", "attach", "№1048", file.toString()).expect(0);
        assertTrue(again.out().contains("replaced"), again.toString());
        Path copy = temp.resolve("out/copy.pdf");
        Oko.run(data, "document", "save", "№1048", "prikaz-1048.pdf", "--out", copy.toString()).expect(0);
        assertArrayEquals("abcd".getBytes(StandardCharsets.UTF_8), Files.readAllBytes(copy));
        assertEquals(2, Oko.run(data, "document", "files", "№1048").expect(0).out().lines().count(), "replaced, not added");
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingStored() throws Exception {
        Path huge = temp.resolve("huge.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024 + 1);
        }
        Run refused = Oko.run(data, "document", "attach", "№1048", huge.toString()).expect(2);
        assertTrue(refused.err().contains("huge.pdf") && refused.err().contains("50 MiB"), refused.toString());
        assertFalse(Oko.run(data, "document", "files", "№1048").expect(0).out().contains("huge.pdf"), "nothing stored");
    }

    @Test
    void mistakesNameTheDocumentOrFile() {
        Path missing = temp.resolve("nothere.pdf");
        assertTrue(Oko.run(data, "document", "attach", "№1048", missing.toString()).expect(2).err().contains("nothere.pdf"));
        assertTrue(Oko.run(data, "document", "files", "№9999").expect(2).err().contains("№9999"));
        assertTrue(Oko.run(data, "document", "files", "№1048", "--system", "nowhere").expect(2).err().contains("nowhere"));
        Run noFile = Oko.run(data, "document", "save", "№1048", "other.pdf", "--out", temp.resolve("o.pdf").toString())
                .expect(2);
        assertTrue(noFile.err().contains("other.pdf") && noFile.err().contains("№1048"), noFile.toString());
        assertTrue(Oko.run(data, "document", "save", "№1048", "other.pdf").expect(2).err().contains("--out"));
        assertTrue(Oko.run(data, "document", "frobnicate", "№1048").expect(2).err().contains("frobnicate"));
        assertFalse(Files.exists(temp.resolve("o.pdf")));
    }
}
