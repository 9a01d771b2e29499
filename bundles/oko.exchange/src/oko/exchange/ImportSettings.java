package oko.exchange;

/**
 * How an import runs: the period code for per-period values when the file has no period column
 * ({@code --period}; null when not given), and whether missing referenced objects (e.g. clusters)
 * are created ({@code --create-clusters}) instead of reported as errors.
 */
public record ImportSettings(String period, boolean createMissing) {

    /** No period, nothing created that the file only refers to. */
    public static final ImportSettings DEFAULT = new ImportSettings(null, false);
}
