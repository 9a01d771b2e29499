package oko.repository.internal;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.branch.CDOBranchVersion;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.model.CDOClassifierRef;
import org.eclipse.emf.cdo.common.revision.CDORevisionCacheAdder;
import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.server.ITransaction;
import org.eclipse.emf.cdo.server.internal.db.DBStore;
import org.eclipse.emf.cdo.server.internal.db.DBStoreAccessor;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.server.InternalCommitContext;
import org.eclipse.net4j.db.jdbc.DelegatingConnection;
import org.eclipse.net4j.util.om.monitor.OMMonitor;

/**
 * CDO's DB store accessor whose commit writes go through {@link Batches}: they exist from the start
 * to the end of {@link #doWrite}, and every queued row is sent before {@code doWrite} returns, so
 * before CDO commits the connection (a failure there fails the commit, which CDO then rolls back).
 * Reads on this accessor while rows are queued send them first.
 */
final class BulkAccessor extends DBStoreAccessor {

    private Batches batches;

    BulkAccessor(DBStore store, ISession session) {
        super(store, session);
    }

    BulkAccessor(DBStore store, ITransaction transaction) {
        super(store, transaction);
    }

    /** The batches of the commit being written; null outside a write. */
    Batches batches() {
        return batches;
    }

    @Override
    protected void doWrite(InternalCommitContext context, OMMonitor monitor) {
        // the JDBC connection under net4j's: the same transaction, but a statement held open for a
        // batch does not hold net4j's schema lock, which a table CDO creates meanwhile waits for
        java.sql.Connection connection = getConnection();
        batches = new Batches(connection instanceof DelegatingConnection delegating ? delegating.getDelegate() : connection,
                BulkPaths.copy());
        try {
            super.doWrite(context, monitor);
            batches.flush();
            TableStatistics statistics = ((RecoveringStore) getStore()).statistics();
            if (statistics != null) {
                statistics.written(context, batches.inserted());
            }
        } finally {
            batches.close();
            batches = null;
        }
    }

    private void flush() {
        if (batches != null) {
            batches.flush();
        }
    }

    @Override
    public InternalCDORevision readRevision(CDOID id, CDOBranchPoint branchPoint, int listChunk,
            CDORevisionCacheAdder cache) {
        flush();
        return super.readRevision(id, branchPoint, listChunk, cache);
    }

    @Override
    public InternalCDORevision readRevisionByVersion(CDOID id, CDOBranchVersion branchVersion, int listChunk,
            CDORevisionCacheAdder cache) {
        flush();
        return super.readRevisionByVersion(id, branchVersion, listChunk, cache);
    }

    @Override
    public CDOClassifierRef readObjectType(CDOID id) {
        flush();
        return super.readObjectType(id);
    }

    @Override
    public void queryResources(QueryResourcesContext context) {
        flush();
        super.queryResources(context);
    }

    @Override
    public void queryXRefs(QueryXRefsContext context) {
        flush();
        super.queryXRefs(context);
    }
}
