package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import oko.core.formula.Aggregations;
import oko.model.AggregationKind;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.MonitoringRun;
import oko.model.Organisation;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.MonitoringService;

/**
 * Indicators of a higher level computed from the level below (issue 22): a municipality's from its
 * schools' values, a region's from its municipalities'. The figures are worked out by hand from
 * the table in {@link RegionModel}.
 */
class RegionAggregationTest {

    private final RegionModel model = new RegionModel();

    private static IndicatorResult result(List<IndicatorResult> results, String code) {
        return results.stream().filter(r -> code.equals(r.indicator().getCode())).findFirst().orElseThrow();
    }

    private static double valueOf(IndicatorResult result, Organisation organisation) {
        assertEquals(1, result.schools().size(), "an aggregated indicator has one value, the system's organisation's");
        assertTrue(result.value(organisation).isPresent(), result.indicator().getCode() + " has no value: "
                + result.schools().get(0).value());
        return result.value(organisation).getAsDouble();
    }

    @Test
    void municipalShareOfSchoolsMeetingAFlagLeavesOutTheSchoolWithoutAValue() {
        QualitySystem a = model.municipalities.get("A");
        List<IndicatorResult> results = MonitoringEngine.compute(a, model.y2023);
        // 1.2.5.1 per school: A1 yes, A2 yes, A3 yes, A4 no (no recommendations), A5 no value
        // (diagnostics_done not submitted). 1.2.5 = schools meeting ÷ schools with a value × 100
        // = 3 ÷ 4 × 100 = 75 %; coverage 4 of 5, A5 left out.
        IndicatorResult share = result(results, "1.2.5");
        assertEquals(75.0, valueOf(share, a.getOrganisation()), 1e-9);
        MonitoringEngine.Aggregate aggregate = share.aggregate();
        assertNotNull(aggregate);
        assertEquals(AggregationKind.SHARE_MEETING_THRESHOLD, aggregate.kind());
        assertEquals(5, aggregate.units());
        assertEquals(4, aggregate.withValue());
        assertEquals(3, aggregate.meeting());
        assertEquals(List.of("A5"), List.copyOf(aggregate.withoutValue().keySet()));
        assertEquals(80.0, aggregate.coverage(), 1e-9); // 4 ÷ 5 × 100
        // the per-school indicator is untouched: five schools, no value for the authority
        IndicatorResult flag = result(results, "1.2.5.1");
        assertNull(flag.aggregate());
        assertEquals(5, flag.schools().size());
        assertFalse(flag.bySchool().containsKey(a.getOrganisation()));
    }

    @Test
    void municipalMeanAndMedianOfSchools() {
        QualitySystem a = model.municipalities.get("A");
        List<IndicatorResult> results = MonitoringEngine.compute(a, model.y2023);
        // 1.2.1.1 per school: A1 10/50 = 20, A2 5/50 = 10, A3 30/50 = 60, A4 8/40 = 20, A5 3/0 no value.
        // mean = (20 + 10 + 60 + 20) ÷ 4 = 110 ÷ 4 = 27.5; median of 10, 20, 20, 60 = (20 + 20) ÷ 2 = 20
        assertEquals(27.5, valueOf(result(results, "1.2.1.1-mean"), a.getOrganisation()), 1e-9);
        assertEquals(20.0, valueOf(result(results, "1.2.1.1-median"), a.getOrganisation()), 1e-9);
        assertNull(result(results, "1.2.1.1-mean").aggregate().meeting(), "a mean counts no one meeting anything");
        // B: 20/40 = 50, 10/40 = 25 → mean 37.5, median (25 + 50) ÷ 2 = 37.5
        QualitySystem b = model.municipalities.get("B");
        List<IndicatorResult> bResults = MonitoringEngine.compute(b, model.y2023);
        assertEquals(37.5, valueOf(result(bResults, "1.2.1.1-mean"), b.getOrganisation()), 1e-9);
        // C: 25, 10, 20 → median 20, mean 55 ÷ 3
        QualitySystem c = model.municipalities.get("C");
        List<IndicatorResult> cResults = MonitoringEngine.compute(c, model.y2023);
        assertEquals(20.0, valueOf(result(cResults, "1.2.1.1-median"), c.getOrganisation()), 1e-9);
        assertEquals(55.0 / 3, valueOf(result(cResults, "1.2.1.1-mean"), c.getOrganisation()), 1e-9);
    }

    @Test
    void regionalShareOfMunicipalitiesAndMeanOfTheirShares() {
        List<IndicatorResult> results = MonitoringEngine.compute(model.region, model.y2023);
        // 1.2.3 per authority (all three flags published): A 1·1·1 = yes, B 1·0·1 = no, C 1·1·1 = yes
        // Р-1.2.3 = 2 ÷ 3 × 100 = 66.67 %
        IndicatorResult share = result(results, "Р-1.2.3");
        assertEquals(200.0 / 3, valueOf(share, model.ministry), 1e-9);
        assertEquals(3, share.aggregate().units());
        assertEquals(3, share.aggregate().withValue());
        assertEquals(2, share.aggregate().meeting());
        // 1.2.5 per municipality: A 3/4 = 75, B 2/2 = 100, C 1/3 = 33.33 (C2 0·0, C3 0·1 are no)
        // Р-1.2.5 = (75 + 100 + 100/3) ÷ 3 = 69.444…
        assertEquals((75 + 100 + 100.0 / 3) / 3, valueOf(result(results, "Р-1.2.5"), model.ministry), 1e-9);
    }

