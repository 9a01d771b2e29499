package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import oko.core.formula.FormulaValue;
import oko.model.Cluster;
import oko.model.Indicator;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.IndicatorWeight;
import oko.model.RiskComparison;
import oko.model.RiskGroup;
import oko.model.RiskGroupKind;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.ResultWriter;
import oko.monitoring.RiskGroups;

/** The engine on a small model whose results are worked out by hand in the comments. */
class MonitoringEngineTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();
    private final Monitoring monitoring = F.createMonitoring();
    private final Map<String, Organisation> schools = new HashMap<>();
    private final Cluster city = cluster("city");
    private final Cluster rural = cluster("rural");
    private final Period y2022 = period("2022", null);
    private final Period y2023 = period("2023", y2022);
    private final Indicator passRate = indicator("1", "share(passed, total)", true);
    private final Indicator doubled = indicator("2", "[1] * 2", true);

    MonitoringEngineTest() {
        root.getQualitySystems().add(system);
        system.getMonitorings().add(monitoring);
        monitoring.getIndicators().add(passRate);
        monitoring.getIndicators().add(doubled);
        school("S1", city);
        school("S2", city);
        school("S3", city);
        school("S4", rural);
        school("S5", rural);
        // 2023: pass rates S1 50, S2 80, S3 80, S4 no value (total 0), S5 40
        run(y2023, Map.of("S1", new int[] { 5, 10 }, "S2", new int[] { 8, 10 }, "S3", new int[] { 4, 5 },
                "S4", new int[] { 0, 0 }, "S5", new int[] { 2, 5 }));
        // 2022: S1 40, S2 90, S3 70, S4 50, S5 60
        run(y2022, Map.of("S1", new int[] { 4, 10 }, "S2", new int[] { 9, 10 }, "S3", new int[] { 7, 10 },
                "S4", new int[] { 5, 10 }, "S5", new int[] { 6, 10 }));
    }

    private Cluster cluster(String code) {
        Cluster cluster = F.createCluster();
        cluster.setCode(code);
        root.getClusters().add(cluster);
        return cluster;
    }

    private Period period(String code, Period previous) {
        Period period = F.createPeriod();
        period.setCode(code);
        period.setPrevious(previous);
        root.getPeriods().add(period);
        return period;
    }

    private Indicator indicator(String code, String formula, boolean higherIsBetter) {
        Indicator indicator = F.createIndicator();
        indicator.setCode(code);
        indicator.setFormula(formula);
        indicator.setHigherIsBetter(higherIsBetter);
        system.getIndicators().add(indicator);
        return indicator;
    }

    private void school(String code, Cluster cluster) {
        Organisation school = F.createOrganisation();
        school.setCode(code);
        school.setCluster(cluster);
        root.getOrganisations().add(school);
        schools.put(code, school);
    }

    private void run(Period period, Map<String, int[]> passedAndTotal) {
        MonitoringRun run = F.createMonitoringRun();
        run.setPeriod(period);
        monitoring.getRuns().add(run);
        passedAndTotal.forEach((code, pt) -> {
            run.getRawValues().add(raw(code, "passed", pt[0]));
            run.getRawValues().add(raw(code, "total", pt[1]));
        });
    }

    private RawValue raw(String school, String code, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(schools.get(school));
        raw.setCode(code);
        raw.setValue(value);
        return raw;
    }

    private static MonitoringEngine.SchoolResult of(IndicatorResult result, Organisation school) {
        return result.schools().stream().filter(s -> s.school() == school).findFirst().orElseThrow();
    }

    @Test
    void valuesRanksScoresAndGroupStatistics() {
        List<IndicatorResult> results = MonitoringEngine.compute(system, y2023);
        assertEquals(List.of(passRate, doubled), results.stream().map(IndicatorResult::indicator).toList());
        IndicatorResult rate = results.get(0);
        assertEquals(FormulaValue.of(50), of(rate, schools.get("S1")).value());
        assertEquals(FormulaValue.of(80), of(rate, schools.get("S3")).value());
        MonitoringEngine.SchoolResult s4 = of(rate, schools.get("S4"));
        assertFalse(s4.value().present(), "share of zero must give no value");
        assertNull(s4.rank());
        // ranks among 80, 80, 50, 40: S2 1, S3 1, S1 3, S5 4
        assertEquals(1, of(rate, schools.get("S2")).rank());
        assertEquals(1, of(rate, schools.get("S3")).rank());
        assertEquals(3, of(rate, schools.get("S1")).rank());
        assertEquals(4, of(rate, schools.get("S5")).rank());
        // scores: (v - 40) / (80 - 40) * 100
        assertEquals(25.0, of(rate, schools.get("S1")).scaled(), 1e-9);
        assertEquals(0.0, of(rate, schools.get("S5")).scaled(), 1e-9);
        // overall median of 40, 50, 80, 80 = 65; mean 62.5; city median of 50, 80, 80 = 80; rural only S5 = 40
        assertEquals(65.0, rate.overall().median().getAsDouble(), 1e-9);
        assertEquals(62.5, rate.overall().mean().getAsDouble(), 1e-9);
        assertEquals(4, rate.overall().schools());
        assertEquals(80.0, rate.clusters().get(city).median().getAsDouble(), 1e-9);
        assertEquals(40.0, rate.clusters().get(rural).median().getAsDouble(), 1e-9);
        // the indicator referring to another: twice the pass rate; no value stays no value
        assertEquals(FormulaValue.of(100), of(results.get(1), schools.get("S1")).value());
        assertFalse(of(results.get(1), schools.get("S4")).value().present());
    }

    @Test
    void brokenFormulasAndCyclesGiveNoValueWithAReason() {
        Indicator broken = indicator("3", "share(passed,", true);
        Indicator a = indicator("4", "[5] + 1", true);
        indicator("5", "[4] + 1", true);
        List<IndicatorResult> results = MonitoringEngine.compute(system, y2023);
        IndicatorResult brokenResult = results.stream().filter(r -> r.indicator() == broken).findFirst().orElseThrow();
        assertTrue(brokenResult.schools().stream().noneMatch(s -> s.value().present()));
        IndicatorResult cyclic = results.stream().filter(r -> r.indicator() == a).findFirst().orElseThrow();
        assertTrue(cyclic.schools().stream().allMatch(s -> !s.value().present() && s.value().reason().contains("4")),
                cyclic.schools().toString());
    }

    @Test
    void lowResultsInTwoConsecutivePeriodsMakeTheRiskListWithItsDynamics() {
        RiskGroup low = F.createRiskGroup();
        low.setCode("ШНОР");
        low.getIndicators().add(passRate);
        system.getRiskGroups().add(low);
        // 2023 cluster medians: city 80, rural 40 -> below: S1 (50 < 80); S5 is the rural median itself.
        // 2022 cluster medians: city 70, rural 55 -> below: S1 (40), S4 (50).
        // 2021 does not exist, so 2022's list is empty; 2023: S1 low in 2023 and 2022.
        RiskGroups.RiskListResult list = RiskGroups.compute(system, y2023).get(0);
        assertEquals(Set.of(schools.get("S1")), list.schools());
        assertEquals(Set.of(schools.get("S1")), list.entered());
        assertEquals(Set.of(), list.left());
        low.setConsecutivePeriods(1);
        RiskGroups.RiskListResult oneYear = RiskGroups.compute(system, y2023).get(0);
        assertEquals(Set.of(schools.get("S1")), oneYear.schools());
        RiskGroups.RiskListResult before = RiskGroups.compute(system, y2022).get(0);
        assertEquals(Set.of(schools.get("S1"), schools.get("S4")), before.schools());
        assertEquals(Set.of(schools.get("S4")), oneYear.left());
        assertEquals(Set.of(schools.get("S1")), oneYear.stayed());
    }

    private RiskGroup group(String code, RiskGroupKind kind, int consecutivePeriods, Indicator... indicators) {
        RiskGroup group = F.createRiskGroup();
        group.setCode(code);
        group.setKind(kind);
        group.setConsecutivePeriods(consecutivePeriods);
        group.getIndicators().addAll(List.of(indicators));
        system.getRiskGroups().add(group);
        return group;
    }

    private Set<Organisation> members(RiskGroup group, Period period) {
        return RiskGroups.compute(system, period).stream().filter(l -> l.group() == group).findFirst().orElseThrow()
                .schools();
    }

    private Set<Organisation> schools(String... codes) {
        return java.util.Arrays.stream(codes).map(schools::get).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void theComparisonOfAGroupBelowTheClusterIsTheModels() {
        RiskGroup group = group("Г", RiskGroupKind.BELOW_CLUSTER, 1, passRate);
        // 2023: city S1 50, S2 80, S3 80 (median 80, mean 70); rural S4 none, S5 40 (alone)
        group.setComparison(RiskComparison.CLUSTER_MEAN);
        assertEquals(schools("S1"), members(group, y2023), "50 < 70; S5 is its cluster's mean itself");
        // 2022: city S1 40, S2 90, S3 70; rural S4 50, S5 60: worse than every other school of the cluster
        group.setComparison(RiskComparison.EVERY_SCHOOL_OF_CLUSTER);
        assertEquals(schools("S1", "S4"), members(group, y2022));
        assertEquals(schools("S1"), members(group, y2023), "S5 has no other school with a value to compare with");
        group.setComparison(RiskComparison.FIXED_THRESHOLD);
        group.setThreshold(45.0);
        assertEquals(schools("S5"), members(group, y2023), "only 40 < 45");
        group.setThreshold(null);
        assertEquals(Set.of(), members(group, y2023), "nothing to compare with");
    }

    @Test
    void aThresholdGroupWeighsItsIndicators() {
        // threshold 90: 2023 pass rates S1 50, S2 80, S3 80, S5 40 are all below, doubled 100, 160, 160, 80:
        // only S5's 80 is below
        RiskGroup group = group("Г", RiskGroupKind.THRESHOLD, 1, passRate, doubled);
        group.setThreshold(90.0);
        assertEquals(schools("S1", "S2", "S3", "S5"), members(group, y2023), "half of the indicators, weight 1");
        IndicatorWeight light = F.createIndicatorWeight();
        light.setIndicator(passRate);
        light.setWeight(1);
        IndicatorWeight heavy = F.createIndicatorWeight();
        heavy.setIndicator(doubled);
        heavy.setWeight(3);
        group.getWeights().addAll(List.of(light, heavy));
        assertEquals(schools("S5"), members(group, y2023), "1 of 4 is less than half; S5 4 of 4");
        group.setIndicatorShare(0.25);
        assertEquals(schools("S1", "S2", "S3", "S5"), members(group, y2023));
    }

    @Test
    void aSocialIndexGroupIsChosenByItsKindNotItsCode() {
        // no threshold: flagged when worse than the median of all schools — 2023 {50, 80, 80, 40}: 65 -> S1, S5;
        // 2022 {40, 90, 70, 50, 60}: 60 -> S1, S4
        RiskGroup group = group("ШНОР", RiskGroupKind.SOCIAL_INDEX, 1, passRate);
        assertEquals(schools("S1", "S5"), members(group, y2023));
        assertEquals(schools("S1", "S4"), members(group, y2022));
        group.setConsecutivePeriods(2);
        assertEquals(schools("S1"), members(group, y2023), "flagged in 2023 and 2022");
        group.setConsecutivePeriods(1);
        group.setIndexThreshold(1.01);
        assertEquals(Set.of(), members(group, y2023));
    }

    @Test
    void storingTwiceReplacesInsteadOfDuplicating() {
        List<IndicatorResult> results = MonitoringEngine.compute(system, y2023);
        MonitoringRun run2023 = monitoring.getRuns().get(0);
        assertEquals(10, ResultWriter.storeValues(system, y2023, results));
        assertEquals(10, ResultWriter.storeValues(system, y2023, MonitoringEngine.compute(system, y2023)));
        assertEquals(10, run2023.getValues().size());
        assertTrue(run2023.getValues().stream().anyMatch(v -> v.isNoValue() && v.getNoValueReason() != null));
        assertTrue(monitoring.getRuns().get(1).getValues().isEmpty(), "2022 untouched");
    }
}
