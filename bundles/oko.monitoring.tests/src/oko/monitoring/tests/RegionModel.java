package oko.monitoring.tests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import oko.core.formula.Aggregations;
import oko.model.AggregationKind;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.ValueKind;

/**
 * A small region for the tests (the test model, kept apart from the tests that use it): a
 * regional system (РСОКО) run by the regional ministry, over three municipal systems A, B and C,
 * each run by its education authority, with schools and the raw values of 2023. The indicators are
 * those of seed 002's direction 1.2, the values invented so the results can be worked out by hand:
 *
 * <pre>
 * municipality A, 5 schools   diagnostics_done / recommendations_issued → 1.2.5.1   ЕГЭ high / graduates → 1.2.1.1
 *   A1                        1 / 1 → yes                                         10 / 50 → 20 %
 *   A2                        1 / 1 → yes                                          5 / 50 → 10 %
 *   A3                        1 / 1 → yes                                         30 / 50 → 60 %
 *   A4                        1 / 0 → no                                           8 / 40 → 20 %
 *   A5                        no value / 1 → no value                              3 / 0  → no value (share of 0)
 *   UO-A (the authority)      oms_npa / roadmap / activity = 1 / 1 / 1 → 1.2.3 yes
 * municipality B, 2 schools   B1 yes, B2 yes                                       B1 20 / 40 → 50 %, B2 10 / 40 → 25 %
 *   UO-B                      1 / 0 / 1 → 1.2.3 no
 * municipality C, 3 schools   C1 yes, C2 no (0 / 0), C3 no (0 / 1)                  C1 5 / 20 → 25 %, C2 2 / 20 → 10 %, C3 4 / 20 → 20 %
 *   UO-C                      1 / 1 / 1 → 1.2.3 yes
 * </pre>
 *
 * Each municipal system has 1.2.5.1 (per school, a flag), 1.2.5 «Доля школ ШНОР и ШНУС, в которых
 * проведена диагностика…» = share of its schools meeting 1.2.5.1, 1.2.1.1 (per school), its mean
 * {@code 1.2.1.1-mean} and median {@code 1.2.1.1-median}, and 1.2.3 (the authority's flag). The
 * region has Р-1.2.3 «Доля ОМС, разработавших и реализующих программы поддержки ШНОР и ШНСУ» = share
 * of the municipalities meeting 1.2.3, and Р-1.2.5 = the mean of the municipalities' 1.2.5.
 */
final class RegionModel {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    final ModelRoot root = F.createModelRoot();
    final Period y2023 = F.createPeriod();
    final Organisation ministry = organisation("МИН", "Министерство образования и науки (региональный оператор)",
            OrganisationKind.AUTHORITY, null);
    final QualitySystem region;
    final Map<String, QualitySystem> municipalities = new LinkedHashMap<>();
    final Map<String, Organisation> organisations = new LinkedHashMap<>();

    RegionModel() {
        root.setName("Регион (тестовая модель)");
        y2023.setCode("2023");
        y2023.setName("2023 год");
        root.getPeriods().add(y2023);
        QualitySystem a = municipality("A");
        QualitySystem b = municipality("B");
        QualitySystem c = municipality("C");
        // A: 1.2.5.1 yes, yes, yes, no, no value (diagnostics_done not known) → 3 of 4 = 75 %
        schools(a, new Object[][] { { "A1", 1, 1, 10, 50 }, { "A2", 1, 1, 5, 50 }, { "A3", 1, 1, 30, 50 },
                { "A4", 1, 0, 8, 40 }, { "A5", null, 1, 3, 0 } });
        authority(a, 1, 1, 1);
        schools(b, new Object[][] { { "B1", 1, 1, 20, 40 }, { "B2", 1, 1, 10, 40 } });
        authority(b, 1, 0, 1);
        schools(c, new Object[][] { { "C1", 1, 1, 5, 20 }, { "C2", 0, 0, 2, 20 }, { "C3", 0, 1, 4, 20 } });
        authority(c, 1, 1, 1);
        region = Aggregations.createRegion(root, "region-rsoko", "РСОКО (тестовая модель)", ministry, List.of(a, b, c));
        Indicator share = Aggregations.create(region, "Р-1.2.3",
                "Доля ОМС, разработавших и реализующих программы поддержки ШНОР и ШНСУ",
                AggregationKind.SHARE_MEETING_THRESHOLD, "1.2.3", Aggregations.indicator(a, "1.2.3"));
        Indicator mean = Aggregations.create(region, "Р-1.2.5",
                "Среднее по муниципалитетам: доля школ ШНОР и ШНУС, в которых проведена диагностика",
                AggregationKind.MEAN, "1.2.5", Aggregations.indicator(a, "1.2.5"));
        responsible(share);
        responsible(mean);
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("Р-М5");
        monitoring.setName("Мониторинг сайтов ОМС (региональный)");
        monitoring.getIndicators().add(share);
        monitoring.getIndicators().add(mean);
        region.getMonitorings().add(monitoring); // no run: computing creates the one of the period
    }

    /** A fourth municipal system under the region with no data for 2023. */
    QualitySystem municipalityWithoutData() {
        QualitySystem d = municipality("D");
        d.setParentSystem(region);
        return d;
    }

