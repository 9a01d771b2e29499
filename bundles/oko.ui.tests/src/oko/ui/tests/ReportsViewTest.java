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
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;
import oko.reports.ui.internal.ParametersDialog;
import oko.reports.ui.internal.ReportCatalogueView;
import oko.reports.ui.internal.SaveFolder;
import oko.ui.RepositoryConnection;

/**
 * The Reports perspective's catalogue: the shipped layouts with their titles; Run renders the role
 * distribution over the repository in a job and previews it in the embedded browser; Save as writes
 * a PDF; a broken design dropped into DATA/reports is listed with its problem, the others still run.
 */
class ReportsViewTest {

    /** How long a report may take to render (BIRT starts on the first one). */
    private static final java.time.Duration RENDERING = java.time.Duration.ofSeconds(60);

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
        UiThread.waitUntil("the catalogue lists its layouts", () -> !view.layouts().isEmpty());
        List<String> titles = UiThread.call(() -> view.layouts().stream().map(Layout::title).toList());
        assertTrue(titles.containsAll(List.of("Распределение функций", "Технологическая карта", "План мероприятий")),
                titles.toString());

        Layout roles = layout(view, "roles");
        UiThread.run(() -> {
            view.table().setSelection(new StructuredSelection(roles), true);
            view.getSite().getShell().getDisplay().asyncExec(view::run);
        });
        // the repository holds several systems: the report asks which one, from a drop-down
        Shell parameters = UiThread.waitForShell("Параметры отчёта");
        assertNotNull(parameters, "no parameters dialog for the system");
        ParametersDialog asked = (ParametersDialog) UiThread.call(parameters::getData);
        Combo systems = (Combo) UiThread.call(() -> asked.control("system"));
        List<String> offered = UiThread.call(() -> List.of(systems.getItems()));
        assertTrue(offered.stream().anyMatch(s -> s.endsWith("(msoko-functions-001)")), offered.toString());
        UiThread.run(() -> systems.select(offered.indexOf(offered.stream().filter(s -> s.endsWith("(msoko-functions-001)"))
                .findFirst().orElseThrow())));
        UiThread.call(() -> Screenshots.save(parameters, "reports-roles-system"));
        pressOk(parameters);
        // rendered in a job, then previewed in an editor
        UiThread.waitUntil("the role distribution rendered and previewed", RENDERING,
                () -> view.previewFile() != null && view.previewFile().getFileName().toString().equals("roles.html")
                        && page().getActiveEditor() instanceof oko.reports.ui.internal.ReportPreview);
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
        UiThread.call(() -> view.render(techmap, Format.PDF, Map.of("system", "ishimbay-msoko"), pdf, () -> { }));
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

