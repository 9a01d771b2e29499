package oko.ui.internal.modules;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.ui.handlers.HandlerUtil;

import oko.core.modules.Modules;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;

/** Opens the New Quality System wizard over the installed modules and the repository's schools. */
public final class NewSystemHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        OkoRepository repository = RepositoryConnection.repository().orElse(null);
        if (repository == null) {
            ErrorReports.show(NewSystemHandler.class, Messages.newSystemTitle, Status.error(Messages.newSystemNoRepository));
            return null;
        }
        // the wizard is modal and reads the schools only while it is open: the view lives as long
        CDOView view = repository.openView();
        try {
            new WizardDialog(HandlerUtil.getActiveShell(event), new NewSystemWizard(repository, Modules.all(),
                    OkoRepository.roots(view), NewSystemWizard.userSchool())).open();
        } finally {
            view.close();
        }
        return null;
    }
}
