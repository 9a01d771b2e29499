package oko.model.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.MissingResourceException;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.model.CodedElement;
import oko.model.Membership;
import oko.model.ModelRoot;
import oko.model.NamedElement;
import oko.model.NumberedElement;
import oko.model.Person;
import oko.model.provider.OkoEditPlugin;

/**
 * How model objects are named in messages, the command line and reports: the type as a
 * methodologist says it ("Направление") and the object's code or number with its name.
 */
public final class ModelLabels {

    private static final int MAX_NAME = 70;

    private ModelLabels() {
    }

    /** The type name in the current language, e.g. "Направление" / "Direction". */
    public static String typeName(EClass eClass) {
        try {
            return OkoEditPlugin.INSTANCE.getString("_UI_" + eClass.getName() + "_type");
        } catch (MissingResourceException e) {
            return eClass.getName();
        }
    }

    /** A feature's name as the properties view shows it, e.g. "Название" / "Name". */
    public static String featureName(EClass eClass, EStructuralFeature feature) {
        try {
            return OkoEditPlugin.INSTANCE.getString(
                    "_UI_" + feature.getEContainingClass().getName() + "_" + feature.getName() + "_feature");
        } catch (MissingResourceException e) {
            return feature.getName();
        }
    }

    /** An enum literal in the current language, e.g. "Проект" / "Draft"; empty for null. */
    public static String literal(org.eclipse.emf.common.util.Enumerator literal) {
        if (literal == null) {
            return "";
        }
        try {
            return OkoEditPlugin.INSTANCE.getString(
                    "_UI_" + literal.getClass().getSimpleName() + "_" + literal.getName() + "_literal");
        } catch (MissingResourceException e) {
            return literal.getLiteral();
        }
    }

    /** Code or number and name, shortened: "1.2 Система обеспечения объективности…". */
    public static String name(EObject object) {
        if (object == null) {
            return "—";
        }
        String key = null;
        if (object instanceof CodedElement coded) {
            key = coded.getCode();
        } else if (object instanceof NumberedElement numbered) {
            key = numbered.getNumber();
        }
        String name = null;
        if (object instanceof NamedElement named) {
            name = named.getName();
        } else if (object instanceof Membership membership) {
            name = membership.getPerson() == null ? null : membership.getPerson().getName();
        }
        if (object instanceof Person && (name == null || name.isBlank())) {
            Person person = (Person) object;
            name = String.join(" ", nonNull(person.getLastName()), nonNull(person.getFirstName())).strip();
        }
        String text = join(key, shorten(name));
        return text.isEmpty() ? typeName(object.eClass()) : text;
    }

    /** Type and name: "Направление «1.2 Система обеспечения объективности…»". */
    public static String label(EObject object) {
        if (object == null) {
            return "—";
        }
        String name = name(object);
        String type = typeName(object.eClass());
        return name.equals(type) ? type : type + " «" + name + "»";
    }

    /**
     * Where the object is: the names of its containers from the quality system (or the top
     * object below the model root) down to the object, separated by " / ".
     */
    public static String path(EObject object) {
        Deque<String> parts = new ArrayDeque<>();
        for (EObject current = object; current != null && !(current instanceof ModelRoot);
                current = current.eContainer()) {
            parts.addFirst(shortName(current));
        }
        return String.join(" / ", parts);
    }

    private static String shortName(EObject object) {
        if (object instanceof CodedElement coded && coded.getCode() != null && !coded.getCode().isBlank()) {
            return coded.getCode();
        }
        if (object instanceof NumberedElement numbered && numbered.getNumber() != null
                && !numbered.getNumber().isBlank()) {
            return numbered.getNumber();
        }
        return name(object);
    }

    private static String join(String key, String name) {
        if (key == null || key.isBlank()) {
            return name == null ? "" : name;
        }
        if (name == null || name.isBlank()) {
            return key;
        }
        // a name that already begins with the code («2023 год» of the period 2023) is not prefixed twice
        return name.equals(key) || name.startsWith(key + " ") ? name : key + " " + name;
    }

    private static String shorten(String text) {
        if (text == null) {
            return null;
        }
        String single = text.strip().replaceAll("\\s+", " ");
        return single.length() <= MAX_NAME ? single : single.substring(0, MAX_NAME - 1).stripTrailing() + "…";
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
