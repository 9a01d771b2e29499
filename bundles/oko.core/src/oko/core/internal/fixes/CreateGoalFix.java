package oko.core.internal.fixes;

import java.util.Set;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.osgi.util.NLS;

import oko.core.fixes.AbstractQuickFix;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Goal;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Period;
import oko.model.StageKind;

/**
 * OKO-FIX-GOAL: creates a goal of the period in the direction's stage «Цели и задачи» (gap OKO-EV-1.2,
 * «no goals for the period», on the direction or its GOALS stage). The goal is numbered after the
 * stage's goals and named «Цель на <period>»; its indicators, target value and deadline are the
 * methodologist's to give. A direction without a GOALS stage gets its stages first (OKO-FIX-CYCLE-STAGES).
 */
public final class CreateGoalFix extends AbstractQuickFix<EObject> {

    public CreateGoalFix() {
        super("OKO-FIX-GOAL", EObject.class, "OKO-EV-1.2");
    }

    @Override
    public String label() {
        return Messages.fix_GOAL;
    }

    @Override
    protected boolean applicable(EObject target) {
        return (target instanceof Direction || target instanceof CycleStage) && Fixes.stageOf(target, StageKind.GOALS) != null;
    }

    @Override
    protected void append(EditingDomain domain, EObject target, Context context,
            CompoundCommand command, Set<Object> state) {
        CycleStage stage = Fixes.stageOf(target, StageKind.GOALS);
        if (!state.add(stage)) {
            return; // the direction and its stage selected both: one goal
        }
        Period period = Fixes.period(context, target);
        Goal goal = OkoFactory.eINSTANCE.createGoal();
        goal.setNumber(Fixes.nextNumber(stage.getGoals().stream().map(Goal::getNumber).toList()));
        goal.setName(period == null ? Messages.fix_GOAL_name : NLS.bind(Messages.fix_GOAL_namePeriod, Fixes.label(period)));
        goal.setPeriod(period);
        command.append(AddCommand.create(domain, stage, OkoPackage.Literals.CYCLE_STAGE__GOALS, goal));
    }
}
