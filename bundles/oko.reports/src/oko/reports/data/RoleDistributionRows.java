package oko.reports.data;

import java.util.List;
import java.util.Map;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.QualitySystem;

/**
 * Scripted data set "role distribution" (seeds 001 and 003), in the order of the tables: grouped by
 * system, each section, its functions and its subsections. Columns: {@code group} (the system),
 * {@code kind} ({@code section} or {@code function}),
 * {@code text} (number and name), {@code roles} (the positions, one per line) and
 * {@code documents} (one per line).
 */
public final class RoleDistributionRows extends ModelRows {

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        for (int i = 0; i < systems.size(); i++) {
            QualitySystem system = systems.get(i);
            int index = i;
            system.getSections().forEach(section -> collect(index, system.getName(), section, rows));
        }
    }

    private static void collect(int index, String system, FunctionSection section, List<Map<String, Object>> rows) {
        rows.add(groupRow(index, system, "kind", "section", "text", join(section.getNumber(), section.getName()), "roles",
                lines(section.getResponsibleRoles()), "documents", lines(section.getDocuments())));
        for (Function function : section.getFunctions()) {
            rows.add(groupRow(index, system, "kind", "function", "text", join(function.getNumber(), function.getName()), "roles",
                    lines(function.getResponsibleRoles()), "documents", lines(function.getDocuments())));
        }
        section.getSubsections().forEach(sub -> collect(index, system, sub, rows));
    }
}
