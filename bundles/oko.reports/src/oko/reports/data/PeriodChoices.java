package oko.reports.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;

/**
 * Scripted data set "periods": the periods of the models the systems belong to, the latest first,
 * for a parameter's selection list. Columns: {@code code} (the value a report parameter takes) and
 * {@code label} (code and name).
 */
public final class PeriodChoices extends ModelRows {

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        Map<String, Period> periods = new LinkedHashMap<>();
        for (QualitySystem system : systems) {
            if (system.eContainer() instanceof ModelRoot root) {
                for (Period period : root.getPeriods()) {
                    if (period.getCode() != null) {
                        periods.putIfAbsent(period.getCode(), period);
                    }
                }
            }
        }
        List<Period> latestFirst = new ArrayList<>(periods.values());
        latestFirst.sort(Comparator.comparing((Period p) -> p.getStartDate() == null ? new Date(0) : p.getStartDate())
                .thenComparing(Period::getCode).reversed());
        for (Period period : latestFirst) {
            // "2023 год" says the code already; otherwise the code before the name
            String name = period.getName();
            rows.add(row("code", period.getCode(), "label", name != null && name.contains(period.getCode())
                    ? join(null, name) : join(period.getCode(), name)));
        }
    }
}
