package oko.monitoring;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EObject;

import oko.core.formula.Aggregations;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine.IndicatorResult;

/**
 * The monitoring actions a user takes, one method each, the same for the command line
 * ({@code ./oko monitor …}), the workbench (the Monitoring menu and view) and the reports' data
 * sets. Every method works on the objects of one CDO transaction or view (or an EMF resource set)
 * and changes them in memory; the caller commits (or rolls back) — so bad input stores nothing.
 * <p>
 * The risk groups follow the policy each group carries in the model (its kind, comparison,
 * consecutive periods, share of indicators, weights and thresholds: see {@link RiskGroups}).
 */
public final class MonitoringService {

    private MonitoringService() {
    }

    // --- finding what to work on -----------------------------------------------------------

    /** The period of that code among the models' periods, if any. */
    public static Optional<Period> period(List<? extends EObject> roots, String code) {
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                for (Period period : model.getPeriods()) {
                    if (code.equals(period.getCode())) {
                        return Optional.of(period);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The systems with indicators that have monitoring data (runs) for the period, in repository
     * order: those the user chooses among; the first is the default. A system that only carries
     * runs for another system's indicators (as the sample's illustrative data do) is not one.
     */
    public static List<QualitySystem> systemsWithData(List<? extends EObject> roots, Period period) {
        return MonitoringEngine.systemsWithRuns(roots, period).stream()
                .filter(s -> !MonitoringEngine.indicators(s).isEmpty()).toList();
    }

    /**
     * The system of that code; without a code ({@code null}), the first with monitoring data for
     * the period.
     */
    public static Optional<QualitySystem> system(List<? extends EObject> roots, String code, Period period) {
        if (code == null) {
            return systemsWithData(roots, period).stream().findFirst();
        }
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    if (code.equals(system.getCode())) {
                        return Optional.of(system);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The systems raw values of the period can be imported into ({@link RawValueImport#targets}). */
    public static List<QualitySystem> importTargets(List<? extends EObject> roots, Period period) {
        return RawValueImport.targets(roots, period);
    }

    // --- the actions -------------------------------------------------------------------------

    /**
     * Imports raw values from a CSV or XLSX file ({@code layout} null: detected from the header).
     * Checked as read; on any problem the values created are removed again and the result lists
     * the problems (the caller should still roll back).
     */
    public static RawValueImport.Imported importValues(Path file, RawValueImport.Layout layout, QualitySystem system,
            Period period) throws IOException {
        return RawValueImport.importFile(file, layout, system, period);
    }

    /**
     * What the period looks like, without storing anything: the indicator results of the period
     * and of the previous one, and the risk lists — what the Monitoring view and the reports show.
     */
    public static Results results(QualitySystem system, Period period) {
        List<IndicatorResult> results = MonitoringEngine.computeWithPrevious(system, period);
        return new Results(system, period, results, RiskGroups.compute(system, period, results));
    }

    /**
     * Computes the period's indicators and risk lists and stores both (replacing what an earlier
     * computation stored): {@code ./oko monitor compute} and the workbench's <i>Compute
     * indicators</i>. A regional system's municipal systems (those naming it as their parent) are
     * computed and stored first, each as if computed on its own ({@link Computed#below()}); then
     * the region's indicators from their values.
     */
    public static Computed compute(QualitySystem system, Period period) {
        List<Computed> below = new java.util.ArrayList<>();
        for (QualitySystem municipal : Aggregations.systemsBelow(system)) {
            below.add(compute(municipal, period));
        }
        List<String> badValues = MonitoringEngine.badValues(system, period);
        Results results = results(system, period);
        int values = ResultWriter.storeValues(system, period, results.current());
        int lists = ResultWriter.storeRiskLists(system, period, results.riskLists());
        return new Computed(results, badValues, values, lists, List.copyOf(below));
    }

    /**
     * The quality systems below a regional one (its municipal systems), empty for another; what
     * {@link #compute} computes first.
     */
    public static List<QualitySystem> systemsBelow(QualitySystem system) {
        return Aggregations.systemsBelow(system);
    }

    /** Computes the risk lists of the period (with their dynamics) and stores them. */
    public static RiskLists riskGroups(QualitySystem system, Period period) {
        List<RiskGroups.RiskListResult> lists = RiskGroups.compute(system, period,
                MonitoringEngine.computeWithPrevious(system, period));
        return new RiskLists(lists, ResultWriter.storeRiskLists(system, period, lists));
    }

    /**
     * Generates the period's recommendations by the system's rules, over the indicators and the
     * risk lists computed now (see {@link Recommendations#generate}).
     */
    public static Recommendations.Outcome recommend(QualitySystem system, Period period) {
        Results results = results(system, period);
        return Recommendations.generate(system, period, results.indicators(), results.riskLists());
    }

    /** Analyses the effectiveness of the period's measures and writes the conclusions into them. */
    public static Effectiveness.Analysis effectiveness(QualitySystem system, Period period) {
        Effectiveness.Analysis analysis = Effectiveness.analyse(system, period, List.of());
        Effectiveness.store(analysis);
        return analysis;
    }

    /** The effectiveness of the period's measures, without writing anything (for reports). */
    public static Effectiveness.Analysis analyseEffectiveness(QualitySystem system, Period period) {
        return Effectiveness.analyse(system, period, List.of());
    }

    /**
     * Correlates two indicators of the period over the schools with both values; empty names the
     * code that has no result for the period.
     */
    public static Correlated correlate(QualitySystem system, Period period, String codeA, String codeB) {
        List<IndicatorResult> results = MonitoringEngine.compute(system, period);
        IndicatorResult a = results.stream().filter(r -> codeA.equals(r.indicator().getCode())).findFirst().orElse(null);
        IndicatorResult b = results.stream().filter(r -> codeB.equals(r.indicator().getCode())).findFirst().orElse(null);
        if (a == null || b == null) {
            return new Correlated(a, b, null, a == null ? codeA : codeB);
        }
        return new Correlated(a, b, Correlation.of(a, b), null);
    }

    // --- results -----------------------------------------------------------------------------

    /**
     * Indicator results of the period and of the previous one ({@code indicators}) and the risk
     * lists of the period.
     */
    public record Results(QualitySystem system, Period period, List<IndicatorResult> indicators,
            List<RiskGroups.RiskListResult> riskLists) {

        /** The results of the period itself. */
        public List<IndicatorResult> current() {
            return indicators.stream().filter(r -> r.period() == period).toList();
        }

        /** The result of the indicator of that code in the period or the previous one. */
        public Optional<IndicatorResult> of(String code, boolean previous) {
            return indicators.stream().filter(r -> code.equals(r.indicator().getCode())
                    && (previous ? r.period() != period : r.period() == period)).findFirst();
        }

        /** The codes of the risk groups each school is in this period, sorted. */
        public Map<Organisation, String> riskGroupsBySchool() {
            Map<Organisation, TreeSet<String>> groups = new java.util.LinkedHashMap<>();
            for (RiskGroups.RiskListResult list : riskLists) {
                for (Organisation school : list.schools()) {
                    groups.computeIfAbsent(school, s -> new TreeSet<>()).add(list.group().getCode());
                }
            }
            Map<Organisation, String> joined = new java.util.LinkedHashMap<>();
            groups.forEach((school, codes) -> joined.put(school, String.join(", ", codes)));
            return joined;
        }
    }

    /**
     * What {@link #compute} did: the results, the stored values skipped as bad, what it stored, and
     * for a region what computing each of its municipal systems did (empty otherwise).
     */
    public record Computed(Results results, List<String> badValues, int storedValues, int storedLists,
            List<Computed> below) {
    }

    /** The risk lists computed and how many were stored. */
    public record RiskLists(List<RiskGroups.RiskListResult> lists, int stored) {
    }

    /**
     * A correlation of indicators {@code a} and {@code b}; {@code result} is null and
     * {@code missing} the code without a result when one has none.
     */
    public record Correlated(IndicatorResult a, IndicatorResult b, Correlation.Result result, String missing) {
    }
}
