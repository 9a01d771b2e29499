package oko.diagram.tests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;

import oko.diagram.DiagramQuery;
import oko.model.CodedElement;
import oko.model.QualitySystem;

/** Contributed through oko.diagram.queries in this bundle's plugin.xml. */
public final class ContributedQueries {

    private ContributedQueries() {
    }

    public static final class RolesReversed implements DiagramQuery {
        @Override
        public List<? extends EObject> evaluate(EObject context) {
            List<EObject> roles = new ArrayList<>(((QualitySystem) context).getRoles());
            Collections.reverse(roles);
            return roles;
        }
    }

    public static final class HasCode implements Predicate<EObject> {
        @Override
        public boolean test(EObject element) {
            return element instanceof CodedElement coded && coded.getCode() != null && !coded.getCode().isBlank();
        }
    }
}
