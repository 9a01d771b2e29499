package oko.core.emf;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

/** The cross references of copied objects, re-pointed at the objects of another model. */
public final class CrossReferences {

    /** What becomes of one target of a cross reference. */
    @FunctionalInterface
    public interface Repointing {
        /** The object {@code owner} is to refer to instead of {@code target}: {@code target} itself to keep it, null to drop it. */
        EObject apply(EObject owner, EObject target);
    }

    private CrossReferences() {
    }

    /**
     * Re-points the cross references the {@code objects} hold (those set and changeable, neither
     * containment, container nor derived): a target that {@code repointing} maps to another object is
     * replaced by it, one it maps to null is removed from its list or unset, one it gives back stays.
     * A list that holds the replacement already loses the target instead (a list holds an object once).
     */
    public static void repoint(Iterable<? extends EObject> objects, Repointing repointing) {
        for (EObject object : objects) {
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || reference.isDerived()
                        || !reference.isChangeable() || !object.eIsSet(reference)) {
                    continue;
                }
                if (reference.isMany()) {
                    @SuppressWarnings("unchecked")
                    List<EObject> targets = (List<EObject>) object.eGet(reference);
                    for (int i = targets.size() - 1; i >= 0; i--) {
                        EObject target = targets.get(i);
                        EObject other = repointing.apply(object, target);
                        if (other == null || other != target && targets.contains(other)) {
                            targets.remove(i);
                        } else if (other != target) {
                            targets.set(i, other);
                        }
                    }
                } else {
                    EObject target = (EObject) object.eGet(reference);
                    EObject other = repointing.apply(object, target);
                    if (other == null) {
                        object.eUnset(reference);
                    } else if (other != target) {
                        object.eSet(reference, other);
                    }
                }
            }
        }
    }
}
