package oko.repository.exchange;

import oko.repository.internal.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.model.OkoPackage;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.repository.RepositoryException;

/**
 * Imports XMI model files into the repository in one commit: the files and every file they refer
 * to are loaded and checked first; then the objects are copied into CDO resources named after the
 * files ({@code /oko/seeds.xmi}) and committed. Any problem means nothing changes.
 */
public final class XmiImporter {

    /**
     * What an import did; {@code warnings} say what the {@link ExchangePart}s left out (a diagram
     * whose element is not in the files).
     */
    public record Result(List<String> resources, int objects, CDOCommitInfo commit, List<String> warnings) {
    }

    private XmiImporter() {
    }

    /**
     * The usual commit comment of an import of these files («Импорт seeds.xmi, sample.xmi»), in the
     * user's language.
     *
     * @param fileNames the imported files' names, without directories
     * @return the comment to pass to {@link #importFiles}
     */
    public static String comment(List<String> fileNames) {
        return Messages.bind(Messages.importComment, String.join(", ", fileNames));
    }

    /**
     * @param replace replace models of the same name that are already in the repository (only
     *                if nothing else in the repository refers to them)
     */
    public static Result importFiles(OkoRepository repository, List<URI> files, boolean replace, String comment,
            IProgressMonitor monitor) throws ImportException {
        SubMonitor progress = SubMonitor.convert(monitor, 10);
        List<ExchangePart> parts = ExchangeParts.all();
        // a part's own file given among the models (./oko import out/*.xmi) is read with its model
        List<URI> models = files.stream().filter(file -> !file.isFile()
                || parts.stream().noneMatch(part -> part.owns(Path.of(file.toFileString())))).toList();
        ResourceSet set = XmiFiles.resourceSet();
        List<Resource> loaded = load(set, models, progress.split(3));
        Map<Resource, String> names = new LinkedHashMap<>();
        for (Resource resource : loaded) {
            names.put(resource, resource.getURI().lastSegment());
        }

        CDOTransaction transaction = repository.openTransaction();
        try {
            OkoRepository.prefetch(transaction);
            List<String> problems = new ArrayList<>();
            for (String name : names.values()) {
                String path = OkoRepository.MODEL_FOLDER + "/" + name;
                if (transaction.hasResource(path)) {
                    if (!replace) {
                        problems.add(Messages.bind(Messages.importExists, name));
                    } else {
                        checkNotReferenced(transaction, transaction.getResource(path), name, names.values(),
                                problems);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ImportException(problems, null);
            }
            progress.worked(2);
            EcoreUtil.Copier copier = new EcoreUtil.Copier();
            Map<Resource, List<EObject>> copies = new LinkedHashMap<>();
            for (Resource resource : loaded) {
                copies.put(resource, new ArrayList<>(copier.copyAll(resource.getContents())));
            }
            copier.copyReferences();
            int objects = 0;
            List<String> paths = new ArrayList<>();
            boolean replacing = false;
            for (Map.Entry<Resource, List<EObject>> entry : copies.entrySet()) {
                String path = OkoRepository.MODEL_FOLDER + "/" + names.get(entry.getKey());
                CDOResource target = transaction.getOrCreateResource(path);
                replacing |= !target.getContents().isEmpty();
                target.getContents().clear();
                target.getContents().addAll(entry.getValue());
                paths.add(path);
            }
            objects = copier.size();
            List<String> warnings = new ArrayList<>();
            for (ExchangePart part : parts) {
                if (replacing) {
                    part.replaced(transaction, warnings);
                }
                for (URI file : models) {
                    if (file.isFile()) {
                        part.importing(transaction, set, Path.of(file.toFileString()), copier, problems, warnings);
                    }
                }
            }
            if (!problems.isEmpty()) {
                throw new ImportException(problems, null);
            }
            progress.worked(1);
            CDOCommitInfo info;
            try {
                info = repository.commit(transaction, comment, progress.split(4));
            } catch (RepositoryException e) {
                throw new ImportException(List.of(Messages.bind(Messages.importCommitFailed,
                        String.join(", ", names.values()), e.getMessage())), e);
            }
            return new Result(paths, objects, info, List.copyOf(warnings));
        } finally {
            transaction.close();
        }
    }

    /** Loads the files and everything they refer to; every load error and dangling reference is reported. */
    static List<Resource> load(ResourceSet set, List<URI> files, IProgressMonitor monitor) throws ImportException {
        SubMonitor progress = SubMonitor.convert(monitor, files.size() + 1);
        List<String> problems = new ArrayList<>();
        for (URI file : files) {
            XmiFiles.loadReporting(set, file, problems);
            progress.worked(1);
        }
        if (problems.isEmpty()) {
            EcoreUtil.resolveAll(set);
            for (Resource resource : List.copyOf(set.getResources())) {
                XmiFiles.reportErrors(resource, problems);
            }
        }
        List<Resource> resources = List.copyOf(set.getResources());
        if (problems.isEmpty()) {
            for (Resource resource : resources) {
                String file = XmiFiles.fileName(resource.getURI());
                if (resource.getContents().isEmpty()) {
                    problems.add(Messages.bind(Messages.importEmpty, file));
                }
                for (EObject root : resource.getContents()) {
                    if (root.eClass().getEPackage() != OkoPackage.eINSTANCE) {
                        problems.add(Messages.bind(Messages.importNotAModel, file, root.eClass().getName()));
                    }
                }
                danglingReferences(resource, problems);
            }
        }
        progress.worked(1);
        if (!problems.isEmpty()) {
            throw new ImportException(problems, null);
        }
        return resources;
    }

    private static void danglingReferences(Resource resource, List<String> problems) {
        for (TreeIterator<EObject> it = resource.getAllContents(); it.hasNext();) {
            EObject object = it.next();
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isDerived() || !object.eIsSet(reference)) {
                    continue;
                }
                Object value = object.eGet(reference, false);
                for (Object target : value instanceof List<?> list ? list : List.of(value)) {
                    if (target instanceof EObject eTarget && eTarget.eIsProxy()) {
                        problems.add(Messages.bind(Messages.importDangling, new Object[] {
                                XmiFiles.fileName(resource.getURI()), ModelLabels.label(object),
                                ModelLabels.featureName(object.eClass(), reference),
                                EcoreUtil.getURI(eTarget) }));
                    }
                }
            }
        }
    }

    /** At most this many "still referenced" problems are listed per replaced model. */
    private static final int MAX_REFERENCE_PROBLEMS = 5;

    private static void checkNotReferenced(CDOTransaction transaction, CDOResource replaced, String name,
            java.util.Collection<String> alsoReplaced, List<String> problems) {
        Set<EObject> inside = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        replaced.getAllContents().forEachRemaining(inside::add);
        Set<EObject> reported = new HashSet<>();
        for (CDOResource other : OkoRepository.modelResources(transaction)) {
            if (other == replaced || alsoReplaced.contains(other.getName())) {
                continue;
            }
            for (TreeIterator<EObject> it = other.getAllContents(); it.hasNext();) {
                EObject object = it.next();
                for (EObject target : object.eCrossReferences()) {
                    if (inside.contains(target) && reported.add(target)
                            && reported.size() <= MAX_REFERENCE_PROBLEMS) {
                        problems.add(Messages.bind(Messages.importReferenced, new Object[] { name,
                                ModelLabels.label(target), ModelLabels.label(object) }));
                    }
                }
            }
        }
    }
}
