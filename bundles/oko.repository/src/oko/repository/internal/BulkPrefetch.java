package oko.repository.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDOList;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.server.db.IDBStore;
import org.eclipse.emf.cdo.server.db.IDBStoreAccessor;
import org.eclipse.emf.cdo.server.db.IIDHandler;
import org.eclipse.emf.cdo.server.db.mapping.IClassMapping;
import org.eclipse.emf.cdo.server.internal.db.CDODBSchema;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.IMappingConstants;
import org.eclipse.emf.cdo.spi.common.revision.DetachedCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDOList;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevisionManager;
import org.eclipse.emf.cdo.spi.server.InternalRepository;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.net4j.db.DBException;
import org.eclipse.net4j.db.ddl.IDBTable;

/**
 * The bulk read of a prefetch: before CDO walks the containment tree of the requested objects one
 * revision at a time (each a query for its type, one for its row and one per list), this reads the
 * tree level by level — the types of a level's objects with one query per {@value BulkClassMapping#CHUNK}
 * ids, then their revisions class by class with one query per chunk on the class table and one per
 * list table ({@link BulkClassMapping#readCurrent}) — and puts them in the server's revision cache,
 * where CDO's walk then finds them. Objects already in the cache are not read again. The revisions
 * read are returned, for the caller to hold while CDO's walk runs (the bounded cache may otherwise
 * drop them first).
 */
final class BulkPrefetch {

    private BulkPrefetch() {
    }

    /**
     * Loads {@code roots} and their containment descendants down to {@code depth} levels (0: the roots
     * only) as valid at {@code branchPoint} into {@code repository}'s revision cache.
     */
    static List<InternalCDORevision> load(InternalRepository repository, IDBStoreAccessor accessor,
            Collection<CDOID> roots, CDOBranchPoint branchPoint, int depth) {
        List<InternalCDORevision> kept = new ArrayList<>();
        if (!(repository.getStore() instanceof IDBStore store)
                || !(store.getMappingStrategy() instanceof BulkMappingStrategy strategy)
                || !branchPoint.getBranch().isMainBranch()) {
            return kept;
        }
        InternalCDORevisionManager revisions = repository.getRevisionManager();
        Set<CDOID> seen = new HashSet<>();
        List<CDOID> level = new ArrayList<>();
        for (CDOID id : roots) {
            if (id != null && !id.isNull() && seen.add(id)) {
                level.add(id);
            }
        }
        for (int d = 0; !level.isEmpty(); d++) {
            List<InternalCDORevision> found = new ArrayList<>(level.size());
            List<CDOID> missing = new ArrayList<>();
            for (CDOID id : level) {
                CDORevision cached = revisions.getCache().getRevision(id, branchPoint);
                if (cached instanceof InternalCDORevision revision && !(cached instanceof DetachedCDORevision)) {
                    found.add(revision);
                } else if (cached == null) {
                    missing.add(id);
                }
            }
            if (!missing.isEmpty()) {
                for (Map.Entry<EClass, List<CDOID>> entry : types(store, accessor, missing).entrySet()) {
                    IClassMapping mapping = strategy.getClassMapping(entry.getKey());
                    if (!(mapping instanceof BulkClassMapping bulk)) {
                        continue;
                    }
                    for (InternalCDORevision revision : bulk.readCurrent(accessor, entry.getValue(), branchPoint)) {
                        if (!complete(revision)) {
                            continue; // CDO's own path reads it when it is asked for
                        }
                        revision.freeze();
                        revision.setUnchunked();
                        revisions.addRevision(revision);
                        kept.add(revision);
                        found.add(revision);
                    }
                }
            }
            if (d >= depth) {
                break;
            }
            List<CDOID> next = new ArrayList<>();
            for (InternalCDORevision revision : found) {
                children(revision, seen, next);
            }
            level = next;
        }
        return kept;
    }

    /** The ids of the objects {@code revision} contains, not seen before. */
    private static void children(InternalCDORevision revision, Set<CDOID> seen, List<CDOID> into) {
        for (EStructuralFeature feature : revision.getClassInfo().getAllPersistentFeatures()) {
            if (feature instanceof EReference reference && reference.isContainment()) {
                Object value = revision.getValue(reference);
                if (value instanceof CDOID id) {
                    add(id, seen, into);
                } else if (value instanceof Collection<?> list) {
                    for (Object element : list) {
                        if (element instanceof CDOID id) {
                            add(id, seen, into);
                        }
                    }
                }
            }
        }
    }

    private static void add(CDOID id, Set<CDOID> seen, List<CDOID> into) {
        if (!id.isNull() && seen.add(id)) {
            into.add(id);
        }
    }

    /** Whether every list of the revision was read completely. */
    private static boolean complete(InternalCDORevision revision) {
        for (EStructuralFeature feature : revision.getClassInfo().getAllPersistentFeatures()) {
            if (feature.isMany()) {
                CDOList list = revision.getListOrNull(feature);
                if (list != null) {
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i, false) == InternalCDOList.UNINITIALIZED) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }

    /** The classes of {@code ids} from the object-type table, one query per chunk; ids not found are left out. */
    private static Map<EClass, List<CDOID>> types(IDBStore store, IDBStoreAccessor accessor, List<CDOID> ids) {
        Map<EClass, List<CDOID>> types = new LinkedHashMap<>();
        IDBTable objects = store.getDatabase().getSchema().getTable(CDODBSchema.CDO_OBJECTS);
        if (objects == null) {
            return types;
        }
        IIDHandler idHandler = store.getIDHandler();
        for (int from = 0; from < ids.size(); from += BulkClassMapping.CHUNK) {
            List<CDOID> chunk = ids.subList(from, Math.min(ids.size(), from + BulkClassMapping.CHUNK));
            String sql = "SELECT " + IMappingConstants.ATTRIBUTES_ID + ", " + IMappingConstants.ATTRIBUTES_CLASS
                    + " FROM " + objects + " WHERE " + IMappingConstants.ATTRIBUTES_ID + " IN ("
                    + BulkClassMapping.placeholders(chunk.size()) + ")";
            try (PreparedStatement statement = accessor.getConnection().prepareStatement(sql)) {
                BulkClassMapping.bindIds(statement, idHandler, chunk);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        CDOID id = idHandler.getCDOID(rows, 1);
                        CDOID classId = idHandler.getCDOID(rows, 2);
                        if (store.getMetaDataManager().getMetaInstance(classId) instanceof EClass eClass) {
                            types.computeIfAbsent(eClass, c -> new ArrayList<>()).add(id);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DBException(e, sql);
            }
        }
        return types;
    }
}
