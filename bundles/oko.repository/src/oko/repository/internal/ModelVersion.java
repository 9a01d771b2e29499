package oko.repository.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.model.OkoPackage;

/**
 * Guards a repository against a metamodel it was not written with. CDO 4.7 does not migrate a
 * store when a class gains or loses a feature: reading such a store fails deep inside the DB
 * mapping, and writing to it would corrupt it. So the server compares the metamodel stored in
 * the repository with the one it runs and refuses to start on a difference, naming it; the data
 * stay untouched (export them with the version that wrote them, import them with this one).
 */
public final class ModelVersion {

    private ModelVersion() {
    }

    /** The structure of a package as sorted lines: class, feature, type, multiplicity, containment; enum literals. */
    public static TreeSet<String> signature(EPackage ePackage) {
        TreeSet<String> lines = new TreeSet<>();
        for (EClassifier classifier : ePackage.getEClassifiers()) {
            if (classifier instanceof EClass eClass) {
                lines.add(eClass.getName() + (eClass.isAbstract() ? " abstract" : "") + " : "
                        + eClass.getESuperTypes().stream().map(EClass::getName).toList());
                for (EStructuralFeature feature : eClass.getEStructuralFeatures()) {
                    lines.add(eClass.getName() + "." + feature.getName() + " : " + feature.getEType().getName() + " ["
                            + feature.getLowerBound() + ".." + feature.getUpperBound() + "]"
                            + (feature instanceof EReference reference && reference.isContainment() ? " containment" : ""));
                }
            } else if (classifier instanceof EEnum eEnum) {
                for (EEnumLiteral literal : eEnum.getELiterals()) {
                    lines.add(eEnum.getName() + "::" + literal.getName() + "=" + literal.getValue());
                }
            } else {
                lines.add(classifier.getName());
            }
        }
        return lines;
    }

    /** What differs: lines only in the stored model ("−") and only in the running one ("+"); empty when equal. */
    public static List<String> differences(EPackage stored, EPackage running) {
        TreeSet<String> before = signature(stored);
        TreeSet<String> now = signature(running);
        List<String> differences = new ArrayList<>();
        before.stream().filter(line -> !now.contains(line)).forEach(line -> differences.add("− " + line));
        now.stream().filter(line -> !before.contains(line)).forEach(line -> differences.add("+ " + line));
        return differences;
    }

    /**
     * Compares the Oko metamodel stored in the repository's database (if any model was ever
     * committed) with the running one. Reads CDO's package table directly, before the repository
     * starts, so a refused store is not touched at all.
     *
     * @throws oko.repository.RepositoryException naming the repository and the first differences
     */
    public static void check(javax.sql.DataSource dataSource, String label) {
        java.util.Map<String, byte[]> storedPackages = storedPackages(dataSource, label);
        // the Oko metamodel first, then any other running package the store holds (stored diagrams)
        java.util.List<String> uris = new java.util.ArrayList<>(storedPackages.keySet());
        uris.sort(java.util.Comparator.comparing((String uri) -> !uri.equals(OkoPackage.eNS_URI)));
        for (String uri : uris) {
            EPackage running = EPackage.Registry.INSTANCE.getEPackage(uri);
            if (running != null) {
                check(uri, storedPackages.get(uri), running, label);
            }
        }
    }

    private static void check(String uri, byte[] data, EPackage running, String label) {
        EPackage stored;
        try {
            var resourceSet = new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl();
            // outside OSGi (./oko server as plain Java) no factory is registered by extension
            resourceSet.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*",
                    new org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl());
            stored = org.eclipse.emf.cdo.common.model.EMFUtil.createEPackage(uri, data, true, resourceSet, false);
        } catch (RuntimeException e) {
            throw new oko.repository.RepositoryException(Messages.bind(Messages.modelMismatch,
                    new Object[] { label, "?", e.toString() }), e);
        }
        List<String> differences = differences(stored, running);
        if (!differences.isEmpty()) {
            List<String> shown = differences.subList(0, Math.min(8, differences.size()));
            throw new oko.repository.RepositoryException(Messages.bind(Messages.modelMismatch,
                    new Object[] { label, differences.size(), String.join("\n  ", shown) }));
        }
    }

    /** The zipped ecore CDO stored for each package unit, by namespace URI; empty for a new repository. */
    private static java.util.Map<String, byte[]> storedPackages(javax.sql.DataSource dataSource, String label) {
        java.util.Map<String, byte[]> packages = new java.util.LinkedHashMap<>();
        try (java.sql.Connection connection = dataSource.getConnection()) {
            boolean exists = false;
            var meta = connection.getMetaData();
            for (String name : List.of("CDO_PACKAGE_UNITS", "cdo_package_units")) {
                try (var tables = meta.getTables(null, null, name, null)) {
                    exists |= tables.next();
                }
            }
            if (!exists) {
                return packages;
            }
            try (var statement = connection.prepareStatement("SELECT id, package_data FROM cdo_package_units");
                    var result = statement.executeQuery()) {
                while (result.next()) {
                    packages.put(result.getString(1), result.getBytes(2));
                }
            }
            return packages;
        } catch (java.sql.SQLException e) {
            throw new oko.repository.RepositoryException(e.getMessage() + " (" + label + ")", e);
        }
    }
}
