package oko.exchange.tests;

import static oko.exchange.tests.District.csv;
import static oko.exchange.tests.District.organisation;
import static oko.exchange.tests.District.person;
import static oko.exchange.tests.District.prepare;
import static oko.exchange.tests.District.read;
import static oko.exchange.tests.District.store;
import static oko.exchange.tests.District.value;
import static oko.exchange.tests.District.xlsx;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.exchange.ImportReport;
import oko.exchange.ImportSession;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.tests.District.Formula;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Person;
import oko.repository.OkoRepository;

/**
 * The register of organisations imported into a real embedded repository: every object and
 * reference created, update by code, clusters created on request only, every error with its
 * exact report line, nothing stored with a bad row, and export → import changing nothing.
 * (Report lines in Russian: the tests run with -Dosgi.nl=ru, as the product does.)
 */
class OrganisationRegisterTest {

    private static final String KNOWN_COLUMNS = "Код, Полное наименование, Краткое наименование, Тип, Кластер, "
            + "Территория, Головная организация, Обучающихся, Педагогов, Руководитель, Сайт, Адрес, Период, "
            + "малокомплектная школа (да/нет), удалённая, вакансий, доля педагогов высшей категории, примечание";

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

    @Test
    void utf8CsvCreatesEveryObjectAndReference() throws Exception {
        Path file = csv(temp.resolve("reg.csv"), StandardCharsets.UTF_8, true, ';', List.of(
                row("  КОД ", "Полное  Наименование", "Краткое наименование", "Вид", "кластер", "Территория",
                        "Головная организация", "Обучающихся", "Педагогов", "Руководитель", "Сайт", "Адрес",
                        "Малокомплектная", "Удаленная", "Вакансий", "доля педагогов высшей категории", "Примечание",
                        "Комментарий для себя"),
                row("sch-10", "МБОУ СОШ № 10", "СОШ № 10", "ОО", "Городские школы", "МР Новый район", "uo", "1 234",
                        "80", "Иванова Наталия Геннадьевна", "http://s10.example", "ул. Мира, 10", "да", "нет", "2",
                        "12,5", "новая", "x"),
                row("sch-11", "МБОУ ООШ с. Берёзовка", "ООШ Берёзовка", "школа", "rural", "02-nr", "sch-12", "45", "9",
                        "Петров Пётр Петрович", "", "с. Берёзовка", "1", "0", "0", "30", "", ""),
                row("sch-12", "МБДОУ Детский сад № 12", "Д/с № 12", "детский сад", "", "02", "uo", "120", "15",
                        "Иванова Н.Г.", "http://ds12.example", "ул. Мира, 12", "", "", "", "", "", "")));

        ImportReport report = store(repository, "organisations", file, ImportSettings.DEFAULT);

        assertEquals(List.of("Организации: будет создано 3, обновлено 0", "Люди: будет создано 1, обновлено 0",
                "reg.csv, строка 1, столбец Малокомплектная: столбец взят как признак «малокомплектная школа (да/нет)» (по началу названия)",
                "reg.csv, строка 1: столбцы «Комментарий для себя» не распознаны и пропущены; известные столбцы: "
                        + KNOWN_COLUMNS,
                "reg.csv, строка 3, столбец Руководитель: будет создан человек «Петров Пётр Петрович»",
                "reg.csv, строка 4, столбец Руководитель: «Иванова Н.Г.» сопоставлен(а) с «Иванова Наталия Геннадьевна» по фамилии и инициалам"),
                report.lines());
        assertEquals(List.of("КОД", "Полное Наименование"), report.header().subList(0, 2));
        assertEquals(3, report.previewRows().size());

        read(repository, root -> {
            assertEquals(5, root.getOrganisations().size());
            Organisation uo = organisation(root, "uo");
            Organisation s10 = organisation(root, "sch-10");
            assertEquals("МБОУ СОШ № 10", s10.getName());
            assertEquals("СОШ № 10", s10.getShortName());
            assertEquals(OrganisationKind.SCHOOL, s10.getKind());
            assertEquals("city", s10.getCluster().getCode());
            assertEquals("02-nr", s10.getTerritory().getCode());
            assertSame(uo, s10.getParent());
            assertEquals(1234, s10.getStudentCount());
            assertEquals(80, s10.getTeacherCount());
            assertSame(person(root, "Иванова Наталия Геннадьевна"), s10.getHead());
            assertEquals("http://s10.example", s10.getWebsite());
            assertEquals("ул. Мира, 10", s10.getAddress());
            assertEquals("true", value(s10, "small_school", null));
            assertEquals("false", value(s10, "remote", null));
            assertEquals("2.0", value(s10, "vacancies", null));
            assertEquals("12.5", value(s10, "share", null));
            assertEquals("новая", value(s10, "remark", null));
            assertEquals(5, s10.getAttributes().size());

            Organisation s11 = organisation(root, "sch-11");
            Organisation s12 = organisation(root, "sch-12");
            assertEquals("МБОУ ООШ с. Берёзовка", s11.getName());
            assertEquals(OrganisationKind.SCHOOL, s11.getKind());
            assertEquals("rural", s11.getCluster().getCode());
            assertEquals("02-nr", s11.getTerritory().getCode());
            assertSame(s12, s11.getParent(), "a parent given later in the file");
            assertEquals(45, s11.getStudentCount());
            assertEquals(9, s11.getTeacherCount());
            Person petrov = person(root, "Петров Пётр Петрович");
            assertSame(petrov, s11.getHead());
            assertEquals("Петров", petrov.getLastName());
            assertEquals("Пётр", petrov.getFirstName());
            assertEquals("Петрович", petrov.getMiddleName());
            assertNull(s11.getWebsite());
            assertEquals("true", value(s11, "small_school", null));
            assertEquals("false", value(s11, "remote", null));
            assertEquals("0.0", value(s11, "vacancies", null));
            assertEquals("30.0", value(s11, "share", null));
            assertNull(value(s11, "remark", null));
            assertEquals(4, s11.getAttributes().size());

            assertEquals(OrganisationKind.PRESCHOOL, s12.getKind());
            assertNull(s12.getCluster());
            assertEquals("02", s12.getTerritory().getCode());
            assertSame(uo, s12.getParent());
            assertEquals(120, s12.getStudentCount());
            assertSame(person(root, "Иванова Наталия Геннадьевна"), s12.getHead(), "matched by surname and initials");
            assertTrue(s12.getAttributes().isEmpty());
            assertEquals(3, root.getPersons().size());
            assertEquals(2, root.getClusters().size());
            return null;
        });
    }

