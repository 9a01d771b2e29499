package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import oko.monitoring.Statistics;

/** The processing methods against values worked out by hand. */
class StatisticsTest {

    private static Map<String, Double> values(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void tiesShareTheBestRankAndTheNextRankSkips() {
        Map<String, Double> v = values("a", 80, "b", 90, "c", 90, "d", 70, "e", 90);
        assertEquals(Map.of("b", 1, "c", 1, "e", 1, "a", 4, "d", 5), Statistics.ranks(v, true));
        assertEquals(Map.of("d", 1, "a", 2, "b", 3, "c", 3, "e", 3), Statistics.ranks(v, false));
        assertEquals(Map.of("x", 1), Statistics.ranks(values("x", 5), true));
        assertEquals(Map.of(), Statistics.ranks(values(), true));
    }

    @Test
    void medianMeanMinMaxAndShare() {
        assertEquals(OptionalDouble.of(3), Statistics.median(List.of(5.0, 1.0, 3.0)));
        assertEquals(OptionalDouble.of(2.5), Statistics.median(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(OptionalDouble.empty(), Statistics.median(List.of()));
        assertEquals(OptionalDouble.of(2.5), Statistics.mean(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(OptionalDouble.of(1), Statistics.min(List.of(4.0, 1.0, 3.0)));
        assertEquals(OptionalDouble.of(4), Statistics.max(List.of(4.0, 1.0, 3.0)));
        assertEquals(OptionalDouble.of(50), Statistics.share(List.of(4.0, 1.0, 3.0, 2.0), x -> x > 2));
        assertEquals(OptionalDouble.empty(), Statistics.share(List.of(), x -> true));
    }

    @Test
    void scalingGivesTheBest100AndTheWorst0() {
        Map<String, Double> scaled = Statistics.scaled(values("a", 10, "b", 20, "c", 15), true);
        assertEquals(values("a", 0, "b", 100, "c", 50), scaled);
        assertEquals(values("a", 100, "b", 0, "c", 50), Statistics.scaled(values("a", 10, "b", 20, "c", 15), false));
        assertEquals(values("a", 100, "b", 100), Statistics.scaled(values("a", 7, "b", 7), true));
        assertEquals(values("only", 100), Statistics.scaled(values("only", 3), true));
    }

    @Test
    void pearsonAndSpearman() {
        double[] x = { 1, 2, 3, 4, 5 };
        double[] y = { 2, 4, 5, 4, 5 };
        // r = sxy / sqrt(sxx syy) = 6 / sqrt(10 * 6) = 0.7746
        assertEquals(0.7746, Statistics.pearson(x, y).getAsDouble(), 1e-4);
        // ranks of y with ties averaged: 1, 2.5, 4.5, 2.5, 4.5 -> rho = 0.7379
        assertEquals(0.7379, Statistics.spearman(x, y).getAsDouble(), 1e-4);
        assertEquals(1.0, Statistics.spearman(x, new double[] { 1, 4, 9, 16, 25 }).getAsDouble(), 1e-12);
        assertEquals(-1.0, Statistics.pearson(x, new double[] { 5, 4, 3, 2, 1 }).getAsDouble(), 1e-12);
        assertTrue(Statistics.pearson(x, new double[] { 3, 3, 3, 3, 3 }).isEmpty(), "constant series");
        assertTrue(Statistics.pearson(new double[] { 1 }, new double[] { 2 }).isEmpty(), "one pair");
    }
}
