package oko.core.formula;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;

import oko.core.internal.Messages;
import oko.model.AggregationKind;
import oko.model.Indicator;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.ValueKind;

/**
 * What an aggregated indicator ({@link Indicator#getAggregation()} other than
 * {@link AggregationKind#NONE}) is computed from, one answer for the engine, the validation and
 * the tools that build models (the region benchmark's generator among them).
 * <p>
 * The level below of a <b>municipal</b> (or school) system is its own indicator of the code
 * {@link Indicator#getAggregatedCode()}, whose values are per school; the level below of a
 * <b>regional</b> system ({@link Level#REGION}) is the municipal systems that name it as their
 * {@link QualitySystem#getParentSystem() parent system}, each contributing the value of its own
 * indicator of that code for its organisation (every municipal system has its own copy of the
 * indicators from the module's template, hence a code and not a reference). A unit without a
 * value is left out and counted in the coverage, never taken as 0.
 */
public final class Aggregations {

    private Aggregations() {
    }

    /** Whether the indicator is computed from the level below rather than by its own formula. */
    public static boolean aggregated(Indicator indicator) {
        return indicator.getAggregation() != null && indicator.getAggregation() != AggregationKind.NONE;
    }

    /** Whether the kind counts units meeting the aggregated indicator's threshold. */
    public static boolean usesThreshold(AggregationKind kind) {
        return kind == AggregationKind.SHARE_MEETING_THRESHOLD || kind == AggregationKind.COUNT_MEETING_THRESHOLD;
    }

    /** The quality system containing the object, or null. */
    public static QualitySystem systemOf(EObject object) {
        for (EObject c = object; c != null; c = c.eContainer()) {
            if (c instanceof QualitySystem system) {
                return system;
            }
        }
        return null;
    }

    /**
     * The municipal systems below a regional one: the systems of level
     * {@link Level#MUNICIPALITY} of every model in its resource set (the repository's) that name it
     * as their parent system, in repository order. Empty for a system of another level.
     */
    public static List<QualitySystem> systemsBelow(QualitySystem region) {
        List<QualitySystem> below = new ArrayList<>();
        if (region.getLevel() != Level.REGION) {
            return below;
        }
        for (QualitySystem system : allSystems(region)) {
            if (system != region && system.getLevel() == Level.MUNICIPALITY && system.getParentSystem() == region) {
                below.add(system);
            }
        }
        return below;
    }

    /** Every quality system of the models of the system's resource set (its own model when it has none). */
    private static Set<QualitySystem> allSystems(QualitySystem system) {
        Set<QualitySystem> systems = new LinkedHashSet<>();
        Resource resource = system.eResource();
        if (resource != null && resource.getResourceSet() != null) {
            for (Resource r : List.copyOf(resource.getResourceSet().getResources())) {
                addSystems(r.getContents(), systems);
            }
        } else if (resource != null) {
            addSystems(resource.getContents(), systems);
        } else if (system.eContainer() instanceof ModelRoot root) {
            systems.addAll(root.getQualitySystems());
        }
        return systems;
    }

    private static void addSystems(List<EObject> contents, Set<QualitySystem> into) {
        for (EObject root : contents) {
            if (root instanceof ModelRoot model) {
                into.addAll(model.getQualitySystems());
            }
        }
    }

    /** The system's indicator of that code, sub-indicators included, or null. */
    public static Indicator indicator(QualitySystem system, String code) {
        if (system == null || code == null) {
            return null;
        }
        return find(system.getIndicators(), code.strip());
    }

    private static Indicator find(List<Indicator> indicators, String code) {
        for (Indicator indicator : indicators) {
            if (code.equals(indicator.getCode())) {
                return indicator;
            }
            Indicator sub = find(indicator.getSubIndicators(), code);
            if (sub != null) {
                return sub;
            }
        }
        return null;
    }

    /**
     * An indicator of the level below that the aggregated indicator aggregates: in a municipal
     * system its own indicator of the code; in a regional one, that of the first municipal system
     * below that has it (they are copies of one template). Null when none is found.
     */
    public static Indicator indicatorBelow(Indicator aggregated) {
        QualitySystem system = systemOf(aggregated);
        String code = aggregated.getAggregatedCode();
        if (system == null || code == null || code.isBlank()) {
            return null;
        }
        if (system.getLevel() == Level.REGION) {
            for (QualitySystem below : systemsBelow(system)) {
                Indicator indicator = indicator(below, code);
                if (indicator != null) {
                    return indicator;
                }
            }
            return null;
        }
        return indicator(system, code);
    }

