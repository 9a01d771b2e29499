package oko.monitoring;

import java.util.List;
import java.util.Objects;

import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskList;

/**
 * Stores computed values and risk lists in the model, in the run of the period of the monitoring
 * that collects the indicator. Computing again replaces what was stored, never duplicates it.
 * An aggregated indicator's value (for the organisation running the system) is stored the same
 * way, its coverage in the value's comment; as no import ever fills a run of a system that only
 * aggregates (a region's), the run of the period is created for it when the monitoring has none.
 */
public final class ResultWriter {

    private ResultWriter() {
    }

    /** @return how many values were stored (indicators no monitoring of the period collects are skipped) */
    public static int storeValues(QualitySystem system, Period period, List<MonitoringEngine.IndicatorResult> results) {
        int stored = 0;
        for (MonitoringEngine.IndicatorResult result : results) {
            MonitoringRun run = runFor(system, period, result.indicator());
            if (run == null && result.aggregate() != null) {
                run = newRun(system, period, result.indicator());
            }
            if (run == null) {
                continue;
            }
            run.getValues().removeIf(v -> v.getIndicator() == result.indicator());
            for (MonitoringEngine.SchoolResult school : result.schools()) {
                IndicatorValue value = OkoFactory.eINSTANCE.createIndicatorValue();
                value.setIndicator(result.indicator());
                value.setOrganisation(school.school());
                if (school.value().present()) {
                    value.setValue(school.value().number());
                } else {
                    value.setNoValue(true);
                    value.setNoValueReason(school.value().reason());
                }
                if (result.aggregate() != null) {
                    value.setComment(coverage(result.aggregate()));
                }
                run.getValues().add(value);
                stored++;
            }
        }
        return stored;
    }

    /** @return how many lists were stored */
    public static int storeRiskLists(QualitySystem system, Period period, List<RiskGroups.RiskListResult> lists) {
        int stored = 0;
        for (RiskGroups.RiskListResult list : lists) {
            MonitoringRun run = list.group().getIndicators().stream().map(i -> runFor(system, period, i))
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (run == null) {
                continue;
            }
            run.getRiskLists().removeIf(r -> r.getRiskGroup() == list.group());
            RiskList riskList = OkoFactory.eINSTANCE.createRiskList();
            riskList.setRiskGroup(list.group());
            riskList.setName(Messages.bind(Messages.riskListName, list.group().getCode(),
                    period.getName() != null ? period.getName() : period.getCode()));
            riskList.getSchools().addAll(list.schools());
            run.getRiskLists().add(riskList);
            stored++;
        }
        return stored;
    }

    /** The coverage of an aggregated value in words: «по 4 из 5 (80 %); без значения: ИШМ-05». */
    static String coverage(MonitoringEngine.Aggregate aggregate) {
        String percent = java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT).format(
                Math.round(aggregate.coverage())) + " %";
        return Messages.bind(Messages.aggregationComment, new Object[] { aggregate.withValue(), aggregate.units(),
                percent, aggregate.withoutValue().isEmpty() ? "—" : String.join(", ", aggregate.withoutValue().keySet()) });
    }

    /** A new run of the period in the first monitoring collecting the indicator; null when none does. */
    private static MonitoringRun newRun(QualitySystem system, Period period, Indicator indicator) {
        for (Monitoring monitoring : MonitoringEngine.allMonitorings(system)) {
            if (monitoring.getIndicators().contains(indicator)) {
                return addRun(monitoring, period);
            }
        }
        return null;
    }

    /** A new run of the monitoring for the period, dated now and named «monitoring, period». */
    static MonitoringRun addRun(Monitoring monitoring, Period period) {
        MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
        run.setPeriod(period);
        run.setDate(new java.util.Date());
        run.setName((monitoring.getName() == null ? monitoring.getCode() : monitoring.getName()) + ", "
                + (period.getName() == null ? period.getCode() : period.getName()));
        monitoring.getRuns().add(run);
        return run;
    }

    private static MonitoringRun runFor(QualitySystem system, Period period, Indicator indicator) {
        for (Monitoring monitoring : MonitoringEngine.allMonitorings(system)) {
            if (monitoring.getIndicators().contains(indicator)) {
                for (MonitoringRun run : monitoring.getRuns()) {
                    if (run.getPeriod() == period) {
                        return run;
                    }
                }
            }
        }
        return null;
    }
}
