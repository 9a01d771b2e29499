package oko.cycle.ui.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.CheckResult;
import oko.cycle.CycleEvidence.CheckState;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;

/**
 * What the dashboard shows, computed in a job from a CDO view that is closed afterwards: only ids
 * and texts, so the UI holds no model object (and no view) between computations.
 */
public record Snapshot(List<Choice> systems, CDOID system, List<Choice> periods, CDOID period, List<Row> rows,
        List<AttentionRow> attention, String error) {

    /** A system or period the user may choose: its id and label. */
    public record Choice(CDOID id, String label) {
    }

    /** A model object shown in the cell details or the attention list: its id and label. */
    public record Item(CDOID id, String label) {
    }

    /** One check of a cell: id, title, state, reason, the evidence and the objects lacking something. */
    public record CheckRow(String id, String title, CheckState state, String reason, List<Item> evidence,
            List<Item> gaps) {
    }

    /** One cell: the stage of a direction, its score and reason; {@code described} false for a direction not described. */
    public record Cell(StageKind stage, int score, boolean described, String reason, List<CheckRow> checks) {
    }

    /** One direction: its label, score, state and state text, the six cells in cycle order. */
    public record Row(CDOID direction, String label, int score, CycleState state, String stateText, List<Cell> cells) {
    }

    /** Something that needs attention: the object, its kind's text, the text and the date. */
    public record AttentionRow(Item object, String kind, String text, String date) {
    }

    /** The snapshot of a repository that could not be evaluated: the error and no rows. */
    static Snapshot failed(String error) {
        return new Snapshot(List.of(), null, List.of(), null, List.of(), List.of(), error);
    }

    /**
     * Computes the dashboard for the chosen system and period (or the defaults: the first system
     * in model order; the period that contains {@code today}, else the latest begun before it, else
     * the first).
     *
     * @param repository the open repository; a view is opened and closed here
     * @param system     the chosen system's id, or {@code null} for the default
     * @param period     the chosen period's id, or {@code null} for the default
     * @param today      the day evaluated
     */
    static Snapshot compute(OkoRepository repository, CDOID system, CDOID period, LocalDate today) {
        CDOView view = repository.openView();
        try {
            return compute(view, system, period, today);
        } finally {
            view.close();
        }
    }

    private static Snapshot compute(CDOView view, CDOID systemId, CDOID periodId, LocalDate today) {
        List<EObject> roots = OkoRepository.roots(view);
        List<QualitySystem> systemList = OkoRepository.systems(roots);
        List<Period> periodList = new ArrayList<>(OkoRepository.periods(roots));
        periodList.sort(Comparator.comparing(p -> p.getStartDate() == null ? new Date(0) : p.getStartDate()));
        List<Choice> systems = systemList.stream().map(s -> new Choice(id(s), systemLabel(s))).toList();
        List<Choice> periods = periodList.stream().map(p -> new Choice(id(p), periodLabel(p))).toList();
        if (systemList.isEmpty() || periodList.isEmpty()) {
            return new Snapshot(systems, null, periods, null, List.of(), List.of(),
                    systemList.isEmpty() ? Messages.noSystem : Messages.noPeriod);
        }
        QualitySystem system = systemList.stream().filter(s -> id(s).equals(systemId)).findFirst()
                .orElse(systemList.get(0));
        Period period = periodList.stream().filter(p -> id(p).equals(periodId)).findFirst()
                .orElseGet(() -> defaultPeriod(periodList, today));
        List<Row> rows = new ArrayList<>();
        for (DirectionResult result : CycleEvidence.evaluate(system, period, today)) {
            rows.add(row(result));
        }
        List<AttentionRow> attention = CycleEvidence.attention(system, period, today).stream()
                .map(a -> new AttentionRow(item(a.object()), Messages.attentionKind(a.kind()), a.text(),
                        a.date() == null ? "" : Messages.date(a.date())))
                .toList();
        return new Snapshot(systems, id(system), periods, id(period), rows, attention, null);
    }

    private static Row row(DirectionResult result) {
        boolean described = result.state() != CycleState.NOT_DESCRIBED;
        List<Cell> cells = new ArrayList<>();
        for (StageResult stage : result.stages()) {
            List<CheckRow> checks = new ArrayList<>();
            for (CheckResult check : stage.checks()) {
                checks.add(new CheckRow(check.check().id(), check.check().title(), check.state(), check.reason(),
                        check.evidence().stream().map(Snapshot::item).toList(),
                        check.gaps().stream().map(Snapshot::item).toList()));
            }
            cells.add(new Cell(stage.stage(), stage.score(), described, stage.reason(), checks));
        }
        String stateText = switch (result.state()) {
            case FULL -> Messages.stateFull;
            case NOT_DESCRIBED -> Messages.stateNotDescribed;
            case INCOMPLETE -> Messages.bind(Messages.stateIncomplete,
                    String.join(", ", result.incomplete().stream().map(stage -> String.valueOf(stage.getValue() + 1)).toList()));
        };
        return new Row(id(result.direction()), ModelLabels.name(result.direction()), result.score(), result.state(),
                stateText, cells);
    }

    /** The period that contains {@code today}, else the latest begun before it, else the first. */
    static Period defaultPeriod(List<Period> sorted, LocalDate today) {
        Period chosen = null;
        for (Period period : sorted) {
            LocalDate start = local(period.getStartDate());
            LocalDate end = local(period.getEndDate());
            if (start != null && !start.isAfter(today) && (end == null || !end.isBefore(today))) {
                return period;
            }
            if (start != null && !start.isAfter(today)) {
                chosen = period;
            }
        }
        return chosen != null ? chosen : sorted.get(0);
    }

    private static LocalDate local(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    private static Item item(EObject object) {
        return new Item(id(object), ModelLabels.label(object));
    }

    private static CDOID id(EObject object) {
        return object == null ? null : CDOUtil.getCDOObject(object).cdoID();
    }

    private static String systemLabel(QualitySystem system) {
        return system.getName() != null && !system.getName().isBlank() ? system.getName() : system.getCode();
    }

    private static String periodLabel(Period period) {
        return period.getName() != null && !period.getName().isBlank() ? period.getName() : period.getCode();
    }

    /** The row of that direction, or null. */
    public Row row(CDOID direction) {
        return rows.stream().filter(r -> r.direction().equals(direction)).findFirst().orElse(null);
    }
}
