package oko.cycle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.core.plan.PlanExecution;
import oko.model.Activity;
import oko.model.AgendaItem;
import oko.model.CycleStage;
import oko.model.Decision;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.Measure;
import oko.model.Meeting;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.RecommendationStatus;
import oko.model.RiskGroup;
import oko.model.RiskList;
import oko.model.StageKind;
import oko.model.WorkingGroup;

/**
 * What belongs to each stage of a direction's management cycle, over every period: the objects
 * {@link CycleEvidence} looks for its evidence among (the same {@link Scope}: the direction's system
 * and the other systems loaded with it), for views that show the cycle, such as the cycle diagram.
 * Pure functions of the model; nothing is changed.
 * <ul>
 * <li>stage 1 ({@link StageKind#GOALS}): the stage's own goals and tasks;</li>
 * <li>stage 2: {@link #indicators};</li>
 * <li>stage 3: {@link #monitorings} and each one's {@link #latestRun} with its {@link Coverage};</li>
 * <li>stage 4: {@link #riskGroups} and {@link #recommendations};</li>
 * <li>stage 5: {@link #measures} and {@link #decisions};</li>
 * <li>stage 6: {@link #effectiveness}.</li>
 * </ul>
 */
public final class CycleContents {

    private CycleContents() {
    }

    /** The state of an indicator's formula. */
    public enum FormulaState {
        /** No formula written. */
        NONE,
        /** A formula the formula engine cannot read. */
        UNREADABLE,
        /** A formula the engine reads. */
        READABLE
    }

    /** The direction a stage belongs to, or null. */
    public static Direction direction(CycleStage stage) {
        return stage != null && stage.eContainer() instanceof Direction direction ? direction : null;
    }

    /**
     * The direction's indicators (those whose direction, or whose group's direction, it is; those its
     * goals and monitorings name), without the sub-indicators of an indicator already listed: they
     * are shown inside it.
     */
    public static List<Indicator> indicators(Direction direction) {
        List<Indicator> all = new Scope(direction, null, null).indicators();
        Set<Indicator> set = new LinkedHashSet<>(all);
        return all.stream().filter(i -> !(i.eContainer() instanceof Indicator parent && inside(parent, set))).toList();
    }

    private static boolean inside(Indicator indicator, Set<Indicator> set) {
        for (EObject current = indicator; current instanceof Indicator i; current = i.eContainer()) {
            if (set.contains(i)) {
                return true;
            }
        }
        return false;
    }

    /** The direction's monitorings, of its system and of the other systems loaded with it. */
    public static List<Monitoring> monitorings(Direction direction) {
        return new Scope(direction, null, null).monitorings();
    }

