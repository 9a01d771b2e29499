package oko.exchange.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;

import oko.core.emf.CrossReferences;
import oko.diagram.Arrangement;
import oko.diagram.Representations;
import oko.diagram.representation.Representation;
import oko.exchange.Messages;
import oko.repository.exchange.ExchangePart;
import oko.repository.exchange.XmiFiles;

/**
 * The stored diagrams travel with {@code ./oko export} and {@code ./oko import} (issue 23): the
 * diagrams of the exported elements are written to {@code NAME.diagrams.xmi} beside the model file
 * {@code NAME.xmi}, their references to the model as references into that file; an import of
 * {@code NAME.xmi} reads {@code NAME.diagrams.xmi} when it is there and stores the diagrams bound to
 * the imported elements, with their layouts (node bounds, bendpoints, hidden elements, layers) as
 * they were. A diagram whose element is not in the export is left out, and a layout entry whose
 * element is not (a node of another system's element) is dropped; both with a warning.
 */
public final class DiagramExchange implements ExchangePart {

    /** The diagrams' file beside a model file: {@code seeds.xmi} → {@code seeds.diagrams.xmi}. */
    public static Path file(Path modelFile) {
        String name = modelFile.getFileName().toString();
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".xmi") ? name.substring(0, name.length() - 4) : name;
        return modelFile.resolveSibling(base + SUFFIX);
    }

    /** How the diagrams' files end. */
    public static final String SUFFIX = ".diagrams.xmi";

    @Override
    public boolean owns(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(SUFFIX);
    }

    @Override
    public void export(CDOView view, Path modelFile, Map<EObject, EObject> copies, List<String> warnings)
            throws IOException {
        Path out = file(modelFile);
        // a diagrams file of an earlier export would refer to objects this model file no longer has
        Files.deleteIfExists(out);
        List<Representation> all = Representations.all(view);
        if (all.isEmpty()) {
            return;
        }
        EObject anyCopy = copies.values().stream().filter(o -> o.eResource() != null).findFirst().orElse(null);
        ResourceSet set = anyCopy != null && anyCopy.eResource().getResourceSet() != null
                ? anyCopy.eResource().getResourceSet()
                : XmiFiles.resourceSet();
        XMLResource resource = (XMLResource) set.createResource(URI.createFileURI(out.toAbsolutePath().toString()));
        for (Representation representation : all) {
            if (!copies.containsKey(representation.getTarget())) {
                warnings.add(Messages.bind(Messages.diagramNotExported, representation.getName()));
                continue;
            }
            EcoreUtil.Copier copier = new EcoreUtil.Copier();
            resource.getContents().add(copyFor(representation, copier, copies, warnings));
            copier.forEach((original, copied) -> {
                if (original instanceof CDOObject cdo && cdo.cdoID() != null) {
                    resource.setID(copied, "oko-" + cdo.cdoID().toURIFragment());
                }
            });
        }
        if (!resource.getContents().isEmpty()) {
            resource.save(XmiFiles.saveOptions());
        }
        set.getResources().remove(resource);
    }

    @Override
    public void importing(CDOTransaction transaction, ResourceSet set, Path modelFile, Map<EObject, EObject> copies,
            List<String> problems, List<String> warnings) {
        Path in = file(modelFile);
        if (!Files.isRegularFile(in)) {
            return;
        }
        String name = in.getFileName().toString();
        List<String> found = new ArrayList<>();
        Resource resource = XmiFiles.loadReporting(set, URI.createFileURI(in.toAbsolutePath().toString()), found);
        if (resource == null || !found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        EcoreUtil.resolveAll(resource);
        List<Representation> loaded = new ArrayList<>();
        for (EObject object : resource.getContents()) {
            if (object instanceof Representation representation) {
                loaded.add(representation);
            } else {
                found.add(Messages.bind(Messages.diagramsNotDiagrams, name, object.eClass().getName()));
            }
        }
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        CDOResource stored = loaded.isEmpty() ? null : transaction.getOrCreateResource(Representations.RESOURCE);
        for (Representation representation : loaded) {
            if (!copies.containsKey(representation.getTarget())) {
                warnings.add(Messages.bind(Messages.diagramNotImported, name, representation.getName()));
                continue;
            }
            stored.getContents().add(copyFor(representation, new EcoreUtil.Copier(), copies, warnings));
        }
    }

    @Override
    public void replaced(CDOTransaction transaction, List<String> warnings) {
        for (Representation representation : Representations.all(transaction)) {
            if (!Arrangement.alive(representation.getTarget())) {
                warnings.add(Messages.bind(Messages.diagramOfReplaced, representation.getName()));
                EcoreUtil.remove(representation);
            }
        }
    }

    /**
     * A copy of the diagram made by the copier, its references bound to the other side's objects ({@code copies}); the
     * entries it had to leave out are counted in a warning.
     */
    private static Representation copyFor(Representation representation, EcoreUtil.Copier copier,
            Map<EObject, EObject> copies, List<String> warnings) {
        Representation copy = (Representation) copier.copy(representation);
        copier.copyReferences();
        int dropped = rebind(copy, copies);
        if (dropped > 0) {
            warnings.add(Messages.bind(Messages.diagramLayoutsDropped, representation.getName(), dropped));
        }
        return copy;
    }

    /**
     * Points every reference of the copied diagram that leaves it at the other side's object
     * ({@code copies}); an entry of the diagram (a node's or an edge's layout) that refers to an
     * object the other side does not have is removed.
     *
     * @return how many entries were removed
     */
    private static int rebind(Representation copy, Map<EObject, EObject> copies) {
        Set<EObject> own = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        own.add(copy);
        copy.eAllContents().forEachRemaining(own::add);
        Set<EObject> unbound = java.util.Collections.newSetFromMap(new java.util.LinkedHashMap<>());
        CrossReferences.repoint(own, (object, value) -> {
            if (own.contains(value)) {
                return value;
            }
            EObject other = copies.get(value);
            if (other == null) {
                unbound.add(object);
                return value;
            }
            return other;
        });
        int removed = 0;
        for (EObject object : unbound) {
            if (object != copy && object.eContainer() != null && EcoreUtil.isAncestor(copy, object)) {
                EcoreUtil.remove(object);
                removed++;
            }
        }
        return removed;
    }
}
