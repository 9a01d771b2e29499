package oko.core.fixes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.ecore.EObject;

/**
 * The contributed quick fixes: elements {@code fix} of the extension point {@code oko.core.quickfixes}
 * from any bundle, read once. A fix whose class cannot be made is logged and left out; a fix that fails
 * when asked is logged and counts as not accepting.
 * <p>
 * CONTRACT (issue 21): signatures fixed by the lead; implemented on branch h-fixes.
 */
public final class QuickFixes {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "oko.core.quickfixes";

    private static List<QuickFix> fixes;

    private QuickFixes() {
    }

    /** Every contributed fix, in id order. */
    public static synchronized List<QuickFix> all() {
        if (fixes == null) {
            List<QuickFix> found = new ArrayList<>();
            if (Platform.getExtensionRegistry() != null) {
                for (IConfigurationElement element : Platform.getExtensionRegistry()
                        .getConfigurationElementsFor(EXTENSION_POINT)) {
                    if (!"fix".equals(element.getName())) {
                        continue;
                    }
                    String bundle = element.getContributor().getName();
                    try {
                        found.add((QuickFix) element.createExecutableExtension("class"));
                    } catch (CoreException | ClassCastException e) {
                        ILog.of(QuickFixes.class).error(bundle + ": quick fix " + element.getAttribute("class")
                                + " cannot be made: " + e.getMessage(), e);
                    }
                }
            }
            found.sort(Comparator.comparing(QuickFix::id));
            fixes = List.copyOf(found);
        }
        return fixes;
    }

    /** The fix of that id. */
    public static Optional<QuickFix> byId(String id) {
        return all().stream().filter(fix -> fix.id().equals(id)).findFirst();
    }

    /** The fixes for the problem {@code problemId} on {@code target}, in id order. */
    public static List<QuickFix> forProblem(String problemId, EObject target) {
        return all().stream().filter(fix -> accepts(fix, problemId, target)).toList();
    }

    /**
     * The fixes that accept every one of {@code problems} (problem id to its object; several entries may
     * share an id or an object), in id order; none for no problems.
     */
    public static List<QuickFix> forProblems(List<Map.Entry<String, EObject>> problems) {
        if (problems.isEmpty()) {
            return List.of();
        }
        return all().stream()
                .filter(fix -> problems.stream().allMatch(problem -> accepts(fix, problem.getKey(), problem.getValue())))
                .toList();
    }

    private static boolean accepts(QuickFix fix, String problemId, EObject target) {
        if (problemId == null || target == null) {
            return false;
        }
        try {
            return fix.accepts(problemId, target);
        } catch (RuntimeException e) {
            ILog.of(QuickFixes.class).error("quick fix " + fix.id() + " failed on " + problemId + " of " + target, e);
            return false;
        }
    }
}
