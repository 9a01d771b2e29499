package oko.reports.data;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.StageKind;

/**
 * Scripted data set "matrix" of the self-analysis report: directions × the six stages. One row per
 * direction, in model order. Columns: {@code code}, {@code direction} (code and name), as integers
 * {@code stage1}…{@code stage6} (the stage's score 0–100; null where the evaluation has no such
 * stage) and {@code score} (the direction's), {@code state} («Полный цикл», «Неполный цикл», «Не
 * описан»; for an incomplete cycle followed by its incomplete stages' numbers), {@code stateKey}
 * ({@code full}, {@code incomplete}, {@code not-described}) and {@code incomplete} (the numbers of
 * the stages lacking evidence, comma-separated).
 */
public final class CycleMatrixRows extends CycleRows {

    @Override
    protected void collectCycles(List<Evaluation> evaluations, List<Map<String, Object>> rows) {
        int index = 0;
        for (Evaluation evaluation : evaluations) {
            String group = join(null, evaluation.system().getName());
            for (DirectionResult direction : evaluation.directions()) {
                Map<String, Object> row = groupRow(index, group, "code", direction.direction().getCode(),
                        "direction", join(direction.direction().getCode(), direction.direction().getName()));
                for (StageKind stage : StageKind.VALUES) {
                    row.put("stage" + number(stage), direction.stages().stream().filter(s -> s.stage() == stage)
                            .findFirst().map(StageResult::score).orElse(null));
                }
                String incomplete = direction.incomplete().stream().map(s -> Integer.toString(number(s)))
                        .collect(Collectors.joining(", "));
                row.put("score", direction.score());
                row.put("state", direction.state() != CycleState.INCOMPLETE || incomplete.isEmpty() ? state(direction.state())
                        : Messages.bind(Messages.cycleIncompleteStages, state(direction.state()), incomplete));
                row.put("stateKey", stateKey(direction.state()));
                row.put("incomplete", incomplete);
                rows.add(row);
            }
            index++;
        }
    }
}
