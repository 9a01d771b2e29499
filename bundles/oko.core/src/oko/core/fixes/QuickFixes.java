package oko.core.fixes;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

/**
 * The contributed quick fixes.
 * <p>
 * CONTRACT (issue 21): signatures fixed by the lead; implemented on branch h-fixes.
 */
public final class QuickFixes {

    private QuickFixes() {
    }

    /** Every contributed fix, in id order. */
    public static List<QuickFix> all() {
        throw new UnsupportedOperationException("h-fixes");
    }

    /** The fixes for the problem {@code problemId} on {@code target}, in id order. */
    public static List<QuickFix> forProblem(String problemId, EObject target) {
        throw new UnsupportedOperationException("h-fixes");
    }
}
