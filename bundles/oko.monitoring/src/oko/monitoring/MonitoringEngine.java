package oko.monitoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.core.formula.Expression;
import oko.core.formula.FormulaEvaluator;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.core.formula.FormulaValue;
import oko.core.formula.Aggregations;
import oko.model.AggregationKind;
import oko.model.Cluster;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;

/**
 * Computes a quality system's indicators for one period: each indicator's formula over the raw
 * values of each school (from the system's monitoring runs of that period), then ranks, 0–100
 * scores, and median, mean, minimum and maximum overall and per cluster. Pure computation over
 * the model; {@link ResultWriter} stores the results.
 */
public final class MonitoringEngine {

    /** One school's result for an indicator. {@code rank} and {@code scaled} are null without a value. */
    public record SchoolResult(Organisation school, FormulaValue value, Integer rank, Double scaled) {
    }

    /** Statistics of a group of schools (a cluster, or all: {@code cluster == null}). */
    public record GroupStatistics(Cluster cluster, int schools, OptionalDouble median, OptionalDouble mean,
            OptionalDouble min, OptionalDouble max) {
    }

    /**
     * How an aggregated indicator's value came about: the units of the level below (schools of a
     * municipality, municipal systems of a region), how many had a value, how many met the
     * threshold (share and count only, else null), and the units left out for lack of a value,
     * each with the reason (a school's code, a municipal system's code).
     */
    public record Aggregate(AggregationKind kind, int units, int withValue, Integer meeting,
            Map<String, String> withoutValue) {

        /** The percentage of the units below with a value (100 when there are none). */
        public double coverage() {
            return units == 0 ? 100 : 100.0 * withValue / units;
        }
    }

    /**
     * An indicator computed for a period. For an aggregated indicator {@code schools} holds the one
     * organisation running the system (the municipality's authority, the regional operator) and
     * {@code aggregate} says how it was computed; null otherwise.
     */
    public record IndicatorResult(Indicator indicator, Period period, List<SchoolResult> schools,
            GroupStatistics overall, Map<Cluster, GroupStatistics> clusters, Map<Organisation, SchoolResult> bySchool,
            Aggregate aggregate) {

        /** The school's value, if it has one. */
        public OptionalDouble value(Organisation school) {
            SchoolResult result = bySchool.get(school);
            return result != null && result.value().present() ? OptionalDouble.of(result.value().number())
                    : OptionalDouble.empty();
        }

        /** Median of the school's cluster (or of all schools when it has none). */
        public OptionalDouble clusterMedian(Organisation school) {
            GroupStatistics group = school.getCluster() == null ? null : clusters.get(school.getCluster());
            return group != null ? group.median() : overall.median();
        }

        /** Mean of the school's cluster (or of all schools when it has none). */
        public OptionalDouble clusterMean(Organisation school) {
            GroupStatistics group = school.getCluster() == null ? null : clusters.get(school.getCluster());
            return group != null ? group.mean() : overall.mean();
        }
    }

    private final QualitySystem system;
    private final Period period;
    private final Map<Organisation, Map<String, FormulaValue>> raw;
    private final Map<Indicator, Map<Organisation, FormulaValue>> computed = new HashMap<>();
    private final Deque<Indicator> inProgress = new ArrayDeque<>();
    private final Map<Indicator, Aggregate> aggregates = new HashMap<>();
    /** Engines of the municipal systems below a regional one, made when first needed. */
    private final Map<QualitySystem, MonitoringEngine> below = new HashMap<>();

    private MonitoringEngine(QualitySystem system, Period period) {
        this.system = system;
        this.period = period;
        this.raw = rawValues(system, period);
    }

    /**
     * Every indicator of the system that has a formula or aggregates the level below, computed for
     * the period. A regional system's aggregated indicators are computed from its municipal
     * systems' values of the same period, computed now (not read from what was stored).
     */
    public static List<IndicatorResult> compute(QualitySystem system, Period period) {
        MonitoringEngine engine = new MonitoringEngine(system, period);
        List<IndicatorResult> results = new ArrayList<>();
        for (Indicator indicator : indicators(system)) {
            if (computable(indicator)) {
                results.add(engine.result(indicator));
            }
        }
        return results;
    }

