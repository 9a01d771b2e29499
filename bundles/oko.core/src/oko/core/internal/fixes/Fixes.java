package oko.core.internal.fixes;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.ecore.EObject;

import oko.core.fixes.QuickFix;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Measure;
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

    /** The direction holding {@code object} (a stage, a goal), or {@code null}. */
    static Direction direction(EObject object) {
        for (EObject o = object; o != null; o = o.eContainer()) {
            if (o instanceof Direction direction) {
                return direction;
            }
        }
        return null;
    }

    /** The first stage of that kind of the direction, or {@code null}. */
    static CycleStage stage(Direction direction, StageKind kind) {
        if (direction == null) {
            return null;
        }
        return direction.getStages().stream().filter(s -> s.getKind() == kind).findFirst().orElse(null);
    }

    /** The stage of that kind a target means: itself, or the first of its direction (of a measure, the measure's). */
    static CycleStage stageOf(EObject target, StageKind kind) {
        if (target instanceof CycleStage stage) {
            return stage.getKind() == kind ? stage : null;
        }
        if (target instanceof Direction direction) {
            return stage(direction, kind);
        }
        if (target instanceof Measure measure) {
            return stage(measure.getDirection(), kind);
        }
        return null;
    }

    /** The period given, else {@link #period(EObject, LocalDate) the current one}. */
    static Period period(QuickFix.Context context, EObject object) {
        return context.period() != null ? context.period() : period(object, LocalDate.now());
    }

    /** One greater than the greatest whole number among {@code numbers}, or the count plus one. */
    static String nextNumber(List<String> numbers) {
        int greatest = 0;
        for (String number : numbers) {
            try {
                greatest = Math.max(greatest, Integer.parseInt(text(number)));
            } catch (NumberFormatException e) {
                // not a whole number: counted below
            }
        }
        return String.valueOf(Math.max(greatest, numbers.size()) + 1);
    }

    /** A name for the period in messages: its name, else its code. */
    static String label(Period period) {
        return blank(period.getName()) ? text(period.getCode()) : period.getName().strip();
    }

    /** {@code text} or the empty string. */
    static String text(String text) {
        return text == null ? "" : text.strip();
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
