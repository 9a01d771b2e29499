package oko.diagram;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.core.plan.PlanExecution;
import oko.cycle.Coverage;
import oko.cycle.CycleContents;
import oko.cycle.CycleContents.FormulaState;
import oko.cycle.CycleEvidence;
import oko.diagram.internal.Messages;
import oko.model.Activity;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.FunctionSection;
import oko.model.Indicator;
import oko.model.Measure;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.MeasureStatus;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.StageKind;

/**
 * The named queries and predicates descriptions refer to ({@code NamedQuery}, conditions of
 * styles and filters). Oko's own are registered here; a module registers more with
 * {@link #register} / {@link #registerPredicate}. A condition {@code feature = VALUE} needs no
 * registration: it compares the feature's value (an enum literal's name, or its text).
 */
public final class DiagramQueries {

    private static final Map<String, Function<EObject, List<? extends EObject>>> QUERIES = new ConcurrentHashMap<>();
    private static final Map<String, Predicate<EObject>> PREDICATES = new ConcurrentHashMap<>();
    private static final Map<String, Function<EObject, String>> TEXTS = new ConcurrentHashMap<>();

    static {
        register("nextStage", o -> next((CycleStage) o));
        register("effectivenessFeedback", o -> feedback((CycleStage) o));
        register("indicatorsOfDirection", o -> inSystem(o, DiagramQueries::allIndicators, i -> i.getDirection() == o));
        register("monitoringsOfDirection", o -> inSystem(o, QualitySystem::getMonitorings, m -> m.getDirection() == o));
        register("recommendationsOfDirection",
                o -> inSystem(o, QualitySystem::getRecommendations, r -> r.getDirection() == o));
        register("measuresOfDirection", o -> inSystem(o, QualitySystem::getMeasures, m -> m.getDirection() == o));
        register("allFunctions", o -> {
            List<oko.model.Function> functions = new ArrayList<>();
            ((QualitySystem) o).getSections().forEach(s -> functions(s, functions));
            return functions;
        });
        register("allPlanItems", o -> {
            List<PlanItem> items = new ArrayList<>();
            ((Plan) o).getItems().forEach(i -> items(i, items));
            return items;
        });
        // what belongs to each stage of the management cycle (oko.cycle's CycleContents), by the stage's kind
        register("indicatorsOfStage", o -> ofStage(o, StageKind.INDICATORS, CycleContents::indicators));
        register("monitoringsOfStage", o -> ofStage(o, StageKind.MONITORING, CycleContents::monitorings));
        register("riskGroupsOfStage", o -> ofStage(o, StageKind.ANALYSIS, CycleContents::riskGroups));
        register("recommendationsOfStage", o -> ofStage(o, StageKind.ANALYSIS, CycleContents::recommendations));
        register("measuresOfStage", o -> ofStage(o, StageKind.MEASURES, CycleContents::measures));
        register("decisionsOfStage", o -> ofStage(o, StageKind.MEASURES, CycleContents::decisions));
        register("effectivenessOfStage", o -> ofStage(o, StageKind.EFFECTIVENESS, CycleContents::effectiveness));
        register("documentsOfStage", o -> o instanceof CycleStage stage ? stage.getDocuments().stream()
                .filter(d -> !effectivenessOfStage(stage).contains(d)).toList() : List.of());
        register("latestRun", o -> o instanceof Monitoring m ? CycleContents.latestRun(m).stream().toList() : List.of());
        register("monitoringsOfIndicator", o -> o instanceof Indicator i ? CycleContents.monitoringsOf(i) : List.of());
        register("measuresBasedOn", o -> o instanceof Recommendation r ? CycleContents.measuresBasedOn(r) : List.of());
        register("goalsOfMeasure", o -> o instanceof Measure m ? CycleContents.goalsOf(m) : List.of());
        register("systemOf", o -> {
            QualitySystem system = CycleContents.system(o);
            return system == null ? List.of() : List.of(system);
        });
        registerPredicate("overdue", o -> o instanceof Activity a && CycleContents.overdue(a, java.time.LocalDate.now()));
        registerPredicate("noFormula", o -> o instanceof Indicator i && CycleContents.formulaState(i) == FormulaState.NONE);
        registerPredicate("unreadableFormula",
                o -> o instanceof Indicator i && CycleContents.formulaState(i) == FormulaState.UNREADABLE);
        registerPredicate("withoutMeasure", o -> o instanceof Recommendation r && CycleContents.withoutMeasure(r));
        registerText("formulaState", o -> o instanceof Indicator i ? switch (CycleContents.formulaState(i)) {
        case NONE -> Messages.formulaNone;
        case UNREADABLE -> Messages.formulaUnreadable;
        case READABLE -> Messages.formulaReadable;
        } : "");
        registerText("coverage", o -> o instanceof MonitoringRun run ? coverage(Coverage.of(run)) : "");
        registerText("state", o -> o instanceof Activity a ? PlanExecution.label(PlanExecution.state(a, java.time.LocalDate.now())) : "");
        registerText("stageCount", o -> {
            int count = o instanceof CycleStage stage ? stageObjects(stage) : 0;
            return count == 0 ? "" : String.valueOf(count);
        });
        registerText("stageTitle", o -> o instanceof CycleStage stage && stage.getKind() != null
                ? stage.getNumber() + ". " + CycleEvidence.stageTitle(stage.getKind()) : "");
        registerPredicate("done", o -> o instanceof Activity a && a.getStatus() == MeasureStatus.DONE);
        registerPredicate("unusedDocument", DiagramQueries::unusedDocument);
    }

