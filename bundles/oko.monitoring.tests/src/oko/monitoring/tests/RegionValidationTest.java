package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import oko.core.formula.Aggregations;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.model.AggregationKind;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.QualitySystem;

/**
 * A regional system and aggregated indicators under the validation rules: the region of
 * {@link RegionModel} has no error and no aggregation finding; OKO-IND-06 and OKO-IND-07 fire on
 * what cannot be computed as meant, and stay quiet while a region is being set up.
 */
class RegionValidationTest {

    private final RegionModel model = new RegionModel();

    private List<Problem> problems() {
        return OkoValidation.validate(List.of(model.root), LocalDate.of(2024, 1, 15), null);
    }

    private List<String> findings(String rule, Indicator indicator) {
        return problems().stream().filter(p -> p.ruleId().equals(rule) && p.object() == indicator)
                .map(Problem::message).toList();
    }

    @Test
    void theRegionValidatesWithoutErrors() {
        List<Problem> problems = problems();
        assertEquals(List.of(), problems.stream().filter(Problem::isError).map(Problem::line).toList());
        // the test model names no data elements, so the formulas' raw codes are unknown (OKO-IND-05);
        // nothing else is reported
        assertEquals(List.of(), problems.stream().filter(p -> !p.ruleId().equals("OKO-IND-05"))
                .map(Problem::line).toList());
        assertEquals(Level.REGION, model.region.getLevel());
    }

    @Test
    void anUnknownCodeBelowTheRegionIsAnError() {
        Indicator wrong = Aggregations.create(model.region, "Р-X", "Доля ОМС …", AggregationKind.SHARE_MEETING_THRESHOLD,
                "9.9.9", null);
        List<String> messages = findings("OKO-IND-06", wrong);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("9.9.9"), messages.get(0));
    }

    @Test
    void aRegionWithNoMunicipalSystemYetIsNotWrong() {
        for (QualitySystem municipal : model.municipalities.values()) {
            municipal.setParentSystem(null);
        }
        Indicator pending = Aggregations.create(model.region, "Р-X", "Доля ОМС …",
                AggregationKind.SHARE_MEETING_THRESHOLD, "9.9.9", null);
        assertEquals(List.of(), findings("OKO-IND-06", pending));
    }

    @Test
    void noCodeOwnCodeAndNoOrganisationAreErrors() {
        QualitySystem a = model.municipalities.get("A");
        Indicator noCode = Aggregations.create(a, "N", "без кода", AggregationKind.MEAN, null, null);
        Indicator self = Aggregations.create(a, "S", "сам себя", AggregationKind.MEAN, "S", null);
        assertEquals(1, findings("OKO-IND-06", noCode).size());
        assertEquals(1, findings("OKO-IND-06", self).size());
        noCode.setCriteria(null);
        assertEquals(List.of(), findings("OKO-IND-01", noCode), "an aggregation is a calculation criterion");
        noCode.setAggregation(AggregationKind.NONE);
        assertEquals(1, findings("OKO-IND-01", noCode).size(), "neither text nor formula nor aggregation");
        model.region.setOrganisation(null);
        Indicator share = Aggregations.indicator(model.region, "Р-1.2.3");
        List<String> messages = findings("OKO-IND-06", share);
        assertEquals(1, messages.size(), messages.toString());
        assertTrue(messages.get(0).contains("region-rsoko"), messages.get(0));
    }

    @Test
    void aShareOverAnIndicatorWithoutThresholdIsAWarning() {
        QualitySystem a = model.municipalities.get("A");
        Indicator count = Aggregations.create(a, "1.2.1.1-count", "школ не ниже порога",
                AggregationKind.COUNT_MEETING_THRESHOLD, "1.2.1.1", null);
        assertEquals(1, findings("OKO-IND-07", count).size());
        Aggregations.indicator(a, "1.2.1.1").setThreshold(20.0);
        assertEquals(List.of(), findings("OKO-IND-07", count));
        // a flag needs no threshold: 1.2.5 over 1.2.5.1 is quiet (checked in theRegionValidatesWithoutErrors)
        count.setFormula("1");
        assertEquals(1, findings("OKO-IND-07", count).size(), "a formula an aggregation does not use");
    }
}
