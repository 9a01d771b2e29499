package oko.cycle;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.osgi.util.NLS;

import oko.core.deadline.Deadlines;
import oko.core.meetings.MeetingRules;
import oko.core.plan.PlanExecution;
import oko.cycle.internal.Messages;
import oko.cycle.internal.Weights;
import oko.model.Activity;
import oko.model.CodedElement;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.Measure;
import oko.model.Meeting;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.NamedElement;
import oko.model.NumberedElement;
import oko.model.OkoPackage;
import oko.model.Period;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.RecommendationStatus;
import oko.model.RiskList;
import oko.model.StageKind;
import oko.model.WorkingGroup;

/**
 * The state of every management cycle of a system in a period, computed from the model and its
 * data: for each direction and each of the six stages, named checks with stable ids (like
 * validation rules), their weights, states and the objects that are evidence or that lack
 * something; a score 0–100 per stage and direction and the direction's cycle state. Also what
 * needs attention now. Pure functions of the model (read inside any CDO view); nothing is changed.
 * <p>
 * Ids look like {@code OKO-EV-1.1} (stage 1, first check); every check, its weight and the
 * full-cycle rule are described in {@code docs/cycle.md}. Weights come from the files contributed
 * to the extension point {@code oko.cycle.weights}.
 * <p>
 * A stage's score is {@code round(100 × Σ weight × fraction / Σ weight)} over its checks; the
 * direction's score is the rounded mean of its six stage scores. A direction without stages is
 * {@link CycleState#NOT_DESCRIBED}; it is {@link CycleState#FULL} when every stage is complete
 * ({@link StageResult#complete()}: score at least {@code full.minimumStageScore}, 50 by default,
 * no check of weight at least {@code full.essentialWeight}, 2 by default, missing, and none of the
 * checks of {@code full.required}, by default each stage's «described» check, missing), otherwise
 * {@link CycleState#INCOMPLETE}.
 */
public final class CycleEvidence {

    private static final double EPSILON = 1e-9;

    private CycleEvidence() {
    }

    /** A check's state. */
    public enum CheckState {
        MET, PARTLY, MISSING
    }

    /** A direction's cycle. */
    public enum CycleState {
        /** All six stages have their evidence. */
        FULL,
        /** Some stages are described but lack evidence (which: {@link DirectionResult#incomplete()}). */
        INCOMPLETE,
        /** No management cycle described for the direction. */
        NOT_DESCRIBED
    }

    /** A named check: stable id, the stage it belongs to, its weight within the stage, its title in the current locale. */
    public record Check(String id, StageKind stage, double weight, String title) {
    }

    /**
     * A check's result: state, the fraction met (0…1; PARTLY between), a short reason in the current
     * locale (e.g. «2 из 3 целей без показателя»), the evidence objects and the objects lacking something.
     */
    public record CheckResult(Check check, CheckState state, double fraction, String reason, List<EObject> evidence,
            List<EObject> gaps) {
    }

    /** One stage of one direction: score 0–100 (weighted fractions) and its checks. */
    public record StageResult(StageKind stage, int score, List<CheckResult> checks) {
        /** The short reason shown in a dashboard cell (the first unmet check's reason, or «выполнено»). */
        public String reason() {
            return checks.stream().filter(c -> c.state() != CheckState.MET).map(CheckResult::reason).findFirst()
                    .orElse(Messages.met);
        }

        /**
         * Whether the stage has its evidence: score at least {@code full.minimumStageScore}, no check
         * of weight at least {@code full.essentialWeight} missing and none of the checks listed in
         * {@code full.required} (by default each stage's «described» check) missing.
         */
        public boolean complete() {
            Weights weights = Weights.current();
            return score >= weights.minimumStageScore() - EPSILON && checks.stream()
                    .noneMatch(c -> c.state() == CheckState.MISSING && (weights.required(c.check().id())
                            || c.check().weight() > 0 && c.check().weight() >= weights.essentialWeight() - EPSILON));
        }

        /** The result of the check with {@code id}, if the stage has it. */
        public Optional<CheckResult> check(String id) {
            return checks.stream().filter(c -> c.check().id().equals(id)).findFirst();
        }
    }

