package oko.exchange.registers;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import oko.exchange.internal.Cells;
import oko.model.OrganisationKind;

/**
 * The kinds of organisation as a register writes them: the Russian name the workbench shows (which
 * the export writes), its abbreviations and everyday words (ОО, школа, МОУО, ИМЦ, ДОО, УДО…), the
 * English name and the literal (SCHOOL…), all compared by {@link Cells#key}. These are words of the
 * file format, the same in every language of the user interface.
 */
final class Kinds {

    private static final Map<OrganisationKind, List<String>> NAMES = new LinkedHashMap<>();
    private static final Map<String, OrganisationKind> BY_KEY = new HashMap<>();

    static {
        NAMES.put(OrganisationKind.AUTHORITY, List.of("Орган управления образованием", "МОУО",
                "орган управления", "ОУО", "УО", "управление образования", "отдел образования", "Education authority", "authority"));
        NAMES.put(OrganisationKind.ADMINISTRATION, List.of("Администрация муниципального образования", "администрация",
                "Municipal administration", "administration"));
        NAMES.put(OrganisationKind.SCHOOL, List.of("Общеобразовательная организация", "ОО", "школа",
                "общеобразовательное учреждение", "School"));
        NAMES.put(OrganisationKind.METHODICAL_SERVICE, List.of("Методическая служба", "ИМЦ", "методический центр",
                "ММС", "Methodical service"));
        NAMES.put(OrganisationKind.ACCOUNTING_SERVICE, List.of("Централизованная бухгалтерия", "ЦБ", "бухгалтерия",
                "Centralised accounting service", "accounting service"));
        NAMES.put(OrganisationKind.REGIONAL_OPERATOR, List.of("Региональный оператор", "РЦОКО",
                "центр оценки качества", "региональный центр оценки качества образования", "Regional operator"));
        NAMES.put(OrganisationKind.PROFESSIONAL_DEVELOPMENT, List.of(
                "Организация дополнительного профессионального образования", "ДПО", "организация ДПО", "ИРО",
                "институт развития образования", "Professional development institution", "professional development"));
        NAMES.put(OrganisationKind.PRESCHOOL, List.of("Дошкольная образовательная организация", "ДОО", "ДОУ",
                "детский сад", "Preschool"));
        NAMES.put(OrganisationKind.ADDITIONAL_EDUCATION, List.of("Организация дополнительного образования", "УДО",
                "ОДО", "дополнительное образование", "Additional education organisation", "additional education"));
        NAMES.put(OrganisationKind.OTHER, List.of("Иное", "другое", "прочее", "Other"));
        NAMES.forEach((kind, names) -> {
            names.forEach(name -> BY_KEY.putIfAbsent(Cells.key(name), kind));
            BY_KEY.putIfAbsent(Cells.key(kind.getLiteral().replace('_', ' ')), kind);
            BY_KEY.putIfAbsent(kind.getLiteral().toLowerCase(Locale.ROOT), kind);
        });
    }

    private Kinds() {
    }

    /** The kind a cell names, null when none. */
    static OrganisationKind of(String text) {
        OrganisationKind kind = BY_KEY.get(Cells.key(text));
        return kind != null ? kind : BY_KEY.get(text.strip().toLowerCase(Locale.ROOT));
    }

    /** The name the export writes (Russian). */
    static String name(OrganisationKind kind) {
        return NAMES.get(kind).get(0);
    }

    /** The names a cell may give, for a message: the Russian names and their first abbreviation. */
    static String known() {
        StringBuilder text = new StringBuilder();
        NAMES.forEach((kind, names) -> {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(names.get(0));
            if (names.size() > 1 && names.get(1).length() <= 5) {
                text.append(" (").append(names.get(1)).append(')');
            }
        });
        return text.toString();
    }
}
