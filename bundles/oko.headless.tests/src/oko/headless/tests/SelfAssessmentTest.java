package oko.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;

import oko.cli.tests.support.Oko;
import oko.model.IndicatorValue;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.ObservedValue;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.ResultWriter;
import oko.repository.OkoRepository;
import oko.school.SelfAssessment;

/**
 * The school module's self-assessment on a real (embedded) repository: a ВСОКО made with
 * {@code ./oko new --module school} for an illustrative school, its values found by the server's
 * cross-reference query, the self-assessment started, assessed and stored.
 */
class SelfAssessmentTest {

    private static QualitySystem system(CDOView view, String code) {
        return OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream()).filter(s -> code.equals(s.getCode()))
                .findFirst().orElseThrow(() -> new AssertionError("no system " + code));
    }

    @Test
    void aSchoolAssessesItselfBesideTheMunicipalitysValuesAndItIsStoredInItsVsoko() throws Exception {
        Path data = Files.createTempDirectory("oko-self-assessment");
        assertEquals(0, Oko.run(data, "import", "--sample").exit());
        Oko.Run created = Oko.run(data, "new", "--module", "school", "--name", "ВСОКО МБОУ СОШ № 1",
                "--school", "ИШМ-01");
        assertEquals(0, created.exit(), created.err());
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "school", line -> { })) {
            CDOTransaction transaction = repository.openTransaction();
            QualitySystem vsoko = system(transaction, "school-1");
            List<EObject> roots = OkoRepository.roots(transaction);
            Period period2023 = roots.stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getPeriods().stream()).filter(p -> "2023".equals(p.getCode()))
                    .findFirst().orElseThrow();
            // the municipality computes and stores the indicator values of 2023 (Monitoring ▸ Compute)
            QualitySystem municipal = MonitoringEngine.systemsWithRuns(roots, period2023).get(0);
            ResultWriter.storeValues(municipal, period2023, MonitoringEngine.compute(municipal, period2023));
            repository.commit(transaction, "расчёт 2023", new NullProgressMonitor());

            // the server finds exactly the school's values (what a walk over every run finds)
            List<ObservedValue> values = OkoRepository.valuesOf(vsoko.getOrganisation());
            int walked = 0;
            Set<String> monitored = new TreeSet<>();
            for (EObject root : roots) {
                for (var it = root.eAllContents(); it.hasNext();) {
                    if (it.next() instanceof ObservedValue value && value.getOrganisation() == vsoko.getOrganisation()) {
                        walked++;
                        ((Monitoring) value.eContainer().eContainer()).getIndicators().forEach(i -> monitored.add(i.getCode()));
                        if (value instanceof IndicatorValue computed) {
                            monitored.add(computed.getIndicator().getCode());
                        }
                    }
                }
            }
            assertTrue(walked > 0, "the sample observes ИШМ-01");
            assertEquals(walked, values.size());
            assertTrue(values.stream().allMatch(v -> v.getOrganisation() == vsoko.getOrganisation()));
            assertEquals(List.of("2023", "2022", "2021"),
                    SelfAssessment.periods(values).stream().map(Period::getCode).toList(), "latest first");

            // start 2023: one value per monitored indicator, none assessed yet
            MonitoringRun run = SelfAssessment.start(vsoko, period2023, values);
            Monitoring monitoring = (Monitoring) run.eContainer();
            assertSame(vsoko, monitoring.eContainer());
            assertEquals(SelfAssessment.CODE, monitoring.getCode());
            assertEquals("Самообследование", monitoring.getName());
            assertTrue(monitoring.getDocuments().get(0).getName().startsWith("Отчет о результатах самообследования"),
                    "documented by seed 003's report, copied with the template");
            assertEquals(oko.model.DocumentKind.SELF_ASSESSMENT_REPORT, monitoring.getDocuments().get(0).getKind(),
                    "found by its kind, not its name");
            List<String> codes = run.getValues().stream().map(v -> v.getIndicator().getCode()).toList();
            assertEquals(monitored, new TreeSet<>(codes));
            assertEquals(monitored.size(), codes.size(), "one value per indicator");
            assertTrue(codes.indexOf("1.2.10") > codes.indexOf("1.2.8") && codes.indexOf("1.2.8") > codes.indexOf("1.2.2.9"),
                    "in the order of their numbering: " + codes);
            assertTrue(run.getValues().stream().allMatch(v -> v.isNoValue() && "не оценено".equals(v.getNoValueReason())
                    && v.getOrganisation() == vsoko.getOrganisation()));
            assertSame(run, SelfAssessment.start(vsoko, period2023, values), "started once per period");

            // rows: the municipality's value of 2023 beside the school's
            List<SelfAssessment.Row> rows = SelfAssessment.rows(run, values);
            assertEquals(run.getValues().size(), rows.size());
            SelfAssessment.Row compared = rows.stream().filter(r -> r.municipal().isPresent()
                    && !r.municipal().get().isNoValue()).findFirst().orElseThrow(() -> new AssertionError(rows.toString()));
            IndicatorValue municipalValue = compared.municipal().get();
            double municipalNumber = municipalValue.getValue();
            assertEquals("2023", ((MonitoringRun) municipalValue.eContainer()).getPeriod().getCode());
            assertEquals(compared.indicator().getCode(), municipalValue.getIndicator().getCode());
            assertTrue(compared.difference().isEmpty(), "not assessed: no difference");
            compared.own().setValue(municipalNumber + 5);
            compared.own().setNoValue(false);
            compared.own().setComment("Проверено по журналам");
            assertEquals(5.0, SelfAssessment.rows(run, values).stream()
                    .filter(r -> r.indicator() == compared.indicator()).findFirst().orElseThrow().difference().orElseThrow(),
                    1e-9);
            repository.commit(transaction, "самообследование 2023", new NullProgressMonitor());
            // OKO-SCH-02: an assessment is explained; the one above is, a second one without a comment is not
            SelfAssessment.Row unexplained = SelfAssessment.rows(run, values).stream().filter(r -> !r.assessed())
                    .findFirst().orElseThrow();
            unexplained.own().setValue(1);
            unexplained.own().setNoValue(false);
            List<String> warnings = oko.core.validation.OkoValidation.validate(roots, null).stream()
                    .filter(p -> p.ruleId().equals("OKO-SCH-02")).map(p -> p.message()).toList();
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(unexplained.indicator().getCode())
                    && warnings.get(0).contains("Самообследование, 2023"), warnings.get(0));
            unexplained.own().setComment("По данным классных журналов");
            assertTrue(oko.core.validation.OkoValidation.validate(roots, null).stream()
                    .noneMatch(p -> p.ruleId().equals("OKO-SCH-02")));
            repository.commit(transaction, "самообследование: второй показатель", new NullProgressMonitor());

            // the municipality computing 2023 again neither reads nor overwrites the school's own values
            assertTrue(MonitoringEngine.runs(municipal, period2023).stream().noneMatch(r -> r == run));
            ResultWriter.storeValues(municipal, period2023, MonitoringEngine.compute(municipal, period2023));
            assertEquals(codes.size(), run.getValues().size());
            assertEquals(2, run.getValues().stream().filter(v -> !v.isNoValue()).count());
            assertEquals(municipalNumber + 5, compared.own().getValue(), 1e-9);
            assertSame(run, compared.own().eContainer());
            if (transaction.isDirty()) {
                repository.commit(transaction, "расчёт 2023 снова", new NullProgressMonitor());
            }
            var runId = ((CDOObject) run).cdoID();
            var schoolId = ((CDOObject) vsoko.getOrganisation()).cdoID();
            transaction.close();

            // stored: another view reads it back; the school's own values are now among its values
            CDOView view = repository.openView();
            MonitoringRun stored = (MonitoringRun) view.getObject(runId);
            assertEquals(List.of("Проверено по журналам", "По данным классных журналов"), stored.getValues().stream()
                    .filter(v -> !v.isNoValue()).map(IndicatorValue::getComment).sorted(java.util.Comparator.reverseOrder())
                    .toList());
            List<ObservedValue> after = OkoRepository.valuesOf((oko.model.Organisation) view.getObject(schoolId));
            assertEquals(walked + stored.getValues().size(), after.size());
            assertEquals(stored.getValues().size(), after.stream().filter(SelfAssessment::isSelfAssessment).count());
            // a second start finds the stored self-assessment, and its values do not count as monitored
            assertEquals(List.of("2023", "2022", "2021"),
                    SelfAssessment.periods(after).stream().map(Period::getCode).toList());
            view.close();
        }
    }

    @Test
    void aSelfAssessmentNeedsTheSchoolAndSomethingTheMunicipalityMonitorsOfIt() throws Exception {
        Path data = Files.createTempDirectory("oko-self-assessment-refused");
        assertEquals(0, Oko.run(data, "import", "--sample").exit());
        try (OkoRepository repository = OkoRepository.openEmbedded(data, "school", line -> { })) {
            CDOTransaction transaction = repository.openTransaction();
            QualitySystem vsoko = system(transaction, "vsoko-chel-sosh51");
            Period period = OkoRepository.roots(transaction).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getPeriods().stream()).findFirst().orElseThrow();
            // seed 003's school is in no monitoring of the sample
            List<ObservedValue> values = OkoRepository.valuesOf(vsoko.getOrganisation());
            assertEquals(List.of(), values);
            IllegalArgumentException nothing = assertThrows(IllegalArgumentException.class,
                    () -> SelfAssessment.start(vsoko, period, values));
            assertTrue(nothing.getMessage().contains("chel-sosh51"), nothing.getMessage());
            vsoko.setOrganisation(null);
            IllegalArgumentException noSchool = assertThrows(IllegalArgumentException.class,
                    () -> SelfAssessment.start(vsoko, period, values));
            assertTrue(noSchool.getMessage().contains("vsoko-chel-sosh51"), noSchool.getMessage());
            assertFalse(SelfAssessment.monitoring(vsoko).isPresent(), "nothing was added");
            transaction.rollback();
            transaction.close();
        }
    }
}