    /** One direction: its six stages in cycle order, score 0–100, state. */
    public record DirectionResult(Direction direction, Period period, int score, CycleState state,
            List<StageResult> stages) {
        /** The stages lacking evidence (empty for a full cycle). */
        public List<StageKind> incomplete() {
            return stages.stream().filter(s -> !s.complete()).map(StageResult::stage).toList();
        }

        /** The result of one stage. */
        public StageResult stage(StageKind kind) {
            return stages.stream().filter(s -> s.stage() == kind).findFirst().orElseThrow();
        }
    }

    /** Something that needs attention now. */
    public enum AttentionKind {
        OVERDUE_PLAN_ITEM, OVERDUE_MEASURE, PROTOCOL_DUE, PROTOCOL_OVERDUE, RECOMMENDATION_WITHOUT_MEASURE,
        RUN_MISSING_DATA
    }

    /** An attention item: kind, the object, a text in the current locale, the date concerned (due date) or null. */
    public record Attention(AttentionKind kind, EObject object, String text, LocalDate date) {
    }

    /** The ids of the checks, in stage and id order. */
    private static final String[][] IDS = {
            { "OKO-EV-1.1", "OKO-EV-1.2", "OKO-EV-1.3", "OKO-EV-1.4", "OKO-EV-1.5" },
            { "OKO-EV-2.1", "OKO-EV-2.2", "OKO-EV-2.3", "OKO-EV-2.4", "OKO-EV-2.5", "OKO-EV-2.6", "OKO-EV-2.7" },
            { "OKO-EV-3.1", "OKO-EV-3.2", "OKO-EV-3.3", "OKO-EV-3.4" },
            { "OKO-EV-4.1", "OKO-EV-4.2", "OKO-EV-4.3", "OKO-EV-4.4", "OKO-EV-4.5", "OKO-EV-4.6" },
            { "OKO-EV-5.1", "OKO-EV-5.2", "OKO-EV-5.3", "OKO-EV-5.4", "OKO-EV-5.5", "OKO-EV-5.6" },
            { "OKO-EV-6.1", "OKO-EV-6.2", "OKO-EV-6.3" } };

