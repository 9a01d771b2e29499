package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.resource.Resource;
import org.junit.jupiter.api.Test;

import oko.model.MonitoringRun;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.RiskGroups;
import oko.monitoring.Recommendations;
import oko.monitoring.Effectiveness;
import oko.model.Recommendation;

/** End to end on the sample model's illustrative monitoring data (bundles/oko.municipal/samples). */
class SampleMonitoringTest {

    private final Sample sample = new Sample();
    private final Resource seeds = sample.seeds;
    private final Resource illustrative = sample.illustrative;

    private RawValue raw(QualitySystem system, Period period, Organisation school, String code) {
        for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
            for (RawValue value : run.getRawValues()) {
                if (value.getOrganisation() == school && code.equals(value.getCode())) {
                    return value;
                }
            }
        }
        throw new AssertionError("no raw value " + code + " for " + school.getCode());
    }

    @Test
    void indicatorsOfTheObjectivityDirectionAreComputedFromTheRawValues() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2023 = (Period) illustrative.getEObject("per-2023");
        List<IndicatorResult> results = MonitoringEngine.compute(ishimbay, y2023);
        IndicatorResult highScorers = results.stream().filter(r -> "1.2.1.1".equals(r.indicator().getCode()))
                .findFirst().orElseThrow();
        assertEquals("share(ege_high_scorers, ege_graduates)", highScorers.indicator().getFormula());
        assertEquals(12, highScorers.schools().size(), "the 12 illustrative schools");
        Set<Integer> ranks = new HashSet<>();
        int withValue = 0;
        for (MonitoringEngine.SchoolResult school : highScorers.schools()) {
            RawValue scorers = raw(ishimbay, y2023, school.school(), "ege_high_scorers");
            RawValue graduates = raw(ishimbay, y2023, school.school(), "ege_graduates");
            if (scorers.isNoValue() || graduates.isNoValue()) {
                assertFalse(school.value().present(), school.school().getCode());
                String reason = (scorers.isNoValue() ? scorers : graduates).getNoValueReason();
                assertEquals(reason, school.value().reason());
                continue;
            }
            withValue++;
            double expected = scorers.getValue() / graduates.getValue() * 100;
            assertEquals(expected, school.value().number(), 1e-9, school.school().getCode());
            assertTrue(school.rank() >= 1 && school.rank() <= 12);
            ranks.add(school.rank());
            assertTrue(school.scaled() >= 0 && school.scaled() <= 100);
        }
        assertTrue(ranks.contains(1));
        assertTrue(withValue >= 8, "most schools have values");
        assertFalse(highScorers.clusters().isEmpty(), "the illustrative schools are in clusters");
    }

    @Test
    void riskListsAndTheirDynamicsAreConsistent() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2023 = (Period) illustrative.getEObject("per-2023");
        List<RiskGroups.RiskListResult> lists = RiskGroups.compute(ishimbay, y2023);
        assertEquals(List.of("ШНОР", "ШНСУ"), lists.stream().map(l -> l.group().getCode()).toList());
        for (RiskGroups.RiskListResult list : lists) {
            Set<Organisation> union = new HashSet<>(list.entered());
            union.addAll(list.stayed());
            assertEquals(list.schools(), union, list.group().getCode());
            assertTrue(list.left().stream().noneMatch(list.schools()::contains));
        }
        assertFalse(lists.get(0).schools().isEmpty() && lists.get(1).schools().isEmpty(),
                "the illustrative data are meant to show risk schools");
    }

    @Test
    void sampleRulesAddressTheSchoolsAboveTheirClusterMedianAndTheRiskGroupWithoutDuplicates() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2023 = (Period) illustrative.getEObject("per-2023");
        List<IndicatorResult> results = MonitoringEngine.computeWithPrevious(ishimbay, y2023);
        List<RiskGroups.RiskListResult> lists = RiskGroups.compute(ishimbay, y2023, results);
        Recommendations.Outcome outcome = Recommendations.generate(ishimbay, y2023, results, lists);
        assertEquals(List.of(), outcome.problems());

        IndicatorResult failed = results.stream().filter(r -> r.period() == y2023
                && "1.2.1.2".equals(r.indicator().getCode())).findFirst().orElseThrow();
        Set<Organisation> expected = new HashSet<>();
        for (MonitoringEngine.SchoolResult school : failed.schools()) {
            if (school.value().present() && school.value().number() > failed.clusterMedian(school.school()).getAsDouble()) {
                expected.add(school.school());
            }
        }
        assertFalse(expected.isEmpty());
        String seedText = ((Recommendation) seeds.getEObject("rec-1.2-3")).getText();
        Set<Organisation> addressed = new HashSet<>();
        for (Recommendation recommendation : outcome.recommendations()) {
            if ("1.2-Р1-ill".equals(recommendation.getRule().getCode())) {
                addressed.addAll(recommendation.getAddresseeSchools());
                assertTrue(recommendation.getText().contains(seedText), recommendation.getText());
                assertTrue(recommendation.getText().startsWith(recommendation.getAddresseeSchools().get(0).getName()));
            }
        }
        assertEquals(expected, addressed);
        Recommendation toShnor = outcome.recommendations().stream().filter(r -> r.getAddresseeGroup() != null)
                .findFirst().orElseThrow();
        assertEquals(lists.get(0).schools(), new HashSet<>(toShnor.getAddresseeSchools()));

        int before = outcome.recommendations().size();
        Recommendations.Outcome again = Recommendations.generate(ishimbay, y2023, results, lists);
        assertEquals(before, again.recommendations().size());
        assertEquals(0, again.created(), "no duplicates");
    }

    @Test
    void theSampleMeasureIsAnalysedAgainstThePreviousPeriod() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2023 = (Period) illustrative.getEObject("per-2023");
        Effectiveness.Analysis analysis = Effectiveness.analyse(ishimbay, y2023, List.of());
        assertEquals(2, analysis.rows().size(), "one measure on two indicators");
        assertEquals(1, analysis.directions().size());
        assertEquals("1.2", analysis.directions().get(0).direction().getCode());
        for (Effectiveness.Row row : analysis.rows()) {
            assertEquals(3, row.withSchools());
            assertTrue(row.effect().isPresent(), row.indicator().getCode());
        }
        Effectiveness.store(analysis);
        assertTrue(analysis.rows().get(0).measure().getEffectiveness().startsWith("2023 год: 1.2.1.1"));
    }
}
