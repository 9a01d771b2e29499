package oko.reports.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.Participation;
import oko.model.ParticipationKind;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * Scripted data set "RACI" (the responsibility matrix, docs/raci.md): a row per function of the
 * system, grouped by its section (subsections are groups of their own, in the order of the
 * tables). Columns: {@code groupKey}, {@code group} (the section's number and name), {@code text}
 * (the function's number and name) and {@code r01}…{@code r60}, the cells of the roles
 * {@link #roles(QualitySystem)} lists, in that order: «R» when the role is responsible for the
 * function (its own responsible roles, or when it has none its sections'), then the letters of its
 * participations in the order A, S, C, I, joined by «, » («R, A»); empty when the role takes no part.
 * {@link RaciLayout} adds a column to the table for each role.
 */
public final class RaciRows extends ModelRows {

    /** The most roles a matrix shows (the data set declares that many cell columns). */
    public static final int MAX_ROLES = 60;

    @Override
    protected void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        int[] group = { 0 };
        // one set of columns for every system reported (RaciLayout heads them the same way)
        List<Role> roles = new ArrayList<>();
        systems.forEach(system -> roles(system).stream().filter(r -> !roles.contains(r)).forEach(roles::add));
        for (QualitySystem system : systems) {
            system.getSections().forEach(section -> collect(section, roles, group, rows));
        }
    }

    private static void collect(FunctionSection section, List<Role> roles, int[] group, List<Map<String, Object>> rows) {
        int index = group[0]++;
        for (Function function : section.getFunctions()) {
            Map<String, Object> row = groupRow(index, join(section.getNumber(), section.getName()), "text",
                    join(function.getNumber(), function.getName()));
            for (int i = 0; i < Math.min(roles.size(), MAX_ROLES); i++) {
                row.put(column(i), cell(function, roles.get(i)));
            }
            rows.add(row);
        }
        section.getSubsections().forEach(sub -> collect(sub, roles, group, rows));
    }

    /** The name of the data set's column of the i-th role (from 0): r01, r02… */
    public static String column(int i) {
        return String.format("r%02d", i + 1);
    }

    /**
     * The roles of the matrix's columns: the system's roles that are responsible for a function or
     * its section or take part in a function, in the order of the system's roles.
     */
    public static List<Role> roles(QualitySystem system) {
        Set<Role> used = new LinkedHashSet<>();
        collectUsed(system.getSections(), used);
        List<Role> roles = new ArrayList<>();
        for (Role role : system.getRoles()) {
            if (used.remove(role)) {
                roles.add(role);
            }
        }
        // roles of another system named by this one's functions come last
        roles.addAll(used);
        return roles;
    }

    private static void collectUsed(List<FunctionSection> sections, Set<Role> used) {
        for (FunctionSection section : sections) {
            used.addAll(section.getResponsibleRoles());
            for (Function function : section.getFunctions()) {
                used.addAll(function.getResponsibleRoles());
                function.getParticipations().stream().map(Participation::getRole).filter(r -> r != null).forEach(used::add);
            }
            collectUsed(section.getSubsections(), used);
        }
    }

    /** The cell of a role in a function's line: «R», «A», «R, A», «C»…, or empty. */
    public static String cell(Function function, Role role) {
        List<String> letters = new ArrayList<>();
        if (responsible(function).contains(role)) {
            letters.add("R");
        }
        for (ParticipationKind kind : ParticipationKind.VALUES) {
            String letter = switch (kind) {
            case ACCOUNTABLE -> "A";
            case SUPPORTING -> "S";
            case CONSULTED -> "C";
            case INFORMED -> "I";
            };
            if (function.getParticipations().stream().anyMatch(p -> p.getRole() == role && p.getKind() == kind)) {
                letters.add(letter);
            }
        }
        return String.join(", ", letters);
    }

    /** The function's responsible roles; without any, those of the nearest section that has some (as OKO-FUNC-01 counts). */
    static List<Role> responsible(Function function) {
        if (!function.getResponsibleRoles().isEmpty()) {
            return function.getResponsibleRoles();
        }
        for (EObject container = function.eContainer(); container instanceof FunctionSection section;
                container = section.eContainer()) {
            if (!section.getResponsibleRoles().isEmpty()) {
                return section.getResponsibleRoles();
            }
        }
        return List.of();
    }
}
