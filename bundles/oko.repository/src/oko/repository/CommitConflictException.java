package oko.repository;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * Another client committed a change to the same feature of an object this transaction changed.
 * Nothing was written; {@code transaction.rollback()} discards the local changes and shows the
 * other client's state.
 */
public class CommitConflictException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    /** One object in conflict and the features both sides changed (empty if unknown, e.g. deleted). */
    public record Conflict(EObject object, List<EStructuralFeature> features) {
    }

    private final transient List<Conflict> conflicts;

    public CommitConflictException(String message, List<Conflict> conflicts, Throwable cause) {
        super(message, cause);
        this.conflicts = List.copyOf(conflicts);
    }

    public List<Conflict> conflicts() {
        return conflicts;
    }
}
