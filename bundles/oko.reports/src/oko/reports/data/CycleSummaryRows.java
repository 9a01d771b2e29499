package oko.reports.data;

import java.util.List;
import java.util.Map;

import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;

/**
 * Scripted data set "summary" of the self-analysis report: one row per system, for the title block.
 * Columns: {@code system} (name and code), {@code period} (code and name), {@code date} (the day the
 * cycles were evaluated, dd.MM.yyyy), and as integers {@code directions}, {@code full},
 * {@code incomplete}, {@code notDescribed} (how many directions are in each state), and {@code totals}
 * (the same in words: «9: полный цикл — 0, неполный цикл — 1, не описан — 8»).
 */
public final class CycleSummaryRows extends CycleRows {

    @Override
    protected void collectCycles(List<Evaluation> evaluations, List<Map<String, Object>> rows) {
        int index = 0;
        for (Evaluation evaluation : evaluations) {
            String system = join(null, evaluation.system().getName());
            String code = evaluation.system().getCode();
            String period = join(null, evaluation.period().getName());
            if (!period.contains(evaluation.period().getCode())) {
                period = join(evaluation.period().getCode(), period);
            }
            rows.add(groupRow(index++, system, "system", system.isEmpty() ? code : system + " (" + code + ")",
                    "period", period, "date", DATE.format(evaluation.date()),
                    "directions", evaluation.directions().size(),
                    "full", count(evaluation.directions(), CycleState.FULL),
                    "incomplete", count(evaluation.directions(), CycleState.INCOMPLETE),
                    "notDescribed", count(evaluation.directions(), CycleState.NOT_DESCRIBED),
                    "totals", Messages.bind(Messages.cycleTotals, new Object[] { evaluation.directions().size(),
                            count(evaluation.directions(), CycleState.FULL),
                            count(evaluation.directions(), CycleState.INCOMPLETE),
                            count(evaluation.directions(), CycleState.NOT_DESCRIBED) })));
        }
    }

    private static int count(List<DirectionResult> directions, CycleState state) {
        return (int) directions.stream().filter(d -> d.state() == state).count();
    }
}
