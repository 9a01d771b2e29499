package oko.publish.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;

import oko.publish.SitePublisher.PublishedFile;
import oko.publish.SitePublisher.Result;

/** Checks of a published site: pages parse as XML, links resolve, headings in order, tables with th, alt texts. */
final class SiteChecks {

    private final Result result;
    private final Map<String, Document> pages = new HashMap<>();

    SiteChecks(Result result) throws Exception {
        this.result = result;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(null);
        for (PublishedFile file : result.files()) {
            if (file.path().endsWith(".html")) {
                Path path = result.directory().resolve(file.path());
                try {
                    pages.put(file.path(), builder.parse(path.toFile()));
                } catch (SAXParseException e) {
                    fail(file.path() + ":" + e.getLineNumber() + ":" + e.getColumnNumber() + ": not well-formed: "
                            + e.getMessage());
                }
            }
        }
    }

    Set<String> pages() {
        return pages.keySet();
    }

    Document page(String path) {
        Document document = pages.get(path);
        assertTrue(document != null, "no page " + path + " among " + pages.keySet());
        return document;
    }

    /** Every href and src is relative and names a written file (and, with '#', an id on that page). */
    void linksResolve() {
        Set<String> written = new HashSet<>();
        result.files().forEach(f -> written.add(f.path()));
        List<String> broken = new ArrayList<>();
        int links = 0;
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            for (Element element : elements(page.getValue().getDocumentElement())) {
                for (String attribute : List.of("href", "src")) {
                    if (!element.hasAttribute(attribute)) {
                        continue;
                    }
                    links++;
                    String link = element.getAttribute(attribute);
                    if (link.isEmpty() || link.contains(":") || link.startsWith("/") || link.startsWith("//")) {
                        broken.add(page.getKey() + ": not a relative link: " + link);
                        continue;
                    }
                    int hash = link.indexOf('#');
                    String file = hash < 0 ? link : link.substring(0, hash);
                    String anchor = hash < 0 ? null : link.substring(hash + 1);
                    String target = file.isEmpty() ? page.getKey()
                            : Path.of(page.getKey()).resolveSibling(file).normalize().toString().replace('\\', '/');
                    if (!written.contains(target)) {
                        broken.add(page.getKey() + ": " + link + " -> no file " + target);
                    } else if (anchor != null && (pages.get(target) == null || !ids(pages.get(target)).contains(anchor))) {
                        broken.add(page.getKey() + ": " + link + " -> no id " + anchor + " in " + target);
                    }
                }
            }
        }
        assertEquals(List.of(), broken, "broken links");
        assertTrue(links > pages.size(), "links checked: " + links);
    }

    /** One h1 first; no heading level skipped (h2 → h4). */
    void headingsInOrder() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            int previous = 0;
            int h1 = 0;
            for (Element element : elements(page.getValue().getDocumentElement())) {
                String tag = element.getTagName();
                if (tag.length() == 2 && tag.charAt(0) == 'h' && Character.isDigit(tag.charAt(1))) {
                    int level = tag.charAt(1) - '0';
                    assertTrue(level <= previous + 1, page.getKey() + ": " + tag + " «" + element.getTextContent()
                            + "» after h" + previous);
                    h1 += level == 1 ? 1 : 0;
                    previous = level;
                }
            }
            assertEquals(1, h1, page.getKey() + ": h1 count");
        }
    }

    /** Every table has header cells; every image has an alt text and every svg a title. */
    void tablesAndImagesAccessible() {
        for (Map.Entry<String, Document> page : pages.entrySet()) {
            Element html = page.getValue().getDocumentElement();
            assertEquals("ru", html.getAttribute("lang"), page.getKey());
            for (Element element : elements(html)) {
                switch (element.getTagName()) {
                case "table" -> assertTrue(element.getElementsByTagName("th").getLength() > 0,
                        page.getKey() + ": a table without th");
                case "img" -> assertFalse(element.getAttribute("alt").isBlank(), page.getKey() + ": img without alt");
                case "svg" -> {
                    NodeList titles = element.getElementsByTagName("title");
                    assertTrue(titles.getLength() > 0 && !titles.item(0).getTextContent().isBlank()
                            || !element.getAttribute("aria-label").isBlank(), page.getKey() + ": svg without title");
                }
                case "script" -> fail(page.getKey() + ": a script");
                default -> {
                }
                }
            }
        }
    }

    /** The page's text (markup stripped, whitespace collapsed). */
    String text(String path) {
        return page(path).getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    static String normalised(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    static Set<String> ids(Document document) {
        Set<String> ids = new HashSet<>();
        for (Element element : elements(document.getDocumentElement())) {
            if (element.hasAttribute("id")) {
                ids.add(element.getAttribute("id"));
            }
        }
        return ids;
    }

    static List<Element> elements(Element root) {
        List<Element> result = new ArrayList<>();
        collect(root, result);
        return result;
    }

    private static void collect(Node node, List<Element> into) {
        if (node instanceof Element element) {
            into.add(element);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            collect(child, into);
        }
    }

    static byte[] bytes(Path path) throws IOException {
        return Files.readAllBytes(path);
    }
}
