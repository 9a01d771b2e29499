package oko.cycle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.core.formula.Aggregations;
import oko.core.formula.Expression;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.model.Indicator;
import oko.model.IndicatorValue;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.ObservedValue;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Territory;

/**
 * How completely a monitoring run holds its raw data: the schools monitored (those with any value
 * in the run other than one aggregated from the level below, which is the municipality's or the
 * region's own; the organisations of those aggregated values when the run holds nothing else; or
 * the schools of the system's territory when the run holds none), the raw data codes
 * required (those the formulas of the monitoring's indicators name, or every raw code present in the
 * run when no formula names one), and the schools that have a value (not marked «no value») for
 * every required code.
 */
public record Coverage(MonitoringRun run, List<String> codes, List<Organisation> monitored, List<Organisation> complete) {

    /** The percentage of monitored schools with complete data, rounded (100 when no school is monitored). */
    public int percent() {
        return monitored.isEmpty() ? 100 : (int) Math.round(100.0 * complete.size() / monitored.size());
    }

    /** The fraction of monitored schools with complete data, 0…1 (0 when no school is monitored). */
    public double fraction() {
        return monitored.isEmpty() ? 0 : (double) complete.size() / monitored.size();
    }

    /** The monitored schools lacking some raw value. */
    public List<Organisation> missing() {
        return monitored.stream().filter(o -> !complete.contains(o)).toList();
    }

    /** The coverage of {@code run}. */
    public static Coverage of(MonitoringRun run) {
        Monitoring monitoring = run.eContainer() instanceof Monitoring m ? m : null;
        QualitySystem system = monitoring != null && monitoring.eContainer() instanceof QualitySystem s ? s : null;
        List<Indicator> indicators = new ArrayList<>();
        if (monitoring != null) {
            indicators.addAll(monitoring.getIndicators());
            if (indicators.isEmpty() && monitoring.getDirection() != null) {
                indicators.addAll(new Scope(monitoring.getDirection(), null, null).indicators());
            }
        }
        Set<String> codes = new LinkedHashSet<>();
        Set<Indicator> visited = new LinkedHashSet<>();
        for (Indicator indicator : indicators) {
            requiredCodes(indicator, system, codes, visited);
        }
        if (codes.isEmpty()) {
            for (RawValue raw : run.getRawValues()) {
                String code = code(raw);
                if (code != null) {
                    codes.add(code);
                }
            }
        }
        Set<Organisation> monitored = new LinkedHashSet<>();
        for (ObservedValue value : run.getRawValues()) {
            add(monitored, value.getOrganisation());
        }
        for (IndicatorValue value : run.getValues()) {
            if (value.getIndicator() == null || !Aggregations.aggregated(value.getIndicator())) {
                add(monitored, value.getOrganisation());
            }
        }
        if (monitored.isEmpty()) {
            // a run holding only values aggregated from the level below (a region's): the
            // organisations they are for; the municipalities' own runs hold their schools' data
            for (IndicatorValue value : run.getValues()) {
                add(monitored, value.getOrganisation());
            }
        }
        if (monitored.isEmpty()) {
            monitored.addAll(schools(system));
        }
        List<Organisation> complete = new ArrayList<>();
        for (Organisation school : monitored) {
            if (codes.isEmpty() ? hasAnyValue(run, school) : hasAll(run, school, codes)) {
                complete.add(school);
            }
        }
        return new Coverage(run, List.copyOf(codes), List.copyOf(monitored), List.copyOf(complete));
    }

    private static void add(Set<Organisation> into, Organisation organisation) {
        if (organisation != null) {
            into.add(organisation);
        }
    }

    private static boolean hasAll(MonitoringRun run, Organisation school, Set<String> codes) {
        Set<String> present = new LinkedHashSet<>();
        for (RawValue raw : run.getRawValues()) {
            if (raw.getOrganisation() == school && !raw.isNoValue() && code(raw) != null) {
                present.add(code(raw));
            }
        }
        return present.containsAll(codes);
    }

    private static boolean hasAnyValue(MonitoringRun run, Organisation school) {
        return run.getValues().stream().anyMatch(v -> v.getOrganisation() == school && !v.isNoValue());
    }

    static String code(RawValue raw) {
        String code = raw.getCode();
        if ((code == null || code.isBlank()) && raw.getElement() != null) {
            code = raw.getElement().getCode();
        }
        return code == null || code.isBlank() ? null : code.strip();
    }

    /** The raw codes an indicator's formula needs, through the indicators it refers to. */
    private static void requiredCodes(Indicator indicator, QualitySystem system, Set<String> codes, Set<Indicator> visited) {
        if (indicator == null || !visited.add(indicator) || indicator.getFormula() == null || indicator.getFormula().isBlank()) {
            return;
        }
        try {
            references(FormulaParser.parse(indicator.getFormula()), system, codes, visited);
        } catch (FormulaException e) {
            // a formula that does not parse names no data; OKO-EV-2.4 reports it
        }
    }

    private static void references(Expression expression, QualitySystem system, Set<String> codes, Set<Indicator> visited) {
        switch (expression) {
        case Expression.Reference reference -> {
            if (reference.indicator()) {
                requiredCodes(indicator(system, reference.name()), system, codes, visited);
            } else {
                codes.add(reference.name());
            }
        }
        case Expression.Unary unary -> references(unary.operand(), system, codes, visited);
        case Expression.Binary binary -> {
            references(binary.left(), system, codes, visited);
            references(binary.right(), system, codes, visited);
        }
        case Expression.Call call -> call.arguments().forEach(a -> references(a, system, codes, visited));
        default -> {
            // numbers and flags name no data
        }
        }
    }

    private static Indicator indicator(QualitySystem system, String code) {
        for (QualitySystem s : Scope.systems(system)) {
            for (var it = s.eAllContents(); it.hasNext();) {
                EObject next = it.next();
                if (next instanceof Indicator indicator && code.equals(indicator.getCode())) {
                    return indicator;
                }
            }
        }
        return null;
    }

    /** The schools of the system's territory (every school of the model when the system names no territory). */
    static List<Organisation> schools(QualitySystem system) {
        if (system == null || !(EcoreUtil.getRootContainer(system) instanceof ModelRoot root)) {
            return List.of();
        }
        Territory territory = system.getTerritory();
        return root.getOrganisations().stream().filter(o -> o.getKind() == OrganisationKind.SCHOOL)
                .filter(o -> territory == null || o.getTerritory() != null && EcoreUtil.isAncestor(territory, o.getTerritory()))
                .toList();
    }
}