    /**
     * Whether a value of the indicator below meets its threshold in its direction: at or above it
     * when higher is better, at or below it otherwise. A flag without a threshold is met when it is
     * yes (≠ 0), whichever direction is better: «доля ОМС, разработавших…» counts the yes answers.
     * Null when it cannot be said: no threshold on an indicator that is not a flag.
     */
    public static Boolean meets(Indicator below, double value) {
        Double threshold = below.getThreshold();
        if (threshold == null) {
            return below.getValueKind() == ValueKind.FLAG ? value != 0 : null;
        }
        return below.isHigherIsBetter() ? value >= threshold : value <= threshold;
    }

    /** Whether {@link #meets} can decide for the indicator below. */
    public static boolean canDecide(Indicator below) {
        return below.getThreshold() != null || below.getValueKind() == ValueKind.FLAG;
    }

    /**
     * Creates an aggregated indicator in the system (appended to its indicators): the region's
     * «Доля ОМС, …» over the municipalities' indicator {@code belowCode}, or a municipality's share
     * of schools. Its value kind, unit and direction follow from the kind and the indicator below
     * when it is known ({@code below}, may be null): a share is a percentage, a count a count, the
     * others keep the kind of the values below. The calculation criteria are written out in words
     * (so OKO-IND-01 is satisfied and a reader sees how it is computed); the caller still names the
     * source and the one responsible (OKO-IND-02, OKO-IND-03).
     */
    public static Indicator create(QualitySystem system, String code, String name, AggregationKind kind,
            String belowCode, Indicator below) {
        if (kind == null || kind == AggregationKind.NONE) {
            throw new IllegalArgumentException("not an aggregation: " + kind);
        }
        Indicator indicator = OkoFactory.eINSTANCE.createIndicator();
        indicator.setCode(code);
        indicator.setName(name);
        indicator.setAggregation(kind);
        indicator.setAggregatedCode(belowCode);
        switch (kind) {
        case SHARE_MEETING_THRESHOLD -> {
            indicator.setValueKind(ValueKind.PERCENT);
            indicator.setUnit("%");
            // meeting a threshold is good; a flag's yes is good only when the flag says so
            indicator.setHigherIsBetter(below == null || below.getThreshold() != null || below.isHigherIsBetter());
        }
        case COUNT_MEETING_THRESHOLD -> {
            indicator.setValueKind(ValueKind.COUNT);
            indicator.setHigherIsBetter(below == null || below.getThreshold() != null || below.isHigherIsBetter());
        }
        default -> {
            if (below != null) {
                indicator.setValueKind(below.getValueKind() == ValueKind.FLAG && kind != AggregationKind.MIN
                        && kind != AggregationKind.MAX ? ValueKind.NUMBER : below.getValueKind());
                indicator.setUnit(below.getUnit());
                indicator.setHigherIsBetter(below.isHigherIsBetter());
            }
        }
        }
        indicator.setCriteria(criteria(kind, belowCode, system.getLevel()));
        system.getIndicators().add(indicator);
        return indicator;
    }

    /** The calculation criteria of an aggregation in words, in the current language. */
    public static String criteria(AggregationKind kind, String belowCode, Level level) {
        String units = level == Level.REGION ? Messages.aggregationUnitsMunicipalities : Messages.aggregationUnitsSchools;
        String template = switch (kind) {
        case MEAN -> Messages.aggregationMean;
        case MEDIAN -> Messages.aggregationMedian;
        case SUM -> Messages.aggregationSum;
        case MIN -> Messages.aggregationMin;
        case MAX -> Messages.aggregationMax;
        case SHARE_MEETING_THRESHOLD -> Messages.aggregationShare;
        case COUNT_MEETING_THRESHOLD -> Messages.aggregationCount;
        default -> throw new IllegalArgumentException("not an aggregation: " + kind);
        };
        return Messages.bind(template, belowCode, units) + " " + Messages.aggregationMissing;
    }

    /**
     * Creates a regional quality system (РСОКО) in the model, run by {@code operator} (the regional
     * education authority, whose organisation the region's values are stored for), and makes the
     * given municipal systems name it as their parent system.
     */
    public static QualitySystem createRegion(ModelRoot root, String code, String name, oko.model.Organisation operator,
            List<QualitySystem> municipalities) {
        QualitySystem region = OkoFactory.eINSTANCE.createQualitySystem();
        region.setCode(code);
        region.setName(name);
        region.setLevel(Level.REGION);
        region.setOrganisation(operator);
        if (operator != null) {
            region.setTerritory(operator.getTerritory());
        }
        root.getQualitySystems().add(region);
        for (QualitySystem municipality : municipalities) {
            municipality.setParentSystem(region);
        }
        return region;
    }
}
