package oko.ui.editors;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;

import oko.model.edit.ModelLabels;
import oko.ui.internal.editors.FormEditor;
import oko.ui.internal.editors.ModelEditorInput;
import oko.ui.internal.editors.TableEditor;
import oko.ui.internal.editors.Tables;

/**
 * Which editor opens a model object, and opening it: the editor contributed for its type to the
 * {@code oko.ui.objectEditors} extension point, else the first table of {@code oko.ui.tables}
 * that opens it, else the form editor. The navigator, the working group view and commands showing
 * what they stored all open objects here, so a new kind of editor needs no change to them.
 */
public final class ObjectEditors {

    /** The extension point's id. */
    public static final String EXTENSION_POINT = "oko.ui.objectEditors";

    /** A contribution: the model interface's name and the editor's id. */
    private record Contribution(String type, String editorId) {
    }

    private static List<Contribution> contributions;

    private ObjectEditors() {
    }

    private static synchronized List<Contribution> contributions() {
        if (contributions == null) {
            List<Contribution> read = new ArrayList<>();
            for (IConfigurationElement element : Platform.getExtensionRegistry()
                    .getConfigurationElementsFor(EXTENSION_POINT)) {
                String type = element.getAttribute("type");
                String editor = element.getAttribute("editorId");
                if (type == null || type.isBlank() || editor == null || editor.isBlank()) {
                    ILog.of(ObjectEditors.class).warn("Ignoring an oko.ui.objectEditors contribution without type or "
                            + "editorId in bundle " + element.getContributor().getName());
                    continue;
                }
                read.add(new Contribution(type.strip(), editor.strip()));
            }
            contributions = List.copyOf(read);
        }
        return contributions;
    }

    /**
     * The editor contributed for the object's type (or one of its supertypes).
     *
     * @param object a model object
     * @return the editor's id, or empty when no contribution names its type
     */
    public static Optional<String> contributed(EObject object) {
        List<EClass> types = new ArrayList<>();
        types.add(object.eClass());
        types.addAll(object.eClass().getEAllSuperTypes());
        for (Contribution contribution : contributions()) {
            for (EClass type : types) {
                if (contribution.type().equals(type.getInstanceClassName())) {
                    return Optional.of(contribution.editorId());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Opens the object of the repository in a table (the navigator's «Таблицы» menu), or shows
     * the editor already open on it with that table.
     *
     * @param page    the workbench page
     * @param object  a model object stored in the repository
     * @param tableId the id of a table description that shows the object
     * @return the editor
     * @throws PartInitException when the editor cannot be opened
     */
    public static IEditorPart openTable(IWorkbenchPage page, EObject object, String tableId) throws PartInitException {
        var id = CDOUtil.getCDOObject(object).cdoID();
        return page.openEditor(new ModelEditorInput(id, tableId, ModelLabels.label(object)), TableEditor.ID);
    }

    /**
     * Opens the object of the repository in its editor (or shows the editor already open on it).
     *
     * @param page   the workbench page
     * @param object a model object stored in the repository (any view or transaction)
     * @return the editor
     * @throws PartInitException when the editor cannot be opened (the object is gone, for instance)
     */
    public static IEditorPart open(IWorkbenchPage page, EObject object) throws PartInitException {
        var id = CDOUtil.getCDOObject(object).cdoID();
        String label = ModelLabels.label(object);
        Optional<String> editor = contributed(object);
        if (editor.isPresent()) {
            return page.openEditor(new ModelEditorInput(id, editor.get(), label), editor.get());
        }
        var table = Tables.of(object);
        return page.openEditor(new ModelEditorInput(id, table.map(Tables.Table::id).orElse(ModelEditorInput.FORM),
                label), table.isPresent() ? TableEditor.ID : FormEditor.ID);
    }
}
