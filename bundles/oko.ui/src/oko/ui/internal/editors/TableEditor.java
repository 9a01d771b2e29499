package oko.ui.internal.editors;

import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.ActionContributionItem;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;

import oko.model.edit.CommandLabels;
import oko.table.TableEditing;
import oko.table.TableRegistry;
import oko.table.description.CreateLineTool;
import oko.table.description.EditionTableDescription;
import oko.table.description.TableDescription;
import oko.ui.editors.TransactionalEditor;
import oko.ui.internal.Messages;
import oko.ui.internal.properties.ReferenceChooserDialog;

/**
 * The editor of a described table (oko.table: the technological map, the role distribution, the
 * plan of measures, the RACI matrix, and the tables modules contribute): {@link DescribedTable}
 * shows the description chosen by the input's table id on the input's object; the rest
 * (transaction, undo, save, conflicts) is {@link TransactionalEditor}'s. After the descriptions are
 * reloaded it shows the new description of the same id.
 */
public final class TableEditor extends TransactionalEditor {

    public static final String ID = "oko.ui.editors.table";

    private String tableId;
    private TableDescription description;
    private Composite container;
    private DescribedTable table;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        Tables.useDataDirectory();
        ModelEditorInput modelInput = (ModelEditorInput) input;
        tableId = modelInput.table();
        description = TableRegistry.byId(tableId)
                .orElseThrow(() -> new PartInitException(Messages.bind(Messages.editorNoTable, tableId)));
    }

    @Override
    protected String title() {
        return description.getLabel();
    }

    @Override
    public void createPartControl(Composite parent) {
        container = new Composite(parent, SWT.NONE);
        table = new DescribedTable(container, description, root, domain, this::chooseReferences);
        getSite().setSelectionProvider(table.selectionProvider());
        var bars = getEditorSite().getActionBars();
        installUndoRedo(bars);
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), new Action(Messages.editorDelete) {
            @Override
            public void run() {
                deleteSelection();
            }
        });
        // the table editors share one tool bar: its actions are added once and act on the active one
        var toolBar = bars.getToolBarManager();
        if (toolBar.find(ADD_ROW) == null) {
            toolBar.add(new ActiveEditorAction(ADD_ROW, addLabel(), TableEditor::addRow));
            toolBar.add(new ActiveEditorAction(DELETE_ROWS, Messages.editorDelete, TableEditor::deleteSelection));
            toolBar.add(new Action(Messages.tableReloadDescriptions) {
                @Override
                public void run() {
                    Tables.reload(org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow());
                }
            });
        }
        bars.updateActionBars();
        stackChanged();
    }

    private static final String ADD_ROW = "oko.ui.editors.table.addRow";
    private static final String DELETE_ROWS = "oko.ui.editors.table.deleteRows";

    /** An action of the shared tool bar: it runs on the table editor that is active. */
    private static final class ActiveEditorAction extends Action {
        private final java.util.function.Consumer<TableEditor> run;

        ActiveEditorAction(String id, String text, java.util.function.Consumer<TableEditor> run) {
            super(text);
            setId(id);
            this.run = run;
        }

        @Override
        public void run() {
            var window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            if (window != null && window.getActivePage() != null
                    && window.getActivePage().getActiveEditor() instanceof TableEditor editor) {
                run.accept(editor);
            }
        }
    }

    /** Names the shared tool bar's actions for this table (a table without create tool has neither). */
    @Override
    public void setFocus() {
        super.setFocus();
        var toolBar = getEditorSite().getActionBars().getToolBarManager();
        if (toolBar.find(ADD_ROW) instanceof ActionContributionItem add
                && toolBar.find(DELETE_ROWS) instanceof ActionContributionItem delete) {
            boolean renamed = !addLabel().equals(add.getAction().getText());
            add.getAction().setText(addLabel());
            add.getAction().setEnabled(createTool() != null);
            delete.getAction().setEnabled(createTool() != null);
            if (renamed) {
                getEditorSite().getActionBars().updateActionBars();
            }
        }
    }

    private CreateLineTool createTool() {
        return description instanceof EditionTableDescription edition && !edition.getCreateTools().isEmpty()
                ? edition.getCreateTools().get(0) : null;
    }

    private String addLabel() {
        return createTool() != null ? createTool().getLabel() : Messages.editorAddFunction;
    }

    @Override
    protected void refreshContent() {
        table.refresh();
    }

    /** Shows the description of the same id again after a reload (or closes when it is gone). */
    public void descriptionsReloaded() {
        var reloaded = TableRegistry.byId(tableId);
        if (reloaded.isEmpty()) {
            return;
        }
        description = reloaded.get();
        for (var child : container.getChildren()) {
            child.dispose();
        }
        table = new DescribedTable(container, description, root, domain, this::chooseReferences);
        getSite().setSelectionProvider(table.selectionProvider());
        container.layout(true, true);
        setFocus();
    }

    /** The references chosen in the chooser from the feature's choices, or null when cancelled. */
    private Object chooseReferences(EObject element, EReference reference) {
        IItemPropertySource source = (IItemPropertySource) factory.adapt(element, IItemPropertySource.class);
        IItemPropertyDescriptor descriptor = source == null ? null : source.getPropertyDescriptor(element, reference);
        Collection<?> choices = descriptor == null ? null : descriptor.getChoiceOfValues(element);
        ReferenceChooserDialog dialog = ReferenceChooserDialog.of(getSite().getShell(), element, reference,
                choices == null ? List.of() : choices);
        return dialog.open() == Window.OK ? dialog.result() : null;
    }

    private void addRow() {
        CreateLineTool tool = createTool();
        if (tool == null) {
            return;
        }
        if (table.viewer() == null) {
            return;
        }
        Object selected = ((IStructuredSelection) table.viewer().getSelection()).getFirstElement();
        TableEditing.NewLine line = TableEditing.newLine(domain, tool, root, selected instanceof EObject o ? o : null,
                table.firstLine());
        if (line == null) {
            return;
        }
        domain.getCommandStack().execute(line.command());
        table.viewer().refresh();
        table.viewer().setSelection(new StructuredSelection(line.element()), true);
    }

    private void deleteSelection() {
        List<EObject> selected = table.deletable(table.selectedElements());
        if (selected.isEmpty()) {
            return;
        }
        Command command = CommandLabels.delete(domain, selected);
        if (command.canExecute()) {
            domain.getCommandStack().execute(command);
        }
    }

    /** The texts of the visible rows (depth first) and columns as the cells draw them, unwrapped. */
    public List<List<String>> cellTexts() {
        return table.cellTexts();
    }

    /** The described table shown (its description, lines and, for a cross-table, column elements). */
    public DescribedTable table() {
        return table;
    }

    /** The tree of an edition table; {@code null} for a cross-table, drawn by {@link DescribedTable#grid()}. */
    @Override
    public TreeViewer viewer() {
        return table == null ? null : table.viewer();
    }

    @Override
    protected org.eclipse.swt.widgets.Control control() {
        return container;
    }
}
