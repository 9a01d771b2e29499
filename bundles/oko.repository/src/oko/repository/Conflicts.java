package oko.repository;

import oko.repository.internal.Messages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.common.branch.CDOBranch;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.common.revision.delta.CDOFeatureDelta;
import org.eclipse.emf.cdo.common.revision.delta.CDORevisionDelta;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CommitException;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.model.edit.ModelLabels;

/** Turns CDO's commit failures into messages that name the object and the feature. */
final class Conflicts {

    private Conflicts() {
    }

    static boolean isIntegrity(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getClass().getSimpleName().contains("ReferentialIntegrity")) {
                return true;
            }
        }
        return false;
    }

    static RepositoryException translate(OkoRepository repository, CDOTransaction transaction, CommitException e) {
        if (isIntegrity(e)) {
            return new RepositoryException(Messages.bind(Messages.integrity, rootMessage(e)), e);
        }
        Set<CDOObject> objects = new LinkedHashSet<>(transaction.getConflicts());
        if (objects.isEmpty()) {
            // the server refused a stale revision: name the objects others changed meanwhile
            objects.addAll(stale(repository, transaction));
        }
        if (objects.isEmpty()) {
            return new RepositoryException(Messages.bind(Messages.commitFailed, rootMessage(e)), e);
        }
        List<CommitConflictException.Conflict> conflicts = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (CDOObject object : objects) {
            List<EStructuralFeature> features = clashingFeatures(repository, transaction, object);
            conflicts.add(new CommitConflictException.Conflict(object, features));
            if (features.isEmpty()) {
                lines.add(Messages.bind(Messages.conflictNoFeature, ModelLabels.label(object)));
            }
            for (EStructuralFeature feature : features) {
                lines.add(Messages.bind(Messages.conflictFeature, ModelLabels.label(object),
                        ModelLabels.featureName(object.eClass(), feature)));
            }
        }
        return new CommitConflictException(Messages.bind(Messages.conflict, String.join("\n", lines)), conflicts, e);
    }

    /** The objects this transaction changes of which the server has a newer version than its base. */
    private static List<CDOObject> stale(OkoRepository repository, CDOTransaction transaction) {
        List<CDOObject> stale = new ArrayList<>();
        CDOBranch branch = transaction.getBranch();
        var revisions = repository.session().getRevisionManager();
        try {
            for (CDORevisionDelta delta : transaction.getRevisionDeltas().values()) {
                CDORevision latest = revisions.getRevision(delta.getID(), branch.getHead(), 0, CDORevision.DEPTH_NONE,
                        true);
                if (latest != null && latest.getVersion() > delta.getVersion()) {
                    CDOObject object = transaction.getObject(delta.getID(), false);
                    if (object != null) {
                        stale.add(object);
                    }
                }
            }
        } catch (RuntimeException unknown) {
            // e.g. the connection is gone: the message falls back to the server's text
        }
        return stale;
    }

    /** Features this transaction changed that another commit changed too since our base version. */
    private static List<EStructuralFeature> clashingFeatures(OkoRepository repository, CDOTransaction transaction,
            CDOObject object) {
        List<EStructuralFeature> result = new ArrayList<>();
        CDORevisionDelta local = transaction.getRevisionDeltas().get(object.cdoID());
        if (local == null) {
            return result;
        }
        CDOBranch branch = transaction.getBranch();
        var revisions = repository.session().getRevisionManager();
        CDORevision base = revisions.getRevisionByVersion(object.cdoID(), branch.getVersion(local.getVersion()), 0,
                true);
        CDORevision latest = revisions.getRevision(object.cdoID(), branch.getHead(), 0, CDORevision.DEPTH_NONE, true);
        if (base == null || latest == null || latest.getVersion() == base.getVersion()) {
            return result;
        }
        Set<EStructuralFeature> remote = new LinkedHashSet<>();
        for (CDOFeatureDelta delta : latest.compare(base).getFeatureDeltas()) {
            remote.add(delta.getFeature());
        }
        for (CDOFeatureDelta delta : local.getFeatureDeltas()) {
            if (remote.contains(delta.getFeature()) && !result.contains(delta.getFeature())) {
                result.add(delta.getFeature());
            }
        }
        return result;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
