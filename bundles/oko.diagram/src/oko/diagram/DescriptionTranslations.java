package oko.diagram;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.emf.common.util.TreeIterator;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * The user-visible texts of a description file in the user's language. A description is written in
 * Russian (Oko's default language); beside the file {@code NAME.xmi}, {@code NAME_en.properties}
 * (generally {@code NAME_<language>[_<COUNTRY>].properties}) translates the {@code label} of any
 * element by the element's {@code id}: {@code cycle = Management cycle of a direction}. A label
 * written as {@code %key} is always looked up ({@code NAME.properties} holds the default text). A
 * label without a translation stays as it is.
 */
public final class DescriptionTranslations {

    private DescriptionTranslations() {
    }

    /** Replaces the labels below {@code root}, read from {@code file}, by those of the locale. */
    public static void translate(EObject root, URI file, Locale locale) {
        Properties texts = texts(file, locale);
        for (TreeIterator<EObject> it = org.eclipse.emf.ecore.util.EcoreUtil.getAllContents(List.of(root)); it.hasNext();) {
            EObject element = it.next();
            EStructuralFeature label = element.eClass().getEStructuralFeature("label");
            EStructuralFeature id = element.eClass().getEStructuralFeature("id");
            if (!(label instanceof EAttribute) || label.isMany() || label.getEType().getInstanceClass() != String.class) {
                continue;
            }
            String text = (String) element.eGet(label);
            String translated = null;
            if (text != null && text.startsWith("%") && text.length() > 1) {
                translated = texts.getProperty(text.substring(1));
            } else if (id != null && element.eGet(id) instanceof String key) {
                translated = texts.getProperty(key);
            }
            if (translated != null && !translated.isBlank()) {
                element.eSet(label, translated.strip());
            }
        }
    }

    /** The texts of the locale: the base file, overridden by the language's, overridden by the country's. */
    static Properties texts(URI file, Locale locale) {
        Properties texts = new Properties();
        String base = file.trimFileExtension().toString();
        List<String> suffixes = new ArrayList<>();
        suffixes.add("");
        if (!locale.getLanguage().isEmpty()) {
            suffixes.add("_" + locale.getLanguage());
            if (!locale.getCountry().isEmpty()) {
                suffixes.add("_" + locale.getLanguage() + "_" + locale.getCountry());
            }
        }
        for (String suffix : suffixes) {
            try (InputStream in = open(base + suffix + ".properties")) {
                if (in != null) {
                    texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // no such translation: the labels stay as written
            }
        }
        return texts;
    }

    private static InputStream open(String uri) {
        try {
            URI emf = URI.createURI(uri);
            if (emf.isPlatformPlugin()) {
                org.osgi.framework.Bundle bundle = org.eclipse.core.runtime.Platform.getBundle(emf.segment(1));
                String path = String.join("/", emf.segmentsList().subList(2, emf.segmentCount()));
                URL url = bundle == null ? null : bundle.getEntry(path);
                return url == null ? null : url.openStream();
            }
            return new URL(emf.isFile() ? emf.toString() : uri).openStream();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
