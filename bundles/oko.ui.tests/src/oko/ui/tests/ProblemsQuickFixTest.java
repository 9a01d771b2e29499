package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.Test;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFixes;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.StageKind;
import oko.ui.RepositoryConnection;
import oko.ui.internal.navigator.RepositoryNavigator;
import oko.ui.internal.problems.ProblemsView;
import oko.ui.internal.problems.ValidateHandler;

/**
 * Quick fixes in «Проблемы модели»: validate the sample (nine OKO-CYCLE-03, directions without
 * stages), select one, Ctrl+1 shows the fix «Создать недостающие этапы управленческого цикла» at the
 * row, the context menu's «Быстрое исправление» lists it too; applying it gives the direction its six
 * stages (committed) and the problem disappears; Edit ▸ Undo in the view brings it back.
 */
class ProblemsQuickFixTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static List<ProblemsView.Row> rows(ProblemsView view) throws Exception {
        return UiThread.call(() -> {
            List<ProblemsView.Row> all = new ArrayList<>();
            for (var item : view.viewer().getTable().getItems()) {
                all.add((ProblemsView.Row) item.getData());
            }
            return all;
        });
    }

    private static boolean shown(ProblemsView view, String ruleId, CDOID object) throws Exception {
        return rows(view).stream().anyMatch(r -> r.ruleId().equals(ruleId) && object.equals(r.object()));
    }


    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    private static int stages(CDOID direction) {
        return Sample.read(direction, o -> ((Direction) o).getStages().size());
    }

    @Test
    void ctrl1AndTheContextMenuOfferTheFixWhichIsAppliedAndUndone() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        RepositoryNavigator navigator = UiThread.call(() -> (RepositoryNavigator) page().showView(RepositoryNavigator.ID));
        UiThread.waitUntil("the navigator's editing", () -> UiThread.call(() -> navigator.editing() != null));
        command("oko.ui.validate");
        Job.getJobManager().join(ValidateHandler.FAMILY, null);
        UiThread.waitUntil("Validate shows its problems", () -> page().findView(ProblemsView.ID)
                instanceof ProblemsView shown && shown.viewer().getTable().getItemCount() > 0);
        ProblemsView view = UiThread.call(() -> (ProblemsView) page().findView(ProblemsView.ID));
        List<ProblemsView.Row> validated = rows(view);
        ProblemsView.Row row = validated.stream().filter(r -> r.ruleId().equals("OKO-CYCLE-03")).findFirst()
                .orElseThrow(() -> new AssertionError("no OKO-CYCLE-03 in " + validated));
        assertEquals(0, stages(row.object()));
        QuickFix fix = QuickFixes.byId("OKO-FIX-CYCLE-STAGES").orElseThrow();
        assertEquals("Создать недостающие этапы управленческого цикла", fix.label());
        UiThread.run(() -> {
            page().activate(view);
            view.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(row), true);
        });
        UiThread.drain();
        assertEquals(List.of(fix), UiThread.call(() -> view.fixes(List.of(row))));

        // Ctrl+1 is bound in the view, and opens the fixes at the row
        assertEquals("Ctrl+1", UiThread.call(() -> PlatformUI.getWorkbench().getService(IBindingService.class)
                .getBestActiveBindingFormattedFor(ProblemsView.QUICK_FIX)));
        command(ProblemsView.QUICK_FIX);
        Menu shownMenu = UiThread.call(view::quickFixMenu);
        assertTrue(shownMenu != null, "Ctrl+1 (the command) opened no menu");
        UiThread.waitUntil("the quick fix menu shown", shownMenu::isVisible);
        assertEquals(List.of(fix.label()), UiThread.menuTexts(shownMenu));
        screenshot("problems-quick-fix-menu");
        UiThread.run(() -> shownMenu.setVisible(false));
        UiThread.drain();

        // the context menu: «Быстрое исправление» ▸ the fix
        Menu context = UiThread.call(() -> {
            Menu menu = view.viewer().getControl().getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            return menu;
        });
        Menu fixes = UiThread.call(() -> {
            Menu menu = UiThread.menuItem(context, "Быстрое исправление").getMenu();
            menu.notifyListeners(SWT.Show, new Event());
            return menu;
        });
        assertEquals(List.of(fix.label()), UiThread.menuTexts(fixes));
        MenuItem apply = UiThread.menuItem(fixes, fix.label());
        UiThread.run(() -> apply.notifyListeners(SWT.Selection, new Event()));
        UiThread.waitUntil("the direction's six stages committed", () -> stages(row.object()) == 6);
        assertEquals(List.of(StageKind.VALUES.toArray()), Sample.read(row.object(),
                o -> ((Direction) o).getStages().stream().map(CycleStage::getKind).toList()));
        UiThread.waitUntil("the fixed problem gone from the view after validating again",
                () -> !shown(view, "OKO-CYCLE-03", row.object()));
        assertTrue(rows(view).stream().anyMatch(r -> r.ruleId().equals("OKO-CYCLE-03")), "the other directions' problems stay");

        // Edit ▸ Undo in the Problems view undoes the fix (one step) and the problem is back
        UiThread.run(() -> page().activate(view));
        command("org.eclipse.ui.edit.undo");
        UiThread.waitUntil("the stages removed by Undo", () -> stages(row.object()) == 0);
        UiThread.waitUntil("the problem back after Undo", () -> shown(view, "OKO-CYCLE-03", row.object()));
    }

    /** The whole screen (the menu is a window of its own), as a PNG in the screenshots directory. */
    private static void screenshot(String name) throws Exception {
        UiThread.call(() -> {
            Display display = Display.getCurrent();
            var bounds = display.getBounds();
            Image image = new Image(display, bounds.width, bounds.height);
            GC gc = new GC(display);
            try {
                gc.copyArea(image, 0, 0);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] { image.getImageData() };
                Files.createDirectories(Screenshots.directory());
                loader.save(Screenshots.directory().resolve(name + ".png").toString(), SWT.IMAGE_PNG);
            } finally {
                gc.dispose();
                image.dispose();
            }
            return null;
        });
    }
}
