package oko.school;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import oko.model.DocumentKind;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.ObservedValue;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.Periodicity;
import oko.model.QualitySystem;
import oko.model.RunStatus;

/**
 * A school's self-assessment (самообследование): the school assesses itself, period by period, on
 * the indicators the municipality monitors for it, and explains each assessment beside the
 * municipality's value. Seed 003 names its result, «Отчет о результатах самообследования по
 * результатам анализа мониторинга показателей».
 * <p>
 * It is stored in the school's ВСОКО, so a school administrator may change it: a monitoring of code
 * {@value #CODE} with one run per period, whose values are the school's own assessments
 * (organisation = the school; no value until assessed) with the school's comment.
 * <p>
 * The municipality's values of the school come from the caller (a repository reads only the
 * school's own values, see {@code OkoRepository.valuesOf}), so nothing here walks other schools' data.
 */
public final class SelfAssessment {

    /** Code of the self-assessment monitoring in a ВСОКО. */
    public static final String CODE = "self-assessment";
    /** The name of the monitoring and its runs: data of the model, Russian whatever the user's language. */
    public static final String NAME = "Самообследование";
    /** The no-value reason of an indicator the school has not assessed yet. */
    public static final String NOT_YET = "не оценено";

    /** One indicator of a self-assessment: the school's value and the municipality's, if any. */
    public record Row(Indicator indicator, IndicatorValue own, Optional<IndicatorValue> municipal) {

        /** The school's value minus the municipality's, when both have one. */
        public Optional<Double> difference() {
            return assessed() && municipal.isPresent() && !municipal.get().isNoValue()
                    ? Optional.of(own.getValue() - municipal.get().getValue())
                    : Optional.empty();
        }

        /** Whether the school has given its value. */
        public boolean assessed() {
            return !own.isNoValue();
        }
    }

    private SelfAssessment() {
    }

    /** The self-assessment monitoring of the system, if it has one. */
    public static Optional<Monitoring> monitoring(QualitySystem system) {
        return system.getMonitorings().stream().filter(m -> CODE.equals(m.getCode())).findFirst();
    }

    /** Whether the value is a school's self-assessment (not a value the municipality observed). */
    public static boolean isSelfAssessment(ObservedValue value) {
        return value.eContainer() instanceof MonitoringRun run && run.eContainer() instanceof Monitoring monitoring
                && CODE.equals(monitoring.getCode());
    }

    /** The self-assessment of the period in the system, if it was started. */
    public static Optional<MonitoringRun> run(QualitySystem system, Period period) {
        return monitoring(system).flatMap(m -> m.getRuns().stream().filter(r -> r.getPeriod() == period).findFirst());
    }

