package oko.table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;

import oko.diagram.DescriptionFiles;
import oko.diagram.DescriptionTranslations;
import oko.table.description.TableDescription;
import oko.table.description.TableGroup;
import oko.table.description.TablePackage;
import oko.table.internal.Messages;

/**
 * The tables contributed through {@code oko.table.descriptions} and those in the data directory's
 * {@code tables/} folder, loaded and checked once and again on {@link #reload()}. A file that does
 * not load or does not fit the metamodel is left out, its problems (file and element id) kept and
 * logged; the others load. A table in the user folder replaces a contributed one of the same id.
 */
public final class TableRegistry {

    public static final String EXTENSION_POINT = "oko.table.descriptions";

    /** The loaded tables (in the order of the contributions, user files last) and the problems of the files left out. */
    public record Loaded(List<TableDescription> tables, List<String> problems) {
    }

    private static final DescriptionFiles<Loaded> FILES = new DescriptionFiles<>(EXTENSION_POINT, TableRegistry::loadAll);

    private TableRegistry() {
    }

    /** The folder of description files a methodologist edits ({@code DATA/tables}). */
    public static void setUserFolder(Path folder) {
        FILES.setUserFolder(folder);
    }

    public static Optional<Path> userFolder() {
        return FILES.userFolder();
    }

    /** A description file read besides the contributions (outside OSGi: benchmarks, plain tests). */
    public static void addFile(Path file) {
        FILES.addFile(file);
    }

    public static Loaded get() {
        return FILES.get();
    }

    /** Reads every description file again. */
    public static Loaded reload() {
        return FILES.reload();
    }

    public static List<TableDescription> all() {
        return get().tables();
    }

    public static Optional<TableDescription> byId(String id) {
        return all().stream().filter(t -> t.getId().equals(id)).findFirst();
    }

    /** The tables that open on the object (its class fits, its {@code requires} path is not empty). */
    public static List<TableDescription> forObject(EObject object) {
        List<TableDescription> tables = new ArrayList<>();
        for (TableDescription table : all()) {
            try {
                if (TableInterpreter.applies(table, object)) {
                    tables.add(table);
                }
            } catch (RuntimeException e) {
                ILog.of(TableRegistry.class).error("Table '" + table.getId() + "' failed on " + object.eClass().getName(), e);
            }
        }
        return tables;
    }

    /** The table the navigator's Open shows the object in: the first that opens it by default. */
    public static Optional<TableDescription> openedBy(EObject object) {
        return forObject(object).stream().filter(TableDescription::isOpensByDefault).findFirst();
    }

    /** Loads one description file, checked and translated; its problems go to {@code problems}. */
    public static Optional<TableGroup> load(URI uri, String file, List<String> problems) {
        TablePackage.eINSTANCE.eClass();
        try {
            Resource resource = new ResourceSetImpl().getResource(uri, true);
            if (!resource.getErrors().isEmpty()) {
                resource.getErrors().forEach(e -> problems.add(file + ": " + e.getMessage()));
            } else if (resource.getContents().isEmpty() || !(resource.getContents().get(0) instanceof TableGroup group)) {
                problems.add(Messages.bind(Messages.notATableGroup, file));
            } else {
                List<String> found = TableChecker.check(group);
                found.forEach(p -> problems.add(file + ": " + p));
                if (found.isEmpty()) {
                    DescriptionTranslations.translate(group, uri, Locale.getDefault());
                    translateNewNames(group, uri, Locale.getDefault());
                    return Optional.of(group);
                }
            }
        } catch (RuntimeException e) {
            problems.add(file + ": " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        return Optional.empty();
    }

    /** The names of new lines in the locale's language: key {@code TOOL_ID.newName} of the file's properties. */
    private static void translateNewNames(TableGroup group, URI uri, Locale locale) {
        java.util.Properties texts = new java.util.Properties();
        String base = uri.trimFileExtension().toString();
        for (String suffix : List.of("", "_" + locale.getLanguage(), "_" + locale.getLanguage() + "_" + locale.getCountry())) {
            if (suffix.endsWith("_")) {
                continue;
            }
            try (var in = new java.net.URL(base + suffix + ".properties").openStream()) {
                texts.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException | RuntimeException e) {
                // no such translation: the names stay as written
            }
        }
        group.eAllContents().forEachRemaining(e -> {
            if (e instanceof oko.table.description.CreateLineTool tool && tool.getId() != null
                    && texts.getProperty(tool.getId() + ".newName") instanceof String name && !name.isBlank()) {
                tool.setNewName(name.strip());
            }
        });
    }

    private static Loaded loadAll(List<DescriptionFiles.File> files, List<String> problems) {
        List<TableDescription> tables = new ArrayList<>();
        for (DescriptionFiles.File entry : files) {
            List<String> found = new ArrayList<>();
            load(entry.uri(), entry.name(), found).ifPresent(group -> {
                for (TableDescription table : List.copyOf(group.getTables())) {
                    int index = -1;
                    for (int i = 0; i < tables.size(); i++) {
                        if (tables.get(i).getId().equals(table.getId())) {
                            index = i;
                        }
                    }
                    if (index >= 0) {
                        tables.set(index, table); // a user copy replaces the contributed table in its place
                    } else {
                        tables.add(table);
                    }
                }
            });
            found.forEach(p -> ILog.of(TableRegistry.class).error(p));
            problems.addAll(found);
        }
        return new Loaded(List.copyOf(tables), List.copyOf(problems));
    }
}
