package oko.repository.security;

import java.util.Locale;
import java.util.Optional;

/** What a user may do with the model; enforced by the repository server ({@link AccessRules}). */
public enum Role {
    /** Everything, including the users. */
    ADMINISTRATOR,
    /** The municipality's methodologist: changes every quality system; not the users. */
    METHODOLOGIST,
    /** Bound to one school: changes only that school's data and reads only that school's values. */
    SCHOOL_ADMINISTRATOR,
    /** Reads the model, changes nothing in it (manages report layouts outside the repository). */
    REPORT_DESIGNER;

    /** The name on the command line: administrator, methodologist, school-administrator, report-designer. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Role> ofCliName(String name) {
        for (Role role : values()) {
            if (role.cliName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
