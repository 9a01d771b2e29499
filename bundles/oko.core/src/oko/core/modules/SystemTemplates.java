package oko.core.modules;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.core.emf.CrossReferences;
import oko.core.modules.Modules.Module;
import oko.model.Level;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.Territory;
import oko.model.TerritoryKind;

/**
 * A new quality system from a module's template: a copy of the template system's structure (its
 * direction groups and directions, roles, function sections, documents, technological maps with
 * their stages, indicators, data elements, risk groups, monitorings without their runs, and
 * recommendation rules), without the template's data (monitoring runs, recommendations, measures,
 * plans) and not bound to the template's territory, organisation or parent system. The modules'
 * templates are structure only (no district's people, organisations or orders); should one still
 * refer to a person, an organisation or a territory, the reference is dropped, never re-pointed to
 * a namesake of another district. A reference to another shared object outside the copy (an
 * information system) goes to the object of the same type and code in the models the system is
 * created for, or is dropped.
 */
public final class SystemTemplates {

    private SystemTemplates() {
    }

    /**
     * The template systems of a module, read from its file, in the order the module names them.
     *
     * @throws IllegalArgumentException when the module has no template, or its file or a system cannot be found
     */
    public static List<QualitySystem> templates(Module module, ResourceSet set) {
        if (module.template() == null || module.templateSystems().isEmpty()) {
            throw new IllegalArgumentException("module \"" + module.id() + "\" has no template");
        }
        Resource resource;
        try {
            resource = set.getResource(module.template(), true);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(module.template() + ": " + e.getMessage(), e);
        }
        List<QualitySystem> found = new ArrayList<>();
        for (String code : module.templateSystems()) {
            found.add(resource.getContents().stream().filter(ModelRoot.class::isInstance)
                    .flatMap(root -> ((ModelRoot) root).getQualitySystems().stream())
                    .filter(system -> code.equals(system.getCode())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(module.template() + ": no quality system \"" + code + "\"")));
        }
        return found;
    }

    /** A new system of the module, named and coded as given, not yet attached anywhere. */
    public static QualitySystem create(Module module, String name, String code) {
        return create(module, name, code, List.of());
    }

    /**
     * A new system of the module, named and coded as given, not yet attached anywhere. A reference
     * of the template to something outside it (an information system, a person, an organisation)
     * is kept when the models it is created for hold an object of the same type and code; otherwise
     * it is dropped, for the user to fill in.
     */
    public static QualitySystem create(Module module, String name, String code, List<ModelRoot> within) {
        List<QualitySystem> templates = templates(module, new ResourceSetImpl());
        // original references kept for now: pruneOutside re-points or drops those leaving the copy
        EcoreUtil.Copier copier = new EcoreUtil.Copier(true, true);
        List<QualitySystem> copies = new ArrayList<>(copier.copyAll(templates));
        copier.copyReferences();
        QualitySystem system = copies.get(0);
        for (QualitySystem other : copies.subList(1, copies.size())) {
            system.getDirectionGroups().addAll(other.getDirectionGroups());
            system.getDirections().addAll(other.getDirections());
            system.getRoles().addAll(other.getRoles());
            system.getSections().addAll(other.getSections());
            system.getDocuments().addAll(other.getDocuments());
            system.getTechnologicalMaps().addAll(other.getTechnologicalMaps());
            system.getIndicatorGroups().addAll(other.getIndicatorGroups());
            system.getIndicators().addAll(other.getIndicators());
            system.getDataElements().addAll(other.getDataElements());
            system.getRiskGroups().addAll(other.getRiskGroups());
            system.getMonitorings().addAll(other.getMonitorings());
            system.getRecommendationRules().addAll(other.getRecommendationRules());
        }
        system.getRecommendations().clear();
        system.getMeasures().clear();
        system.getPlans().clear();
        for (Monitoring monitoring : system.getMonitorings()) {
            monitoring.getRuns().clear();
        }
        system.setOrganisation(null);
        system.setTerritory(null);
        system.setParentSystem(null);
        pruneOutside(system, within);
        system.setName(name);
        system.setCode(code);
        system.setLevel(module.level());
        system.setDescription(oko.core.internal.Messages.bind(oko.core.internal.Messages.templateCreated, module.name(),
                String.join(", ", module.templateSystems())));
        return system;
    }

