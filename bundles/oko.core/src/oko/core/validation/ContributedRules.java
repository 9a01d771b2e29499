package oko.core.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;

import oko.core.modules.Modules;

/**
 * The validation rules of the installed modules (elements {@code rule} of {@code oko.core.modules}),
 * read once. A rule whose class cannot be made, or that fails, is logged and left out: a broken
 * module never stops validation.
 */
final class ContributedRules {

    /** A rule's stable id, carried in a diagnostic's data. */
    record Id(String value) {
    }

    record Contributed(Id id, int severity, String target, String bundle, ModelRule rule) {

        boolean covers(EClass type) {
            return type.getName().equals(target) || type.getEAllSuperTypes().stream().anyMatch(s -> s.getName().equals(target));
        }

        List<String> check(EObject object) {
            try {
                return rule.check(object);
            } catch (RuntimeException e) {
                ILog.of(ContributedRules.class).error(bundle + ": rule " + id.value() + " failed on " + object, e);
                return List.of();
            }
        }
    }

    private static List<Contributed> rules;

    private ContributedRules() {
    }

    static synchronized List<Contributed> all() {
        if (rules == null) {
            List<Contributed> found = new ArrayList<>();
            if (Platform.getExtensionRegistry() != null) {
                for (IConfigurationElement module : Platform.getExtensionRegistry()
                        .getConfigurationElementsFor(Modules.EXTENSION_POINT)) {
                    for (IConfigurationElement rule : module.getChildren("rule")) {
                        String bundle = rule.getContributor().getName();
                        try {
                            int severity = "warning".equals(String.valueOf(rule.getAttribute("severity")).toLowerCase(Locale.ROOT))
                                    ? Diagnostic.WARNING : Diagnostic.ERROR;
                            found.add(new Contributed(new Id(rule.getAttribute("id")), severity, rule.getAttribute("target"),
                                    bundle, (ModelRule) rule.createExecutableExtension("class")));
                        } catch (CoreException | ClassCastException e) {
                            ILog.of(ContributedRules.class).error(bundle + ": rule " + rule.getAttribute("id")
                                    + " cannot be made: " + e.getMessage(), e);
                        }
                    }
                }
            }
            rules = List.copyOf(found);
        }
        return rules;
    }
}
