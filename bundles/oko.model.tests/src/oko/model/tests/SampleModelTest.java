package oko.model.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.Diagnostician;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.Direction;
import oko.model.Membership;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;
import oko.model.WorkingGroupRules;

/**
 * The sample model (bundles/oko.municipal/samples) through the generated model code: it loads, validates and
 * round-trips through XMI, and holds what the seed documents say.
 */
class SampleModelTest {

    /** seeds.xmi, loaded once; the tests only read it. */
    private static ModelRoot seeds;

    @BeforeAll
    static void loadSeeds() {
        seeds = load(resourceSet(), "seeds.xmi");
    }

    private static Path samples() {
        return Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
    }

    private static ResourceSet resourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        return set;
    }

    private static ModelRoot load(ResourceSet set, String file) {
        Resource resource = set.getResource(URI.createFileURI(samples().resolve(file).toString()), true);
        assertEquals(List.of(), resource.getErrors(), file + " has load errors");
        return (ModelRoot) resource.getContents().get(0);
    }

    private static QualitySystem system(ModelRoot root, String xmiId) {
        EObject object = root.eResource().getEObject(xmiId);
        assertNotNull(object, "no object with xmi:id " + xmiId);
        return (QualitySystem) object;
    }

    @Test
    void bothSampleFilesLoadResolveAndValidate() {
        ResourceSet set = resourceSet();
        load(set, "seeds.xmi");
        load(set, "illustrative-monitoring.xmi");
        EcoreUtil.resolveAll(set);
        for (Resource resource : set.getResources()) {
            assertTrue(EcoreUtil.UnresolvedProxyCrossReferencer.find(resource).isEmpty(),
                    "unresolved references in " + resource.getURI());
            for (EObject root : resource.getContents()) {
                Diagnostic diagnostic = Diagnostician.INSTANCE.validate(root);
                assertTrue(diagnostic.getSeverity() < Diagnostic.ERROR,
                        resource.getURI().lastSegment() + ": " + messages(diagnostic));
            }
        }
    }

    private static String messages(Diagnostic diagnostic) {
        StringBuilder text = new StringBuilder();
        for (Diagnostic child : diagnostic.getChildren()) {
            text.append('\n').append(child.getMessage());
        }
        return text.toString();
    }

    @Test
    void ishimbayHasTheNineDirectionsOfOrder1048InTwoGroups() {
        ModelRoot root = seeds;
        QualitySystem ishimbay = system(root, "qs-ishimbay");
        List<String> codes = ishimbay.getDirections().stream().map(Direction::getCode).toList();
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"), codes);
        Direction d11 = ishimbay.getDirections().get(0);
        assertEquals("Система оценки качества подготовки обучающихся", d11.getName());
        assertEquals("Система методической работы", ishimbay.getDirections().get(7).getName());
        for (Direction direction : ishimbay.getDirections()) {
            assertTrue(!direction.getCoordinators().isEmpty(), direction.getCode() + " has no coordinator");
            assertTrue(!direction.getExecutors().isEmpty() || !direction.getExecutorOrganisations().isEmpty(),
                    direction.getCode() + " has no executors");
            assertEquals(direction.getCode().substring(0, 1), direction.getGroup().getCode(), direction.getCode());
        }
    }

    @Test
    void technologicalMapOfSeed000HasTheSixStagesInCycleOrder() {
        ModelRoot root = seeds;
        TechnologicalMap map = (TechnologicalMap) root.eResource().getEObject("tm-000");
        assertNotNull(map);
        List<StageKind> kinds = map.getRows().stream().map(TechMapRow::getKind).toList();
        assertEquals(List.of(StageKind.GOALS, StageKind.INDICATORS, StageKind.MONITORING, StageKind.ANALYSIS,
                StageKind.MEASURES, StageKind.EFFECTIVENESS), kinds);
        for (int i = 0; i < 6; i++) {
            TechMapRow row = map.getRows().get(i);
            assertEquals(i + 1, row.getNumber());
            for (String duty : new String[] { row.getAction(), row.getCoordinatorDuty(), row.getExecutorsDuty(),
                    row.getOperatorDuty() }) {
                assertTrue(duty != null && !duty.isBlank(), "stage " + (i + 1) + " has an empty cell");
            }
        }
        assertTrue(map.getRows().get(0).getAction().startsWith("разработка и утверждение концептуального документа"),
                map.getRows().get(0).getAction());
    }

    @Test
    void krasnogorskWorkingGroupFollowsItsRegulation() {
        ModelRoot root = seeds;
        WorkingGroup group = (WorkingGroup) root.eResource().getEObject("wg-krg");
        assertNotNull(group);
        WorkingGroupRules rules = group.getRules();
        assertEquals(4, rules.getMinMeetingsPerYear(), "«не реже четырех раз в год»");
        assertEquals(0.5, rules.getQuorumFraction(), 1e-9, "«не менее половины состава»");
        assertEquals(5, rules.getProtocolDeadline(), "«в течение пяти рабочих дней»");
        assertTrue(rules.isQuorumInclusive(), "«не менее половины»: exactly half is a quorum");
        assertEquals(oko.model.MajorityBasis.PRESENT, rules.getMajorityBasis(), "«большинством голосов присутствующих»");
        assertEquals(oko.model.TieBreak.PRESIDING, rules.getTieBreak(), "«решающего голоса принадлежит председательствующему»");
        assertEquals(java.util.List.of(oko.model.ProtocolSignatory.PRESIDING, oko.model.ProtocolSignatory.SECRETARY),
                rules.getSignatories(), "«подписывается ... председательствующим ... и секретарем»");
        assertEquals(4, rules.getRights().size(), "п. 5, rights 1)–4)");
        assertTrue(rules.getRights().get(3).getName().startsWith("приглашать на заседания представителей"));
        assertEquals(java.util.List.of(oko.model.ProtocolContent.DATE_AND_PLACE, oko.model.ProtocolContent.MEMBERS_PRESENT,
                oko.model.ProtocolContent.AGENDA, oko.model.ProtocolContent.DECISIONS_AND_VOTES),
                rules.getProtocolContents().stream().map(oko.model.RegulationItem::getKind).toList(), "п. 17, 1)–4)");
        assertEquals("решения и итоги голосования по каждому пункту повестки заседания.",
                rules.getProtocolContents().get(3).getName());
        assertEquals(1, count(group, WorkingGroupRole.CHAIR));
        assertEquals(1, count(group, WorkingGroupRole.SECRETARY));
        assertTrue(count(group, WorkingGroupRole.MEMBER) >= 1);
    }

    private static long count(WorkingGroup group, WorkingGroupRole role) {
        return group.getMembers().stream().map(Membership::getRole).filter(role::equals).count();
    }

    @Test
    void xmiRoundTripIsLossless(@TempDir Path dir) throws Exception {
        ModelRoot root = seeds;
        Path copy = dir.resolve("seeds.xmi");
        Resource saved = resourceSet().createResource(URI.createFileURI(copy.toString()));
        ModelRoot duplicate = EcoreUtil.copy(root);
        saved.getContents().add(duplicate);
        saved.save(Map.of());
        assertTrue(Files.size(copy) > 10_000);

        ModelRoot reloaded = (ModelRoot) resourceSet()
                .getResource(URI.createFileURI(copy.toString()), true).getContents().get(0);
        assertTrue(EcoreUtil.equals(root, reloaded), "the reloaded copy differs from the original");
    }

    /**
     * Seed 003's column «Примерное распределение функций по должностям» read as RACI (docs/raci.md):
     * «Администрация ОУ при непосредственном участии методических объединений учителей-предметников»
     * (functions 2-1, 3-2, 3-3): Администрация ОУ responsible, МО consulted; «Педагогический коллектив,
     * службы сопровождения при непосредственном руководстве методических объединений…» (2-2, 3-1):
     * the two responsible, МО accountable; «Администрация ОУ при непосредственном участии
     * научно-методического совета и/или методических объединений…» (4-3): Администрация ОУ
     * responsible, the council and МО consulted. The other functions have no participation.
     */
    @Test
    void seed003ParticipationsAsTheSeedWordsThem() {
        QualitySystem school = system(seeds, "qs-vsoko-sosh51");
        Map<String, String> expected = new java.util.TreeMap<>(Map.of(
                "f003-2-1", "R Администрация ОУ | C mo", "f003-3-2", "R Администрация ОУ | C mo",
                "f003-3-3", "R Администрация ОУ | C mo",
                "f003-2-2", "R Педагогический коллектив (педагоги), Службы сопровождения | A mo",
                "f003-3-1", "R Педагогический коллектив (педагоги), Службы сопровождения | A mo",
                "f003-4-3", "R Администрация ОУ | C nms, C mo"));
        Map<String, String> found = new java.util.TreeMap<>();
        school.eAllContents().forEachRemaining(o -> {
            if (o instanceof oko.model.Function f && !f.getParticipations().isEmpty()) {
                String r = String.join(", ", f.getResponsibleRoles().stream().map(oko.model.Role::getName).toList());
                String others = String.join(", ", f.getParticipations().stream()
                        .map(p -> p.getKind().getName().substring(0, 1) + " " + p.getRole().getCode()).toList());
                found.put(seeds.eResource().getURIFragment(f), "R " + r + " | " + others);
            }
        });
        assertEquals(expected, found);
        oko.model.Function f22 = (oko.model.Function) seeds.eResource().getEObject("f003-2-2");
        // the note keeps the source's words; the responsible text stays as the seed has it
        assertEquals("при непосредственном руководстве методических объединений учителей-предметников",
                f22.getParticipations().get(0).getNote());
        assertTrue(f22.getResponsibleText().endsWith(f22.getParticipations().get(0).getNote()), f22.getResponsibleText());
    }
}
