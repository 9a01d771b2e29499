package oko.exchange.ui.internal;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/** File ▸ Import…: the import wizard on the open repository. */
public final class ImportHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        OkoRepository repository = RepositoryConnection.repository().orElse(null);
        if (repository == null) {
            MessageDialog.openInformation(shell, Messages.title, Messages.noRepository);
            return null;
        }
        WizardDialog dialog = new WizardDialog(shell, new ImportWizard(repository));
        dialog.setPageSize(760, 420);
        dialog.open();
        return null;
    }
}
