package oko.ui.navigator;

import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;

import oko.model.ModelRoot;
import oko.model.OkoPackage;
import oko.ui.internal.Messages;

/**
 * The registers of a model root shown in the navigator beside its quality systems: organisations,
 * people, periods, clusters and territories, grouped under one «Реестры» node per model root.
 * Schools are listed flat (not under their clusters): an object appears in one place of the tree
 * only, so selecting it from an editor or the problems view reveals it unambiguously; its cluster
 * is a property, and the clusters have a register of their own.
 */
public final class Registers {

    /** The register features of a model root, in the order the navigator shows them. */
    public static final List<EReference> FEATURES = List.of(OkoPackage.Literals.MODEL_ROOT__ORGANISATIONS,
            OkoPackage.Literals.MODEL_ROOT__PERSONS, OkoPackage.Literals.MODEL_ROOT__PERIODS,
            OkoPackage.Literals.MODEL_ROOT__CLUSTERS, OkoPackage.Literals.MODEL_ROOT__TERRITORIES);

    private Registers() {
    }

    /** The «Реестры» node of a model root; {@code named} when several models need telling apart. */
    public record Group(ModelRoot root, boolean named) {

        /** @return the model root's registers, in {@link Registers#FEATURES}' order */
        public List<Register> registers() {
            return FEATURES.stream().map(f -> new Register(root, f)).toList();
        }

        /** @return «Реестры», or «Реестры: name» when {@code named} (a long name is shortened) */
        public String label() {
            if (!named || root.getName() == null || root.getName().isBlank()) {
                return Messages.navigatorRegisters;
            }
            String name = root.getName().strip();
            return Messages.bind(Messages.navigatorRegistersOf, name.length() > 60 ? name.substring(0, 59) + "…" : name);
        }
    }

    /** One register: the objects of one containment feature of a model root. */
    public record Register(ModelRoot root, EReference feature) {

        /** @return the register's objects, the live list of the model root's feature */
        @SuppressWarnings("unchecked")
        public List<EObject> objects() {
            return (List<EObject>) root.eGet(feature);
        }

        /** @return the register's name as the navigator shows it, with the number of its objects */
        public String label() {
            String name = switch (feature.getName()) {
                case "organisations" -> Messages.navigatorOrganisations;
                case "persons" -> Messages.navigatorPersons;
                case "periods" -> Messages.navigatorPeriods;
                case "clusters" -> Messages.navigatorClusters;
                case "territories" -> Messages.navigatorTerritories;
                default -> feature.getName();
            };
            return name + " (" + objects().size() + ")";
        }
    }

    /**
     * The register that holds the object directly, or null.
     *
     * @param object a model object, may be {@code null}
     * @return its register, or {@code null} when the object is not directly in one
     */
    public static Register registerOf(EObject object) {
        if (object != null && object.eContainer() instanceof ModelRoot root
                && FEATURES.contains(object.eContainmentFeature())) {
            return new Register(root, (EReference) object.eContainmentFeature());
        }
        return null;
    }
}
