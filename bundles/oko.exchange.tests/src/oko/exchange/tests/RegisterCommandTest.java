package oko.exchange.tests;

import static oko.exchange.tests.District.csv;
import static oko.exchange.tests.District.organisation;
import static oko.exchange.tests.District.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;
import oko.model.Organisation;
import oko.repository.OkoRepository;

/**
 * {@code ./oko register import|export …} run in-process as the launcher runs it: an error in the
 * file stores nothing (exit 1), {@code --dry-run} stores nothing (exit 0), a real import stores
 * everything in one commit, an export read back changes nothing, an unknown kind lists the known.
 */
class RegisterCommandTest {

    @TempDir
    Path temp;

    private Run run(String... arguments) {
        return Oko.run(temp.resolve("data"), arguments);
    }

    private <T> T inRepository(java.util.function.Function<OkoRepository, T> what) {
        try (OkoRepository repository = OkoRepository.openEmbedded(temp.resolve("data"), "test", line -> { })) {
            return what.apply(repository);
        }
    }

    private List<String> codes() {
        return inRepository(r -> read(r, root -> root.getOrganisations().stream().map(Organisation::getCode).toList()));
    }

    @Test
    void importDryRunRealImportAndExport() throws Exception {
        inRepository(r -> {
            District.create(r);
            return null;
        });
        Path file = csv(temp.resolve("schools.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                List.of("Код", "Наименование", "Тип", "Кластер"),
                List.of("sch-60", "МБОУ СОШ № 60", "ОО", "Горные школы"),
                List.of("sch-61", "МБОУ СОШ № 61", "ОО", "city")));

        Run refused = run("register", "import", "organisations", file.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertEquals("schools.csv, строка 2, столбец Кластер: нет кластера «Горные школы»; создайте его в модели или "
                + "импортируйте с --create-clusters (в мастере — «Создать недостающие кластеры»)\n"
                + "Ошибок в файле schools.csv: 1; исправьте их и запустите импорт снова.\nНичего не сохранено.\n",
                refused.err().replace("\r\n", "\n"));
        assertEquals(List.of("uo", "sch-1"), codes());

        Run dry = run("register", "import", "organisations", file.toString(), "--create-clusters", "--dry-run");
        assertEquals(0, dry.exit(), dry.err());
        assertEquals("Организации: будет создано 2, обновлено 0\nКластеры: будет создано 1, обновлено 0\n"
                + "schools.csv, строка 2, столбец Кластер: будет создан кластер «Горные школы»\n"
                + "Ничего не сохранено (пробный запуск, --dry-run).\n", dry.out().replace("\r\n", "\n"));
        assertEquals(List.of("uo", "sch-1"), codes());

        Run stored = run("register", "import", "organisations", file.toString(), "--create-clusters");
        assertEquals(0, stored.exit(), stored.err());
        assertTrue(stored.out().replace("\r\n", "\n").endsWith(
                "Сохранено в системе msoko: Организации — создано 2, обновлено 0; Кластеры — создано 1, обновлено 0\n"),
                stored.out());
        assertEquals(List.of("uo", "sch-1", "sch-60", "sch-61"), codes());
        assertEquals("Горные школы", inRepository(r -> read(r, root -> organisation(root, "sch-60").getCluster().getName())));

        Path exported = temp.resolve("out.xlsx");
        Run export = run("register", "export", "organisations", exported.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.size(exported) > 0);
        Run back = run("register", "import", "organisations", exported.toString(), "--system", "msoko");
        assertEquals(0, back.exit(), back.err());
        assertEquals("Модель уже содержит всё, что в файле: сохранять нечего.\n", back.out().replace("\r\n", "\n"));
    }

    @Test
    void anUnknownKindListsTheKnownOnes() throws Exception {
        Path file = Files.writeString(temp.resolve("x.csv"), "Код;Наименование\n");
        Run unknown = run("register", "import", "schools", file.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("неизвестный вид «schools» для команды register; известные: organisations, persons"),
                unknown.err());
        Run notXlsx = run("register", "export", "persons", temp.resolve("people.csv").toString());
        assertEquals(2, notXlsx.exit());
        assertTrue(notXlsx.err().contains("выгрузка пишет только XLSX"), notXlsx.err());
    }
}
