package oko.ui.internal.navigator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.CDOObjectReference;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.InternalEObject;
import org.eclipse.emf.edit.command.CommandActionDelegate;
import org.eclipse.emf.edit.command.CommandParameter;
import org.eclipse.emf.edit.command.CopyToClipboardCommand;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.PasteFromClipboardCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.actions.ActionFactory;

import oko.model.ModelRoot;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.ui.internal.Messages;
import oko.ui.internal.navigator.CommittingCommandStack.Described;
import oko.ui.navigator.Registers;

/**
 * What the navigator edits and how: its own CDO transaction, an editing domain over the item
 * providers with a {@link CommittingCommandStack} (each command committed at once with a comment),
 * and the actions of its context menu and of Edit: New ▸ (the item providers' new-child
 * descriptors), Delete (listing what refers to the deleted objects, found by the repository's
 * cross-reference query, and asking), Copy/Paste, Rename, Undo/Redo.
 */
public final class NavigatorEditing {

    private final OkoRepository repository;
    private final CDOTransaction transaction;
    private final AdapterFactoryEditingDomain domain;
    private final CommittingCommandStack stack;
    private final Shell shell;
    private IStructuredSelection selection = org.eclipse.jface.viewers.StructuredSelection.EMPTY;

    private final Action undo = new Action() {
        @Override
        public void run() {
            stack.undo();
        }
    };
    private final Action redo = new Action() {
        @Override
        public void run() {
            stack.redo();
        }
    };
    private final Action delete = new Action(Messages.navigatorDelete) {
        @Override
        public void run() {
            delete(objects());
        }
    };
    private final Action copy = new Action(Messages.navigatorCopy) {
        @Override
        public void run() {
            copy(objects());
        }
    };
    private final Action paste = new Action(Messages.navigatorPaste) {
        @Override
        public void run() {
            paste(selection.getFirstElement());
        }
    };
    private final Action rename = new Action(Messages.navigatorRename) {
        @Override
        public void run() {
            if (selection.getFirstElement() instanceof EObject object) {
                rename(object);
            }
        }
    };

