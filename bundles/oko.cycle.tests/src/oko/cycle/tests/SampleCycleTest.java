package oko.cycle.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.Attention;
import oko.cycle.CycleEvidence.AttentionKind;
import oko.cycle.CycleEvidence.CheckResult;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;

/**
 * The cycle matrix of the shipped sample (bundles/oko.municipal/samples: seeds.xmi with the
 * illustrative monitoring runs of illustrative-monitoring.xmi loaded beside it), checked and explained.
 * The full matrix with every check's reason is written to target/sample-cycle.txt.
 */
class SampleCycleTest {

    private static ModelRoot seeds;
    private static ModelRoot illustrative;

    @BeforeAll
    static void load() {
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Resource seedResource = set.getResource(URI.createFileURI(samples.resolve("seeds.xmi").toString()), true);
        Resource illustrativeResource = set.getResource(
                URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()), true);
        assertEquals(List.of(), seedResource.getErrors());
        assertEquals(List.of(), illustrativeResource.getErrors());
        seeds = (ModelRoot) seedResource.getContents().get(0);
        illustrative = (ModelRoot) illustrativeResource.getContents().get(0);
    }

    private static QualitySystem system(String code) {
        return seeds.getQualitySystems().stream().filter(s -> code.equals(s.getCode())).findFirst().orElseThrow();
    }

    private static Period period(String code) {
        List<Period> periods = new ArrayList<>(seeds.getPeriods());
        periods.addAll(illustrative.getPeriods());
        return periods.stream().filter(p -> code.equals(p.getCode())).findFirst().orElseThrow();
    }

    private static String row(DirectionResult result) {
        StringBuilder row = new StringBuilder(result.direction().getCode() + "\t" + result.state() + "\t" + result.score());
        for (StageResult stage : result.stages()) {
            row.append('\t').append(stage.score());
        }
        return row.toString();
    }

    private static final LocalDate TODAY = LocalDate.of(2024, 1, 15);

    /**
     * The sample's systems: ishimbay-msoko (seed 002) has nine directions and describes the cycle only
     * for 1.2 «Система работы со школами с низкими результатами обучения…» (its appendix 3); the others
     * name only coordinators and executors: not described. msoko-functions-001 and vsoko-chel-sosh51
     * have no directions; krasnogorsk-msoko (seed 004) has a plan and a working group for 2.2 but no
     * stages: not described.
     */
    @Test
    void onlyDirectionOneTwoIsDescribed() throws IOException {
        writeTheMatrix();
        for (String code : List.of("2021", "2022", "2023")) {
            List<DirectionResult> ishimbay = CycleEvidence.evaluate(system("ishimbay-msoko"), period(code), TODAY);
            assertEquals(List.of("1.1 NOT_DESCRIBED", "1.2 INCOMPLETE", "1.3 NOT_DESCRIBED", "1.4 NOT_DESCRIBED",
                    "2.1 NOT_DESCRIBED", "2.2 NOT_DESCRIBED", "2.3 NOT_DESCRIBED", "2.4 NOT_DESCRIBED", "2.5 NOT_DESCRIBED"),
                    ishimbay.stream().map(r -> r.direction().getCode() + " " + r.state()).toList(), code);
            for (DirectionResult result : ishimbay) {
                if (!result.direction().getCode().equals("1.2")) {
                    assertEquals(0, result.score(), result.direction().getCode() + ": nothing refers to it");
                }
            }
            assertEquals(List.of(), CycleEvidence.evaluate(system("msoko-functions-001"), period(code), TODAY));
            assertEquals(List.of(), CycleEvidence.evaluate(system("vsoko-chel-sosh51"), period(code), TODAY));
            assertEquals(List.of("2.2 NOT_DESCRIBED"), CycleEvidence.evaluate(system("krasnogorsk-msoko"), period(code), TODAY)
                    .stream().map(r -> r.direction().getCode() + " " + r.state()).toList());
        }
    }

    /**
     * Direction 1.2 in 2023, stage by stage (default weights):
     * 1 goals 75: described, 4 goals (no period: any), all linked to indicators; no target value and no
     * indicator threshold (1.4 missing); only goal 2 has a deadline («цикл - 3 года»): 1.5 = ¼;
     * 100 × (1 + 2 + 2 + 0 + ¼) / 7 = 75.
     * 2 indicators 92: 23 (10 and their sub-indicators); 1.2.1 and 1.2.2 have no formula (21/23), 13 name
     * no collection method (10/23): 100 × (1 + 2 + 1 + 2 × 21/23 + 1 + 10/23 + 1) / 9 = 91.8 → 92.
     * 3 monitoring 91: the five monitorings of the seed and the five of the illustrative file, whose
     * five runs of 2023 hold raw values: 34 of 50 schools monitored have all the raw values their
     * formulas need: 100 × (1 + 2 + 2 + 2 × 0.68) / 7 = 90.9 → 91.
     * 4 analysis 13: the runs hold no indicator values and no risk lists yet (./oko monitor computes
     * them) and no recommendation has a period or date: 100 × 1 / 8 = 12.5 → 13.
     * 5 measures 75: the illustrative measure 1 of 2023 (done, responsible, based on recommendation 3)
     * has no deadline and no result document: 100 × (1 + 2 + 0 + 1 + 0 + 2) / 8 = 75.
     * 6 effectiveness 20: that measure's effectiveness not assessed, no analytical report, and the
     * model has no period after 2023: 100 × 1 / 5 = 20.
     * Direction: (75 + 92 + 91 + 13 + 75 + 20) / 6 = 61; incomplete: analysis (13 < 50) and effectiveness.
     */
    @Test
    void directionOneTwoIn2023() {
        DirectionResult result = oneTwo("2023");
        assertEquals(List.of(75, 92, 91, 13, 75, 20), result.stages().stream().map(StageResult::score).toList());
        assertEquals(61, result.score());
        assertEquals(List.of(StageKind.ANALYSIS, StageKind.EFFECTIVENESS), result.incomplete());
        assertEquals("4 из 4 целей без целевого значения", reason(result, StageKind.GOALS, "OKO-EV-1.4"));
        assertEquals("3 из 4 целей без срока", reason(result, StageKind.GOALS, "OKO-EV-1.5"));
        assertEquals("2 из 23 показателей без машинной формулы", reason(result, StageKind.INDICATORS, "OKO-EV-2.4"));
        assertEquals("охват 68 %: 34 из 50 школ с полными данными", reason(result, StageKind.MONITORING, "OKO-EV-3.4"));
        assertEquals("21 из 21 показателей не рассчитаны", reason(result, StageKind.ANALYSIS, "OKO-EV-4.2"));
        assertEquals("нет рекомендаций за период", reason(result, StageKind.ANALYSIS, "OKO-EV-4.4"));
        assertEquals("1 из 1 мер без срока", reason(result, StageKind.MEASURES, "OKO-EV-5.3"));
        assertEquals("следующий период не заведён", reason(result, StageKind.EFFECTIVENESS, "OKO-EV-6.3"));
    }

    /**
     * 2022: the same stages 1–4; no measure of 2022 (the seed's ten measures of 1.2 name no period or
     * date; its dated ones name no direction): 5 = 100 × 1 / 8 = 13; the illustrative measure of 2023 is
     * a change for the next period: 6 = 100 × (1 + 0 + 2) / 5 = 60; (75 + 92 + 91 + 13 + 13 + 60) / 6 = 57.
     * 2021: stage 6 has only its description (appendix 3 is a programme, not an analysis; nothing set
     * for 2022): 20; (75 + 92 + 91 + 13 + 13 + 20) / 6 = 50.7 → 51.
     */
    @Test
    void directionOneTwoIn2022And2021() {
        DirectionResult in2022 = oneTwo("2022");
        assertEquals(List.of(75, 92, 91, 13, 13, 60), in2022.stages().stream().map(StageResult::score).toList());
        assertEquals(57, in2022.score());
        assertEquals(List.of(StageKind.ANALYSIS, StageKind.MEASURES, StageKind.EFFECTIVENESS), in2022.incomplete());
        DirectionResult in2021 = oneTwo("2021");
        assertEquals(List.of(75, 92, 91, 13, 13, 20), in2021.stages().stream().map(StageResult::score).toList());
        assertEquals(51, in2021.score());
    }

    /**
     * On 15.01.2024 for 2023: three measures of the seed's order 1048 overdue since 2021 (two due
     * 12.07.2021, one 01.08.2021), then two runs of 2023 with schools lacking raw data.
     */
    @Test
    void attentionIn2023() {
        List<Attention> items = CycleEvidence.attention(system("ishimbay-msoko"), period("2023"), TODAY);
        assertEquals(List.of(AttentionKind.OVERDUE_MEASURE, AttentionKind.OVERDUE_MEASURE, AttentionKind.OVERDUE_MEASURE,
                AttentionKind.RUN_MISSING_DATA, AttentionKind.RUN_MISSING_DATA),
                items.stream().map(Attention::kind).toList(), items.toString());
        assertEquals(List.of(LocalDate.of(2021, 7, 12), LocalDate.of(2021, 7, 12), LocalDate.of(2021, 8, 1)),
                items.subList(0, 3).stream().map(Attention::date).toList());
    }

    private static DirectionResult oneTwo(String period) {
        return CycleEvidence.evaluate(system("ishimbay-msoko"), period(period), TODAY).stream()
                .filter(r -> r.direction().getCode().equals("1.2")).findFirst().orElseThrow();
    }

    private static String reason(DirectionResult result, StageKind stage, String id) {
        return result.stage(stage).check(id).orElseThrow().reason();
    }

    /** Every system, period and check with its reason, and the attention list, in target/sample-cycle.txt. */
    private static void writeTheMatrix() throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDate today = TODAY;
        for (QualitySystem system : seeds.getQualitySystems()) {
            for (String code : List.of("2021", "2022", "2023")) {
                lines.add("# " + system.getCode() + " " + code);
                for (DirectionResult result : CycleEvidence.evaluate(system, period(code), today)) {
                    lines.add(row(result) + "\t" + result.incomplete());
                    if (!result.direction().getStages().isEmpty()) {
                        for (StageResult stage : result.stages()) {
                            for (CheckResult check : stage.checks()) {
                                lines.add("    " + check.check().id() + " " + check.state() + " " + check.fraction() + " "
                                        + check.reason() + " evidence " + names(check.evidence()) + " gaps " + names(check.gaps()));
                            }
                        }
                    }
                }
                for (Attention attention : CycleEvidence.attention(system, period(code), today)) {
                    lines.add("  ! " + attention.kind() + " " + attention.text() + " " + attention.date());
                }
            }
        }
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "sample-cycle.txt"), lines, StandardCharsets.UTF_8);
    }

    private static String names(List<EObject> objects) {
        return objects.size() + objects.stream().limit(4).map(o -> o.eClass().getName()).toList().toString();
    }
}
