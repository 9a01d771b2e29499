package oko.cycle.tests;

import static oko.cycle.tests.CycleModel.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Properties;

import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.internal.Weights;
import oko.model.StageKind;

/** Weights and the full-cycle rule come from the files contributed to oko.cycle.weights; later files override. */
class WeightsTest {

    @AfterEach
    void readTheContributionsAgain() {
        Weights.use(null);
    }

    private static Properties defaults() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Platform.getBundle("oko.cycle").getEntry(Weights.DEFAULTS).openStream()) {
            properties.load(in);
        }
        return properties;
    }

    private static Properties of(String... keysAndValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    @Test
    void theContributedDefaultsAreInForce() {
        Weights weights = Weights.current();
        assertEquals(2, weights.weight("OKO-EV-1.2"));
        assertEquals(1, weights.weight("OKO-EV-1.1"));
        assertEquals(50, weights.minimumStageScore());
        assertEquals(2, weights.essentialWeight());
        assertTrue(weights.required("OKO-EV-6.1"));
        assertFalse(weights.required("OKO-EV-6.2"));
    }

    @Test
    void aLaterFileOverridesTheKeysItNames() throws IOException {
        CycleModel model = new CycleModel();
        model.p2025.setPrevious(null); // 6.3 missing: stage 6 = 100 × (1 + 2) / 5 = 60, incomplete (weight 2 missing)
        DirectionResult before = CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
        assertEquals(60, before.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(CycleState.INCOMPLETE, before.state());

        // a region: 6.3 weighs 1 and only weight ≥ 3 is essential
        Weights.use(Weights.merge(List.of(new Weights.Named("oko.cycle", defaults()),
                new Weights.Named("region", of("OKO-EV-6.3", "1", "full.essentialWeight", "3")))));
        assertEquals(1, CycleEvidence.check("OKO-EV-6.3").weight());
        assertEquals(2, CycleEvidence.check("OKO-EV-6.2").weight(), "a key the region does not name keeps its default");
        DirectionResult after = CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
        // 100 × (1 + 2) / 4 = 75; nothing of weight ≥ 3 missing: a full cycle
        assertEquals(75, after.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(CycleState.FULL, after.state());

        // a stricter region: every stage at least 80
        Weights.use(Weights.merge(List.of(new Weights.Named("oko.cycle", defaults()),
                new Weights.Named("region", of("full.minimumStageScore", "80", "OKO-EV-6.3", "0")))));
        // 6.3 weighs nothing: stage 6 = 100 × 3 / 3 = 100; a goal without anything: stage 1 = 81 (see CycleEvidenceTest)
        model.goal("4", null, model.p2024);
        DirectionResult strict = CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
        assertEquals(100, strict.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(81, strict.stage(StageKind.GOALS).score());
        assertEquals(CycleState.FULL, strict.state(), "81 ≥ 80");
        model.goal("5", null, model.p2024);
        // 2 of 4 goals bare: 100 × (1 + 2 + 2×0.5 + 0.5 + 0.5) / 7 = 500 / 7 = 71.4 → 71 < 80
        DirectionResult stricter = CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
        assertEquals(71, stricter.stage(StageKind.GOALS).score());
        assertEquals(List.of(StageKind.GOALS), stricter.incomplete());
    }

    @Test
    void aValueThatIsNotANumberIsIgnoredAndTheRequiredListReplaced() throws IOException {
        Weights weights = Weights.merge(List.of(new Weights.Named("oko.cycle", defaults()),
                new Weights.Named("region", of("OKO-EV-1.2", "много", "OKO-EV-1.3", "-1", "full.required", "OKO-EV-3.1, oops"))));
        assertEquals(2, weights.weight("OKO-EV-1.2"), "«много» is not a number: the default stays");
        assertEquals(2, weights.weight("OKO-EV-1.3"), "a negative weight is refused");
        assertTrue(weights.required("OKO-EV-3.1"));
        assertFalse(weights.required("OKO-EV-1.1"), "the region's list replaces the default one");
    }

    @Test
    void aStageNotDescribedIsNeverCompleteByDefault() {
        CycleModel model = new CycleModel();
        model.direction.getStages().remove(model.stage(StageKind.MONITORING));
        // 3.1 (weight 1) missing: 100 × 6 / 7 = 86 ≥ 50, but OKO-EV-3.1 is in full.required
        DirectionResult result = CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
        assertEquals(86, result.stage(StageKind.MONITORING).score());
        assertEquals(List.of(StageKind.MONITORING), result.incomplete());
        assertEquals(CycleState.INCOMPLETE, result.state());
    }
}
