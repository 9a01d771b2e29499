package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IViewReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.ui.OkoWorkbenchAdvisor;

/** Starts the real Oko application (see pom.xml) and checks what a methodologist sees first. */
class WorkbenchStartupTest {

    @Test
    void workbenchOpensInTheMethodologistPerspectiveWithItsViews() throws Exception {
        assertTrue(PlatformUI.isWorkbenchRunning(), "the Oko workbench is not running");
        UiThread.waitUntil("the workbench window with its page", () -> PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                && PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage() != null);

        UiThread.run(() -> {
            IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            assertNotNull(window, "no active workbench window");
            IWorkbenchPage page = window.getActivePage();
            assertNotNull(page, "no active page");
            assertEquals(OkoWorkbenchAdvisor.DEFAULT_PERSPECTIVE, page.getPerspective().getId());
            assertEquals("Методист", page.getPerspective().getLabel());

            List<String> views = Arrays.stream(page.getViewReferences()).map(IViewReference::getId).toList();
            for (String id : List.of(IPageLayout.ID_PROP_SHEET, IPageLayout.ID_OUTLINE, "org.eclipse.pde.runtime.LogView")) {
                assertTrue(views.contains(id), id + " missing; the perspective shows " + views);
            }

            Shell shell = window.getShell();
            assertTrue(shell.isVisible());
            assertTrue(shell.getText().startsWith("Oko — репозиторий "), shell.getText());
            assertTrue(shell.getText().contains("oko-data"), "the title names the data directory: " + shell.getText());

            List<String> menus = Arrays.stream(shell.getMenuBar().getItems()).map(MenuItem::getText)
                    .map(t -> t.replace("&", "")).toList();
            assertEquals(List.of("Файл", "Правка", "Модель", "Мониторинг", "Окно", "Справка"), menus);
        });
    }

    @Test
    void theWorkbenchOpensTheEmbeddedRepositoryWithTheSampleModel() throws Exception {
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(oko.ui.RepositoryConnection.FAMILY, null);
        oko.repository.OkoRepository repository = oko.ui.RepositoryConnection.repository()
                .orElseThrow(() -> new AssertionError("the workbench did not open the repository"));
        assertTrue(repository.label().contains("oko-data"), repository.label());
        org.eclipse.emf.cdo.view.CDOView view = repository.openView();
        try {
            List<String> resources = oko.repository.OkoRepository.modelResources(view).stream()
                    .map(r -> r.getName()).toList();
            assertEquals(List.of("seeds.xmi", "illustrative-monitoring.xmi"), resources);
        } finally {
            view.close();
        }
    }

    @Test
    void theNavigatorShowsTheQualitySystemsOfTheRepository() throws Exception {
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(oko.ui.RepositoryConnection.FAMILY, null);
        oko.ui.internal.navigator.RepositoryNavigator navigator = UiThread.call(() -> (oko.ui.internal.navigator.RepositoryNavigator)
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(oko.ui.internal.navigator.RepositoryNavigator.ID));
        // the navigator fills its tree once it has read the repository
        UiThread.waitUntil("the navigator shows the repository's models",
                () -> navigator.viewer().getInput() instanceof List<?> top && !top.isEmpty() && !(top.get(0) instanceof String));
        List<String> labels = UiThread.call(() -> {
            org.eclipse.swt.widgets.Tree tree = navigator.viewer().getTree();
            java.util.List<String> texts = new java.util.ArrayList<>();
            for (org.eclipse.swt.widgets.TreeItem root : tree.getItems()) {
                texts.add(root.getText());
                for (org.eclipse.swt.widgets.TreeItem child : root.getItems()) {
                    texts.add(child.getText());
                }
            }
            return texts;
        });
        assertTrue(labels.stream().anyMatch(t -> t.contains("МСОКО МР Ишимбайский район")), labels.toString());
        assertTrue(labels.stream().anyMatch(t -> t.contains("СОШ № 51")), labels.toString());
        Path file = UiThread.call(() -> Screenshots.save(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "workbench-navigator"));
        assertTrue(Files.size(file) > 5_000);
    }

    @Test
    void anotherClientsCommitRefreshesTheNavigatorAndKeepsItsSelection() throws Exception {
        org.eclipse.core.runtime.jobs.Job.getJobManager().join(oko.ui.RepositoryConnection.FAMILY, null);
        oko.ui.internal.navigator.RepositoryNavigator navigator = UiThread.call(() -> (oko.ui.internal.navigator.RepositoryNavigator)
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage()
                        .showView(oko.ui.internal.navigator.RepositoryNavigator.ID));
        UiThread.waitUntil("the navigator shows the repository's models",
                () -> navigator.viewer().getInput() instanceof List<?> top && !top.isEmpty() && !(top.get(0) instanceof String));
        // open the first system (the navigator starts collapsed) and select its first direction
        Object direction = UiThread.call(() -> {
            var tree = navigator.viewer().getTree();
            navigator.viewer().expandToLevel(tree.getItems()[0].getData(), 1);
            for (org.eclipse.swt.widgets.TreeItem item : tree.getItems()[0].getItems()) {
                if (item.getData() instanceof oko.model.Direction) {
                    navigator.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(item.getData()));
                    return item.getData();
                }
            }
            throw new AssertionError("no direction under the first system");
        });
        var id = org.eclipse.emf.cdo.util.CDOUtil.getCDOObject((org.eclipse.emf.ecore.EObject) direction).cdoID();
        oko.repository.OkoRepository repository = oko.ui.RepositoryConnection.repository().orElseThrow();
        String original;
        try (oko.repository.OkoRepository other = oko.repository.OkoRepository
                .connect(repository.embeddedServer().orElseThrow(), "другой")) {
            var transaction = other.openTransaction();
            oko.model.Direction changed = (oko.model.Direction) transaction.getObject(id);
            original = changed.getName();
            changed.setName("Переименовано другим клиентом");
            other.commit(transaction, "Тест: переименование", new org.eclipse.core.runtime.NullProgressMonitor());
            transaction.close();
        }
        UiThread.waitUntil("the navigator's selected item shows the other client's new name", () -> {
            org.eclipse.swt.widgets.TreeItem[] selection = navigator.viewer().getTree().getSelection();
            assertTrue(selection.length > 0, "the selection was lost");
            return selection[0].getText().contains("Переименовано другим клиентом");
        });
        try (oko.repository.OkoRepository other = oko.repository.OkoRepository
                .connect(repository.embeddedServer().orElseThrow(), "другой")) {
            var transaction = other.openTransaction();
            ((oko.model.Direction) transaction.getObject(id)).setName(original);
            other.commit(transaction, "Тест: имя возвращено", new org.eclipse.core.runtime.NullProgressMonitor());
            transaction.close();
        }
    }

    @Test
    void screenshotOfTheWorkbenchShowsAWindowWithContent() throws Exception {
        UiThread.waitUntil("the workbench window shown", () -> PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                && PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell().isVisible());
        Path file = UiThread.call(() -> Screenshots.save(
                PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "workbench-methodologist"));
        assertTrue(Files.size(file) > 5_000, "screenshot too small: " + file);
        ImageData image = new ImageLoader().load(file.toString())[0];
        assertTrue(image.width >= 800 && image.height >= 600, "window is " + image.width + "x" + image.height);
        // a blank capture (nothing painted) has a single colour; a real window has many
        long colours = java.util.stream.IntStream.range(0, 2000)
                .map(i -> image.getPixel((i * 7919) % image.width, (i * 104729) % image.height))
                .distinct().count();
        assertTrue(colours > 5, "the screenshot looks blank (" + colours + " colours)");
    }
}
