package oko.cycle.tests;

import static oko.cycle.tests.CycleModel.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.CheckResult;
import oko.cycle.CycleEvidence.CheckState;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Goal;
import oko.model.ManagementLevel;
import oko.model.Measure;
import oko.model.MeasureStatus;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.RawValue;
import oko.model.Recommendation;
import oko.model.RecommendationStatus;
import oko.model.StageKind;

/**
 * Each check met, partly met and missing on the hand-built {@link CycleModel}, with the score worked
 * out by hand from the default weights (weights/oko.cycle.properties):
 * stage 1: 1.1=1 1.2=2 1.3=2 1.4=1 1.5=1 (Σ 7); stage 2: 2.1=1 2.2=2 2.3=1 2.4=2 2.5=1 2.6=1 2.7=1 (Σ 9);
 * stage 3: 3.1=1 3.2=2 3.3=2 3.4=2 (Σ 7); stage 4: 4.1=1 4.2=2 4.3=1 4.4=2 4.5=1 4.6=1 (Σ 8);
 * stage 5: 5.1=1 5.2=2 5.3=1 5.4=1 5.5=1 5.6=2 (Σ 8); stage 6: 6.1=1 6.2=2 6.3=2 (Σ 5).
 */
class CycleEvidenceTest {

    private static DirectionResult evaluate(CycleModel model) {
        return CycleEvidence.evaluate(model.direction, model.p2024, TODAY);
    }

    private static CheckResult check(DirectionResult result, String id) {
        StageKind stage = StageKind.VALUES.get(id.charAt("OKO-EV-".length()) - '1');
        return result.stage(stage).check(id).orElseThrow(() -> new AssertionError("no check " + id));
    }

    private static void assertCheck(DirectionResult result, String id, CheckState state, double fraction, String reason) {
        CheckResult check = check(result, id);
        assertEquals(state, check.state(), id + " state (" + check.reason() + ")");
        assertEquals(fraction, check.fraction(), 1e-9, id + " fraction");
        assertEquals(reason, check.reason(), id + " reason");
    }

    private static List<Integer> scores(DirectionResult result) {
        return result.stages().stream().map(StageResult::score).toList();
    }

    @Test
    void theChecksHaveStableIdsAndTheDefaultWeights() {
        List<String> actual = CycleEvidence.checks().stream().map(c -> c.id() + "=" + (int) c.weight()).toList();
        assertEquals(List.of("OKO-EV-1.1=1", "OKO-EV-1.2=2", "OKO-EV-1.3=2", "OKO-EV-1.4=1", "OKO-EV-1.5=1",
                "OKO-EV-2.1=1", "OKO-EV-2.2=2", "OKO-EV-2.3=1", "OKO-EV-2.4=2", "OKO-EV-2.5=1", "OKO-EV-2.6=1", "OKO-EV-2.7=1",
                "OKO-EV-3.1=1", "OKO-EV-3.2=2", "OKO-EV-3.3=2", "OKO-EV-3.4=2",
                "OKO-EV-4.1=1", "OKO-EV-4.2=2", "OKO-EV-4.3=1", "OKO-EV-4.4=2", "OKO-EV-4.5=1", "OKO-EV-4.6=1",
                "OKO-EV-5.1=1", "OKO-EV-5.2=2", "OKO-EV-5.3=1", "OKO-EV-5.4=1", "OKO-EV-5.5=1", "OKO-EV-5.6=2",
                "OKO-EV-6.1=1", "OKO-EV-6.2=2", "OKO-EV-6.3=2"), actual);
        assertEquals("Цели связаны с показателями", CycleEvidence.check("OKO-EV-1.3").title());
        assertEquals(StageKind.MEASURES, CycleEvidence.check("OKO-EV-5.6").stage());
    }

