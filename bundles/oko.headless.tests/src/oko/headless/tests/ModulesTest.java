package oko.headless.tests;

import static oko.cli.tests.support.Oko.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.Test;

import oko.cli.tests.support.Oko.Run;
import oko.core.modules.Modules;
import oko.core.modules.Modules.Module;
import oko.core.modules.SystemTemplates;
import oko.model.Direction;
import oko.model.FunctionSection;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.model.TechnologicalMap;
import oko.repository.OkoRepository;

/**
 * The two modules of the full product (every headless bundle is in this runtime): their
 * declarations, the systems made from their templates, and {@code ./oko new --module}.
 */
class ModulesTest {

    private static Module module(String id) {
        return Modules.byId(id).orElseThrow(() -> new AssertionError("module " + id + " not installed: " + Modules.all()));
    }

    /** Every cross reference of the system stays inside it. */
    private static void assertSelfContained(QualitySystem system) {
        List<EObject> all = new ArrayList<>(List.of(system));
        system.eAllContents().forEachRemaining(all::add);
        for (EObject object : all) {
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || reference.isDerived()) {
                    continue;
                }
                Object value = object.eGet(reference);
                for (Object target : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                    assertTrue(EcoreUtil.isAncestor(system, (EObject) target),
                            object.eClass().getName() + "." + reference.getName() + " leaves the new system");
                }
            }
        }
    }

    @Test
    void bothModulesAreInstalledWithTheirLevelsSamplesAndPerspectives() {
        assertEquals(List.of("municipal", "region", "school"), Modules.all().stream().map(Module::id).sorted().toList());
        assertEquals(Level.MUNICIPALITY, module("municipal").level());
        assertEquals(Level.REGION, module("region").level());
        assertTrue(module("region").name().contains("РСОКО"), module("region").name());
        assertEquals(List.of(), module("region").samples(), "the sample has no region");
        assertEquals(Level.SCHOOL, module("school").level());
        assertTrue(module("municipal").name().contains("МСОКО"), module("municipal").name());
        assertTrue(module("school").name().contains("ВСОКО"), module("school").name());
        assertEquals(2, Modules.samples().size(), Modules.samples().toString());
        assertEquals(List.of("oko.school.ui.perspective"), module("school").perspectives());
    }

    @Test
    void aMunicipalSystemFromTheTemplateHasTheDirectionsTheStagesAndTheFunctionDistribution() {
        QualitySystem system = SystemTemplates.create(module("municipal"), "МСОКО Нового района", "new-msoko");
        assertEquals("МСОКО Нового района", system.getName());
        assertEquals(Level.MUNICIPALITY, system.getLevel());
        List<String> directions = system.getDirections().stream().map(Direction::getCode).toList();
        assertTrue(directions.containsAll(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5")),
                directions.toString());
        assertFalse(system.getTechnologicalMaps().isEmpty());
        for (TechnologicalMap map : system.getTechnologicalMaps()) {
            assertFalse(map.getRows().isEmpty(), "the rows of " + map.getName());
        }
        for (Direction direction : system.getDirections()) {
            assertEquals(List.of(oko.model.StageKind.GOALS, oko.model.StageKind.INDICATORS,
                    oko.model.StageKind.MONITORING, oko.model.StageKind.ANALYSIS, oko.model.StageKind.MEASURES,
                    oko.model.StageKind.EFFECTIVENESS),
                    direction.getStages().stream().map(oko.model.CycleStage::getKind).toList(),
                    "the six stages of the management cycle in " + direction.getCode());
        }
        // seed 001's function distribution joins the directions (the second template system)
        assertTrue(system.getSections().stream().map(FunctionSection::getName).anyMatch(n -> n != null && !n.isBlank()));
        assertFalse(system.getRoles().isEmpty());
        // seed 002's municipal indicators of direction 1.2 that the region's aggregate (issue 22), each
        // share of schools or mean over them followed by the per-school indicator it is computed from
        assertEquals(List.of("1.2.3", "1.2.4", "1.2.5", "1.2.5.1", "1.2.6", "1.2.6.1", "1.2.7", "1.2.7.1", "1.2.8",
                "1.2.8.1", "1.2.10", "1.2.10.1"), system.getIndicators().stream().map(Indicator::getCode).toList());
        Indicator diagnostics = oko.core.formula.Aggregations.indicator(system, "1.2.5");
        // seed 002, appendix 3, row 2, word for word (its «неспешности» too)
        assertEquals("Доля школ ШНОР и ШНУС, в которых проведена диагностика обучающихся с трудностями в учебной"
                + " деятельности для определения причин неспешности и выданы адресные рекомендации", diagnostics.getName());
        assertEquals(oko.model.AggregationKind.SHARE_MEETING_THRESHOLD, diagnostics.getAggregation());
        assertEquals("1.2.5.1", diagnostics.getAggregatedCode());
        assertEquals("diagnostics_done and recommendations_issued",
                oko.core.formula.Aggregations.indicator(system, "1.2.5.1").getFormula());
        Indicator teachers = oko.core.formula.Aggregations.indicator(system, "1.2.6");
        assertEquals("Доля учителей ШНОР и ШНСУ, прошедших диагностику по наличию дефицитов", teachers.getName());
        assertTrue(teachers.getCriteria().startsWith("- количество учителей, прошедших диагностику из общего количества"
                + " учителей школы"), teachers.getCriteria());
        assertEquals(oko.model.AggregationKind.MEAN, teachers.getAggregation());
        assertEquals("share(teachers_diagnosed, teachers_total)",
                oko.core.formula.Aggregations.indicator(system, "1.2.6.1").getFormula());
        assertEquals("oms_npa_published and oms_roadmap_published and oms_activity_info_published",
                oko.core.formula.Aggregations.indicator(system, "1.2.3").getFormula());
        for (Indicator indicator : system.getIndicators()) {
            assertEquals(1, system.getMonitorings().stream().filter(m -> m.getIndicators().contains(indicator)).count(),
                    indicator.getCode() + " is collected by one monitoring");
        }
        // every name the formulas read is a data element of the system (no OKO-IND-05)
        ModelRoot root = oko.model.OkoFactory.eINSTANCE.createModelRoot();
        root.getQualitySystems().add(system);
        var problems = oko.core.validation.OkoValidation.validate(List.of(root), null);
        assertEquals(List.of(), problems.stream().filter(p -> p.ruleId().startsWith("OKO-IND-0")
                && !p.ruleId().equals("OKO-IND-06")).map(p -> p.line()).toList());
        // no data of the template: no monitoring runs, measures, plans, recommendations
        assertTrue(system.getMonitorings().stream().allMatch(m -> m.getRuns().isEmpty()));
        assertTrue(system.getPlans().isEmpty() && system.getMeasures().isEmpty() && system.getRecommendations().isEmpty());
        assertSelfContained(system);
    }

    @Test
    void theSchoolModulesRuleFindsASchoolSystemWithoutItsSchool() {
        ModelRoot root = oko.model.OkoFactory.eINSTANCE.createModelRoot();
        QualitySystem system = SystemTemplates.create(module("school"), "ВСОКО без школы", "vsoko-x");
        root.getQualitySystems().add(system);
        var problems = oko.core.validation.OkoValidation.validate(List.of(root), null);
        var found = problems.stream().filter(p -> p.ruleId().equals("OKO-SCH-01")).toList();
        assertEquals(1, found.size(), problems.toString());
        assertTrue(found.get(0).isError() && found.get(0).message().contains("ВСОКО без школы"), found.get(0).message());
        oko.model.Organisation school = oko.model.OkoFactory.eINSTANCE.createOrganisation();
        school.setCode("s1");
        school.setName("МБОУ СОШ № 1");
        school.setKind(oko.model.OrganisationKind.SCHOOL);
        root.getOrganisations().add(school);
        system.setOrganisation(school);
        assertTrue(oko.core.validation.OkoValidation.validate(List.of(root), null)
                .stream().noneMatch(p -> p.ruleId().equals("OKO-SCH-01")));
    }

    @Test
    void newFromTheSchoolModuleOnTheCommandLineCreatesAVsokoOfThatSchoolInOneCommit() throws Exception {
        Path data = Files.createTempDirectory("oko-modules");
        assertEquals(0, run(data, "import", "--sample").exit());
        Run created = run(data, "new", "--module", "school", "--name", "ВСОКО МБОУ СОШ № 51 (новая)", "--school",
                "chel-sosh51");
        assertEquals(0, created.exit(), created.err());
        assertTrue(created.out().contains("school-1"), created.out());
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "test", line -> { })) {
            CDOView view = repository.openView();
            QualitySystem system = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                    .filter(s -> "school-1".equals(s.getCode())).findFirst().orElse(null);
            assertNotNull(system, "the new system is stored");
            assertEquals("ВСОКО МБОУ СОШ № 51 (новая)", system.getName());
            assertEquals(Level.SCHOOL, system.getLevel());
            assertEquals("chel-sosh51", system.getOrganisation().getCode());
            // the school's function distribution of seed 003, copied
            QualitySystem template = SystemTemplates.templates(module("school"),
                    new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl()).get(0);
            assertEquals(template.getSections().size(), system.getSections().size());
            assertEquals(template.getSections().get(0).getName(), system.getSections().get(0).getName());
            assertEquals(1, repository.history(system).size(), "one commit");
            view.close();
        }
        // a new municipal system with its code, a new territory and a new authority running it (its
        // aggregated indicators store their values for it); it validates without errors
        Run municipal = run(data, "new", "--module", "municipal", "--name", "МСОКО Нового района", "--code",
                "novy-msoko", "--territory", "МР Новый район", "--operator", "Управление образования МР Новый район");
        assertEquals(0, municipal.exit(), municipal.err());
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "test", line -> { })) {
            CDOView view = repository.openView();
            QualitySystem system = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                    .filter(s -> "novy-msoko".equals(s.getCode())).findFirst().orElseThrow();
            assertEquals("МР Новый район", system.getTerritory().getName());
            assertEquals(oko.model.TerritoryKind.MUNICIPAL_DISTRICT, system.getTerritory().getKind());
            assertEquals("Управление образования МР Новый район", system.getOrganisation().getName());
            assertEquals(oko.model.TerritoryKind.MUNICIPAL_DISTRICT, system.getOrganisation().getTerritory().getKind());
            assertNoDataOfTheSample(system);
            view.close();
        }
        // an existing territory by its code
        Run existing = run(data, "new", "--module", "municipal", "--name", "МСОКО-2", "--code", "msoko-2",
                "--territory", "krasnogorsk", "--operator", "krg-ono");
        assertEquals(0, existing.exit(), existing.err());
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "test", line -> { })) {
            CDOView view = repository.openView();
            QualitySystem system = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                    .filter(s -> "msoko-2".equals(s.getCode())).findFirst().orElseThrow();
            assertEquals("МО «Красногорский район»", system.getTerritory().getName());
            view.close();
        }
        Run validate = run(data, "validate");
        assertEquals(0, validate.exit(), validate.out());
        Run unknown = run(data, "new", "--module", "district", "--name", "X");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("district") && unknown.err().contains("municipal")
                && unknown.err().contains("school") && unknown.err().contains("region"), unknown.err());
        Run taken = run(data, "new", "--module", "municipal", "--name", "Y", "--code", "school-1", "--operator",
                "krg-ono");
        assertEquals(1, taken.exit(), taken.err());
        assertTrue(taken.err().contains("school-1"), taken.err());
    }

    /**
     * Issue 17, item 4: what the sample holds of Ishimbay (order No. 1048 of 5 July 2021, its people
     * and organisations) and of the Chelyabinsk school of seed 003, listed by hand from
     * bundles/oko.municipal/samples/seeds.xmi: a system made from a template contains none of it.
     */
    private static final List<String> SAMPLE_DATA = List.of("1048", "05.07.2021", "Ишимбай", "Мастрюкова",
            "Шерсткина", "Гомзова", "Таратунина", "ГРЦПИ", "МКУ УО", "Челябинск", "СОШ № 51", "Республик");

    private static void assertNoDataOfTheSample(QualitySystem system) {
        List<EObject> all = new ArrayList<>(List.of(system));
        system.eAllContents().forEachRemaining(all::add);
        for (EObject object : all) {
            assertFalse(object instanceof oko.model.Person || object instanceof oko.model.Organisation,
                    "no person or organisation inside the system: " + object);
            for (var attribute : object.eClass().getEAllAttributes()) {
                Object value = object.eGet(attribute);
                if (value instanceof String text) {
                    for (String forbidden : SAMPLE_DATA) {
                        assertFalse(text.contains(forbidden), object.eClass().getName() + "." + attribute.getName()
                                + " has «" + forbidden + "»: " + text);
                    }
                }
            }
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || reference.isDerived()) {
                    continue;
                }
                Object value = object.eGet(reference);
                for (Object target : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
                    if (target instanceof oko.model.Person || target instanceof oko.model.Organisation
                            || target instanceof oko.model.OrganisationUnit) {
                        assertTrue(object == system && reference.getName().equals("organisation"),
                                object.eClass().getName() + "." + reference.getName() + " refers to " + target);
                    }
                }
            }
        }
        List<String> roles = system.getRoles().stream().map(oko.model.Role::getCode).toList();
        assertEquals(roles.size(), new java.util.HashSet<>(roles).size(), "role codes differ: " + roles);
    }

    /**
     * The sample's models loaded, as in a repository that holds them: the templates still copy
     * nothing of Ishimbay or of the Chelyabinsk school, and the new system has no duplicate codes.
     */
    @Test
    void systemsFromTheTemplatesCarryNoPeopleOrganisationsOrOrdersOfTheSample() {
        var set = new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl();
        List<ModelRoot> sample = Modules.samples().stream().map(uri -> set.getResource(uri, true))
                .flatMap(r -> r.getContents().stream()).filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                .toList();
        assertTrue(sample.stream().anyMatch(r -> r.getPersons().stream().anyMatch(p -> p.getName() != null
                && p.getName().contains("Мастрюкова"))), "the sample has the people the template must not copy");
        for (String id : List.of("municipal", "school", "region")) {
            QualitySystem system = SystemTemplates.create(module(id), "Новая система", "new-" + id, sample);
            assertNoDataOfTheSample(system);
            assertSelfContained(system);
            ModelRoot root = oko.model.OkoFactory.eINSTANCE.createModelRoot();
            root.getQualitySystems().add(system);
            var problems = oko.core.validation.OkoValidation.validate(List.of(root), null);
            assertTrue(problems.stream().noneMatch(p -> p.ruleId().equals("OKO-CODE-01")), problems.toString());
        }
        QualitySystem municipal = SystemTemplates.create(module("municipal"), "Новая система", "new", sample);
        assertEquals(List.of("1.1", "1.2", "1.3", "1.4", "2.1", "2.2", "2.3", "2.4", "2.5"),
                municipal.getDirections().stream().map(Direction::getCode).toList());
        assertTrue(municipal.getRoles().stream().map(oko.model.Role::getKind).toList().containsAll(List.of(
                oko.model.RoleKind.COORDINATOR, oko.model.RoleKind.RESPONSIBLE_EXECUTOR,
                oko.model.RoleKind.MUNICIPAL_OPERATOR)), "the generic roles of the directions");
        assertFalse(municipal.getDocuments().isEmpty(), "the generic documents of seed 001");
        assertTrue(municipal.getDocuments().stream().allMatch(d -> d.getNumber() == null && d.getDate() == null),
                "no document number or date");
    }
}