    public NavigatorEditing(OkoRepository repository, ComposedAdapterFactory factory, Shell shell) {
        this.repository = repository;
        this.shell = shell;
        this.transaction = repository.openTransaction();
        this.stack = new CommittingCommandStack(repository, transaction, this::failed);
        this.domain = new AdapterFactoryEditingDomain(factory, stack, transaction.getResourceSet());
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        delete.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_DELETE));
        delete.setActionDefinitionId("org.eclipse.ui.edit.delete");
        copy.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_COPY));
        copy.setActionDefinitionId("org.eclipse.ui.edit.copy");
        paste.setImageDescriptor(images.getImageDescriptor(ISharedImages.IMG_TOOL_PASTE));
        paste.setActionDefinitionId("org.eclipse.ui.edit.paste");
        rename.setActionDefinitionId("org.eclipse.ui.edit.rename");
        stack.addCommandStackListener(e -> update());
        update();
    }

    public CDOTransaction transaction() {
        return transaction;
    }

    public AdapterFactoryEditingDomain domain() {
        return domain;
    }

    public CommandStack stack() {
        return stack;
    }

    /** The comment of the last commit this navigator made. */
    public String lastComment() {
        return stack.lastComment();
    }

    /** Edit ▸ Undo/Redo, Delete, Copy, Paste, Rename (and their keys) act here while the navigator is active. */
    public void install(IActionBars bars) {
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        bars.setGlobalActionHandler(ActionFactory.COPY.getId(), copy);
        bars.setGlobalActionHandler(ActionFactory.PASTE.getId(), paste);
        bars.setGlobalActionHandler(ActionFactory.RENAME.getId(), rename);
        bars.updateActionBars();
    }

    public void selectionChanged(IStructuredSelection newSelection) {
        selection = newSelection == null ? org.eclipse.jface.viewers.StructuredSelection.EMPTY : newSelection;
        update();
    }

    private void update() {
        undo.setEnabled(stack.canUndo());
        undo.setText(Messages.bind(Messages.editorUndo, stack.canUndo() ? stack.getUndoCommand().getLabel() : ""));
        redo.setEnabled(stack.canRedo());
        redo.setText(Messages.bind(Messages.editorRedo, stack.canRedo() ? stack.getRedoCommand().getLabel() : ""));
        List<EObject> objects = objects();
        boolean onlyObjects = !objects.isEmpty() && objects.size() == selection.size();
        delete.setEnabled(onlyObjects && objects.stream().allMatch(o -> o.eContainer() != null));
        copy.setEnabled(onlyObjects);
        paste.setEnabled(selection.size() == 1 && domain.getClipboard() != null && !domain.getClipboard().isEmpty());
        rename.setEnabled(selection.size() == 1 && selection.getFirstElement() instanceof EObject object
                && nameAttribute(object) != null);
    }

    /** The selected model objects (not the register nodes). */
    private List<EObject> objects() {
        List<EObject> objects = new ArrayList<>();
        for (Object element : selection.toList()) {
            if (element instanceof EObject object) {
                objects.add(object);
            }
        }
        return objects;
    }

    /** Fills the context menu for the current selection: Open, New ▸, Tables ▸, Copy, Paste, Delete, Rename. */
    public void fillContextMenu(IMenuManager menu, Runnable open) {
        if (selection.size() == 1 && selection.getFirstElement() instanceof EObject) {
            menu.add(new Action(Messages.navigatorOpen) {
                @Override
                public void run() {
                    open.run();
                }
            });
        }
        MenuManager create = new MenuManager(Messages.navigatorNew, "oko.ui.navigator.new");
        for (Action action : createChildActions()) {
            create.add(action);
        }
        if (!create.isEmpty()) {
            menu.add(create);
        }
        // the tables that show the object, after New ▸ (Open, New ▸ stay the first two entries)
        if (selection.size() == 1 && selection.getFirstElement() instanceof EObject object) {
            var tables = oko.ui.internal.editors.Tables.forObject(object);
            if (!tables.isEmpty()) {
                MenuManager tablesMenu = new MenuManager(Messages.navigatorTables, "oko.ui.navigator.tables");
                for (var table : tables) {
                    tablesMenu.add(new Action(table.name()) {
                        @Override
                        public void run() {
                            try {
                                oko.ui.editors.ObjectEditors.openTable(org.eclipse.ui.PlatformUI.getWorkbench()
                                        .getActiveWorkbenchWindow().getActivePage(), object, table.id());
                            } catch (org.eclipse.ui.PartInitException e) {
                                org.eclipse.jface.dialogs.ErrorDialog.openError(shell, table.name(), e.getMessage(), e.getStatus());
                            }
                        }
                    });
                }
                menu.add(tablesMenu);
            }
        }
        if (selection.size() == 1 && selection.getFirstElement() instanceof oko.model.Document document) {
            menu.add(new Action(Messages.documentAttachFile) {
                @Override
                public void run() {
                    chooseAndAttach(document);
                }
            });
            if (!document.getAttachments().isEmpty()) {
                MenuManager files = new MenuManager(Messages.documentSaveFileAs, "oko.ui.navigator.saveFile");
                for (oko.model.Attachment attachment : document.getAttachments()) {
                    files.add(new Action(attachment.getFileName()) {
                        @Override
                        public void run() {
                            chooseAndSave(attachment);
                        }
                    });
                }
                menu.add(files);
            }
        }
        menu.add(new org.eclipse.jface.action.Separator("edit"));
        menu.add(copy);
        menu.add(paste);
        menu.add(delete);
        menu.add(rename);
    }

    /** «Прикрепить файл…»: a file dialog, then {@link #attachFile}. */
    private void chooseAndAttach(oko.model.Document document) {
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(shell, SWT.OPEN);
        dialog.setText(Messages.documentAttachFile);
        String chosen = dialog.open();
        if (chosen != null) {
            attachFile(document, java.nio.file.Path.of(chosen));
        }
    }

    /**
     * Attaches the file to the document as one undoable command (committed with its comment); a
     * refused file (too large, unreadable) is reported in a dialog naming it and nothing is stored.
     */
    public void attachFile(oko.model.Document document, java.nio.file.Path file) {
        byte[] content;
        try {
            content = DocumentFiles.read(file);
        } catch (DocumentFiles.Refused e) {
            ILog.of(NavigatorEditing.class).warn(e.getMessage());
            MessageDialog.openError(shell, Messages.documentAttachFile, e.getMessage());
            return;
        }
        stack.execute(DocumentFiles.attach(domain, document, file.getFileName().toString(), content));
    }

    /** «Сохранить файл как…»: a save dialog, then the attachment's bytes written. */
    private void chooseAndSave(oko.model.Attachment attachment) {
        org.eclipse.swt.widgets.FileDialog dialog = new org.eclipse.swt.widgets.FileDialog(shell, SWT.SAVE);
        dialog.setText(Messages.documentSaveFileAs);
        dialog.setFileName(attachment.getFileName());
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        try {
            DocumentFiles.save(attachment, java.nio.file.Path.of(chosen));
        } catch (java.io.IOException e) {
            String message = Messages.bind(Messages.documentFileNotSaved, chosen, e.getMessage());
            ILog.of(NavigatorEditing.class).error(message, e);
            MessageDialog.openError(shell, Messages.documentSaveFileAs, message);
        }
    }

    /** One action per new-child descriptor of the selected object (or of the register's model root). */
    public List<Action> createChildActions() {
        if (selection.size() != 1) {
            return List.of();
        }
        Object element = selection.getFirstElement();
        EObject owner;
        Set<EStructuralFeature> features = null;
        if (element instanceof Registers.Register register) {
            owner = register.root();
            features = Set.of(register.feature());
        } else if (element instanceof Registers.Group group) {
            owner = group.root();
            features = new HashSet<>(Registers.FEATURES);
        } else if (element instanceof EObject object) {
            owner = object;
        } else {
            return List.of();
        }
        if (owner instanceof ModelRoot && features == null) {
            return List.of();
        }
        List<Action> actions = new ArrayList<>();
        for (Object descriptor : domain.getNewChildDescriptors(owner, null)) {
            if (!(descriptor instanceof CommandParameter parameter)
                    || features != null && !features.contains(parameter.getEStructuralFeature())) {
                continue;
            }
            Command command = CreateChildCommand.create(domain, owner, descriptor, List.of(owner));
            if (!(command instanceof CommandActionDelegate delegate) || !command.canExecute()) {
                continue;
            }
            Action action = new Action(delegate.getText()) {
                @Override
                public void run() {
                    createChild(owner, parameter, command);
                }
            };
            action.setToolTipText(delegate.getToolTipText());
            if (delegate.getImage() instanceof java.net.URL url) {
                action.setImageDescriptor(ImageDescriptor.createFromURL(url));
            } else if (delegate.getImage() instanceof org.eclipse.emf.edit.provider.ComposedImage composed
                    && !composed.getImages().isEmpty() && composed.getImages().get(0) instanceof java.net.URL url) {
                action.setImageDescriptor(ImageDescriptor.createFromURL(url));
            }
            actions.add(action);
        }
        return actions;
    }

    private void createChild(EObject owner, CommandParameter parameter, Command command) {
        EObject child = parameter.getEValue();
        EAttribute name = child == null ? null : nameAttribute(child);
        if (name != null) {
            String type = ModelLabels.typeName(child.eClass());
            InputDialog ask = new InputDialog(shell, Messages.bind(Messages.navigatorCreateTitle, type),
                    Messages.bind(Messages.navigatorCreateName, type, ModelLabels.label(owner)), "",
                    text -> text == null || text.isBlank() ? Messages.navigatorNameEmpty : null);
            if (ask.open() != Window.OK) {
                command.dispose();
                return;
            }
            child.eSet(name, ask.getValue().strip());
        }
        stack.execute(new Described(Messages.bind(Messages.navigatorCreated,
                child == null ? command.getLabel() : ModelLabels.label(child), ModelLabels.label(owner)), command));
    }

    /** The object's "name" attribute when it has one that can be set. */
    static EAttribute nameAttribute(EObject object) {
        EStructuralFeature feature = object.eClass().getEStructuralFeature("name");
        return feature instanceof EAttribute attribute && attribute.isChangeable()
                && attribute.getEAttributeType().getInstanceClass() == String.class ? attribute : null;
    }

    /** Asks for a new name and sets it. */
    public void rename(EObject object) {
        EAttribute name = nameAttribute(object);
        if (name == null) {
            return;
        }
        Object current = object.eGet(name);
        InputDialog ask = new InputDialog(shell, Messages.navigatorRenameTitle,
                Messages.bind(Messages.navigatorRenameMessage, ModelLabels.label(object)),
                current == null ? "" : current.toString(),
                text -> text == null || text.isBlank() ? Messages.navigatorNameEmpty : null);
        if (ask.open() != Window.OK || ask.getValue().strip().equals(current)) {
            return;
        }
        String label = ModelLabels.label(object);
        String value = ask.getValue().strip();
        stack.execute(new Described(Messages.bind(Messages.navigatorRenamed, label, value),
                SetCommand.create(domain, object, name, value)));
    }

    /** Labels of objects for a message: all of them, or the first ones and how many more. */
    static String labels(List<? extends EObject> objects) {
        List<String> labels = new ArrayList<>();
        for (EObject object : objects.subList(0, Math.min(3, objects.size()))) {
            labels.add(ModelLabels.label(object));
        }
        String text = String.join(", ", labels);
        return objects.size() > 3 ? Messages.bind(Messages.navigatorAndMore, text, objects.size() - 3) : text;
    }

    /** Objects not inside another one of the list (deleting the container deletes them). */
    private static List<EObject> outermost(List<EObject> objects) {
        List<EObject> result = new ArrayList<>();
        for (EObject object : objects) {
            boolean inside = false;
            for (EObject container = object.eContainer(); container != null && !inside; container = container.eContainer()) {
                inside = objects.contains(container);
            }
            if (!inside && !result.contains(object)) {
                result.add(object);
            }
        }
        return result;
    }

    /** A reference to an object being deleted from an object that stays: it is removed with it. */
    public record Reference(EObject source, EReference feature, EObject target) {
        public String label(Collection<EObject> deleted) {
            String featureName = ModelLabels.featureName(source.eClass(), feature);
            return deleted.contains(target)
                    ? Messages.bind(Messages.navigatorReference, ModelLabels.label(source), featureName)
                    : Messages.bind(Messages.navigatorReferenceTo,
                            new Object[] { ModelLabels.label(source), featureName, ModelLabels.label(target) });
        }
    }

    /** The objects with their contents. */
    private static Set<EObject> withContents(Collection<EObject> objects) {
        Set<EObject> all = new LinkedHashSet<>();
        for (EObject object : objects) {
            all.add(object);
            object.eAllContents().forEachRemaining(all::add);
        }
        return all;
    }

    /**
     * What refers to the objects (or their contents) from outside them, as the repository's
     * cross-reference query finds it (every model resource, loaded or not).
     */
    public List<Reference> referencesTo(Collection<EObject> objects) {
        Set<EObject> all = withContents(objects);
        Set<CDOObject> targets = new LinkedHashSet<>();
        for (EObject object : all) {
            CDOObject cdo = CDOUtil.getCDOObject(object);
            if (cdo.cdoID() != null && !cdo.cdoID().isTemporary()) {
                targets.add(cdo);
            }
        }
        List<Reference> references = new ArrayList<>();
        if (targets.isEmpty()) {
            return references;
        }
        Set<List<Object>> seen = new HashSet<>();
        for (CDOObjectReference found : transaction.queryXRefs(targets)) {
            if (!(found.getSourceFeature() instanceof EReference feature) || feature.isContainment()
                    || feature.isContainer() || !feature.isChangeable()) {
                continue;
            }
            EObject source = CDOUtil.getEObject(found.getSourceObject());
            EObject target = CDOUtil.getEObject(found.getTargetObject());
            if (source == null || target == null || all.contains(source)) {
                continue;
            }
            if (seen.add(List.of(source, feature, target))) {
                references.add(new Reference(source, feature, target));
            }
        }
        return references;
    }

    /** Deletes the objects after showing what refers to them and asking. */
    public void delete(List<EObject> selected) {
        List<EObject> objects = outermost(selected);
        objects.removeIf(o -> o.eContainer() == null);
        if (objects.isEmpty()) {
            return;
        }
        List<Reference> references = referencesTo(objects);
        int nested = withContents(objects).size() - objects.size();
        if (new DeleteDialog(shell, objects, references, nested).open() != 0) {
            return;
        }
        Command command = new RepositoryDeleteCommand(domain, objects, references);
        stack.execute(new Described(Messages.bind(Messages.navigatorDeleted, labels(objects)), command));
    }

    /** EMF's delete with the references found by the repository's query instead of a walk of the resource set. */
    private static final class RepositoryDeleteCommand extends DeleteCommand {
        private final List<Reference> references;

        RepositoryDeleteCommand(AdapterFactoryEditingDomain domain, Collection<EObject> objects,
                List<Reference> references) {
            super(domain, objects);
            this.references = references;
        }

        @Override
        protected Map<EObject, Collection<EStructuralFeature.Setting>> findReferences(Collection<EObject> eObjects) {
            Map<EObject, Collection<EStructuralFeature.Setting>> usages = new LinkedHashMap<>();
            for (Reference reference : references) {
                usages.computeIfAbsent(reference.target(), t -> new ArrayList<>())
                        .add(((InternalEObject) reference.source()).eSetting(reference.feature()));
            }
            return usages;
        }
    }

    /** The question before deleting, with the list of what refers to the deleted objects. */
    private static final class DeleteDialog extends MessageDialog {
        private final List<String> referenceLabels = new ArrayList<>();

        DeleteDialog(Shell parent, List<EObject> objects, List<Reference> references, int nested) {
            super(parent, Messages.navigatorDeleteTitle, null, message(objects, references, nested), QUESTION,
                    0, Messages.navigatorDeleteButton, IDialogConstants.CANCEL_LABEL);
            Set<EObject> deleted = withContents(objects);
            for (Reference reference : references) {
                referenceLabels.add(reference.label(deleted));
            }
        }

        private static String message(List<EObject> objects, List<Reference> references, int nested) {
            StringBuilder text = new StringBuilder(Messages.bind(Messages.navigatorDeleteQuestion, labels(objects)));
            if (nested > 0) {
                text.append("\n").append(Messages.bind(Messages.navigatorDeleteNested, nested));
            }
            text.append("\n\n").append(references.isEmpty() ? Messages.navigatorDeleteNoReferences
                    : Messages.bind(Messages.navigatorDeleteReferences, references.size()));
            return text.toString();
        }

        @Override
        protected boolean isResizable() {
            return true;
        }

        @Override
        protected Control createCustomArea(Composite parent) {
            if (referenceLabels.isEmpty()) {
                return null;
            }
            org.eclipse.swt.widgets.List list = new org.eclipse.swt.widgets.List(parent,
                    SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.SINGLE);
            referenceLabels.forEach(list::add);
            GridData data = new GridData(SWT.FILL, SWT.FILL, true, true);
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(list);
            int widest = 0;
            try {
                for (String label : referenceLabels) {
                    widest = Math.max(widest, gc.textExtent(label).x);
                }
            } finally {
                gc.dispose();
            }
            data.widthHint = Math.max(480, Math.min(widest + 40, 1000));
            data.heightHint = Math.min(10, Math.max(3, referenceLabels.size())) * list.getItemHeight() + 6;
            list.setLayoutData(data);
            return list;
        }
    }

    /** Puts copies of the objects on the editing domain's clipboard. */
    public void copy(List<EObject> objects) {
        List<EObject> outer = outermost(objects);
        if (outer.isEmpty()) {
            return;
        }
        Command command = CopyToClipboardCommand.create(domain, outer);
        if (command.canExecute()) {
            command.execute();
        }
        update();
    }

    /**
     * Pastes copies of the clipboard: beside the target when it is of the same kind (into its
     * container's feature), else into the target, or into a register.
     */
    public void paste(Object target) {
        Collection<Object> clipboard = domain.getClipboard();
        if (clipboard == null || clipboard.isEmpty() || target == null) {
            return;
        }
        List<Object[]> places = new ArrayList<>();
        if (target instanceof Registers.Register register) {
            places.add(new Object[] { register.root(), register.feature() });
        } else if (target instanceof EObject object) {
            EStructuralFeature containing = object.eContainingFeature();
            if (object.eContainer() != null && containing instanceof EReference reference && reference.isMany()
                    && clipboard.stream().allMatch(c -> reference.getEReferenceType().isInstance(c))) {
                places.add(new Object[] { object.eContainer(), reference });
            }
            places.add(new Object[] { object, null });
        }
        for (Object[] place : places) {
            Command command = PasteFromClipboardCommand.create(domain, place[0], place[1]);
            if (command.canExecute()) {
                List<EObject> pasted = new ArrayList<>();
                clipboard.forEach(c -> pasted.add((EObject) c));
                stack.execute(new Described(Messages.bind(Messages.navigatorPasted, labels(pasted),
                        ModelLabels.label((EObject) place[0])), command));
                return;
            }
            command.dispose();
        }
    }

    /** The objects the last executed, undone or redone command affected (to select them). */
    public Collection<?> affected() {
        Command command = stack.getMostRecentCommand();
        return command == null ? List.of() : command.getAffectedObjects();
    }

    private void failed(String comment, RuntimeException e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        var status = Status.error(Messages.bind(Messages.navigatorCommitFailed, comment, reason), e);
        ILog.of(NavigatorEditing.class).log(status);
        ErrorDialog.openError(shell, Messages.navigatorCommitFailedTitle, null, status);
    }

    public void dispose() {
        if (!transaction.isClosed()) {
            transaction.close();
        }
    }
}
