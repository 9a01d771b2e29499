package oko.diagram.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExecutableExtension;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.action.IContributionItem;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.CompoundContributionItem;

import oko.diagram.DescriptionRegistry;
import oko.diagram.Representations;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;
import oko.ui.navigator.Navigator;

/**
 * The navigator's New Diagram ▸ (the diagram types whose root is the selected element's class)
 * and Open Diagram ▸ (the element's stored diagrams) menus.
 */
public final class NavigatorDiagramMenu extends CompoundContributionItem implements IExecutableExtension {

    private boolean create = true;

    @Override
    public void setInitializationData(IConfigurationElement config, String property, Object data) {
        create = !"open".equals(data);
    }

    @Override
    protected IContributionItem[] getContributionItems() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        ISelection selection = window == null ? null : window.getSelectionService().getSelection(Navigator.ID);
        if (!(selection instanceof IStructuredSelection structured)
                || !(structured.getFirstElement() instanceof EObject element)) {
            return new IContributionItem[0];
        }
        IWorkbenchPage page = window.getActivePage();
        List<IContributionItem> items = new ArrayList<>();
        if (create) {
            DiagramContent.useDataDirectory();
            for (DiagramDescription description : DescriptionRegistry.forClass(element.eClass())) {
                items.add(item(description.getLabel(), () -> createAndOpen(page, element, description)));
            }
            if (items.isEmpty()) {
                items.add(disabled(Messages.noDiagramTypes));
            }
        } else {
            CDOObject object = CDOUtil.getCDOObject(element);
            for (Representation representation : Representations.of(object.cdoView(), element)) {
                CDOID id = CDOUtil.getCDOObject(representation).cdoID();
                String name = representation.getName();
                items.add(item(name, () -> open(page, id, name)));
            }
            if (items.isEmpty()) {
                items.add(disabled(Messages.noDiagrams));
            }
        }
        return items.toArray(IContributionItem[]::new);
    }

    private static IContributionItem item(String label, Runnable run) {
        return new ActionContributionItem(new Action(label) {
            @Override
            public void run() {
                run.run();
            }
        });
    }

    private static IContributionItem disabled(String label) {
        Action action = new Action(label) {
        };
        action.setEnabled(false);
        return new ActionContributionItem(action);
    }

    /** Creates a diagram of the element (laid out by Arrange All), commits it and opens it. */
    public static IEditorPart createAndOpen(IWorkbenchPage page, EObject element, DiagramDescription description) {
        OkoRepository repository = RepositoryConnection.repository().orElse(null);
        if (repository == null) {
            ErrorReports.show(NavigatorDiagramMenu.class, Messages.newDiagramFailedTitle,
                    Status.error(Messages.noRepository));
            return null;
        }
        CDOTransaction transaction = repository.openTransaction();
        try {
            // what the diagram shows may lie in other models (as the editor, which loads them all)
            oko.repository.OkoRepository.roots(transaction);
            EObject target = transaction.getObject(CDOUtil.getCDOObject(element).cdoID());
            // laid out with the font the editor draws with, as its Arrange All does
            Colors colors = new Colors();
            Representation representation;
            try {
                representation = Representations.create(transaction, description, target, new SwtTextMeasure(colors));
            } finally {
                colors.dispose();
            }
            String name = representation.getName();
            repository.commit(transaction, Messages.bind(Messages.newDiagramComment, name), new NullProgressMonitor());
            return open(page, CDOUtil.getCDOObject(representation).cdoID(), name);
        } catch (RuntimeException e) {
            ErrorReports.show(NavigatorDiagramMenu.class, Messages.newDiagramFailedTitle, Status.error(
                    Messages.bind(Messages.newDiagramFailed, description.getLabel(), e.getMessage()), e));
            return null;
        } finally {
            transaction.close();
        }
    }

    public static IEditorPart open(IWorkbenchPage page, CDOID id, String name) {
        try {
            return page.openEditor(new DiagramEditorInput(id, name), DiagramEditor.ID);
        } catch (PartInitException e) {
            ErrorReports.show(NavigatorDiagramMenu.class, Messages.newDiagramFailedTitle, e.getStatus());
            return null;
        }
    }
}