    private DiagramQueries() {
    }

    public static void register(String name, Function<EObject, List<? extends EObject>> query) {
        QUERIES.put(name, query);
    }

    public static void registerPredicate(String name, Predicate<EObject> predicate) {
        PREDICATES.put(name, predicate);
    }

    /**
     * A label query: the text a label template's {@code {@name}} placeholder shows for an element
     * (e.g. {@code {@coverage}} of a monitoring run).
     */
    public static void registerText(String name, Function<EObject, String> text) {
        TEXTS.put(name, text);
    }

    /** The text of the label query for the element, or null when no label query of that name is registered. */
    public static String text(String name, EObject element) {
        Function<EObject, String> text = TEXTS.get(name);
        return text == null ? null : text.apply(element);
    }

    /** Extension point: bundles contribute named queries and predicates (schema/queries.exsd). */
    public static final String EXTENSION_POINT = "oko.diagram.queries";
    private static volatile boolean contributionsLoaded;

    /**
     * Reads the contributions of {@code oko.diagram.queries} once (outside OSGi there are none). A
     * class that cannot be created is logged and left out; descriptions using its name then report
     * an unknown query.
     */
    private static void loadContributions() {
        if (contributionsLoaded) {
            return;
        }
        synchronized (DiagramQueries.class) {
            if (contributionsLoaded) {
                return;
            }
            contributionsLoaded = true;
            var registry = org.eclipse.core.runtime.Platform.getExtensionRegistry();
            if (registry == null) {
                return;
            }
            for (var element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
                String name = element.getAttribute("name");
                try {
                    Object contributed = element.createExecutableExtension("class");
                    if (contributed instanceof DiagramQuery query && "query".equals(element.getName())) {
                        QUERIES.putIfAbsent(name, query::evaluate);
                    } else if (contributed instanceof Predicate<?> predicate && "predicate".equals(element.getName())) {
                        @SuppressWarnings("unchecked")
                        Predicate<EObject> typed = (Predicate<EObject>) predicate;
                        PREDICATES.putIfAbsent(name, typed);
                    } else {
                        throw new IllegalArgumentException(contributed.getClass().getName()
                                + " is neither an oko.diagram.DiagramQuery nor a Predicate");
                    }
                } catch (Exception e) {
                    org.eclipse.core.runtime.ILog.of(DiagramQueries.class).error(element.getContributor().getName()
                            + ": " + EXTENSION_POINT + " \"" + name + "\": " + e.getMessage(), e);
                }
            }
        }
    }

    /** The query's elements for the context, or null when no query of that name is registered. */
    public static List<? extends EObject> query(String name, EObject context) {
        loadContributions();
        Function<EObject, List<? extends EObject>> query = QUERIES.get(name);
        return query == null ? null : query.apply(context);
    }

