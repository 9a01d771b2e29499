package oko.region.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.core.formula.Aggregations;
import oko.core.modules.Modules;
import oko.core.modules.Modules.Module;
import oko.core.modules.SystemTemplates;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.model.AggregationKind;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Territory;
import oko.model.TerritoryKind;
import oko.model.ValueKind;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.MonitoringService;

/**
 * The regional module (issue 22): its template makes a РСОКО whose indicators are seed 002's, word
 * for word, computed from the municipal systems below; a new region validates without aggregation
 * problems; computed over two municipal systems it gives the values worked out by hand.
 */
class RegionTemplateTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    /** Seed 002 (/work/shared/seeds/002_*.txt), the table of appendix 3, row 2, as written there. */
    private static final String SEED_SHARE = "Доля ОМС, разработавших и реализующих программы поддержки ШНОР и ШНСУ";
    private static final List<String> CODES = List.of("Р-1.2.3", "Р-1.2.4", "Р-1.2.5", "Р-1.2.6", "Р-1.2.7", "Р-1.2.8",
            "Р-1.2.10");

    private static Module region() {
        return Modules.byId("region").orElseThrow(() -> new AssertionError("no region module: " + Modules.all()));
    }

    /** The sample's МСОКО of Ishimbay, whose indicators transcribe seed 002's table. */
    private static QualitySystem ishimbay() {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path file = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples", "seeds.xmi");
        ModelRoot root = (ModelRoot) set.getResource(URI.createFileURI(file.toString()), true).getContents().get(0);
        return root.getQualitySystems().stream().filter(s -> "ishimbay-msoko".equals(s.getCode())).findFirst()
                .orElseThrow();
    }

    @Test
    void theTemplateMakesARegionalSystemOfSeed002sIndicatorsOverMunicipalities() {
        QualitySystem system = SystemTemplates.create(region(), "РСОКО", "rsoko");
        assertEquals(Level.REGION, system.getLevel());
        assertEquals(CODES, system.getIndicators().stream().map(Indicator::getCode).toList());
        Indicator share = Aggregations.indicator(system, "Р-1.2.3");
        assertEquals(SEED_SHARE, share.getName());
        assertEquals(AggregationKind.SHARE_MEETING_THRESHOLD, share.getAggregation());
        assertEquals("1.2.3", share.getAggregatedCode());
        assertEquals(ValueKind.PERCENT, share.getValueKind());
        // the seed's criterion first, then how the region computes it
        assertTrue(share.getCriteria().startsWith("- наличие на официальном сайте ОМС: нормативно-правовых актов,"
                + " регулирующих работу с ШНОР и ШНСУ, планов мероприятий («дорожных карт»)"), share.getCriteria());
        assertTrue(share.getCriteria().contains("Доля (%) муниципалитетов"), share.getCriteria());
        QualitySystem sample = ishimbay();
        for (Indicator indicator : system.getIndicators()) {
            String below = indicator.getCode().substring(2);
            assertEquals(below, indicator.getAggregatedCode());
            assertEquals(indicator == share ? AggregationKind.SHARE_MEETING_THRESHOLD : AggregationKind.MEAN,
                    indicator.getAggregation(), indicator.getCode());
            // word for word the seed's indicator of the code below (the sample transcribes seed 002)
            assertEquals(Aggregations.indicator(sample, below).getName(), indicator.getName(), indicator.getCode());
            assertTrue(indicator.getCriteria().startsWith(Aggregations.indicator(sample, below).getCriteria()),
                    indicator.getCode());
            assertEquals(List.of("Региональный оператор"), indicator.getResponsibleRoles().stream()
                    .map(oko.model.Role::getName).toList(), indicator.getCode());
            assertFalse(indicator.getSources().isBlank(), indicator.getCode());
            long collecting = system.getMonitorings().stream().filter(m -> m.getIndicators().contains(indicator)).count();
            assertEquals(1, collecting, indicator.getCode() + " is collected by one monitoring of the region");
        }
        assertEquals("Мониторинг сайтов ОМС", system.getMonitorings().stream()
                .filter(m -> m.getIndicators().contains(share)).findFirst().orElseThrow().getName());
        assertEquals(List.of("Региональный оператор"), system.getRoles().stream().map(oko.model.Role::getName).toList());
        assertEquals(null, system.getOrganisation(), "the template names no region's organisation");
    }

    /** A model with a region (territory 18) and its ministry, as a repository holds them. */
    private static final class Region {
        final ModelRoot root = F.createModelRoot();
        final Territory territory = F.createTerritory();
        final Organisation ministry = organisation("МИН", "Министерство образования (тест)", OrganisationKind.AUTHORITY);
        final Period y2023 = F.createPeriod();
        final QualitySystem system;

        Region() {
            territory.setCode("18");
            territory.setName("Тестовая Республика");
            territory.setKind(TerritoryKind.REGION);
            root.getTerritories().add(territory);
            y2023.setCode("2023");
            root.getPeriods().add(y2023);
            system = SystemTemplates.create(region(), "РСОКО Тестовой Республики", "rsoko", List.of(root));
            SystemTemplates.add(system, List.of(root), null, "Тестовая Республика", () -> root);
            assertEquals(ministry, SystemTemplates.bindOperator(system, List.of(root), "мин"), "by code, any case");
        }

        Organisation organisation(String code, String name, OrganisationKind kind) {
            Organisation organisation = F.createOrganisation();
            organisation.setCode(code);
            organisation.setName(name);
            organisation.setKind(kind);
            root.getOrganisations().add(organisation);
            return organisation;
        }

        /**
         * A municipal system under the region with seed 002's municipal indicators: 1.2.3 the
         * authority's flag (its three publications), 1.2.4 its share of schools whose position in
         * the lists changed, 1.2.5–1.2.10 shares over data it has not submitted; raw values of 2023
         * for its authority.
         */
        QualitySystem municipality(String letter, int npa, int roadmap, int activity, int changed, int schools) {
            Organisation authority = organisation("UO-" + letter, "Управление образования " + letter,
                    OrganisationKind.AUTHORITY);
            QualitySystem municipal = F.createQualitySystem();
            municipal.setCode("msoko-" + letter);
            municipal.setName("МСОКО " + letter);
            municipal.setLevel(Level.MUNICIPALITY);
            municipal.setOrganisation(authority);
            municipal.setParentSystem(system);
            root.getQualitySystems().add(municipal);
            Monitoring monitoring = F.createMonitoring();
            monitoring.setCode("1.2-М3");
            monitoring.setName("Мониторинг результативности муниципальных программ " + letter);
            municipal.getMonitorings().add(monitoring);
            indicator(municipal, "1.2.3", ValueKind.FLAG,
                    "oms_npa_published and oms_roadmap_published and oms_activity_info_published");
            indicator(municipal, "1.2.4", ValueKind.PERCENT, "share(schools_changed_risk_position, schools_total)");
            for (String code : List.of("1.2.5", "1.2.6", "1.2.7", "1.2.8", "1.2.10")) {
                indicator(municipal, code, ValueKind.PERCENT, "share(not_submitted, schools_total)");
            }
            MonitoringRun run = F.createMonitoringRun();
            run.setPeriod(y2023);
            run.setName("2023");
            monitoring.getRuns().add(run);
            raw(run, authority, "oms_npa_published", npa);
            raw(run, authority, "oms_roadmap_published", roadmap);
            raw(run, authority, "oms_activity_info_published", activity);
            raw(run, authority, "schools_changed_risk_position", changed);
            raw(run, authority, "schools_total", schools);
            return municipal;
        }

        /** A municipal system from the municipal module's template under the region, run by its authority UO-{letter}. */
        QualitySystem municipalFromTemplate(String letter) {
            QualitySystem municipal = SystemTemplates.create(Modules.byId("municipal").orElseThrow(), "МСОКО " + letter,
                    "msoko-" + letter, List.of(root));
            root.getQualitySystems().add(municipal);
            municipal.setOrganisation(organisation("UO-" + letter, "Управление образования " + letter,
                    OrganisationKind.AUTHORITY));
            municipal.setParentSystem(system);
            return municipal;
        }

        /** The 2023 run of the system's monitoring of that code, created. */
        MonitoringRun run(QualitySystem municipal, String monitoring) {
            Monitoring found = municipal.getMonitorings().stream().filter(m -> monitoring.equals(m.getCode()))
                    .findFirst().orElseThrow(() -> new AssertionError("no monitoring " + monitoring));
            MonitoringRun run = F.createMonitoringRun();
            run.setPeriod(y2023);
            run.setName(monitoring + ", 2023");
            found.getRuns().add(run);
            return run;
        }

        private static void indicator(QualitySystem system, String code, ValueKind kind, String formula) {
            Indicator indicator = F.createIndicator();
            indicator.setCode(code);
            indicator.setName("показатель " + code);
            indicator.setValueKind(kind);
            indicator.setHigherIsBetter(true);
            indicator.setFormula(formula);
            indicator.setSources("аналитический отчет");
            indicator.setResponsibleText("МОУО");
            system.getIndicators().add(indicator);
            system.getMonitorings().get(0).getIndicators().add(indicator);
        }

        static void raw(MonitoringRun run, Organisation organisation, String code, double value) {
            RawValue raw = F.createRawValue();
            raw.setOrganisation(organisation);
            raw.setCode(code);
            raw.setValue(value);
            run.getRawValues().add(raw);
        }

        List<Problem> aggregationProblems() {
            return OkoValidation.validate(List.of(root), null).stream()
                    .filter(p -> p.ruleId().equals("OKO-IND-06") || p.ruleId().equals("OKO-IND-07")).toList();
        }
    }

    @Test
    void aNewRegionValidatesWithoutAggregationProblemsUntilAMunicipalSystemLacksItsIndicators() {
        Region region = new Region();
        assertEquals(region.territory, region.system.getTerritory());
        assertEquals(region.ministry, region.system.getOrganisation());
        // no municipal system yet: being set up, not wrong (and it has its organisation)
        assertEquals(List.of(), region.aggregationProblems().stream().map(Problem::line).toList());
        assertEquals(List.of(), OkoValidation.validate(List.of(region.root), null).stream().filter(Problem::isError)
                .map(Problem::line).toList(), "no error at all in the new region");
        region.municipality("A", 1, 1, 1, 3, 12);
        region.municipality("B", 1, 0, 1, 2, 4);
        assertEquals(List.of(), region.aggregationProblems().stream().map(Problem::line).toList());
        // a municipal system from the municipal template has seed 002's municipal indicators the regional
        // ones aggregate: under the region, run by its authority, it validates with no error at all
        region.root.getQualitySystems().removeIf(s -> s.getCode().startsWith("msoko-"));
        QualitySystem fromTemplate = region.municipalFromTemplate("K");
        assertEquals(List.of(), region.aggregationProblems().stream().map(Problem::line).toList());
        assertEquals(List.of(), OkoValidation.validate(List.of(region.root), null).stream().filter(Problem::isError)
                .map(Problem::line).toList(), "no error with a municipal system from the template");
        // without its organisation it cannot store its values: OKO-IND-06 names its system
        fromTemplate.setOrganisation(null);
        assertTrue(region.aggregationProblems().stream().anyMatch(p -> p.ruleId().equals("OKO-IND-06")
                && p.message().contains("msoko-K")), region.aggregationProblems().toString());
        // a municipal system lacking the indicators (one made before the template had them): with K gone, none of the codes is found below: one OKO-IND-06 per regional indicator
        QualitySystem empty = F.createQualitySystem();
        empty.setCode("msoko-C");
        empty.setLevel(Level.MUNICIPALITY);
        region.root.getQualitySystems().add(empty);
        empty.setParentSystem(region.system);
        region.root.getQualitySystems().removeIf(s -> s.getCode().startsWith("msoko-") && s != empty);
        List<Problem> problems = region.aggregationProblems();
        assertEquals(CODES.size(), problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(p -> p.ruleId().equals("OKO-IND-06") && p.isError()), problems.toString());
        assertTrue(problems.get(0).message().contains("1.2.3"), problems.get(0).message());
    }

    /**
     * A municipal system from the municipal template, its authority UO-K and four schools with the raw
     * values of 2023 (S4 sent only recommendations_issued and network_practices):
     *
     * <pre>
     *        diagnostics / recommendations → 1.2.5.1   teachers_diagnosed / kpk_individual / kpk_risk / total   network_practices
     *   S1   1 / 1 → yes                                5 / 2 / 1 / 10 → 50 %, 20 %, 10 %                           1
     *   S2   1 / 0 → no                                 3 / 4 / 2 / 20 → 15 %, 20 %, 10 %                           0
     *   S3   1 / 1 → yes                                10 / 5 / 1 / 10 → 100 %, 50 %, 10 %                         1
     *   S4   — / 1 → no value                          — → no value (not a unit: no data)                            1
     *   UO-K oms_npa / roadmap / activity 1 / 1 / 1 → 1.2.3 yes; schools_changed_risk_position 2 of schools_total 8 → 1.2.4 25 %
     * </pre>
     */
    @Test
    void aMunicipalSystemFromTheTemplateIsComputedFromItsSchoolsAndGivesTheRegionItsValues() {
        Region region = new Region();
        QualitySystem k = region.municipalFromTemplate("K");
        Organisation authority = k.getOrganisation();
        MonitoringRun m3 = region.run(k, "1.2-М3");
        MonitoringRun m4 = region.run(k, "1.2-М4");
        MonitoringRun m5 = region.run(k, "1.2-М5");
        Region.raw(m5, authority, "oms_npa_published", 1);
        Region.raw(m5, authority, "oms_roadmap_published", 1);
        Region.raw(m5, authority, "oms_activity_info_published", 1);
        Region.raw(m3, authority, "schools_changed_risk_position", 2);
        Region.raw(m3, authority, "schools_total", 8);
        int[][] schools = { { 1, 1, 5, 2, 1, 10, 1 }, { 1, 0, 3, 4, 2, 20, 0 }, { 1, 1, 10, 5, 1, 10, 1 } };
        for (int i = 0; i < schools.length; i++) {
            Organisation school = region.organisation("S" + (i + 1), "Школа " + (i + 1), OrganisationKind.SCHOOL);
            school.setParent(authority);
            int[] v = schools[i];
            Region.raw(m3, school, "diagnostics_done", v[0]);
            Region.raw(m3, school, "recommendations_issued", v[1]);
            Region.raw(m4, school, "teachers_diagnosed", v[2]);
            Region.raw(m4, school, "teachers_kpk_individual", v[3]);
            Region.raw(m4, school, "teachers_kpk_risk_students", v[4]);
            Region.raw(m4, school, "teachers_total", v[5]);
            Region.raw(m3, school, "network_practices", v[6]);
        }
        Organisation s4 = region.organisation("S4", "Школа 4", OrganisationKind.SCHOOL);
        s4.setParent(authority);
        Region.raw(m3, s4, "recommendations_issued", 1); // diagnostics_done not sent: 1.2.5.1 has no value
        Region.raw(m3, s4, "network_practices", 1);

        List<IndicatorResult> municipal = MonitoringEngine.compute(k, region.y2023);
        assertEquals(1.0, result(municipal, "1.2.3").value(authority).getAsDouble(), 1e-9, "1·1·1 = yes");
        assertEquals(25.0, result(municipal, "1.2.4").value(authority).getAsDouble(), 1e-9, "2 ÷ 8 × 100");
        // 1.2.5: S1 yes, S2 no, S3 yes, S4 no value → 2 of 3 = 66.67 %, coverage 3 of 4
        IndicatorResult diagnostics = result(municipal, "1.2.5");
        assertEquals(200.0 / 3, diagnostics.value(authority).getAsDouble(), 1e-9);
        assertEquals(4, diagnostics.aggregate().units());
        assertEquals(3, diagnostics.aggregate().withValue());
        assertEquals(List.of("S4"), List.copyOf(diagnostics.aggregate().withoutValue().keySet()));
        // 1.2.6 = (50 + 15 + 100) ÷ 3 = 55 %; 1.2.7 = (20 + 20 + 50) ÷ 3 = 30 %; 1.2.8 = (10 + 10 + 10) ÷ 3 = 10 %
        assertEquals(55.0, result(municipal, "1.2.6").value(authority).getAsDouble(), 1e-9);
        assertEquals(30.0, result(municipal, "1.2.7").value(authority).getAsDouble(), 1e-9);
        assertEquals(10.0, result(municipal, "1.2.8").value(authority).getAsDouble(), 1e-9);
        // 1.2.10: S1, S3, S4 yes, S2 no → 3 of 4 = 75 %
        assertEquals(75.0, result(municipal, "1.2.10").value(authority).getAsDouble(), 1e-9);

        // the region over K alone takes K's values: Р-1.2.3 1 of 1 = 100 %, the means K's own values
        List<IndicatorResult> results = MonitoringEngine.compute(region.system, region.y2023);
        assertEquals(100.0, result(results, "Р-1.2.3").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(25.0, result(results, "Р-1.2.4").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(200.0 / 3, result(results, "Р-1.2.5").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(55.0, result(results, "Р-1.2.6").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(30.0, result(results, "Р-1.2.7").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(10.0, result(results, "Р-1.2.8").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(75.0, result(results, "Р-1.2.10").value(region.ministry).getAsDouble(), 1e-9);
        // with A (1.2.4 = 3 ÷ 12 × 100 = 25 %) and B (2 ÷ 4 × 100 = 50 %): Р-1.2.4 = (25 + 50 + 25) ÷ 3 = 33.33 %,
        // each municipality weighing 1; Р-1.2.3: K yes, A yes, B no → 2 of 3 = 66.67 %
        region.municipality("A", 1, 1, 1, 3, 12);
        region.municipality("B", 1, 0, 1, 2, 4);
        results = MonitoringEngine.compute(region.system, region.y2023);
        assertEquals(100.0 / 3, result(results, "Р-1.2.4").value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(200.0 / 3, result(results, "Р-1.2.3").value(region.ministry).getAsDouble(), 1e-9);
    }

    /**
     * The municipal template's raw data have the unit of what they count. Seed 002 names no units; by
     * the elements' names (worked out by hand): «общее количество общеобразовательных организаций МР»
     * and «количество школ, изменивших позицию…» count schools, «ед.» (the sample said «чел.» for the
     * first); the four counts of teachers are people, «чел.»; the yes/no flags have no unit.
     */
    @Test
    void theMunicipalTemplatesCountsHaveTheUnitOfWhatTheyCount() {
        QualitySystem municipal = SystemTemplates.create(Modules.byId("municipal").orElseThrow(), "МСОКО", "msoko");
        java.util.Map<String, String> counts = new java.util.TreeMap<>();
        for (oko.model.DataElement element : municipal.getDataElements()) {
            if (element.getValueKind() == ValueKind.COUNT) {
                counts.put(element.getCode(), element.getUnit());
            } else {
                assertEquals(ValueKind.FLAG, element.getValueKind(), element.getCode());
                assertEquals(null, element.getUnit(), "a flag has no unit: " + element.getCode());
            }
        }
        assertEquals(java.util.Map.of("schools_total", "ед.", "schools_changed_risk_position", "ед.",
                "teachers_total", "чел.", "teachers_diagnosed", "чел.", "teachers_kpk_individual", "чел.",
                "teachers_kpk_risk_students", "чел."), counts);
    }

    @Test
    void theRegionIsComputedFromTwoMunicipalities() {
        Region region = new Region();
        QualitySystem a = region.municipality("A", 1, 1, 1, 3, 12);
        QualitySystem b = region.municipality("B", 1, 0, 1, 2, 4);
        List<IndicatorResult> results = MonitoringEngine.compute(region.system, region.y2023);
        // 1.2.3 per authority = npa and roadmap and activity: A 1·1·1 = yes, B 1·0·1 = no
        // Р-1.2.3 = municipalities meeting ÷ municipalities with a value × 100 = 1 ÷ 2 × 100 = 50 %
        IndicatorResult share = result(results, "Р-1.2.3");
        assertEquals(50.0, share.value(region.ministry).getAsDouble(), 1e-9);
        assertEquals(2, share.aggregate().units());
        assertEquals(1, share.aggregate().meeting());
        // 1.2.4 per municipality: A 3 ÷ 12 × 100 = 25 %, B 2 ÷ 4 × 100 = 50 %; Р-1.2.4 = (25 + 50) ÷ 2 = 37.5 %
        assertEquals(37.5, result(results, "Р-1.2.4").value(region.ministry).getAsDouble(), 1e-9);
        // 1.2.5: neither municipality submitted its data → no value, never 0; coverage 0 of 2
        IndicatorResult none = result(results, "Р-1.2.5");
        assertTrue(none.value(region.ministry).isEmpty(), "no value without values below");
        assertEquals(2, none.aggregate().units());
        assertEquals(0, none.aggregate().withValue());
        assertEquals(List.of(a.getCode(), b.getCode()), List.copyOf(none.aggregate().withoutValue().keySet()));
        // computing stores the region's values in the runs of its monitorings, for its ministry
        MonitoringService.compute(region.system, region.y2023);
        assertEquals(50.0, stored(region, "Р-М5", "Р-1.2.3").getValue(), 1e-9);
        assertEquals(37.5, stored(region, "Р-М3", "Р-1.2.4").getValue(), 1e-9);
    }

    private static IndicatorResult result(List<IndicatorResult> results, String code) {
        return results.stream().filter(r -> code.equals(r.indicator().getCode())).findFirst()
                .orElseThrow(() -> new AssertionError("no result of " + code));
    }

    private static IndicatorValue stored(Region region, String monitoring, String code) {
        Monitoring found = region.system.getMonitorings().stream().filter(m -> monitoring.equals(m.getCode()))
                .findFirst().orElseThrow();
        IndicatorValue value = found.getRuns().stream().filter(r -> r.getPeriod() == region.y2023)
                .flatMap(r -> r.getValues().stream()).filter(v -> code.equals(v.getIndicator().getCode()))
                .findFirst().orElse(null);
        assertNotNull(value, code + " is stored in " + monitoring);
        assertEquals(region.ministry, value.getOrganisation());
        return value;
    }
}
