package oko.repository.db;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.eclipse.net4j.db.h2.H2Adapter;

/**
 * net4j's H2 adapter made fit for H2 2.x: H2 2 reports a missing table with other SQL states,
 * lists its INFORMATION_SCHEMA tables among the tables CDO reads back, and has more keywords.
 * Used with the URL option {@code NON_KEYWORDS=VALUE} (see {@link StoreConfig.H2}).
 */
public class OkoH2Adapter extends H2Adapter {

    private static final String[] RESERVED = ReservedWords.union(ReservedWords.H2, ReservedWords.POSTGRESQL);

    @Override
    public String[] getReservedWords() {
        return ReservedWords.union(super.getReservedWords(), RESERVED);
    }

    @Override
    public boolean isReservedWord(String word) {
        return ReservedWords.contains(RESERVED, word) || super.isReservedWord(word);
    }

    @Override
    public boolean isTableNotFoundException(SQLException e) {
        String state = e.getSQLState();
        return "42S02".equals(state) || "42S03".equals(state) || "42S04".equals(state) || e.getErrorCode() == 42104
                || super.isTableNotFoundException(e);
    }

    @Override
    protected ResultSet readTables(Connection connection, DatabaseMetaData metaData, String schemaName)
            throws SQLException {
        String schema = schemaName != null ? schemaName : connection.getSchema();
        return metaData.getTables(null, schema, null, new String[] { "TABLE", "BASE TABLE" });
    }
}
