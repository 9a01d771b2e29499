package oko.monitoring;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import oko.model.DataElement;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.model.Territory;
import oko.model.ValueKind;
import oko.model.edit.ModelLabels;

/**
 * What a raw value may be: a value of its data element's kind (a count is a non-negative whole
 * number, a flag 0 or 1 (да/нет), a percentage 0–100, a correlation −1…1, any other a finite
 * number) for an organisation the quality system monitors (its schools, not the authority or
 * another territory's school).
 */
public final class ValueCheck {

    /** A decimal number with a point or a comma, optionally with an exponent; nothing else (no NaN, no hex). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)([eE][+-]?\\d{1,3})?");
    private static final Set<String> YES = Set.of("да", "true", "yes", "истина");
    private static final Set<String> NO = Set.of("нет", "false", "no", "ложь");
    private static final Set<OrganisationKind> SCHOOLS = Set.of(OrganisationKind.SCHOOL, OrganisationKind.PRESCHOOL,
            OrganisationKind.ADDITIONAL_EDUCATION);

    private ValueCheck() {
    }

    /** The text of a cell as a number, or null when it is not one (words for flags included). */
    public static Double parse(String text, DataElement element) {
        String compact = text.replace(" ", "").replace("\u00a0", "");
        if (element != null && element.getValueKind() == ValueKind.FLAG) {
            String word = compact.toLowerCase(Locale.ROOT);
            if (YES.contains(word)) {
                return 1.0;
            }
            if (NO.contains(word)) {
                return 0.0;
            }
        }
        if (!NUMBER.matcher(compact).matches()) {
            return null;
        }
        return Double.valueOf(compact.replace(',', '.'));
    }

    /** Why the value cannot be a value of the element (a sentence in the user's language), or null when it can. */
    public static String problem(DataElement element, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Messages.valueNotFinite;
        }
        ValueKind kind = element == null ? ValueKind.NUMBER : element.getValueKind();
        return switch (kind) {
        case COUNT -> value < 0 || value != Math.rint(value) ? Messages.valueNotCount : null;
        case FLAG -> value != 0 && value != 1 ? Messages.valueNotFlag : null;
        case PERCENT -> value < 0 || value > 100 ? Messages.valueNotPercent : null;
        case CORRELATION -> value < -1 || value > 1 ? Messages.valueNotCorrelation : null;
        default -> null;
        };
    }

    /**
     * The organisations whose values a system takes: schools (also preschool and additional
     * education) of its territory or under its organisation; the system's own organisation when
     * it is a school (a school's own system), or, when it is the authority, only for the measures
     * it already has values for (the municipality's own measures).
     */
    public static final class Organisations {

        private final QualitySystem system;
        private Set<String> ownMeasures;

        public Organisations(QualitySystem system) {
            this.system = system;
        }

        /** Why the organisation's value of the measure is not taken (a sentence), or null when it is. */
        public String problem(Organisation organisation, DataElement measure) {
            Organisation own = system.getOrganisation();
            if (organisation == own && own != null) {
                if (SCHOOLS.contains(own.getKind()) || ownMeasures().contains(measure.getCode())) {
                    return null;
                }
                return Messages.bind(Messages.orgIsAuthority, systemName());
            }
            if (!SCHOOLS.contains(organisation.getKind())) {
                return Messages.bind(Messages.orgNotSchool, ModelLabels.literal(organisation.getKind()), systemName());
            }
            if (system.getTerritory() == null && own == null) {
                return null;
            }
            if (system.getTerritory() != null && organisation.getTerritory() != null
                    && within(organisation.getTerritory(), system.getTerritory())) {
                return null;
            }
            int depth = 0;
            for (Organisation parent = organisation.getParent(); parent != null && own != null
                    && depth < 100; parent = parent.getParent(), depth++) {
                if (parent == own) {
                    return null;
                }
            }
            Territory territory = system.getTerritory();
            return Messages.bind(Messages.orgOtherTerritory, territory != null && territory.getName() != null
                    ? territory.getName() : systemName(), systemName());
        }

        private String systemName() {
            return system.getCode() != null ? system.getCode() : String.valueOf(system.getName());
        }

        private static boolean within(Territory territory, Territory area) {
            for (Object t = territory; t != null; t = ((org.eclipse.emf.ecore.EObject) t).eContainer()) {
                if (t == area) {
                    return true;
                }
                if (!(t instanceof Territory)) {
                    return false;
                }
            }
            return false;
        }

        /** Measures the system's organisation already has values for, in any period. */
        private Set<String> ownMeasures() {
            if (ownMeasures == null) {
                ownMeasures = new HashSet<>();
                for (Monitoring monitoring : MonitoringEngine.allMonitorings(system)) {
                    for (MonitoringRun run : monitoring.getRuns()) {
                        for (RawValue value : run.getRawValues()) {
                            if (value.getOrganisation() == system.getOrganisation()) {
                                String code = value.getCode() != null ? value.getCode()
                                        : value.getElement() != null ? value.getElement().getCode() : null;
                                if (code != null) {
                                    ownMeasures.add(code);
                                }
                            }
                        }
                    }
                }
            }
            return ownMeasures;
        }
    }
}
