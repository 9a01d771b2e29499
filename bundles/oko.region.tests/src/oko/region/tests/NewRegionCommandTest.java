package oko.region.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.cli.tests.support.Oko;
import oko.cli.tests.support.Oko.Run;
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

    /** Every model of the repository, exported to one file and read back. */
    private static List<ModelRoot> exported(Path data) {
        Path file = data.resolveSibling("all.xmi");
        Oko.run(data, "export", "--out", file.toString()).expect(0);
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
        Path seeds = Oko.samples().resolve("seeds.xmi");
        Oko.run(data, "import", seeds.toString()).expect(0);

        // mistakes first: nothing of them is stored
        Run noOperator = Oko.run(data, "new", "--module", "region", "--name", "РСОКО", "--territory", "18").expect(2);
        assertTrue(noOperator.err().contains("--operator"), noOperator.err());
        Run notARegion = Oko.run(data, "new", "--module", "region", "--name", "РСОКО", "--territory",
                "krasnogorsk", "--operator", "ur-minobr").expect(1);
        assertTrue(notARegion.err().contains("krasnogorsk"), notARegion.err());
        Run regionParent = Oko.run(data, "new", "--module", "region", "--name", "РСОКО", "--territory", "18",
                "--operator", "ur-minobr", "--parent", "ishimbay-msoko").expect(2);
        assertTrue(regionParent.err().contains("--parent"), regionParent.err());
        Run schoolOperator = Oko.run(data, "new", "--module", "school", "--name", "ВСОКО", "--operator", "x").expect(2);
        assertTrue(schoolOperator.err().contains("--operator"), schoolOperator.err());
        // a МСОКО needs its organisation as a РСОКО does: its aggregated indicators store their values for it
        Run municipalNoOperator = Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО", "--territory",
                "krasnogorsk").expect(2);
        assertTrue(municipalNoOperator.err().contains("--operator"), municipalNoOperator.err());
        assertNull(system(exported(data), "municipal-1"), "no municipal system was stored either");
        assertNull(system(exported(data), "region-1"), "no system was stored by a refused command");

        Run region = Oko.run(data, "new", "--module", "region", "--name", "РСОКО Удмуртской Республики",
                "--code", "rsoko-ur", "--territory", "18", "--operator", "ur-minobr").expect(0);
        assertTrue(region.out().contains("rsoko-ur"), region.out());
        // a municipal system's parent must be a region: ishimbay-msoko is municipal
        Run wrongParent = Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО", "--operator", "krg-ono",
                "--parent", "ishimbay-msoko").expect(1);
        assertTrue(wrongParent.err().contains("ishimbay-msoko") && wrongParent.err().contains("rsoko-ur"),
                "names the regional systems there are: " + wrongParent.err());
        Oko.run(data, "new", "--module", "municipal", "--name", "МСОКО Красногорского района (новая)", "--code",
                "msoko-krg-2", "--territory", "krasnogorsk", "--operator", "krg-ono", "--parent", "rsoko-ur").expect(0);
        // a region in a territory of the sample without an organisation of the region: a new authority of that name
        Oko.run(data, "new", "--module", "region", "--name", "РСОКО Республики Башкортостан", "--code", "rsoko-rb",
                "--territory", "Республика Башкортостан", "--operator", "Министерство просвещения Республики Башкортостан")
                .expect(0);

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

        // validation: neither region has an aggregation problem — the МСОКО under rsoko-ur, made from the
        // municipal template with its organisation, has the municipal indicators of seed 002 that the seven
        // regional ones aggregate (before they were added, each regional indicator gave one OKO-IND-06)
        List<Problem> problems = OkoValidation.validate(roots, null);
        assertEquals(List.of(), problems.stream().filter(p -> p.line().contains("rsoko-rb")).map(Problem::line).toList());
        assertEquals(List.of(), problems.stream().filter(p -> p.ruleId().equals("OKO-IND-06")).map(Problem::line).toList());
    }
}
