package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import oko.exchange.ImportReport;
import oko.exchange.ModelImports;
import oko.exchange.ui.internal.ImportWizard;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * Файл ▸ Импорт…: a register of organisations (the real one when installed, else the tests' tiny
 * one) read from a CSV, previewed (the counts and the first rows shown), stored by Finish in a job,
 * the new schools selected in the navigator; a file with errors shows them and cannot be finished.
 */
class ImportWizardTest {

    private static final String SYSTEM = "ishimbay-msoko";
    private static final List<String> CODES = List.of("ТЕСТ-ИМП-01", "ТЕСТ-ИМП-02");

    /** The real register of organisations when installed, else the tests' own. */
    private static String kind() {
        return ModelImports.importOf("organisations").isPresent() ? "organisations" : TestOrganisations.ID;
    }

    private static Path csv(String name, String text) throws Exception {
        Path file = Files.createTempDirectory("oko-import-wizard").resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    /** Chooses File ▸ Import… as the user does and returns the wizard's dialog. */
    private static WizardDialog openFromFileMenu() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        Shell shell = UiThread.chooseFromMenu("Файл", "Импорт…", "Импорт");
        return UiThread.call(() -> (WizardDialog) shell.getData());
    }

    private static ImportWizard wizard(WizardDialog dialog) throws Exception {
        return UiThread.call(() -> (ImportWizard) dialog.getCurrentPage().getWizard());
    }

    /** Presses a button of the dialog later (Next reads the file with a progress bar). */
    private static void press(WizardDialog dialog, int id) throws Exception {
        Button button = UiThread.call(() -> UiThread.button(dialog.getShell(), id));
        assertTrue(UiThread.call(button::isEnabled), "button " + id + " is disabled");
        UiThread.run(() -> Display.getCurrent().asyncExec(() -> button.notifyListeners(SWT.Selection, new Event())));
    }

    private static List<Organisation> stored(CDOView view) {
        List<Organisation> found = new ArrayList<>();
        for (var root : OkoRepository.roots(view)) {
            if (root instanceof ModelRoot model) {
                model.getOrganisations().stream().filter(o -> CODES.contains(o.getCode())).forEach(found::add);
            }
        }
        return found;
    }

    @AfterEach
    void removeTheImportedSchools() throws Exception {
        Job.getJobManager().join(ImportWizard.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        var transaction = repository.openTransaction();
        try {
            for (var root : OkoRepository.roots(transaction)) {
                if (root instanceof ModelRoot model) {
                    model.getOrganisations().removeIf(o -> CODES.contains(o.getCode()));
                }
            }
            if (transaction.isDirty()) {
                repository.commit(transaction, "test cleanup", new NullProgressMonitor());
            }
        } finally {
            transaction.close();
        }
    }

    @Test
    void aRegisterOfOrganisationsIsPreviewedStoredAndSelectedInTheNavigator() throws Exception {
        Path file = csv("организации.csv", "Код;Полное наименование;Краткое наименование\n"
                + "ТЕСТ-ИМП-01;Муниципальное бюджетное общеобразовательное учреждение «Тестовая школа № 1»;МБОУ ТШ № 1\n"
                + "ТЕСТ-ИМП-02;Муниципальное бюджетное общеобразовательное учреждение «Тестовая школа № 2»;МБОУ ТШ № 2\n");
        WizardDialog dialog = openFromFileMenu();
        ImportWizard wizard = wizard(dialog);
        UiThread.run(() -> wizard.choosePage().choose(kind(), file.toString(), SYSTEM));
        assertFalse(UiThread.call(() -> UiThread.button(dialog.getShell(), IDialogConstants.FINISH_ID).isEnabled()),
                "not finished before the preview");
        press(dialog, IDialogConstants.NEXT_ID);
        UiThread.waitUntil("the preview page", java.time.Duration.ofSeconds(30), () -> dialog.getCurrentPage() == wizard.previewPage());

        ImportReport report = UiThread.call(wizard::report);
        assertEquals(List.of(), report.errors(), "no errors in the file");
        int created = report.counts().values().stream().mapToInt(c -> c[0]).sum();
        assertEquals(2, created, "two organisations to create: " + report.lines());
        String counts = UiThread.call(() -> wizard.previewPage().countsText());
        assertTrue(counts.startsWith("Будет сохранено:") && counts.contains("создать 2, обновить 0"), counts);
        List<List<String>> rows = UiThread.call(() -> wizard.previewPage().rowsShown());
        assertEquals(3, rows.size(), "the header and the two rows: " + rows);
        assertTrue(rows.get(1).contains("ТЕСТ-ИМП-01") && rows.get(2).contains("ТЕСТ-ИМП-02"), rows.toString());
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(dialog.getShell(), "import-wizard-preview"));

        CDOView before = RepositoryConnection.repository().orElseThrow().openView();
        try {
            assertEquals(List.of(), stored(before), "the preview stores nothing");
        } finally {
            before.close();
        }

        press(dialog, IDialogConstants.FINISH_ID);
        UiThread.waitUntil("the wizard to close", java.time.Duration.ofSeconds(10), () -> dialog.getShell() == null || dialog.getShell().isDisposed());
        Job.getJobManager().join(ImportWizard.FAMILY, null);

        RepositoryNavigator navigator = UiThread.call(() -> (RepositoryNavigator) PlatformUI.getWorkbench()
                .getActiveWorkbenchWindow().getActivePage().findView(RepositoryNavigator.ID));
        assertNotNull(navigator, "the navigator is shown");
        UiThread.waitUntil("the new schools selected in the navigator", java.time.Duration.ofSeconds(30), () -> {
            Set<String> codes = new java.util.HashSet<>();
            for (Object selected : navigator.viewer().getStructuredSelection().toList()) {
                if (selected instanceof Organisation o) {
                    codes.add(o.getCode());
                }
            }
            return codes.equals(Set.copyOf(CODES));
        });
        List<String> shown = UiThread.call(() -> {
            List<String> texts = new ArrayList<>();
            for (TreeItem item : navigator.viewer().getTree().getSelection()) {
                texts.add(item.getText());
            }
            return texts;
        });
        assertEquals(2, shown.size(), "both schools are visible in the tree: " + shown);
        assertTrue(shown.stream().anyMatch(t -> t.contains("ТШ № 1") || t.contains("ТЕСТ-ИМП-01")), shown.toString());
        UiThread.call(() -> {
            navigator.viewer().getTree().showSelection();
            return Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                    "import-wizard-navigator");
        });

