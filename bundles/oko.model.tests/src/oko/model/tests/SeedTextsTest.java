package oko.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMIResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import oko.model.OkoPackage;

/**
 * The sample model's texts are the seed documents' texts: every name, action and duty listed below
 * occurs in the seeds (../shared/seeds) once the extraction artefacts are undone — HTML tags,
 * soft hyphens, line breaks and words split as "профессионально- общественное". Runs when the seed
 * documents are next to the project (they are the customer's documents and not part of it).
 */
class SeedTextsTest {

    private static final OkoPackage P = OkoPackage.eINSTANCE;

    /** The texts checked, by class and attribute. Role names are composed from table headers, so they are not. */
    private static final Map<String, List<EAttribute>> CHECKED = Map.ofEntries(
            Map.entry("Function", List.of(P.getNamedElement_Name())),
            Map.entry("FunctionSection", List.of(P.getNamedElement_Name())),
            Map.entry("Direction", List.of(P.getNamedElement_Name())),
            Map.entry("Indicator", List.of(P.getNamedElement_Name())),
            Map.entry("PlanItem", List.of(P.getNamedElement_Name())),
            Map.entry("Goal", List.of(P.getNamedElement_Name())),
            Map.entry("Task", List.of(P.getNamedElement_Name())),
            Map.entry("Document", List.of(P.getNamedElement_Name())),
            Map.entry("Membership", List.of(P.getMembership_PositionText())),
            Map.entry("TechMapRow", List.of(P.getTechMapRow_Action(), P.getTechMapRow_OperatorDuty())),
            Map.entry("CycleStage", List.of(P.getCycleStage_Action(), P.getCycleStage_ExecutorsDuty(),
                    P.getCycleStage_OperatorDuty())));

    /** Texts that are faithful but not contiguous in the extracted seeds, and why. */
    private static final Map<String, String> NOT_CONTIGUOUS = Map.of(
            "f001-2.3-5", "seed 001: the cell continues after an underlined fragment across a line of the table",
            "ind-1.2.6", "seed 002: the indicator name is split over two table cells (name and criteria columns)",
            "ind-1.2.8", "seed 002: the indicator name is split over two table cells",
            "doc-fioko-mr", "seed 002 names the FIOKO recommendations only in running text, the title is the official one",
            "sec001-0", "seed 001: the table starts with the end of a section whose beginning is lost ('…')");

    static String normalize(String text) {
        return text.replaceAll("<[^>]+>", " ").replace("\u00ad", "").replaceAll("\\s+", " ")
                .replaceAll("(\\p{L})- (\\p{L})", "$1-$2").strip().toLowerCase(Locale.ROOT);
    }

    /** Set (by ./test.sh, when ../shared/seeds exists) to make a missing seed folder a failure instead of a skip. */
    static final String REQUIRED = "oko.seeds.required";

    /**
     * The seed documents: {@code -Doko.seeds=DIR}, else {@code ../shared/seeds} next to the
     * repository's root ({@code oko.root}; in CI /work/ci-run/../shared/seeds). When it is missing
     * the test is skipped — loudly: a line on the error stream and the skip's reason name the
     * folder looked for — or, with {@code -Doko.seeds.required=true}, fails.
     */
    static Path seedFolder() {
        Path seeds = location(System.getProperty("oko.seeds", ""), System.getProperty("oko.root", "."));
        if (!Files.isDirectory(seeds)) {
            String message = "SeedTextsTest SKIPPED: the seed documents are not at " + seeds
                    + " (the folder ../shared/seeds next to the repository, or -Doko.seeds=DIR);"
                    + " the sample's texts are NOT checked against them";
            if (Boolean.getBoolean(REQUIRED)) {
                org.junit.jupiter.api.Assertions.fail(message.replace("SKIPPED", "FAILED") + " although -D" + REQUIRED
                        + "=true says they must be");
            }
            System.err.println("*** " + message + " ***");
            Assumptions.abort(message);
        }
        return seeds;
    }

    /** Where the seed documents are looked for: {@code explicit} if given, else {@code ROOT/../shared/seeds}. */
    static Path location(String explicit, String root) {
        return (explicit.isBlank() ? Path.of(root, "..", "shared", "seeds") : Path.of(explicit)).toAbsolutePath()
                .normalize();
    }

    /** CI checks the repository out at /work/ci-run, next to /work/shared: there the folder is found. */
    @Test
    void theSeedFolderOfACleanCloneIsNextToItsRoot() {
        assertEquals(Path.of("/work/shared/seeds"), location("", "/work/ci-run"));
        assertEquals(Path.of("/work/shared/seeds"), location(" ", "/work/ci-run/"));
        assertEquals(Path.of("/elsewhere/seeds"), location("/elsewhere/seeds", "/work/ci-run"));
    }

    @Test
    void namesActionsAndDutiesAreTheSeedsWording() throws IOException {
        Path seeds = seedFolder();
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(seeds)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        String seedText = normalize(all.toString());

        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Resource resource = set.getResource(URI.createFileURI(Path.of(System.getProperty("oko.root"), "bundles",
                "oko.municipal", "samples", "seeds.xmi").toString()), true);
        List<String> missing = new ArrayList<>();
        int checked = 0;
        Set<String> exceptionsSeen = new java.util.HashSet<>();
        for (var it = resource.getAllContents(); it.hasNext();) {
            EObject object = it.next();
            List<EAttribute> attributes = CHECKED.get(object.eClass().getName());
            if (attributes == null) {
                continue;
            }
            String id = ((XMIResource) resource).getID(object);
            if (id != null && id.startsWith("ill-")) {
                // Illustrative objects (the working group's meetings and their protocol, issue 19) live in
                // seeds.xmi only because a meeting is contained by its group; their ids say so and their
                // names end with «(иллюстративные данные)»: they are not the seeds' wording.
                continue;
            }
            for (EAttribute attribute : attributes) {
                Object value = object.eGet(attribute);
                if (!(value instanceof String text) || text.isBlank()) {
                    continue;
                }
                checked++;
                if (!seedText.contains(normalize(text))) {
                    if (NOT_CONTIGUOUS.containsKey(id)) {
                        exceptionsSeen.add(id);
                    } else {
                        missing.add(id + "." + attribute.getName() + ": " + text);
                    }
                }
            }
        }
        assertTrue(checked > 200, "only " + checked + " texts checked");
        assertEquals(List.of(), missing, "texts not found in the seeds");
        assertEquals(NOT_CONTIGUOUS.keySet(), exceptionsSeen, "an exception is no longer needed or its id changed");
    }
}
