package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.junit.jupiter.api.Test;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFix.Context;
import oko.core.fixes.QuickFixes;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.DocumentStatus;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorGroup;
import oko.model.Measure;
import oko.model.MeasureKind;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.RecommendationRule;
import oko.model.RunStatus;
import oko.model.StageKind;
import oko.model.provider.OkoItemProviderAdapterFactory;

/**
 * The quick fixes of the cycle's gaps (check ids OKO-EV-… of oko.cycle) on one hand-built model:
 * direction 1.2 «Объективность» with its six stages, goals 1…3 (goal 1 measures I1), indicators I1
 * (of 1.2), I2 (in a group of 1.2), I3 (of another direction) with its sub-indicator I4 (of 1.2), a
 * monitoring with a run of the past period only, measures 1 and 2, recommendations R1 and R2 without
 * measures; periods «2024/2025» (past) and «2025/2026» (holding today). Each fix applied, undone,
 * redone; the expected model worked out by hand in each test.
 */
class CycleFixesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private final ModelRoot root = F.createModelRoot();
    private final QualitySystem system = F.createQualitySystem();
    private final BasicCommandStack stack = new BasicCommandStack();
    private final EditingDomain domain = new AdapterFactoryEditingDomain(new OkoItemProviderAdapterFactory(), stack);

    private final Period past = period("2024", "2024/2025", -400, -40);
    private final Period current = period("2025", "2025/2026", -39, 300);
    private final Direction direction = F.createDirection();
    private final Direction other = F.createDirection();
    private final Goal goal1 = goal("1");
    private final Goal goal2 = goal("2");
    private final Goal goal3 = goal("3");
    private final Indicator i1 = indicator("I1");
    private final Indicator i2 = indicator("I2");
    private final Indicator i3 = indicator("I3");
    private final Indicator i4 = indicator("I4");
    private final Monitoring monitoring = F.createMonitoring();
    private final Recommendation r1 = F.createRecommendation();
    private final Recommendation r2 = F.createRecommendation();

    CycleFixesTest() {
        root.getPeriods().addAll(List.of(past, current));
        system.setCode("test");
        root.getQualitySystems().add(system);
        direction.setCode("1.2");
        direction.setName("Объективность");
        other.setCode("1.3");
        system.getDirections().addAll(List.of(direction, other));
        for (StageKind kind : StageKind.VALUES) {
            CycleStage stage = F.createCycleStage();
            stage.setKind(kind);
            direction.getStages().add(stage);
        }
        stage(StageKind.GOALS).getGoals().addAll(List.of(goal1, goal2, goal3));
        goal1.getIndicators().add(i1);
        i1.setDirection(direction);
        IndicatorGroup group = F.createIndicatorGroup();
        group.setDirection(direction);
        IndicatorGroup subgroup = F.createIndicatorGroup();
        group.getSubgroups().add(subgroup);
        system.getIndicatorGroups().add(group);
        i2.setGroup(subgroup);
        i3.setDirection(other);
        i3.getSubIndicators().add(i4);
        i4.setDirection(direction);
        system.getIndicators().addAll(List.of(i1, i2, i3));
        monitoring.setName("Мониторинг объективности");
        monitoring.setDirection(direction);
        MonitoringRun old = F.createMonitoringRun();
        old.setPeriod(past);
        monitoring.getRuns().add(old);
        system.getMonitorings().add(monitoring);
        for (String number : List.of("1", "2")) {
            Measure measure = F.createMeasure();
            measure.setNumber(number);
            system.getMeasures().add(measure);
        }
        r1.setName("Провести семинар для организаторов");
        r1.setDirection(direction);
        r1.setPeriod(current);
        RecommendationRule rule = F.createRecommendationRule();
        rule.setDirection(direction);
        system.getRecommendationRules().add(rule);
        r2.setText("Усилить контроль на пунктах проведения");
        r2.setRule(rule);
        r2.setPeriod(past);
        system.getRecommendations().addAll(List.of(r1, r2));
    }

    private static Period period(String code, String name, int fromDays, int toDays) {
        Period period = F.createPeriod();
        period.setCode(code);
        period.setName(name);
        period.setStartDate(date(LocalDate.now().plusDays(fromDays)));
        period.setEndDate(date(LocalDate.now().plusDays(toDays)));
        return period;
    }

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static Goal goal(String number) {
        Goal goal = F.createGoal();
        goal.setNumber(number);
        return goal;
    }

    private static Indicator indicator(String code) {
        Indicator indicator = F.createIndicator();
        indicator.setCode(code);
        return indicator;
    }

    private CycleStage stage(StageKind kind) {
        return direction.getStages().stream().filter(s -> s.getKind() == kind).findFirst().orElseThrow();
    }

    private static QuickFix fix(String id) {
        return QuickFixes.byId(id).orElseThrow(() -> new AssertionError(id + " not contributed: " + QuickFixes.all()));
    }

    private void applyUndoRedo(Command command, Runnable applied, Runnable before) {
        assertNotNull(command);
        stack.execute(command);
        applied.run();
        stack.undo();
        assertFalse(stack.canUndo(), "one application is one undo step");
        before.run();
        stack.redo();
        applied.run();
    }

    /** Goals 2 and 3 fixed at once: I1 is goal 1's, so goal 2 gets I2 (its group's group is of 1.2), goal 3 I4. */
    @Test
    void linkIndicatorGivesEachGoalAnUnlinkedIndicatorOfTheDirection() {
        QuickFix fix = fix("OKO-FIX-GOAL-INDICATOR");
        assertEquals(List.of(fix), QuickFixes.forProblem("OKO-EV-1.3", goal2));
        assertFalse(fix.accepts("OKO-EV-1.3", goal1), "goal 1 has its indicator");
        assertFalse(fix.accepts("OKO-EV-1.4", goal2), "a target value is not an indicator");
        applyUndoRedo(fix.create(domain, List.of(goal2, goal3)), () -> {
            assertEquals(List.of(i2), goal2.getIndicators());
            assertEquals(List.of(i4), goal3.getIndicators());
            assertEquals(List.of(i1), goal1.getIndicators());
        }, () -> {
            assertEquals(List.of(), goal2.getIndicators());
            assertEquals(List.of(), goal3.getIndicators());
        });
        Goal goal4 = goal("4");
        stage(StageKind.GOALS).getGoals().add(goal4);
        assertFalse(fix.accepts("OKO-EV-1.3", goal4), "every indicator of 1.2 measures a goal already: no obvious choice");
    }

    /** Goal 4 of «2025/2026» in the GOALS stage; the direction and its stage selected both make one goal. */
    @Test
    void createGoalOfThePeriodInTheGoalsStage() {
        QuickFix fix = fix("OKO-FIX-GOAL");
        CycleStage goals = stage(StageKind.GOALS);
        assertTrue(fix.accepts("OKO-EV-1.2", direction));
        assertTrue(fix.accepts("OKO-EV-1.2", goals));
        assertFalse(fix.accepts("OKO-EV-1.2", stage(StageKind.MONITORING)));
        assertFalse(fix.accepts("OKO-EV-1.2", other), "1.3 has no GOALS stage: its stages come first");
        applyUndoRedo(fix.create(domain, List.of(direction, goals), new Context(current, null)), () -> {
            assertEquals(4, goals.getGoals().size());
            Goal goal = goals.getGoals().get(3);
            assertEquals("4", goal.getNumber());
            assertEquals(inLocale("Цель на 2025/2026", "Goal for 2025/2026"), goal.getName());
            assertSame(current, goal.getPeriod());
        }, () -> assertEquals(List.of(goal1, goal2, goal3), goals.getGoals()));
        stack.undo();
        // no period given: the model's period holding today, «2025/2026»
        stack.execute(fix.create(domain, List.of(direction)));
        assertSame(current, goals.getGoals().get(3).getPeriod());
    }

    private static String inLocale(String russian, String english) {
        return java.util.Locale.getDefault().getLanguage().equals("en") ? english : russian;
    }

    /** The monitoring has a run of «2024/2025» only: the fix adds the planned run of «2025/2026». */
    @Test
    void createMonitoringRunOfThePeriod() {
        QuickFix fix = fix("OKO-FIX-MONITORING-RUN");
        assertEquals(List.of(fix), QuickFixes.forProblem("OKO-EV-3.3", monitoring));
        assertNull(fix.create(domain, List.of(monitoring), new Context(past, null)), "the past period has its run");
        MonitoringRun old = monitoring.getRuns().get(0);
        applyUndoRedo(fix.create(domain, List.of(monitoring), new Context(current, null)), () -> {
            assertEquals(2, monitoring.getRuns().size());
            MonitoringRun run = monitoring.getRuns().get(1);
            assertSame(current, run.getPeriod());
            assertEquals(RunStatus.PLANNED, run.getStatus());
            assertEquals("Мониторинг объективности: 2025/2026", run.getName());
        }, () -> assertEquals(List.of(old), monitoring.getRuns()));
    }

    /** R1 and R2 at once: measures 3 and 4, each based on its recommendation, of its direction and period. */
    @Test
    void createMeasuresForTwoRecommendationsInOneStep() {
        QuickFix fix = fix("OKO-FIX-MEASURE");
        assertTrue(fix.accepts("OKO-EV-5.6", r1));
        assertTrue(fix.accepts("RECOMMENDATION_WITHOUT_MEASURE", r2));
        List<Measure> before = List.copyOf(system.getMeasures());
        applyUndoRedo(fix.create(domain, List.of(r1, r2)), () -> {
            assertEquals(4, system.getMeasures().size());
            Measure m3 = system.getMeasures().get(2);
            Measure m4 = system.getMeasures().get(3);
            assertEquals("3", m3.getNumber());
            assertEquals("4", m4.getNumber());
            assertEquals(MeasureKind.MEASURE, m3.getKind());
            assertEquals(List.of(r1), m3.getBasedOn());
            assertSame(direction, m3.getDirection());
            assertSame(current, m3.getPeriod());
            assertEquals("Провести семинар для организаторов", m3.getName());
            assertEquals(List.of(r2), m4.getBasedOn());
            assertSame(direction, m4.getDirection(), "the rule's direction");
            assertSame(past, m4.getPeriod());
            assertEquals("Усилить контроль на пунктах проведения", m4.getName(), "no name: the text");
            assertFalse(fix.accepts("OKO-EV-5.6", r1), "R1 has its measure");
        }, () -> assertEquals(before, system.getMeasures()));
    }

    /** One analytical report of «2025/2026» for 1.2, however many of its gaps are selected. */
    @Test
    void createEffectivenessAnalysisOncePerDirection() {
        QuickFix fix = fix("OKO-FIX-EFFECTIVENESS");
        CycleStage effectiveness = stage(StageKind.EFFECTIVENESS);
        Measure measure = system.getMeasures().get(0);
        measure.setDirection(direction);
        assertTrue(fix.accepts("OKO-EV-6.2", direction));
        assertTrue(fix.accepts("OKO-EV-6.2", effectiveness));
        assertTrue(fix.accepts("OKO-EV-6.2", measure));
        assertFalse(fix.accepts("OKO-EV-6.2", other), "1.3 has no EFFECTIVENESS stage");
        List<Document> documents = List.copyOf(system.getDocuments());
        applyUndoRedo(fix.create(domain, List.of(direction, effectiveness, measure), new Context(current, null)), () -> {
            assertEquals(1, system.getDocuments().size());
            Document analysis = system.getDocuments().get(0);
            assertEquals(List.of(analysis), effectiveness.getDocuments());
            assertEquals(DocumentKind.ANALYTICAL_REPORT, analysis.getKind());
            assertEquals(DocumentStatus.DRAFT, analysis.getStatus());
            assertEquals(List.of(current), analysis.getPeriods());
            assertEquals(inLocale("Анализ эффективности принятых мер: Объективность, 2025/2026",
                    "Analysis of the effectiveness of the measures taken: Объективность, 2025/2026"), analysis.getName());
        }, () -> {
            assertEquals(documents, system.getDocuments());
            assertEquals(List.of(), effectiveness.getDocuments());
        });
        assertNull(fix.create(domain, List.of(direction), new Context(current, null)), "the period has its analysis");
        assertNotNull(fix.create(domain, List.of(direction), new Context(past, null)), "the past period has none");
    }

    /** A direction without a stage «described» (OKO-EV-1.1 … 6.1) gets its stages from OKO-FIX-CYCLE-STAGES. */
    @Test
    void stageGapsAreFixedByCreatingTheStages() {
        assertEquals(List.of(fix("OKO-FIX-CYCLE-STAGES")), QuickFixes.forProblem("OKO-EV-4.1", other));
        assertEquals(List.of(), QuickFixes.forProblem("OKO-EV-4.1", direction), "1.2 has its six stages");
    }
}
