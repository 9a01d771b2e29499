package oko.reports.data;

import java.util.List;
import java.util.Map;

import oko.model.QualitySystem;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;

/**
 * Scripted data set "technological map" (seed 000): grouped by map ({@code group}), its stages.
 * Columns: {@code kind} ({@code stage}), {@code number}, {@code stage}
 * (the component of the management cycle), {@code action}, {@code coordinator},
 * {@code executors}, {@code operator} (the duties).
 */
public final class TechnologicalMapRows extends ModelRows {

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        int index = 0;
        for (QualitySystem system : systems) {
            for (TechnologicalMap map : system.getTechnologicalMaps()) {
                index++;
                for (TechMapRow stage : map.getRows()) {
                    rows.add(groupRow(index, map.getName(), "kind", "stage", "number", stage.getNumber() == 0 ? "" : Integer.toString(stage.getNumber()),
                            "stage", join(null, stage.getName()), "action", text(stage.getAction()), "coordinator",
                            text(stage.getCoordinatorDuty()), "executors", text(stage.getExecutorsDuty()), "operator",
                            text(stage.getOperatorDuty())));
                }
            }
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
