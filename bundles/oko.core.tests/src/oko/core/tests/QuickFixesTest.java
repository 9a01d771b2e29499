package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.junit.jupiter.api.Test;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFixes;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.InformationSystem;
import oko.model.InformationSystemKind;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;
import oko.model.provider.OkoItemProviderAdapterFactory;

/**
 * The quick fixes of oko.core on hand-built models: each applied, undone and redone on a command stack,
 * the expected model worked out by hand; one fix applied to several problems as one undo step.
 */
class QuickFixesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();
    private final BasicCommandStack stack = new BasicCommandStack();
    private final EditingDomain domain = new AdapterFactoryEditingDomain(new OkoItemProviderAdapterFactory(), stack);

    QuickFixesTest() {
        system.setCode("test");
        system.setName("Тестовая система");
        root.getQualitySystems().add(system);
    }

    private List<Problem> problems() {
        return OkoValidation.validate(List.of(root), new NullProgressMonitor());
    }

    private List<Problem> problems(String ruleId) {
        return problems().stream().filter(p -> p.ruleId().equals(ruleId)).toList();
    }

    private static QuickFix fix(String id) {
        return QuickFixes.byId(id).orElseThrow(() -> new AssertionError(id + " not contributed: " + QuickFixes.all()));
    }

    private Direction direction(String code, StageKind... kinds) {
        Direction direction = F.createDirection();
        direction.setCode(code);
        direction.setName("Направление " + code);
        for (StageKind kind : kinds) {
            CycleStage stage = F.createCycleStage();
            stage.setKind(kind);
            stage.setName("свой этап " + kind.getName());
            stage.setCoordinatorDuty("организует");
            direction.getStages().add(stage);
        }
        system.getDirections().add(direction);
        return direction;
    }

    /** A technological map with a row of each kind: «Строка N», number 10+N, duties «обязанность N». */
    private TechnologicalMap map() {
        TechnologicalMap map = F.createTechnologicalMap();
        map.setName("Технологическая карта");
        for (StageKind kind : StageKind.VALUES) {
            TechMapRow row = F.createTechMapRow();
            row.setKind(kind);
            row.setNumber(11 + kind.ordinal());
            row.setName("Строка " + (kind.ordinal() + 1));
            row.setAction("действие " + (kind.ordinal() + 1));
            row.setCoordinatorDuty("обязанность " + (kind.ordinal() + 1));
            map.getRows().add(row);
        }
        system.getTechnologicalMaps().add(map);
        return map;
    }

    private static List<StageKind> kinds(Direction direction) {
        return direction.getStages().stream().map(CycleStage::getKind).toList();
    }

    @Test
    void fixesAreContributedInIdOrderAndFoundForTheirProblems() {
        List<String> ids = QuickFixes.all().stream().map(QuickFix::id).toList();
        assertTrue(ids.containsAll(List.of("OKO-FIX-CYCLE-STAGES", "OKO-FIX-DOC-LINK")), ids.toString());
        assertEquals(ids.stream().sorted().toList(), ids);
        Direction complete = direction("1.1", StageKind.VALUES.toArray(StageKind[]::new));
        Direction partial = direction("1.2", StageKind.GOALS);
        assertEquals(List.of(fix("OKO-FIX-CYCLE-STAGES")), QuickFixes.forProblem("OKO-CYCLE-01", partial));
        assertEquals(List.of(), QuickFixes.forProblem("OKO-CYCLE-01", complete), "nothing to create");
        assertEquals(List.of(), QuickFixes.forProblem("OKO-CYCLE-02", partial), "no fix for another rule");
        Document document = F.createDocument();
        document.setStatus(DocumentStatus.PUBLISHED);
        system.getDocuments().add(document);
        assertEquals(List.of(fix("OKO-FIX-DOC-LINK")), QuickFixes.forProblem("OKO-DOC-01", document));
        // fixes for several problems: only those accepting every one
        assertEquals(List.of(), QuickFixes.forProblems(List.of(Map.entry("OKO-CYCLE-01", partial),
                Map.entry("OKO-DOC-01", document))));
        assertEquals(List.of(fix("OKO-FIX-CYCLE-STAGES")), QuickFixes.forProblems(List.of(
                Map.entry("OKO-CYCLE-01", partial), Map.entry("OKO-CYCLE-03", direction("1.3")))));
        assertEquals(List.of(), QuickFixes.forProblems(List.of()));
    }

    /**
     * Direction 1.2 has its own GOALS and MONITORING stages and lacks four (four OKO-CYCLE-01); 1.3 has
     * none (OKO-CYCLE-03). One application on the five problems creates the four stages of 1.2 between
     * and after its own, in cycle order, and six for 1.3, from the map's rows; one undo removes all.
     */
    @Test
    void missingStagesOfTwoDirectionsAreCreatedFromTheMapInOneUndoableCommand() {
        TechnologicalMap map = map();
        Direction partial = direction("1.2", StageKind.GOALS, StageKind.MONITORING);
        Direction empty = direction("1.3");
        List<CycleStage> own = List.copyOf(partial.getStages());
        List<Problem> found = new ArrayList<>(problems("OKO-CYCLE-01"));
        assertEquals(4, found.size(), found::toString);
        found.addAll(problems("OKO-CYCLE-03"));
        assertEquals(5, found.size(), found::toString);
        List<Map.Entry<String, EObject>> selected = found.stream()
                .map(p -> Map.<String, EObject>entry(p.ruleId(), p.object())).toList();
        QuickFix fix = fix("OKO-FIX-CYCLE-STAGES");
        assertEquals(List.of(fix), QuickFixes.forProblems(selected));

        Command command = fix.create(domain, found.stream().map(Problem::object).toList());
        assertNotNull(command);
        assertEquals(fix.label(), command.getLabel());
        stack.execute(command);
        assertEquals(StageKind.VALUES, kinds(partial));
        assertEquals(StageKind.VALUES, kinds(empty));
        assertSame(own.get(0), partial.getStages().get(0));
        assertSame(own.get(1), partial.getStages().get(2));
        CycleStage indicators = partial.getStages().get(1);
        assertEquals("Строка 2", indicators.getName());
        assertEquals(12, indicators.getNumber());
        assertSame(map.getRows().get(1), indicators.getMapRow());
        assertEquals("действие 2", indicators.getAction());
        assertEquals("обязанность 2", indicators.getCoordinatorDuty());
        assertEquals(List.of("Строка 1", "Строка 2", "Строка 3", "Строка 4", "Строка 5", "Строка 6"),
                empty.getStages().stream().map(CycleStage::getName).toList());
        assertEquals(List.of(11, 12, 13, 14, 15, 16), empty.getStages().stream().map(CycleStage::getNumber).toList());
        assertEquals(List.of(), problems().stream().filter(p -> p.ruleId().startsWith("OKO-CYCLE")).toList());
        List<CycleStage> afterPartial = List.copyOf(partial.getStages());
        List<CycleStage> afterEmpty = List.copyOf(empty.getStages());

        stack.undo();
        assertFalse(stack.canUndo(), "one application is one undo step");
        assertEquals(own, partial.getStages());
        assertEquals(List.of(), empty.getStages());
        assertEquals(4, problems("OKO-CYCLE-01").size());
        assertEquals(1, problems("OKO-CYCLE-03").size());

        stack.redo();
        assertEquals(afterPartial, partial.getStages());
        assertEquals(afterEmpty, empty.getStages());
        assertEquals(List.of(), problems().stream().filter(p -> p.ruleId().startsWith("OKO-CYCLE-0")
                && !p.ruleId().equals("OKO-CYCLE-02")).toList());
    }

    /** No map: the stages get the standard names and numbers 1…6, and nobody is made responsible. */
    @Test
    void withoutAMapStagesGetTheStandardNames() {
        Direction direction = direction("2.1", StageKind.ANALYSIS);
        stack.execute(fix("OKO-FIX-CYCLE-STAGES").create(domain, List.of(direction)));
        assertEquals(StageKind.VALUES, kinds(direction));
        List<String> names = direction.getStages().stream().map(CycleStage::getName).toList();
        assertEquals(List.of(stageName("GOALS"), stageName("INDICATORS"), stageName("MONITORING"),
                "свой этап ANALYSIS", stageName("MEASURES"), stageName("EFFECTIVENESS")), names);
        assertEquals(List.of(1, 2, 3, 0, 5, 6), direction.getStages().stream().map(CycleStage::getNumber).toList());
        assertNull(direction.getStages().get(0).getMapRow());
        assertEquals(5, problems("OKO-CYCLE-02").size(), "the new stages still need someone responsible");
        stack.undo();
        assertEquals(List.of(StageKind.ANALYSIS), kinds(direction));
        stack.redo();
        assertEquals(names, direction.getStages().stream().map(CycleStage::getName).toList());
    }

    private static String stageName(String kind) {
        return oko.model.provider.OkoEditPlugin.INSTANCE.getString("_UI_StageKind_" + kind + "_literal");
    }

    private Document published(String number, Organisation issuer) {
        Document document = F.createDocument();
        document.setNumber(number);
        document.setName("Приказ " + number);
        document.setStatus(DocumentStatus.PUBLISHED);
        document.setIssuer(issuer);
        system.getDocuments().add(document);
        return document;
    }

    private Organisation organisation(String code, String website) {
        Organisation organisation = F.createOrganisation();
        organisation.setCode(code);
        organisation.setWebsite(website);
        root.getOrganisations().add(organisation);
        return organisation;
    }

    @Test
    void publicationLinkIsTheIssuersSiteByDefault() {
        Organisation uo = organisation("uo", "https://uo.example.ru/documents");
        Document first = published("1048", uo);
        Document second = published("1049", uo);
        Document draft = published("1050", uo);
        draft.setStatus(DocumentStatus.DRAFT);
        assertEquals(2, problems("OKO-DOC-01").size());
        QuickFix fix = fix("OKO-FIX-DOC-LINK");
        assertFalse(fix.accepts("OKO-DOC-01", draft));
        assertNotNull(fix.parameter());
        assertEquals("https://uo.example.ru/documents", fix.parameter().defaultValue(List.of(first, second)));

        stack.execute(fix.create(domain, List.of(first, second)));
        assertEquals("https://uo.example.ru/documents", first.getPublicationLink());
        assertEquals("https://uo.example.ru/documents", second.getPublicationLink());
        assertEquals(List.of(), problems("OKO-DOC-01"));
        assertFalse(fix.accepts("OKO-DOC-01", first), "fixed already");
        stack.undo();
        assertFalse(stack.canUndo());
        assertNull(first.getPublicationLink());
        assertNull(second.getPublicationLink());
        assertEquals(2, problems("OKO-DOC-01").size());
        stack.redo();
        assertEquals("https://uo.example.ru/documents", second.getPublicationLink());
    }

    @Test
    void publicationLinkTypedOrFromTheModelsWebsiteAndNothingWithoutOne() {
        Document first = published("1", organisation("a", "https://a.example.ru"));
        Document second = published("2", organisation("b", null));
        QuickFix fix = fix("OKO-FIX-DOC-LINK");
        assertNull(fix.parameter().defaultValue(List.of(first, second)), "different issuers, no website");
        assertNull(fix.create(domain, List.of(first, second)), "nothing to apply without a value");
        InformationSystem form = F.createInformationSystem();
        form.setKind(InformationSystemKind.ONLINE_FORM);
        form.setUrl("https://forms.example.ru");
        InformationSystem site = F.createInformationSystem();
        site.setKind(InformationSystemKind.WEBSITE);
        site.setUrl("https://uo.example.ru/docs");
        root.getInformationSystems().addAll(List.of(form, site));
        assertEquals("https://uo.example.ru/docs", fix.parameter().defaultValue(List.of(first, second)));
        assertEquals("https://a.example.ru", fix.parameter().defaultValue(List.of(first)));

        assertNotNull(fix.parameter().check("uo.example.ru"));
        assertTrue(fix.parameter().check("ftp://uo.example.ru").contains("ftp://uo.example.ru"));
        assertNull(fix.create(domain, List.of(first), new QuickFix.Context(null, "нет адреса")), "bad value");
        assertNull(first.getPublicationLink());

        stack.execute(fix.create(domain, List.of(first, second), new QuickFix.Context(null, " https://site.ru/npa ")));
        assertEquals("https://site.ru/npa", first.getPublicationLink());
        assertEquals("https://site.ru/npa", second.getPublicationLink());
        stack.undo();
        assertNull(first.getPublicationLink());
        stack.redo();
        assertEquals("https://site.ru/npa", first.getPublicationLink());
    }
}
