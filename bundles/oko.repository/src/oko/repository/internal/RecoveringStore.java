package oko.repository.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.eclipse.emf.cdo.server.db.mapping.IMappingStrategy;
import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.server.ITransaction;
import org.eclipse.emf.cdo.server.internal.db.DBStore;
import org.eclipse.emf.cdo.server.internal.db.DBStoreAccessor;
import org.eclipse.net4j.db.IDBAdapter;
import org.eclipse.net4j.db.IDBConnectionProvider;

/**
 * CDO's DB store that remembers whether it had to repair itself after a crash (the previous
 * process was killed or died without closing the repository), and afterwards refreshes the
 * database's statistics: the repair leaves H2's index selectivity wrong, and then loading the
 * model can take minutes instead of seconds. Whoever opened the store tells the user.
 */
public final class RecoveringStore extends DBStore {

    private final IDBConnectionProvider connections;
    private final boolean bulk;
    /** PostgreSQL's statistics kept up with the bulk paths' rows; null on H2, without the bulk paths or when switched off. */
    private final TableStatistics statistics;
    private volatile boolean repaired;

    /** CDO's DB store with CDO's own mapping and accessors. */
    public RecoveringStore(IMappingStrategy mapping, IDBAdapter adapter, IDBConnectionProvider connections) {
        this(mapping, adapter, connections, false);
    }

    /**
     * With {@code bulk}, the store's accessors batch a commit's writes ({@link BulkAccessor}); the
     * mapping should then be a {@link BulkMappingStrategy}, whose mappings use those batches.
     */
    public RecoveringStore(IMappingStrategy mapping, IDBAdapter adapter, IDBConnectionProvider connections,
            boolean bulk) {
        this.bulk = bulk;
        setMappingStrategy(mapping);
        setDBAdapter(adapter);
        setDBConnectionProvider(connections);
        this.connections = connections;
        this.statistics = bulk && TableStatistics.wanted(adapter.getName()) ? new TableStatistics(connections) : null;
    }

    /**
     * The statistics keeper of this store (to be added as a write access handler of its
     * repository), or null when the store needs none.
     */
    public TableStatistics statistics() {
        return statistics;
    }

    @Override
    protected void doDeactivate() throws Exception {
        if (statistics != null) {
            statistics.close();
        }
        super.doDeactivate();
    }

    @Override
    protected void repairAfterCrash() {
        repaired = true;
        super.repairAfterCrash();
        analyze();
    }

    @Override
    protected DBStoreAccessor createReader(ISession session) {
        return bulk ? new BulkAccessor(this, session) : super.createReader(session);
    }

    @Override
    protected DBStoreAccessor createWriter(ITransaction transaction) {
        return bulk ? new BulkAccessor(this, transaction) : super.createWriter(transaction);
    }

    /** Whether this store's accessors use the bulk paths. */
    public boolean bulk() {
        return bulk;
    }

    /** Whether this start found the repository not closed properly and repaired it. */
    public boolean repairedAfterCrash() {
        return repaired;
    }

    /** {@code ANALYZE}: the same statement refreshes the statistics of every table in H2 and PostgreSQL. */
    private void analyze() {
        try (Connection connection = connections.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("ANALYZE");
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // the store works without fresh statistics, only slower: say so and go on
            org.eclipse.core.runtime.ILog.of(RecoveringStore.class).warn(
                    Messages.bind(Messages.analyzeFailed, e.getMessage()), e);
        }
    }
}
