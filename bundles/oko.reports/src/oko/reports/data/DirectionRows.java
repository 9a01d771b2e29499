package oko.reports.data;

import java.util.List;
import java.util.Map;

import oko.model.Direction;
import oko.model.QualitySystem;

/**
 * Scripted data set "directions and responsibilities" (seed 002, appendix 1): grouped by system
 * ({@code group}), each direction. Columns: {@code kind} ({@code direction}), {@code text} (code and name), {@code coordinator} (persons, one per line),
 * {@code executors} (persons, then organisations, one per line).
 */
public final class DirectionRows extends ModelRows {

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        for (int i = 0; i < systems.size(); i++) {
            QualitySystem system = systems.get(i);
            for (Direction direction : system.getDirections()) {
                String executors = (lines(direction.getExecutors()) + "\n" + lines(direction.getExecutorOrganisations())).strip();
                rows.add(groupRow(i, system.getName(), "kind", "direction", "text", join(direction.getCode(), direction.getName()), "coordinator",
                        lines(direction.getCoordinators()), "executors", executors));
            }
        }
    }
}
