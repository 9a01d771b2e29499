package oko.municipal.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IPerspectiveDescriptor;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.core.modules.Modules;
import oko.ui.RepositoryConnection;

/**
 * The product without the school module (its feature left out of this runtime): the workbench
 * starts, opens the repository with the municipal module's sample, and shows nothing of the
 * school module — no school perspective, no school view, no school module to create systems from.
 */
class WorkbenchWithoutSchoolModuleTest {

    private static <T> T ui(java.util.concurrent.Callable<T> code) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Display.getDefault().syncExec(() -> {
            try {
                result.set(code.call());
            } catch (Exception e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    @Test
    void theWorkbenchStartsAndWorksWithoutTheSchoolModule() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        assertNull(Platform.getBundle("oko.school"));
        assertNull(Platform.getBundle("oko.school.ui"));
        assertEquals(List.of("municipal"), Modules.all().stream().map(Modules.Module::id).toList());
        assertTrue(RepositoryConnection.repository().isPresent(), "the repository is open");
        assertFalse(RepositoryConnection.repository().get().isEmpty(), "the municipal module's sample is loaded");

        List<String> perspectives = ui(() -> Arrays.stream(PlatformUI.getWorkbench().getPerspectiveRegistry()
                .getPerspectives()).map(IPerspectiveDescriptor::getId).toList());
        assertTrue(perspectives.contains("oko.ui.perspective.methodologist"), perspectives.toString());
        assertTrue(perspectives.contains("oko.ui.perspective.reports"), perspectives.toString());
        assertTrue(perspectives.stream().noneMatch(id -> id.contains("school")), perspectives.toString());
        assertNull(ui(() -> PlatformUI.getWorkbench().getViewRegistry().find("oko.school.ui.views.school")));
        assertNotNull(ui(() -> PlatformUI.getWorkbench().getViewRegistry().find("oko.ui.views.navigator")));

        Path screenshots = Files.createDirectories(Path.of("target", "screenshots"));
        ui(() -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            String title = shell.getText();
            assertTrue(title.startsWith("Oko"), title);
            Display display = shell.getDisplay();
            while (display.readAndDispatch()) {
                // let the window paint
            }
            Image image = new Image(display, shell.getBounds().width, shell.getBounds().height);
            GC gc = new GC(display);
            gc.copyArea(image, shell.getBounds().x, shell.getBounds().y);
            gc.dispose();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { image.getImageData() };
            loader.save(screenshots.resolve("workbench-without-school.png").toString(), SWT.IMAGE_PNG);
            image.dispose();
            return null;
        });
    }
}
