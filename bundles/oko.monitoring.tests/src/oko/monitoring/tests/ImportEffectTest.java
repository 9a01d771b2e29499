package oko.monitoring.tests;

import static oko.monitoring.bench.ImportFixture.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.DataElement;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.RawValueImport;
import oko.monitoring.RawValueImport.Checked;
import oko.monitoring.RawValueImport.Layout;

/**
 * Issue 17, item 3: an import is what the computation sees. ИШМ-01 had 10 high-scorers of 45
 * graduates in 2023 (1.2.1.1 = 10 ÷ 45 × 100 = 22,22); after importing 15 of 50 it is 30.
 */
class ImportEffectTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @TempDir
    Path temp;

    private Path csv(String name, String text) throws Exception {
        Path file = temp.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static double value(QualitySystem system, Period period, String indicator, Organisation school) {
        return MonitoringEngine.compute(system, period).stream().filter(r -> indicator.equals(r.indicator().getCode()))
                .findFirst().orElseThrow().value(school).orElseThrow();
    }

    /**
     * The case of the issue on a hand-built model: the system's own monitoring uses the measures
     * but has no run for 2023; the values are in a run of a monitoring another system of the same
     * level holds for it (as the sample's illustrative data do). Before the fix the import went
     * into a new run of the own monitoring, and the other run's 10 ÷ 45 still won.
     */
    @Test
    void importedValuesReplaceTheValuesTheComputationReadsHandBuilt() throws Exception {
        ModelRoot root = F.createModelRoot();
        // the engines look across the models of a resource set, as in the repository
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        set.createResource(URI.createURI("memory:/model.xmi")).getContents().add(root);
        Period period = F.createPeriod();
        period.setCode("2023");
        root.getPeriods().add(period);
        Organisation school = F.createOrganisation();
        school.setCode("ИШМ-01");
        school.setKind(oko.model.OrganisationKind.SCHOOL);
        root.getOrganisations().add(school);
        QualitySystem system = F.createQualitySystem();
        system.setCode("msoko");
        system.setLevel(Level.MUNICIPALITY);
        root.getQualitySystems().add(system);
        DataElement high = element(system, "ege_high_scorers");
        DataElement graduates = element(system, "ege_graduates");
        Indicator indicator = F.createIndicator();
        indicator.setCode("1.2.1.1");
        indicator.setFormula("share(ege_high_scorers, ege_graduates)");
        system.getIndicators().add(indicator);
        Monitoring own = F.createMonitoring();
        own.setCode("own");
        own.getIndicators().add(indicator);
        system.getMonitorings().add(own);
        QualitySystem data = F.createQualitySystem();
        data.setCode("data");
        data.setLevel(Level.MUNICIPALITY);
        root.getQualitySystems().add(data);
        Monitoring other = F.createMonitoring();
        other.setCode("other");
        other.getIndicators().add(indicator);
        data.getMonitorings().add(other);
        MonitoringRun run = F.createMonitoringRun();
        run.setPeriod(period);
        run.setDate(new Date(1694736000000L)); // 2023-09-15
        other.getRuns().add(run);
        run.getRawValues().add(raw(school, high, 10));
        run.getRawValues().add(raw(school, graduates, 45));

        assertEquals(100.0 * 10 / 45, value(system, period, "1.2.1.1", school), 1e-9);
        assertEquals(22.22, Math.round(value(system, period, "1.2.1.1", school) * 100) / 100.0, 1e-9);

        Checked checked = RawValueImport.check(
                csv("ishm01.csv", "школа;показатель;значение\nИШМ-01;ege_high_scorers;15\nИШМ-01;ege_graduates;50\n"),
                null, system, period);
        assertEquals(List.of(), checked.problems());
        assertEquals(Layout.LONG, checked.layout(), "detected from the header");
        RawValueImport.Stored stored = RawValueImport.storeAll(system, period, checked.rows());
        assertEquals(2, stored.values());
        assertEquals(2, stored.replaced());
        assertEquals(List.of(run), stored.runs(), "the values are replaced where the computation reads them");
        assertTrue(own.getRuns().isEmpty(), "no second run with values that lose");
        assertEquals(30.0, value(system, period, "1.2.1.1", school), 1e-9);
    }

    private static DataElement element(QualitySystem system, String code) {
        DataElement element = F.createDataElement();
        element.setCode(code);
        system.getDataElements().add(element);
        return element;
    }

    /** The same on the sample model (bundles/oko.municipal/samples): ИШМ-01's 1.2.1.1 goes from 22,22 to 30. */
    @Test
    void onTheSampleIshm01Goes22_22To30() throws Exception {
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        set.getResource(URI.createFileURI(samples.resolve("seeds.xmi").toString()), true);
        set.getResource(URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()), true);
        EcoreUtil.resolveAll(set);
        List<org.eclipse.emf.ecore.EObject> roots = set.getResources().stream().flatMap(r -> r.getContents().stream())
                .toList();
        Period period = roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                .flatMap(m -> m.getPeriods().stream()).filter(p -> "2023".equals(p.getCode())).findFirst().orElseThrow();
        // the system the Monitoring view shows, and ./oko monitor import takes without --system
        QualitySystem system = RawValueImport.targets(roots, period).get(0);
        assertSame(MonitoringEngine.systemsWithRuns(roots, period).get(0), system);
        assertEquals("ishimbay-msoko", system.getCode());
        Organisation school = roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                .flatMap(m -> m.getOrganisations().stream()).filter(o -> "ИШМ-01".equals(o.getCode())).findFirst()
                .orElseThrow();
        assertEquals(22.22, Math.round(value(system, period, "1.2.1.1", school) * 100) / 100.0, 1e-9,
                "10 ÷ 45 in the illustrative run of 2023");
        int runsBefore = MonitoringEngine.runs(system, period).size();

        Checked checked = RawValueImport.check(csv("wide.csv", "school;ege_high_scorers;ege_graduates\nИШМ-01;15;50\n"),
                null, system, period);
        assertEquals(List.of(), checked.problems());
        assertEquals(Layout.WIDE, checked.layout());
        RawValueImport.Stored stored = RawValueImport.storeAll(system, period, checked.rows());
        assertEquals(2, stored.replaced());
        assertEquals(runsBefore, MonitoringEngine.runs(system, period).size(), "no new run");
        assertEquals(30.0, value(system, period, "1.2.1.1", school), 1e-9);
    }

    /** Two runs of the period with the same school and measure: the later-dated one wins, whatever the order. */
    @Test
    void theLaterRunWinsForTheSameSchoolAndMeasure() {
        ModelRoot root = F.createModelRoot();
        Period period = F.createPeriod();
        period.setCode("2023");
        root.getPeriods().add(period);
        Organisation school = F.createOrganisation();
        school.setCode("ИШМ-02");
        root.getOrganisations().add(school);
        QualitySystem system = F.createQualitySystem();
        root.getQualitySystems().add(system);
        DataElement passed = element(system, "passed");
        Indicator indicator = F.createIndicator();
        indicator.setCode("I");
        indicator.setFormula("passed");
        system.getIndicators().add(indicator);
        Monitoring first = F.createMonitoring();
        Monitoring second = F.createMonitoring();
        system.getMonitorings().add(first);
        system.getMonitorings().add(second);
        MonitoringRun newer = F.createMonitoringRun();
        newer.setPeriod(period);
        newer.setDate(new Date(2_000_000_000_000L));
        newer.getRawValues().add(raw(school, passed, 7));
        first.getRuns().add(newer);
        MonitoringRun older = F.createMonitoringRun();
        older.setPeriod(period);
        older.setDate(new Date(1_000_000_000_000L));
        older.getRawValues().add(raw(school, passed, 3));
        second.getRuns().add(older);
        assertEquals(7.0, value(system, period, "I", school), 1e-12, "the older run comes later but loses");
        older.setDate(new Date(3_000_000_000_000L));
        assertEquals(3.0, value(system, period, "I", school), 1e-12);
    }

    /** A measure nobody stored yet goes into a new run of the monitoring that uses it, dated at the import. */
    @Test
    void aNewValueGoesIntoADatedRunOfTheMonitoringThatUsesIt() throws Exception {
        ModelRoot root = F.createModelRoot();
        Period period = F.createPeriod();
        period.setCode("2023");
        root.getPeriods().add(period);
        Organisation school = F.createOrganisation();
        school.setCode("ИШМ-03");
        school.setKind(oko.model.OrganisationKind.SCHOOL);
        root.getOrganisations().add(school);
        QualitySystem system = F.createQualitySystem();
        root.getQualitySystems().add(system);
        element(system, "other");
        element(system, "passed");
        Indicator indicator = F.createIndicator();
        indicator.setCode("I");
        indicator.setFormula("passed * 2");
        system.getIndicators().add(indicator);
        Monitoring unrelated = F.createMonitoring();
        system.getMonitorings().add(unrelated);
        Monitoring using = F.createMonitoring();
        using.getIndicators().add(indicator);
        system.getMonitorings().add(using);
        long before = System.currentTimeMillis();
        Checked checked = RawValueImport.check(csv("v.csv", "school,passed\nИШМ-03,4\n"), null, system, period);
        RawValueImport.Stored stored = RawValueImport.storeAll(system, period, checked.rows());
        assertEquals(0, stored.replaced());
        assertEquals(1, using.getRuns().size());
        MonitoringRun run = using.getRuns().get(0);
        assertEquals(List.of(run), stored.runs());
        assertSame(period, run.getPeriod());
        assertNotNull(run.getDate());
        assertTrue(run.getDate().getTime() >= before - 1000);
        assertEquals(8.0, value(system, period, "I", school), 1e-12);
    }
}