    @Test
    void aMunicipalityWithoutDataIsLeftOutOfTheRegionAndCountedInTheCoverage() {
        QualitySystem d = model.municipalityWithoutData();
        assertEquals(List.of("msoko-A", "msoko-B", "msoko-C", "msoko-D"),
                Aggregations.systemsBelow(model.region).stream().map(QualitySystem::getCode).toList());
        IndicatorResult share = result(MonitoringEngine.compute(model.region, model.y2023), "Р-1.2.3");
        // D has no values in 2023: still 2 meeting of 3 with a value = 66.67 %; coverage 3 of 4 = 75 %
        assertEquals(200.0 / 3, valueOf(share, model.ministry), 1e-9);
        assertEquals(4, share.aggregate().units());
        assertEquals(3, share.aggregate().withValue());
        assertEquals(75.0, share.aggregate().coverage(), 1e-9);
        assertEquals(List.of(d.getCode()), List.copyOf(share.aggregate().withoutValue().keySet()));
    }

    @Test
    void thresholdInTheIndicatorsDirection() {
        QualitySystem a = model.municipalities.get("A");
        Indicator ege = Aggregations.indicator(a, "1.2.1.1");
        Indicator count = Aggregations.create(a, "1.2.1.1-count", "школ с долей высокобальников не ниже 20 %",
                AggregationKind.COUNT_MEETING_THRESHOLD, "1.2.1.1", ege);
        // no threshold on a percentage: who meets it cannot be said → no value, with the reason
        IndicatorResult undecided = result(MonitoringEngine.compute(a, model.y2023), "1.2.1.1-count");
        assertFalse(undecided.value(a.getOrganisation()).isPresent());
        // threshold 20, higher is better: 20, 10, 60, 20 → A1, A3, A4 meet (≥ 20) = 3
        ege.setThreshold(20.0);
        assertEquals(3.0, valueOf(result(MonitoringEngine.compute(a, model.y2023), "1.2.1.1-count"),
                a.getOrganisation()), 1e-9);
        // lower is better: ≤ 20 → A1, A2, A4 = 3; threshold 15 → only A2 (10) = 1
        ege.setHigherIsBetter(false);
        ege.setThreshold(15.0);
        assertEquals(1.0, valueOf(result(MonitoringEngine.compute(a, model.y2023), "1.2.1.1-count"),
                a.getOrganisation()), 1e-9);
        assertEquals(AggregationKind.COUNT_MEETING_THRESHOLD, count.getAggregation());
    }

    @Test
    void computingTheRegionComputesAndStoresItsMunicipalitiesFirst() {
        MonitoringService.Computed computed = MonitoringService.compute(model.region, model.y2023);
        assertEquals(List.of("msoko-A", "msoko-B", "msoko-C"),
                computed.below().stream().map(c -> c.results().system().getCode()).toList());
        // municipality A stores 1.2.5 = 75 for its authority, with the coverage as the comment
        IndicatorValue a125 = stored(model.municipalities.get("A"), "1.2.5").get(model.organisation("UO-A"));
        assertNotNull(a125);
        assertEquals(75.0, a125.getValue(), 1e-9);
        assertTrue(a125.getComment().contains("4") && a125.getComment().contains("5")
                && a125.getComment().contains("A5"), a125.getComment());
        // the region had no run of 2023: one is created and holds the ministry's two values
        Map<Organisation, IndicatorValue> share = stored(model.region, "Р-1.2.3");
        assertEquals(1, share.size());
        assertEquals(200.0 / 3, share.get(model.ministry).getValue(), 1e-9);
        assertEquals(1, model.region.getMonitorings().get(0).getRuns().size());
        // computing again replaces, never duplicates
        MonitoringService.compute(model.region, model.y2023);
        assertEquals(1, model.region.getMonitorings().get(0).getRuns().size());
        assertEquals(2, model.region.getMonitorings().get(0).getRuns().get(0).getValues().size());
        assertEquals(1, stored(model.municipalities.get("A"), "1.2.5").size());
    }

    private Map<Organisation, IndicatorValue> stored(QualitySystem system, String code) {
        Map<Organisation, IndicatorValue> values = new java.util.LinkedHashMap<>();
        for (MonitoringRun run : system.getMonitorings().get(0).getRuns()) {
            if (run.getPeriod() == model.y2023) {
                for (IndicatorValue value : run.getValues()) {
                    if (code.equals(value.getIndicator().getCode())) {
                        values.put(value.getOrganisation(), value);
                    }
                }
            }
        }
        return values;
    }
}
