package oko.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import oko.model.Indicator;
import oko.model.IndicatorWeight;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskComparison;
import oko.model.RiskGroup;
import oko.model.RiskGroupKind;
import oko.model.ValueKind;

/**
 * The risk groups of a system, computed from indicator results by the policy each group carries
 * in the model (nothing here depends on a group's code or name):
 * <ul>
 * <li>{@link RiskGroupKind#BELOW_CLUSTER}: a school whose values are worse than the
 * {@link RiskGroup#getComparison() comparison} (its cluster's median or mean, every other school of
 * its cluster, or the group's fixed threshold) on at least {@link RiskGroup#getIndicatorShare()} of
 * the group's indicators it has values for (weighted by {@link RiskGroup#getWeights()}; 1 without a
 * weight);</li>
 * <li>{@link RiskGroupKind#THRESHOLD}: the same against the group's {@link RiskGroup#getThreshold()
 * threshold};</li>
 * <li>{@link RiskGroupKind#SOCIAL_INDEX}: a social well-being index — the weighted share of the
 * group's indicators that flag the school (a yes/no indicator that is "yes"; a numeric one worse than
 * its threshold, or than the median of all schools when it has none) — at or above
 * {@link RiskGroup#getIndexThreshold()};</li>
 * </ul>
 * each in {@link RiskGroup#getConsecutivePeriods()} consecutive periods (this one and the previous
 * ones). Dynamics compare with the previous period's list: entered, left, stayed.
 */
public final class RiskGroups {

    /** A group's list for a period with its dynamics against the previous period. */
    public record RiskListResult(RiskGroup group, Period period, Set<Organisation> schools, Set<Organisation> entered,
            Set<Organisation> left, Set<Organisation> stayed) {
    }

    private RiskGroups() {
    }

    /** Every risk group of the system for the period, by the groups' policies. */
    public static List<RiskListResult> compute(QualitySystem system, Period period) {
        return compute(system, period, List.of());
    }

    /**
     * As {@link #compute(QualitySystem, Period)}, reusing indicator results already computed (of
     * any periods) instead of computing them again.
     */
    public static List<RiskListResult> compute(QualitySystem system, Period period,
            List<MonitoringEngine.IndicatorResult> known) {
        Map<Period, Map<Indicator, MonitoringEngine.IndicatorResult>> cache = new LinkedHashMap<>();
        for (MonitoringEngine.IndicatorResult result : known) {
            cache.computeIfAbsent(result.period(), p -> new LinkedHashMap<>()).put(result.indicator(), result);
        }
        List<RiskListResult> lists = new ArrayList<>();
        for (RiskGroup group : system.getRiskGroups()) {
            Set<Organisation> now = members(system, group, period, cache);
            Set<Organisation> before = period.getPrevious() == null ? Set.of()
                    : members(system, group, period.getPrevious(), cache);
            Set<Organisation> entered = new LinkedHashSet<>(now);
            entered.removeAll(before);
            Set<Organisation> left = new LinkedHashSet<>(before);
            left.removeAll(now);
            Set<Organisation> stayed = new LinkedHashSet<>(now);
            stayed.retainAll(before);
            lists.add(new RiskListResult(group, period, now, entered, left, stayed));
        }
        return lists;
    }

    private static Map<Indicator, MonitoringEngine.IndicatorResult> results(QualitySystem system, Period period,
            Map<Period, Map<Indicator, MonitoringEngine.IndicatorResult>> cache) {
        return cache.computeIfAbsent(period, p -> {
            Map<Indicator, MonitoringEngine.IndicatorResult> byIndicator = new LinkedHashMap<>();
            for (MonitoringEngine.IndicatorResult result : MonitoringEngine.compute(system, p)) {
                byIndicator.put(result.indicator(), result);
            }
            return byIndicator;
        });
    }

    private static Set<Organisation> members(QualitySystem system, RiskGroup group, Period period,
            Map<Period, Map<Indicator, MonitoringEngine.IndicatorResult>> cache) {
        Set<Organisation> members = new LinkedHashSet<>();
        int periods = Math.max(1, group.getConsecutivePeriods());
        for (Organisation school : schools(group, results(system, period, cache))) {
            boolean atRisk = true;
            Period p = period;
            for (int i = 0; i < periods && atRisk; i++) {
                atRisk = p != null && atRisk(school, group, results(system, p, cache));
                p = p == null ? null : p.getPrevious();
            }
            if (atRisk) {
                members.add(school);
            }
        }
        return members;
    }

