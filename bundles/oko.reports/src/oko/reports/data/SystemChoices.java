package oko.reports.data;

import java.util.List;
import java.util.Map;

import oko.model.QualitySystem;

/**
 * Scripted data set "systems": the quality systems of the repository in its order, for the report
 * parameter {@code system}'s selection list. Columns: {@code code} (the value the parameter takes)
 * and {@code label} (the system's name and code).
 */
public final class SystemChoices extends ModelRows {

    @Override
    protected boolean filtersBySystem() {
        return false;
    }

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        for (QualitySystem system : systems) {
            if (system.getCode() != null && !system.getCode().isBlank()) {
                String name = join(null, system.getName());
                rows.add(row("code", system.getCode(), "label",
                        name.isEmpty() ? system.getCode() : name + " (" + system.getCode() + ")"));
            }
        }
    }
}