    /** Whether the engine computes the indicator: it has a formula or aggregates the level below. */
    public static boolean computable(Indicator indicator) {
        return Aggregations.aggregated(indicator) || indicator.getFormula() != null && !indicator.getFormula().isBlank();
    }

    /**
     * The period's results followed by the previous period's, when there is one: what risk groups,
     * recommendations and changes against the previous period need.
     */
    public static List<IndicatorResult> computeWithPrevious(QualitySystem system, Period period) {
        List<IndicatorResult> results = new ArrayList<>(compute(system, period));
        if (period.getPrevious() != null) {
            results.addAll(compute(system, period.getPrevious()));
        }
        return results;
    }

    /**
     * The period's results by indicator: those among {@code known} of the period, or, when none
     * is, computed; empty for no period.
     */
    static Map<Indicator, IndicatorResult> resultsOf(QualitySystem system, Period period, List<IndicatorResult> known) {
        Map<Indicator, IndicatorResult> byIndicator = new HashMap<>();
        if (period == null) {
            return byIndicator;
        }
        known.stream().filter(r -> r.period() == period).forEach(r -> byIndicator.put(r.indicator(), r));
        if (byIndicator.isEmpty()) {
            compute(system, period).forEach(r -> byIndicator.put(r.indicator(), r));
        }
        return byIndicator;
    }

    /** The system's indicators in document order (including sub-indicators). */
    public static List<Indicator> indicators(QualitySystem system) {
        List<Indicator> result = new ArrayList<>();
        addWithSubIndicators(system.getIndicators(), result);
        return result;
    }

    private static void addWithSubIndicators(List<Indicator> indicators, List<Indicator> into) {
        for (Indicator indicator : indicators) {
            into.add(indicator);
            addWithSubIndicators(indicator.getSubIndicators(), into);
        }
    }

