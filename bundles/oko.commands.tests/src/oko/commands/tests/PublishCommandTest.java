package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/** {@code ./oko publish}: the site written, the links recorded in one commit, mistakes named. */
class PublishCommandTest {

    @TempDir
    static Path temp;
    private static Path data;

    @BeforeAll
    static void importSample() {
        data = Oko.sampleData(temp);
    }

    @Test
    void writesTheSiteAndSaysHowManyFilesChanged() throws Exception {
        Path site = temp.resolve("site");
        Run first = Oko.run(data, "publish", "--out", site.toString(), "--system", "krasnogorsk-msoko", "--no-reports")
                .expect(0);
        Matcher written = Pattern.compile("Files written: (\\d+), changed: (\\d+), removed: 0").matcher(first.out());
        assertTrue(written.find(), first.toString());
        assertEquals(written.group(1), written.group(2), "a new folder: every file changed");
        assertTrue(Files.readString(site.resolve("plan.html")).contains("Формирование нормативно-правого обеспечения"));
        Run again = Oko.run(data, "publish", "--out", site.toString(), "--system", "krasnogorsk-msoko", "--no-reports")
                .expect(0);
        assertTrue(again.out().contains("changed: 0, removed: 0"), again.toString());
    }

    @Test
    void baseUrlRecordsTheLinksInOneCommit() throws Exception {
        Path site = temp.resolve("linked");
        Run publish = Oko.run(data, "publish", "--out", site.toString(), "--system", "ishimbay-msoko", "--no-reports",
                "--base-url", "https://edu.example.ru/msoko").expect(0);
        assertTrue(publish.out().contains("Publication links recorded"), publish.toString());
        Path xmi = temp.resolve("ishimbay.xmi");
        Oko.run(data, "export", "--out", xmi.toString(), "--system", "ishimbay-msoko").expect(0);
        String exported = Files.readString(xmi);
        assertTrue(exported.contains("publicationLink=\"https://edu.example.ru/msoko/documents.html#doc-"), "links stored");
        Run validate = Oko.run(data, "validate").expect(0);
        assertFalse(validate.out().contains("OKO-DOC-01"), validate.toString());
    }

    @Test
    void mistakesNameTheOption() {
        Path site = temp.resolve("bad");
        assertTrue(Oko.run(data, "publish", "--system", "ishimbay-msoko").expect(2).err().contains("--out"));
        assertTrue(Oko.run(data, "publish", "--out", site.toString()).expect(2).err().contains("ishimbay-msoko"));
        assertTrue(Oko.run(data, "publish", "--out", site.toString(), "--system", "nowhere").expect(2).err()
                .contains("--system nowhere"));
        assertTrue(Oko.run(data, "publish", "--out", site.toString(), "--system", "ishimbay-msoko", "--period", "1999")
                .expect(2).err().contains("--period 1999"));
        assertTrue(Oko.run(data, "publish", "--out", site.toString(), "--system", "ishimbay-msoko", "--base-url",
                "edu.example.ru").expect(2).err().contains("--base-url"));
        assertFalse(Files.exists(site), "nothing written on a mistake");
    }
}
