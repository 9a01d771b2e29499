package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;
import oko.reports.ui.internal.ReportCatalogueView;
import oko.ui.RepositoryConnection;

/**
 * The Reports perspective's catalogue: the shipped layouts with their titles; Run renders the role
 * distribution over the repository in a job and previews it in the embedded browser; Save as writes
 * a PDF; a broken design dropped into DATA/reports is listed with its problem, the others still run.
 */
class ReportsViewTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Layout layout(ReportCatalogueView view, String id) throws Exception {
        return UiThread.call(() -> view.layouts().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow());
    }

    @Test
    void theCatalogueRunsARoleDistributionIntoThePreviewAndSavesAPdf() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        UiThread.run(() -> PlatformUI.getWorkbench().showPerspective("oko.ui.perspective.reports",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow()));
        ReportCatalogueView view = UiThread.call(() -> (ReportCatalogueView) page().showView(ReportCatalogueView.ID));
        UiThread.settle(300);
        List<String> titles = UiThread.call(() -> view.layouts().stream().map(Layout::title).toList());
        assertTrue(titles.containsAll(List.of("Распределение функций", "Технологическая карта", "План мероприятий")),
                titles.toString());

        Layout roles = layout(view, "roles");
        UiThread.run(() -> {
            view.table().setSelection(new StructuredSelection(roles), true);
            view.run();
        });
        Job.getJobManager().join(ReportCatalogueView.FAMILY, null);
        UiThread.settle(1500);
        Path preview = UiThread.call(view::previewFile);
        assertNotNull(preview, "no preview");
        String html = Files.readString(preview);
        assertTrue(html.contains("Примерное распределение функций по должностям"), "preview lacks the seed's header");
        var editor = UiThread.call(() -> page().getActiveEditor());
        assertTrue(editor instanceof oko.reports.ui.internal.ReportPreview, String.valueOf(editor));
        assertEquals("Распределение функций", UiThread.call(() -> editor.getTitle()));
        assertNotNull(UiThread.call(((oko.reports.ui.internal.ReportPreview) editor)::browser),
                "no embedded browser (WebKitGTK missing?)");
        UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "reports-preview-roles"));

        Path pdf = Screenshots.directory().resolve("saved-techmap.pdf");
        Layout techmap = layout(view, "techmap");
        UiThread.call(() -> view.render(techmap, Format.PDF, Map.of(), pdf, () -> { }));
        Job.getJobManager().join(ReportCatalogueView.FAMILY, null);
        assertTrue(Files.size(pdf) > 1000);
        assertEquals("%PDF", new String(Files.readAllBytes(pdf), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

        Path folder = RepositoryConnection.dataDirectory().orElseThrow().resolve("reports");
        Files.createDirectories(folder);
        Path broken = folder.resolve("broken.rptdesign");
        Files.writeString(broken, "<report xmlns=\"http://www.eclipse.org/birt/2005/design\">");
        try {
            UiThread.run(view::refresh);
            Layout listed = layout(view, "broken");
            assertNotNull(listed.problem());
            assertTrue(listed.problem().contains("broken.rptdesign"), listed.problem());
            assertNull(layout(view, "roles").problem());
            UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "reports-catalogue-broken"));
        } finally {
            Files.deleteIfExists(broken);
            UiThread.run(view::refresh);
        }
    }
}
