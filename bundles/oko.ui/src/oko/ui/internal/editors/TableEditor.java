package oko.ui.internal.editors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;

import oko.model.edit.CommandLabels;
import oko.ui.editors.TransactionalEditor;
import oko.ui.internal.Messages;
import oko.ui.internal.properties.ReferenceChooserDialog;
import oko.ui.tables.TableColumn;
import oko.ui.tables.TableDefinition;

/**
 * A table editor (technological map, role distribution, plan of measures, and the tables modules
 * contribute): the rows and columns of a {@link TableDefinition} contributed to the
 * {@code oko.ui.tables} extension point ({@link Tables}), long texts wrapped, cells edited in place through commands; the rest
 * (transaction, undo, save, conflicts) is {@link TransactionalEditor}'s.
 */
public final class TableEditor extends TransactionalEditor {

    public static final String ID = "oko.ui.editors.table";

    private TableDefinition kind;
    private String title;
    private TreeViewer viewer;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        ModelEditorInput modelInput = (ModelEditorInput) input;
        Tables.Table table = Tables.byId(modelInput.table())
                .orElseThrow(() -> new PartInitException(Messages.bind(Messages.editorNoTable, modelInput.table())));
        kind = table.definition();
        title = table.name();
    }

    @Override
    protected String title() {
        return title;
    }

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTree().setHeaderVisible(true);
        viewer.getTree().setLinesVisible(true);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return kind.rows(((Rows) input).root()).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                return kind.children((EObject) parent).toArray();
            }

            @Override
            public Object getParent(Object element) {
                return kind.rows(root).contains(element) ? viewer.getInput() : ((EObject) element).eContainer();
            }

            @Override
            public boolean hasChildren(Object element) {
                return !kind.children((EObject) element).isEmpty();
            }
        });
        Color overdue = new Color(190, 0, 0);
        org.eclipse.jface.layout.TreeColumnLayout layout = new org.eclipse.jface.layout.TreeColumnLayout();
        parent.setLayout(layout);
        for (TableColumn column : kind.columns()) {
            TreeViewerColumn treeColumn = new TreeViewerColumn(viewer, SWT.LEFT);
            treeColumn.getColumn().setText(column.title());
            treeColumn.getColumn().setToolTipText(column.title());
            treeColumn.getColumn().setResizable(true);
            layout.setColumnData(treeColumn.getColumn(),
                    new org.eclipse.jface.viewers.ColumnWeightData(column.width(), Math.min(column.width(), 60), true));
            treeColumn.setLabelProvider(new WrappingLabelProvider(column, overdue));
            if (column.feature() != null) {
                treeColumn.setEditingSupport(new FeatureEditing(column));
            }
        }
        org.eclipse.jface.viewers.OwnerDrawLabelProvider.setUpOwnerDraw(viewer);
        viewer.setInput(new Rows(root));
        viewer.expandAll();
        getSite().setSelectionProvider(viewer);
        var bars = getEditorSite().getActionBars();
        installUndoRedo(bars);
        Action delete = new Action(Messages.editorDelete) {
            @Override
            public void run() {
                deleteSelection();
            }
        };
        bars.setGlobalActionHandler(ActionFactory.DELETE.getId(), delete);
        // the table editors share one tool bar: its two actions are added once and act on the active one
        var toolBar = bars.getToolBarManager();
        if (toolBar.find(ADD_ROW) == null) {
            toolBar.add(new ActiveEditorAction(ADD_ROW, addLabel(), TableEditor::addRow));
            toolBar.add(new ActiveEditorAction(DELETE_ROWS, Messages.editorDelete, TableEditor::deleteSelection));
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

    /** Names the shared tool bar's actions for this kind of table (the technological map has neither). */
    @Override
    public void setFocus() {
        super.setFocus();
        var toolBar = getEditorSite().getActionBars().getToolBarManager();
        if (toolBar.find(ADD_ROW) instanceof org.eclipse.jface.action.ActionContributionItem add
                && toolBar.find(DELETE_ROWS) instanceof org.eclipse.jface.action.ActionContributionItem delete) {
            boolean renamed = !addLabel().equals(add.getAction().getText());
            add.getAction().setText(addLabel());
            add.getAction().setEnabled(kind.addRowLabel() != null);
            delete.getAction().setEnabled(kind.addRowLabel() != null);
            if (renamed) {
                getEditorSite().getActionBars().updateActionBars();
            }
        }
    }

    private String addLabel() {
        return kind.addRowLabel() != null ? kind.addRowLabel() : Messages.editorAddFunction;
    }

    /**
     * The viewer's input: the editor's object holds the rows, and may be one of them (a function
     * section's editor shows the section as its first row). JFace maps its input to the tree
     * itself, so an input that is also a row corrupted GTK's tree (endless recursion in
     * gtk_tree_selection_unselect_all: the workbench died with SIGSEGV on a double click on a
     * section); the rows' holder is never a row.
     */
    private record Rows(EObject root) {
    }

    static String oneLine(String text) {
        return text.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    /**
     * Draws a cell's whole text wrapped to the column's width (the documents' cells are long), up
     * to {@link #MAX_LINES} lines; the tooltip has the full text. SWT on GTK gives every row the
     * height of the tallest.
     */
    private final class WrappingLabelProvider extends org.eclipse.jface.viewers.OwnerDrawLabelProvider {
        private static final int MAX_LINES = 8;
        private final TableColumn column;
        private final Color overdue;

        WrappingLabelProvider(TableColumn column, Color overdue) {
            this.column = column;
            this.overdue = overdue;
        }

        private List<String> lines(org.eclipse.swt.graphics.GC gc, Object element, int width) {
            return Wrapping.wrap(oneLine(column.text().apply((EObject) element)), width - 8,
                    text -> gc.textExtent(text).x, MAX_LINES);
        }

        /**
         * The width the text may take: from where the cell's text starts (in the first column,
         * after the row's indentation and expander) to the column's right edge.
         */
        private int width(org.eclipse.swt.widgets.Event event) {
            int column = ((org.eclipse.swt.widgets.Tree) event.widget).getColumn(event.index).getWidth();
            if (event.item instanceof org.eclipse.swt.widgets.TreeItem item) {
                org.eclipse.swt.graphics.Rectangle cell = item.getBounds(event.index);
                org.eclipse.swt.graphics.Rectangle text = item.getTextBounds(event.index);
                if (cell.width > 0 && text.x >= cell.x) {
                    return Math.min(column, cell.x + cell.width - text.x);
                }
            }
            return column;
        }

        @Override
        protected void measure(org.eclipse.swt.widgets.Event event, Object element) {
            int lines = Math.max(1, lines(event.gc, element, width(event)).size());
            event.height = lines * event.gc.getFontMetrics().getHeight() + 4;
        }

        @Override
        protected void paint(org.eclipse.swt.widgets.Event event, Object element) {
            int lineHeight = event.gc.getFontMetrics().getHeight();
            if (kind.marked((EObject) element)) {
                event.gc.setForeground(overdue);
            } else if ((event.detail & SWT.SELECTED) == 0) {
                event.gc.setForeground(viewer.getTree().getForeground());
            }
            int y = event.y + 2;
            for (String line : lines(event.gc, element, width(event))) {
                event.gc.drawText(line, event.x + 4, y, true);
                y += lineHeight;
            }
        }

        @Override
        public String getToolTipText(Object element) {
            String text = column.text().apply((EObject) element);
            return text.isEmpty() ? null : text;
        }
    }

    /** Edits a feature of the row through a SetCommand: text, or the chosen references. */
    private final class FeatureEditing extends EditingSupport {
        private final TableColumn column;

        FeatureEditing(TableColumn column) {
            super(viewer);
            this.column = column;
        }

        private EStructuralFeature feature(Object element) {
            return ((EObject) element).eClass().getEStructuralFeature(column.feature());
        }

        @Override
        protected boolean canEdit(Object element) {
            EStructuralFeature feature = feature(element);
            return feature != null && feature.isChangeable();
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            EStructuralFeature feature = feature(element);
            if (feature instanceof EReference reference && reference.isMany()) {
                return new DialogCellEditor(viewer.getTree()) {
                    @Override
                    protected Object openDialogBox(Control window) {
                        return chooseReferences((EObject) element, reference);
                    }
                };
            }
            return new TextCellEditor(viewer.getTree(), column.multiLine() ? SWT.MULTI | SWT.WRAP | SWT.V_SCROLL : SWT.SINGLE);
        }

        @Override
        protected Object getValue(Object element) {
            Object value = ((EObject) element).eGet(feature(element));
            return value instanceof String || value == null ? (value == null ? "" : value) : value;
        }

        @Override
        protected void setValue(Object element, Object value) {
            EStructuralFeature feature = feature(element);
            Object old = ((EObject) element).eGet(feature);
            if (value == null || value.equals(old) || feature instanceof EReference == false && "".equals(value) && old == null) {
                return;
            }
            Command command = CommandLabels.set(domain, (EObject) element, feature, value);
            if (command.canExecute()) {
                domain.getCommandStack().execute(command);
            }
        }
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
        if (kind.addRowLabel() == null) {
            return;
        }
        Object selected = ((IStructuredSelection) viewer.getSelection()).getFirstElement();
        TableDefinition.NewRow row = kind.newRow(domain, root, selected);
        if (row == null) {
            return;
        }
        domain.getCommandStack().execute(row.command());
        viewer.refresh();
        viewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(row.row()), true);
    }

    private void deleteSelection() {
        List<?> selected = ((IStructuredSelection) viewer.getSelection()).toList();
        if (selected.isEmpty() || kind.addRowLabel() == null) {
            return;
        }
        Command command = CommandLabels.delete(domain, selected);
        if (command.canExecute()) {
            domain.getCommandStack().execute(command);
        }
    }

    /**
     * The texts of the visible rows (depth first) and columns as the cells draw them, unwrapped;
     * the items themselves carry no text (SWT on GTK would draw it over the wrapped one).
     */
    public List<List<String>> cellTexts() {
        List<List<String>> rows = new ArrayList<>();
        collect(viewer.getTree().getItems(), rows);
        return rows;
    }

    private void collect(org.eclipse.swt.widgets.TreeItem[] items, List<List<String>> rows) {
        for (org.eclipse.swt.widgets.TreeItem item : items) {
            if (item.getData() instanceof EObject element) {
                rows.add(kind.columns().stream().map(c -> oneLine(c.text().apply(element))).toList());
            }
            collect(item.getItems(), rows);
        }
    }

    @Override
    public TreeViewer viewer() {
        return viewer;
    }

}