    /**
     * The quality systems of the models that have monitoring runs in the period, in repository
     * order: the systems whose indicators can be computed for it.
     */
    public static List<QualitySystem> systemsWithRuns(List<? extends EObject> roots, Period period) {
        List<QualitySystem> systems = new ArrayList<>();
        for (EObject root : roots) {
            if (root instanceof oko.model.ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    if (!runs(system, period).isEmpty()) {
                        systems.add(system);
                    }
                }
            }
        }
        return systems;
    }

    /** The runs of the system's monitorings that belong to the period. */
    public static List<MonitoringRun> runs(QualitySystem system, Period period) {
        List<MonitoringRun> runs = new ArrayList<>();
        for (Monitoring monitoring : allMonitorings(system)) {
            for (MonitoringRun run : monitoring.getRuns()) {
                if (run.getPeriod() == period) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    /**
     * Monitorings of the system, including those other systems of its level contribute for it
     * (they refer to the system's direction or indicators; e.g. the illustrative monitoring data).
     * A system of another level does not: a school's own monitorings in its ВСОКО (its
     * self-assessment on the municipal indicators, say) are not the municipality's data.
     */
    static List<Monitoring> allMonitorings(QualitySystem system) {
        Set<Monitoring> monitorings = new LinkedHashSet<>(system.getMonitorings());
        for (QualitySystem other : ModelScope.systems(system)) {
            if (other.getLevel() != system.getLevel()) {
                continue;
            }
            for (Monitoring monitoring : other.getMonitorings()) {
                if (belongsTo(monitoring, system)) {
                    monitorings.add(monitoring);
                }
            }
        }
        return new ArrayList<>(monitorings);
    }

    private static boolean belongsTo(Monitoring monitoring, QualitySystem system) {
        if (monitoring.getDirection() != null && monitoring.getDirection().eContainer() == system) {
            return true;
        }
        return monitoring.getIndicators().stream().anyMatch(indicator -> ModelScope.within(indicator, system));
    }

    /**
     * Raw values per school and measure code for the period, from every run of the period
     * ({@link #runs}). When two runs hold a value for the same school and measure, the run with the
     * later date wins (an import dates the run it creates); without dates, the later run in
     * document order.
     */
    public static Map<Organisation, Map<String, FormulaValue>> rawValues(QualitySystem system, Period period) {
        Map<Organisation, Map<String, FormulaValue>> values = new LinkedHashMap<>();
        Map<Organisation, Map<String, java.util.Date>> dates = new HashMap<>();
        for (MonitoringRun run : runs(system, period)) {
            for (RawValue value : run.getRawValues()) {
                if (value.getOrganisation() == null) {
                    continue;
                }
                String code = value.getCode() != null ? value.getCode()
                        : value.getElement() != null ? value.getElement().getCode() : null;
                if (code == null) {
                    continue;
                }
                Map<String, java.util.Date> schoolDates = dates.computeIfAbsent(value.getOrganisation(),
                        k -> new HashMap<>());
                java.util.Date known = schoolDates.get(code);
                if (known != null && run.getDate() != null && run.getDate().before(known)) {
                    continue; // an older run's value for what a later run already holds
                }
                if (run.getDate() != null || !schoolDates.containsKey(code)) {
                    schoolDates.put(code, run.getDate());
                }
                String bad = value.isNoValue() ? null : badValue(value, code, run);
                FormulaValue v = value.isNoValue() ? FormulaValue.none(value.getNoValueReason() == null
                        ? code : value.getNoValueReason())
                        : bad != null ? FormulaValue.none(bad) : FormulaValue.of(value.getValue());
                values.computeIfAbsent(value.getOrganisation(), k -> new LinkedHashMap<>()).put(code, v);
            }
        }
        return values;
    }

    /**
     * The stored raw values of the period that cannot be (NaN, infinity, a negative or fractional
     * count, a flag other than 0/1, a percentage outside 0–100…: stored by an older version or
     * imported from a model file), one sentence each naming the school, the measure and the value.
     * The computation skips them (the school has no value for that measure) instead of failing.
     */
    public static List<String> badValues(QualitySystem system, Period period) {
        List<String> problems = new ArrayList<>();
        for (MonitoringRun run : runs(system, period)) {
            for (RawValue value : run.getRawValues()) {
                String code = value.getCode() != null ? value.getCode()
                        : value.getElement() != null ? value.getElement().getCode() : null;
                if (value.getOrganisation() != null && code != null && !value.isNoValue()) {
                    String bad = badValue(value, code, run);
                    if (bad != null) {
                        problems.add(bad);
                    }
                }
            }
        }
        return problems;
    }

    private static String badValue(RawValue value, String code, MonitoringRun run) {
        String problem = ValueCheck.problem(value.getElement(), value.getValue());
        if (problem == null) {
            return null;
        }
        Organisation school = value.getOrganisation();
        return Messages.bind(Messages.computeBadValue, new Object[] {
                school.getCode() != null ? school.getCode() : school.getName(), code,
                Double.toString(value.getValue()), problem, run.getName() != null ? run.getName() : "" });
    }

    private IndicatorResult result(Indicator indicator) {
        Map<Organisation, FormulaValue> values = values(indicator);
        Map<Organisation, Double> present = new LinkedHashMap<>();
        values.forEach((school, value) -> {
            if (value.present()) {
                present.put(school, value.number());
            }
        });
        Map<Organisation, Integer> ranks = Statistics.ranks(present, indicator.isHigherIsBetter());
        Map<Organisation, Double> scaled = Statistics.scaled(present, indicator.isHigherIsBetter());
        List<SchoolResult> schools = new ArrayList<>();
        values.forEach((school, value) -> schools.add(new SchoolResult(school, value, ranks.get(school),
                scaled.get(school))));
        schools.sort(Comparator.comparing(r -> r.school().getCode() == null ? "" : r.school().getCode()));
        Map<Cluster, List<Double>> byCluster = new LinkedHashMap<>();
        present.forEach((school, value) -> {
            if (school.getCluster() != null) {
                byCluster.computeIfAbsent(school.getCluster(), k -> new ArrayList<>()).add(value);
            }
        });
        Map<Cluster, GroupStatistics> clusters = new LinkedHashMap<>();
        byCluster.forEach((cluster, list) -> clusters.put(cluster, statistics(cluster, list)));
        Map<Organisation, SchoolResult> bySchool = new HashMap<>();
        schools.forEach(r -> bySchool.put(r.school(), r));
        return new IndicatorResult(indicator, period, schools, statistics(null, new ArrayList<>(present.values())),
                clusters, bySchool, aggregates.get(indicator));
    }

    private static GroupStatistics statistics(Cluster cluster, List<Double> values) {
        return new GroupStatistics(cluster, values.size(), Statistics.median(values), Statistics.mean(values),
                Statistics.min(values), Statistics.max(values));
    }

    /** The indicator's value for every school with raw values in the period. */
    private Map<Organisation, FormulaValue> values(Indicator indicator) {
        Map<Organisation, FormulaValue> known = computed.get(indicator);
        if (known != null) {
            return known;
        }
        if (Aggregations.aggregated(indicator)) {
            return aggregatedValues(indicator);
        }
        Map<Organisation, FormulaValue> result = new LinkedHashMap<>();
        Expression expression;
        try {
            expression = FormulaParser.parse(indicator.getFormula());
        } catch (FormulaException e) {
            FormulaValue broken = FormulaValue.none(Messages.bind(Messages.formulaBroken, e.getMessage()));
            raw.keySet().forEach(school -> result.put(school, broken));
            computed.put(indicator, result);
            return result;
        }
        Set<String> measures = measures(indicator, new LinkedHashSet<>());
        inProgress.push(indicator);
        try {
            for (Map.Entry<Organisation, Map<String, FormulaValue>> entry : raw.entrySet()) {
                Organisation school = entry.getKey();
                Map<String, FormulaValue> schoolValues = entry.getValue();
                if (!measures.isEmpty() && measures.stream().noneMatch(schoolValues::containsKey)) {
                    continue; // not measured for this indicator (e.g. the authority, for a school indicator)
                }
                result.put(school, FormulaEvaluator.evaluate(expression, reference -> {
                    if (reference.indicator()) {
                        return indicatorValue(reference.name(), school);
                    }
                    FormulaValue value = schoolValues.get(reference.name());
                    return value != null ? value
                            : FormulaValue.none(Messages.bind(Messages.missingMeasure, reference.name()));
                }));
            }
        } finally {
            inProgress.pop();
        }
        computed.put(indicator, result);
        return result;
    }

    /** Raw measure codes the indicator's formula uses, directly or through other indicators. */
    private Set<String> measures(Indicator indicator, Set<Indicator> visited) {
        Set<String> codes = new LinkedHashSet<>();
        if (!visited.add(indicator)) {
            return codes;
        }
        try {
            for (Expression.Reference reference : FormulaEvaluator.references(FormulaParser.parse(indicator.getFormula()))) {
                if (!reference.indicator()) {
                    codes.add(reference.name());
                } else {
                    indicators(system).stream().filter(i -> reference.name().equals(i.getCode())
                            && i.getFormula() != null && !i.getFormula().isBlank()).findFirst()
                            .ifPresent(other -> codes.addAll(measures(other, visited)));
                }
            }
        } catch (FormulaException e) {
            // a broken formula uses nothing; every school gets "no value" with the parse error
        }
        return codes;
    }

    private FormulaValue indicatorValue(String code, Organisation school) {
        Indicator other = indicators(system).stream().filter(i -> code.equals(i.getCode())).findFirst().orElse(null);
        if (other == null || !computable(other)) {
            return FormulaValue.none(Messages.bind(Messages.unknownIndicator, code));
        }
        if (inProgress.contains(other)) {
            return FormulaValue.none(Messages.bind(Messages.indicatorCycle, code));
        }
        FormulaValue value = values(other).get(school);
        return value != null ? value : FormulaValue.none(Messages.bind(Messages.missingMeasure, code));
    }

    // --- aggregation of the level below ------------------------------------------------------

    /**
     * The aggregated indicator's value for the organisation running the system (none when the
     * system names no organisation): the aggregation of the values of the level below (see
     * {@link Aggregations}). Units without a value are left out and recorded in the coverage.
     */
    private Map<Organisation, FormulaValue> aggregatedValues(Indicator indicator) {
        Map<Organisation, FormulaValue> result = new LinkedHashMap<>();
        computed.put(indicator, result); // a cycle through the level below finds it empty
        Organisation own = system.getOrganisation();
        if (own == null) {
            return result;
        }
        String code = indicator.getAggregatedCode() == null ? "" : indicator.getAggregatedCode().strip();
        Map<String, FormulaValue> unitValues = new LinkedHashMap<>();
        Indicator lower = null;
        inProgress.push(indicator);
        try {
            if (system.getLevel() == Level.REGION) {
                for (QualitySystem municipal : Aggregations.systemsBelow(system)) {
                    Indicator its = Aggregations.indicator(municipal, code);
                    lower = lower == null ? its : lower;
                    unitValues.put(municipal.getCode() != null ? municipal.getCode() : municipal.getName(),
                            municipalValue(municipal, its));
                }
            } else {
                lower = Aggregations.indicator(system, code);
                if (lower != null && lower != indicator && computable(lower) && !inProgress.contains(lower)) {
                    values(lower).forEach((school, value) -> {
                        if (school != own) {
                            unitValues.put(school.getCode() != null ? school.getCode() : school.getName(), value);
                        }
                    });
                }
            }
        } finally {
            inProgress.pop();
        }
        if (lower == null) {
            result.put(own, FormulaValue.none(Messages.bind(Messages.aggregationNoIndicatorBelow, code)));
            aggregates.put(indicator, new Aggregate(indicator.getAggregation(), unitValues.size(), 0, null,
                    Map.of()));
            return result;
        }
        List<Double> present = new ArrayList<>();
        Map<String, String> missing = new LinkedHashMap<>();
        unitValues.forEach((unit, value) -> {
            if (value.present()) {
                present.add(value.number());
            } else {
                missing.put(unit, value.reason());
            }
        });
        AggregationKind kind = indicator.getAggregation();
        Integer meeting = null;
        FormulaValue value;
        if (Aggregations.usesThreshold(kind) && !Aggregations.canDecide(lower)) {
            value = FormulaValue.none(Messages.bind(Messages.aggregationNoThreshold, code));
        } else if (present.isEmpty()) {
            value = FormulaValue.none(Messages.bind(Messages.aggregationNoValuesBelow, code));
        } else {
            Indicator lowerIndicator = lower;
            int met = (int) present.stream().filter(v -> Boolean.TRUE.equals(Aggregations.meets(lowerIndicator, v)))
                    .count();
            meeting = Aggregations.usesThreshold(kind) ? met : null;
            value = switch (kind) {
            case MEAN -> FormulaValue.of(Statistics.mean(present).getAsDouble());
            case MEDIAN -> FormulaValue.of(Statistics.median(present).getAsDouble());
            case SUM -> FormulaValue.of(present.stream().mapToDouble(Double::doubleValue).sum());
            case MIN -> FormulaValue.of(Statistics.min(present).getAsDouble());
            case MAX -> FormulaValue.of(Statistics.max(present).getAsDouble());
            case SHARE_MEETING_THRESHOLD -> FormulaValue.of(100.0 * met / present.size());
            case COUNT_MEETING_THRESHOLD -> FormulaValue.of(met);
            default -> throw new IllegalStateException("not an aggregation: " + kind);
            };
        }
        result.put(own, value);
        aggregates.put(indicator, new Aggregate(kind, unitValues.size(), present.size(), meeting, missing));
        return result;
    }

    /** A municipal system's value of its indicator (below a region) for its organisation. */
    private FormulaValue municipalValue(QualitySystem municipal, Indicator indicator) {
        if (indicator == null) {
            return FormulaValue.none(Messages.bind(Messages.aggregationNoIndicatorIn, municipal.getCode()));
        }
        if (municipal.getOrganisation() == null) {
            return FormulaValue.none(Messages.bind(Messages.aggregationNoOrganisationOf, municipal.getCode()));
        }
        if (!computable(indicator)) {
            return FormulaValue.none(Messages.bind(Messages.unknownIndicator, indicator.getCode()));
        }
        MonitoringEngine engine = below.computeIfAbsent(municipal, s -> new MonitoringEngine(s, period));
        FormulaValue value = engine.values(indicator).get(municipal.getOrganisation());
        return value != null ? value : FormulaValue.none(Messages.bind(Messages.aggregationNoDataOf, municipal.getCode()));
    }
}
