package oko.core.internal.fixes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.eclipse.emf.ecore.EObject;

import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;

/** What the fixes share: finding the system, its map rows, standard names, the period. */
final class Fixes {

    private Fixes() {
    }

    /** The quality system holding {@code object}, or {@code null}. */
    static QualitySystem system(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof QualitySystem system) {
                return system;
            }
        }
        return null;
    }

    /** The model root holding {@code object}, or {@code null}. */
    static ModelRoot root(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof ModelRoot root) {
                return root;
            }
        }
        return null;
    }

    /** The first row of that kind in the system's technological maps (in map order), or {@code null}. */
    static TechMapRow mapRow(QualitySystem system, StageKind kind) {
        if (system == null) {
            return null;
        }
        for (TechnologicalMap map : system.getTechnologicalMaps()) {
            for (TechMapRow row : map.getRows()) {
                if (row.getKind() == kind) {
                    return row;
                }
            }
        }
        return null;
    }

    /** The standard name of a stage in the current locale, e.g. «Цели и задачи». */
    static String stageName(StageKind kind) {
        return oko.model.provider.OkoEditPlugin.INSTANCE.getString("_UI_StageKind_" + kind.getName() + "_literal");
    }

    /**
     * The period a fix works in when it is given none: the period of the model (root of {@code object})
     * whose dates hold {@code today}; else the one that ended last before it; else {@code null}.
     */
    static Period period(EObject object, LocalDate today) {
        ModelRoot root = root(object);
        if (root == null) {
            return null;
        }
        Period current = null;
        Period latest = null;
        for (Period period : root.getPeriods()) {
            LocalDate start = date(period.getStartDate());
            LocalDate end = date(period.getEndDate());
            if (start != null && end != null && !today.isBefore(start) && !today.isAfter(end)) {
                if (current == null || start.isAfter(date(current.getStartDate()))) {
                    current = period;
                }
            } else if (end != null && end.isBefore(today) && (latest == null || end.isAfter(date(latest.getEndDate())))) {
                latest = period;
            }
        }
        return current != null ? current : latest;
    }

    private static LocalDate date(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /** {@code text} or the empty string. */
    static String text(String text) {
        return text == null ? "" : text.strip();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
