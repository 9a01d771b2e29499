package oko.repository.internal;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;

import org.eclipse.emf.cdo.common.branch.CDOBranch;
import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.branch.CDOBranchVersion;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.common.revision.CDORevisionKey;
import org.eclipse.emf.cdo.internal.common.revision.CDORevisionCacheAuditing;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevisionCache;

/**
 * The server's revision cache with a bound: it keeps the {@code capacity} revisions most recently
 * added or read, and forgets the others at the next garbage collection unless something else
 * still uses them (a commit or a load in progress). CDO 4.7's own cache holds every revision
 * through a soft reference, so a server that loaded a large store (its warm-up, a client's full
 * load, a large commit) kept nearly all of it until the heap was full.
 */
public final class BoundedRevisionCache extends CDORevisionCacheAuditing {

    /** The default number of revisions kept: about the whole model of a district without its values. */
    public static final int DEFAULT_CAPACITY = 200_000;

    private final int capacity;
    /** The revisions kept: a ring written round, a revision again each time it is added or read. */
    private final Object[] kept;
    private int next;
    private final ReferenceQueue<InternalCDORevision> cleared = new ReferenceQueue<>();

    public BoundedRevisionCache(int capacity) {
        this.capacity = Math.max(0, capacity);
        this.kept = new Object[this.capacity];
    }

    public int capacity() {
        return capacity;
    }

    @Override
    public InternalCDORevisionCache instantiate(CDORevision revision) {
        return new BoundedRevisionCache(capacity);
    }

    @Override
    protected Reference<InternalCDORevision> createReference(CDORevision revision) {
        keep(revision);
        return new Key((InternalCDORevision) revision, cleared);
    }

    @Override
    protected void doAddRevision(CDORevision revision) {
        forgetCleared();
        super.doAddRevision(revision);
    }

    @Override
    public InternalCDORevision getRevision(CDOID id, CDOBranchPoint branchPoint) {
        InternalCDORevision revision = super.getRevision(id, branchPoint);
        keep(revision);
        return revision;
    }

    @Override
    public InternalCDORevision getRevisionByVersion(CDOID id, CDOBranchVersion branchVersion) {
        InternalCDORevision revision = super.getRevisionByVersion(id, branchVersion);
        keep(revision);
        return revision;
    }

    private void keep(CDORevision revision) {
        if (revision == null || capacity == 0) {
            return;
        }
        synchronized (kept) {
            kept[next] = revision;
            next = next + 1 == capacity ? 0 : next + 1;
        }
    }

    /** Removes the entries of revisions the garbage collector took. */
    private void forgetCleared() {
        for (Reference<? extends InternalCDORevision> reference = cleared.poll(); reference != null; reference = cleared
                .poll()) {
            cleanReference(reference);
        }
    }

    /** A weak reference that knows its revision's key, to remove the entry once it is cleared. */
    private static final class Key extends WeakReference<InternalCDORevision> implements CDORevisionKey {
        private final CDOID id;
        private final CDOBranch branch;
        private final int version;

        Key(InternalCDORevision revision, ReferenceQueue<InternalCDORevision> queue) {
            super(revision, queue);
            id = revision.getID();
            branch = revision.getBranch();
            version = revision.getVersion();
        }

        @Override
        public CDOID getID() {
            return id;
        }

        @Override
        public CDOBranch getBranch() {
            return branch;
        }

        @Override
        public int getVersion() {
            return version;
        }
    }
}
