package oko.reports.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import oko.model.Indicator;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;

/**
 * Scripted data set "indicators": every indicator of the systems, for a parameter's selection list.
 * Columns: {@code code} (the value a report parameter takes) and {@code label} (code and name).
 */
public final class IndicatorChoices extends ModelRows {

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        Set<String> seen = new LinkedHashSet<>();
        for (QualitySystem system : systems) {
            for (Indicator indicator : MonitoringEngine.indicators(system)) {
                if (indicator.getCode() != null && seen.add(indicator.getCode())) {
                    rows.add(row("code", indicator.getCode(), "label", join(indicator.getCode(), indicator.getName())));
                }
            }
        }
    }
}
