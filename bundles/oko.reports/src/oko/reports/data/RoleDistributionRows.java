package oko.reports.data;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.Participation;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;

/**
 * Scripted data set "role distribution" (seeds 001 and 003), in the order of the tables: grouped by
 * system, each section, its functions and its subsections. Columns: {@code group} (the system),
 * {@code kind} ({@code section} or {@code function}),
 * {@code text} (number and name), {@code roles} (the positions, one per line: the responsible ones,
 * then the function's other participations in the source's words, e.g. «при непосредственном участии
 * методических объединений учителей-предметников», or as «role (kind)» when no words were kept) and
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
                    roles(function), "documents", lines(function.getDocuments())));
        }
        section.getSubsections().forEach(sub -> collect(index, system, sub, rows));
    }

    /** The responsible roles, then the participations: each note once, else the role and its kind. */
    static String roles(Function function) {
        Set<String> lines = new LinkedHashSet<>();
        function.getResponsibleRoles().forEach(role -> lines.add(name(role)));
        for (Participation participation : function.getParticipations()) {
            String note = participation.getNote() == null ? "" : participation.getNote().replaceAll("\\s+", " ").strip();
            if (!note.isEmpty()) {
                lines.add(note);
            } else if (participation.getRole() != null) {
                lines.add(name(participation.getRole()) + " (" + ModelLabels.literal(participation.getKind()) + ")");
            }
        }
        return String.join("\n", lines);
    }
}
