package oko.core.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import oko.model.Attachment;
import oko.model.Document;
import oko.model.OkoFactory;

/**
 * Files stored with documents in the repository: bytes with name, media type, size and SHA-256.
 * One attachment per file name: attaching a name again replaces its content.
 */
public final class Attachments {

    /** The largest file Oko stores with a document (50 MiB): larger files belong on a file server, linked. */
    public static final long MAX_SIZE = 50L * 1024 * 1024;

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("pdf", "application/pdf"),
            Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
            Map.entry("doc", "application/msword"),
            Map.entry("xls", "application/vnd.ms-excel"),
            Map.entry("rtf", "application/rtf"),
            Map.entry("odt", "application/vnd.oasis.opendocument.text"),
            Map.entry("ods", "application/vnd.oasis.opendocument.spreadsheet"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("txt", "text/plain"),
            Map.entry("csv", "text/csv"),
            Map.entry("html", "text/html"),
            Map.entry("htm", "text/html"),
            Map.entry("xml", "application/xml"),
            Map.entry("zip", "application/zip"));

    private Attachments() {
    }

    /**
     * Attaches {@code content} to {@code document} as {@code fileName} (an attachment of the same name
     * is replaced); media type from the file name; changes the model (call inside a transaction).
     *
     * @throws IllegalArgumentException when the name is blank or the content larger than {@link #MAX_SIZE}
     */
    public static Attachment attach(Document document, String fileName, byte[] content) {
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(content, "content");
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("A file name is needed to attach a file");
        }
        if (content.length > MAX_SIZE) {
            throw new IllegalArgumentException("«" + fileName + "» is " + content.length
                    + " bytes; files larger than " + MAX_SIZE + " bytes are not stored in the repository");
        }
        Attachment attachment = find(document, fileName).orElseGet(() -> {
            Attachment created = OkoFactory.eINSTANCE.createAttachment();
            created.setFileName(fileName);
            document.getAttachments().add(created);
            return created;
        });
        attachment.setMediaType(mediaType(fileName));
        attachment.setSize(content.length);
        attachment.setSha256(sha256(content));
        attachment.setContent(content.clone());
        return attachment;
    }

    /** The attachment of {@code document} named {@code fileName}, if any. */
    public static Optional<Attachment> find(Document document, String fileName) {
        return document.getAttachments().stream().filter(a -> fileName.equals(a.getFileName())).findFirst();
    }

    /** SHA-256 of {@code content}, lower-case hex. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** SHA-256 of a text's UTF-8 bytes, lower-case hex. */
    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The media type for a file name by its extension (pdf, docx, xlsx, doc, xls, odt, png, jpg, txt,
     * html, zip…), else application/octet-stream.
     */
    public static String mediaType(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return "application/octet-stream";
        }
        return TYPES.getOrDefault(fileName.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
