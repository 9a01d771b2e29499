package oko.monitoring.bench;

import java.sql.Connection;
import java.sql.Statement;

import oko.repository.db.StoreConfig;
import oko.repository.internal.Batches;

/**
 * The physical floor of a bulk commit: the rows CDO's audited horizontal schema needs for new raw
 * values — per value its row of the class table (primary key {@code (CDO_ID, CDO_VERSION)} and the
 * {@code CDO_REVISED} index), its object-type row ({@code CDO_OBJECTS}, keyed by id) and its entry
 * of the run's list table (keyed by source, version, index) — written in one transaction by plain
 * JDBC through the bulk paths' own {@link Batches} ({@code COPY} on PostgreSQL, batched inserts on
 * H2), without CDO: what the database alone takes for what a commit must store.
 */
final class SchemaFloor {

    private SchemaFloor() {
    }

    /** Creates the three tables in {@code store} (a new, empty one) and writes {@code values} values; ms. */
    static double write(StoreConfig store, int values) throws Exception {
        try (Connection connection = store.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE FLOOR_VALUE (CDO_ID BIGINT NOT NULL, CDO_VERSION INTEGER NOT NULL,"
                        + " CDO_CREATED BIGINT NOT NULL, CDO_REVISED BIGINT NOT NULL, CDO_RESOURCE BIGINT,"
                        + " CDO_CONTAINER BIGINT, CDO_FEATURE INTEGER, ORGANISATION BIGINT, VALUE0 DOUBLE PRECISION,"
                        + " NOVALUE BOOLEAN, NOVALUEREASON VARCHAR(2048), COMMENT VARCHAR(2048), CODE VARCHAR(2048),"
                        + " ELEMENT0 BIGINT)");
                statement.execute("CREATE UNIQUE INDEX FLOOR_VALUE_KEY ON FLOOR_VALUE (CDO_ID, CDO_VERSION)");
                statement.execute("CREATE INDEX FLOOR_VALUE_REVISED ON FLOOR_VALUE (CDO_REVISED)");
                statement.execute("CREATE TABLE FLOOR_OBJECTS (CDO_ID BIGINT NOT NULL, CDO_CLASS BIGINT,"
                        + " CDO_CREATED BIGINT)");
                statement.execute("CREATE UNIQUE INDEX FLOOR_OBJECTS_KEY ON FLOOR_OBJECTS (CDO_ID)");
                statement.execute("CREATE TABLE FLOOR_LIST (CDO_SOURCE BIGINT NOT NULL, CDO_VERSION INTEGER NOT NULL,"
                        + " CDO_IDX INTEGER NOT NULL, CDO_VALUE BIGINT)");
                statement.execute("CREATE UNIQUE INDEX FLOOR_LIST_KEY ON FLOOR_LIST (CDO_SOURCE, CDO_VERSION, CDO_IDX)");
            }
            connection.commit();
            long start = System.nanoTime();
            long created = System.currentTimeMillis();
            long run = 1;
            try (Batches batches = new Batches(connection, true)) {
                for (int i = 0; i < values; i++) {
                    long id = 1_000 + i;
                    int index = i;
                    batches.add("INSERT INTO FLOOR_VALUE(CDO_ID, CDO_VERSION, CDO_CREATED, CDO_REVISED, CDO_RESOURCE,"
                            + " CDO_CONTAINER, CDO_FEATURE, ORGANISATION, VALUE0, NOVALUE, NOVALUEREASON, COMMENT, CODE,"
                            + " ELEMENT0) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row -> {
                                row.setLong(1, id);
                                row.setInt(2, 1);
                                row.setLong(3, created);
                                row.setLong(4, 0);
                                row.setLong(5, 0);
                                row.setLong(6, run);
                                row.setInt(7, -3);
                                row.setLong(8, 10 + index % 1_000);
                                row.setDouble(9, index % 100 + 0.5);
                                row.setBoolean(10, false);
                                row.setNull(11, java.sql.Types.VARCHAR);
                                row.setNull(12, java.sql.Types.VARCHAR);
                                row.setString(13, "x" + index % 250);
                                row.setLong(14, 0);
                            });
                    batches.add("INSERT INTO FLOOR_OBJECTS(CDO_ID, CDO_CLASS, CDO_CREATED) VALUES (?, ?, ?)", row -> {
                        row.setLong(1, id);
                        row.setLong(2, -7);
                        row.setLong(3, created);
                    });
                    batches.add("INSERT INTO FLOOR_LIST(CDO_SOURCE, CDO_VERSION, CDO_IDX, CDO_VALUE) VALUES (?, ?, ?, ?)",
                            row -> {
                                row.setLong(1, run);
                                row.setInt(2, 1);
                                row.setInt(3, index);
                                row.setLong(4, id);
                            });
                }
                batches.flush();
            }
            connection.commit();
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
