package oko.publish.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.publish.SitePublisher;
import oko.publish.SitePublisher.Options;
import oko.publish.SitePublisher.Result;
import oko.publish.internal.Reports;

/** The BIRT reports beside the tables: rendered to PDF and linked; their normalisation. */
class PublishReportsTest {

    @TempDir
    Path temp;

    @Test
    void reportsArePdfsLinkedBesideTheirTablesAndIdenticalTwice() throws Exception {
        Result first = SitePublisher.publish(new Sample().system(PublishSampleTest.ISHIMBAY), null, temp.resolve("a"),
                Options.defaults(), new NullProgressMonitor());
        Result second = SitePublisher.publish(new Sample().system(PublishSampleTest.ISHIMBAY), null, temp.resolve("b"),
                Options.defaults(), new NullProgressMonitor());
        for (String[] report : new String[][] { { "techmap.html", "techmap.pdf" }, { "roles.html", "roles.pdf" },
                { "plan.html", "plan.pdf" } }) {
            byte[] pdf = Files.readAllBytes(temp.resolve("a").resolve(report[1]));
            assertTrue(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-"), report[1]);
            assertTrue(Files.readString(temp.resolve("a").resolve(report[0])).contains("href=\"" + report[1] + "\""),
                    report[0] + " links " + report[1]);
        }
        // every file, the PDFs and the pages with drawn diagrams included: same paths, same checksums
        assertEquals(first.files().stream().map(SitePublisher.PublishedFile::path).toList(),
                second.files().stream().map(SitePublisher.PublishedFile::path).toList());
        assertEquals(first.files(), second.files());
        new SiteChecks(first).linksResolve();
    }

    /**
     * Byte for byte, the embedded font streams (compressed) included: the PDF library names font
     * subsets with a random prefix, which the dictionaries show ({@link Reports#normalise} fixes
     * those) and the compressed font program repeats; the prefixes are drawn from a seeded generator.
     */
    @Test
    void reportPdfsAreByteIdentical() throws Exception {
        SitePublisher.publish(new Sample().system(PublishSampleTest.ISHIMBAY), null, temp.resolve("a"), Options.defaults(),
                new NullProgressMonitor());
        SitePublisher.publish(new Sample().system(PublishSampleTest.ISHIMBAY), null, temp.resolve("b"), Options.defaults(),
                new NullProgressMonitor());
        for (String pdf : List.of("techmap.pdf", "roles.pdf", "plan.pdf")) {
            assertArrayEquals(Files.readAllBytes(temp.resolve("a").resolve(pdf)),
                    Files.readAllBytes(temp.resolve("b").resolve(pdf)), pdf);
        }
    }

    @Test
    void normaliseFixesClockAndRandomBytesKeepingTheLength() {
        String pdf = "%PDF-1.5\n1 0 obj <</FontName /QWERTY+DejaVuSans /BaseFont /QWERTY+DejaVuSans>>\n"
                + "2 0 obj <</FontName /ZXCVBN+DejaVuSans-Bold>>\n"
                + "3 0 obj <</Producer (iText) /CreationDate (D:20261205064200+00'00') /ModDate (D:20261205064201+00'00')>>\n"
                + "<xmp:CreateDate>2026-12-05T07:42:00+00:00</xmp:CreateDate><xmpMM:DocumentID>uuid:9f1c2e3a-1b2c</xmpMM:DocumentID>\n"
                + "trailer <</ID [<0123456789abcdef0123456789abcdef><fedcba9876543210fedcba9876543210>]>>\n";
        byte[] normalised = Reports.normalise(pdf.getBytes(StandardCharsets.ISO_8859_1));
        String text = new String(normalised, StandardCharsets.ISO_8859_1);
        assertEquals(pdf.length(), normalised.length, "offsets kept");
        assertTrue(text.contains("/CreationDate (D:20000101000000+00'00')"), text);
        assertTrue(text.contains("/ModDate (D:20000101000000+00'00')"), text);
        assertTrue(text.contains("/ID [<00000000000000000000000000000000><00000000000000000000000000000000>]"), text);
        assertTrue(text.contains("/AAAAAA+DejaVuSans /BaseFont /AAAAAA+DejaVuSans") && text.contains("/AAAAAB+DejaVuSans-Bold"),
                text);
        assertTrue(text.contains("<xmp:CreateDate>2000-01-01T00:00:00+00:00</xmp:CreateDate>"), text);
        assertTrue(text.contains("<xmpMM:DocumentID>uuid:00000000-0000</xmpMM:DocumentID>\ntrailer <</ID"),
                "the text after a closing tag is left alone: " + text);
        assertFalse(List.of("QWERTY", "ZXCVBN", "2026").stream().anyMatch(text::contains), text);
    }
}
