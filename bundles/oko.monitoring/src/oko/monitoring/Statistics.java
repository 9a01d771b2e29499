package oko.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;

/**
 * The processing methods of the municipal program (seed 002) over the values of schools:
 * ranking, median, mean, minimum and maximum, share meeting a condition, 0–100 scaling and
 * correlation. Keys are whatever identifies a school; missing values are simply not in the map.
 */
public final class Statistics {

    private Statistics() {
    }

    /**
     * Competition ranks: the best value gets 1, ties share the best rank of their group and the
     * next rank skips (1, 2, 2, 4). "Best" is the highest value when {@code higherIsBetter}.
     */
    public static <K> Map<K, Integer> ranks(Map<K, Double> values, boolean higherIsBetter) {
        List<Map.Entry<K, Double>> sorted = new ArrayList<>(values.entrySet());
        Comparator<Map.Entry<K, Double>> byValue = Map.Entry.comparingByValue();
        sorted.sort(higherIsBetter ? byValue.reversed() : byValue);
        Map<K, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && Double.compare(sorted.get(i).getValue(), sorted.get(i - 1).getValue()) == 0;
            ranks.put(sorted.get(i).getKey(), tie ? ranks.get(sorted.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

    /** The median; the mean of the two middle values for an even count; empty for no values. */
    public static OptionalDouble median(Collection<Double> values) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return OptionalDouble.of(sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }

    public static OptionalDouble mean(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average();
    }

    public static OptionalDouble min(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min();
    }

    public static OptionalDouble max(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max();
    }

    /** Percentage (0–100) of the values meeting the condition; empty for no values. */
    public static OptionalDouble share(Collection<Double> values, DoublePredicate condition) {
        if (values.isEmpty()) {
            return OptionalDouble.empty();
        }
        long meeting = values.stream().mapToDouble(Double::doubleValue).filter(condition).count();
        return OptionalDouble.of(100.0 * meeting / values.size());
    }

    /**
     * 0–100 scores: the best school gets 100, the worst 0, the others in proportion. When all
     * values are equal every school gets 100 (no one is worse than anyone).
     */
    public static <K> Map<K, Double> scaled(Map<K, Double> values, boolean higherIsBetter) {
        Map<K, Double> result = new LinkedHashMap<>();
        if (values.isEmpty()) {
            return result;
        }
        double min = min(values.values()).getAsDouble();
        double max = max(values.values()).getAsDouble();
        for (Map.Entry<K, Double> entry : values.entrySet()) {
            double score = max == min ? 100
                    : 100 * (higherIsBetter ? entry.getValue() - min : max - entry.getValue()) / (max - min);
            result.put(entry.getKey(), score);
        }
        return result;
    }

    /** Pearson's r of paired values; empty for fewer than two pairs or a constant series. */
    public static OptionalDouble pearson(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series of different length: " + x.length + ", " + y.length);
        }
        int n = x.length;
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double mx = Arrays.stream(x).average().getAsDouble();
        double my = Arrays.stream(y).average().getAsDouble();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? OptionalDouble.empty() : OptionalDouble.of(sxy / Math.sqrt(sxx * syy));
    }

    /** Spearman's rho: Pearson's r of the ranks, ties getting the average of their ranks. */
    public static OptionalDouble spearman(double[] x, double[] y) {
        return pearson(averageRanks(x), averageRanks(y));
    }

    static double[] averageRanks(double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }
}
