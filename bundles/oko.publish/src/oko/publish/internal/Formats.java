package oko.publish.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;

import oko.model.Activity;
import oko.model.Deadline;
import oko.model.Organisation;
import oko.model.Person;
import oko.model.Role;
import oko.model.edit.ModelLabels;

/** Texts of the site: dates, numbers and names in Russian, the same on every run. */
public final class Formats {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private Formats() {
    }

    /** {@code dd.MM.yyyy} (in the zone the model's dates were read in), or null. */
    public static String date(Date date) {
        if (date == null) {
            return null;
        }
        SimpleDateFormat format = new SimpleDateFormat("dd.MM.yyyy", RU);
        return format.format(date);
    }

    /** A number with up to two decimals and a decimal comma: «12,5». */
    public static String number(double value) {
        DecimalFormat format = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(RU));
        String text = format.format(value);
        return "-0".equals(text) ? "0" : text;
    }

    /** A share 0…1 as a percentage: «42,9 %». */
    public static String percent(double share) {
        DecimalFormat format = new DecimalFormat("0.#", DecimalFormatSymbols.getInstance(RU));
        return format.format(share * 100) + "\u00a0%";
    }

    /** A file size: «12,3 КБ». */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + "\u00a0" + Messages.unitBytes;
        }
        if (bytes < 1024 * 1024) {
            return number(Math.round(bytes / 102.4) / 10.0) + "\u00a0" + Messages.unitKilobytes;
        }
        return number(Math.round(bytes / 104857.6) / 10.0) + "\u00a0" + Messages.unitMegabytes;
    }

    /** A person's full name. */
    public static String person(Person person) {
        if (person.getName() != null && !person.getName().isBlank()) {
            return person.getName().strip();
        }
        return String.join(" ", List.of(nonNull(person.getLastName()), nonNull(person.getFirstName()),
                nonNull(person.getMiddleName()))).replaceAll("\\s+", " ").strip();
    }

    /** An organisation's short name, else its name. */
    public static String organisation(Organisation organisation) {
        return organisation.getShortName() != null && !organisation.getShortName().isBlank()
                ? organisation.getShortName().strip()
                : nonNull(organisation.getName()).strip();
    }

    /** Code or number and full name of a model object. */
    public static String name(EObject object) {
        if (object == null) {
            return "";
        }
        if (object instanceof Person person) {
            return person(person);
        }
        if (object instanceof Organisation organisation) {
            return organisation(organisation);
        }
        String key = null;
        if (object instanceof oko.model.CodedElement coded) {
            key = coded.getCode();
        } else if (object instanceof oko.model.NumberedElement numbered) {
            key = numbered.getNumber();
        }
        String name = object instanceof oko.model.NamedElement named ? named.getName() : null;
        if (name == null || name.isBlank()) {
            return key == null ? ModelLabels.typeName(object.eClass()) : key.strip();
        }
        return key == null || key.isBlank() ? name.strip() : key.strip() + " " + name.strip();
    }

    /** Names of the objects joined by «; ». */
    public static String names(Collection<? extends EObject> objects) {
        return objects.stream().filter(Objects::nonNull).map(Formats::name).collect(Collectors.joining("; "));
    }

    /** Who is responsible for an activity: roles, persons, organisations and the text as written. */
    public static String responsible(Activity activity) {
        return responsible(activity.getResponsibleRoles(), activity.getResponsiblePersons(),
                activity.getResponsibleOrganisations(), activity.getResponsibleText());
    }

    /** Roles, persons, organisations and a text, joined by «; »; the text alone when it is given. */
    public static String responsible(Collection<Role> roles, Collection<Person> persons,
            Collection<Organisation> organisations, String text) {
        if (text != null && !text.isBlank()) {
            return text.strip();
        }
        StringBuilder result = new StringBuilder();
        for (Collection<? extends EObject> part : List.of(roles, persons, organisations)) {
            String names = part == null ? "" : part.stream().map(o -> o instanceof Role role ? nonNull(role.getName())
                    : name(o)).filter(s -> !s.isBlank()).collect(Collectors.joining("; "));
            if (!names.isBlank()) {
                result.append(result.length() > 0 ? "; " : "").append(names);
            }
        }
        return result.toString();
    }

    /** A deadline's text as written, else empty. */
    public static String deadline(Deadline deadline) {
        return deadline == null || deadline.getText() == null ? "" : deadline.getText().strip();
    }

    /** The string, or empty for null. */
    public static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** Whether the text is null or blank. */
    public static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