    /**
     * Indexes the coded objects under object by {@link #key}, except inside monitoring runs: they
     * hold the values, which are not needed here and not readable by every user (so not even the
     * first of them is touched, as an eAllContents iterator would).
     */
    private static void index(EObject object, java.util.Map<String, EObject> known) {
        if (object instanceof oko.model.MonitoringRun) {
            return;
        }
        String key = key(object);
        if (key != null) {
            known.putIfAbsent(key, object);
        }
        for (EObject child : object.eContents()) {
            index(child, known);
        }
    }

    /** "EClass#code" of an object with a code, else null. */
    private static String key(EObject object) {
        if (object == null) {
            return null;
        }
        var feature = object.eClass().getEStructuralFeature("code");
        Object code = feature == null ? null : object.eGet(feature);
        return code == null ? null : object.eClass().getName() + "#" + code;
    }

    /** A code no system of these models has: the module's id and the first free number. */
    public static String freeCode(Module module, List<ModelRoot> roots) {
        List<String> codes = roots.stream().flatMap(r -> r.getQualitySystems().stream()).map(QualitySystem::getCode).toList();
        int n = 1;
        while (codes.contains(module.id() + "-" + n)) {
            n++;
        }
        return module.id() + "-" + n;
    }

    /** The models among a repository's roots. */
    public static List<ModelRoot> models(List<? extends EObject> roots) {
        return roots.stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast).toList();
    }

    /** The organisation of that code in these models, or null. */
    public static Organisation organisation(List<ModelRoot> roots, String code) {
        return roots.stream().flatMap(r -> r.getOrganisations().stream()).filter(o -> o.getCode() != null
                && o.getCode().equals(code)).findFirst().orElse(null);
    }

    /**
     * Binds the new system to its school (organisation and territory), if any, and adds it: to the
     * model holding the school (a ВСОКО belongs to its school), else to the first model, else to
     * the model newModel makes (and attaches) when there is none yet.
     */
    public static void add(QualitySystem system, List<ModelRoot> roots, Organisation school,
            java.util.function.Supplier<ModelRoot> newModel) {
        add(system, roots, school, null, newModel);
    }

    /**
     * As {@link #add(QualitySystem, List, Organisation, java.util.function.Supplier)}, and binds a
     * system without a school to its territory: the models' territory of that code or name
     * ({@link #territory}), or a new territory of that name in the model the system goes into (a
     * region for a regional system, else a municipal district); none when {@code territory} is null
     * or blank.
     */
    public static void add(QualitySystem system, List<ModelRoot> roots, Organisation school, String territory,
            java.util.function.Supplier<ModelRoot> newModel) {
        ModelRoot target;
        if (school != null) {
            system.setOrganisation(school);
            system.setTerritory(school.getTerritory());
            target = (ModelRoot) school.eContainer();
        } else {
            target = roots.isEmpty() ? newModel.get() : roots.get(0);
            if (territory != null && !territory.isBlank()) {
                Territory found = territory(roots, territory);
                if (found == null) {
                    found = oko.model.OkoFactory.eINSTANCE.createTerritory();
                    found.setName(territory.strip());
                    found.setCode(freeTerritoryCode(roots.isEmpty() ? List.of(target) : roots));
                    found.setKind(system.getLevel() == Level.REGION ? TerritoryKind.REGION
                            : TerritoryKind.MUNICIPAL_DISTRICT);
                    target.getTerritories().add(found);
                }
                system.setTerritory(found);
            }
        }
        target.getQualitySystems().add(system);
    }

    /**
     * The level of the system a system of this level names as its parent system: a school's
     * system's is a municipal one, a municipal system's a regional one; null for a region.
     */
    public static Level levelAbove(Level level) {
        return switch (level) {
        case SCHOOL -> Level.MUNICIPALITY;
        case MUNICIPALITY -> Level.REGION;
        default -> null;
        };
    }

    /** The systems of these models a new system of the level can name as its parent (of the level above), in model order. */
    public static List<QualitySystem> parents(List<ModelRoot> roots, Level level) {
        Level above = level == null ? null : levelAbove(level);
        return roots.stream().flatMap(r -> r.getQualitySystems().stream()).filter(s -> above != null && s.getLevel() == above)
                .toList();
    }

    /** The system of that code in these models, or null. */
    public static QualitySystem system(List<ModelRoot> roots, String code) {
        return roots.stream().flatMap(r -> r.getQualitySystems().stream()).filter(s -> code != null
                && code.strip().equals(s.getCode())).findFirst().orElse(null);
    }

    /**
     * Whether a system of that level may be bound to the territory: a regional system's territory is
     * a region ({@link TerritoryKind#REGION}). A territory not yet in the models (null) is made of the
     * right kind by {@link #add}.
     */
    public static boolean fits(Level level, Territory territory) {
        return territory == null || level != Level.REGION || territory.getKind() == TerritoryKind.REGION;
    }

    /**
     * The organisations that can run a system that is not a school's: every organisation of these
     * models but schools (a region's authority or regional operator, a municipality's authority…).
     */
    public static List<Organisation> operators(List<ModelRoot> roots) {
        return roots.stream().flatMap(r -> r.getOrganisations().stream())
                .filter(o -> o.getKind() != OrganisationKind.SCHOOL).toList();
    }

    /**
     * Binds a system already added to its models ({@link #add}) to the organisation running it, for
     * which the values of its aggregated indicators are stored (a region's education authority or
     * regional operator): the models' organisation whose code, name or short name is the text
     * (ignoring case and surrounding blanks), else a new education authority
     * ({@link OrganisationKind#AUTHORITY}) of that name in the system's territory and model. Returns
     * the organisation; nothing happens when the text is null or blank.
     */
    public static Organisation bindOperator(QualitySystem system, List<ModelRoot> roots, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String wanted = text.strip();
        Organisation found = roots.stream().flatMap(r -> r.getOrganisations().stream())
                .filter(o -> wanted.equalsIgnoreCase(o.getCode()) || wanted.equalsIgnoreCase(strip(o.getName()))
                        || wanted.equalsIgnoreCase(strip(o.getShortName())))
                .findFirst().orElse(null);
        if (found == null) {
            ModelRoot model = (ModelRoot) system.eContainer();
            List<ModelRoot> all = new ArrayList<>(roots);
            if (!all.contains(model)) {
                all.add(model);
            }
            List<String> codes = all.stream().flatMap(r -> r.getOrganisations().stream()).map(Organisation::getCode).toList();
            int n = 1;
            while (codes.contains("organisation-" + n)) {
                n++;
            }
            found = oko.model.OkoFactory.eINSTANCE.createOrganisation();
            found.setName(wanted);
            found.setCode("organisation-" + n);
            found.setKind(OrganisationKind.AUTHORITY);
            found.setTerritory(system.getTerritory());
            model.getOrganisations().add(found);
        }
        system.setOrganisation(found);
        return found;
    }

    private static String strip(String text) {
        return text == null ? null : text.strip();
    }

    /** Every territory of the models, regions before their districts. */
    public static List<Territory> territories(List<ModelRoot> roots) {
        List<Territory> all = new ArrayList<>();
        for (ModelRoot root : roots) {
            for (Territory territory : root.getTerritories()) {
                addWithChildren(territory, all);
            }
        }
        return all;
    }

    private static void addWithChildren(Territory territory, List<Territory> into) {
        into.add(territory);
        territory.getChildren().forEach(child -> addWithChildren(child, into));
    }

    /** The models' territory whose code or name is the text (ignoring case and surrounding blanks), or null. */
    public static Territory territory(List<ModelRoot> roots, String text) {
        String wanted = text.strip();
        for (Territory territory : territories(roots)) {
            if (wanted.equalsIgnoreCase(territory.getCode()) || wanted.equalsIgnoreCase(
                    territory.getName() == null ? null : territory.getName().strip())) {
                return territory;
            }
        }
        return null;
    }

    /** A territory code the models do not use: "territory-N". */
    private static String freeTerritoryCode(List<ModelRoot> roots) {
        List<String> codes = territories(roots).stream().map(Territory::getCode).toList();
        int n = 1;
        while (codes.contains("territory-" + n)) {
            n++;
        }
        return "territory-" + n;
    }

    /** Whether the object belongs to one district or school: a person, an organisation (or its unit), a territory. */
    private static boolean local(EObject object) {
        return object instanceof oko.model.Person || object instanceof Organisation
                || object instanceof oko.model.Territory || object instanceof oko.model.OrganisationUnit;
    }

    /** Re-points every reference from inside the system to an object outside it to its namesake in within, or unsets it. */
    private static void pruneOutside(QualitySystem system, List<ModelRoot> within) {
        java.util.Map<String, EObject> known = new java.util.HashMap<>();
        for (ModelRoot root : within) {
            index(root, known);
        }
        List<EObject> all = new ArrayList<>();
        all.add(system);
        system.eAllContents().forEachRemaining(all::add);
        CrossReferences.repoint(all, (object, target) -> {
            if (EcoreUtil.isAncestor(system, target)) {
                return target;
            }
            return local(target) ? null : known.get(key(target));
        });
    }
}
