package oko.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.exchange.ImportSession;
import oko.exchange.Messages;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.tables.FunctionTable;
import oko.exchange.tables.PlanTable;
import oko.exchange.tables.TechMapTable;
import oko.model.FunctionSection;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.repository.OkoRepository;

/**
 * Table imports into a real embedded repository: a file with a bad row stores nothing (a fresh
 * view sees the system as before), a good one is stored in one commit; the seeds' DOCX files when
 * present.
 */
class TableRepositoryTest {

    @TempDir
    Path dir;

    private static QualitySystem system(CDOView view) {
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof ModelRoot model) {
                return model.getQualitySystems().get(0);
            }
        }
        throw new AssertionError("no system in the repository");
    }

    @Test
    void aBadRowStoresNothingAndAGoodFileIsStoredInOneCommit() throws IOException {
        try (OkoRepository repository = OkoRepository.openEmbedded(dir.resolve("data"), "test", line -> { })) {
            CDOTransaction setup = repository.openTransaction();
            ModelRoot model = OkoRepository.newModel(setup, "district", "Район");
            QualitySystem system = OkoFactory.eINSTANCE.createQualitySystem();
            system.setCode("MSOKO");
            system.setName("МСОКО");
            system.setLevel(oko.model.Level.MUNICIPALITY);
            model.getQualitySystems().add(system);
            Role director = OkoFactory.eINSTANCE.createRole();
            director.setName("Директор");
            system.getRoles().add(director);
            repository.commit(setup, "setup", new NullProgressMonitor());
            setup.close();

            // the seed-shaped table with one row whose number is not a number
            Path good = FunctionTableTest.seedShaped(dir.resolve("good.docx"));
            Path bad = TableFiles.docx(dir.resolve("bad.docx"), null, null, new String[][] {
                    { "№ п/п", "Содержание функции", "Ответственные", "Документы" },
                    { "1", "Раздел", "Новая роль", "Новый документ" },
                    { "1.1", "Функция", "Ещё одна роль", "" },
                    { "1.2 а", "Функция с плохим номером", "Директор", "" } });
            try (ImportSession session = ImportSession.open(repository, null)) {
                ModelImport.Prepared prepared = session.prepare(new FunctionTable(), bad, ImportSettings.DEFAULT,
                        new NullProgressMonitor());
                assertTrue(prepared.report().hasErrors());
                assertEquals(List.of(TableFiles.error("bad.docx", 4, "№ п/п", Messages.tableNotNumber, "1.2 а")),
                        prepared.report().errors());
                assertThrows(IllegalStateException.class, () -> session.commit(prepared, "bad", new NullProgressMonitor()));
                assertThrows(IllegalStateException.class, prepared::apply);
                assertFalse(session.transaction().isDirty());
            }
            CDOView fresh = repository.openView();
            QualitySystem seen = system(fresh);
            assertEquals(0, seen.getSections().size());
            assertEquals(1, seen.getRoles().size());
            assertEquals(0, seen.getDocuments().size());
            fresh.close();

            try (ImportSession session = ImportSession.open(repository, "MSOKO")) {
                ModelImport.Prepared prepared = session.prepare(new FunctionTable(), good, ImportSettings.DEFAULT,
                        new NullProgressMonitor());
                assertFalse(prepared.report().hasErrors(), prepared.report().lines().toString());
                ImportSession.Committed committed = session.commit(prepared, "функции", new NullProgressMonitor());
                assertEquals(2, committed.objects().size());
            }
            fresh = repository.openView();
            seen = system(fresh);
            assertEquals(2, seen.getSections().size());
            FunctionSection first = seen.getSections().get(0);
            assertEquals(2, first.getFunctions().size());
            assertEquals(List.of("Директор", "заместители директора", "Педагогический Совет", "Администрация ОУ (директор, заместители)"),
                    seen.getRoles().stream().map(Role::getName).toList());
            assertEquals(List.of("Директор", "заместители директора", "Педагогический Совет"),
                    first.getFunctions().get(1).getResponsibleRoles().stream().map(Role::getName).toList());
            assertEquals(3, seen.getDocuments().size());
            fresh.close();

            // the plan and the map the same way; then again: nothing to store
            try (ImportSession session = ImportSession.open(repository, "MSOKO")) {
                session.commit(session.prepare(new PlanTable(), PlanTableTest.seedShaped(dir.resolve("plan.docx")),
                        ImportSettings.DEFAULT, new NullProgressMonitor()), "план", new NullProgressMonitor());
                session.commit(session.prepare(new TechMapTable(), TechMapTableTest.seedShaped(dir.resolve("map.docx")),
                        ImportSettings.DEFAULT, new NullProgressMonitor()), "карта", new NullProgressMonitor());
            }
            try (ImportSession session = ImportSession.open(repository, "MSOKO")) {
                Path exported = dir.resolve("plan.xlsx");
                new PlanTable().write(session.system(), exported);
                ModelImport.Prepared again = session.prepare(new PlanTable(), exported, ImportSettings.DEFAULT,
                        new NullProgressMonitor());
                assertTrue(again.report().counts().isEmpty(), again.report().lines().toString());
                assertEquals(1, session.system().getPlans().size());
                assertEquals(6, session.system().getTechnologicalMaps().get(0).getRows().size());
            }
        }
    }

    /**
     * The seeds' original DOCX files (../shared/seeds/*.docx, or the folder of -Doko.seeds), when
     * present: each is read without error and gives at least the sections/items/stages its text shows.
     */
    @Test
    void seedDocumentsWhenPresent() throws IOException {
        Path seeds = Path.of(System.getProperty("oko.seeds", "/work/shared/seeds"));
        List<Path> docx;
        try (Stream<Path> files = Files.isDirectory(seeds) ? Files.list(seeds) : Stream.empty()) {
            docx = files.filter(f -> f.toString().toLowerCase().endsWith(".docx")).sorted().toList();
        }
        Assumptions.assumeFalse(docx.isEmpty(),
                "no seed DOCX files in " + seeds + " (only their text extractions): set -Doko.seeds=FOLDER to check them");
        for (Path file : docx) {
            String name = file.getFileName().toString();
            ModelImport kind = name.startsWith("004") ? new PlanTable()
                    : name.startsWith("000") || name.startsWith("002") ? new TechMapTable() : new FunctionTable();
            QualitySystem system = TableFiles.system();
            ModelImport.Prepared prepared = kind.prepare(file, system, ImportSettings.DEFAULT, new NullProgressMonitor());
            assertFalse(prepared.report().hasErrors(), prepared.report().lines().toString());
            prepared.apply();
            if (kind instanceof TechMapTable) {
                assertEquals(6, system.getTechnologicalMaps().get(0).getRows().size(), name);
            } else if (kind instanceof PlanTable) {
                assertTrue(system.getPlans().get(0).getItems().size() >= 3, name);
            } else {
                assertTrue(system.getSections().size() >= 2, name);
            }
        }
    }
}
