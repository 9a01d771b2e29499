package oko.monitoring.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.model.MonitoringRun;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RiskList;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringService;

/**
 * {@link MonitoringService} on the sample: one action per user action, the same for the command
 * line and the workbench. Computing stores the values and the risk lists (the command line's
 * {@code compute} stored no risk lists before the service).
 */
class MonitoringServiceTest {

    private final ResourceSet set = new ResourceSetImpl();
    private final Resource seeds;
    private final Resource illustrative;
    private final QualitySystem ishimbay;
    private final Period y2023;

    MonitoringServiceTest() {
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        seeds = set.getResource(URI.createFileURI(samples.resolve("seeds.xmi").toString()), true);
        illustrative = set.getResource(URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()),
                true);
        EcoreUtil.resolveAll(set);
        ishimbay = (QualitySystem) seeds.getEObject("qs-ishimbay");
        y2023 = (Period) illustrative.getEObject("per-2023");
    }

    private List<EObject> roots() {
        List<EObject> roots = new ArrayList<>(seeds.getContents());
        roots.addAll(illustrative.getContents());
        return roots;
    }

    /** The risk lists stored in the period's runs: group code → school codes. */
    private Map<String, TreeSet<String>> storedLists() {
        Map<String, TreeSet<String>> lists = new TreeMap<>();
        for (MonitoringRun run : MonitoringEngine.runs(ishimbay, y2023)) {
            for (RiskList list : run.getRiskLists()) {
                TreeSet<String> codes = lists.computeIfAbsent(list.getRiskGroup().getCode(), c -> new TreeSet<>());
                list.getSchools().stream().map(Organisation::getCode).forEach(codes::add);
            }
        }
        return lists;
    }

    @Test
    void theSystemWithDataIsFoundByPeriodAndByCode() {
        assertEquals(y2023, MonitoringService.period(roots(), "2023").orElseThrow());
        assertTrue(MonitoringService.period(roots(), "1999").isEmpty());
        assertEquals(List.of(ishimbay), MonitoringService.systemsWithData(roots(), y2023));
        assertEquals(ishimbay, MonitoringService.system(roots(), null, y2023).orElseThrow());
        assertEquals(ishimbay, MonitoringService.system(roots(), ishimbay.getCode(), y2023).orElseThrow());
        assertTrue(MonitoringService.system(roots(), "no-such-system", y2023).isEmpty());
    }

    @Test
    void computeStoresTheValuesAndTheRiskLists() {
        assertEquals(Map.of(), storedLists(), "the sample stores no risk lists");
        MonitoringService.Computed computed = MonitoringService.compute(ishimbay, y2023);
        assertEquals(List.of(), computed.badValues());
        assertEquals(2, computed.storedLists());
        assertEquals(Map.of("ШНОР", new TreeSet<>(List.of("ИШМ-04", "ИШМ-05")), "ШНСУ",
                new TreeSet<>(List.of("ИШМ-08", "ИШМ-10", "ИШМ-11", "ИШМ-12"))), storedLists());
        int values = (int) MonitoringEngine.runs(ishimbay, y2023).stream().mapToLong(r -> r.getValues().size()).sum();
        assertEquals(computed.storedValues(), values);
        assertEquals(computed.results().current().stream().mapToInt(r -> r.schools().size()).sum(), values);
        assertTrue(computed.results().current().stream().allMatch(r -> r.period() == y2023));

        MonitoringService.compute(ishimbay, y2023);
        assertEquals(2, storedLists().size(), "computing again replaces, never duplicates");
        int again = (int) MonitoringEngine.runs(ishimbay, y2023).stream().mapToLong(r -> r.getValues().size()).sum();
        assertEquals(values, again);
    }

    @Test
    void theViewsRiskColumnIsTheRiskLists() {
        Map<Organisation, String> risk = MonitoringService.results(ishimbay, y2023).riskGroupsBySchool();
        Map<String, String> byCode = new TreeMap<>();
        risk.forEach((school, groups) -> byCode.put(school.getCode(), groups));
        assertEquals(Map.of("ИШМ-04", "ШНОР", "ИШМ-05", "ШНОР", "ИШМ-08", "ШНСУ", "ИШМ-10", "ШНСУ", "ИШМ-11", "ШНСУ",
                "ИШМ-12", "ШНСУ"), byCode);
    }

    @Test
    void recommendUsesTheSameRiskLists() {
        var outcome = MonitoringService.recommend(ishimbay, y2023);
        assertEquals(List.of(), outcome.problems());
        var toGroup = outcome.recommendations().stream().filter(r -> r.getAddresseeGroup() != null).findFirst()
                .orElseThrow();
        assertEquals(new TreeSet<>(List.of("ИШМ-04", "ИШМ-05")),
                new TreeSet<>(toGroup.getAddresseeSchools().stream().map(Organisation::getCode).toList()));
    }
}
