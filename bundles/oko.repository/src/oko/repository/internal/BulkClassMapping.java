package oko.repository.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDOList;
import org.eclipse.emf.cdo.server.db.IDBStoreAccessor;
import org.eclipse.emf.cdo.server.db.IIDHandler;
import org.eclipse.emf.cdo.server.db.mapping.IListMapping;
import org.eclipse.emf.cdo.server.db.mapping.ITypeMapping;
import org.eclipse.emf.cdo.server.internal.db.CDODBSchema;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.AbstractHorizontalMappingStrategy;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.HorizontalAuditClassMapping;
import org.eclipse.emf.cdo.spi.common.revision.DetachedCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.server.Store;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.net4j.db.DBException;
import org.eclipse.net4j.db.ddl.IDBField;
import org.eclipse.net4j.db.ddl.IDBTable;
import org.eclipse.net4j.util.om.monitor.OMMonitor;

/**
 * CDO's audit class mapping with two bulk paths.
 * <p>
 * <b>Write</b>: a new or changed object's revision in a commit ({@code revise} set, as the
 * commit's writer passes it) is queued in the accessor's {@link Batches}: its row of the class
 * table, its object-type row (new objects) and its list entries ({@link BulkListMapping}), with
 * exactly the columns and values CDO's own {@code writeValues} binds. The update that marks a
 * changed object's previous revision as revised runs at once, as in CDO. Everything else (resource
 * nodes, whose names CDO checks against the stored ones, the first object of a class whose table
 * does not exist yet, detached revisions of a raw import) first sends the queued rows and then
 * takes CDO's own path.
 * <p>
 * <b>Read</b>: {@link #readCurrent} reads the revisions of many objects of this class valid at a
 * branch point with one query per chunk of {@value #CHUNK} ids on the class table and one per list
 * table, instead of one query per object and list.
 */
final class BulkClassMapping extends HorizontalAuditClassMapping {

    /** Ids per query of a bulk read. */
    static final int CHUNK = 500;

    private String insertAttributes;
    private String insertObjectType;
    private String selectColumns;

    BulkClassMapping(AbstractHorizontalMappingStrategy strategy, EClass eClass) {
        super(strategy, eClass);
    }

    @Override
    protected void initSQLStrings() {
        super.initSQLStrings();
        IDBTable table = getTable();
        // the same statement as HorizontalAuditClassMapping's (private) insert, built the same way
        StringBuilder insert = new StringBuilder("INSERT INTO ").append(table).append('(').append(ATTRIBUTES_ID)
                .append(", ").append(ATTRIBUTES_VERSION).append(", ").append(ATTRIBUTES_CREATED).append(", ")
                .append(ATTRIBUTES_REVISED).append(", ").append(ATTRIBUTES_RESOURCE).append(", ")
                .append(ATTRIBUTES_CONTAINER).append(", ").append(ATTRIBUTES_FEATURE);
        appendTypeMappingNames(insert, getValueMappings());
        appendFieldNames(insert, getUnsettableFields());
        appendFieldNames(insert, getListSizeFields());
        insert.append(") VALUES (?, ?, ?, ?, ?, ?, ?");
        appendTypeMappingParameters(insert, getValueMappings());
        appendFieldParameters(insert, getUnsettableFields());
        appendFieldParameters(insert, getListSizeFields());
        insert.append(')');
        insertAttributes = insert.toString();

        IDBTable objects = getMappingStrategy().getStore().getDatabase().getSchema().getTable(CDODBSchema.CDO_OBJECTS);
        // ObjectTypeTable's insert
        insertObjectType = objects == null ? null
                : "INSERT INTO " + objects + "(" + ATTRIBUTES_ID + "," + ATTRIBUTES_CLASS + "," + ATTRIBUTES_CREATED
                        + ") VALUES (?, ?, ?)";

        StringBuilder select = new StringBuilder("SELECT ").append(ATTRIBUTES_ID).append(", ")
                .append(ATTRIBUTES_VERSION).append(", ").append(ATTRIBUTES_CREATED).append(", ")
                .append(ATTRIBUTES_REVISED).append(", ").append(ATTRIBUTES_RESOURCE).append(", ")
                .append(ATTRIBUTES_CONTAINER).append(", ").append(ATTRIBUTES_FEATURE);
        appendTypeMappingNames(select, getValueMappings());
        appendFieldNames(select, getUnsettableFields());
        appendFieldNames(select, getListSizeFields());
        select.append(" FROM ").append(table);
        selectColumns = select.toString();
    }

    @Override
    public void writeRevision(IDBStoreAccessor accessor, InternalCDORevision revision, boolean mapType, boolean revise,
            OMMonitor monitor) {
        Batches batches = accessor instanceof BulkAccessor bulk ? bulk.batches() : null;
        if (batches == null) {
            super.writeRevision(accessor, revision, mapType, revise, monitor);
            return;
        }
        if (!revise || revision instanceof DetachedCDORevision || revision.isResourceNode() || getTable() == null
                || insertAttributes == null || (mapType && insertObjectType == null)) {
            // CDO's own path, which may read what was written before (resource names) or create tables
            batches.flush();
            super.writeRevision(accessor, revision, mapType, revise, monitor);
            return;
        }
        monitor.begin();
        try {
            IIDHandler ids = getMappingStrategy().getStore().getIDHandler();
            CDOID id = revision.getID();
            long timeStamp = revision.getTimeStamp();
            if (mapType) {
                CDOID classId = getMappingStrategy().getStore().getMetaDataManager().getMetaID(getEClass(), timeStamp);
                batches.add(insertObjectType, statement -> {
                    ids.setCDOID(statement, 1, id);
                    ids.setCDOID(statement, 2, classId);
                    statement.setLong(3, timeStamp);
                });
            } else {
                long revised = timeStamp - 1;
                reviseOldRevision(accessor, id, revision.getBranch(), revised);
                for (IListMapping list : lists()) {
                    list.objectDetached(accessor, id, revised);
                }
            }
            batches.add(insertAttributes, statement -> bindValues(statement, ids, revision));
            for (IListMapping list : lists()) {
                list.writeValues(accessor, revision);
            }
        } finally {
            monitor.done();
        }
    }

