package oko.ui.editors;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.emf.edit.domain.IEditingDomainProvider;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;
import org.eclipse.ui.views.properties.IPropertySheetPage;
import org.eclipse.ui.views.properties.PropertySheetPage;

import oko.model.provider.OkoItemProviderAdapterFactory;
import oko.repository.CommitConflictException;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.Messages;
import oko.ui.internal.properties.ItemPropertySource;

/**
 * What every Oko editor does with the repository: it works on its own CDO transaction; every
 * edit is an EMF command on its command stack (Edit ▸ Undo/Redo, Ctrl+Z/Ctrl+Y, also for edits in
 * the Properties view while it is active); it is dirty while the stack has unsaved commands; Save
 * commits with a comment the user gives; a conflict with another client's commit offers to
 * reload (dropping this editor's changes) or to keep editing; commits of others refresh it.
 * <p>
 * A subclass creates its controls in {@code createPartControl} (calling
 * {@link #installUndoRedo(IActionBars)}), returns its viewer from {@link #viewer()} and its kind
 * from {@link #title()}, and executes every change on {@link #domain}'s command stack. Its input
 * must adapt to the object's {@link org.eclipse.emf.cdo.common.id.CDOID} (see {@link RepositoryEditorInput}).
 */
public abstract class TransactionalEditor extends EditorPart implements IEditingDomainProvider {

    /** The repository the editor works on (set by {@link #init}). */
    protected OkoRepository repository;
    /** The editor's own transaction, committed by Save (set by {@link #init}). */
    protected CDOTransaction transaction;
    /** The input's object, in {@link #transaction} (set by {@link #init}). */
    protected EObject root;
    /** The item providers of oko.model.edit, for labels, property sources and commands. */
    protected final ComposedAdapterFactory factory = new ComposedAdapterFactory(
            List.of(new OkoItemProviderAdapterFactory()));
    /** The editing domain whose command stack holds the unsaved edits (set by {@link #init}). */
    protected AdapterFactoryEditingDomain domain;
    private final List<PropertySheetPage> propertyPages = new ArrayList<>();
    private final Action undo = new Action() {
        @Override
        public void run() {
            domain.getCommandStack().undo();
        }
    };
    private final Action redo = new Action() {
        @Override
        public void run() {
            domain.getCommandStack().redo();
        }
    };
    private final CommandStackListener stackListener = event -> later(this::stackChanged);
    private final IListener invalidations = event -> {
        if (event instanceof CDOViewInvalidationEvent) {
            later(this::refreshContent);
        }
    };

    /**
     * The editor's viewer, once created.
     *
     * @return the viewer, or {@code null} before it is created and for editors without a JFace viewer
     *         (they override {@link #control()} and {@link #refreshContent()})
     */
    public abstract org.eclipse.jface.viewers.ColumnViewer viewer();

    /** @return the editor's main control, once created (the viewer's control by default), else {@code null} */
    protected Control control() {
        return viewer() == null ? null : viewer().getControl();
    }

    /** Shows the model's current state again (after an edit, an undo or another client's commit). */
    protected void refreshContent() {
        viewer().refresh();
    }

