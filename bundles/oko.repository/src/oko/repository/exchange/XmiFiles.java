package oko.repository.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.emf.common.util.TreeIterator;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.URIConverter;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.model.OkoPackage;
import oko.model.edit.ModelLabels;
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
        if (resource == null) {
            return;
        }
        for (Resource.Diagnostic error : resource.getErrors()) {
            String location = error.getLocation() != null ? error.getLocation() : resource.getURI().toString();
            String message = problemText(error.getMessage());
            String entry = Messages.bind(Messages.importLoadError, new Object[] { fileName(URI.createURI(location)),
                    error.getLine(), error.getColumn(), message });
            if (!problems.contains(entry)) {
                problems.add(entry);
            }
        }
        duplicateIds(resource, problems);
    }

    private static final Pattern XMI_ID = Pattern.compile("\\bxmi:id\\s*=\\s*(\"([^\"]*)\"|'([^']*)')");

    /**
     * Reports every {@code xmi:id} given to more than one element of the resource: EMF keeps the
     * last one and silently points every reference at it. The problem names both elements and
     * the lines where they start.
     */
    static void duplicateIds(Resource resource, List<String> problems) {
        if (!(resource instanceof XMLResource xml)) {
            return;
        }
        Map<String, List<EObject>> byId = new LinkedHashMap<>();
        boolean duplicates = false;
        for (TreeIterator<EObject> it = xml.getAllContents(); it.hasNext();) {
            EObject object = it.next();
            String id = xml.getID(object);
            if (id != null) {
                List<EObject> objects = byId.computeIfAbsent(id, k -> new ArrayList<>());
                objects.add(object);
                duplicates |= objects.size() > 1;
            }
        }
        if (!duplicates) {
            return;
        }
        Map<String, List<Integer>> lines = idLines(xml);
        String file = fileName(xml.getURI());
        for (Map.Entry<String, List<EObject>> entry : byId.entrySet()) {
            List<EObject> objects = entry.getValue();
            List<Integer> at = lines.getOrDefault(entry.getKey(), List.of());
            for (int i = 1; i < objects.size(); i++) {
                String problem = Messages.bind(Messages.importDuplicateId, new Object[] { file, entry.getKey(),
                        line(at, 0), ModelLabels.label(objects.get(0)), line(at, i), ModelLabels.label(objects.get(i)) });
                if (!problems.contains(problem)) {
                    problems.add(problem);
                }
            }
        }
    }

    private static String line(List<Integer> lines, int index) {
        return index < lines.size() ? lines.get(index).toString() : "?";
    }

    /** The lines (1-based) of the elements carrying each xmi:id, in document order. */
    private static Map<String, List<Integer>> idLines(XMLResource resource) {
        Map<String, List<Integer>> lines = new LinkedHashMap<>();
        String text;
        try (InputStream in = resource.getResourceSet() != null
                ? resource.getResourceSet().getURIConverter().createInputStream(resource.getURI())
                : URIConverter.INSTANCE.createInputStream(resource.getURI())) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return lines;
        }
        Matcher matcher = XMI_ID.matcher(text);
        int line = 1;
        int counted = 0;
        while (matcher.find()) {
            int start = text.lastIndexOf('<', matcher.start());
            int at = start < 0 ? matcher.start() : start;
            if (at < counted) {
                counted = 0;
                line = 1;
            }
            for (int i = counted; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = at;
            String id = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            lines.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
        }
        return lines;
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
