package oko.monitoring;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.ecore.EObject;

import oko.model.ModelRoot;
import oko.model.QualitySystem;

/**
 * What belongs to a quality system across model files: other files (e.g. the illustrative
 * monitoring data) hold monitorings, rules and measures for a system's indicators in systems of
 * their own. The engines look at every system of the resource set and keep what refers into the
 * given one.
 */
final class ModelScope {

    private ModelScope() {
    }

    /** The system itself first, then every quality system of every model in its resource set. */
    static List<QualitySystem> systems(QualitySystem system) {
        Set<QualitySystem> systems = new LinkedHashSet<>();
        systems.add(system);
        var resourceSet = system.eResource() == null ? null : system.eResource().getResourceSet();
        if (resourceSet != null) {
            for (var resource : List.copyOf(resourceSet.getResources())) {
                for (EObject root : resource.getContents()) {
                    if (root instanceof ModelRoot model) {
                        systems.addAll(model.getQualitySystems());
                    }
                }
            }
        }
        return new ArrayList<>(systems);
    }

    /** Whether the object is (inside) the system. */
    static boolean within(EObject object, QualitySystem system) {
        for (EObject c = object; c != null; c = c.eContainer()) {
            if (c == system) {
                return true;
            }
        }
        return false;
    }
}
