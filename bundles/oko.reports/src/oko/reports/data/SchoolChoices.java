package oko.reports.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import oko.model.Level;
import oko.model.QualitySystem;

/**
 * Scripted data set "schools": the schools that run a ВСОКО in the repository, for the report
 * parameter {@code school} of school-level layouts. Columns: {@code code} (the school's code, the
 * value the parameter takes) and {@code label} (its name).
 */
public final class SchoolChoices extends ModelRows {

    @Override
    protected boolean filtersBySystem() {
        return false;
    }

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        Set<String> seen = new LinkedHashSet<>();
        for (QualitySystem system : systems) {
            var school = system.getOrganisation();
            if (system.getLevel() == Level.SCHOOL && school != null && school.getCode() != null
                    && seen.add(school.getCode())) {
                rows.add(row("code", school.getCode(), "label", name(school)));
            }
        }
    }
}
