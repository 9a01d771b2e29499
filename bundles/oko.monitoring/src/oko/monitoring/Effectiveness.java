package oko.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;


import oko.model.Direction;
import oko.model.Indicator;
import oko.model.Measure;
import oko.model.Period;
import oko.model.QualitySystem;

/**
 * Analysis of the effectiveness of measures (the last stage of the management cycle): for each
 * measure of a period that targets schools and indicators, the change of each indicator against
 * the previous period — mean over the schools the measure targets and over the other schools —
 * and the effect, the difference of the two turned so that a positive effect is a change for the
 * better. A summary per direction counts the measures and how many of their indicator rows show
 * a positive effect.
 */
public final class Effectiveness {

    /** A measure's result on one indicator. The changes are means of value − previous value. */
    public record Row(Measure measure, Indicator indicator, int withSchools, OptionalDouble withChange,
            int withoutSchools, OptionalDouble withoutChange, OptionalDouble effect) {

        public boolean effective() {
            return effect.isPresent() && effect.getAsDouble() > 0;
        }
    }

    /** Per direction: measures analysed, rows, rows with a positive effect, mean effect. */
    public record DirectionSummary(Direction direction, int measures, int rows, int effective, OptionalDouble meanEffect) {
    }

    public record Analysis(Period period, List<Row> rows, List<DirectionSummary> directions) {
    }

    private Effectiveness() {
    }

    /** Measures of the system (and those other systems hold for its indicators) carried out in the period. */
    public static List<Measure> measures(QualitySystem system, Period period) {
        Set<Measure> measures = new LinkedHashSet<>();
        for (QualitySystem candidate : ModelScope.systems(system)) {
            for (Measure measure : candidate.getMeasures()) {
                boolean ours = candidate == system || measure.getTargetIndicators().stream()
                        .anyMatch(i -> ModelScope.within(i, system));
                if (ours && (measure.getPeriod() == null || measure.getPeriod() == period)
                        && !measure.getTargetIndicators().isEmpty()) {
                    measures.add(measure);
                }
            }
        }
        return new ArrayList<>(measures);
    }

    /**
     * Analyses the measures of the period.
     *
     * @param known indicator results already computed (of this and the previous period); others are computed
     */
    public static Analysis analyse(QualitySystem system, Period period, List<MonitoringEngine.IndicatorResult> known) {
        List<Measure> measures = measures(system, period);
        Map<Indicator, MonitoringEngine.IndicatorResult> now = measures.isEmpty() ? Map.of()
                : MonitoringEngine.resultsOf(system, period, known);
        Map<Indicator, MonitoringEngine.IndicatorResult> before = measures.isEmpty() ? Map.of()
                : MonitoringEngine.resultsOf(system, period.getPrevious(), known);
        List<Row> rows = new ArrayList<>();
        for (Measure measure : measures) {
            for (Indicator indicator : measure.getTargetIndicators()) {
                rows.add(row(measure, indicator, now.get(indicator), before.get(indicator)));
            }
        }
        Map<Direction, List<Row>> byDirection = new LinkedHashMap<>();
        for (Row row : rows) {
            Direction direction = row.measure().getDirection() != null ? row.measure().getDirection()
                    : row.indicator().getDirection();
            byDirection.computeIfAbsent(direction, d -> new ArrayList<>()).add(row);
        }
        List<DirectionSummary> directions = new ArrayList<>();
        byDirection.forEach((direction, list) -> {
            List<Double> effects = list.stream().filter(r -> r.effect().isPresent())
                    .map(r -> r.effect().getAsDouble()).toList();
            directions.add(new DirectionSummary(direction, (int) list.stream().map(Row::measure).distinct().count(),
                    list.size(), (int) list.stream().filter(Row::effective).count(), Statistics.mean(effects)));
        });
        return new Analysis(period, rows, directions);
    }

    private static Row row(Measure measure, Indicator indicator, MonitoringEngine.IndicatorResult now,
            MonitoringEngine.IndicatorResult before) {
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        if (now != null && before != null) {
            for (MonitoringEngine.SchoolResult school : now.schools()) {
                OptionalDouble value = now.value(school.school());
                OptionalDouble previous = before.value(school.school());
                if (value.isPresent() && previous.isPresent()) {
                    double change = value.getAsDouble() - previous.getAsDouble();
                    (measure.getTargetSchools().contains(school.school()) ? with : without).add(change);
                }
            }
        }
        OptionalDouble withChange = Statistics.mean(with);
        OptionalDouble withoutChange = Statistics.mean(without);
        OptionalDouble effect = OptionalDouble.empty();
        if (withChange.isPresent()) {
            double difference = withChange.getAsDouble() - withoutChange.orElse(0);
            effect = OptionalDouble.of(indicator.isHigherIsBetter() ? difference : -difference);
        }
        return new Row(measure, indicator, with.size(), withChange, without.size(), withoutChange, effect);
    }

    /** Writes each measure's conclusion into its {@code effectiveness}; returns how many measures changed. */
    public static int store(Analysis analysis) {
        Map<Measure, List<String>> texts = new LinkedHashMap<>();
        for (Row row : analysis.rows()) {
            String text;
            if (row.effect().isEmpty()) {
                text = Messages.bind(Messages.effectNoData, row.indicator().getCode());
            } else {
                text = Messages.bind(Messages.effectRow, new Object[] { row.indicator().getCode(),
                        signed(row.withChange()), row.withSchools(), signed(row.withoutChange()), row.withoutSchools(),
                        row.effective() ? Messages.effectBetter : Messages.effectNotBetter,
                        Recommendations.format(Math.abs(row.effect().getAsDouble())) });
            }
            texts.computeIfAbsent(row.measure(), m -> new ArrayList<>()).add(text);
        }
        String period = analysis.period().getName() != null ? analysis.period().getName() : analysis.period().getCode();
        int changed = 0;
        for (Map.Entry<Measure, List<String>> entry : texts.entrySet()) {
            String text = period + ": " + String.join("; ", entry.getValue());
            if (!text.equals(entry.getKey().getEffectiveness())) {
                entry.getKey().setEffectiveness(text);
                changed++;
            }
        }
        return changed;
    }

    private static String signed(OptionalDouble value) {
        if (value.isEmpty()) {
            return "—";
        }
        double v = value.getAsDouble();
        return (v > 0 ? "+" : v < 0 ? "−" : "") + Recommendations.format(Math.abs(v));
    }
}
