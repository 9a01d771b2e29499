package oko.reports.data;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.Effectiveness;
import oko.monitoring.MonitoringService;
import oko.monitoring.MonitoringEngine;

/**
 * Scripted data set "effectiveness of measures": for the report parameter {@code period} (a
 * period's code), each measure of the period on each of its indicators, grouped by direction.
 * Columns: {@code measure}, {@code indicator}, and as numbers (null where there is none)
 * {@code withSchools}, {@code withChange} (mean
 * change since the previous period at the schools the measure targets), {@code withoutSchools},
 * {@code withoutChange} (at the other schools), {@code effect} (the difference, positive = better)
 * and {@code effective} ({@code yes}/{@code no}).
 */
public final class EffectivenessRows extends ModelRows {

    private String periodCode;

    @Override
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        Object value = context.getParameterValue("period");
        periodCode = value == null ? null : value.toString().strip();
        if (periodCode == null || periodCode.isEmpty()) {
            throw new ScriptException(Messages.bind(Messages.parameterMissing, "effectiveness", "period"));
        }
        super.beforeOpen(dataSet, context);
    }

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        Map<Object, Integer> groups = new java.util.LinkedHashMap<>();
        for (QualitySystem system : systems) {
            Period period = period(repository, periodCode);
            // only systems whose indicators can be computed for the period (they hold its monitoring runs)
            if (period == null || MonitoringEngine.runs(system, period).isEmpty()) {
                continue;
            }
            Effectiveness.Analysis analysis = MonitoringService.analyseEffectiveness(system, period);
            for (Effectiveness.Row row : analysis.rows()) {
                var direction = row.measure().getDirection();
                Object group = direction == null ? system : direction;
                int index = groups.computeIfAbsent(group, g -> groups.size());
                rows.add(groupRow(index, direction == null ? system.getName() : join(direction.getCode(), direction.getName()),
                        "measure", join(row.measure().getNumber(), row.measure().getName()),
                        "indicator", join(row.indicator().getCode(), row.indicator().getName()),
                        "withSchools", row.withSchools(), "withChange", number(row.withChange()),
                        "withoutSchools", row.withoutSchools(), "withoutChange",
                        number(row.withoutChange()), "effect", number(row.effect()), "effective",
                        row.effective() ? "yes" : "no"));
            }
        }
    }


    /** A number (a number cell in XLSX; the layout formats it), or null, which the layout shows as "—". */
    private static Double number(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }
}
