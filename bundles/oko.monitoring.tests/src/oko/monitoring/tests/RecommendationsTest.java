package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import oko.model.AddresseeKind;
import oko.model.DataElement;
import oko.model.Indicator;
import oko.model.ManagementLevel;
import oko.model.Measure;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Recommendation;
import oko.model.RecommendationRule;
import oko.model.RecommendationStatus;
import oko.model.RiskGroup;
import oko.monitoring.Correlation;
import oko.monitoring.Effectiveness;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.Recommendations;
import oko.monitoring.RiskGroups;

/**
 * Recommendations, effectiveness and correlation on a small model whose expected results are
 * worked out by hand: three schools A, B, C; indicator I = x (higher is better), J = y.
 */
class RecommendationsTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();
    private final Period y2022 = F.createPeriod();
    private final Period y2023 = F.createPeriod();
    private final Organisation a = school("A");
    private final Organisation b = school("B");
    private final Organisation c = school("C");
    private final Indicator i = indicator("I", "x");
    private final Indicator j = indicator("J", "y");
    private final Monitoring monitoring = F.createMonitoring();

    RecommendationsTest() {
        root.getQualitySystems().add(system);
        system.setCode("sys");
        y2022.setCode("2022");
        y2023.setCode("2023");
        y2023.setName("2023 год");
        y2023.setPrevious(y2022);
        root.getPeriods().addAll(List.of(y2022, y2023));
        for (String code : List.of("x", "y")) {
            DataElement element = F.createDataElement();
            element.setCode(code);
            system.getDataElements().add(element);
        }
        monitoring.setCode("M");
        monitoring.getIndicators().addAll(List.of(i, j));
        system.getMonitorings().add(monitoring);
        values(y2022, Map.of(a, 15.0, b, 20.0, c, 30.0), Map.of(a, 1.0, b, 2.0, c, 3.0));
        values(y2023, Map.of(a, 10.0, b, 20.0, c, 30.0), Map.of(a, 20.0, b, 40.0, c, 60.0));
    }

    private Organisation school(String code) {
        Organisation school = F.createOrganisation();
        school.setCode(code);
        school.setName("Школа " + code);
        root.getOrganisations().add(school);
        return school;
    }

    private Indicator indicator(String code, String formula) {
        Indicator indicator = F.createIndicator();
        indicator.setCode(code);
        indicator.setFormula(formula);
        indicator.setHigherIsBetter(true);
        system.getIndicators().add(indicator);
        return indicator;
    }

    private void values(Period period, Map<Organisation, Double> x, Map<Organisation, Double> y) {
        MonitoringRun run = monitoring.getRuns().stream().filter(r -> r.getPeriod() == period).findFirst()
                .orElseGet(() -> {
                    MonitoringRun created = F.createMonitoringRun();
                    created.setPeriod(period);
                    monitoring.getRuns().add(created);
                    return created;
                });
        run.getRawValues().clear();
        for (Organisation school : List.of(a, b, c)) {
            run.getRawValues().add(raw(school, "x", x.get(school)));
            run.getRawValues().add(raw(school, "y", y.get(school)));
        }
    }

    private static RawValue raw(Organisation school, String code, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(school);
        raw.setCode(code);
        raw.setValue(value);
        return raw;
    }

    private RecommendationRule rule(String code, AddresseeKind addressee, String condition, String template) {
        RecommendationRule rule = F.createRecommendationRule();
        rule.setCode(code);
        rule.setIndicator(i);
        rule.setAddressee(addressee);
        rule.setCondition(condition);
        rule.setTemplate(template);
        system.getRecommendationRules().add(rule);
        return rule;
    }

    private Recommendations.Outcome generate() {
        List<IndicatorResult> results = new ArrayList<>(MonitoringEngine.compute(system, y2023));
        results.addAll(MonitoringEngine.compute(system, y2022));
        List<RiskGroups.RiskListResult> lists = RiskGroups.compute(system, y2023, results);
        return Recommendations.generate(system, y2023, results, lists);
    }

    private List<String> texts() {
        return system.getRecommendations().stream().map(Recommendation::getText).toList();
    }

    @Test
    void aSchoolRuleAddressesEachSchoolForWhichItsConditionHoldsWithTheBasis() {
        rule("R1", AddresseeKind.SCHOOL, "value < median", "{school}: {value} < {median} ({period})");
        Recommendations.Outcome outcome = generate();
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of("Школа A: 10 < 20 (2023 год)"), texts());
        Recommendation recommendation = system.getRecommendations().get(0);
        assertEquals(List.of(a), recommendation.getAddresseeSchools());
        assertEquals(i, recommendation.getBasisIndicator());
        assertEquals(y2023, recommendation.getPeriod());
        assertEquals(10.0, recommendation.getValue());
        assertEquals(RecommendationStatus.DRAFT, recommendation.getStatus());
        assertEquals(1, outcome.created());
    }

    @Test
    void runningAgainDoesNotDuplicateAndFollowsChangedValues() {
        rule("R1", AddresseeKind.SCHOOL, "value < median", "{school}: {value}");
        generate();
        Recommendations.Outcome again = generate();
        assertEquals(0, again.created());
        assertEquals(0, again.updated());
        assertEquals(1, system.getRecommendations().size(), "no duplicate");

        // B drops to 5: the median is now 10, B is below it and A no longer is
        values(y2023, Map.of(a, 10.0, b, 5.0, c, 30.0), Map.of(a, 20.0, b, 40.0, c, 60.0));
        Recommendations.Outcome changed = generate();
        assertEquals(List.of("Школа B: 5"), texts());
        assertEquals(1, changed.created());
        assertEquals(1, changed.removed(), "A's draft is removed");
    }

    @Test
    void aRecommendationAlreadySentIsKeptWhenTheConditionNoLongerHolds() {
        rule("R1", AddresseeKind.SCHOOL, "value < median", "{school}");
        generate();
        system.getRecommendations().get(0).setStatus(RecommendationStatus.SENT);
        values(y2023, Map.of(a, 25.0, b, 20.0, c, 30.0), Map.of(a, 20.0, b, 40.0, c, 60.0));
        Recommendations.Outcome outcome = generate();
        assertEquals(List.of("Школа A", "Школа B"), texts());
        assertEquals(0, outcome.removed());
    }

    @Test
    void changeAgainstThePreviousPeriodCanBeUsed() {
        rule("R1", AddresseeKind.SCHOOL, "change < 0", "{school}: {previous} → {value} ({change})");
        generate();
        assertEquals(List.of("Школа A: 15 → 10 (-5)"), texts());
    }

    @Test
    void levelAndRiskGroupRules() {
        RecommendationRule level = rule("R2", AddresseeKind.LEVEL, "overall_median < threshold",
                "медиана {median} ниже порога {threshold}");
        level.setThreshold(25.0);
        level.setLevel(ManagementLevel.MUNICIPAL);
        RiskGroup group = F.createRiskGroup();
        group.setCode("ШНОР");
        group.setConsecutivePeriods(1);
        group.getIndicators().add(i);
        system.getRiskGroups().add(group);
        RecommendationRule risk = rule("R3", AddresseeKind.RISK_GROUP, null, "{group}: {count} — {schools}");
        risk.setIndicator(null);
        risk.setRiskGroup(group);
        Recommendations.Outcome outcome = generate();
        assertEquals(List.of(), outcome.problems());
        assertEquals(List.of("медиана 20 ниже порога 25", "ШНОР: 1 — A"), texts());
        Recommendation toLevel = system.getRecommendations().get(0);
        assertEquals(ManagementLevel.MUNICIPAL, toLevel.getAddresseeLevel());
        assertTrue(toLevel.getAddresseeSchools().isEmpty());
        Recommendation toGroup = system.getRecommendations().get(1);
        assertEquals(group, toGroup.getAddresseeGroup());
        assertEquals(List.of(a), toGroup.getAddresseeSchools(), "the group's schools see it");
        generate();
        assertEquals(2, system.getRecommendations().size());
    }

    @Test
    void aBrokenConditionIsReportedWithTheRuleAndOtherRulesStillRun() {
        rule("BROKEN", AddresseeKind.SCHOOL, "value <", "x");
        rule("R1", AddresseeKind.SCHOOL, "value > median", "{school}");
        Recommendations.Outcome outcome = generate();
        assertEquals(1, outcome.problems().size());
        assertTrue(outcome.problems().get(0).contains("BROKEN"), outcome.problems().get(0));
        assertEquals(List.of("Школа C"), texts());
    }

    @Test
    void effectivenessComparesSchoolsWithAndWithoutTheMeasure() {
        // I: 2022 A=15 B=20 C=30, 2023 A=10 B=20 C=30 -> A -5, others 0
        values(y2023, Map.of(a, 21.0, b, 21.0, c, 29.0), Map.of(a, 20.0, b, 40.0, c, 60.0));
        Measure measure = F.createMeasure();
        measure.setNumber("1");
        measure.setPeriod(y2023);
        measure.getTargetSchools().add(a);
        measure.getTargetIndicators().add(i);
        system.getMeasures().add(measure);
        Effectiveness.Analysis analysis = Effectiveness.analyse(system, y2023, List.of());
        assertEquals(1, analysis.rows().size());
        Effectiveness.Row row = analysis.rows().get(0);
        assertEquals(1, row.withSchools());
        assertEquals(6.0, row.withChange().getAsDouble(), 1e-9); // 15 -> 21
        assertEquals(2, row.withoutSchools());
        assertEquals(0.0, row.withoutChange().getAsDouble(), 1e-9); // +1 and -1
        assertEquals(6.0, row.effect().getAsDouble(), 1e-9);
        assertTrue(row.effective());
        assertEquals(1, Effectiveness.store(analysis));
        assertTrue(measure.getEffectiveness().contains("+6"), measure.getEffectiveness());

        i.setHigherIsBetter(false);
        assertFalse(Effectiveness.analyse(system, y2023, List.of()).rows().get(0).effective(),
                "a rise of a lower-is-better indicator is not an improvement");
        measure.setPeriod(y2022);
        assertEquals(List.of(), Effectiveness.analyse(system, y2023, List.of()).rows(),
                "only the measures of the period");
    }

    @Test
    void correlationOfTwoIndicatorsOverSchoolsWithBothValues() {
        List<IndicatorResult> results = MonitoringEngine.compute(system, y2023);
        // 2023: x = 10, 20, 30 and y = 20, 40, 60: exactly linear
        Correlation.Result linear = Correlation.of(results.get(0), results.get(1));
        assertEquals(3, linear.schools());
        assertEquals(1.0, linear.pearson().getAsDouble(), 1e-12);
        assertEquals(1.0, linear.spearman().getAsDouble(), 1e-12);
        // monotone but not linear: Spearman stays 1, Pearson drops below
        values(y2023, Map.of(a, 1.0, b, 2.0, c, 3.0), Map.of(a, 1.0, b, 2.0, c, 100.0));
        results = MonitoringEngine.compute(system, y2023);
        Correlation.Result monotone = Correlation.of(results.get(0), results.get(1));
        assertEquals(1.0, monotone.spearman().getAsDouble(), 1e-12);
        assertTrue(monotone.pearson().getAsDouble() < 0.9);
    }
}
