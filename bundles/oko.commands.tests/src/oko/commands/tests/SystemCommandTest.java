package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * {@code ./oko system list} and {@code ./oko system parent CODE PARENT|--none} (issue 22): an existing
 * municipal system is put under a region in one commit; an unknown code or a system of another
 * level is refused (exit 1) naming what would fit, and nothing stored changes; wrong arguments are
 * usage errors (exit 2). On the sample (ishimbay-msoko, its schools' vsoko-chel-sosh51) with a new
 * regional system region-1.
 */
class SystemCommandTest {

    /** The line of {@code system list} for the system of that code. */
    private static String line(Path data, String code) {
        List<String> lines = Oko.run(data, "system", "list").expect(0).lines();
        return lines.stream().filter(l -> l.startsWith(code + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + lines));
    }

    @Test
    void anExistingMunicipalSystemIsPutUnderARegionAndRefusedUnderAnotherLevel(@TempDir Path temp) {
        Path data = Oko.sampleData(temp);
        Oko.run(data, "new", "--module", "region", "--name", "РСОКО Республики Башкортостан", "--territory", "02",
                "--operator", "Министерство просвещения Республики Башкортостан").expect(0);
        // code, level, system above, name
        assertTrue(line(data, "ishimbay-msoko").startsWith("ishimbay-msoko\tMUNICIPALITY\t\t"), line(data,
                "ishimbay-msoko"));
        assertEquals("region-1\tREGION\t\tРСОКО Республики Башкортостан", line(data, "region-1"));

        Run put = Oko.run(data, "system", "parent", "ishimbay-msoko", "region-1").expect(0);
        assertEquals("System ishimbay-msoko put under the system above region-1", put.out().strip());
        assertTrue(line(data, "ishimbay-msoko").startsWith("ishimbay-msoko\tMUNICIPALITY\tregion-1\t"),
                "stored: " + line(data, "ishimbay-msoko"));
        assertEquals("system ishimbay-msoko is under system region-1 already: nothing changed",
                Oko.run(data, "system", "parent", "ishimbay-msoko", "region-1").expect(0).out().strip());

        // refused, exit 1, one line naming the fitting systems; what is stored stays
        Run school = Oko.run(data, "system", "parent", "ishimbay-msoko", "vsoko-chel-sosh51").expect(1);
        assertEquals("vsoko-chel-sosh51 (school system (ВСОКО)) is not a system of the level above ishimbay-msoko:"
                + " it needs a regional system (РСОКО); there are: region-1", school.err().strip());
        Run unknown = Oko.run(data, "system", "parent", "ishimbay-msoko", "region-9").expect(1);
        assertEquals("region-9 (no such system) is not a system of the level above ishimbay-msoko: it needs a"
                + " regional system (РСОКО); there are: region-1", unknown.err().strip());
        Run noSystem = Oko.run(data, "system", "parent", "msoko-9", "region-1").expect(1);
        assertTrue(noSystem.err().strip().startsWith("no system with code \"msoko-9\" (systems: "), noSystem.err());
        assertTrue(noSystem.err().contains("ishimbay-msoko") && noSystem.err().contains("region-1"), noSystem.err());
        Run top = Oko.run(data, "system", "parent", "region-1", "ishimbay-msoko").expect(1);
        assertEquals("system region-1 (regional system (РСОКО)) has no level above: it cannot be put under another"
                + " system", top.err().strip());
        assertTrue(line(data, "ishimbay-msoko").startsWith("ishimbay-msoko\tMUNICIPALITY\tregion-1\t"),
                "the refusals changed nothing: " + line(data, "ishimbay-msoko"));

        // a school's system goes under a municipal one (the next level up)
        Oko.run(data, "system", "parent", "vsoko-chel-sosh51", "ishimbay-msoko").expect(0);
        assertTrue(line(data, "vsoko-chel-sosh51").startsWith("vsoko-chel-sosh51\tSCHOOL\tishimbay-msoko\t"),
                line(data, "vsoko-chel-sosh51"));

        // --none takes it out from under the region
        assertEquals("System ishimbay-msoko no longer under a system above",
                Oko.run(data, "system", "parent", "ishimbay-msoko", "--none").expect(0).out().strip());
        assertTrue(line(data, "ishimbay-msoko").startsWith("ishimbay-msoko\tMUNICIPALITY\t\t"),
                line(data, "ishimbay-msoko"));
    }

    @Test
    void wrongArgumentsAreUsageErrors(@TempDir Path temp) {
        Path data = temp.resolve("empty");
        assertTrue(Oko.run(data, "system", "parent", "ishimbay-msoko").expect(2).err().contains("system parent CODE"));
        assertTrue(Oko.run(data, "system", "parent", "a", "b", "--none").expect(2).err().contains("--none"));
        assertTrue(Oko.run(data, "system", "frob").expect(2).err().contains("frob"));
        assertTrue(Oko.run(data, "system").expect(2).err().length() > 0);
        assertTrue(Oko.run(data, "system", "list", "x").expect(2).err().contains("system list"));
    }
}
