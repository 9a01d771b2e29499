package oko.repository.internal;

/**
 * The switch of the repository's bulk paths: batched writes of a commit's new revisions
 * ({@link BulkClassMapping}, {@link BulkListMapping}, {@link BulkAccessor}) and bulk reads of a
 * prefetch ({@link BulkPrefetch}). On unless {@code -Doko.store.bulk=false}; read when a server
 * starts, so one JVM can run a server each way (the benchmarks compare them in one run).
 */
public final class BulkPaths {

    /** The system property; {@code false} turns the bulk paths off (CDO's own row-by-row paths). */
    public static final String PROPERTY = "oko.store.bulk";

    /**
     * The system property; {@code false} sends a commit's new rows to PostgreSQL as batched
     * inserts instead of {@code COPY} ({@link CopyRows}). Read at each commit.
     */
    public static final String COPY_PROPERTY = "oko.store.copy";

    private BulkPaths() {
    }

    /** Whether a server started now uses the bulk paths. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }

    /** Whether a commit now sends its new rows to PostgreSQL with {@code COPY}. */
    public static boolean copy() {
        return !"false".equalsIgnoreCase(System.getProperty(COPY_PROPERTY, "true").strip());
    }
}
