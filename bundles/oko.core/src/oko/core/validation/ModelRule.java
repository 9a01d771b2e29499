package oko.core.validation;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

/**
 * A validation rule a module contributes (element {@code rule} of its {@code oko.core.modules}
 * declaration, with a stable id, a severity and the class of objects it checks). It runs with
 * Oko's own rules wherever the model is validated, only while the module is installed.
 */
public interface ModelRule {

    /** The problems of one object of the rule's target class, as messages naming it; empty if none. */
    List<String> check(EObject object);
}