    @Test
    void everyCheckMetIsAFullCycleScoringHundred() {
        CycleModel model = new CycleModel();
        DirectionResult result = evaluate(model);
        for (StageResult stage : result.stages()) {
            for (CheckResult check : stage.checks()) {
                assertEquals(CheckState.MET, check.state(), check.check().id() + ": " + check.reason());
                assertEquals(List.of(), check.gaps(), check.check().id());
            }
            assertEquals("выполнено", stage.reason());
        }
        assertEquals(List.of(100, 100, 100, 100, 100, 100), scores(result));
        assertEquals(100, result.score());
        assertEquals(CycleState.FULL, result.state());
        assertEquals(List.of(), result.incomplete());
        assertEquals(List.of(model.g1, model.g2), check(result, "OKO-EV-1.2").evidence(), "goals of 2024: g1 (any) and g2");
        assertEquals(List.of(model.g3), check(result, "OKO-EV-6.3").evidence(), "g3 set for 2025 revises g2");
        assertEquals("на период 2025 «2025 год» изменено: 3 «Цель 3»", check(result, "OKO-EV-6.3").reason());
        assertEquals(List.of(model.run), check(result, "OKO-EV-3.4").evidence());
        assertEquals("охват 100 %: 2 из 2 школ с полными данными", check(result, "OKO-EV-3.4").reason());
    }

    @Test
    void goalsPartlyMeasurable() {
        CycleModel model = new CycleModel();
        Goal bare = model.goal("4", null, model.p2024); // no indicator, no target value, no deadline
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-1.2", CheckState.MET, 1, "целей на период: 3");
        assertCheck(result, "OKO-EV-1.3", CheckState.PARTLY, 2.0 / 3, "1 из 3 целей без показателя");
        assertCheck(result, "OKO-EV-1.4", CheckState.PARTLY, 2.0 / 3, "1 из 3 целей без целевого значения");
        assertCheck(result, "OKO-EV-1.5", CheckState.PARTLY, 2.0 / 3, "1 из 3 целей без срока");
        assertEquals(List.of(bare), check(result, "OKO-EV-1.3").gaps());
        // 100 × (1 + 2 + 2×2/3 + 1×2/3 + 1×2/3) / 7 = 100 × (17/3) / 7 = 80.95 → 81
        assertEquals(81, result.stage(StageKind.GOALS).score());
        assertEquals("1 из 3 целей без показателя", result.stage(StageKind.GOALS).reason());
        // 81 ≥ 50 and no check of weight ≥ 2 missing: still a full cycle; (81 + 5×100) / 6 = 96.8 → 97
        assertEquals(CycleState.FULL, result.state());
        assertEquals(97, result.score());
    }

    @Test
    void aGoalsTargetMayBeItsIndicatorsThresholdAndAGoalOfAnotherPeriodDoesNotCount() {
        CycleModel model = new CycleModel();
        model.g1.setTargetValue(null);
        model.i1.setThreshold(70.0);
        model.g2.setPeriod(model.p2025); // now a goal of 2025 only
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-1.2", CheckState.MET, 1, "целей на период: 1");
        assertCheck(result, "OKO-EV-1.4", CheckState.MET, 1, "выполнено");
    }