    private static Set<Organisation> schools(RiskGroup group, Map<Indicator, MonitoringEngine.IndicatorResult> results) {
        Set<Organisation> schools = new LinkedHashSet<>();
        for (Indicator indicator : group.getIndicators()) {
            MonitoringEngine.IndicatorResult result = results.get(indicator);
            if (result != null) {
                result.schools().forEach(s -> schools.add(s.school()));
            }
        }
        return schools;
    }

    /** Whether the school is at risk by the group's policy in the period of {@code results}. */
    static boolean atRisk(Organisation school, RiskGroup group,
            Map<Indicator, MonitoringEngine.IndicatorResult> results) {
        if (group.getKind() == RiskGroupKind.SOCIAL_INDEX) {
            return socialIndex(school, group, results).orElse(0) >= group.getIndexThreshold();
        }
        double withValue = 0;
        double worse = 0;
        for (Indicator indicator : group.getIndicators()) {
            MonitoringEngine.IndicatorResult result = results.get(indicator);
            if (result == null) {
                continue;
            }
            OptionalDouble value = result.value(school);
            OptionalDouble reference = value.isEmpty() ? OptionalDouble.empty()
                    : reference(school, group, indicator, result);
            if (reference.isEmpty()) {
                continue;
            }
            double weight = weight(group, indicator);
            withValue += weight;
            if (worse(value.getAsDouble(), reference.getAsDouble(), indicator.isHigherIsBetter())) {
                worse += weight;
            }
        }
        return withValue > 0 && worse >= group.getIndicatorShare() * withValue;
    }

    /** What the school's value of the indicator is compared with; empty when there is nothing. */
    private static OptionalDouble reference(Organisation school, RiskGroup group, Indicator indicator,
            MonitoringEngine.IndicatorResult result) {
        RiskComparison comparison = group.getKind() == RiskGroupKind.THRESHOLD ? RiskComparison.FIXED_THRESHOLD
                : group.getComparison();
        return switch (comparison) {
        case CLUSTER_MEDIAN -> result.clusterMedian(school);
        case CLUSTER_MEAN -> result.clusterMean(school);
        case FIXED_THRESHOLD -> group.getThreshold() == null ? OptionalDouble.empty()
                : OptionalDouble.of(group.getThreshold());
        case EVERY_SCHOOL_OF_CLUSTER -> bestOfOthers(school, indicator, result);
        };
    }

    /**
     * The worst value among the other schools of the school's cluster (of all schools when it has
     * none): a school worse than that is worse than every one of them.
     */
    private static OptionalDouble bestOfOthers(Organisation school, Indicator indicator,
            MonitoringEngine.IndicatorResult result) {
        OptionalDouble worst = OptionalDouble.empty();
        for (MonitoringEngine.SchoolResult other : result.schools()) {
            if (other.school() == school || other.school().getCluster() != school.getCluster()
                    || !other.value().present()) {
                continue;
            }
            double value = other.value().number();
            if (worst.isEmpty() || worse(value, worst.getAsDouble(), indicator.isHigherIsBetter())) {
                worst = OptionalDouble.of(value);
            }
        }
        return worst;
    }

    /** The weight of the indicator in the group: its {@link IndicatorWeight}, else 1. */
    public static double weight(RiskGroup group, Indicator indicator) {
        for (IndicatorWeight weight : group.getWeights()) {
            if (weight.getIndicator() == indicator) {
                return weight.getWeight();
            }
        }
        return 1;
    }

    /** The weighted share (0–1) of the group's indicators that flag the school; empty without values. */
    public static OptionalDouble socialIndex(Organisation school, RiskGroup group,
            Map<Indicator, MonitoringEngine.IndicatorResult> results) {
        double weights = 0;
        double flagged = 0;
        for (Indicator indicator : group.getIndicators()) {
            MonitoringEngine.IndicatorResult result = results.get(indicator);
            OptionalDouble value = result == null ? OptionalDouble.empty() : result.value(school);
            if (value.isEmpty()) {
                continue;
            }
            double weight = weight(group, indicator);
            boolean flag;
            if (indicator.getValueKind() == ValueKind.FLAG) {
                flag = indicator.isHigherIsBetter() ? value.getAsDouble() == 0 : value.getAsDouble() != 0;
            } else {
                double reference = indicator.getThreshold() != null ? indicator.getThreshold()
                        : result.overall().median().orElse(value.getAsDouble());
                flag = worse(value.getAsDouble(), reference, indicator.isHigherIsBetter());
            }
            weights += weight;
            flagged += flag ? weight : 0;
        }
        return weights == 0 ? OptionalDouble.empty() : OptionalDouble.of(flagged / weights);
    }

    private static boolean worse(double value, double reference, boolean higherIsBetter) {
        return higherIsBetter ? value < reference : value > reference;
    }
}
