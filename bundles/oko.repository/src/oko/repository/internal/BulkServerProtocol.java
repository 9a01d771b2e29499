package oko.repository.internal;

import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.protocol.CDODataOutput;
import org.eclipse.emf.cdo.common.protocol.CDOProtocolConstants;
import org.eclipse.emf.cdo.server.IRepositoryProvider;
import org.eclipse.emf.cdo.server.StoreThreadLocal;
import org.eclipse.emf.cdo.server.db.IDBStoreAccessor;
import org.eclipse.emf.cdo.server.internal.net4j.protocol.CDOServerProtocol;
import org.eclipse.emf.cdo.server.internal.net4j.protocol.CDOServerProtocolFactory;
import org.eclipse.emf.cdo.server.internal.net4j.protocol.LoadRevisionsIndication;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.RevisionInfo;
import org.eclipse.emf.cdo.spi.server.InternalRepository;
import org.eclipse.net4j.signal.SignalReactor;
import org.eclipse.net4j.util.container.IManagedContainer;

/**
 * CDO's server protocol whose answer to a client's "load revisions" request first bulk-reads what
 * the answer will hold ({@link BulkPrefetch}) when the repository's store uses the bulk paths: the
 * requested objects when there are several, and with a prefetch depth (a client's
 * {@code cdoPrefetch}) their containment tree to that depth. CDO's own answer then runs unchanged
 * on the filled cache: same revisions, same access checks, same order.
 */
public final class BulkServerProtocol extends CDOServerProtocol {

    BulkServerProtocol(IRepositoryProvider repositories) {
        super(repositories);
    }

    /** Registers the protocol in {@code container} instead of CDO's (after {@code CDONet4jServerUtil.prepareContainer}). */
    public static void register(IManagedContainer container, IRepositoryProvider repositories) {
        container.registerFactory(new Factory(repositories));
    }

    @Override
    protected SignalReactor createSignalReactor(short signalID) {
        if (signalID == CDOProtocolConstants.SIGNAL_LOAD_REVISIONS) {
            return new BulkLoadRevisions(this);
        }
        return super.createSignalReactor(signalID);
    }

    private static final class Factory extends CDOServerProtocolFactory {
        Factory(IRepositoryProvider repositories) {
            super(repositories);
        }

        @Override
        public CDOServerProtocol create(String description) {
            return new BulkServerProtocol(getRepositoryProvider());
        }
    }

    /** The request's fields, private in CDO's indication: read after it has read the request. */
    private static final Field INFOS = field("infos");
    private static final Field BRANCH_POINT = field("branchPoint");
    private static final Field PREFETCH_DEPTH = field("prefetchDepth");

    private static Field field(String name) {
        try {
            Field field = LoadRevisionsIndication.class.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another CDO version: CDO's own path only
        }
    }

    private static final class BulkLoadRevisions extends LoadRevisionsIndication {
        BulkLoadRevisions(CDOServerProtocol protocol) {
            super(protocol);
        }

        @Override
        protected void responding(CDODataOutput out) throws IOException {
            List<InternalCDORevision> kept = preload();
            try {
                super.responding(out);
            } finally {
                Reference.reachabilityFence(kept);
            }
        }

        private List<InternalCDORevision> preload() {
            InternalRepository repository = getRepository();
            if (INFOS == null || BRANCH_POINT == null || PREFETCH_DEPTH == null
                    || !(repository.getStore() instanceof RecoveringStore store) || !store.bulk()) {
                return List.of();
            }
            try {
                RevisionInfo[] infos = (RevisionInfo[]) INFOS.get(this);
                CDOBranchPoint branchPoint = (CDOBranchPoint) BRANCH_POINT.get(this);
                int depth = PREFETCH_DEPTH.getInt(this);
                if (infos == null || branchPoint == null || (depth == 0 && infos.length < 2)) {
                    return List.of(); // one object: CDO's path reads it as fast
                }
                List<CDOID> ids = new ArrayList<>(infos.length);
                for (RevisionInfo info : infos) {
                    ids.add(info.getID());
                }
                IDBStoreAccessor accessor = (IDBStoreAccessor) StoreThreadLocal.getAccessor();
                return BulkPrefetch.load(repository, accessor, ids, branchPoint, depth < 0 ? Integer.MAX_VALUE : depth);
            } catch (IllegalAccessException e) {
                return List.of();
            }
        }
    }
}