    @Test
    void windows1251CsvWithCommasEnglishHeadersAndAPeriodColumn() throws Exception {
        Path file = csv(temp.resolve("periods.csv"), Charset.forName("windows-1251"), false, ',', List.of(
                row("Code", "Full name", "Kind", "Cluster", "Period", "vacancies", "share"),
                row("sch-20", "МБОУ СОШ № 20", "school", "Сельские школы", "2023", "3", "7,5"),
                row("sch-20", "МБОУ СОШ № 20", "school", "Сельские школы", "2024", "1", ""),
                row("sch-1", "МБОУ СОШ № 1", "ОО", "city", "2023", "1", "")));

        ImportReport report = store(repository, "organisations", file, ImportSettings.DEFAULT);

        assertEquals(List.of("Организации: будет создано 1, обновлено 0"), report.lines(),
                "sch-1 already has 1 vacancy in 2023: not updated");
        read(repository, root -> {
            Organisation s20 = organisation(root, "sch-20");
            assertEquals("МБОУ СОШ № 20", s20.getName());
            assertEquals("rural", s20.getCluster().getCode());
            assertEquals("3.0", value(s20, "vacancies", "2023"));
            assertEquals("1.0", value(s20, "vacancies", "2024"));
            assertEquals("7.5", value(s20, "share", "2023"));
            assertNull(value(s20, "share", "2024"));
            assertNull(value(s20, "vacancies", null));
            assertEquals(3, s20.getAttributes().size());
            assertEquals(2, organisation(root, "sch-1").getAttributes().size());
            return null;
        });
    }

