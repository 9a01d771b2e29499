package oko.core.fixes;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.model.Period;

/**
 * A remedy for a problem with an obvious fix (Capella's quick fixes): a validation rule's finding
 * ({@code OKO-…} rule id) or a gap of the management cycle ({@code OKO-EV-…} check id) on an object.
 * Contributed on the extension point {@code oko.core.quickfixes}; listed by {@link QuickFixes}.
 * <p>
 * CONTRACT (issue 21): signatures fixed by the lead; implemented on branch h-fixes. Added on h-fixes:
 * {@link #problems()}, {@link #parameter()} and {@link #create(EditingDomain, List, Context)} for the
 * fixes that need a period (the cycle's gaps) or a value typed by the user (a publication link).
 */
public interface QuickFix {

    /** Stable id, e.g. {@code OKO-FIX-GOAL-INDICATOR}; documented beside the rule it fixes. */
    String id();

    /** The label in the current locale, e.g. «Связать цель с показателем». */
    String label();

    /** Whether this fix remedies the problem {@code problemId} on {@code target}. */
    boolean accepts(String problemId, EObject target);

    /**
     * One command that fixes every target (all accepted by this fix), executed on the domain's command
     * stack so it is undone and redone as one; {@code null} when nothing can be done.
     */
    Command create(EditingDomain domain, List<EObject> targets);

    /** The ids of the problems this fix may remedy (rule ids, check ids), for documentation and menus. */
    default List<String> problems() {
        return List.of();
    }

    /**
     * The value this fix asks the user for before it is applied, or {@code null} when it needs none.
     * {@link #create(EditingDomain, List)} then uses the parameter's default, and returns {@code null}
     * when there is no default.
     */
    default Parameter parameter() {
        return null;
    }

    /**
     * Like {@link #create(EditingDomain, List)} with what the fix may need beyond its targets: the
     * period of the cycle being looked at, the value the user gave for {@link #parameter()}.
     */
    default Command create(EditingDomain domain, List<EObject> targets, Context context) {
        return create(domain, targets);
    }

    /**
     * What a fix is applied with. {@code period}: the period of the cycle evidence (the dashboard's),
     * or {@code null} for the fix's own choice (see docs/validation.md); {@code value}: the value for
     * {@link QuickFix#parameter()}, or {@code null} for its default.
     */
    record Context(Period period, String value) {
        /** No period, no value: the fix's own choices. */
        public static final Context NONE = new Context(null, null);
    }

    /** A value asked from the user: its label, its default for the targets, and its check. */
    interface Parameter {

        /** The label of the value, in the current locale (e.g. «Адрес раздела документов на сайте»). */
        String label();

        /** The value proposed for these targets, or {@code null} when the model gives none. */
        String defaultValue(List<EObject> targets);

        /** {@code null} when {@code value} is acceptable, else what is wrong and what to do, in the current locale. */
        String check(String value);
    }
}
