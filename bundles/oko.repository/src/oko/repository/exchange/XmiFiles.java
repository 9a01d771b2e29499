package oko.repository.exchange;

import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.model.OkoPackage;
import oko.repository.internal.Messages;

/** Reading and writing Oko model files (XMI, UTF-8). */
public final class XmiFiles {

    private XmiFiles() {
    }

    /** A resource set that reads and writes every file as XMI and knows the Oko package. */
    public static ResourceSet resourceSet() {
        ResourceSet set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put(Resource.Factory.Registry.DEFAULT_EXTENSION,
                new XMIResourceFactoryImpl());
        set.getPackageRegistry().put(OkoPackage.eNS_URI, OkoPackage.eINSTANCE);
        set.getLoadOptions().put(XMLResource.OPTION_DEFER_IDREF_RESOLUTION, Boolean.TRUE);
        return set;
    }

    /** Options for saving: UTF-8, schema location, line breaks. */
    public static Map<Object, Object> saveOptions() {
        return Map.of(XMLResource.OPTION_ENCODING, "UTF-8", XMLResource.OPTION_SCHEMA_LOCATION, Boolean.TRUE,
                XMLResource.OPTION_LINE_WIDTH, 120);
    }

    /** Loads {@code file}; load failures and errors go to {@code problems} with file, line and column. */
    public static Resource loadReporting(ResourceSet set, URI file, List<String> problems) {
        Resource resource;
        try {
            resource = set.getResource(file, true);
        } catch (RuntimeException e) {
            resource = set.getResource(file, false);
            if (resource == null || resource.getErrors().isEmpty()) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                problems.add(Messages.bind(Messages.importLoadError,
                        new Object[] { fileName(file), "?", "?", cause.getMessage() }));
                return resource;
            }
        }
        reportErrors(resource, problems);
        return resource;
    }

    static void reportErrors(Resource resource, List<String> problems) {
        for (Resource.Diagnostic error : resource.getErrors()) {
            String location = error.getLocation() != null ? error.getLocation() : resource.getURI().toString();
            String message = problemText(error.getMessage());
            String entry = Messages.bind(Messages.importLoadError, new Object[] { fileName(URI.createURI(location)),
                    error.getLine(), error.getColumn(), message });
            if (!problems.contains(entry)) {
                problems.add(entry);
            }
        }
    }

    private static String problemText(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\(.*?, \\d+, \\d+\\)$", "");
    }

    /** The file name for messages: the local path for file URIs, else the last segment. */
    public static String fileName(URI uri) {
        if (uri.isFile()) {
            return uri.toFileString();
        }
        return uri.lastSegment() != null ? uri.lastSegment() : uri.toString();
    }
}