    @Test
    void xlsxWithNumberCellsFormulasAndPeriodOption() throws Exception {
        Path file = xlsx(temp.resolve("numbers.xlsx"), List.of(
                List.of("Код", "Наименование", "Тип", "Обучающихся", "Педагогов", "Удалённая", "Вакансий"),
                List.of("sch-30", "МБОУ СОШ № 30", "ОО", 300, new Formula("20+5"), "да", 4),
                List.of("sch-31", "МБОУ СОШ № 31", "Общеобразовательная организация", new Formula("D2*2"), 10, "нет",
                        new Formula("E2-25"))));

        ImportReport report = store(repository, "organisations", file, new ImportSettings("2024", false));

        assertEquals(List.of("Организации: будет создано 2, обновлено 0"), report.lines());
        read(repository, root -> {
            Organisation s30 = organisation(root, "sch-30");
            Organisation s31 = organisation(root, "sch-31");
            assertEquals(300, s30.getStudentCount());
            assertEquals(25, s30.getTeacherCount());
            assertEquals("true", value(s30, "remote", "2024"));
            assertEquals("4.0", value(s30, "vacancies", "2024"));
            assertNull(value(s30, "remote", null));
            assertEquals(600, s31.getStudentCount());
            assertEquals(10, s31.getTeacherCount());
            assertEquals("false", value(s31, "remote", "2024"));
            assertEquals("0.0", value(s31, "vacancies", "2024"));
            return null;
        });

        ImportReport unknownPeriod = prepare(repository, "organisations", file, new ImportSettings("2030", false));
        assertEquals(List.of("numbers.xlsx: нет периода «2030» (--period); есть: 2023, 2024"), unknownPeriod.lines());
    }

    @Test
    void aFormulaGivingAnErrorNamesSheetAndCell() throws Exception {
        Path file = xlsx(temp.resolve("err.xlsx"), List.of(
                List.of("Код", "Наименование", "Тип", "Обучающихся"),
                List.of("sch-32", "МБОУ СОШ № 32", "ОО", new Formula("1/0"))));

        ImportReport report = prepare(repository, "organisations", file, ImportSettings.DEFAULT);

        assertEquals(List.of("err.xlsx, строка 2, столбец Обучающихся: формула =1/0 на листе «Реестр», ячейка D2, "
                + "даёт ошибку #DIV/0!; исправьте формулу или замените её значением"), report.lines());
    }

    @Test
    void updateByCodeChangesOnlyWhatDiffersAndDeletesNothing() throws Exception {
        long uoVersion = read(repository, root -> (long) ((CDOObject) organisation(root, "uo")).cdoRevision().getVersion());
        Path file = csv(temp.resolve("update.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Код", "Полное наименование", "Педагогов", "Сайт", "Кластер", "Малокомплектная школа (да/нет)"),
                row("sch-1", "МБОУ СОШ № 1", "42", "", "Городские школы", "нет"),
                row("uo", "Управление образования", "", "", "", "")));

        ImportReport report = store(repository, "organisations", file, ImportSettings.DEFAULT);

        assertEquals(List.of("Организации: будет создано 0, обновлено 1"), report.lines());
        read(repository, root -> {
            assertEquals(2, root.getOrganisations().size());
            Organisation s1 = organisation(root, "sch-1");
            assertEquals(42, s1.getTeacherCount());
            assertEquals(500, s1.getStudentCount(), "not in the file: unchanged");
            assertEquals("http://s1.example", s1.getWebsite(), "an empty cell changes nothing");
            assertEquals("Сидоров С.С.", s1.getHead().getName());
            assertEquals("false", value(s1, "small_school", null));
            assertEquals("1.0", value(s1, "vacancies", "2023"), "nothing deleted");
            assertEquals(uoVersion, ((CDOObject) organisation(root, "uo")).cdoRevision().getVersion(),
                    "uo is the same: not written");
            return null;
        });

