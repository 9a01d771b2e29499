package oko.core.validation;

import org.eclipse.emf.common.util.Diagnostic;

import oko.core.internal.Messages;

/**
 * The validation rules of the Oko model. Each has a stable id used in messages, in the
 * documentation ({@code docs/validation.md}) and in tests; never renumber a rule, retire it.
 * Message templates are {@code rule_<ID>} in {@code oko/core/internal/messages*.properties};
 * {@code {0}} is always the object the diagnostic is about.
 */
public enum Rule {
    /** A direction describes some stages of the management cycle but not all six. */
    CYCLE_01("OKO-CYCLE-01", Diagnostic.ERROR),
    /** A stage names no one responsible: no duty of coordinator, executors or operator. */
    CYCLE_02("OKO-CYCLE-02", Diagnostic.ERROR),
    /** A direction has no management cycle described yet. */
    CYCLE_03("OKO-CYCLE-03", Diagnostic.WARNING),
    /** Two stages of one direction are the same stage of the cycle. */
    CYCLE_04("OKO-CYCLE-04", Diagnostic.ERROR),
    /** A function has no responsible role (neither its own nor its section's). */
    FUNC_01("OKO-FUNC-01", Diagnostic.ERROR),
    /** A function has no governing document (neither its own nor its section's). */
    FUNC_02("OKO-FUNC-02", Diagnostic.ERROR),
    /** An indicator has no calculation criteria: neither text nor formula. */
    IND_01("OKO-IND-01", Diagnostic.ERROR),
    /** An indicator names no data source: neither an information system nor a source text. */
    IND_02("OKO-IND-02", Diagnostic.ERROR),
    /** An indicator names no one responsible for it. */
    IND_03("OKO-IND-03", Diagnostic.ERROR),
    /** An indicator's formula does not parse. */
    IND_04("OKO-IND-04", Diagnostic.ERROR),
    /** An indicator's formula refers to a raw measure or indicator the system does not have. */
    IND_05("OKO-IND-05", Diagnostic.WARNING),
    /**
     * An aggregated indicator cannot be computed from the level below: no code of the indicator
     * below, its own code, a code no indicator below has, or a system without an organisation.
     */
    IND_06("OKO-IND-06", Diagnostic.ERROR),
    /**
     * An aggregated indicator will not compute as meant: it counts units meeting a threshold the
     * indicator below lacks (and it is no flag), or it has a formula that is not used.
     */
    IND_07("OKO-IND-07", Diagnostic.WARNING),
    /** A relative deadline refers to no item (and names no outside event). */
    PLAN_01("OKO-PLAN-01", Diagnostic.ERROR),
    /** Relative deadlines refer to each other in a cycle. */
    PLAN_02("OKO-PLAN-02", Diagnostic.ERROR),
    /** A working group has no chair. */
    WG_01("OKO-WG-01", Diagnostic.ERROR),
    /** A working group has no secretary. */
    WG_02("OKO-WG-02", Diagnostic.ERROR),
    /** A decision is recorded (votes entered or marked adopted) at a meeting without quorum. */
    WG_03("OKO-WG-03", Diagnostic.ERROR),
    /** A decision's adopted flag differs from what the votes carry under the group's rules. */
    WG_04("OKO-WG-04", Diagnostic.ERROR),
    /** A held meeting's protocol is missing after its due date, or is dated later than that. */
    WG_05("OKO-WG-05", Diagnostic.WARNING),
    /** Fewer meetings held in a finished year than the rules' minimum. */
    WG_06("OKO-WG-06", Diagnostic.WARNING),
    /** More votes (for + against + abstained) than members present. */
    WG_07("OKO-WG-07", Diagnostic.ERROR),
    /** The one presiding is not a member of the group or not present. */
    WG_08("OKO-WG-08", Diagnostic.ERROR),
    /** A published document has no publication link. */
    DOC_01("OKO-DOC-01", Diagnostic.ERROR),
    /** A recommendation rule's condition does not parse or names a value rules do not have. */
    REC_01("OKO-REC-01", Diagnostic.ERROR),
    /** A recommendation rule lacks what its addressee needs: an indicator, or a risk group. */
    REC_02("OKO-REC-02", Diagnostic.ERROR),
    /** A recommendation rule's template has a placeholder rules do not fill. */
    REC_03("OKO-REC-03", Diagnostic.WARNING),
    /** A risk group's share of indicators or index threshold is outside 0…1. */
    RISK_01("OKO-RISK-01", Diagnostic.ERROR),
    /** A risk group's number of consecutive periods is below 1. */
    RISK_02("OKO-RISK-02", Diagnostic.ERROR),
    /** A risk group compared with a fixed threshold has none. */
    RISK_03("OKO-RISK-03", Diagnostic.ERROR),
    /** A risk group's indicator weight is negative or names no indicator of the group. */
    RISK_04("OKO-RISK-04", Diagnostic.ERROR),
    /** Two objects of the same kind in the same list of the same container have one code. */
    CODE_01("OKO-CODE-01", Diagnostic.ERROR),
    /** A participation of a function in RACI terms (A, S, C, I) names no role. */
    FUNC_03("OKO-FUNC-03", Diagnostic.ERROR);

    private final String id;
    private final int severity;

    Rule(String id, int severity) {
        this.id = id;
        this.severity = severity;
    }

    /** The stable id, e.g. {@code OKO-CYCLE-01}. */
    public String id() {
        return id;
    }

    /** {@link Diagnostic#ERROR}, {@link Diagnostic#WARNING} or {@link Diagnostic#INFO}. */
    public int severity() {
        return severity;
    }

    /** The message template in the current language. */
    public String template() {
        try {
            return (String) Messages.class.getField("rule_" + name()).get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no message for rule " + id, e);
        }
    }

    /** The rule with this id, or {@code null}. */
    public static Rule byId(String id) {
        for (Rule rule : values()) {
            if (rule.id.equals(id)) {
                return rule;
            }
        }
        return null;
    }
}