    private QualitySystem municipality(String letter) {
        Organisation authority = organisation("UO-" + letter, "Управление образования " + letter,
                OrganisationKind.AUTHORITY, null);
        QualitySystem system = F.createQualitySystem();
        system.setCode("msoko-" + letter);
        system.setName("МСОКО " + letter);
        system.setLevel(Level.MUNICIPALITY);
        system.setOrganisation(authority);
        root.getQualitySystems().add(system);
        Indicator flag = indicator(system, "1.2.5.1",
                "в школе проведена диагностика обучающихся с трудностями в учебной деятельности и выданы адресные рекомендации",
                "diagnostics_done and recommendations_issued", ValueKind.FLAG);
        Indicator share = Aggregations.create(system, "1.2.5",
                "Доля школ ШНОР и ШНУС, в которых проведена диагностика обучающихся с трудностями в учебной деятельности"
                        + " для определения причин неспешности и выданы адресные рекомендации",
                AggregationKind.SHARE_MEETING_THRESHOLD, "1.2.5.1", flag);
        Indicator ege = indicator(system, "1.2.1.1", "доля (%) высокобальников ЕГЭ",
                "share(ege_high_scorers, ege_graduates)", ValueKind.PERCENT);
        Indicator mean = Aggregations.create(system, "1.2.1.1-mean", "доля (%) высокобальников ЕГЭ: среднее по школам",
                AggregationKind.MEAN, "1.2.1.1", ege);
        Indicator median = Aggregations.create(system, "1.2.1.1-median", "доля (%) высокобальников ЕГЭ: медиана по школам",
                AggregationKind.MEDIAN, "1.2.1.1", ege);
        Indicator oms = indicator(system, "1.2.3",
                "Доля ОМС, разработавших и реализующих программы поддержки ШНОР и ШНСУ",
                "oms_npa_published and oms_roadmap_published and oms_activity_info_published", ValueKind.FLAG);
        for (Indicator indicator : List.of(share, mean, median)) {
            responsible(indicator);
        }
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("1.2-М1");
        monitoring.setName("Мониторинг направления 1.2, " + letter);
        monitoring.getIndicators().addAll(List.of(flag, share, ege, mean, median, oms));
        system.getMonitorings().add(monitoring);
        municipalities.put(letter, system);
        return system;
    }

    private static Indicator indicator(QualitySystem system, String code, String name, String formula, ValueKind kind) {
        Indicator indicator = F.createIndicator();
        indicator.setCode(code);
        indicator.setName(name);
        indicator.setFormula(formula);
        indicator.setValueKind(kind);
        responsible(indicator);
        system.getIndicators().add(indicator);
        return indicator;
    }

    private static void responsible(Indicator indicator) {
        indicator.setSources("региональная информационная система «Образование»");
        indicator.setResponsibleText("региональный оператор");
    }

    private Organisation organisation(String code, String name, OrganisationKind kind, Organisation parent) {
        Organisation organisation = F.createOrganisation();
        organisation.setCode(code);
        organisation.setName(name);
        organisation.setKind(kind);
        organisation.setParent(parent);
        root.getOrganisations().add(organisation);
        if (organisations != null) {
            organisations.put(code, organisation);
        }
        return organisation;
    }

    /** Rows: code, diagnostics_done (null: no value), recommendations_issued, ege_high_scorers, ege_graduates. */
    private void schools(QualitySystem system, Object[][] rows) {
        MonitoringRun run = run(system);
        for (Object[] row : rows) {
            Organisation school = organisation((String) row[0], "Школа " + row[0], OrganisationKind.SCHOOL,
                    system.getOrganisation());
            run.getRawValues().add(raw(school, "diagnostics_done", (Integer) row[1]));
            run.getRawValues().add(raw(school, "recommendations_issued", (Integer) row[2]));
            run.getRawValues().add(raw(school, "ege_high_scorers", (Integer) row[3]));
            run.getRawValues().add(raw(school, "ege_graduates", (Integer) row[4]));
        }
    }

    private void authority(QualitySystem system, int npa, int roadmap, int activity) {
        MonitoringRun run = run(system);
        Organisation authority = system.getOrganisation();
        run.getRawValues().add(raw(authority, "oms_npa_published", npa));
        run.getRawValues().add(raw(authority, "oms_roadmap_published", roadmap));
        run.getRawValues().add(raw(authority, "oms_activity_info_published", activity));
    }

    private MonitoringRun run(QualitySystem system) {
        Monitoring monitoring = system.getMonitorings().get(0);
        for (MonitoringRun run : monitoring.getRuns()) {
            if (run.getPeriod() == y2023) {
                return run;
            }
        }
        MonitoringRun run = F.createMonitoringRun();
        run.setPeriod(y2023);
        run.setName(monitoring.getName() + ", 2023");
        monitoring.getRuns().add(run);
        return run;
    }

    private static RawValue raw(Organisation organisation, String code, Integer value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(organisation);
        raw.setCode(code);
        if (value == null) {
            raw.setNoValue(true);
            raw.setNoValueReason("не представлено");
        } else {
            raw.setValue(value);
        }
        return raw;
    }

    Organisation organisation(String code) {
        return organisations.get(code);
    }
}
