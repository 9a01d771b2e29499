package oko.region.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.CommandCatalog;
import oko.cli.Dispatcher;
import oko.cli.Outcome;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.TerritoryKind;

/**
 * {@code ./oko new --module region …} on a repository holding the sample's seeds.xmi (territory 18
 * is the Udmurt Republic, a region, with its ministry ur-minobr; krasnogorsk is one of its
 * districts): a regional system run by its operator, a municipal system under it with
 * {@code --parent}, a new operator typed in, and the mistakes refused without storing anything.
 */
class NewRegionCommandTest {

    record Run(int exit, String out, String err) {
    }

    private static Run oko(Path data, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("--data", data.toString()));
        args.addAll(List.of(arguments));
        Outcome outcome = new Dispatcher(CommandCatalog.fromExtensions(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), (command, cause) -> cause.printStackTrace())
                .dispatch(args);
        return new Run(outcome.exitCode().orElse(-1), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }

    private static Run expect(int exit, Run run) {
        assertEquals(exit, run.exit(), () -> "exit " + run.exit() + "\nout: " + run.out() + "\nerr: " + run.err());
        return run;
    }

    /** Every model of the repository, exported to one file and read back. */
    private static List<ModelRoot> exported(Path data) {
        Path file = data.resolveSibling("all.xmi");
        expect(0, oko(data, "export", "--out", file.toString()));
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        return set.getResource(URI.createFileURI(file.toString()), true).getContents().stream()
                .filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast).toList();
    }

    private static QualitySystem system(List<ModelRoot> roots, String code) {
        return roots.stream().flatMap(r -> r.getQualitySystems().stream()).filter(s -> code.equals(s.getCode()))
                .findFirst().orElse(null);
    }

    @Test
    void aRegionRunByItsOperatorAndAMunicipalSystemUnderIt(@TempDir Path temp) {
        Path data = temp.resolve("data");
        Path seeds = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples", "seeds.xmi");
        expect(0, oko(data, "import", seeds.toString()));

        // mistakes first: nothing of them is stored
        Run noOperator = expect(2, oko(data, "new", "--module", "region", "--name", "РСОКО", "--territory", "18"));
        assertTrue(noOperator.err().contains("--operator"), noOperator.err());
        Run notARegion = expect(1, oko(data, "new", "--module", "region", "--name", "РСОКО", "--territory",
                "krasnogorsk", "--operator", "ur-minobr"));
        assertTrue(notARegion.err().contains("krasnogorsk"), notARegion.err());
        Run regionParent = expect(2, oko(data, "new", "--module", "region", "--name", "РСОКО", "--territory", "18",
                "--operator", "ur-minobr", "--parent", "ishimbay-msoko"));
        assertTrue(regionParent.err().contains("--parent"), regionParent.err());
        Run schoolOperator = expect(2, oko(data, "new", "--module", "school", "--name", "ВСОКО", "--operator", "x"));
        assertTrue(schoolOperator.err().contains("--operator"), schoolOperator.err());
        assertNull(system(exported(data), "region-1"), "no system was stored by a refused command");

        Run region = expect(0, oko(data, "new", "--module", "region", "--name", "РСОКО Удмуртской Республики",
                "--code", "rsoko-ur", "--territory", "18", "--operator", "ur-minobr"));
        assertTrue(region.out().contains("rsoko-ur"), region.out());
        // a municipal system's parent must be a region: ishimbay-msoko is municipal
        Run wrongParent = expect(1, oko(data, "new", "--module", "municipal", "--name", "МСОКО", "--parent",
                "ishimbay-msoko"));
        assertTrue(wrongParent.err().contains("ishimbay-msoko") && wrongParent.err().contains("rsoko-ur"),
                "names the regional systems there are: " + wrongParent.err());
        expect(0, oko(data, "new", "--module", "municipal", "--name", "МСОКО Красногорского района (новая)", "--code",
                "msoko-krg-2", "--territory", "krasnogorsk", "--operator", "krg-ono", "--parent", "rsoko-ur"));
        // a region in a territory of the sample without an organisation of the region: a new authority of that name
        expect(0, oko(data, "new", "--module", "region", "--name", "РСОКО Республики Башкортостан", "--code", "rsoko-rb",
                "--territory", "Республика Башкортостан", "--operator", "Министерство просвещения Республики Башкортостан"));

        List<ModelRoot> roots = exported(data);
        QualitySystem ur = system(roots, "rsoko-ur");
        assertNotNull(ur);
        assertEquals(Level.REGION, ur.getLevel());
        assertEquals("ur-minobr", ur.getOrganisation().getCode());
        assertEquals("18", ur.getTerritory().getCode());
        assertEquals(7, ur.getIndicators().size(), "seed 002's regional indicators of the template");
        QualitySystem krg = system(roots, "msoko-krg-2");
        assertEquals(Level.MUNICIPALITY, krg.getLevel());
        assertEquals("rsoko-ur", krg.getParentSystem().getCode());
        assertEquals("krasnogorsk", krg.getTerritory().getCode());
        QualitySystem rb = system(roots, "rsoko-rb");
        assertEquals("02", rb.getTerritory().getCode());
        assertEquals(TerritoryKind.REGION, rb.getTerritory().getKind());
        assertEquals("Министерство просвещения Республики Башкортостан", rb.getOrganisation().getName());
        assertEquals(OrganisationKind.AUTHORITY, rb.getOrganisation().getKind());
        assertEquals(rb.getTerritory(), rb.getOrganisation().getTerritory());

        // validation: the new region without municipal systems has no aggregation problem; the one over
        // a МСОКО from the municipal template (which has none of seed 002's indicators) has one
        // OKO-IND-06 per regional indicator — the gap docs/region.md names
        List<Problem> problems = OkoValidation.validate(roots, null);
        assertEquals(List.of(), problems.stream().filter(p -> p.line().contains("rsoko-rb")).map(Problem::line).toList());
        List<Problem> ind06 = problems.stream().filter(p -> p.ruleId().equals("OKO-IND-06")).toList();
        assertEquals(7, ind06.size(), ind06.toString());
        assertTrue(ind06.stream().allMatch(p -> p.line().contains("rsoko-ur")), ind06.toString());
    }
}
