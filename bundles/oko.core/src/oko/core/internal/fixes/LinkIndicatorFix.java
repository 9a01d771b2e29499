package oko.core.internal.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.fixes.AbstractQuickFix;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorGroup;
import oko.model.OkoPackage;
import oko.model.QualitySystem;

/**
 * OKO-FIX-GOAL-INDICATOR: links a goal without an indicator (gap OKO-EV-1.3) to an indicator of its
 * direction that no goal of the direction is linked to yet: the first such in the system's order (an
 * indicator and its sub-indicators, depth first), the direction's own being those whose direction, or
 * whose group's (or an enclosing group's) direction, it is. Goals fixed at once get different
 * indicators, in the order given; a goal with no such indicator left is offered no fix (linking an
 * indicator another goal already measures is a choice, not an obvious remedy).
 */
public final class LinkIndicatorFix extends AbstractQuickFix<Goal> {

    public LinkIndicatorFix() {
        super("OKO-FIX-GOAL-INDICATOR", Goal.class, "OKO-EV-1.3");
    }

    @Override
    public String label() {
        return Messages.fix_GOAL_INDICATOR;
    }

    @Override
    protected boolean applicable(Goal goal) {
        return goal.getIndicators().isEmpty() && !candidates(goal).isEmpty();
    }

    @Override
    protected void append(EditingDomain domain, Goal goal, Context context, CompoundCommand command, Set<Object> state) {
        for (Indicator indicator : candidates(goal)) {
            if (state.add(indicator)) {
                command.append(AddCommand.create(domain, goal, OkoPackage.Literals.GOAL__INDICATORS, indicator));
                return;
            }
        }
    }

    /** The direction's indicators no goal of the direction is linked to, in the system's order. */
    static List<Indicator> candidates(Goal goal) {
        Direction direction = Fixes.direction(goal);
        QualitySystem system = Fixes.system(goal);
        List<Indicator> found = new ArrayList<>();
        if (direction == null || system == null) {
            return found;
        }
        for (Indicator indicator : system.getIndicators()) {
            collect(indicator, direction, found);
        }
        for (CycleStage stage : direction.getStages()) {
            for (Goal other : stage.getGoals()) {
                found.removeAll(other.getIndicators());
            }
        }
        return found;
    }

    private static void collect(Indicator indicator, Direction direction, List<Indicator> found) {
        if (indicator.getDirection() == direction || groupDirection(indicator.getGroup()) == direction) {
            found.add(indicator);
        }
        for (Indicator sub : indicator.getSubIndicators()) {
            collect(sub, direction, found);
        }
    }

    private static Direction groupDirection(IndicatorGroup group) {
        for (EObject current = group; current instanceof IndicatorGroup g; current = g.eContainer()) {
            if (g.getDirection() != null) {
                return g.getDirection();
            }
        }
        return null;
    }
}
