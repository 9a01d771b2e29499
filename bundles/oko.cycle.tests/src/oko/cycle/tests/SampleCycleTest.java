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
import oko.cycle.CycleEvidence.CheckResult;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.cycle.CycleEvidence.StageResult;
import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;

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

    @Test
    void writeTheMatrix() throws IOException {
        List<String> lines = new ArrayList<>();
        LocalDate today = LocalDate.of(2024, 1, 15);
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
