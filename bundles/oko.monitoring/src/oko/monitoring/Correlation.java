package oko.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import oko.model.Organisation;

/**
 * Correlation of two indicators over the schools that have values for both — e.g. assessment
 * results against school marks, for the objectivity direction 2.1.
 */
public final class Correlation {

    /** Pearson's r and Spearman's ρ over {@code schools} schools; empty with fewer than 3 or no variance. */
    public record Result(int schools, OptionalDouble pearson, OptionalDouble spearman) {
    }

    private Correlation() {
    }

    public static Result of(MonitoringEngine.IndicatorResult a, MonitoringEngine.IndicatorResult b) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (MonitoringEngine.SchoolResult school : a.schools()) {
            Organisation org = school.school();
            OptionalDouble first = a.value(org);
            OptionalDouble second = b.value(org);
            if (first.isPresent() && second.isPresent()) {
                x.add(first.getAsDouble());
                y.add(second.getAsDouble());
            }
        }
        double[] xs = x.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ys = y.stream().mapToDouble(Double::doubleValue).toArray();
        if (xs.length < 3) {
            return new Result(xs.length, OptionalDouble.empty(), OptionalDouble.empty());
        }
        return new Result(xs.length, Statistics.pearson(xs, ys), Statistics.spearman(xs, ys));
    }
}
