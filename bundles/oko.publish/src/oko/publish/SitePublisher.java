package oko.publish;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;

import oko.model.Document;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.publish.internal.Diagrams;
import oko.publish.internal.Reports;
import oko.publish.internal.SiteWriter;

/**
 * Publishes a quality system as a self-contained static site section (HTML + CSS + files, relative
 * links only, Russian), deterministically: the same repository gives byte-identical files, listed
 * with their checksums in {@code manifest.json}.
 * <p>
 * CONTRACT (issue 20): signatures fixed by the lead; implemented on branch h-publish.
 */
public final class SitePublisher {

    private SitePublisher() {
    }

    /**
     * @param reports whether the BIRT reports (technological map, role distribution, plan) are rendered
     *        to PDF beside their HTML tables
     */
    public record Options(boolean reports) {
        public static Options defaults() {
            return new Options(true);
        }
    }

    /** A written file: path relative to the output directory ('/' separated), size, SHA-256 (lower-case hex). */
    public record PublishedFile(String path, long size, String sha256) {
    }

    /**
     * What was written: the files in path order, and for each published document (status PUBLISHED or
     * APPROVED) the relative path of the page (with anchor) or file where it is published.
     */
    public record Result(Path directory, List<PublishedFile> files, Map<Document, String> documentPaths,
            List<String> changed, List<String> removed) {

        /** A result without the lists of changed and removed files. */
        public Result(Path directory, List<PublishedFile> files, Map<Document, String> documentPaths) {
            this(directory, files, documentPaths, List.of(), List.of());
        }
    }

    /**
     * Writes the site of {@code system} for {@code period} (null: the system's latest period with data)
     * into {@code out} (created; files Oko wrote before and no longer writes are removed, other files
     * are left). Reads the model only.
     */
    public static Result publish(QualitySystem system, Period period, Path out, Options options,
            IProgressMonitor monitor) throws IOException {
        Options chosen = options == null ? Options.defaults() : options;
        return new SiteWriter(system, period, chosen, chosen.reports() ? Reports.renderer() : null, Diagrams.renderer())
                .write(out, monitor);
    }

    /** The period {@link #publish} uses for {@code period == null}: the latest with analysed monitoring data, or null. */
    public static Period defaultPeriod(QualitySystem system) {
        return SiteWriter.latestPeriod(system);
    }

    /**
     * Whether {@code text} can be the site section's address {@link #recordLinks} builds the links on:
     * an absolute http or https URL with a host, without query or fragment.
     */
    public static boolean isSectionAddress(String text) {
        try {
            java.net.URI uri = new java.net.URI(text);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /**
     * Records the publication: each published document gets {@code publicationLink} = baseUrl + '/' +
     * its path (and {@code publicationDate} = today when it had none). Changes the model: call it in a
     * transaction and commit with a comment. Returns the number of documents changed.
     */
    public static int recordLinks(Result result, String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("baseUrl");
        }
        String base = baseUrl.strip().replaceAll("/+$", "");
        Date today = Date.from(LocalDate.now().atStartOfDay(ZoneId.systemDefault()).toInstant());
        int changed = 0;
        for (Map.Entry<Document, String> entry : result.documentPaths().entrySet()) {
            Document document = entry.getKey();
            String link = base + "/" + entry.getValue();
            boolean change = false;
            if (!link.equals(document.getPublicationLink())) {
                document.setPublicationLink(link);
                change = true;
            }
            if (document.getPublicationDate() == null) {
                document.setPublicationDate(today);
                change = true;
            }
            if (change) {
                changed++;
            }
        }
        return changed;
    }
}
