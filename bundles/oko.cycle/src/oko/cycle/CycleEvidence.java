package oko.cycle;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import oko.model.Direction;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;

/**
 * The state of every management cycle of a system in a period, computed from the model and its
 * data: for each direction and each of the six stages, named checks with stable ids (like
 * validation rules), their weights, states and the objects that are evidence or that lack
 * something; a score 0–100 per stage and direction and the direction's cycle state. Also what
 * needs attention now. Pure functions of the model (read inside any CDO view); nothing is changed.
 * <p>
 * CONTRACT (issue 21): types and signatures fixed by the lead; implemented on branch h-cycle.
 * Ids look like {@code OKO-EV-1.1} (stage 1, first check); see {@code docs/cycle.md}.
 */
public final class CycleEvidence {

    private CycleEvidence() {
    }

    /** A check's state. */
    public enum CheckState {
        MET, PARTLY, MISSING
    }

    /** A direction's cycle. */
    public enum CycleState {
        /** All six stages have their evidence. */
        FULL,
        /** Some stages are described but lack evidence (which: {@link DirectionResult#incomplete()}). */
        INCOMPLETE,
        /** No management cycle described for the direction. */
        NOT_DESCRIBED
    }

    /** A named check: stable id, the stage it belongs to, its weight within the stage, its title in the current locale. */
    public record Check(String id, StageKind stage, double weight, String title) {
    }

    /**
     * A check's result: state, the fraction met (0…1; PARTLY between), a short reason in the current
     * locale (e.g. «2 из 3 целей без показателя»), the evidence objects and the objects lacking something.
     */
    public record CheckResult(Check check, CheckState state, double fraction, String reason, List<EObject> evidence,
            List<EObject> gaps) {
    }

    /** One stage of one direction: score 0–100 (weighted fractions) and its checks. */
    public record StageResult(StageKind stage, int score, List<CheckResult> checks) {
        /** The short reason shown in a dashboard cell (the first unmet check's reason, or «выполнено»). */
        public String reason() {
            throw new UnsupportedOperationException("h-cycle");
        }
    }

    /** One direction: its six stages in cycle order, score 0–100, state. */
    public record DirectionResult(Direction direction, Period period, int score, CycleState state,
            List<StageResult> stages) {
        /** The stages lacking evidence (empty for a full cycle). */
        public List<StageKind> incomplete() {
            throw new UnsupportedOperationException("h-cycle");
        }
    }

    /** Something that needs attention now. */
    public enum AttentionKind {
        OVERDUE_PLAN_ITEM, OVERDUE_MEASURE, PROTOCOL_DUE, PROTOCOL_OVERDUE, RECOMMENDATION_WITHOUT_MEASURE,
        RUN_MISSING_DATA
    }

    /** An attention item: kind, the object, a text in the current locale, the date concerned (due date) or null. */
    public record Attention(AttentionKind kind, EObject object, String text, LocalDate date) {
    }

    /** Every check, in stage and id order (ids and weights from the contributed weights file). */
    public static List<Check> checks() {
        throw new UnsupportedOperationException("h-cycle");
    }

    /** The cycle of each direction of {@code system} in {@code period} (model order), on {@code today}. */
    public static List<DirectionResult> evaluate(QualitySystem system, Period period, LocalDate today) {
        throw new UnsupportedOperationException("h-cycle");
    }

    /** The cycle of one direction. */
    public static DirectionResult evaluate(Direction direction, Period period, LocalDate today) {
        throw new UnsupportedOperationException("h-cycle");
    }

    /** What needs attention in {@code system} on {@code today}, most urgent first. */
    public static List<Attention> attention(QualitySystem system, Period period, LocalDate today) {
        throw new UnsupportedOperationException("h-cycle");
    }
}
