package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.ModelRoot;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.ImportException;
import oko.repository.exchange.SampleModel;
import oko.repository.exchange.XmiExporter;
import oko.repository.exchange.XmiImporter;

/** Import and export on an H2 repository: atomic imports with clear errors, lossless round trips. */
class ExchangeTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();

    @TempDir
    Path temp;

    private OkoServer server;
    private OkoRepository repository;

    @BeforeEach
    void openWithSample() throws Exception {
        server = OkoServer.start(new StoreConfig.H2(temp.resolve("store")), line -> { });
        repository = OkoRepository.connect(server, "тест");
        SampleModel.load(repository, Models.SAMPLE_FILES, false, NO_PROGRESS);
    }

    @AfterEach
    void close() {
        repository.close();
        server.close();
    }

    private int storedObjects() {
        CDOView view = repository.openView();
        try {
            return Models.count(OkoRepository.roots(view));
        } finally {
            view.close();
        }
    }

    /** seeds.xmi with one line replaced. */
    private Path brokenCopy(String name, int line, String replacement) throws Exception {
        Path seeds = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples", "seeds.xmi");
        List<String> lines = new ArrayList<>(Files.readAllLines(seeds, StandardCharsets.UTF_8));
        lines.set(line - 1, replacement);
        Path file = temp.resolve(name);
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private ImportException importFails(Path file) {
        int objects = storedObjects();
        long lastCommit = repository.session().getCommitInfoManager().getLastCommit();
        ImportException error = assertThrows(ImportException.class, () -> XmiImporter.importFiles(repository,
                List.of(URI.createFileURI(file.toString())), false, "import", NO_PROGRESS));
        assertEquals(objects, storedObjects(), "the repository changed");
        assertEquals(lastCommit, repository.session().getCommitInfoManager().getLastCommit());
        assertFalse(error.problems().isEmpty());
        return error;
    }

    @Test
    void malformedXmlIsRefusedNamingFileAndLine() throws Exception {
        Path file = brokenCopy("broken.xmi", 16, "  <organisations code=\"x\" <<< не XML");
        ImportException error = importFails(file);
        assertTrue(error.getMessage().contains("broken.xmi"), error.getMessage());
        assertTrue(error.getMessage().contains(" 16"), error.getMessage());
    }

    @Test
    void unknownFeatureAndDanglingReferenceAreRefusedNamingThePlace() throws Exception {
        Path unknown = brokenCopy("unknown.xmi", 16, "  <organisations xmi:id=\"org-fioko\" code=\"fioko\" colour=\"red\"/>");
        ImportException error = importFails(unknown);
        assertTrue(error.getMessage().contains("unknown.xmi") && error.getMessage().contains("colour"),
                error.getMessage());

        Path seeds = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples", "seeds.xmi");
        String text = Files.readString(seeds, StandardCharsets.UTF_8).replaceFirst("coordinators=\"person-mastryukova\"",
                "coordinators=\"person-nobody\"");
        Path dangling = temp.resolve("dangling.xmi");
        Files.writeString(dangling, text, StandardCharsets.UTF_8);
        ImportException danglingError = importFails(dangling);
        assertTrue(danglingError.getMessage().contains("person-nobody"), danglingError.getMessage());
    }

    /**
     * Issue 25: a second element taking the xmi:id of another, unreferenced itself, was accepted and
     * every reference to the first element ended on the second. Refused by import and by the
     * loading that {@code ./oko validate FILE} uses, naming both elements and their lines.
     */
    @Test
    void aDuplicateXmiIdIsRefusedNamingBothElementsAndLines() throws Exception {
        Path seeds = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples", "seeds.xmi");
        String line24 = Files.readAllLines(seeds, StandardCharsets.UTF_8).get(23);
        Path file = brokenCopy("duplicate.xmi", 24, line24 + "\n  <organisations xmi:id=\"org-krg-cro\" code=\"dup-org\""
                + " name=\"Двойник\" kind=\"OTHER\"/>");
        ImportException error = importFails(file);
        assertEquals(1, error.problems().size(), error.getMessage());
        String problem = error.problems().get(0);
        assertTrue(problem.contains("duplicate.xmi") && problem.contains("org-krg-cro"), problem);
        assertTrue(problem.contains(" 19") && problem.contains(" 25"), "both lines: " + problem);
        assertTrue(problem.contains("krg-cro") && problem.contains("dup-org"), "both elements: " + problem);
        assertTrue(problem.indexOf(" 19") < problem.indexOf("dup-org"), "the first element first: " + problem);

        List<String> problems = new ArrayList<>();
        org.eclipse.emf.ecore.resource.ResourceSet set = oko.repository.exchange.XmiFiles.resourceSet();
        oko.repository.exchange.XmiFiles.loadReporting(set, URI.createFileURI(file.toString()), problems);
        assertEquals(List.of(problem), problems, "validate loads files the same way");
    }

    @Test
    void anExistingModelIsOnlyReplacedWhenAskedAndWhenNothingRefersToIt() throws Exception {
        ImportException exists = assertThrows(ImportException.class,
                () -> SampleModel.load(repository, Models.SAMPLE_FILES, false, NO_PROGRESS));
        assertTrue(exists.getMessage().contains("seeds.xmi"), exists.getMessage());

        int objects = storedObjects();
        ImportException referenced = assertThrows(ImportException.class, () -> XmiImporter.importFiles(repository,
                List.of(Models.SAMPLE_FILES.get(0)), true, "replace seeds", NO_PROGRESS));
        assertTrue(referenced.getMessage().contains("illustrative") || referenced.getMessage().contains("«"),
                referenced.getMessage());
        assertEquals(objects, storedObjects());

        XmiImporter.Result replaced = SampleModel.load(repository, Models.SAMPLE_FILES, true, NO_PROGRESS);
        assertEquals(objects, replaced.objects());
        assertEquals(objects, storedObjects());
    }

    @Test
    void exportThenImportIsLossless() throws Exception {
        Path first = temp.resolve("first.xmi");
        CDOView view = repository.openView();
        int written = XmiExporter.export(view, first, null, NO_PROGRESS);
        view.close();
        assertEquals(storedObjects(), written);
        assertTrue(EcoreUtil.equals(Models.sampleRoots(), Models.load(first)), "export differs from the sample");

        try (OkoServer other = OkoServer.start(new StoreConfig.H2(temp.resolve("other")), line -> { });
                OkoRepository second = OkoRepository.connect(other, "тест")) {
            XmiImporter.importFiles(second, List.of(URI.createFileURI(first.toString())), false, "round trip",
                    NO_PROGRESS);
            Path again = temp.resolve("again.xmi");
            java.nio.file.Files.createDirectories(Path.of("target", "exchange"));
            CDOView secondView = second.openView();
            XmiExporter.export(secondView, again, null, NO_PROGRESS);
            secondView.close();
            java.nio.file.Files.copy(first, Path.of("target", "exchange", "first.xmi"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            java.nio.file.Files.copy(again, Path.of("target", "exchange", "again.xmi"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            assertTrue(EcoreUtil.equals(Models.load(first), Models.load(again)), "second round trip differs");
        }
    }

    @Test
    void oneSystemExportsWithTheSharedObjectsItNeeds() throws Exception {
        Path out = temp.resolve("school.xmi");
        CDOView view = repository.openView();
        XmiExporter.export(view, out, "vsoko-chel-sosh51", NO_PROGRESS);
        assertThrows(IllegalArgumentException.class,
                () -> XmiExporter.export(view, temp.resolve("x.xmi"), "no-such-system", NO_PROGRESS));
        view.close();
        List<EObject> roots = Models.load(out);
        assertEquals(1, roots.size());
        ModelRoot root = (ModelRoot) roots.get(0);
        assertEquals(List.of("vsoko-chel-sosh51"), root.getQualitySystems().stream().map(s -> s.getCode()).toList());
        assertFalse(root.getQualitySystems().get(0).getSections().isEmpty());
        assertTrue(EcoreUtil.UnresolvedProxyCrossReferencer.find(root.eResource()).isEmpty());
    }
}
