package oko.publish.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * Writes HTML5 as well-formed XML-compatible markup: every element closed, void elements written
 * {@code <meta ... />}, text and attribute values escaped, attributes in the order given. Block
 * elements start on a new line so the output is readable and diffs line by line.
 */
public final class Html {

    private static final Set<String> BLOCK = Set.of("html", "head", "body", "header", "nav", "main", "footer",
            "section", "article", "div", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "h1",
            "h2", "h3", "h4", "p", "figure", "figcaption", "meta", "link", "title", "caption", "details", "summary");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();

    /** Opens an element; {@code attributes} are name/value pairs, a null value leaves the attribute out. */
    public Html start(String tag, String... attributes) {
        if (BLOCK.contains(tag)) {
            newline();
        }
        out.append('<').append(tag);
        attributes(attributes);
        out.append('>');
        open.push(tag);
        return this;
    }

    /** Closes the innermost open element. */
    public Html end() {
        String tag = open.pop();
        out.append("</").append(tag).append('>');
        return this;
    }

    /** Closes open elements up to and including {@code tag}. */
    public Html end(String tag) {
        while (!open.isEmpty()) {
            String top = open.peek();
            end();
            if (top.equals(tag)) {
                return this;
            }
        }
        throw new IllegalStateException(tag + " is not open");
    }

    /** A void element: {@code <tag a="b" />}. */
    public Html empty(String tag, String... attributes) {
        if (BLOCK.contains(tag)) {
            newline();
        }
        out.append('<').append(tag);
        attributes(attributes);
        out.append(" />");
        return this;
    }

    /** An element holding only text (nothing when the text is null). */
    public Html element(String tag, String text, String... attributes) {
        if (text == null) {
            return this;
        }
        start(tag, attributes);
        text(text);
        return end();
    }

    /** Escaped text (as given: the caller strips it); line breaks in it become {@code <br />}. */
    public Html text(String text) {
        if (text == null) {
            return this;
        }
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append("<br />");
            }
            out.append(escape(lines[i]));
        }
        return this;
    }

    /** A link (text escaped). */
    public Html link(String href, String text) {
        start("a", "href", href);
        text(text);
        return end();
    }

    /** Markup already well-formed (an SVG). */
    public Html raw(String markup) {
        newline();
        out.append(markup);
        return this;
    }

    private void attributes(String... attributes) {
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(escape(attributes[i + 1])).append('"');
            }
        }
    }

    private void newline() {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

    /** The markup; every element must be closed. */
    @Override
    public String toString() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed: " + open);
        }
        return out.toString() + (out.length() > 0 && out.charAt(out.length() - 1) == '\n' ? "" : "\n");
    }

    /** Escapes text or an attribute value for HTML and XML alike; drops characters XML forbids. */
    public static String escape(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
            case '&' -> result.append("&amp;");
            case '<' -> result.append("&lt;");
            case '>' -> result.append("&gt;");
            case '"' -> result.append("&quot;");
            default -> {
                if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                    result.append(c);
                }
            }
            }
        }
        return result.toString();
    }
}
