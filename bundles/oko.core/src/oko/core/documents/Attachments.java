package oko.core.documents;

import oko.model.Attachment;
import oko.model.Document;

/**
 * Files stored with documents in the repository: bytes with name, media type, size and SHA-256.
 * <p>
 * CONTRACT (issue 20): signatures fixed by the lead; implemented on branch h-attach.
 */
public final class Attachments {

    private Attachments() {
    }

    /**
     * Attaches {@code content} to {@code document} as {@code fileName} (an attachment of the same name
     * is replaced); media type from the file name; changes the model (call inside a transaction).
     */
    public static Attachment attach(Document document, String fileName, byte[] content) {
        throw new UnsupportedOperationException("h-attach");
    }

    /** SHA-256 of {@code content}, lower-case hex. */
    public static String sha256(byte[] content) {
        throw new UnsupportedOperationException("h-attach");
    }

    /** The media type for a file name by its extension (pdf, docx, xlsx, doc, xls, odt, png, jpg, txt, html, zip…), else application/octet-stream. */
    public static String mediaType(String fileName) {
        throw new UnsupportedOperationException("h-attach");
    }
}
