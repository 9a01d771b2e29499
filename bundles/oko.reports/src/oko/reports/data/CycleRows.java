package oko.reports.data;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;

/**
 * The base of the data sets of the self-analysis report («Самоанализ муниципальных механизмов
 * управления качеством образования»): the cycle of every direction of the chosen system in the
 * report parameter {@code period} (a period's code), as {@link CycleEvidence#evaluate} computes it
 * on the day the report runs. The three data sets of one report share one evaluation (kept in the
 * report's app context).
 */
public abstract class CycleRows extends ModelRows {

    /** Report parameter: the code of the period whose cycles the report shows. */
    public static final String PERIOD = "period";
    /** App-context key under which the evaluations of one report run are kept. */
    static final String EVALUATIONS = "oko.cycle.evaluations";
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private String periodCode;
    private Map<String, Object> appContext;
    /** The day the cycles are evaluated on. */
    protected final LocalDate today = LocalDate.now();

    /** A system's cycles in the period. */
    protected record Evaluation(QualitySystem system, Period period, LocalDate date, List<DirectionResult> directions) {
    }

    @Override
    @SuppressWarnings("unchecked")
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        Object value = context.getParameterValue(PERIOD);
        periodCode = value == null ? null : value.toString().strip();
        if (periodCode == null || periodCode.isEmpty()) {
            throw new ScriptException(Messages.bind(Messages.parameterMissing, dataSet.getName(), PERIOD));
        }
        appContext = context.getAppContext();
        super.beforeOpen(dataSet, context);
    }

    @Override
    protected final void collect(List<QualitySystem> systems, List<Map<String, Object>> rows) {
        Period period = period(repository, periodCode);
        if (period == null) {
            return;
        }
        List<Evaluation> evaluations = new ArrayList<>();
        for (QualitySystem system : systems) {
            evaluations.add(evaluation(system, period));
        }
        collectCycles(evaluations, rows);
    }

    /** Adds the rows of these evaluations (one per system the report is about). */
    protected abstract void collectCycles(List<Evaluation> evaluations, List<Map<String, Object>> rows);

    /** The system's cycles, computed once per report run. */
    @SuppressWarnings("unchecked")
    private Evaluation evaluation(QualitySystem system, Period period) {
        Map<Object, Evaluation> cache = appContext == null ? new LinkedHashMap<>()
                : (Map<Object, Evaluation>) appContext.computeIfAbsent(EVALUATIONS, k -> new LinkedHashMap<>());
        List<Object> key = List.of(system, period);
        return cache.computeIfAbsent(key,
                k -> new Evaluation(system, period, today, CycleEvidence.evaluate(system, period, today)));
    }

    /** The stage's number in the cycle, 1–6. */
    protected static int number(StageKind stage) {
        return stage.getValue() + 1;
    }

    /** «Полный цикл», «Неполный цикл», «Не описан». */
    protected static String state(CycleState state) {
        return switch (state) {
        case FULL -> Messages.cycleFull;
        case INCOMPLETE -> Messages.cycleIncomplete;
        case NOT_DESCRIBED -> Messages.cycleNotDescribed;
        };
    }

    /** The state's key for the layout's highlight rules: full, incomplete, not-described. */
    protected static String stateKey(CycleState state) {
        return switch (state) {
        case FULL -> "full";
        case INCOMPLETE -> "incomplete";
        case NOT_DESCRIBED -> "not-described";
        };
    }

    /** A date as the reports write it (dd.MM.yyyy), empty for none. */
    protected static String date(Date date) {
        return date == null ? "" : DATE.format(date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate());
    }
}
