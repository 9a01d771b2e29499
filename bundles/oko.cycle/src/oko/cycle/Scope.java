package oko.cycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.core.deadline.Deadlines;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorGroup;
import oko.model.Measure;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.StageKind;

/** The objects of one direction that its cycle's evidence is looked for among, for one period. */
final class Scope {

    final Direction direction;
    final Period period;
    final LocalDate today;
    final QualitySystem system;

    /** The direction's system first, then the other systems loaded with it (their data may refer to the direction). */
    final List<QualitySystem> systems;

    Scope(Direction direction, Period period, LocalDate today) {
        this.direction = direction;
        this.period = period;
        this.today = today;
        this.system = direction.eContainer() instanceof QualitySystem owner ? owner : null;
        this.systems = systems(system);
    }

    /**
     * {@code system} and the systems of every model root loaded in its resource set (an illustrative
     * data file keeps its monitoring runs in a system of its own that refers to the direction).
     */
    static List<QualitySystem> systems(QualitySystem system) {
        Set<QualitySystem> found = new LinkedHashSet<>();
        if (system == null) {
            return List.of();
        }
        found.add(system);
        Resource resource = system.eResource();
        ResourceSet set = resource == null ? null : resource.getResourceSet();
        List<Resource> resources = set == null ? resource == null ? List.of() : List.of(resource)
                : List.copyOf(set.getResources());
        for (Resource r : resources) {
            for (EObject content : r.getContents()) {
                if (content instanceof ModelRoot root) {
                    found.addAll(root.getQualitySystems());
                } else if (content instanceof QualitySystem other) {
                    found.add(other);
                }
            }
        }
        return List.copyOf(found);
    }

    List<CycleStage> stages(StageKind kind) {
        return direction.getStages().stream().filter(s -> s.getKind() == kind).toList();
    }

    /** Every goal of the direction, in every stage. */
    List<Goal> allGoals() {
        List<Goal> goals = new ArrayList<>();
        for (CycleStage stage : direction.getStages()) {
            goals.addAll(stage.getGoals());
        }
        return goals;
    }

    /** The goals of the GOALS stages that hold for the period (a goal without a period holds for any). */
    List<Goal> goals() {
        List<Goal> goals = new ArrayList<>();
        for (CycleStage stage : stages(StageKind.GOALS)) {
            for (Goal goal : stage.getGoals()) {
                if (goal.getPeriod() == null || period == null || goal.getPeriod() == period) {
                    goals.add(goal);
                }
            }
        }
        return goals;
    }

    /** The monitorings of the direction. */
    List<Monitoring> monitorings() {
        return systems.stream().flatMap(s -> s.getMonitorings().stream()).filter(m -> m.getDirection() == direction).toList();
    }

    /**
     * The direction's indicators: those whose direction (or whose group's direction) it is, and those
     * its goals and monitorings name, in that order, each once.
     */
    List<Indicator> indicators() {
        Set<Indicator> found = new LinkedHashSet<>();
        for (QualitySystem s : systems) {
            for (Indicator indicator : s.getIndicators()) {
                collect(indicator, found);
            }
        }
        for (Goal goal : allGoals()) {
            found.addAll(goal.getIndicators());
        }
        for (Monitoring monitoring : monitorings()) {
            found.addAll(monitoring.getIndicators());
        }
        return new ArrayList<>(found);
    }

    private void collect(Indicator indicator, Set<Indicator> found) {
        if (indicator.getDirection() == direction || groupDirection(indicator.getGroup()) == direction) {
            found.add(indicator);
        }
        for (Indicator sub : indicator.getSubIndicators()) {
            collect(sub, found);
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

    /** The runs of the direction's monitorings in the period. */
    List<MonitoringRun> runs() {
        List<MonitoringRun> runs = new ArrayList<>();
        for (Monitoring monitoring : monitorings()) {
            for (MonitoringRun run : monitoring.getRuns()) {
                if (period == null || run.getPeriod() == period) {
                    runs.add(run);
                }
            }
        }
        return runs;
    }

    /** The indicators a monitoring computes: its own list, or the direction's when it names none. */
    List<Indicator> computed(Monitoring monitoring) {
        return monitoring.getIndicators().isEmpty() ? indicators() : monitoring.getIndicators();
    }

    /**
     * The recommendations of the direction (or of a rule of the direction) in the period: of the
     * period, or without a period and dated within it.
     */
    List<Recommendation> recommendations() {
        return systems.stream().flatMap(s -> s.getRecommendations().stream()).filter(this::ofDirection)
                .filter(r -> inPeriod(period, r.getPeriod(), day(r.getDate()))).toList();
    }

    boolean ofDirection(Recommendation recommendation) {
        return recommendation.getDirection() == direction
                || recommendation.getDirection() == null && recommendation.getRule() != null
                        && recommendation.getRule().getDirection() == direction;
    }

    /** The measures and decisions of the direction in {@code p}: of the period, or without one and due within it. */
    List<Measure> measures(Period p) {
        return systems.stream().flatMap(s -> s.getMeasures().stream()).filter(m -> m.getDirection() == direction)
                .filter(m -> inPeriod(p, m.getPeriod(), Deadlines.due(m).orElse(null))).toList();
    }

    /** The plans of the direction for {@code p} (a plan without a period counts for any). */
    List<Plan> plans(Period p) {
        return systems.stream().flatMap(s -> s.getPlans().stream()).filter(plan -> plan.getDirection() == direction)
                .filter(plan -> p == null || plan.getPeriod() == null || plan.getPeriod() == p).toList();
    }

    /** The items of the direction's plans for the period that are not headings (no children). */
    List<PlanItem> planItems(Period p) {
        List<PlanItem> items = new ArrayList<>();
        for (Plan plan : plans(p)) {
            for (PlanItem item : plan.getItems()) {
                leaves(item, items);
            }
        }
        return items;
    }

    static void leaves(PlanItem item, List<PlanItem> into) {
        if (item.getChildren().isEmpty()) {
            into.add(item);
        } else {
            for (PlanItem child : item.getChildren()) {
                leaves(child, into);
            }
        }
    }

    /** The period that follows {@code period} ({@code Period.previous} points at it), if the model has one. */
    Optional<Period> next() {
        if (period == null) {
            return Optional.empty();
        }
        Set<Period> periods = new LinkedHashSet<>();
        if (EcoreUtil.getRootContainer(direction) instanceof ModelRoot model) {
            periods.addAll(model.getPeriods());
        }
        for (QualitySystem s : systems) {
            if (EcoreUtil.getRootContainer(s) instanceof ModelRoot model) {
                periods.addAll(model.getPeriods());
            }
        }
        return periods.stream().filter(p -> p.getPrevious() == period).findFirst();
    }

    /** Whether something of {@code own} period (or, without one, on {@code date}) belongs to {@code period}. */
    static boolean inPeriod(Period period, Period own, LocalDate date) {
        if (period == null || own == period) {
            return true;
        }
        if (own != null || date == null) {
            return false;
        }
        LocalDate start = day(period.getStartDate());
        LocalDate end = day(period.getEndDate());
        return start != null && end != null && !date.isBefore(start) && !date.isAfter(end);
    }

    static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
