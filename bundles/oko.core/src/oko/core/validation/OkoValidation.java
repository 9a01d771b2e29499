package oko.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.common.util.BasicDiagnostic;
import org.eclipse.emf.common.util.Diagnostic;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EValidator;
import org.eclipse.emf.ecore.impl.EValidatorRegistryImpl;
import org.eclipse.emf.ecore.util.Diagnostician;

import oko.model.edit.ModelLabels;
import oko.model.OkoPackage;

/**
 * Runs the Oko rules over model objects and turns the EMF diagnostics into {@link Problem}s,
 * each with severity, rule id, the object, its path and the message. Structural EMF checks
 * (multiplicities, dangling references…) appear with rule id {@value #STRUCTURE_RULE_ID}.
 */
public final class OkoValidation {

    /** Rule id for EMF's own structural constraints. */
    public static final String STRUCTURE_RULE_ID = "OKO-MODEL-00";

    private OkoValidation() {
    }

    /** One diagnostic, flattened. {@code object} may be {@code null} for problems of no object. */
    public record Problem(int severity, String ruleId, EObject object, String path, String message) {

        public boolean isError() {
            return severity == Diagnostic.ERROR;
        }

        /** "ERROR OKO-CYCLE-01 ishimbay-msoko / 1.1: message" — the line {@code ./oko validate} prints. */
        public String line() {
            return severityName(severity) + " " + ruleId + " " + (path.isEmpty() ? "—" : path) + ": " + message;
        }
    }

    public static String severityName(int severity) {
        return switch (severity) {
            case Diagnostic.ERROR, Diagnostic.CANCEL -> "ERROR";
            case Diagnostic.WARNING -> "WARNING";
            case Diagnostic.INFO -> "INFO";
            default -> "OK";
        };
    }

    /** A diagnostician that knows the Oko rules, independent of the global validator registry. */
    public static Diagnostician diagnostician() {
        EValidator.Registry registry = new EValidatorRegistryImpl(EValidator.Registry.INSTANCE);
        registry.put(OkoPackage.eINSTANCE, new OkoValidator());
        return new Diagnostician(registry) {
            @Override
            public String getObjectLabel(EObject eObject) {
                return ModelLabels.label(eObject);
            }
        };
    }

    /** Validates every root and everything it contains, with the machine's date as today. */
    public static List<Problem> validate(Collection<? extends EObject> roots, IProgressMonitor monitor) {
        return validate(roots, null, monitor);
    }

    /**
     * Validates every root and everything it contains, taking {@code today} as the current date for
     * the rules that depend on it ({@code null}: the machine's date).
     */
    public static List<Problem> validate(Collection<? extends EObject> roots, java.time.LocalDate today,
            IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, roots.size());
        Diagnostician diagnostician = diagnostician();
        List<Problem> problems = new ArrayList<>();
        for (EObject root : roots) {
            if (progress.isCanceled()) {
                break;
            }
            progress.subTask(ModelLabels.label(root));
            BasicDiagnostic diagnostic = diagnostician.createDefaultDiagnostic(root);
            Map<Object, Object> context = diagnostician.createDefaultContext();
            if (today != null) {
                context.put(OkoValidator.TODAY, today);
            }
            diagnostician.validate(root, diagnostic, context);
            flatten(diagnostic, problems);
            progress.worked(1);
        }
        return problems;
    }

    private static void flatten(Diagnostic diagnostic, List<Problem> into) {
        if (diagnostic.getChildren().isEmpty()) {
            if (diagnostic.getSeverity() != Diagnostic.OK) {
                into.add(problem(diagnostic));
            }
            return;
        }
        for (Diagnostic child : diagnostic.getChildren()) {
            flatten(child, into);
        }
    }

    private static Problem problem(Diagnostic diagnostic) {
        EObject object = null;
        String ruleId = STRUCTURE_RULE_ID;
        for (Object datum : diagnostic.getData()) {
            if (datum instanceof EObject eObject && object == null) {
                object = eObject;
            } else if (datum instanceof Rule r) {
                ruleId = r.id();
            } else if (datum instanceof ContributedRules.Id id) {
                ruleId = id.value();
            }
        }
        return new Problem(diagnostic.getSeverity(), ruleId, object, object == null ? "" : ModelLabels.path(object),
                diagnostic.getMessage());
    }

    /** How many problems have error severity. */
    public static long errors(Collection<Problem> problems) {
        return problems.stream().filter(Problem::isError).count();
    }
}
