package oko.reports.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;


import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.model.Indicator;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.GroupStatistics;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.MonitoringEngine.SchoolResult;
import oko.monitoring.MonitoringService;

/**
 * Scripted data set "monitoring": for the report parameters {@code indicator} (its code) and
 * {@code period} (its code), the schools grouped by cluster; the group title carries the
 * cluster's and all schools' count, median and mean. Columns: {@code school}, the numbers (null
 * where there is none) {@code value}, {@code rank} (integer), {@code score} (0–100, whole),
 * {@code previous} (the previous period's value) and {@code change}; {@code risk} (the risk groups the school is in for the period, empty if none);
 * for charts {@code cluster} (the cluster's name) and the numbers {@code currentValue} and
 * {@code previousValue} (null where the school has no value).
 */
public final class MonitoringRows extends ModelRows {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private String indicatorCode;
    private String periodCode;

    @Override
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        indicatorCode = parameter(context, "indicator");
        periodCode = parameter(context, "period");
        super.beforeOpen(dataSet, context);
    }

    private static String parameter(IReportContext context, String name) throws ScriptException {
        Object value = context.getParameterValue(name);
        if (value == null || value.toString().isBlank()) {
            throw new ScriptException(Messages.bind(Messages.parameterMissing, "monitoring", name));
        }
        return value.toString().strip();
    }

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        for (QualitySystem system : systems) {
            Period period = period(repository, periodCode);
            Indicator indicator = MonitoringEngine.indicators(system).stream()
                    .filter(i -> indicatorCode.equals(i.getCode())).findFirst().orElse(null);
            if (period == null || indicator == null || MonitoringEngine.runs(system, period).isEmpty()) {
                continue;
            }
            // what the Monitoring view shows: the same service, the same risk lists
            MonitoringService.Results results = MonitoringService.results(system, period);
            IndicatorResult current = results.of(indicatorCode, false).orElse(null);
            if (current == null) {
                continue;
            }
            IndicatorResult previous = results.of(indicatorCode, true).orElse(null);
            Map<Organisation, String> risk = results.riskGroupsBySchool();
            String overall = statistics(Messages.allSchools, current.overall());
            List<SchoolResult> schools = new ArrayList<>(current.schools());
            schools.sort(Comparator.comparing((SchoolResult s) -> clusterName(s.school()))
                    .thenComparing(s -> s.rank() == null ? Integer.MAX_VALUE : s.rank()));
            List<String> clusters = schools.stream().map(s -> clusterName(s.school())).distinct().toList();
            for (SchoolResult school : schools) {
                Organisation org = school.school();
                String cluster = clusterName(org);
                GroupStatistics stats = org.getCluster() == null ? current.overall() : current.clusters().get(org.getCluster());
                String title = cluster + " — " + statistics(Messages.cluster, stats) + "; " + overall;
                OptionalDouble value = current.value(org);
                OptionalDouble before = previous == null ? OptionalDouble.empty() : previous.value(org);
                // the numbers stay numbers (number cells in XLSX); the layout formats them and shows "—" for none
                rows.add(groupRow(clusters.indexOf(cluster), title, "school", name(org), "value", decimal(value),
                        "rank", school.rank(), "score", school.scaled() == null ? null : (double) Math.round(school.scaled()),
                        "previous", decimal(before), "change", value.isPresent() && before.isPresent()
                                ? value.getAsDouble() - before.getAsDouble() : null,
                        "risk", risk.getOrDefault(org, ""), "cluster", cluster, "currentValue", decimal(value),
                        "previousValue", decimal(before)));
            }
        }
    }

    private static String clusterName(Organisation school) {
        return school.getCluster() == null ? Messages.noCluster : join(null, school.getCluster().getName());
    }

    private static String statistics(String label, GroupStatistics stats) {
        if (stats == null) {
            return label + ": —";
        }
        return Messages.bind(Messages.statistics, new Object[] { label, stats.schools(), number(stats.median()),
                number(stats.mean()) });
    }


    private static Double decimal(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? String.format(RU, "%.2f", value.getAsDouble()) : "—";
    }

}
