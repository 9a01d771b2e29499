package oko.diagram.ui.internal;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.diagram.DescriptionRegistry;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;

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
        case "exportPng" -> export(editor, "png");
        case "exportSvg" -> export(editor, "svg");
        default -> throw new IllegalArgumentException(command);
        }
        return null;
    }

    /** Asks where, then writes the diagram as PNG or SVG; a failure is shown and logged. */
    public static void export(DiagramEditor editor, String format) {
        FileDialog dialog = new FileDialog(editor.getSite().getShell(), SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*." + format });
        dialog.setFileName(editor.getPartName().replaceAll("[\\\\/:*?\"<>|]", "_") + "." + format);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            if (format.equals("png")) {
                editor.exportPng(file);
            } else {
                editor.exportSvg(file);
            }
        } catch (Exception e) {
            ErrorReports.show(DiagramHandler.class, Messages.exportFailedTitle,
                    Status.error(Messages.bind(Messages.exportFailed, file, e.getMessage()), e));
        }
    }

    /** Description files a methodologist edits live in the data directory's diagrams/ folder. */
    public static void useDataDirectory() {
        RepositoryConnection.dataDirectory().ifPresent(d -> DescriptionRegistry.setUserFolder(d.resolve("diagrams")));
    }

    /** Reads every description file again (the data directory's diagrams/ too) and refreshes open diagrams. */
    public static DescriptionRegistry.Loaded reload(IWorkbenchWindow window) {
        useDataDirectory();
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
