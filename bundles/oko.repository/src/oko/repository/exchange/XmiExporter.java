package oko.repository.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;

import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.repository.internal.Messages;

/**
 * Writes the repository (or one quality system with the shared objects it needs: territories,
 * organisations, persons, information systems, periods, clusters, attribute definitions) to one
 * XMI file. Objects get {@code xmi:id}s from their repository ids, so exports are stable. The
 * contributed {@link ExchangePart}s add their files beside it (the diagrams: NAME.diagrams.xmi).
 */
public final class XmiExporter {

    private XmiExporter() {
    }

    /** @return how many objects were written */
    public static int export(CDOView view, Path out, String systemCode, IProgressMonitor monitor)
            throws IOException {
        return export(view, out, systemCode, monitor, new ArrayList<>());
    }

    /**
     * Exports as {@link #export(CDOView, Path, String, IProgressMonitor)} does, then lets every
     * contributed {@link ExchangePart} write its files beside {@code out} (the diagrams, for one).
     *
     * @param warnings where the parts say what they left out
     * @return how many model objects were written
     */
    public static int export(CDOView view, Path out, String systemCode, IProgressMonitor monitor, List<String> warnings)
            throws IOException {
        List<ExchangePart> parts = ExchangeParts.all();
        SubMonitor progress = SubMonitor.convert(monitor, 3 + parts.size());
        OkoRepository.prefetch(view);
        List<EObject> roots = OkoRepository.roots(view);
        progress.worked(1);
        EcoreUtil.Copier copier = new EcoreUtil.Copier(true, false);
        List<EObject> contents = new ArrayList<>();
        if (systemCode == null) {
            contents.addAll(copier.copyAll(roots));
        } else {
            QualitySystem system = findSystem(roots, systemCode);
            ModelRoot original = (ModelRoot) system.eContainer();
            ModelRoot root = OkoFactory.eINSTANCE.createModelRoot();
            root.setName(original.getName());
            root.setDescription(original.getDescription());
            root.getTerritories().addAll(copier.copyAll(original.getTerritories()));
            root.getOrganisations().addAll(copier.copyAll(original.getOrganisations()));
            root.getPersons().addAll(copier.copyAll(original.getPersons()));
            root.getInformationSystems().addAll(copier.copyAll(original.getInformationSystems()));
            root.getPeriods().addAll(copier.copyAll(original.getPeriods()));
            root.getClusters().addAll(copier.copyAll(original.getClusters()));
            root.getAttributeDefinitions().addAll(copier.copyAll(original.getAttributeDefinitions()));
            root.getQualitySystems().add((QualitySystem) copier.copy(system));
            contents.add(root);
        }
        copier.copyReferences();
        progress.worked(1);
        XMLResource resource = (XMLResource) XmiFiles.resourceSet()
                .createResource(URI.createFileURI(out.toAbsolutePath().toString()));
        resource.getContents().addAll(contents);
        copier.forEach((original, copy) -> {
            if (original instanceof CDOObject cdo && cdo.cdoID() != null) {
                resource.setID(copy, "oko-" + cdo.cdoID().toURIFragment());
            }
        });
        resource.save(XmiFiles.saveOptions());
        progress.worked(1);
        for (ExchangePart part : parts) {
            part.export(view, out, copier, warnings);
            progress.worked(1);
        }
        return copier.size();
    }

    private static QualitySystem findSystem(List<EObject> roots, String code) throws IOException {
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    if (code.equals(system.getCode())) {
                        return system;
                    }
                }
            }
        }
        throw new IllegalArgumentException(Messages.bind(Messages.exportNoSystem, code));
    }
}