    @Test
    void goalsMissing() {
        CycleModel model = new CycleModel();
        model.stage(StageKind.GOALS).getGoals().clear();
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-1.1", CheckState.MET, 1, "этап описан");
        for (String id : List.of("OKO-EV-1.2", "OKO-EV-1.3", "OKO-EV-1.4", "OKO-EV-1.5")) {
            assertCheck(result, id, CheckState.MISSING, 0, "нет целей на период");
            assertEquals(List.<EObject>of(model.stage(StageKind.GOALS)), check(result, id).gaps(), id + ": the stage lacks goals");
        }
        // 100 × 1 / 7 = 14.3 → 14
        assertEquals(14, result.stage(StageKind.GOALS).score());
        // the goals for 2025 went too: 6.3 also missing; 100 × (1 + 2) / 5 = 60
        assertCheck(result, "OKO-EV-6.3", CheckState.MISSING, 0, "цели и меры на период 2025 «2025 год» не изменены");
        assertEquals(60, result.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(CycleState.INCOMPLETE, result.state());
        assertEquals(List.of(StageKind.GOALS, StageKind.EFFECTIVENESS), result.incomplete());
        // (14 + 100 + 100 + 100 + 100 + 60) / 6 = 79
        assertEquals(79, result.score());
    }

    @Test
    void goalsStageNotDescribed() {
        CycleModel model = new CycleModel();
        model.direction.getStages().remove(model.stage(StageKind.GOALS));
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-1.1", CheckState.MISSING, 0, "этап «Цели» не описан");
        assertEquals(List.<EObject>of(model.direction), check(result, "OKO-EV-1.1").gaps());
        assertEquals(List.<EObject>of(model.direction), check(result, "OKO-EV-1.2").gaps());
        assertEquals(0, result.stage(StageKind.GOALS).score());
        assertEquals(CycleState.INCOMPLETE, result.state());
    }

    @Test
    void indicatorsPartlyDescribed() {
        CycleModel model = new CycleModel();
        model.i2.setCriteria(" ");
        model.i2.setFormula("c +"); // does not parse: not a machine formula
        model.i2.setSources(null); // and no information system: no source
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-2.2", CheckState.MET, 1, "показателей: 2");
        assertCheck(result, "OKO-EV-2.3", CheckState.PARTLY, 0.5, "1 из 2 показателей без критериев");
        assertCheck(result, "OKO-EV-2.4", CheckState.PARTLY, 0.5, "1 из 2 показателей без машинной формулы");
        assertCheck(result, "OKO-EV-2.5", CheckState.PARTLY, 0.5, "1 из 2 показателей без источника данных");
        assertCheck(result, "OKO-EV-2.6", CheckState.MET, 1, "выполнено");
        assertEquals(List.of(model.i2), check(result, "OKO-EV-2.4").gaps());
        // 100 × (1 + 2 + 0.5 + 2×0.5 + 0.5 + 1 + 1) / 9 = 100 × 7 / 9 = 77.8 → 78
        assertEquals(78, result.stage(StageKind.INDICATORS).score());
    }

    @Test
    void indicatorsFoundThroughGoalsAndMissingWithoutAny() {
        CycleModel model = new CycleModel();
        model.i1.setDirection(null); // still linked from g1 and the monitoring
        model.i2.setDirection(null);
        assertCheck(evaluate(model), "OKO-EV-2.2", CheckState.MET, 1, "показателей: 2");

        model.g1.getIndicators().clear();
        model.g2.getIndicators().clear();
        model.g3.getIndicators().clear();
        model.monitoring.getIndicators().clear();
        DirectionResult result = evaluate(model);
        for (String id : List.of("OKO-EV-2.2", "OKO-EV-2.3", "OKO-EV-2.4", "OKO-EV-2.5", "OKO-EV-2.6", "OKO-EV-2.7")) {
            assertCheck(result, id, CheckState.MISSING, 0, "у направления нет показателей");
        }
        // 100 × 1 / 9 = 11.1 → 11
        assertEquals(11, result.stage(StageKind.INDICATORS).score());
    }

    @Test
    void monitoringCoveragePartly() {
        CycleModel model = new CycleModel();
        // s2 lacks b (needed by i1 = a / b * 100): reported as «no value»
        RawValue b2 = model.run.getRawValues().stream().filter(r -> r.getOrganisation() == model.s2 && "b".equals(r.getCode()))
                .findFirst().orElseThrow();
        b2.setNoValue(true);
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-3.4", CheckState.PARTLY, 0.5, "охват 50 %: 1 из 2 школ с полными данными");
        assertEquals(List.of(model.run), check(result, "OKO-EV-3.4").gaps());
        // 100 × (1 + 2 + 2 + 2×0.5) / 7 = 600 / 7 = 85.7 → 86
        assertEquals(86, result.stage(StageKind.MONITORING).score());
    }

    @Test
    void coverageCountsOnlyTheCodesTheFormulasNeed() {
        CycleModel model = new CycleModel();
        model.run.getRawValues().add(CycleModel.raw(model.s1, "unused", 3)); // s2 lacks it: no matter
        assertCheck(evaluate(model), "OKO-EV-3.4", CheckState.MET, 1, "охват 100 %: 2 из 2 школ с полными данными");
    }

    @Test
    void monitoringWithoutARunOfThePeriod() {
        CycleModel model = new CycleModel();
        model.run.setPeriod(model.p2025);
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-3.2", CheckState.MET, 1, "мониторингов: 1");
        assertCheck(result, "OKO-EV-3.3", CheckState.MISSING, 0, "нет прогона мониторинга за период");
        assertCheck(result, "OKO-EV-3.4", CheckState.MISSING, 0, "нет прогона мониторинга за период");
        assertEquals(List.of(model.monitoring), check(result, "OKO-EV-3.3").gaps(), "the monitoring lacks a run");
        // 100 × (1 + 2) / 7 = 42.9 → 43; analysis: 100 × (1 + 2 + 1 + 1) / 8 = 62.5 → 63 (half up)
        assertEquals(43, result.stage(StageKind.MONITORING).score());
        assertCheck(result, "OKO-EV-4.2", CheckState.MISSING, 0, "нет прогона мониторинга за период");
        assertEquals(63, result.stage(StageKind.ANALYSIS).score());
        // 43 < 50 → incomplete; 4.2 (weight 2) missing → incomplete
        assertEquals(List.of(StageKind.MONITORING, StageKind.ANALYSIS), result.incomplete());
    }

    @Test
    void monitoringMissing() {
        CycleModel model = new CycleModel();
        model.system.getMonitorings().clear();
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-3.2", CheckState.MISSING, 0, "нет мониторинга направления");
        assertEquals(List.<EObject>of(model.direction), check(result, "OKO-EV-3.2").gaps());
        // 100 × 1 / 7 = 14.3 → 14
        assertEquals(14, result.stage(StageKind.MONITORING).score());
    }

    @Test
    void analysisPartly() {
        CycleModel model = new CycleModel();
        model.run.getValues().removeIf(v -> v.getIndicator() == model.i2); // i2 not computed
        Recommendation draft = model.recommendation("2"); // no addressee, not sent
        draft.setStatus(RecommendationStatus.DRAFT);
        model.meas.getBasedOn().add(draft);
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-4.2", CheckState.PARTLY, 0.5, "1 из 2 показателей не рассчитаны");
        assertCheck(result, "OKO-EV-4.3", CheckState.MET, 1, "списков групп риска: 1");
        assertCheck(result, "OKO-EV-4.4", CheckState.MET, 1, "рекомендаций за период: 2");
        assertCheck(result, "OKO-EV-4.5", CheckState.PARTLY, 0.5, "1 из 2 рекомендаций без адресата");
        assertCheck(result, "OKO-EV-4.6", CheckState.PARTLY, 0.5, "отправлено 1 из 2, принято 1");
        assertEquals(List.of(draft), check(result, "OKO-EV-4.6").gaps());
        // 100 × (1 + 2×0.5 + 1 + 2 + 0.5 + 0.5) / 8 = 600 / 8 = 75
        assertEquals(75, result.stage(StageKind.ANALYSIS).score());
    }

    @Test
    void aRecommendationToALevelIsAddressedButTheLevelsDefaultIsNot() {
        CycleModel model = new CycleModel();
        Recommendation toLevel = model.recommendation("2");
        toLevel.setStatus(RecommendationStatus.SENT);
        model.meas.getBasedOn().add(toLevel);
        // addresseeLevel never set: its getter still answers the first literal (FEDERAL)
        assertCheck(evaluate(model), "OKO-EV-4.5", CheckState.PARTLY, 0.5, "1 из 2 рекомендаций без адресата");
        toLevel.setAddresseeLevel(ManagementLevel.MUNICIPAL);
        assertCheck(evaluate(model), "OKO-EV-4.5", CheckState.MET, 1, "выполнено");
    }

    @Test
    void analysisMissing() {
        CycleModel model = new CycleModel();
        model.run.getValues().clear();
        model.run.getRiskLists().clear();
        model.system.getRecommendations().clear();
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-4.2", CheckState.MISSING, 0, "2 из 2 показателей не рассчитаны");
        assertCheck(result, "OKO-EV-4.3", CheckState.MISSING, 0, "нет списков групп риска");
        assertCheck(result, "OKO-EV-4.4", CheckState.MISSING, 0, "нет рекомендаций за период");
        assertEquals(List.<EObject>of(model.direction), check(result, "OKO-EV-4.4").gaps());
        // 100 × 1 / 8 = 12.5 → 13 (half up)
        assertEquals(13, result.stage(StageKind.ANALYSIS).score());
    }

    @Test
    void measuresPartly() {
        CycleModel model = new CycleModel();
        Measure bare = model.measure("2", model.p2024); // no deadline, nobody responsible, not based on a recommendation
        bare.setStatus(MeasureStatus.PLANNED);
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-5.2", CheckState.MET, 1, "мер и решений за период: 2");
        assertCheck(result, "OKO-EV-5.3", CheckState.PARTLY, 0.5, "1 из 2 мер без срока");
        assertCheck(result, "OKO-EV-5.4", CheckState.PARTLY, 0.5, "1 из 2 мер без ответственного");
        // the bare measure is neither done nor due: only meas is expected to have its result document
        assertCheck(result, "OKO-EV-5.5", CheckState.MET, 1, "выполнено");
        assertCheck(result, "OKO-EV-5.6", CheckState.PARTLY, 0.5, "1 из 2 мер не основаны на рекомендациях");
        // 100 × (1 + 2 + 0.5 + 0.5 + 1 + 2×0.5) / 8 = 600 / 8 = 75
        assertEquals(75, result.stage(StageKind.MEASURES).score());
        // its effectiveness not assessed either: 6.2 = 1/2; 100 × (1 + 2×0.5 + 2) / 5 = 80
        assertCheck(result, "OKO-EV-6.2", CheckState.PARTLY, 0.5, "1 из 2 мер без оценки эффективности");
        assertEquals(80, result.stage(StageKind.EFFECTIVENESS).score());
    }

    @Test
    void planItemsCountAsMeasuresAndOverdueOnesNeedAResult() {
        CycleModel model = new CycleModel();
        Plan plan = CycleModel.F.createPlan();
        plan.setNumber("1");
        plan.setDirection(model.direction);
        plan.setPeriod(model.p2024);
        model.system.getPlans().add(plan);
        PlanItem heading = CycleModel.F.createPlanItem();
        heading.setNumber("1");
        plan.getItems().add(heading);
        PlanItem item = CycleModel.F.createPlanItem(); // due 01.03.2024, in progress on 15.01.2025: overdue
        item.setNumber("1.1");
        item.setDeadline(CycleModel.dateDeadline(2024, 3, 1));
        item.setResponsibleText("методист");
        item.setStatus(MeasureStatus.IN_PROGRESS);
        heading.getChildren().add(item);
        DirectionResult result = evaluate(model);
        // meas and item 1.1 (the heading is not an item of its own)
        assertCheck(result, "OKO-EV-5.2", CheckState.MET, 1, "мер и решений за период: 2");
        assertCheck(result, "OKO-EV-5.5", CheckState.PARTLY, 0.5,
                "1 из 2 исполненных или наступивших мер без итогового документа");
        assertEquals(List.of(item), check(result, "OKO-EV-5.5").gaps());
        // 5.6 looks at measures only (plan items have no basedOn): meas is based on rec
        assertCheck(result, "OKO-EV-5.6", CheckState.MET, 1, "выполнено");
        // 100 × (1 + 2 + 1 + 1 + 0.5 + 2) / 8 = 750 / 8 = 93.75 → 94
        assertEquals(94, result.stage(StageKind.MEASURES).score());
    }

    @Test
    void measuresMissing() {
        CycleModel model = new CycleModel();
        model.meas.setPeriod(model.p2025);
        DirectionResult result = evaluate(model);
        for (String id : List.of("OKO-EV-5.2", "OKO-EV-5.3", "OKO-EV-5.4", "OKO-EV-5.5", "OKO-EV-5.6")) {
            assertCheck(result, id, CheckState.MISSING, 0, "нет мер и решений за период");
        }
        // 100 × 1 / 8 = 12.5 → 13
        assertEquals(13, result.stage(StageKind.MEASURES).score());
        // no measures of 2024 and no document: 6.2 missing; the measure moved to 2025 counts as a change: 6.3 met
        assertCheck(result, "OKO-EV-6.2", CheckState.MISSING, 0, "анализ эффективности не сохранён");
        assertTrue(check(result, "OKO-EV-6.3").evidence().contains(model.meas));
        // 100 × (1 + 2) / 5 = 60
        assertEquals(60, result.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(List.of(StageKind.MEASURES, StageKind.EFFECTIVENESS), result.incomplete());
    }

    @Test
    void effectivenessFromADocumentOfTheStage() {
        CycleModel model = new CycleModel();
        model.meas.setEffectiveness(null);
        DirectionResult without = evaluate(model);
        assertCheck(without, "OKO-EV-6.2", CheckState.MISSING, 0, "анализ эффективности не сохранён");
        assertEquals(List.of(model.meas), check(without, "OKO-EV-6.2").gaps());

        Document programme = CycleModel.F.createDocument(); // a programme of the stage is not an analysis
        programme.setNumber("6");
        programme.setKind(DocumentKind.PROGRAM);
        programme.getPeriods().add(model.p2024);
        model.system.getDocuments().add(programme);
        model.stage(StageKind.EFFECTIVENESS).getDocuments().add(programme);
        assertCheck(evaluate(model), "OKO-EV-6.2", CheckState.MISSING, 0, "анализ эффективности не сохранён");

        Document analysis = CycleModel.F.createDocument();
        analysis.setNumber("7");
        analysis.setName("Анализ эффективности мер");
        analysis.setKind(DocumentKind.ANALYTICAL_REPORT);
        model.system.getDocuments().add(analysis);
        model.stage(StageKind.EFFECTIVENESS).getDocuments().add(analysis);
        assertCheck(evaluate(model), "OKO-EV-6.2", CheckState.MISSING, 0, "анализ эффективности не сохранён"); // not of 2024
        analysis.getPeriods().add(model.p2024);
        DirectionResult with = evaluate(model);
        assertCheck(with, "OKO-EV-6.2", CheckState.MET, 1, "анализ эффективности сохранён: 7 «Анализ эффективности мер»");
        assertEquals(List.of(analysis), check(with, "OKO-EV-6.2").evidence());
    }

    @Test
    void effectivenessWithoutANextPeriodIsAnIncompleteCycle() {
        CycleModel model = new CycleModel();
        model.p2025.setPrevious(null);
        DirectionResult result = evaluate(model);
        assertCheck(result, "OKO-EV-6.3", CheckState.MISSING, 0, "следующий период не заведён");
        assertEquals(List.of(model.p2024), check(result, "OKO-EV-6.3").gaps());
        // 100 × (1 + 2) / 5 = 60 ≥ 50, but 6.3 (weight 2) is missing: incomplete
        assertEquals(60, result.stage(StageKind.EFFECTIVENESS).score());
        assertEquals(CycleState.INCOMPLETE, result.state());
        assertEquals(List.of(StageKind.EFFECTIVENESS), result.incomplete());
        // (5 × 100 + 60) / 6 = 93.3 → 93
        assertEquals(93, result.score());
        assertEquals("следующий период не заведён", result.stage(StageKind.EFFECTIVENESS).reason());
    }

    @Test
    void aRevisedGoalWithoutAPeriodCountsAsAChange() {
        CycleModel model = new CycleModel();
        model.g3.setPeriod(null); // revises g2 (of 2024)
        assertCheck(evaluate(model), "OKO-EV-6.3", CheckState.MET, 1, "на период 2025 «2025 год» изменено: 3 «Цель 3»");
        model.g3.setRevises(null);
        assertCheck(evaluate(model), "OKO-EV-6.3", CheckState.MISSING, 0, "цели и меры на период 2025 «2025 год» не изменены");
    }

    @Test
    void aDirectionWithoutStagesIsNotDescribed() {
        CycleModel model = new CycleModel();
        model.direction.getStages().clear(); // goals go with their stage
        DirectionResult result = evaluate(model);
        assertEquals(CycleState.NOT_DESCRIBED, result.state());
        for (StageKind kind : StageKind.VALUES) {
            String id = "OKO-EV-" + (kind.ordinal() + 1) + ".1";
            assertEquals(CheckState.MISSING, check(result, id).state(), id);
        }
        // the data still counts: 1: 0; 2: 100 × 8 / 9 = 88.9 → 89; 3: 100 × 6 / 7 = 85.7 → 86; 4: 100 × 7 / 8 = 87.5 → 88;
        // 5: 100 × 7 / 8 → 88; 6: measure's effectiveness 2, nothing changed for 2025 (g3 went) → 100 × 2 / 5 = 40
        assertEquals(List.of(0, 89, 86, 88, 88, 40), scores(result));
        // (0 + 89 + 86 + 88 + 88 + 40) / 6 = 65.2 → 65
        assertEquals(65, result.score());
        assertEquals(StageKind.VALUES, result.incomplete());
    }

    @Test
    void evaluatingASystemGivesEachDirectionInModelOrder() {
        CycleModel model = new CycleModel();
        var other = CycleModel.F.createDirection();
        other.setCode("1.2");
        model.system.getDirections().add(other);
        List<DirectionResult> results = CycleEvidence.evaluate(model.system, model.p2024, TODAY);
        assertEquals(List.of(model.direction, other), results.stream().map(DirectionResult::direction).toList());
        assertEquals(List.of(CycleState.FULL, CycleState.NOT_DESCRIBED), results.stream().map(DirectionResult::state).toList());
        assertEquals(0, results.get(1).score());
    }
}