        CDOView after = RepositoryConnection.repository().orElseThrow().openView();
        try {
            List<Organisation> schools = stored(after);
            assertEquals(CODES, schools.stream().map(Organisation::getCode).sorted().toList());
            Organisation first = schools.stream().filter(o -> o.getCode().equals("ТЕСТ-ИМП-01")).findFirst().orElseThrow();
            assertEquals("МБОУ ТШ № 1", first.getShortName());
            assertEquals("Муниципальное бюджетное общеобразовательное учреждение «Тестовая школа № 1»", first.getName());
        } finally {
            after.close();
        }
    }

    @Test
    void aFileWithErrorsListsThemAndCannotBeFinished() throws Exception {
        Path file = csv("ошибки.csv", "Код;Полное наименование;Краткое наименование\n"
                + "ТЕСТ-ИМП-01;Тестовая школа № 1;ТШ № 1\n" + ";Школа без кода;Без кода\n");
        WizardDialog dialog = openFromFileMenu();
        ImportWizard wizard = wizard(dialog);
        UiThread.run(() -> wizard.choosePage().choose(kind(), file.toString(), SYSTEM));
        press(dialog, IDialogConstants.NEXT_ID);
        UiThread.waitUntil("the preview page", java.time.Duration.ofSeconds(30), () -> dialog.getCurrentPage() == wizard.previewPage());
        ImportReport report = UiThread.call(wizard::report);
        assertTrue(report.hasErrors(), report.lines().toString());
        List<String> listed = UiThread.call(() -> wizard.previewPage().messagesShown());
        assertTrue(listed.stream().anyMatch(l -> l.startsWith("ошибки.csv, строка 3")), listed.toString());
        assertTrue(UiThread.call(() -> wizard.previewPage().countsText()).startsWith("Ошибок в файле: "));
        assertFalse(UiThread.call(() -> UiThread.button(dialog.getShell(), IDialogConstants.FINISH_ID).isEnabled()),
                "no Finish with errors");
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(dialog.getShell(), "import-wizard-errors"));
        UiThread.run(dialog::close);
        CDOView view = RepositoryConnection.repository().orElseThrow().openView();
        try {
            assertEquals(List.of(), stored(view), "nothing stored");
        } finally {
            view.close();
        }
    }
}
