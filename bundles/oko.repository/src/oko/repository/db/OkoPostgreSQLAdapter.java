package oko.repository.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.net4j.db.DBType;
import org.eclipse.net4j.db.ddl.IDBField;
import org.eclipse.net4j.spi.db.DBAdapter;

/**
 * A net4j DB adapter for PostgreSQL (none is published for CDO 4.7): PostgreSQL type names,
 * its SQL states, its column rename/modify syntax and its reserved words.
 */
public class OkoPostgreSQLAdapter extends DBAdapter {

    public static final String NAME = "postgresql";

    private static final String[] RESERVED = ReservedWords.union(ReservedWords.POSTGRESQL, ReservedWords.H2);

    public OkoPostgreSQLAdapter() {
        super(NAME, "15");
    }

    @Override
    public String[] getReservedWords() {
        return ReservedWords.union(getSQL92ReservedWords(), RESERVED);
    }

    @Override
    public boolean isReservedWord(String word) {
        return ReservedWords.contains(RESERVED, word) || super.isReservedWord(word);
    }

    @Override
    protected String getTypeName(IDBField field) {
        DBType type = field.getType();
        switch (type) {
        case BIT:
        case TINYINT:
            return "SMALLINT";
        case BOOLEAN:
            return "BOOLEAN";
        case DOUBLE:
        case FLOAT:
            return "DOUBLE PRECISION";
        case REAL:
            return "REAL";
        case BINARY:
        case VARBINARY:
        case LONGVARBINARY:
        case BLOB:
            return "BYTEA";
        case CLOB:
        case LONGVARCHAR:
            return "TEXT";
        default:
            return super.getTypeName(field);
        }
    }

    @Override
    public boolean isDuplicateKeyException(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    @Override
    public boolean isTableNotFoundException(SQLException e) {
        return "42P01".equals(e.getSQLState());
    }

    @Override
    public boolean isColumnNotFoundException(SQLException e) {
        return "42703".equals(e.getSQLState());
    }

    @Override
    public String sqlRenameField(IDBField field, String oldName) {
        return "ALTER TABLE " + field.getTable() + " RENAME COLUMN " + oldName + " TO " + field;
    }

    @Override
    protected String sqlModifyField(String tableName, String fieldName, String definition) {
        return "ALTER TABLE " + tableName + " ALTER COLUMN " + fieldName + " TYPE " + definition;
    }

    @Override
    protected ResultSet readTables(Connection connection, DatabaseMetaData metaData, String schemaName)
            throws SQLException {
        String schema = schemaName != null ? schemaName : connection.getSchema();
        return metaData.getTables(null, schema, null, new String[] { "TABLE" });
    }
}
