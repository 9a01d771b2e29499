package oko.core.formula;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import oko.model.AddresseeKind;

/**
 * The values a recommendation rule's condition and template may name, by addressee. The
 * monitoring engine fills them; the validator (OKO-REC-01, OKO-REC-03) checks rules against them.
 */
public final class RuleValues {

    /** A placeholder in a template: {@code {name}}. */
    public static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)\\}");

    /** Named for every addressee (summary of all schools). */
    public static final Set<String> COMMON = Set.of("threshold", "count", "min", "max", "overall_median",
            "overall_mean");

    /** Named for a school in addition: its value and rank, its cluster's median and mean. */
    public static final Set<String> SCHOOL = Set.of("value", "previous", "change", "rank", "scaled", "median",
            "mean");

    /** Named for a management level in addition (over all schools). */
    public static final Set<String> LEVEL = Set.of("median", "mean");

    /** Named for a risk group in addition: the list's dynamics. */
    public static final Set<String> RISK_GROUP = Set.of("entered", "left");

    private RuleValues() {
    }

    /** Names a condition may use. */
    public static Set<String> names(AddresseeKind addressee) {
        Set<String> names = new HashSet<>(COMMON);
        names.addAll(switch (addressee) {
        case SCHOOL -> SCHOOL;
        case LEVEL -> LEVEL;
        case RISK_GROUP -> RISK_GROUP;
        });
        return names;
    }

    /** Placeholders a template may use: the names plus the texts. */
    public static Set<String> placeholders(AddresseeKind addressee) {
        Set<String> names = names(addressee);
        names.addAll(Set.of("indicator", "period"));
        names.addAll(switch (addressee) {
        case SCHOOL -> Set.of("school");
        case LEVEL -> Set.of();
        case RISK_GROUP -> Set.of("group", "schools");
        });
        return names;
    }
}
