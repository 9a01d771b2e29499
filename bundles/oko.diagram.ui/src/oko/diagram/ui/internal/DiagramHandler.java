package oko.diagram.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.diagram.DescriptionRegistry;

/** The Diagram menu: Arrange All, Show hidden, export as PNG/SVG, Reload diagram descriptions. */
public final class DiagramHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        String command = event.getCommand().getId();
        if (command.endsWith("reloadDescriptions")) {
            reload(HandlerUtil.getActiveWorkbenchWindow(event));
            return null;
        }
        if (!(HandlerUtil.getActiveEditor(event) instanceof DiagramEditor editor)) {
            return null;
        }
        switch (command.substring(command.lastIndexOf('.') + 1)) {
        case "arrangeAll" -> editor.arrangeAll();
        case "showHidden" -> editor.showHidden();
        case "exportPng" -> editor.export("png");
        case "exportSvg" -> editor.export("svg");
        default -> throw new IllegalArgumentException(command);
        }
        return null;
    }

    /** Reads every description file again (the data directory's diagrams/ too) and refreshes open diagrams. */
    public static DescriptionRegistry.Loaded reload(IWorkbenchWindow window) {
        DiagramContent.useDataDirectory();
        DescriptionRegistry.Loaded loaded = DescriptionRegistry.reload();
        if (window != null) {
            for (IWorkbenchPage page : window.getPages()) {
                for (IEditorReference reference : page.getEditorReferences()) {
                    if (reference.getEditor(false) instanceof DiagramEditor editor) {
                        editor.descriptionsReloaded();
                    }
                }
            }
            if (loaded.problems().isEmpty()) {
                MessageDialog.openInformation(window.getShell(), Messages.reloadTitle,
                        Messages.bind(Messages.reloadDone, loaded.descriptions().size()));
            } else {
                MessageDialog.openWarning(window.getShell(), Messages.reloadTitle,
                        Messages.reloadProblems + "\n" + String.join("\n", loaded.problems()));
            }
        }
        return loaded;
    }
}
