package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import oko.core.documents.Attachments;
import oko.model.Attachment;
import oko.model.Document;
import oko.model.OkoFactory;

class AttachmentsTest {

    @Test
    void sha256IsTheKnownDigest() {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Attachments.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
        // SHA-256 of no bytes
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Attachments.sha256(new byte[0]));
    }

    @Test
    void mediaTypeByExtensionIgnoringCase() {
        assertEquals("application/pdf", Attachments.mediaType("Протокол №1.PDF"));
        assertEquals("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Attachments.mediaType("приказ.docx"));
        assertEquals("application/octet-stream", Attachments.mediaType("README"));
        assertEquals("application/octet-stream", Attachments.mediaType("archive.7z"));
    }

    @Test
    void attachingTheSameNameReplacesTheContent() {
        Document document = OkoFactory.eINSTANCE.createDocument();
        Attachment first = Attachments.attach(document, "план.pdf", "abc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(3, first.getSize());
        assertEquals("application/pdf", first.getMediaType());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", first.getSha256());

        Attachment second = Attachments.attach(document, "план.pdf", new byte[0]);
        assertSame(first, second, "one attachment per file name");
        assertEquals(1, document.getAttachments().size());
        assertEquals(0, second.getSize());
        assertArrayEquals(new byte[0], second.getContent());

        Attachments.attach(document, "скан.png", new byte[] { 1, 2 });
        assertEquals(2, document.getAttachments().size());
        assertTrue(Attachments.find(document, "скан.png").isPresent());
    }

    @Test
    void theContentIsCopied() {
        Document document = OkoFactory.eINSTANCE.createDocument();
        byte[] bytes = { 1, 2, 3 };
        Attachment attachment = Attachments.attach(document, "a.bin", bytes);
        bytes[0] = 9;
        assertEquals(1, attachment.getContent()[0], "changing the caller's array must not change the stored file");
    }

    @Test
    void aBlankNameIsRefused() {
        Document document = OkoFactory.eINSTANCE.createDocument();
        assertThrows(IllegalArgumentException.class, () -> Attachments.attach(document, " ", new byte[1]));
        assertEquals(0, document.getAttachments().size(), "nothing stored on bad input");
    }
}
