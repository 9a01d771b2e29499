package oko.repository.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDOList;
import org.eclipse.emf.cdo.server.db.IDBStoreAccessor;
import org.eclipse.emf.cdo.server.db.IIDHandler;
import org.eclipse.emf.cdo.server.db.mapping.IMappingStrategy;
import org.eclipse.emf.cdo.server.db.mapping.ITypeMapping;
import org.eclipse.emf.cdo.server.internal.db.mapping.horizontal.AuditListTableMapping;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.net4j.db.DBException;
import org.eclipse.net4j.db.ddl.IDBTable;

/**
 * CDO's audit list mapping (one row per entry: source id, source version, index, value) whose
 * entries of a commit are queued in the accessor's {@link Batches} instead of one insert each, and
 * which reads the lists of many revisions with one query ({@link #readAll}).
 */
final class BulkListMapping extends AuditListTableMapping {

    private String insertEntry;

    BulkListMapping(IMappingStrategy strategy, EClass eClass, EStructuralFeature feature) {
        super(strategy, eClass, feature);
    }

    @Override
    protected void initSQLStrings() {
        super.initSQLStrings();
        // AbstractListTableMapping's (private) insert: key fields (source, version), index, value
        insertEntry = "INSERT INTO " + getTable().getName() + "(" + LIST_REVISION_ID + ", " + LIST_REVISION_VERSION + ", "
                + LIST_IDX + ", " + LIST_VALUE + ") VALUES (?, ?, ?, ?)";
    }

    @Override
    public void writeValues(IDBStoreAccessor accessor, InternalCDORevision revision) {
        Batches batches = accessor instanceof BulkAccessor bulk ? bulk.batches() : null;
        CDOList values = revision.getListOrNull(getFeature());
        if (batches == null || values == null || values.isEmpty()) {
            super.writeValues(accessor, revision);
            return;
        }
        if (getTable() == null) {
            batches.flush();
            initTable(accessor);
        }
        if (insertEntry == null || getKeyFields().length != 2) {
            batches.flush();
            super.writeValues(accessor, revision);
            return;
        }
        ITypeMapping type = getTypeMapping();
        PreparedStatement statement = batches.statement(insertEntry);
        int index = 0;
        try {
            for (Object value : values) {
                setKeyFields(statement, revision);
                statement.setInt(3, index++);
                type.setValue(statement, 4, value);
                batches.added(statement);
            }
        } catch (SQLException e) {
            throw new DBException(e, insertEntry);
        }
    }

    /**
     * Fills this list of every revision in {@code revisions} (of one class, read from
     * {@code classTable} with the ids of {@code part} and {@code validAt}, which has two parameters
     * when {@code timeStamp} is set): one query, joining the class table so that only the entries
     * of the version read come back; entries of objects not in {@code revisions} are skipped.
     */
    void readAll(IDBStoreAccessor accessor, List<InternalCDORevision> revisions, IDBTable classTable,
            IdRuns.Part part, String validAt, long timeStamp) {
        if (getTable() == null) {
            return;
        }
        Map<CDOID, CDOList> lists = new HashMap<>();
        for (InternalCDORevision revision : revisions) {
            CDOList list = revision.getListOrNull(getFeature());
            if (list != null && !list.isEmpty()) {
                lists.put(revision.getID(), list);
            }
        }
        if (lists.isEmpty()) {
            return;
        }
        int longest = 0;
        for (CDOList list : lists.values()) {
            longest = Math.max(longest, list.size());
        }
        // a long list (the 100,000 values of a run) in windows of entries: see IdRuns.RANGE_MAX
        boolean windows = longest > IdRuns.RANGE_MAX;
        String sql = "SELECT l." + LIST_REVISION_ID + ", l." + LIST_IDX + ", l." + LIST_VALUE + " FROM "
                + getTable().getName() + " l, " + classTable + " c WHERE " + part.condition("c.") + " AND " + validAt
                + " AND l." + LIST_REVISION_ID + "=c." + ATTRIBUTES_ID + " AND l." + LIST_REVISION_VERSION + "=c."
                + ATTRIBUTES_VERSION + (windows ? " AND l." + LIST_IDX + ">=? AND l." + LIST_IDX + "<?" : "");
        IIDHandler idHandler = getMappingStrategy().getStore().getIDHandler();
        ITypeMapping type = getTypeMapping();
        try (PreparedStatement statement = accessor.getConnection().prepareStatement(sql)) {
            for (int from = 0; from < longest; from += IdRuns.RANGE_MAX) {
                int column = part.bind(statement, idHandler, 1);
                if (timeStamp != CDOBranchPoint.UNSPECIFIED_DATE) {
                    statement.setLong(column++, timeStamp);
                    statement.setLong(column++, timeStamp);
                }
                if (windows) {
                    statement.setInt(column++, from);
                    statement.setInt(column, from + IdRuns.RANGE_MAX);
                } else {
                    from = longest; // one query
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        CDOID source = idHandler.getCDOID(rows, 1);
                        int index = rows.getInt(2);
                        Object value = type.readValue(rows);
                        CDOList list = lists.get(source);
                        if (list != null && index >= 0 && index < list.size()) {
                            list.set(index, value);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new DBException(e, sql);
        }
    }
}