    private List<IListMapping> lists() {
        List<IListMapping> lists = getListMappings();
        return lists == null ? List.of() : lists;
    }

    /** The parameters of a revision's row, as HorizontalAuditClassMapping.writeValues sets them. */
    private void bindValues(PreparedStatement statement, IIDHandler ids, InternalCDORevision revision)
            throws SQLException {
        int column = 1;
        ids.setCDOID(statement, column++, revision.getID());
        statement.setInt(column++, revision.getVersion());
        statement.setLong(column++, revision.getTimeStamp());
        statement.setLong(column++, revision.getRevised());
        ids.setCDOID(statement, column++, revision.getResourceID());
        ids.setCDOID(statement, column++, (CDOID) revision.getContainerID());
        statement.setInt(column++, revision.getContainingFeatureID());
        int isSetColumn = column + getValueMappings().size();
        for (ITypeMapping mapping : getValueMappings()) {
            EStructuralFeature feature = mapping.getFeature();
            if (feature.isUnsettable()) {
                if (revision.getValue(feature) == null) {
                    statement.setBoolean(isSetColumn++, false);
                    mapping.setDefaultValue(statement, column++);
                    continue;
                }
                statement.setBoolean(isSetColumn++, true);
            }
            mapping.setValueFromRevision(statement, column++, revision);
        }
        Map<EStructuralFeature, IDBField> listSizes = getListSizeFields();
        if (listSizes != null) {
            column = isSetColumn;
            for (EStructuralFeature feature : listSizes.keySet()) {
                CDOList list = revision.getListOrNull(feature);
                statement.setInt(column++, list == null ? UNSET_LIST : list.size());
            }
        }
    }

    /**
     * The revisions of {@code ids} (objects of this class, no duplicates) valid at {@code branchPoint},
     * read with one query per run of consecutive ids or chunk of {@value #CHUNK} other ids
     * ({@link IdRuns}) and one per list table, lists complete; ids without a valid revision there
     * (detached, not yet created, of another class) are left out, for CDO's own path to answer.
     */
    List<InternalCDORevision> readCurrent(IDBStoreAccessor accessor, List<CDOID> ids, CDOBranchPoint branchPoint) {
        List<InternalCDORevision> result = new ArrayList<>(ids.size());
        if (getTable() == null || selectColumns == null || ids.isEmpty()) {
            return result;
        }
        IIDHandler idHandler = getMappingStrategy().getStore().getIDHandler();
        List<IdRuns.Part> parts = IdRuns.of(ids, idHandler);
        Set<CDOID> wanted = IdRuns.wanted(parts, ids);
        long timeStamp = branchPoint.getTimeStamp();
        for (IdRuns.Part part : parts) {
            String sql = selectColumns + " WHERE " + part.condition("") + " AND " + validAt("", timeStamp);
            List<InternalCDORevision> read = new ArrayList<>();
            try (PreparedStatement statement = accessor.getConnection().prepareStatement(sql)) {
                int column = part.bind(statement, idHandler, 1);
                if (timeStamp != CDOBranchPoint.UNSPECIFIED_DATE) {
                    statement.setLong(column++, timeStamp);
                    statement.setLong(column, timeStamp);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    Store store = (Store) getMappingStrategy().getStore();
                    for (;;) {
                        InternalCDORevision revision = store.createRevision(getEClass(), null);
                        revision.setBranchPoint(branchPoint);
                        if (!readValuesFromResultSet(rows, idHandler, revision, true)) {
                            break;
                        }
                        if (revision.getVersion() >= 1 && (!part.wide() || wanted.contains(revision.getID()))) {
                            read.add(revision);
                        }
                    }
                }
            } catch (SQLException e) {
                throw new DBException(e, sql);
            }
            if (read.isEmpty()) {
                continue;
            }
            for (IListMapping list : lists()) {
                if (list instanceof BulkListMapping bulk) {
                    bulk.readAll(accessor, read, getTable(), part, validAt("c.", timeStamp), timeStamp);
                } else {
                    for (InternalCDORevision revision : read) {
                        list.readValues(accessor, revision, org.eclipse.emf.cdo.common.revision.CDORevision.UNCHUNKED);
                    }
                }
            }
            result.addAll(read);
        }
        return result;
    }

    /** The condition of rows valid at {@code timeStamp} (the current ones when unspecified), as CDO selects them. */
    static String validAt(String alias, long timeStamp) {
        if (timeStamp == CDOBranchPoint.UNSPECIFIED_DATE) {
            return alias + ATTRIBUTES_REVISED + "=0";
        }
        return "(" + alias + ATTRIBUTES_CREATED + "<=? AND (" + alias + ATTRIBUTES_REVISED + "=0 OR " + alias
                + ATTRIBUTES_REVISED + ">=?))";
    }

    static String placeholders(int count) {
        StringBuilder builder = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            builder.append(i == 0 ? "?" : ", ?");
        }
        return builder.toString();
    }

    static int bindIds(PreparedStatement statement, IIDHandler idHandler, List<CDOID> ids) throws SQLException {
        int column = 1;
        for (CDOID id : ids) {
            idHandler.setCDOID(statement, column++, id);
        }
        return column;
    }
}
