package oko.core.fixes;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * A remedy for a problem with an obvious fix (Capella's quick fixes): a validation rule's finding
 * ({@code OKO-…} rule id) or a gap of the management cycle ({@code OKO-EV-…} check id) on an object.
 * Contributed on the extension point {@code oko.core.quickfixes}; listed by {@link QuickFixes}.
 * <p>
 * CONTRACT (issue 21): signatures fixed by the lead; implemented on branch h-fixes.
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
}