        ImportReport again = store(repository, "organisations", file, ImportSettings.DEFAULT);
        assertEquals(List.of(), again.lines(), "the second time nothing changes");
    }

    @Test
    void missingClustersAreErrorsUnlessCreationIsAsked() throws Exception {
        Path file = csv(temp.resolve("clusters.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Код", "Наименование", "Кластер"),
                row("sch-40", "Школа 40", "Горные школы"),
                row("sch-41", "Школа 41", "горные  школы"),
                row("sch-42", "Школа 42", "rural")));

        try (ImportSession session = ImportSession.open(repository, District.SYSTEM)) {
            ModelImport.Prepared prepared = session.prepare(District.kind("organisations"), file, ImportSettings.DEFAULT,
                    new NullProgressMonitor());
            assertEquals(List.of(
                    "clusters.csv, строка 2, столбец Кластер: нет кластера «Горные школы»; создайте его в модели или "
                            + "импортируйте с --create-clusters (в мастере — «Создать недостающие кластеры»)",
                    "clusters.csv, строка 3, столбец Кластер: нет кластера «горные  школы»; создайте его в модели или "
                            + "импортируйте с --create-clusters (в мастере — «Создать недостающие кластеры»)"),
                    prepared.report().lines());
            assertThrows(IllegalStateException.class, () -> session.commit(prepared, "x", new NullProgressMonitor()));
            assertThrows(IllegalStateException.class, prepared::apply);
        }
        assertEquals(Integer.valueOf(2), read(repository, root -> root.getClusters().size()));

        ImportReport created = store(repository, "organisations", file, new ImportSettings(null, true));

        assertEquals(List.of("Организации: будет создано 3, обновлено 0", "Кластеры: будет создано 1, обновлено 0",
                "clusters.csv, строка 2, столбец Кластер: будет создан кластер «Горные школы»"), created.lines());
        read(repository, root -> {
            assertEquals(3, root.getClusters().size());
            var mountain = organisation(root, "sch-40").getCluster();
            assertEquals("Горные школы", mountain.getName());
            assertSame(mountain, organisation(root, "sch-41").getCluster(), "one cluster for both spellings");
            assertEquals("rural", organisation(root, "sch-42").getCluster().getCode());
            return null;
        });
    }

    @Test
    void everyBadRowIsReportedWithFileRowColumnAndReason() throws Exception {
        Path file = csv(temp.resolve("bad.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Код", "Наименование", "Тип", "Кластер", "Территория", "Головная организация", "Обучающихся",
                        "Педагогов", "Период", "Малокомплектная школа", "Вакансий"),
                row("e-1", "Школа 1", "гимназия-интернат", "", "", "", "", "", "", "", ""),
                row("e-2", "Школа 2", "ОО", "", "", "", "много", "-3", "", "", ""),
                row("e-3", "Школа 3", "ОО", "", "", "", "12,5", "", "", "", ""),
                row("e-3", "Школа 3 ещё раз", "ОО", "", "", "", "", "", "", "", ""),
                row("e-4", "Школа 4", "ОО", "", "Марс", "nope", "", "", "", "", ""),
                row("e-5", "Школа 5", "ОО", "", "", "", "", "", "2031", "", ""),
                row("e-6", "Школа 6", "ОО", "", "", "", "", "", "", "может быть", "1,5"),
                row("", "Школа без кода", "ОО", "", "", "", "", "", "", "", ""),
                row("e-7", "", "ОО", "", "", "", "", "", "", "", ""),
                row("e-8", "Школа 8", "ОО", "", "", "e-9", "", "", "", "", ""),
                row("e-9", "Школа 9", "ОО", "", "", "e-8", "", "", "", "", ""),
                row("e-10", "Школа 10", "ОО", "", "", "e-10", "", "", "", "", ""),
                row("e-11", "Школа 11", "ОО", "", "", "", "100", "", "2023", "", ""),
                row("e-11", "Школа 11", "ОО", "", "", "", "200", "", "2024", "", ""),
                row("e-12", "Школа 12", "ОО", "", "", "sch-1", "", "", "", "", "")));

        ImportReport report = prepare(repository, "organisations", file, ImportSettings.DEFAULT);

        assertEquals(List.of(
                "bad.csv, строка 2, столбец Тип: неизвестный тип организации «гимназия-интернат»; допустимые: "
                        + "Орган управления образованием (МОУО); Администрация муниципального образования; "
                        + "Общеобразовательная организация (ОО); Методическая служба (ИМЦ); Централизованная бухгалтерия (ЦБ); "
                        + "Региональный оператор (РЦОКО); Организация дополнительного профессионального образования (ДПО); "
                        + "Дошкольная образовательная организация (ДОО); Организация дополнительного образования (УДО); Иное",
                "bad.csv, строка 3, столбец Обучающихся: «много» — не число",
                "bad.csv, строка 3, столбец Педагогов: «-3»: число не может быть отрицательным",
                "bad.csv, строка 4, столбец Обучающихся: «12,5» — не целое число",
                "bad.csv, строка 5, столбец Код: код e-3 уже был в строке 4; у каждой организации (и периода) одна строка",
                "bad.csv, строка 6, столбец Территория: нет территории «Марс» (по коду или названию); есть: Республика, МР Новый район",
                "bad.csv, строка 7, столбец Период: нет периода «2031»; есть: 2023, 2024",
                "bad.csv, строка 8, столбец Малокомплектная школа: «может быть» — не «да» или «нет» (да/нет, 1/0, true/false, yes/no)",
                "bad.csv, строка 8, столбец Вакансий: «1,5» — не целое число",
                "bad.csv, строка 9, столбец Код: нет кода организации; заполните столбец кода",
                "bad.csv, строка 10, столбец Наименование: новой организации e-7 нужно полное наименование",
                "bad.csv, строка 13, столбец Головная организация: организация e-10 не может быть головной для себя самой",
                "bad.csv, строка 15, столбец Обучающихся: для организации e-11 в строке 14 указано «100», здесь «200»; значения должны совпадать",
                "bad.csv, строка 6, столбец Головная организация: нет головной организации с кодом «nope» ни в файле, ни в модели",
                "bad.csv, строка 11, столбец Головная организация: головные организации образуют цикл: e-8 → e-9 → e-8",
                "bad.csv, строка 12, столбец Головная организация: головные организации образуют цикл: e-9 → e-8 → e-9"),
                report.lines());
        assertEquals(16, report.errorCount());
    }

    @Test
    void requiredAndDoubledColumnsAreErrors() throws Exception {
        Path doubled = csv(temp.resolve("doubled.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Наименование", "code", "Код", "Тип"), row("Школа", "a", "a", "ОО")));
        assertEquals(List.of("doubled.csv, строка 1, столбец Код: этот столбец означает то же, что столбец «code» (Код); "
                + "оставьте один из них"), prepare(repository, "organisations", doubled, ImportSettings.DEFAULT).lines());

        Path noCode = csv(temp.resolve("nocode.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Наименование", "Тип"), row("Школа", "ОО")));
        assertEquals(List.of("nocode.csv, строка 1: нет столбца «Код» (code): он обязателен; назовите так столбец в первой строке"),
                prepare(repository, "organisations", noCode, ImportSettings.DEFAULT).lines());
    }

    @Test
    void oneBadRowAmongGoodOnesStoresNothing() throws Exception {
        Path file = csv(temp.resolve("atomic.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Код", "Наименование", "Педагогов", "Кластер", "Руководитель"),
                row("sch-1", "МБОУ СОШ № 1", "41", "", ""),
                row("sch-50", "Школа 50", "10", "Горные школы", "Новиков Н.Н."),
                row("sch-51", "Школа 51", "десять", "", ""),
                row("sch-52", "Школа 52", "12", "rural", "")));

        try (ImportSession session = ImportSession.open(repository, District.SYSTEM)) {
            ModelImport.Prepared prepared = session.prepare(District.kind("organisations"), file,
                    new ImportSettings(null, true), new NullProgressMonitor());
            assertEquals(List.of("atomic.csv, строка 4, столбец Педагогов: «десять» — не число",
                    "atomic.csv, строка 3, столбец Кластер: будет создан кластер «Горные школы»",
                    "atomic.csv, строка 3, столбец Руководитель: будет создан человек «Новиков Н.Н.»"),
                    prepared.report().lines());
            assertFalse(session.transaction().isDirty(), "prepare changes nothing");
            assertThrows(IllegalStateException.class, () -> session.commit(prepared, "x", new NullProgressMonitor()));
        }
        read(repository, root -> {
            assertEquals(List.of("uo", "sch-1"), root.getOrganisations().stream().map(Organisation::getCode).toList());
            assertEquals(40, organisation(root, "sch-1").getTeacherCount());
            assertEquals(2, root.getClusters().size());
            assertEquals(2, root.getPersons().size());
            return null;
        });
    }

    @Test
    void exportThenImportChangesNothing() throws Exception {
        store(repository, "organisations", csv(temp.resolve("a.csv"), StandardCharsets.UTF_8, false, ';', List.of(
                row("Код", "Наименование", "Тип", "Кластер", "Территория", "Головная организация", "Руководитель",
                        "Период", "Вакансий", "Удалённая", "Примечание", "Доля педагогов высшей категории"),
                row("sch-70", "Школа 70", "ОО", "Сельские школы", "02", "sch-1", "Морозова Мария Ивановна", "2023", "2",
                        "да", "текст  с   пробелами", "33,3"),
                row("sch-70", "Школа 70", "ОО", "Сельские школы", "02", "sch-1", "Морозова Мария Ивановна", "2024", "3",
                        "нет", "", ""),
                row("ds-71", "Детский сад 71", "ДОО", "", "", "", "", "", "", "", "", ""))), ImportSettings.DEFAULT);
        Path exported = temp.resolve("export/organisations.xlsx");

        District.export(repository, "organisations", exported);

        List<List<String>> sheet = District.sheet(exported);
        assertEquals(List.of("Код", "Полное наименование", "Краткое наименование", "Тип", "Кластер", "Территория",
                "Головная организация", "Обучающихся", "Педагогов", "Руководитель", "Сайт", "Адрес", "Период",
                "малокомплектная школа (да/нет)", "удалённая", "вакансий", "доля педагогов высшей категории", "примечание"),
                sheet.get(0));
        assertEquals(List.of("sch-1", "МБОУ СОШ № 1", "СОШ № 1", "Общеобразовательная организация", "Городские школы",
                "МР Новый район", "uo", "500", "40", "Сидоров С.С.", "http://s1.example", "ул. Ленина, 1", "", "нет"),
                sheet.get(2), "sch-1 without a period");
        assertEquals(List.of("sch-1", "2023", "", "", "1"), List.of(sheet.get(3).get(0), sheet.get(3).get(12),
                sheet.get(3).get(13), sheet.get(3).get(14), sheet.get(3).get(15)), "sch-1 in 2023");
        assertEquals(7, sheet.size(), "header, uo, sch-1 twice, sch-70 for 2023 and 2024, ds-71");

        ImportReport again = store(repository, "organisations", exported, ImportSettings.DEFAULT);
        assertFalse(again.hasErrors(), again.lines().toString());
        assertTrue(again.counts().isEmpty(), "0 created, 0 updated: " + again.lines());
    }
}
