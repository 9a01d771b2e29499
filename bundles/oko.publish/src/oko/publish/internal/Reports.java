package oko.publish.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.birt.report.engine.layout.pdf.font.FontMappingManagerFactory;
import org.openpdf.text.pdf.BaseFont;

import oko.model.Document;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * The BIRT reports beside the tables (layouts {@code techmap}, {@code roles}, {@code plan}) as PDF,
 * rendered by oko.reports (headless) and made deterministic: the page header's date is the data's
 * date (the period's end, else the latest document's date), and the PDF's own creation and
 * modification dates, its file identifier and the font subset prefixes, which the PDF library sets
 * from the clock and at random, are replaced by fixed values of the same length (so the cross
 * reference offsets stay valid).
 */
public final class Reports {

    private static final Pattern PDF_DATE = Pattern.compile("/(CreationDate|ModDate)\\s*\\(D:([^)]*)\\)");
    private static final Pattern PDF_ID = Pattern.compile("/ID\\s*\\[\\s*<([0-9a-fA-F]+)>\\s*<([0-9a-fA-F]+)>\\s*\\]");
    private static final Pattern XMP_DATE = Pattern
            .compile("(?<!/)(xmp:(?:CreateDate|ModifyDate|MetadataDate)(?:>|=\\s*[\"']))([^<\"']*)");
    private static final Pattern XMP_ID = Pattern.compile("(?<!/)(xmpMM:(?:DocumentID|InstanceID)(?:>|=\\s*[\"']))([^<\"']*)");
    private static final Pattern SUBSET = Pattern.compile("/(?:FontName|BaseFont)\\s*/([A-Z]{6})\\+");

    private Reports() {
    }

    /** The renderer of the reports, or null when they cannot be rendered in this installation. */
    public static SiteWriter.ReportRenderer renderer() {
        return Reports::render;
    }