    /** Every check, in stage and id order (ids and weights from the contributed weights file). */
    public static List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        for (StageKind stage : StageKind.VALUES) {
            for (String id : IDS[stage.ordinal()]) {
                checks.add(check(id));
            }
        }
        return checks;
    }

    /** The check with {@code id}, e.g. {@code OKO-EV-1.3}. */
    public static Check check(String id) {
        String number = id.substring("OKO-EV-".length());
        StageKind stage = StageKind.VALUES.get(Integer.parseInt(number.substring(0, number.indexOf('.'))) - 1);
        String title = text("check_" + number.replace('.', '_'));
        return new Check(id, stage, Weights.current().weight(id), title);
    }

    /** The title of a stage in the current locale. */
    public static String stageTitle(StageKind stage) {
        return text("stage_" + stage.getName());
    }

    private static String text(String key) {
        try {
            return (String) Messages.class.getField(key).get(null);
        } catch (ReflectiveOperationException e) {
            return key;
        }
    }

    /** The cycle of each direction of {@code system} in {@code period} (model order), on {@code today}. */
    public static List<DirectionResult> evaluate(QualitySystem system, Period period, LocalDate today) {
        return system.getDirections().stream().map(d -> evaluate(d, period, today)).toList();
    }

    /** The cycle of one direction. */
    public static DirectionResult evaluate(Direction direction, Period period, LocalDate today) {
        Scope scope = new Scope(direction, period, today);
        List<StageResult> stages = List.of(goals(scope), indicators(scope), monitoring(scope), analysis(scope),
                measures(scope), effectiveness(scope));
        int score = (int) Math.round(stages.stream().mapToInt(StageResult::score).average().orElse(0));
        CycleState state;
        if (direction.getStages().isEmpty()) {
            state = CycleState.NOT_DESCRIBED;
        } else if (stages.stream().allMatch(StageResult::complete)) {
            state = CycleState.FULL;
        } else {
            state = CycleState.INCOMPLETE;
        }
        return new DirectionResult(direction, period, score, state, stages);
    }

    // ---- the stages --------------------------------------------------------------------------

    private static StageResult goals(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-1.1", StageKind.GOALS));
        List<Goal> goals = scope.goals();
        if (goals.isEmpty()) {
            List<EObject> gaps = scope.stages(StageKind.GOALS).isEmpty() ? List.of(scope.direction)
                    : List.copyOf(scope.stages(StageKind.GOALS));
            results.add(missing("OKO-EV-1.2", Messages.noGoals, gaps));
            for (String id : List.of("OKO-EV-1.3", "OKO-EV-1.4", "OKO-EV-1.5")) {
                results.add(missing(id, Messages.noGoals, gaps));
            }
        } else {
            results.add(met("OKO-EV-1.2", NLS.bind(Messages.goalsFound, goals.size()), goals));
            results.add(share("OKO-EV-1.3", goals, g -> !g.getIndicators().isEmpty(), Messages.goalsWithoutIndicator));
            results.add(share("OKO-EV-1.4", goals, CycleEvidence::hasTarget, Messages.goalsWithoutTarget));
            results.add(share("OKO-EV-1.5", goals, g -> hasDeadline(g.getDeadline()), Messages.goalsWithoutDeadline));
        }
        return stage(StageKind.GOALS, results);
    }

    private static boolean hasTarget(Goal goal) {
        return goal.getTargetValue() != null || goal.getIndicators().stream().anyMatch(i -> i.getThreshold() != null);
    }

    private static boolean hasDeadline(oko.model.Deadline deadline) {
        return deadline != null && (Deadlines.due(deadline).isPresent() || !blank(deadline.getText()));
    }

    private static StageResult indicators(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-2.1", StageKind.INDICATORS));
        List<Indicator> indicators = scope.indicators();
        if (indicators.isEmpty()) {
            List<EObject> gaps = List.of(scope.direction);
            results.add(missing("OKO-EV-2.2", Messages.noIndicators, gaps));
            for (String id : List.of("OKO-EV-2.3", "OKO-EV-2.4", "OKO-EV-2.5", "OKO-EV-2.6", "OKO-EV-2.7")) {
                results.add(missing(id, Messages.noIndicators, gaps));
            }
        } else {
            results.add(met("OKO-EV-2.2", NLS.bind(Messages.indicatorsFound, indicators.size()), indicators));
            results.add(share("OKO-EV-2.3", indicators, i -> !blank(i.getCriteria()), Messages.indicatorsWithoutCriteria));
            results.add(share("OKO-EV-2.4", indicators, CycleEvidence::hasFormula, Messages.indicatorsWithoutFormula));
            results.add(share("OKO-EV-2.5", indicators, i -> !i.getInformationSystems().isEmpty() || !blank(i.getSources()),
                    Messages.indicatorsWithoutSource));
            results.add(share("OKO-EV-2.6", indicators, i -> !blank(i.getCollectionMethod()), Messages.indicatorsWithoutMethod));
            results.add(share("OKO-EV-2.7", indicators, i -> !i.getResponsibleRoles().isEmpty()
                    || !i.getResponsibleOrganisations().isEmpty() || !blank(i.getResponsibleText()),
                    Messages.indicatorsWithoutResponsible));
        }
        return stage(StageKind.INDICATORS, results);
    }

    /** Whether the indicator's formula is one the formula engine reads. */
    private static boolean hasFormula(Indicator indicator) {
        return CycleContents.formulaState(indicator) == CycleContents.FormulaState.READABLE;
    }

    private static StageResult monitoring(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-3.1", StageKind.MONITORING));
        List<Monitoring> monitorings = scope.monitorings();
        List<EObject> directionGap = List.of(scope.direction);
        if (monitorings.isEmpty()) {
            results.add(missing("OKO-EV-3.2", Messages.noMonitoring, directionGap));
            results.add(missing("OKO-EV-3.3", Messages.noMonitoring, directionGap));
            results.add(missing("OKO-EV-3.4", Messages.noMonitoring, directionGap));
            return stage(StageKind.MONITORING, results);
        }
        results.add(met("OKO-EV-3.2", NLS.bind(Messages.monitoringsFound, monitorings.size()), monitorings));
        List<MonitoringRun> runs = scope.runs();
        if (runs.isEmpty()) {
            results.add(missing("OKO-EV-3.3", Messages.noRun, monitorings));
            results.add(missing("OKO-EV-3.4", Messages.noRun, monitorings));
            return stage(StageKind.MONITORING, results);
        }
        results.add(met("OKO-EV-3.3", NLS.bind(Messages.runsFound, runs.size()), runs));
        int monitored = 0;
        int complete = 0;
        List<EObject> evidence = new ArrayList<>();
        List<EObject> gaps = new ArrayList<>();
        for (MonitoringRun run : runs) {
            Coverage coverage = Coverage.of(run);
            monitored += coverage.monitored().size();
            complete += coverage.complete().size();
            (coverage.missing().isEmpty() && !coverage.monitored().isEmpty() ? evidence : gaps).add(run);
        }
        if (monitored == 0) {
            results.add(result("OKO-EV-3.4", 0, Messages.noSchools, evidence, gaps));
        } else {
            double fraction = (double) complete / monitored;
            results.add(result("OKO-EV-3.4", fraction,
                    NLS.bind(Messages.coverage, new Object[] { Math.round(100 * fraction), complete, monitored }), evidence, gaps));
        }
        return stage(StageKind.MONITORING, results);
    }

    private static StageResult analysis(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-4.1", StageKind.ANALYSIS));
        List<MonitoringRun> runs = scope.runs();
        if (runs.isEmpty()) {
            List<EObject> gaps = scope.monitorings().isEmpty() ? List.of(scope.direction) : List.copyOf(scope.monitorings());
            results.add(missing("OKO-EV-4.2", Messages.noRun, gaps));
            results.add(missing("OKO-EV-4.3", Messages.noRun, gaps));
        } else {
            Set<Indicator> expected = new LinkedHashSet<>();
            Set<Indicator> computed = new LinkedHashSet<>();
            for (MonitoringRun run : runs) {
                expected.addAll(scope.computed((Monitoring) run.eContainer()));
                for (IndicatorValue value : run.getValues()) {
                    computed.add(value.getIndicator());
                }
            }
            if (expected.isEmpty()) {
                results.add(missing("OKO-EV-4.2", Messages.noIndicatorsMonitored, List.copyOf(runs)));
            } else {
                results.add(share("OKO-EV-4.2", List.copyOf(expected), computed::contains, Messages.indicatorsNotComputed));
            }
            List<RiskList> lists = runs.stream().flatMap(r -> r.getRiskLists().stream()).toList();
            results.add(lists.isEmpty() ? missing("OKO-EV-4.3", Messages.noRiskLists, List.copyOf(runs))
                    : met("OKO-EV-4.3", NLS.bind(Messages.riskListsFound, lists.size()), lists));
        }
        List<Recommendation> recommendations = scope.recommendations();
        if (recommendations.isEmpty()) {
            List<EObject> gaps = List.of(scope.direction);
            results.add(missing("OKO-EV-4.4", Messages.noRecommendations, gaps));
            results.add(missing("OKO-EV-4.5", Messages.noRecommendations, gaps));
            results.add(missing("OKO-EV-4.6", Messages.noRecommendations, gaps));
        } else {
            results.add(met("OKO-EV-4.4", NLS.bind(Messages.recommendationsFound, recommendations.size()), recommendations));
            results.add(share("OKO-EV-4.5", recommendations, CycleEvidence::addressed, Messages.recommendationsNotAddressed));
            List<EObject> sent = new ArrayList<>();
            List<EObject> unsent = new ArrayList<>();
            int accepted = 0;
            for (Recommendation r : recommendations) {
                (sent(r) ? sent : unsent).add(r);
                if (accepted(r)) {
                    accepted++;
                }
            }
            double fraction = (double) sent.size() / recommendations.size();
            results.add(result("OKO-EV-4.6", fraction, fraction >= 1 - EPSILON ? Messages.met
                    : NLS.bind(Messages.recommendationsSent, new Object[] { sent.size(), recommendations.size(), accepted }),
                    sent, unsent));
        }
        return stage(StageKind.ANALYSIS, results);
    }

    /** Whether a recommendation names whom it is for: schools, a risk group, a level or persons. */
    static boolean addressed(Recommendation r) {
        // addresseeLevel is an enum: never null, its default is the first level; only a set value counts
        return !r.getAddresseeSchools().isEmpty() || r.getAddresseeGroup() != null
                || r.eIsSet(OkoPackage.Literals.RECOMMENDATION__ADDRESSEE_LEVEL) || !r.getAddresseePersons().isEmpty();
    }

    /** Sent: status SENT, ACCEPTED or IMPLEMENTED (a rejected one was sent too, and counts). */
    static boolean sent(Recommendation r) {
        RecommendationStatus status = r.getStatus();
        return status != null && status != RecommendationStatus.DRAFT;
    }

    static boolean accepted(Recommendation r) {
        return r.getStatus() == RecommendationStatus.ACCEPTED || r.getStatus() == RecommendationStatus.IMPLEMENTED;
    }

    private static StageResult measures(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-5.1", StageKind.MEASURES));
        List<Measure> measures = scope.measures(scope.period);
        List<Activity> activities = new ArrayList<>(measures);
        activities.addAll(scope.planItems(scope.period));
        if (activities.isEmpty()) {
            List<EObject> gaps = List.of(scope.direction);
            for (String id : List.of("OKO-EV-5.2", "OKO-EV-5.3", "OKO-EV-5.4", "OKO-EV-5.5", "OKO-EV-5.6")) {
                results.add(missing(id, Messages.noMeasures, gaps));
            }
            return stage(StageKind.MEASURES, results);
        }
        results.add(met("OKO-EV-5.2", NLS.bind(Messages.measuresFound, activities.size()), activities));
        results.add(share("OKO-EV-5.3", activities, a -> hasDeadline(a.getDeadline()), Messages.measuresWithoutDeadline));
        results.add(share("OKO-EV-5.4", activities, a -> !a.getResponsiblePersons().isEmpty() || !a.getResponsibleRoles().isEmpty()
                || !a.getResponsibleOrganisations().isEmpty() || !blank(a.getResponsibleText()), Messages.measuresWithoutResponsible));
        LocalDate today = scope.today == null ? LocalDate.now() : scope.today;
        List<Activity> due = activities.stream().filter(a -> a.getStatus() == oko.model.MeasureStatus.DONE
                || a.getStatus() != oko.model.MeasureStatus.CANCELLED && Deadlines.due(a).map(d -> d.isBefore(today)).orElse(false))
                .toList();
        if (due.isEmpty()) {
            results.add(met("OKO-EV-5.5", Messages.noMeasuresDue, List.of()));
        } else {
            results.add(share("OKO-EV-5.5", due, a -> !a.getResultDocuments().isEmpty(), Messages.measuresWithoutResult));
        }
        if (measures.isEmpty()) {
            results.add(missing("OKO-EV-5.6", Messages.noMeasureObjects,
                    scope.recommendations().isEmpty() ? List.of(scope.direction) : List.copyOf(scope.recommendations())));
        } else {
            results.add(share("OKO-EV-5.6", measures, m -> !m.getBasedOn().isEmpty(), Messages.measuresWithoutRecommendation));
        }
        return stage(StageKind.MEASURES, results);
    }

    private static StageResult effectiveness(Scope scope) {
        List<CheckResult> results = new ArrayList<>();
        results.add(described(scope, "OKO-EV-6.1", StageKind.EFFECTIVENESS));
        List<Document> documents = new ArrayList<>();
        for (CycleStage stage : scope.stages(StageKind.EFFECTIVENESS)) {
            for (Document document : stage.getDocuments()) {
                if (CycleContents.ANALYSES.contains(document.getKind())
                        && (scope.period == null || document.getPeriods().contains(scope.period))) {
                    documents.add(document);
                }
            }
        }
        List<Measure> measures = scope.measures(scope.period);
        if (!documents.isEmpty()) {
            List<EObject> evidence = new ArrayList<>(documents);
            measures.stream().filter(m -> !blank(m.getEffectiveness())).forEach(evidence::add);
            results.add(met("OKO-EV-6.2", NLS.bind(Messages.effectivenessDocument, label(documents.get(0))), evidence));
        } else if (measures.isEmpty()) {
            List<EObject> gaps = scope.stages(StageKind.EFFECTIVENESS).isEmpty() ? List.of(scope.direction)
                    : List.copyOf(scope.stages(StageKind.EFFECTIVENESS));
            results.add(missing("OKO-EV-6.2", Messages.noEffectiveness, gaps));
        } else if (measures.stream().allMatch(m -> blank(m.getEffectiveness()))) {
            results.add(missing("OKO-EV-6.2", Messages.noEffectiveness, List.copyOf(measures)));
        } else {
            results.add(share("OKO-EV-6.2", measures, m -> !blank(m.getEffectiveness()), Messages.measuresWithoutEffectiveness));
        }
        Optional<Period> next = scope.next();
        if (scope.period == null) {
            results.add(missing("OKO-EV-6.3", Messages.noPeriod, List.of(scope.direction)));
        } else if (next.isEmpty()) {
            results.add(missing("OKO-EV-6.3", Messages.noNextPeriod, List.of(scope.period)));
        } else {
            Period following = next.get();
            List<EObject> changed = new ArrayList<>();
            for (Goal goal : scope.allGoals()) {
                if (goal.getPeriod() == following
                        || goal.getRevises() != null && goal.getRevises().getPeriod() == scope.period) {
                    changed.add(goal);
                }
            }
            scope.measures(following).stream().filter(m -> m.getPeriod() == following).forEach(changed::add);
            scope.plans(following).stream().filter(p -> p.getPeriod() == following).forEach(changed::add);
            if (changed.isEmpty()) {
                List<EObject> gaps = scope.goals().isEmpty() ? List.of(scope.direction) : List.copyOf(scope.goals());
                results.add(missing("OKO-EV-6.3", NLS.bind(Messages.nothingChanged, label(following)), gaps));
            } else {
                results.add(met("OKO-EV-6.3", NLS.bind(Messages.changedFor, label(following), label(changed.get(0))), changed));
            }
        }
        return stage(StageKind.EFFECTIVENESS, results);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static CheckResult described(Scope scope, String id, StageKind kind) {
        List<CycleStage> stages = scope.stages(kind);
        return stages.isEmpty() ? missing(id, NLS.bind(Messages.stageMissing, stageTitle(kind)), List.of(scope.direction))
                : met(id, Messages.stageDescribed, stages);
    }

    private static StageResult stage(StageKind kind, List<CheckResult> results) {
        double weighted = 0;
        double total = 0;
        for (CheckResult result : results) {
            weighted += result.check().weight() * result.fraction();
            total += result.check().weight();
        }
        int score = total <= 0 ? 0 : (int) Math.round(100 * weighted / total);
        return new StageResult(kind, score, List.copyOf(results));
    }

    private static CheckResult met(String id, String reason, Collection<? extends EObject> evidence) {
        return result(id, 1, reason, evidence, List.of());
    }

    private static CheckResult missing(String id, String reason, Collection<? extends EObject> gaps) {
        return result(id, 0, reason, List.of(), gaps);
    }

    private static CheckResult result(String id, double fraction, String reason, Collection<? extends EObject> evidence,
            Collection<? extends EObject> gaps) {
        CheckState state = fraction >= 1 - EPSILON ? CheckState.MET : fraction <= EPSILON ? CheckState.MISSING : CheckState.PARTLY;
        return new CheckResult(check(id), state, Math.max(0, Math.min(1, fraction)), reason, List.copyOf(evidence),
                List.copyOf(gaps));
    }

    /** The share of {@code objects} satisfying {@code test}; the reason names how many lack it («{0} из {1} …»). */
    private static <T extends EObject> CheckResult share(String id, List<T> objects, Predicate<T> test, String lacking) {
        List<EObject> evidence = new ArrayList<>();
        List<EObject> gaps = new ArrayList<>();
        for (T object : objects) {
            (test.test(object) ? evidence : gaps).add(object);
        }
        double fraction = objects.isEmpty() ? 0 : (double) evidence.size() / objects.size();
        String reason = gaps.isEmpty() ? Messages.met : NLS.bind(lacking, gaps.size(), objects.size());
        return result(id, fraction, reason, evidence, gaps);
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A short label of an object: its number or code and name. */
    static String label(EObject object) {
        String key = object instanceof NumberedElement numbered ? numbered.getNumber()
                : object instanceof CodedElement coded ? coded.getCode() : null;
        String name = object instanceof NamedElement named ? named.getName() : null;
        if (blank(key)) {
            return blank(name) ? object.eClass().getName() : name;
        }
        return blank(name) ? key : key + " «" + name + "»";
    }

    // ---- attention -----------------------------------------------------------------------------

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    /** What needs attention in {@code system} on {@code today}, most urgent first. */
    public static List<Attention> attention(QualitySystem system, Period period, LocalDate today) {
        List<Attention> items = new ArrayList<>();
        // the system's own objects, and those of other loaded systems that concern its directions
        List<QualitySystem> systems = Scope.systems(system);
        Predicate<Direction> ours = d -> d != null && d.eContainer() == system;
        for (QualitySystem s : systems) {
            for (Plan plan : s.getPlans()) {
                if (s != system && !ours.test(plan.getDirection())) {
                    continue;
                }
                List<PlanItem> all = new ArrayList<>();
                for (PlanItem item : plan.getItems()) {
                    all(item, all);
                }
                for (PlanItem item : all) {
                    if (overdue(item, today)) {
                        LocalDate due = Deadlines.due(item).orElse(null);
                        items.add(new Attention(AttentionKind.OVERDUE_PLAN_ITEM, item,
                                NLS.bind(Messages.attentionOverduePlanItem, label(item), date(due)), due));
                    }
                }
            }
            for (Measure measure : s.getMeasures()) {
                if ((s == system || ours.test(measure.getDirection())) && overdue(measure, today)) {
                    LocalDate due = Deadlines.due(measure).orElse(null);
                    items.add(new Attention(AttentionKind.OVERDUE_MEASURE, measure,
                            NLS.bind(Messages.attentionOverdueMeasure, label(measure), date(due)), due));
                }
            }
            for (WorkingGroup group : s.getWorkingGroups()) {
                if (s == system || ours.test(group.getDirection())) {
                    for (Meeting meeting : group.getMeetings()) {
                        protocol(group, meeting, today, items);
                    }
                }
            }
        }
        Set<Recommendation> withMeasures = new LinkedHashSet<>();
        for (QualitySystem s : systems) {
            for (Measure measure : s.getMeasures()) {
                withMeasures.addAll(measure.getBasedOn());
            }
        }
        for (QualitySystem s : systems) {
            for (Recommendation r : s.getRecommendations()) {
                if ((s == system || ours.test(r.getDirection())) && !withMeasures.contains(r)
                        && r.getStatus() != RecommendationStatus.REJECTED
                        && Scope.inPeriod(period, r.getPeriod(), Scope.day(r.getDate()))) {
                    items.add(new Attention(AttentionKind.RECOMMENDATION_WITHOUT_MEASURE, r,
                            NLS.bind(Messages.attentionRecommendation, label(r)), Scope.day(r.getDate())));
                }
            }
            for (Monitoring monitoring : s.getMonitorings()) {
                if (s != system && !ours.test(monitoring.getDirection())) {
                    continue;
                }
                for (MonitoringRun run : monitoring.getRuns()) {
                    if (period != null && run.getPeriod() != period) {
                        continue;
                    }
                    Coverage coverage = Coverage.of(run);
                    if (!coverage.missing().isEmpty()) {
                        items.add(new Attention(AttentionKind.RUN_MISSING_DATA, run, NLS.bind(Messages.attentionRun,
                                new Object[] { label(run), coverage.missing().size(), coverage.monitored().size() }),
                                Scope.day(run.getDate())));
                    }
                }
            }
        }
        items.sort(Comparator.comparingInt((Attention a) -> urgency(a.kind()))
                .thenComparing(Attention::date, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(items);
    }

    private static void all(PlanItem item, List<PlanItem> into) {
        into.add(item);
        for (PlanItem child : item.getChildren()) {
            all(child, into);
        }
    }

    /** Overdue items first, then protocols due, then recommendations without measures, then runs lacking data. */
    private static int urgency(AttentionKind kind) {
        return switch (kind) {
        case PROTOCOL_OVERDUE, OVERDUE_PLAN_ITEM, OVERDUE_MEASURE -> 0;
        case PROTOCOL_DUE -> 1;
        case RECOMMENDATION_WITHOUT_MEASURE -> 2;
        case RUN_MISSING_DATA -> 3;
        };
    }

    private static boolean overdue(Activity activity, LocalDate today) {
        return PlanExecution.state(activity, today) == PlanExecution.ItemState.OVERDUE;
    }

    private static void protocol(WorkingGroup group, Meeting meeting, LocalDate today, List<Attention> items) {
        MeetingRules.MeetingState state = MeetingRules.state(meeting, today);
        LocalDate due = MeetingRules.protocolDue(meeting).orElse(null);
        String name = label(meeting);
        if (state == MeetingRules.MeetingState.PROTOCOL_DUE) {
            items.add(new Attention(AttentionKind.PROTOCOL_DUE, meeting,
                    NLS.bind(Messages.attentionProtocolDue, new Object[] { name, group.getName(), date(due) }), due));
        } else if (state == MeetingRules.MeetingState.PROTOCOL_OVERDUE) {
            items.add(new Attention(AttentionKind.PROTOCOL_OVERDUE, meeting,
                    NLS.bind(Messages.attentionProtocolOverdue, new Object[] { name, group.getName(), date(due) }), due));
        }
    }

    private static String date(LocalDate date) {
        return date == null ? Messages.noDate : DATE.format(date);
    }
}