    /**
     * The periods in which the municipality observed the school, latest first: those a
     * self-assessment can be started for.
     */
    public static List<Period> periods(Collection<? extends ObservedValue> schoolValues) {
        Set<Period> periods = new LinkedHashSet<>();
        for (ObservedValue value : schoolValues) {
            if (!isSelfAssessment(value) && value.eContainer() instanceof MonitoringRun run && run.getPeriod() != null) {
                periods.add(run.getPeriod());
            }
        }
        List<Period> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing((Period p) -> p.getStartDate() == null ? new java.util.Date(0) : p.getStartDate())
                .thenComparing(p -> Objects.toString(p.getCode(), "")).reversed());
        return sorted;
    }

    /**
     * Starts the school's self-assessment of the period in its ВСОКО, or returns the one already
     * started: the monitoring is created the first time (documented by the ВСОКО's document of kind
     * {@link DocumentKind#SELF_ASSESSMENT_REPORT}, seed 003's report, where it has one), and the run gets one value, not yet assessed, per indicator the
     * municipality monitors for the school (see {@link #indicators}).
     *
     * @param schoolValues the values of the ВСОКО's school, wherever they are stored
     * @throws IllegalArgumentException when the ВСОКО names no school, or the municipality observed
     *         nothing of it (the message says which)
     */
    public static MonitoringRun start(QualitySystem system, Period period, Collection<? extends ObservedValue> schoolValues) {
        Organisation school = system.getOrganisation();
        if (school == null) {
            throw new IllegalArgumentException(Messages.bind(Messages.selfAssessmentNoSchool, system.getCode()));
        }
        Optional<MonitoringRun> existing = run(system, Objects.requireNonNull(period));
        if (existing.isPresent()) {
            return existing.get();
        }
        List<Indicator> indicators = indicators(school, schoolValues);
        if (indicators.isEmpty()) {
            throw new IllegalArgumentException(Messages.bind(Messages.selfAssessmentNoIndicators, school.getCode()));
        }
        Monitoring monitoring = monitoring(system).orElseGet(() -> {
            Monitoring created = OkoFactory.eINSTANCE.createMonitoring();
            created.setCode(CODE);
            created.setName(NAME);
            created.setPeriodicity(Periodicity.YEARLY);
            system.getDocuments().stream().filter(d -> d.getKind() == DocumentKind.SELF_ASSESSMENT_REPORT)
                    .findFirst().ifPresent(created.getDocuments()::add);
            system.getMonitorings().add(created);
            return created;
        });
        for (Indicator indicator : indicators) {
            if (!monitoring.getIndicators().contains(indicator)) {
                monitoring.getIndicators().add(indicator);
            }
        }
        MonitoringRun run = OkoFactory.eINSTANCE.createMonitoringRun();
        run.setName(NAME + ", " + (period.getName() != null ? period.getName() : period.getCode()));
        run.setPeriod(period);
        run.setStatus(RunStatus.COLLECTING);
        run.getDocuments().addAll(monitoring.getDocuments());
        for (Indicator indicator : indicators) {
            IndicatorValue value = OkoFactory.eINSTANCE.createIndicatorValue();
            value.setIndicator(indicator);
            value.setOrganisation(school);
            value.setNoValue(true);
            value.setNoValueReason(NOT_YET);
            run.getValues().add(value);
        }
        monitoring.getRuns().add(run);
        return run;
    }

    /**
     * The indicators the municipality monitors for the school, one per code, by code: those of the
     * monitorings in whose runs the school has values (raw data or computed indicator values).
     */
    static List<Indicator> indicators(Organisation school, Collection<? extends ObservedValue> schoolValues) {
        Set<Indicator> candidates = new LinkedHashSet<>();
        Set<Monitoring> monitorings = new LinkedHashSet<>();
        for (ObservedValue value : schoolValues) {
            if (value.getOrganisation() != school || isSelfAssessment(value)) {
                continue;
            }
            if (value instanceof IndicatorValue indicatorValue && indicatorValue.getIndicator() != null) {
                candidates.add(indicatorValue.getIndicator());
            }
            if (value.eContainer() instanceof MonitoringRun run && run.eContainer() instanceof Monitoring monitoring
                    && monitorings.add(monitoring)) {
                candidates.addAll(monitoring.getIndicators());
            }
        }
        List<Indicator> found = new ArrayList<>();
        Set<String> codes = new java.util.HashSet<>();
        for (Indicator indicator : candidates) {
            if (codes.add(Objects.toString(indicator.getCode(), ""))) {
                found.add(indicator);
            }
        }
        found.sort(Comparator.comparing(i -> Objects.toString(i.getCode(), ""), SelfAssessment::compareCodes));
        return found;
    }

    /** Orders indicator codes as their numbering reads: 1.2.2 before 1.2.10. */
    static int compareCodes(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            int order = a[i].matches("\\d{1,9}") && b[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(a[i]), Integer.parseInt(b[i]))
                    : a[i].compareTo(b[i]);
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.length, b.length);
    }

    /**
     * The rows of a self-assessment run: each of the school's values beside the municipality's value
     * of the same indicator (by code) for the school in the run's period.
     */
    public static List<Row> rows(MonitoringRun run, Collection<? extends ObservedValue> schoolValues) {
        List<Row> rows = new ArrayList<>();
        for (IndicatorValue own : run.getValues()) {
            Optional<IndicatorValue> municipal = schoolValues.stream()
                    .filter(v -> v instanceof IndicatorValue && v != own && !isSelfAssessment(v)
                            && v.getOrganisation() == own.getOrganisation()
                            && v.eContainer() instanceof MonitoringRun other && other.getPeriod() == run.getPeriod())
                    .map(IndicatorValue.class::cast)
                    .filter(v -> v.getIndicator() != null && own.getIndicator() != null
                            && Objects.equals(v.getIndicator().getCode(), own.getIndicator().getCode()))
                    .findFirst();
            rows.add(new Row(own.getIndicator(), own, municipal));
        }
        return rows;
    }
}
