package oko.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;

import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.diagram.descriptions.DescriptionChecker;
import oko.model.OkoPackage;

/**
 * The diagram types contributed through {@code oko.diagram.descriptions}, loaded and checked once
 * and again on {@link #reload()} (Reload diagram descriptions). A file that does not load or does
 * not fit the metamodel is left out, its problems kept with the file and the element's id and
 * written to the log; the others load.
 */
public final class DescriptionRegistry {

    public static final String EXTENSION_POINT = "oko.diagram.descriptions";

    /** The loaded diagram types and the problems of the files left out. */
    public record Loaded(List<DiagramDescription> descriptions, List<String> problems) {
    }

    private static final DescriptionFiles<Loaded> FILES = new DescriptionFiles<>(EXTENSION_POINT, DescriptionRegistry::load);

    /**
     * A folder of description files a methodologist edits ({@code diagrams/} in the data directory):
     * its {@code *.xmi} files load after the contributed ones, and a diagram type there replaces a
     * contributed one of the same id.
     */
    public static void setUserFolder(java.nio.file.Path folder) {
        FILES.setUserFolder(folder);
    }

    /** The folder of user description files, if set. */
    public static java.util.Optional<java.nio.file.Path> userFolder() {
        return FILES.userFolder();
    }

    /** The loaded diagram type of that id. */
    public static java.util.Optional<DiagramDescription> byId(String id) {
        return get().descriptions().stream().filter(d -> d.getId().equals(id)).findFirst();
    }

    private DescriptionRegistry() {
    }

    public static Loaded get() {
        return FILES.get();
    }

    /** Reads every contributed file again (after a description file was edited). */
    public static Loaded reload() {
        return FILES.reload();
    }

    /** The diagram types whose root is the class (or one of its supertypes). */
    public static List<DiagramDescription> forClass(EClass eClass) {
        return get().descriptions().stream().filter(d -> eClass.getName().equals(d.getDomainClass())
                || eClass.getEAllSuperTypes().stream().anyMatch(s -> s.getName().equals(d.getDomainClass()))).toList();
    }

    private static Loaded load(List<DescriptionFiles.File> files, List<String> problems) {
        List<DiagramDescription> descriptions = new ArrayList<>();
        for (DescriptionFiles.File entry : files) {
            String file = entry.name();
            List<String> found = new ArrayList<>();
            try {
                Resource resource = new ResourceSetImpl().getResource(entry.uri(), true);
                if (!resource.getErrors().isEmpty()) {
                    resource.getErrors().forEach(e -> found.add(file + ": " + e.getMessage()));
                } else if (resource.getContents().isEmpty()
                        || !(resource.getContents().get(0) instanceof DescriptionGroup group)) {
                    found.add(oko.diagram.internal.Messages.bind(oko.diagram.internal.Messages.notADescriptionGroup, file));
                } else {
                    DescriptionChecker.check(group, OkoPackage.eINSTANCE).forEach(p -> found.add(file + ": " + p));
                    if (found.isEmpty()) {
                        DescriptionTranslations.translate(group, entry.uri(), java.util.Locale.getDefault());
                        for (DiagramDescription diagram : group.getDiagrams()) {
                            descriptions.removeIf(d -> d.getId().equals(diagram.getId()));
                            descriptions.add(diagram);
                        }
                    }
                }
            } catch (RuntimeException e) {
                found.add(file + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            found.forEach(p -> ILog.of(DescriptionRegistry.class).error(p));
            problems.addAll(found);
        }
        return new Loaded(List.copyOf(descriptions), List.copyOf(problems));
    }
}
