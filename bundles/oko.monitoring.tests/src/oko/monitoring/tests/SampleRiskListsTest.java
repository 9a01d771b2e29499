package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskComparison;
import oko.model.RiskGroup;
import oko.model.RiskGroupKind;
import oko.monitoring.RiskGroups;

/**
 * The sample's risk lists, written out school by school: the lists the code computed before the
 * risk-group policy moved into the model (then {@code RiskGroups.Policy.DEFAULT}: 2 consecutive
 * periods below the cluster median on at least half of the indicators for ШНОР; a social index of
 * at least 0.5 with weight 1 for the group of code ШНСУ). The policies the sample's groups carry
 * now reproduce them exactly.
 */
class SampleRiskListsTest {

    private final ResourceSet set = new ResourceSetImpl();
    private final Resource seeds;
    private final Resource illustrative;

    SampleRiskListsTest() {
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path samples = Path.of(System.getProperty("oko.root"), "models", "samples");
        seeds = set.getResource(URI.createFileURI(samples.resolve("seeds.xmi").toString()), true);
        illustrative = set.getResource(URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()),
                true);
        EcoreUtil.resolveAll(set);
    }

    private static String codes(Set<Organisation> schools) {
        return String.join(" ", new TreeSet<>(schools.stream().map(Organisation::getCode).toList()));
    }

    private static String describe(List<RiskGroups.RiskListResult> lists) {
        StringBuilder text = new StringBuilder();
        for (RiskGroups.RiskListResult list : lists) {
            text.append(list.group().getCode()).append(": [").append(codes(list.schools())).append("] entered [")
                    .append(codes(list.entered())).append("] stayed [").append(codes(list.stayed()))
                    .append("] left [").append(codes(list.left())).append("]\n");
        }
        return text.toString();
    }

    @Test
    void theSampleGroupsCarryTheFormerDefaults() {
        RiskGroup shnor = (RiskGroup) seeds.getEObject("rg-shnor");
        assertEquals(RiskGroupKind.BELOW_CLUSTER, shnor.getKind());
        assertEquals(RiskComparison.CLUSTER_MEDIAN, shnor.getComparison());
        assertEquals(2, shnor.getConsecutivePeriods());
        assertEquals(0.5, shnor.getIndicatorShare());
        RiskGroup shnsu = (RiskGroup) seeds.getEObject("rg-shnsu");
        assertEquals(RiskGroupKind.SOCIAL_INDEX, shnsu.getKind());
        assertEquals(1, shnsu.getConsecutivePeriods());
        assertEquals(0.5, shnsu.getIndexThreshold());
        assertEquals(List.of(), shnsu.getWeights(), "every indicator weighs 1");
    }

    @Test
    void theRiskListsOf2023() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2023 = (Period) illustrative.getEObject("per-2023");
        assertEquals("""
                ШНОР: [ИШМ-04 ИШМ-05] entered [] stayed [ИШМ-04 ИШМ-05] left [ИШМ-08]
                ШНСУ: [ИШМ-08 ИШМ-10 ИШМ-11 ИШМ-12] entered [] stayed [ИШМ-08 ИШМ-10 ИШМ-11 ИШМ-12] left [ИШМ-05]
                """, describe(RiskGroups.compute(ishimbay, y2023)));
    }

    @Test
    void theRiskListsOf2022() {
        QualitySystem ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        Period y2022 = (Period) illustrative.getEObject("per-2022");
        assertEquals("""
                ШНОР: [ИШМ-04 ИШМ-05 ИШМ-08] entered [ИШМ-04 ИШМ-05 ИШМ-08] stayed [] left []
                ШНСУ: [ИШМ-05 ИШМ-08 ИШМ-10 ИШМ-11 ИШМ-12] entered [ИШМ-05 ИШМ-08] stayed [ИШМ-10 ИШМ-11 ИШМ-12] left [ИШМ-06]
                """, describe(RiskGroups.compute(ishimbay, y2022)));
    }
}
