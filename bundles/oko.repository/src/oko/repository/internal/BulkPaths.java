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

    private BulkPaths() {
    }

    /** Whether a server started now uses the bulk paths. */
    public static boolean enabled() {
        return !"false".equalsIgnoreCase(System.getProperty(PROPERTY, "true").strip());
    }
}