    @Test
    void theMonitoringReportAsksItsParametersFromListsOfTheRepositorysIndicatorsAndPeriods() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        UiThread.run(() -> PlatformUI.getWorkbench().showPerspective("oko.ui.perspective.reports",
                PlatformUI.getWorkbench().getActiveWorkbenchWindow()));
        ReportCatalogueView view = UiThread.call(() -> (ReportCatalogueView) page().showView(ReportCatalogueView.ID));
        Layout monitoring = layout(view, "monitoring");
        UiThread.run(() -> {
            view.table().setSelection(new StructuredSelection(monitoring), true);
            // Run opens the modal dialog: from a later event, so that this thread can drive it
            view.getSite().getShell().getDisplay().asyncExec(view::run);
        });
        Shell shell = UiThread.waitForShell("Параметры отчёта");
        assertNotNull(shell, "no parameters dialog");
        ParametersDialog dialog = (ParametersDialog) UiThread.call(shell::getData);
        Combo system = (Combo) UiThread.call(() -> dialog.control("system"));
        List<String> systems = UiThread.call(() -> List.of(system.getItems()));
        String ishimbay = systems.stream().filter(s -> s.endsWith("(ishimbay-msoko)")).findFirst()
                .orElseThrow(() -> new AssertionError("ishimbay-msoko not offered: " + systems));
        UiThread.run(() -> system.select(systems.indexOf(ishimbay)));
        Combo indicator = (Combo) UiThread.call(() -> dialog.control("indicator"));
        Combo period = (Combo) UiThread.call(() -> dialog.control("period"));
        List<String> indicators = UiThread.call(() -> List.of(indicator.getItems()));
        List<String> periods = UiThread.call(() -> List.of(period.getItems()));
        String wanted = indicators.stream().filter(i -> i.startsWith("1.2.1.1 ")).findFirst().orElseThrow(
                () -> new AssertionError("1.2.1.1 not offered: " + indicators));
        assertEquals("2023 год", periods.get(0), "the latest period first: " + periods);
        assertTrue(periods.containsAll(List.of("2022 год", "2021 год")), periods.toString());
        UiThread.run(() -> indicator.select(indicators.indexOf(wanted)));
        UiThread.call(() -> Screenshots.save(shell, "reports-monitoring-parameters"));
        pressOk(shell);
        UiThread.waitUntil("the monitoring report rendered and previewed", RENDERING,
                () -> view.previewFile() != null && view.previewFile().getFileName().toString().equals("monitoring.html")
                        && page().getActiveEditor() instanceof oko.reports.ui.internal.ReportPreview);
        String html = Files.readString(UiThread.call(view::previewFile));
        assertTrue(html.contains("Показатель: 1.2.1.1, Период: 2023"), "the preview is of the chosen parameters");
        assertTrue(html.contains(".png"), "the chart is in the preview");
        UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), "reports-preview-monitoring"));
    }

    private static void pressOk(Shell shell) throws Exception {
        UiThread.run(() -> {
            for (Control child : descendants(shell)) {
                if (child instanceof Button button && Integer.valueOf(IDialogConstants.OK_ID).equals(button.getData())) {
                    assertTrue(button.isEnabled());
                    button.notifyListeners(SWT.Selection, new Event());
                }
            }
        });
    }

    /** Save as starts in the user's documents folder (not the program's), then where the user saved last. */
    @Test
    void saveAsStartsInTheDocumentsFolderAndThenTheFolderUsedLast() throws Exception {
        Path home = Files.createTempDirectory("oko-home");
        java.util.function.Function<String, String> none = name -> null;
        assertEquals(home, SaveFolder.documents(none, home), "no documents folder: the home folder");
        Files.createDirectories(home.resolve("Документы"));
        assertEquals(home.resolve("Документы"), SaveFolder.documents(none, home));
        Files.createDirectories(home.resolve("Documents"));
        assertEquals(home.resolve("Documents"), SaveFolder.documents(none, home));
        Path xdg = Files.createDirectories(home.resolve("Мои документы"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"), "# xdg-user-dirs\nXDG_DOCUMENTS_DIR=\"$HOME/Мои документы\"\n");
        assertEquals(xdg, SaveFolder.documents(none, home), "the XDG documents dir of user-dirs.dirs");
        assertEquals(home.resolve("Documents"), SaveFolder.documents(
                name -> name.equals("XDG_DOCUMENTS_DIR") ? home.resolve("Documents").toString() : null, home));
        org.eclipse.jface.dialogs.DialogSettings settings = new org.eclipse.jface.dialogs.DialogSettings("test");
        assertEquals(xdg, SaveFolder.start(settings, none, home));
        Path reports = Files.createDirectories(home.resolve("отчёты"));
        SaveFolder.remember(settings, reports.resolve("roles.pdf"));
        assertEquals(reports, SaveFolder.start(settings, none, home), "the folder used last");
        // the view's own start is never the program's folder
        Path start = UiThread.call(() -> ((ReportCatalogueView) page().showView(ReportCatalogueView.ID)).saveFolder());
        Path program = Path.of("").toAbsolutePath();
        assertTrue(!start.equals(program) || program.equals(Path.of(System.getProperty("user.home"))), start.toString());
    }

    private static List<Control> descendants(Composite composite) {
        List<Control> all = new java.util.ArrayList<>();
        for (Control child : composite.getChildren()) {
            all.add(child);
            if (child instanceof Composite inner) {
                all.addAll(descendants(inner));
            }
        }
        return all;
    }
}
