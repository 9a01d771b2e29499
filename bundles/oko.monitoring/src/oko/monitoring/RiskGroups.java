package oko.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import oko.model.Indicator;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskGroup;
import oko.model.ValueKind;

/**
 * The risk groups of seed 002, computed from indicator results.
 * <ul>
 * <li><b>ШНОР</b> (and any group other than ШНСУ): a school whose values are worse than its
 * cluster's median on at least {@code lowShare} of the group's indicators it has values for, in
 * each of {@code consecutivePeriods} consecutive periods (this one and the previous ones).</li>
 * <li><b>ШНСУ</b>: a social well-being index — the weighted share of the group's indicators that
 * flag the school (a yes/no indicator that is "yes"; a numeric one worse than its threshold, or
 * than the median of all schools when it has none) — at or above {@code socialThreshold}.</li>
 * </ul>
 * Dynamics compare with the previous period's list: entered, left, stayed.
 */
public final class RiskGroups {

    /** The settings; weights by indicator code (1 when not given). */
    public record Policy(int consecutivePeriods, double lowShare, double socialThreshold, Map<String, Double> weights) {
        public static final Policy DEFAULT = new Policy(2, 0.5, 0.5, Map.of());
    }

    /** A group's list for a period with its dynamics against the previous period. */
    public record RiskListResult(RiskGroup group, Period period, Set<Organisation> schools, Set<Organisation> entered,
            Set<Organisation> left, Set<Organisation> stayed) {
    }

    /** Code of the group computed by the social index; the others use the cluster median. */
    public static final String SOCIAL_GROUP = "ШНСУ";

    private RiskGroups() {
    }

    public static List<RiskListResult> compute(QualitySystem system, Period period, Policy policy) {
        return compute(system, period, policy, List.of());
    }

    /**
     * As {@link #compute(QualitySystem, Period, Policy)}, reusing indicator results already
     * computed (of any periods) instead of computing them again.
     */
    public static List<RiskListResult> compute(QualitySystem system, Period period, Policy policy,
            List<MonitoringEngine.IndicatorResult> known) {
        Map<Period, Map<Indicator, MonitoringEngine.IndicatorResult>> cache = new LinkedHashMap<>();
        for (MonitoringEngine.IndicatorResult result : known) {
            cache.computeIfAbsent(result.period(), p -> new LinkedHashMap<>()).put(result.indicator(), result);
        }
        List<RiskListResult> lists = new ArrayList<>();
        for (RiskGroup group : system.getRiskGroups()) {
            Set<Organisation> now = members(system, group, period, policy, cache);
            Set<Organisation> before = period.getPrevious() == null ? Set.of()
                    : members(system, group, period.getPrevious(), policy, cache);
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

    private static Set<Organisation> members(QualitySystem system, RiskGroup group, Period period, Policy policy,
            Map<Period, Map<Indicator, MonitoringEngine.IndicatorResult>> cache) {
        Map<Indicator, MonitoringEngine.IndicatorResult> results = results(system, period, cache);
        Set<Organisation> schools = schools(group, results);
        Set<Organisation> members = new LinkedHashSet<>();
        if (SOCIAL_GROUP.equals(group.getCode())) {
            for (Organisation school : schools) {
                if (socialIndex(school, group, results, policy).orElse(0) >= policy.socialThreshold()) {
                    members.add(school);
                }
            }
            return members;
        }
        for (Organisation school : schools) {
            boolean low = true;
            Period p = period;
            for (int i = 0; i < policy.consecutivePeriods() && low; i++) {
                low = p != null && isLow(school, group, results(system, p, cache), policy);
                p = p == null ? null : p.getPrevious();
            }
            if (low) {
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

    /** Worse than the cluster median on at least {@code lowShare} of the indicators with values. */
    static boolean isLow(Organisation school, RiskGroup group, Map<Indicator, MonitoringEngine.IndicatorResult> results,
            Policy policy) {
        int withValue = 0;
        int worse = 0;
        for (Indicator indicator : group.getIndicators()) {
            MonitoringEngine.IndicatorResult result = results.get(indicator);
            if (result == null) {
                continue;
            }
            OptionalDouble value = result.value(school);
            OptionalDouble median = result.clusterMedian(school);
            if (value.isEmpty() || median.isEmpty()) {
                continue;
            }
            withValue++;
            if (worse(value.getAsDouble(), median.getAsDouble(), indicator.isHigherIsBetter())) {
                worse++;
            }
        }
        return withValue > 0 && worse >= policy.lowShare() * withValue;
    }

    /** The weighted share (0–1) of the group's indicators that flag the school; empty without values. */
    public static OptionalDouble socialIndex(Organisation school, RiskGroup group,
            Map<Indicator, MonitoringEngine.IndicatorResult> results, Policy policy) {
        double weights = 0;
        double flagged = 0;
        for (Indicator indicator : group.getIndicators()) {
            MonitoringEngine.IndicatorResult result = results.get(indicator);
            OptionalDouble value = result == null ? OptionalDouble.empty() : result.value(school);
            if (value.isEmpty()) {
                continue;
            }
            double weight = policy.weights().getOrDefault(indicator.getCode(), 1.0);
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
