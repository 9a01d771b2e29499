package oko.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import oko.model.Direction;
import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.Plan;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.ui.RepositoryConnection;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;
import oko.ui.internal.editors.Tables;

/**
 * The table editors come from table descriptions contributed to {@code oko.table.descriptions}:
 * oko.table's (the three of the source documents and RACI), and one this test bundle contributes
 * as a module would ({@code descriptions/periods.tables.xmi}).
 */
class TablesTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    @AfterEach
    void closeEditors() throws Exception {
        UiThread.run(() -> page().closeAllEditors(false));
    }

    private static Optional<String> tableOf(CDOID id) {
        return read(id, object -> Tables.of(object).map(Tables.Table::id));
    }

    @Test
    void theBuiltInTablesOpenTheirObjectsAndOthersGetTheForm() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        List<String> ids = Tables.all().stream().map(Tables.Table::id).toList();
        assertTrue(ids.containsAll(List.of("oko.ui.tables.techMap", "oko.ui.tables.roleDistribution",
                "oko.ui.tables.plan", "oko.ui.tests.periods")), "contributed tables: " + ids);
        assertEquals(Optional.of("oko.ui.tables.techMap"),
                tableOf(find(o -> o instanceof Direction d && !d.getStages().isEmpty())));
        assertEquals(Optional.of("oko.ui.tables.roleDistribution"),
                tableOf(find(o -> o instanceof QualitySystem s && !s.getSections().isEmpty())));
        assertEquals(Optional.of("oko.ui.tables.plan"), tableOf(find(Plan.class::isInstance)));
        assertEquals(Optional.empty(), tableOf(find(Role.class::isInstance)));
    }

    @Test
    void aContributedTableOpensInTheTableEditorWithItsRowsAndColumns() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        // the sample's model root with periods (Sample.find looks below the roots)
        CDOID rootId = read(find(o -> o instanceof Period && o.eContainer() instanceof ModelRoot root
                && root.getPeriods().size() >= 2), o -> CDOUtil.getCDOObject(o.eContainer()).cdoID());
        List<List<String>> expected = read(rootId, o -> ((ModelRoot) o).getPeriods().stream()
                .map(p -> List.of(text(p, "code"), text(p, "name"))).toList());
        TableEditor editor = UiThread.call(() -> (TableEditor) page().openEditor(
                new ModelEditorInput(rootId, "oko.ui.tests.periods", "Реестр"), TableEditor.ID));
        UiThread.waitUntil("the periods table shows the model's periods", java.time.Duration.ofSeconds(10),
                () -> editor.cellTexts().equals(expected));
        assertEquals(List.of("Код", "Название"), UiThread.call(() -> java.util.Arrays
                .stream(editor.viewer().getTree().getColumns()).map(c -> c.getText()).toList()));
        assertEquals("Периоды (тест): Реестр", UiThread.call(() -> editor.getEditorInput().getToolTipText()));
    }

    private static String text(EObject object, String feature) {
        Object value = object.eGet(object.eClass().getEStructuralFeature(feature));
        return value == null ? "" : value.toString().replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }
}
