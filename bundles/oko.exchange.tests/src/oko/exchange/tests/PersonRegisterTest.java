package oko.exchange.tests;

import static oko.exchange.tests.District.csv;
import static oko.exchange.tests.District.organisation;
import static oko.exchange.tests.District.person;
import static oko.exchange.tests.District.prepare;
import static oko.exchange.tests.District.read;
import static oko.exchange.tests.District.store;
import static oko.exchange.tests.District.system;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.model.ModelRoot;
import oko.model.Person;
import oko.model.Position;
import oko.model.Role;
import oko.repository.OkoRepository;

/**
 * The register of people: persons matched by full name and organisation, positions added or
 * renamed, role holders added (never removed), every bad row reported, and export → import
 * changing nothing.
 */
class PersonRegisterTest {

    @TempDir
    Path temp;

    private OkoRepository repository;

    @BeforeEach
    void district() {
        repository = OkoRepository.openEmbedded(temp.resolve("data"), "test", line -> { });
        District.create(repository);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static List<String> row(String... cells) {
        return List.of(cells);
    }

    private static List<String> holders(ModelRoot root, String role) {
        Role found = system(root).getRoles().stream().filter(r -> role.equals(r.getCode())).findFirst().orElseThrow();
        return found.getHolders().stream().map(Person::getName).toList();
    }

    @Test
    void personsPositionsAndRoleHolders() throws Exception {
        Path file = csv(temp.resolve("people.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("ФИО", "Должность", "Организация", "E-mail", "Телефон", "Роли"),
                row("Иванова Наталия Геннадьевна", "Начальник управления", "uo", "ivanova@uo.example",
                        "+7 900 000-00-01", "Координатор; Муниципальный оператор"),
                row("Петров Пётр Петрович", "Директор", "СОШ № 1", "", "", "exec"),
                row("Петров Пётр Петрович", "Учитель", "uo", "", "", ""),
                row("Кузнецова  Анна Ивановна", "Методист", "", "anna@example.org", "",
                        "Ответственный исполнитель, Муниципальный оператор")));

        ImportReport report = store(repository, "persons", file, ImportSettings.DEFAULT);

        assertEquals(List.of("Люди: будет создано 2, обновлено 1", "Роли (исполнители): будет создано 0, обновлено 2"),
                report.lines());
        read(repository, root -> {
            assertEquals(4, root.getPersons().size());
            Person ivanova = person(root, "Иванова Наталия Геннадьевна");
            assertEquals(1, ivanova.getPositions().size(), "her position renamed, not another one");
            assertEquals("Начальник управления", ivanova.getPositions().get(0).getTitle());
            assertSame(organisation(root, "uo"), ivanova.getPositions().get(0).getOrganisation());
            assertEquals("ivanova@uo.example", ivanova.getEmail());
            assertEquals("+7 900 000-00-01", ivanova.getPhone());

            Person petrov = person(root, "Петров Пётр Петрович");
            assertEquals("Петров", petrov.getLastName());
            assertEquals("Пётр", petrov.getFirstName());
            assertEquals("Петрович", petrov.getMiddleName());
            List<Position> positions = petrov.getPositions();
            assertEquals(2, positions.size(), "one person with two positions");
            assertEquals("Директор", positions.get(0).getTitle());
            assertSame(organisation(root, "sch-1"), positions.get(0).getOrganisation(), "found by short name");
            assertTrue(positions.get(0).isMain());
            assertEquals("Учитель", positions.get(1).getTitle());
            assertSame(organisation(root, "uo"), positions.get(1).getOrganisation());
            assertFalse(positions.get(1).isMain());

            Person kuznetsova = person(root, "Кузнецова Анна Ивановна");
            assertEquals("anna@example.org", kuznetsova.getEmail());
            assertEquals("Методист", kuznetsova.getPositions().get(0).getTitle());
            assertNull(kuznetsova.getPositions().get(0).getOrganisation());

            assertEquals(List.of("Иванова Наталия Геннадьевна"), holders(root, "coord"));
            assertEquals(List.of("Петров Пётр Петрович", "Кузнецова Анна Ивановна"), holders(root, "exec"));
            assertEquals(List.of("Иванова Наталия Геннадьевна", "Кузнецова Анна Ивановна"), holders(root, "operator"));
            return null;
        });

        Path fewer = csv(temp.resolve("fewer.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("ФИО", "Организация", "Роли"), row("Иванова Наталия Геннадьевна", "uo", "exec")));
        assertEquals(List.of("Роли (исполнители): будет создано 0, обновлено 1"),
                store(repository, "persons", fewer, ImportSettings.DEFAULT).lines());
        read(repository, root -> {
            assertEquals(List.of("Иванова Наталия Геннадьевна", "Кузнецова Анна Ивановна"), holders(root, "operator"),
                    "a role not in the row is not taken away");
            assertEquals("Начальник управления", person(root, "Иванова Наталия Геннадьевна").getPositions().get(0)
                    .getTitle(), "no position given: unchanged");
            return null;
        });
    }

    @Test
    void everyBadRowIsReported() throws Exception {
        Path file = csv(temp.resolve("bad-people.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Фамилия", "Имя", "Отчество", "Должность", "Организация", "E-mail", "Роли"),
                row("Орлова", "Ольга", "", "Учитель", "sch-99", "", ""),
                row("Орлов", "Олег", "", "Учитель", "sch-1", "oleg@", ""),
                row("Орлов", "Олег", "", "", "sch-1", "", "Директор школы"),
                row("", "", "", "Учитель", "sch-1", "", ""),
                row("Лебедев", "Лев", "", "Учитель", "sch-1", "", "exec"),
                row("Лебедев", "Лев", "", "Завуч", "sch-1", "", "")));

        ImportReport report = prepare(repository, "persons", file, ImportSettings.DEFAULT);

        assertEquals(List.of(
                "bad-people.csv, строка 2, столбец Организация: нет организации «sch-99» (по коду, краткому или полному наименованию)",
                "bad-people.csv, строка 3, столбец E-mail: «oleg@» — не адрес электронной почты",
                "bad-people.csv, строка 4, столбец Роли: в системе msoko нет роли «Директор школы»; есть: Координатор; "
                        + "Ответственный исполнитель; Муниципальный оператор",
                "bad-people.csv, строка 5, столбец Фамилия: нет ФИО",
                "bad-people.csv, строка 7, столбец Фамилия: Лебедев Лев (sch-1) уже был в строке 6"), report.lines());
        assertEquals(Integer.valueOf(2), read(repository, root -> root.getPersons().size()));
    }

    @Test
    void exportThenImportChangesNothing() throws Exception {
        store(repository, "persons", csv(temp.resolve("people.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("ФИО", "Должность", "Организация", "E-mail", "Телефон", "Роли"),
                row("Петров Пётр Петрович", "Директор", "sch-1", "p@example.org", "+7 1", "exec; operator"),
                row("Петров Пётр Петрович", "Учитель", "uo", "", "", ""),
                row("Кузнецова Анна Ивановна", "Методист", "", "", "", "Координатор"))), ImportSettings.DEFAULT);
        Path exported = temp.resolve("people.xlsx");

        District.export(repository, "persons", exported);

        List<List<String>> sheet = District.sheet(exported);
        assertEquals(List.of("ФИО", "Должность", "Организация", "E-mail", "Телефон", "Роли"), sheet.get(0));
        assertEquals(List.of("Петров Пётр Петрович", "Директор", "sch-1", "p@example.org", "+7 1",
                "Ответственный исполнитель; Муниципальный оператор"), sheet.get(3));
        ImportReport again = store(repository, "persons", exported, ImportSettings.DEFAULT);
        assertFalse(again.hasErrors(), again.lines().toString());
        assertTrue(again.counts().isEmpty(), "0 created, 0 updated: " + again.lines());
    }
}