    /** Whether the condition holds for the element; an unknown condition is reported by the caller. */
    public static boolean test(String condition, EObject element) {
        loadContributions();
        Predicate<EObject> predicate = PREDICATES.get(condition.strip());
        if (predicate != null) {
            return predicate.test(element);
        }
        int equals = condition.indexOf('=');
        if (equals > 0) {
            EStructuralFeature feature = element.eClass().getEStructuralFeature(condition.substring(0, equals).strip());
            if (feature != null) {
                Object value = element.eGet(feature);
                String text = value instanceof org.eclipse.emf.common.util.Enumerator e ? e.getName() : String.valueOf(value);
                return text.equals(condition.substring(equals + 1).strip());
            }
        }
        throw new IllegalArgumentException(condition);
    }

    /** The direction's objects of that stage kind, for a stage of that kind; nothing for the other stages. */
    private static List<? extends EObject> ofStage(EObject stage, StageKind kind,
            Function<Direction, List<? extends EObject>> objects) {
        Direction direction = stage instanceof CycleStage s && s.getKind() == kind ? CycleContents.direction(s) : null;
        return direction == null ? List.of() : objects.apply(direction);
    }

    private static List<? extends EObject> effectivenessOfStage(CycleStage stage) {
        return ofStage(stage, StageKind.EFFECTIVENESS, CycleContents::effectiveness);
    }

    /** How many objects a stage shows: its goals and tasks, indicators, monitorings… (the *OfStage queries). */
    private static int stageObjects(CycleStage stage) {
        int count = stage.getGoals().size() + stage.getTasks().size();
        for (String query : List.of("indicatorsOfStage", "monitoringsOfStage", "riskGroupsOfStage",
                "recommendationsOfStage", "measuresOfStage", "decisionsOfStage", "effectivenessOfStage")) {
            count += QUERIES.get(query).apply(stage).size();
        }
        return count;
    }

    private static String coverage(Coverage coverage) {
        return Messages.bind(Messages.coverage, new Object[] { coverage.complete().size(), coverage.monitored().size(),
                coverage.percent() });
    }

    /** The stage after this one in the cycle (the six stages' order), within its direction. */
    private static List<CycleStage> next(CycleStage stage) {
        if (stage.getKind() == null || stage.getKind().ordinal() == StageKind.VALUES.size() - 1
                || !(stage.eContainer() instanceof Direction direction)) {
            return List.of();
        }
        StageKind following = StageKind.VALUES.get(stage.getKind().ordinal() + 1);
        return direction.getStages().stream().filter(s -> s.getKind() == following).toList();
    }

    /** From the effectiveness analysis back to the goals: the cycle closes. */
    private static List<CycleStage> feedback(CycleStage stage) {
        if (stage.getKind() != StageKind.EFFECTIVENESS || !(stage.eContainer() instanceof Direction direction)) {
            return List.of();
        }
        return direction.getStages().stream().filter(s -> s.getKind() == StageKind.GOALS).toList();
    }

    private static <T extends EObject> List<T> inSystem(EObject direction,
            Function<QualitySystem, ? extends Collection<T>> all, Predicate<T> belongs) {
        if (!(direction.eContainer() instanceof QualitySystem system)) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (T candidate : all.apply(system)) {
            if (belongs.test(candidate)) {
                result.add(candidate);
            }
        }
        return result;
    }

    private static List<Indicator> allIndicators(QualitySystem system) {
        List<Indicator> all = new ArrayList<>();
        system.getIndicators().forEach(i -> indicators(i, all));
        return all;
    }

    private static void indicators(Indicator indicator, List<Indicator> into) {
        into.add(indicator);
        indicator.getSubIndicators().forEach(i -> indicators(i, into));
    }

    private static void functions(FunctionSection section, List<oko.model.Function> into) {
        into.addAll(section.getFunctions());
        section.getSubsections().forEach(s -> functions(s, into));
    }

    private static void items(PlanItem item, List<PlanItem> into) {
        into.add(item);
        item.getChildren().forEach(c -> items(c, into));
    }

    private static boolean unusedDocument(EObject object) {
        if (!(object instanceof Document document) || !(document.eContainer() instanceof QualitySystem system)) {
            return false;
        }
        List<oko.model.Function> functions = new ArrayList<>();
        system.getSections().forEach(s -> functions(s, functions));
        return functions.stream().noneMatch(f -> f.getDocuments().contains(document));
    }
}
