package oko.repository.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.model.CDOPackageInfo;
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
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EcorePackage;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.net4j.db.DBException;
import org.eclipse.net4j.db.ddl.IDBTable;

/**
 * The bulk read of a prefetch: before CDO walks the containment tree of the requested objects one
 * revision at a time (each a query for its type, one for its row and one per list), this reads the
 * tree level by level — the types of a level's objects whose containment does not settle their
 * class with queries on the object-type table, then their revisions class by class with one query
 * per run of consecutive ids or chunk of other ids ({@link IdRuns}) on the class table and one per
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
        Map<EClass, Boolean> exact = new HashMap<>();
        Set<CDOID> seen = new HashSet<>();
        // a level's ids by the class their containment settles (null: to be looked up)
        Map<EClass, List<CDOID>> level = new LinkedHashMap<>();
        for (CDOID id : roots) {
            if (id != null && !id.isNull() && seen.add(id)) {
                level.computeIfAbsent(null, c -> new ArrayList<>()).add(id);
            }
        }
        for (int d = 0; !level.isEmpty(); d++) {
            List<InternalCDORevision> found = new ArrayList<>();
            for (Map.Entry<EClass, List<CDOID>> group : level.entrySet()) {
                List<CDOID> missing = new ArrayList<>();
                for (CDOID id : group.getValue()) {
                    CDORevision cached = revisions.getCache().getRevision(id, branchPoint);
                    if (cached instanceof InternalCDORevision revision && !(cached instanceof DetachedCDORevision)) {
                        found.add(revision);
                    } else if (cached == null) {
                        missing.add(id);
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                Map<EClass, List<CDOID>> byClass = group.getKey() != null ? Map.of(group.getKey(), missing)
                        : types(store, accessor, missing);
                for (Map.Entry<EClass, List<CDOID>> entry : byClass.entrySet()) {
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
            Map<EClass, List<CDOID>> next = new LinkedHashMap<>();
            for (InternalCDORevision revision : found) {
                children(repository, revision, seen, next, exact);
            }
            level = next;
        }
        return kept;
    }

    /**
     * The ids of the objects {@code revision} contains, not seen before, by their class when the
     * containment settles it: its type is a concrete class no registered class extends (the values
     * of a monitoring run are raw values), so no query on the object-type table is needed for them.
     */
    private static void children(InternalRepository repository, InternalCDORevision revision, Set<CDOID> seen,
            Map<EClass, List<CDOID>> into, Map<EClass, Boolean> exact) {
        for (EStructuralFeature feature : revision.getClassInfo().getAllPersistentFeatures()) {
            if (feature instanceof EReference reference && reference.isContainment()) {
                EClass type = reference.getEReferenceType();
                EClass key = exact.computeIfAbsent(type, t -> exact(repository, t)) ? type : null;
                Object value = revision.getValue(reference);
                if (value instanceof CDOID id) {
                    add(id, seen, into, key);
                } else if (value instanceof Collection<?> list) {
                    for (Object element : list) {
                        if (element instanceof CDOID id) {
                            add(id, seen, into, key);
                        }
                    }
                }
            }
        }
    }

    private static void add(CDOID id, Set<CDOID> seen, Map<EClass, List<CDOID>> into, EClass type) {
        if (!id.isNull() && seen.add(id)) {
            into.computeIfAbsent(type, c -> new ArrayList<>()).add(id);
        }
    }

    /** Whether every object of type {@code type} is of exactly that class: it is concrete and no class of the repository's packages extends it. */
    private static boolean exact(InternalRepository repository, EClass type) {
        if (type.isAbstract() || type.isInterface() || type.getEPackage() == null
                || EcorePackage.eNS_URI.equals(type.getEPackage().getNsURI())) {
            return false; // every class extends EObject (a resource's contents) without naming it
        }
        try {
            for (CDOPackageInfo info : repository.getPackageRegistry().getPackageInfos()) {
                // loads a package the server has not needed since its start (once)
                EPackage ePackage = info.getEPackage(true);
                if (ePackage == null) {
                    return false;
                }
                for (EClassifier classifier : ePackage.getEClassifiers()) {
                    if (classifier instanceof EClass other && other != type && other.getEAllSuperTypes().contains(type)) {
                        return false;
                    }
                }
            }
        } catch (RuntimeException e) {
            return false; // the object-type table will tell
        }
        return true;
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
        List<IdRuns.Part> parts = IdRuns.of(ids, idHandler);
        Set<CDOID> wanted = IdRuns.wanted(parts, ids);
        Map<Object, EClass> classes = new HashMap<>();
        for (IdRuns.Part part : parts) {
            String sql = "SELECT " + IMappingConstants.ATTRIBUTES_ID + ", " + IMappingConstants.ATTRIBUTES_CLASS
                    + " FROM " + objects + " WHERE " + part.condition("");
            try (PreparedStatement statement = accessor.getConnection().prepareStatement(sql)) {
                part.bind(statement, idHandler, 1);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        CDOID id = idHandler.getCDOID(rows, 1);
                        if (part.wide() && !wanted.contains(id)) {
                            continue;
                        }
                        // the class column holds a few distinct values: map each once
                        Object raw = rows.getObject(2);
                        EClass eClass = classes.get(raw);
                        if (eClass == null && !classes.containsKey(raw)) {
                            CDOID classId = idHandler.getCDOID(rows, 2);
                            eClass = store.getMetaDataManager().getMetaInstance(classId) instanceof EClass c ? c : null;
                            classes.put(raw, eClass);
                        }
                        if (eClass != null) {
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