    /**
     * The monitoring's latest run: of the latest period (by the period's start date, then the run's
     * date), the last one listed when they are equal; empty when it has none.
     */
    public static Optional<MonitoringRun> latestRun(Monitoring monitoring) {
        Comparator<MonitoringRun> order = Comparator
                .comparing((MonitoringRun r) -> r.getPeriod() == null ? null : Scope.day(r.getPeriod().getStartDate()),
                        Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(r -> Scope.day(r.getDate()), Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()));
        MonitoringRun latest = null;
        for (MonitoringRun run : monitoring.getRuns()) {
            if (latest == null || order.compare(run, latest) >= 0) {
                latest = run;
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * The risk groups the direction works with: those it names ({@code Direction.riskGroups}), those
     * of its recommendations, of the risk lists of its monitorings' runs, and those whose indicators
     * include one of its indicators (or their sub-indicators), in that order, each once.
     */
    public static List<RiskGroup> riskGroups(Direction direction) {
        Scope scope = new Scope(direction, null, null);
        Set<RiskGroup> found = new LinkedHashSet<>(direction.getRiskGroups());
        for (Recommendation recommendation : scope.recommendations()) {
            if (recommendation.getAddresseeGroup() != null) {
                found.add(recommendation.getAddresseeGroup());
            }
        }
        for (MonitoringRun run : scope.runs()) {
            for (RiskList list : run.getRiskLists()) {
                if (list.getRiskGroup() != null) {
                    found.add(list.getRiskGroup());
                }
            }
        }
        Set<Indicator> indicators = new LinkedHashSet<>();
        for (Indicator indicator : scope.indicators()) {
            indicators.add(indicator);
            indicator.eAllContents().forEachRemaining(o -> {
                if (o instanceof Indicator sub) {
                    indicators.add(sub);
                }
            });
        }
        for (QualitySystem system : scope.systems) {
            for (RiskGroup group : system.getRiskGroups()) {
                if (group.getIndicators().stream().anyMatch(indicators::contains)) {
                    found.add(group);
                }
            }
        }
        return List.copyOf(found);
    }

    /** The direction's recommendations (its own and those of its rules), of every period. */
    public static List<Recommendation> recommendations(Direction direction) {
        return new Scope(direction, null, null).recommendations();
    }

    /** The direction's measures and management decisions (objects {@code Measure}), of every period. */
    public static List<Measure> measures(Direction direction) {
        return new Scope(direction, null, null).measures(null);
    }

    /**
     * The other decisions about the direction: the items of its plans that are not headings, then
     * the working groups' decisions that order one of its measures, or that were taken by a working
     * group of the direction on an item dealing with its plan items or recommendations.
     */
    public static List<EObject> decisions(Direction direction) {
        Scope scope = new Scope(direction, null, null);
        List<EObject> found = new ArrayList<>(scope.planItems(null));
        Set<Measure> measures = new LinkedHashSet<>(scope.measures(null));
        Set<Recommendation> recommendations = new LinkedHashSet<>(scope.recommendations());
        for (QualitySystem system : scope.systems) {
            for (WorkingGroup group : system.getWorkingGroups()) {
                for (Meeting meeting : group.getMeetings()) {
                    for (AgendaItem item : meeting.getAgendaItems()) {
                        boolean about = group.getDirection() == direction && (item.getPlanItems().stream()
                                .anyMatch(found::contains) || item.getRecommendations().stream().anyMatch(recommendations::contains));
                        for (Decision decision : item.getDecisions()) {
                            if (about || decision.getMeasures().stream().anyMatch(measures::contains)) {
                                found.add(decision);
                            }
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The kinds of document that are an analysis, as {@code OKO-EV-6.2} counts them (a programme or regulation attached to the stage is not). */
    static final Set<DocumentKind> ANALYSES = Set.of(DocumentKind.ANALYTICAL_REPORT, DocumentKind.SELF_ASSESSMENT_REPORT);

    /**
     * The effectiveness analysis as {@code OKO-EV-6.2} counts it, over every period: the analytical
     * reports attached to the direction's effectiveness stages, then its measures with a conclusion
     * on their effectiveness.
     */
    public static List<EObject> effectiveness(Direction direction) {
        Scope scope = new Scope(direction, null, null);
        List<EObject> found = new ArrayList<>();
        for (CycleStage stage : scope.stages(StageKind.EFFECTIVENESS)) {
            for (Document document : stage.getDocuments()) {
                if (ANALYSES.contains(document.getKind()) && !found.contains(document)) {
                    found.add(document);
                }
            }
        }
        scope.measures(null).stream().filter(m -> !CycleEvidence.blank(m.getEffectiveness())).forEach(found::add);
        return found;
    }

    /** Whether the indicator has a formula, and whether the formula engine reads it. */
    public static FormulaState formulaState(Indicator indicator) {
        if (CycleEvidence.blank(indicator.getFormula())) {
            return FormulaState.NONE;
        }
        try {
            FormulaParser.parse(indicator.getFormula());
            return FormulaState.READABLE;
        } catch (FormulaException e) {
            return FormulaState.UNREADABLE;
        }
    }

    /**
     * Whether a recommendation still waits for a measure: no measure of the loaded systems is based
     * on it and it was not rejected (as the attention list of {@link CycleEvidence#attention} says).
     */
    public static boolean withoutMeasure(Recommendation recommendation) {
        if (recommendation.getStatus() == RecommendationStatus.REJECTED) {
            return false;
        }
        QualitySystem system = system(recommendation);
        for (QualitySystem s : system == null ? List.<QualitySystem>of() : Scope.systems(system)) {
            for (Measure measure : s.getMeasures()) {
                if (measure.getBasedOn().contains(recommendation)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The measures based on the recommendation, of the loaded systems. */
    public static List<Measure> measuresBasedOn(Recommendation recommendation) {
        QualitySystem system = system(recommendation);
        List<Measure> found = new ArrayList<>();
        for (QualitySystem s : system == null ? List.<QualitySystem>of() : Scope.systems(system)) {
            s.getMeasures().stream().filter(m -> m.getBasedOn().contains(recommendation)).forEach(found::add);
        }
        return found;
    }

    /** Whether the measure or plan item is overdue on {@code today} ({@link PlanExecution}). */
    public static boolean overdue(Activity activity, LocalDate today) {
        return PlanExecution.state(activity, today) == PlanExecution.ItemState.OVERDUE;
    }

    /**
     * The goals a measure serves, whose achievement its effectiveness is judged by: the goals of its
     * direction that name one of the indicators the measure targets, or an indicator one of them is a
     * sub-indicator of.
     */
    public static List<Goal> goalsOf(Measure measure) {
        if (measure.getDirection() == null || measure.getTargetIndicators().isEmpty()) {
            return List.of();
        }
        return new Scope(measure.getDirection(), null, null).allGoals().stream()
                .filter(g -> measure.getTargetIndicators().stream().anyMatch(t -> g.getIndicators().stream()
                        .anyMatch(i -> i == t || org.eclipse.emf.ecore.util.EcoreUtil.isAncestor(i, t))))
                .toList();
    }

    /** The monitorings that name the indicator, of its system and of the other systems loaded with it. */
    public static List<Monitoring> monitoringsOf(Indicator indicator) {
        QualitySystem system = system(indicator);
        List<Monitoring> found = new ArrayList<>();
        for (QualitySystem s : system == null ? List.<QualitySystem>of() : Scope.systems(system)) {
            s.getMonitorings().stream().filter(m -> m.getIndicators().contains(indicator)).forEach(found::add);
        }
        return found;
    }

    /** The quality system an object belongs to, or null. */
    public static QualitySystem system(EObject object) {
        for (EObject current = object; current != null; current = current.eContainer()) {
            if (current instanceof QualitySystem system) {
                return system;
            }
        }
        return null;
    }
}
