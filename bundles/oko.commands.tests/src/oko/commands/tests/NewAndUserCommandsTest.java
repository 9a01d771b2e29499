package oko.commands.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;

/**
 * {@code new --module …} and {@code user add/list/role/remove}, on a repository holding seeds.xmi
 * (its one school is chel-sosh51). Each test works in its own data folder, so they do not depend
 * on each other's order.
 */
class NewAndUserCommandsTest {

    @TempDir
    static Path temp;
    private static Path seeds;

    @BeforeAll
    static void importSeedsOnce() {
        // the folder is copied per test: importing once is faster than once per test
        seeds = temp.resolve("seeds");
        Oko.run(seeds, "import", Oko.samples().resolve("seeds.xmi").toString()).expect(0);
    }

    /**
     * The templates' objects, counted in their XMI (every element is an object there, none is an
     * attribute written as an element; the system's recommendations, measures, plans and runs —
     * which create() clears — are none): bundles/oko.municipal/templates/municipal.xmi's system has
     * 188 (158 of structure, 3 indicator groups, 12 indicators, 12 data elements and 3 monitorings of
     * seed 002's direction 1.2), bundles/oko.school/templates/school.xmi's 64 (57 and 7 participations).
     */
    @Test
    void newCreatesASystemFromEachModulesTemplate(@TempDir Path data) {
        // a municipal system needs the organisation its aggregated values are stored for: refused without it
        Run noOperator = Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО Тестового района", "--code",
                "test-msoko", "--territory", "Тестовый район").expect(2);
        assertTrue(noOperator.err().startsWith("oko new: name the organisation of the municipal system: --operator"),
                noOperator.err());
        Run municipal = Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО Тестового района", "--code",
                "test-msoko", "--territory", "Тестовый район", "--operator", "УО Тестового района").expect(0);
        assertEquals("Created system \"МСОКО Тестового района\" (code test-msoko) from the template of module Municipal"
                + " (МСОКО): 188 objects", municipal.out().strip());
        Run school = Oko.run(data, "new", "--module", "school", "--name", "ВСОКО школы", "--code", "test-vsoko")
                .expect(0);
        assertEquals("Created system \"ВСОКО школы\" (code test-vsoko) from the template of module School (ВСОКО):"
                + " 64 objects", school.out().strip());
        Run again = Oko.run(data, "new", "--module", "school", "--name", "Другая", "--code", "test-vsoko").expect(1);
        assertEquals("a system with code \"test-vsoko\" exists already: give another --code", again.err().strip());
        // both are in the repository now: the export holds their objects and nothing else
        Path file = data.resolve("new.xmi");
        Run export = Oko.run(data, "export", "--out", file.toString()).expect(0);
        // 188 + 64 objects of the systems, plus the model root the first one created (the second goes
        // into the repository's first model), the territory "Тестовый район" and the new authority
        // "УО Тестового района" running it made for the first
        assertEquals("Exported " + (188 + 64 + 1 + 1 + 1) + " objects to " + file.toAbsolutePath(), export.out().strip());
    }

    @Test
    void usersAreAddedListedChangedAndRemoved() throws Exception {
        assumeTrue(System.getenv("OKO_NEW_PASSWORD") != null,
                "OKO_NEW_PASSWORD is not set (the pom sets it for the test runtime): user add cannot read a password");
        Path data = copyOfSeeds();
        assertEquals("Added user \"anna\" (administrator)",
                Oko.run(data, "user", "add", "anna", "--role", "administrator").expect(0).out().strip());
        assertEquals("Added user \"boris\" (school-administrator)", Oko.run(data, "user", "add", "boris", "--role",
                "school-administrator", "--school", "chel-sosh51").expect(0).out().strip());
        assertEquals(List.of("anna\tadministrator\t\t", "boris\tschool-administrator\tchel-sosh51\t"),
                Oko.run(data, "user", "list").expect(0).lines());

        Run again = Oko.run(data, "user", "add", "anna", "--role", "methodologist").expect(1);
        assertEquals("user \"anna\" exists already", again.err().strip());
        Run noSchool = Oko.run(data, "user", "role", "anna", "--role", "school-administrator", "--school", "НЕТ-1")
                .expect(2);
        assertEquals("oko user: the repository has no organisation with code \"НЕТ-1\"; its schools: chel-sosh51"
                + " (see \"./oko help\")", noSchool.err().strip());

        assertEquals("The rights of user \"boris\" changed: methodologist; their open sessions will be closed",
                Oko.run(data, "user", "role", "boris", "--role", "methodologist").expect(0).out().strip());
        assertEquals("User \"anna\" removed", Oko.run(data, "user", "remove", "anna").expect(0).out().strip());
        assertEquals(List.of("boris\tmethodologist\t\t"), Oko.run(data, "user", "list").expect(0).lines());
        assertEquals("no user \"anna\"", Oko.run(data, "user", "remove", "anna").expect(1).err().strip());
    }

    private static Path copyOfSeeds() throws java.io.IOException {
        Path copy = temp.resolve("seeds-" + System.nanoTime());
        try (var files = java.nio.file.Files.walk(seeds)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(seeds.relativize(file).toString());
                if (java.nio.file.Files.isDirectory(file)) {
                    java.nio.file.Files.createDirectories(target);
                } else {
                    java.nio.file.Files.copy(file, target);
                }
            }
        }
        return copy;
    }
}
