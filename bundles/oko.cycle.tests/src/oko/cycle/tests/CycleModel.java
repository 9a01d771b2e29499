package oko.cycle.tests;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import oko.model.CycleStage;
import oko.model.DateDeadline;
import oko.model.Direction;
import oko.model.Document;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.Measure;
import oko.model.MeasureStatus;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Recommendation;
import oko.model.RecommendationStatus;
import oko.model.RiskList;
import oko.model.StageKind;

/**
 * A hand-built model whose direction 1.1 has a full management cycle for 2024, every check met:
 * <ul>
 * <li>periods 2024 and 2025 (2025's previous is 2024); schools s1 and s2;</li>
 * <li>six stages; in «Цели» goal g1 (no period: any) and g2 (2024), each linked to one indicator with a
 * target value and a date deadline; goal g3 for 2025 revising g2;</li>
 * <li>indicators i1 = {@code a / b * 100} and i2 = {@code c}, each with criteria, source, method, responsible;</li>
 * <li>monitoring m of the direction with run r for 2024: raw a, b, c for both schools, values of i1 and
 * i2 for both, one risk list;</li>
 * <li>recommendation rec (2024, addressed to s1, accepted); measure meas (2024, due 30.06.2024,
 * responsible, done with result document, based on rec, effectiveness assessed).</li>
 * </ul>
 * Tests break one thing and work out the score by hand. Today is 15.01.2025.
 */
final class CycleModel {

    static final OkoFactory F = OkoFactory.eINSTANCE;
    static final LocalDate TODAY = LocalDate.of(2025, 1, 15);

    final ModelRoot root = F.createModelRoot();
    final Period p2024 = period("2024", 2024);
    final Period p2025 = period("2025", 2025);
    final Organisation s1 = school("s1");
    final Organisation s2 = school("s2");
    final QualitySystem system = F.createQualitySystem();
    final Direction direction = F.createDirection();
    final Indicator i1 = indicator("i1", "a / b * 100");
    final Indicator i2 = indicator("i2", "c");
    final Goal g1;
    final Goal g2;
    final Goal g3;
    final Monitoring monitoring = F.createMonitoring();
    final MonitoringRun run = F.createMonitoringRun();
    final Recommendation rec;
    final Measure meas;
    final Document result = F.createDocument();

    CycleModel() {
        root.setName("test");
        p2025.setPrevious(p2024);
        root.getPeriods().add(p2024);
        root.getPeriods().add(p2025);
        root.getOrganisations().add(s1);
        root.getOrganisations().add(s2);
        system.setCode("sys");
        system.setName("Система");
        root.getQualitySystems().add(system);
        direction.setCode("1.1");
        direction.setName("Направление");
        system.getDirections().add(direction);
        for (StageKind kind : StageKind.VALUES) {
            CycleStage stage = F.createCycleStage();
            stage.setKind(kind);
            stage.setNumber(kind.ordinal() + 1);
            stage.setName(kind.getName());
            direction.getStages().add(stage);
        }
        system.getIndicators().add(i1);
        system.getIndicators().add(i2);
        g1 = goal("1", i1, null);
        g2 = goal("2", i2, p2024);
        g3 = goal("3", i2, p2025);
        g3.setRevises(g2);

        monitoring.setCode("m");
        monitoring.setName("Мониторинг");
        monitoring.setDirection(direction);
        monitoring.getIndicators().add(i1);
        monitoring.getIndicators().add(i2);
        system.getMonitorings().add(monitoring);
        run.setName("r");
        run.setPeriod(p2024);
        run.setDate(date(2024, 5, 1));
        monitoring.getRuns().add(run);
        for (Organisation school : new Organisation[] { s1, s2 }) {
            for (String code : new String[] { "a", "b", "c" }) {
                run.getRawValues().add(raw(school, code, 1));
            }
            run.getValues().add(value(school, i1, 100));
            run.getValues().add(value(school, i2, 1));
        }
        RiskList list = F.createRiskList();
        list.setName("ШНОР");
        list.getSchools().add(s2);
        run.getRiskLists().add(list);

        rec = recommendation("1");
        rec.getAddresseeSchools().add(s1);
        rec.setStatus(RecommendationStatus.ACCEPTED);

        result.setNumber("15");
        result.setName("Отчёт о выполнении");
        system.getDocuments().add(result);
        meas = measure("1", p2024);
        meas.setDeadline(dateDeadline(2024, 6, 30));
        meas.setResponsibleText("Отдел образования");
        meas.setStatus(MeasureStatus.DONE);
        meas.getResultDocuments().add(result);
        meas.getBasedOn().add(rec);
        meas.setEffectiveness("Доля школ с низкими результатами снизилась с 20 до 10 %");
    }

    CycleStage stage(StageKind kind) {
        return direction.getStages().stream().filter(s -> s.getKind() == kind).findFirst().orElseThrow();
    }

    Goal goal(String number, Indicator indicator, Period period) {
        Goal goal = F.createGoal();
        goal.setNumber(number);
        goal.setName("Цель " + number);
        if (indicator != null) {
            goal.getIndicators().add(indicator);
            goal.setTargetValue(50.0);
            goal.setDeadline(dateDeadline(2024, 12, 31));
        }
        goal.setPeriod(period);
        stage(StageKind.GOALS).getGoals().add(goal);
        return goal;
    }

    Indicator indicator(String code, String formula) {
        Indicator indicator = F.createIndicator();
        indicator.setCode(code);
        indicator.setName("Показатель " + code);
        indicator.setFormula(formula);
        indicator.setCriteria("критерий");
        indicator.setSources("ФИС ОКО");
        indicator.setCollectionMethod("выгрузка");
        indicator.setResponsibleText("оператор");
        indicator.setDirection(direction);
        return indicator;
    }

    Recommendation recommendation(String number) {
        Recommendation r = F.createRecommendation();
        r.setNumber(number);
        r.setName("Рекомендация " + number);
        r.setDirection(direction);
        r.setPeriod(p2024);
        system.getRecommendations().add(r);
        return r;
    }

    Measure measure(String number, Period period) {
        Measure m = F.createMeasure();
        m.setNumber(number);
        m.setName("Мера " + number);
        m.setDirection(direction);
        m.setPeriod(period);
        system.getMeasures().add(m);
        return m;
    }

    static RawValue raw(Organisation school, String code, double value) {
        RawValue raw = F.createRawValue();
        raw.setOrganisation(school);
        raw.setCode(code);
        raw.setValue(value);
        return raw;
    }

    static IndicatorValue value(Organisation school, Indicator indicator, double value) {
        IndicatorValue v = F.createIndicatorValue();
        v.setOrganisation(school);
        v.setIndicator(indicator);
        v.setValue(value);
        return v;
    }

    static DateDeadline dateDeadline(int year, int month, int day) {
        DateDeadline deadline = F.createDateDeadline();
        deadline.setDate(date(year, month, day));
        return deadline;
    }

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static Period period(String code, int year) {
        Period period = F.createPeriod();
        period.setCode(code);
        period.setName(code + " год");
        period.setStartDate(date(year, 1, 1));
        period.setEndDate(date(year, 12, 31));
        return period;
    }

    private static Organisation school(String code) {
        Organisation school = F.createOrganisation();
        school.setCode(code);
        school.setName("Школа " + code);
        school.setKind(OrganisationKind.SCHOOL);
        return school;
    }
}