    private void later(Runnable runnable) {
        Control control = control();
        if (control != null && !control.isDisposed()) {
            control.getDisplay().asyncExec(() -> {
                if (!control.isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    /**
     * Opens the editor's transaction on the connected repository and finds the input's object in it.
     *
     * @throws PartInitException when the input has no CDO id, no repository is connected, or the
     *                           object no longer exists
     */
    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        org.eclipse.emf.cdo.common.id.CDOID id = input.getAdapter(org.eclipse.emf.cdo.common.id.CDOID.class);
        if (id == null) {
            throw new PartInitException(String.valueOf(input));
        }
        setSite(site);
        setInput(input);
        repository = RepositoryConnection.repository()
                .orElseThrow(() -> new PartInitException(Messages.editorNoRepository));
        transaction = repository.openTransaction();
        try {
            root = transaction.getObject(id);
        } catch (RuntimeException e) {
            transaction.close();
            throw new PartInitException(Messages.bind(Messages.editorObjectGone, input.getName()), e);
        }
        transaction.addListener(invalidations);
        domain = new AdapterFactoryEditingDomain(factory, new BasicCommandStack(), transaction.getResourceSet());
        domain.getCommandStack().addCommandStackListener(stackListener);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    /**
     * Connects Edit ▸ Undo/Redo to this editor's command stack.
     *
     * @param bars the editor site's action bars
     */
    protected void installUndoRedo(IActionBars bars) {
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
    }

    /**
     * Called (in the UI thread) when the command stack changed: updates Undo/Redo, the content, the
     * Properties view and the dirty state. Subclasses extending it call {@code super}.
     */
    protected void stackChanged() {
        Control control = control();
        if (control == null || control.isDisposed()) {
            return;
        }
        CommandStack stack = domain.getCommandStack();
        undo.setEnabled(stack.canUndo());
        undo.setText(Messages.bind(Messages.editorUndo, stack.canUndo() ? stack.getUndoCommand().getLabel() : ""));
        redo.setEnabled(stack.canRedo());
        redo.setText(Messages.bind(Messages.editorRedo, stack.canRedo() ? stack.getRedoCommand().getLabel() : ""));
        refreshContent();
        propertyPages.removeIf(page -> page.getControl() == null || page.getControl().isDisposed());
        propertyPages.forEach(PropertySheetPage::refresh);
        firePropertyChange(PROP_DIRTY);
    }

    /** @return whether the command stack holds edits not yet committed */
    @Override
    public boolean isDirty() {
        return domain != null && ((BasicCommandStack) domain.getCommandStack()).isSaveNeeded();
    }

    /** @return the kind of editor («Технологическая карта», «Диаграмма»…), for the default commit comment */
    protected abstract String title();

    /**
     * Asks for a commit comment and commits the editor's transaction; on a conflict offers to
     * reload, on another failure shows it. The monitor is cancelled when nothing was committed.
     */
    @Override
    public void doSave(IProgressMonitor monitor) {
        InputDialog ask = new InputDialog(getSite().getShell(), Messages.editorCommentTitle,
                Messages.bind(Messages.editorCommentMessage, repository.label()),
                Messages.bind(Messages.editorCommentDefault, title(), getPartName()), null);
        if (ask.open() != Window.OK) {
            monitor.setCanceled(true);
            return;
        }
        try {
            repository.commit(transaction, ask.getValue(), monitor);
            ((BasicCommandStack) domain.getCommandStack()).saveIsDone();
            domain.getCommandStack().flush();
            stackChanged();
        } catch (CommitConflictException e) {
            monitor.setCanceled(true);
            ILog.of(TransactionalEditor.class).warn(e.getMessage());
            if (MessageDialog.openQuestion(getSite().getShell(), Messages.editorConflictTitle,
                    Messages.bind(Messages.editorConflict, e.getMessage()))) {
                reload();
            }
        } catch (RuntimeException e) {
            monitor.setCanceled(true);
            var status = Status.error(Messages.bind(Messages.editorSaveFailed, e.getMessage()), e);
            ILog.of(TransactionalEditor.class).log(status);
            ErrorDialog.openError(getSite().getShell(), Messages.editorSaveFailedTitle, null, status);
        }
    }

    /** Drops this editor's changes and shows the repository's current state. */
    public void reload() {
        transaction.rollback();
        domain.getCommandStack().flush();
        stackChanged();
    }

    /** Not supported: {@link #isSaveAsAllowed()} is {@code false}. */
    @Override
    public void doSaveAs() {
        throw new UnsupportedOperationException();
    }

    /** @return {@code false}: an editor commits to the repository, there is nothing to save as */
    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    /** @return the editing domain whose command stack holds this editor's edits */
    @Override
    public EditingDomain getEditingDomain() {
        return domain;
    }

    /**
     * Adapts to a Properties view page editing the selection through this editor's command stack.
     *
     * @param adapter the requested type
     * @return a property sheet page for {@link IPropertySheetPage}, else the part's default adapter
     */
    @Override
    public <T> T getAdapter(Class<T> adapter) {
        if (adapter == IPropertySheetPage.class) {
            // the selection's properties, editable through this editor's command stack
            PropertySheetPage page = new PropertySheetPage();
            propertyPages.add(page);
            page.setPropertySourceProvider(object -> object instanceof EObject eObject
                    ? new ItemPropertySource(eObject, factory, domain) : null);
            return adapter.cast(page);
        }
        return super.getAdapter(adapter);
    }

    /** Gives the focus to the editor's main control. */
    @Override
    public void setFocus() {
        Control control = control();
        if (control != null && !control.isDisposed()) {
            control.setFocus();
        }
    }

    /** Closes the transaction (dropping uncommitted edits) and disposes the item providers. */
    @Override
    public void dispose() {
        if (domain != null) {
            domain.getCommandStack().removeCommandStackListener(stackListener);
        }
        if (transaction != null && !transaction.isClosed()) {
            transaction.removeListener(invalidations);
            transaction.close();
        }
        factory.dispose();
        super.dispose();
    }
}
