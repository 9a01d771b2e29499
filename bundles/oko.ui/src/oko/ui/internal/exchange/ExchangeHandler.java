package oko.ui.internal.exchange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.ui.RepositoryConnection;
import oko.ui.exchange.ModelFiles;
import oko.ui.internal.Messages;

/**
 * File ▸ Import model… and Export model…: XMI files into the repository in one commit (or
 * nothing, with every problem named), and the whole repository out to one XMI file — as jobs
 * with progress that can be cancelled.
 */
public final class ExchangeHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        if (RepositoryConnection.repository().isEmpty()) {
            MessageDialog.openInformation(shell, Messages.exchangeTitle, Messages.editorNoRepository);
            return null;
        }
        if ("oko.ui.importModel".equals(event.getCommand().getId())) {
            FileDialog dialog = new FileDialog(shell, SWT.OPEN | SWT.MULTI);
            dialog.setText(Messages.importModelTitle);
            dialog.setFilterExtensions(new String[] { "*.xmi", "*.*" });
            if (dialog.open() == null) {
                return null;
            }
            List<Path> files = new ArrayList<>();
            for (String name : dialog.getFileNames()) {
                files.add(Path.of(dialog.getFilterPath(), name));
            }
            boolean replace = MessageDialog.openQuestion(shell, Messages.importModelTitle, Messages.importReplaceQuestion);
            ModelFiles.importFiles(files, replace);
        } else {
            FileDialog dialog = new FileDialog(shell, SWT.SAVE);
            dialog.setText(Messages.exportModelTitle);
            dialog.setFilterExtensions(new String[] { "*.xmi" });
            dialog.setFileName("oko-model.xmi");
            dialog.setOverwrite(true);
            String chosen = dialog.open();
            if (chosen != null) {
                ModelFiles.exportTo(Path.of(chosen));
            }
        }
        return null;
    }

}
