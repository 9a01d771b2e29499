package oko.core.internal.fixes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.fixes.AbstractQuickFix;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.StageKind;
import oko.model.TechMapRow;

/**
 * OKO-FIX-CYCLE-STAGES: creates the stages of the management cycle a direction lacks (rules
 * OKO-CYCLE-01 and OKO-CYCLE-03, and the cycle's gaps «stage described», OKO-EV-1.1 … OKO-EV-6.1). Each missing kind gets one stage: from the system's technological map
 * row of that kind when there is one (its name, number, actions and duties, and the stage refers to the
 * row), else the standard name of the stage and its number 1…6. A new stage goes before the first
 * existing stage of a later kind, so stages listed in cycle order stay in order.
 */
public final class CreateStagesFix extends AbstractQuickFix<Direction> {

    public CreateStagesFix() {
        super("OKO-FIX-CYCLE-STAGES", Direction.class, "OKO-CYCLE-01", "OKO-CYCLE-03", "OKO-EV-1.1", "OKO-EV-2.1",
                "OKO-EV-3.1", "OKO-EV-4.1", "OKO-EV-5.1", "OKO-EV-6.1");
    }

    @Override
    public String label() {
        return Messages.fix_CYCLE_STAGES;
    }

    @Override
    protected boolean applicable(Direction direction) {
        return !missing(direction).isEmpty();
    }

    @Override
    protected void append(EditingDomain domain, Direction direction, Context context, CompoundCommand command,
            Set<Object> state) {
        List<CycleStage> stages = direction.getStages();
        // the index among the existing stages before which each missing kind goes, highest first, so
        // that an insertion never moves the place of the next one
        Map<Integer, List<CycleStage>> byIndex = new TreeMap<>((a, b) -> Integer.compare(b, a));
        for (StageKind kind : missing(direction)) {
            int index = stages.size();
            for (int i = 0; i < stages.size(); i++) {
                StageKind other = stages.get(i).getKind();
                if (other != null && other.ordinal() > kind.ordinal()) {
                    index = i;
                    break;
                }
            }
            byIndex.computeIfAbsent(index, i -> new ArrayList<>()).add(stage(direction, kind));
        }
        byIndex.forEach((index, created) -> command.append(
                AddCommand.create(domain, direction, OkoPackage.Literals.DIRECTION__STAGES, created, index)));
    }

    private static List<StageKind> missing(Direction direction) {
        List<StageKind> missing = new ArrayList<>(StageKind.VALUES);
        direction.getStages().forEach(stage -> missing.remove(stage.getKind()));
        return missing;
    }

    private static CycleStage stage(Direction direction, StageKind kind) {
        CycleStage stage = OkoFactory.eINSTANCE.createCycleStage();
        stage.setKind(kind);
        TechMapRow row = Fixes.mapRow(Fixes.system(direction), kind);
        if (row != null) {
            stage.setMapRow(row);
            stage.setName(row.getName());
            stage.setNumber(row.getNumber() > 0 ? row.getNumber() : kind.ordinal() + 1);
            stage.setAction(row.getAction());
            stage.setCoordinatorDuty(row.getCoordinatorDuty());
            stage.setExecutorsDuty(row.getExecutorsDuty());
            stage.setOperatorDuty(row.getOperatorDuty());
        } else {
            stage.setName(Fixes.stageName(kind));
            stage.setNumber(kind.ordinal() + 1);
        }
        return stage;
    }
}