    static byte[] render(String id, QualitySystem system, Period period) throws IOException {
        Optional<Layout> layout;
        try {
            layout = oko.reports.Reports.catalogue(null).stream().filter(l -> l.id().equals(id)).findFirst();
        } catch (RuntimeException | LinkageError e) {
            return null; // no extension registry or no BIRT: the tables alone
        }
        if (layout.isEmpty() || layout.get().problem() != null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("system", system.getCode());
            synchronized (Reports.class) {
                fixSubsetPrefixes();
                oko.reports.Reports.render(layout.get(), Format.PDF, parameters, List.of(system), out, null,
                        dataDate(system, period));
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
        }
        return normalise(out.toByteArray());
    }

    /** The family the fonts configuration of oko.reports maps the reports' fonts to (sans-serif, any character). */
    private static final List<String> FAMILIES = List.of("DejaVu Sans");
    private static final byte[] SEED = "oko.publish".getBytes(StandardCharsets.US_ASCII);

    /**
     * Makes the font subset prefixes of the next PDF the same on every run. OpenPDF names each
     * embedded font subset with six letters drawn from the font's {@link SecureRandom} and repeats
     * them inside the compressed font program, where {@link #normalise(byte[])} cannot reach; BIRT
     * keeps one OpenPDF font per family and style for the whole process. Each of those fonts gets,
     * before every rendering, a fresh generator seeded with a constant (SHA1PRNG seeded before its
     * first use gives the same sequence every time), so the prefixes follow from the order in which
     * the document writes its fonts, which is the report's own. The fonts are created here (as BIRT
     * would on first use) once the engine has registered oko.reports' font folder.
     */
    static void fixSubsetPrefixes() {
        try {
            oko.reports.Reports.engine();
            FontMappingManagerFactory fonts = FontMappingManagerFactory.getInstance();
            // loads the engine's fonts configuration, which registers the folder of the DejaVu fonts
            fonts.getFontMappingManager("pdf", java.util.Locale.getDefault());
            for (String family : FAMILIES) {
                for (int style : new int[] { org.openpdf.text.Font.NORMAL, org.openpdf.text.Font.BOLD,
                        org.openpdf.text.Font.ITALIC, org.openpdf.text.Font.BOLDITALIC }) {
                    BaseFont font = fonts.createFont(family, style);
                    if (font != null) {
                        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                        random.setSeed(SEED);
                        font.setSecureRandom(random);
                    }
                }
            }
        } catch (NoSuchAlgorithmException | RuntimeException | LinkageError e) {
            // no such generator or another BIRT: the PDFs are written, their font programs may differ
        }
    }

    /** The date the reports carry: the period's end, else the latest date of the system's documents, else 01.01.2000. */
    static LocalDate dataDate(QualitySystem system, Period period) {
        if (period != null && period.getEndDate() != null) {
            return local(period.getEndDate());
        }
        Date latest = null;
        for (var iterator = system.eAllContents(); iterator.hasNext();) {
            if (iterator.next() instanceof Document document && document.getDate() != null
                    && (latest == null || document.getDate().after(latest))) {
                latest = document.getDate();
            }
        }
        return latest != null ? local(latest) : LocalDate.of(2000, 1, 1);
    }

    private static LocalDate local(Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /**
     * The PDF with its clock- and random-dependent bytes replaced, byte for byte the same length:
     * creation and modification dates become 2000-01-01 00:00:00 (their time zone's digits zero), the file identifier zeros,
     * the XMP metadata's dates and ids likewise, font subset prefixes AAAAAA, AAAAAB… in order of appearance.
     */
    public static byte[] normalise(byte[] pdf) {
        // ISO-8859-1 maps every byte to one char and back: offsets are kept
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        StringBuilder result = new StringBuilder(text.length());
        Matcher dates = PDF_DATE.matcher(text);
        while (dates.find()) {
            String value = dates.group(2);
            String fixed = fixedDate(value);
            dates.appendReplacement(result, Matcher.quoteReplacement(
                    dates.group().substring(0, dates.start(2) - dates.start()) + fixed + ")"));
        }
        dates.appendTail(result);
        text = result.toString();
        result = new StringBuilder(text.length());
        Matcher ids = PDF_ID.matcher(text);
        while (ids.find()) {
            String whole = ids.group();
            String first = "0".repeat(ids.group(1).length());
            String second = "0".repeat(ids.group(2).length());
            whole = whole.replace(ids.group(1), first).replace(ids.group(2), second);
            ids.appendReplacement(result, Matcher.quoteReplacement(whole));
        }
        ids.appendTail(result);
        text = result.toString();
        text = replaceGroup(text, XMP_DATE, Reports::fixedDate);
        text = replaceGroup(text, XMP_ID, id -> id.startsWith("uuid:") ? "uuid:" + id.substring(5).replaceAll("[0-9a-fA-F]", "0")
                : id.replaceAll("[0-9a-fA-F]", "0"));
        Map<String, String> prefixes = new LinkedHashMap<>();
        Matcher subsets = SUBSET.matcher(text);
        while (subsets.find()) {
            prefixes.computeIfAbsent(subsets.group(1), k -> prefix(prefixes.size()));
        }
        if (!prefixes.isEmpty()) {
            Matcher uses = Pattern.compile("/(" + String.join("|", prefixes.keySet()) + ")\\+").matcher(text);
            result = new StringBuilder(text.length());
            while (uses.find()) {
                uses.appendReplacement(result, Matcher.quoteReplacement("/" + prefixes.get(uses.group(1)) + "+"));
            }
            uses.appendTail(result);
            text = result.toString();
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** {@code text} with group 2 of every match of {@code pattern} replaced by {@code fix} of it. */
    private static String replaceGroup(String text, Pattern pattern, java.util.function.UnaryOperator<String> fix) {
        Matcher matcher = pattern.matcher(text);
        StringBuilder result = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(result, Matcher.quoteReplacement(matcher.group(1) + fix.apply(matcher.group(2))));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    /** The date's digits replaced by those of 2000-01-01 00:00:00 (then zeros), its other characters kept. */
    private static String fixedDate(String value) {
        String digits = "20000101000000";
        StringBuilder result = new StringBuilder(value.length());
        int next = 0;
        for (char c : value.toCharArray()) {
            if (Character.isDigit(c)) {
                result.append(next < digits.length() ? digits.charAt(next) : '0');
                next++;
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    private static String prefix(int index) {
        char[] letters = new char[6];
        for (int i = 5; i >= 0; i--) {
            letters[i] = (char) ('A' + index % 26);
            index /= 26;
        }
        return new String(letters);
    }
}
