package oko.ui.internal.editors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.domain.EditingDomain;
import org.eclipse.jface.layout.TreeColumnLayout;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.DialogCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.OwnerDrawLabelProvider;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

import oko.model.edit.CommandLabels;
import oko.model.edit.ModelLabels;
import oko.table.TableEditing;
import oko.table.TableInterpreter;
import oko.table.TableInterpreter.Line;
import oko.table.description.CellEditorKind;
import oko.table.description.CellValue;
import oko.table.description.ColumnDescription;
import oko.table.description.ConditionalStyle;
import oko.table.description.CrossTableDescription;
import oko.table.description.EditionTableDescription;
import oko.table.description.LineMapping;
import oko.table.description.TableDescription;

/**
 * A table description shown: an edition table in an SWT tree (a column per column description,
 * long texts wrapped, cells edited in place by the kind of their cell editor), a cross-table in a
 * {@link CrossTableGrid} that draws only the cells in view (the lines' headers, then a column per
 * column element; a cell shows the relations that hold, e.g. «R, A», and typing a value's letter or
 * choosing it in the cell's context menu toggles it on the selected cell).
 * Every edit is one command on the domain's stack. It knows nothing of the workbench, so the
 * editor and the benchmark share it.
 */
public final class DescribedTable {

    /** Chooses references for a REFERENCES cell (the editor opens its dialog): the new list, or {@code null}. */
    public interface ReferenceChooser extends BiFunction<EObject, EReference, Object> {
    }

    private final TableDescription description;
    private final EObject root;
    private final EditingDomain domain;
    private final ReferenceChooser chooser;
    private final Composite parent;
    private TreeViewer viewer;
    private CrossTableGrid grid;
    private final Map<EObject, Line> lines = new IdentityHashMap<>();
    private List<Line> topLines = List.of();
    private List<EObject> columnElements = List.of();
    private final List<Color> colors = new ArrayList<>();
    private Font bold;

    public DescribedTable(Composite parent, TableDescription description, EObject root, EditingDomain domain,
            ReferenceChooser chooser) {
        this.parent = parent;
        this.description = description;
        this.root = root;
        this.domain = domain;
        this.chooser = chooser;
        create();
    }

    /** The tree of an edition table; {@code null} for a cross-table (see {@link #grid()}). */
    public TreeViewer viewer() {
        return viewer;
    }

    public TableDescription description() {
        return description;
    }

    private void create() {
        if (description instanceof CrossTableDescription cross) {
            viewer = null;
            createGrid(cross);
            return;
        }
        viewer = new TreeViewer(parent, SWT.FULL_SELECTION | SWT.MULTI | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(true);
        ColumnViewerToolTipSupport.enableFor(viewer);
        viewer.setUseHashlookup(true);
        viewer.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                topLines = TableInterpreter.lines(description, root);
                lines.clear();
                index(topLines);
                return topLines.stream().map(Line::element).toArray();
            }

            @Override
            public Object[] getChildren(Object parent) {
                Line line = lines.get(parent);
                return line == null ? new Object[0] : line.children().stream().map(Line::element).toArray();
            }

            @Override
            public Object getParent(Object element) {
                return null;
            }

            @Override
            public boolean hasChildren(Object element) {
                Line line = lines.get(element);
                return line != null && !line.children().isEmpty();
            }
        });
        TreeColumnLayout layout = new TreeColumnLayout();
        parent.setLayout(layout);
        for (ColumnDescription column : ((EditionTableDescription) description).getColumns()) {
            TreeViewerColumn treeColumn = new TreeViewerColumn(viewer, SWT.LEFT);
            treeColumn.getColumn().setText(column.getLabel() == null ? "" : column.getLabel());
            treeColumn.getColumn().setToolTipText(column.getLabel());
            treeColumn.getColumn().setResizable(true);
            layout.setColumnData(treeColumn.getColumn(),
                    new ColumnWeightData(column.getWidth(), Math.min(column.getWidth(), 60), true));
            treeColumn.setLabelProvider(new WrappingLabelProvider(column));
            if (column.getFeature() != null && column.getCellEditor() != CellEditorKind.NONE) {
                treeColumn.setEditingSupport(new FeatureEditing(column));
            }
        }
        OwnerDrawLabelProvider.setUpOwnerDraw(viewer);
        viewer.setInput(new Rows(root));
        viewer.expandAll();
        tree.addDisposeListener(e -> {
            colors.forEach(Color::dispose);
            colors.clear();
            if (bold != null) {
                bold.dispose();
            }
        });
    }

    /** The viewer's input: a holder that is never a line (JFace maps its input to the tree itself). */
    private record Rows(EObject root) {
    }

    private void index(List<Line> level) {
        for (Line line : level) {
            lines.put(line.element(), line);
            index(line.children());
        }
    }

    /** The line of a shown element, if shown. */
    public Line line(Object element) {
        return lines.get(element);
    }

    /** The column elements of a cross-table, left to right (after the headers' column). */
    public List<EObject> columnElements() {
        return columnElements;
    }

    /** Shows the model again; a cross-table whose column elements changed gets its columns anew. */
    public void refresh() {
        if (grid != null) {
            grid.refresh();
            topLines = grid.topLines();
            lines.clear();
            index(topLines);
            columnElements = grid.columnElements();
            return;
        }
        viewer.refresh();
    }

    /** Creates the tree again (after the columns changed). */
    public void rebuild() {
        if (grid != null) {
            grid.canvas().dispose();
            grid = null;
            create();
            parent.layout(true, true);
            return;
        }
        Object[] expanded = viewer.getExpandedElements();
        viewer.getControl().dispose();
        create();
        viewer.setExpandedElements(expanded);
        viewer.expandAll();
        parent.layout(true, true);
    }

    // ---- edition tables

    private Color color(String hex) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
            return null;
        }
        int rgb = Integer.parseInt(hex.substring(1), 16);
        Color color = new Color(parent.getDisplay(), new RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
        colors.add(color);
        return color;
    }

    private ConditionalStyle style(Object element) {
        Line line = lines.get(element);
        return line == null ? null : TableInterpreter.style(line.mapping(), line.element()).orElse(null);
    }

    private final Map<String, Color> colorCache = new java.util.HashMap<>();

    private Color cachedColor(String hex) {
        return hex == null ? null : colorCache.computeIfAbsent(hex, this::color);
    }

    private Font bold() {
        if (bold == null) {
            FontData[] data = viewer.getTree().getFont().getFontData();
            for (FontData d : data) {
                d.setStyle(SWT.BOLD);
            }
            bold = new Font(parent.getDisplay(), data);
        }
        return bold;
    }

    static String oneLine(String text) {
        return text.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }

    /** A cell's text as shown, unwrapped. */
    public String text(int column, Object element) {
        EObject object = (EObject) element;
        if (description instanceof EditionTableDescription edition) {
            return oneLine(TableInterpreter.text(edition.getColumns().get(column), object));
        }
        CrossTableDescription cross = (CrossTableDescription) description;
        if (column == 0) {
            Line line = lines.get(element);
            return oneLine(TableInterpreter.header(line == null ? null : line.mapping().getHeaderExpression(), object));
        }
        return TableInterpreter.cell(cross.getIntersection(), object, columnElements.get(column - 1));
    }

    /**
     * Draws a cell's whole text wrapped to the column's width, up to {@link #MAX_LINES} lines; the
     * tooltip has the full text. SWT on GTK gives every row the height of the tallest.
     */
    private final class WrappingLabelProvider extends OwnerDrawLabelProvider {
        private static final int MAX_LINES = 8;
        private final ColumnDescription column;

        WrappingLabelProvider(ColumnDescription column) {
            this.column = column;
        }

        private List<String> lines(GC gc, Object element, int width) {
            return Wrapping.wrap(oneLine(TableInterpreter.text(column, (EObject) element)), width - 8,
                    text -> gc.textExtent(text).x, MAX_LINES);
        }

        /** From where the cell's text starts (after the indentation and expander in the first column) to the column's edge. */
        private int width(Event event) {
            int width = ((Tree) event.widget).getColumn(event.index).getWidth();
            if (event.item instanceof TreeItem item) {
                var cell = item.getBounds(event.index);
                var text = item.getTextBounds(event.index);
                if (cell.width > 0 && text.x >= cell.x) {
                    return Math.min(width, cell.x + cell.width - text.x);
                }
            }
            return width;
        }

        @Override
        protected void measure(Event event, Object element) {
            int count = Math.max(1, lines(event.gc, element, width(event)).size());
            event.height = count * event.gc.getFontMetrics().getHeight() + 4;
        }

        @Override
        protected void paint(Event event, Object element) {
            ConditionalStyle style = style(element);
            int lineHeight = event.gc.getFontMetrics().getHeight();
            Color foreground = style == null ? null : cachedColor(style.getForeground());
            Color background = style == null ? null : cachedColor(style.getBackground());
            if (background != null && (event.detail & SWT.SELECTED) == 0) {
                event.gc.setBackground(background);
                event.gc.fillRectangle(event.x, event.y, ((Tree) event.widget).getColumn(event.index).getWidth(), event.height);
            }
            if (foreground != null) {
                event.gc.setForeground(foreground);
            } else if ((event.detail & SWT.SELECTED) == 0) {
                event.gc.setForeground(viewer.getTree().getForeground());
            }
            if (style != null && style.isBold()) {
                event.gc.setFont(bold());
            }
            int y = event.y + 2;
            for (String line : lines(event.gc, element, width(event))) {
                event.gc.drawText(line, event.x + 4, y, true);
                y += lineHeight;
            }
        }

        @Override
        public String getToolTipText(Object element) {
            String text = TableInterpreter.text(column, (EObject) element);
            return text.isEmpty() ? null : text;
        }
    }

    /** Edits the line's feature through a SetCommand, with the cell editor the description names. */
    private final class FeatureEditing extends EditingSupport {
        private final ColumnDescription column;
        private List<Object> choices = List.of();

        FeatureEditing(ColumnDescription column) {
            super(viewer);
            this.column = column;
        }

        private EStructuralFeature feature(Object element) {
            return ((EObject) element).eClass().getEStructuralFeature(column.getFeature());
        }

        @Override
        protected boolean canEdit(Object element) {
            EStructuralFeature feature = feature(element);
            return feature != null && feature.isChangeable();
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            EStructuralFeature feature = feature(element);
            switch (column.getCellEditor()) {
            case REFERENCES:
                if (feature instanceof EReference reference && reference.isMany()) {
                    return new DialogCellEditor(viewer.getTree()) {
                        @Override
                        protected Object openDialogBox(Control window) {
                            return chooser.apply((EObject) element, reference);
                        }
                    };
                }
                break;
            case CHOICE:
            case REFERENCE:
                choices = choices((EObject) element, feature);
                return new ComboBoxCellEditor(viewer.getTree(),
                        choices.stream().map(DescribedTable::choiceLabel).toArray(String[]::new), SWT.READ_ONLY);
            default:
                break;
            }
            return new TextCellEditor(viewer.getTree(),
                    column.getCellEditor() == CellEditorKind.MULTI_LINE_TEXT ? SWT.MULTI | SWT.WRAP | SWT.V_SCROLL : SWT.SINGLE);
        }

        @Override
        protected Object getValue(Object element) {
            EStructuralFeature feature = feature(element);
            Object value = ((EObject) element).eGet(feature);
            return switch (column.getCellEditor()) {
            case CHOICE, REFERENCE -> choices.indexOf(value);
            case REFERENCES -> value;
            case DATE -> value instanceof java.util.Date date ? oko.table.TableValues.date(date) : "";
            default -> value == null ? "" : value.toString();
            };
        }

        @Override
        protected void setValue(Object element, Object value) {
            EStructuralFeature feature = feature(element);
            Object old = ((EObject) element).eGet(feature);
            Object newValue;
            try {
                newValue = convert(feature, value);
            } catch (RuntimeException e) {
                org.eclipse.jface.dialogs.MessageDialog.openError(viewer.getTree().getShell(), column.getLabel(),
                        oko.ui.internal.Messages.bind(oko.ui.internal.Messages.tableBadValue, value, e.getMessage()));
                return;
            }
            if (newValue == NO_CHANGE || java.util.Objects.equals(newValue, old) || newValue instanceof String s && s.isEmpty() && old == null) {
                return;
            }
            Command command = CommandLabels.set(domain, (EObject) element, feature, newValue);
            if (command.canExecute()) {
                domain.getCommandStack().execute(command);
            }
        }

        private Object convert(EStructuralFeature feature, Object value) {
            switch (column.getCellEditor()) {
            case CHOICE, REFERENCE:
                int index = value instanceof Integer i ? i : -1;
                return index < 0 || index >= choices.size() ? NO_CHANGE : choices.get(index);
            case REFERENCES:
                return value == null ? NO_CHANGE : value;
            case DATE:
                String date = ((String) value).strip();
                return date.isEmpty() ? null : java.util.Date.from(java.time.LocalDate.parse(date,
                        java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")).atStartOfDay(java.time.ZoneId.systemDefault()).toInstant());
            case NUMBER:
                String number = ((String) value).strip().replace(',', '.');
                return number.isEmpty() ? null : org.eclipse.emf.ecore.util.EcoreUtil.createFromString((EDataType) feature.getEType(), number);
            default:
                if (feature instanceof EAttribute attribute && attribute.getEAttributeType().getInstanceClass() != String.class
                        && value instanceof String text) {
                    return text.isBlank() ? null : TableEditing.parse(feature, text.strip());
                }
                return value;
            }
        }
    }

    private static final Object NO_CHANGE = new Object();

    /** The values a CHOICE or REFERENCE cell offers: the enumeration's literals, or the feature's choices (first: none). */
    private List<Object> choices(EObject element, EStructuralFeature feature) {
        List<Object> choices = new ArrayList<>();
        if (feature.getEType() instanceof EEnum eEnum) {
            for (EEnumLiteral literal : eEnum.getELiterals()) {
                choices.add(literal.getInstance());
            }
            return choices;
        }
        choices.add(null);
        var factory = ((org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain) domain).getAdapterFactory();
        var source = (org.eclipse.emf.edit.provider.IItemPropertySource) factory.adapt(element,
                org.eclipse.emf.edit.provider.IItemPropertySource.class);
        var descriptor = source == null ? null : source.getPropertyDescriptor(element, feature);
        Collection<?> values = descriptor == null ? null : descriptor.getChoiceOfValues(element);
        if (values != null) {
            values.stream().filter(java.util.Objects::nonNull).forEach(choices::add);
        }
        return choices;
    }

    private static String choiceLabel(Object value) {
        if (value == null) {
            return "—";
        }
        if (value instanceof EObject object) {
            return ModelLabels.name(object);
        }
        if (value instanceof org.eclipse.emf.common.util.Enumerator literal) {
            return ModelLabels.literal(literal);
        }
        return value.toString();
    }

    // ---- cross-tables

    /** The cross-table's grid: typing a value's letter toggles it on the selected cell, as does its context menu. */
    private void createGrid(CrossTableDescription cross) {
        parent.setLayout(new org.eclipse.swt.layout.FillLayout());
        grid = new CrossTableGrid(parent, cross, root);
        topLines = grid.topLines();
        lines.clear();
        index(topLines);
        columnElements = grid.columnElements();
        var canvas = grid.canvas();
        canvas.addListener(SWT.KeyDown, event -> {
            // as the tree did: a letter equal (ignoring case) to a value's label toggles that value
            if (Character.isLetter(event.character)) {
                for (CellValue value : cross.getIntersection().getValues()) {
                    if (value.getLabel() != null && value.getLabel().equalsIgnoreCase(String.valueOf(event.character))) {
                        toggleSelected(value);
                        event.doit = false;
                    }
                }
            }
        });
        org.eclipse.jface.action.MenuManager menu = new org.eclipse.jface.action.MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            EObject line = grid.selectedLine();
            EObject column = grid.selectedColumnElement();
            if (line == null || column == null || !TableInterpreter.hasCells(cross.getIntersection(), line)) {
                return;
            }
            for (CellValue value : cross.getIntersection().getValues()) {
                // the value's meaning («I — информируется о результате»): the cell, its role, is the selected one
                var action = new org.eclipse.jface.action.Action(CrossTableGrid.meaning(value, line.eClass()),
                        org.eclipse.jface.action.IAction.AS_CHECK_BOX) {
                    @Override
                    public void run() {
                        toggle(value, line, column);
                    }
                };
                action.setChecked(TableInterpreter.holds(value, line, column));
                manager.add(action);
            }
        });
        canvas.setMenu(menu.createContextMenu(canvas));
        canvas.addDisposeListener(e -> menu.dispose());
    }

    /** The cross-table's grid, or {@code null} for an edition table (shown in {@link #viewer()}). */
    public CrossTableGrid grid() {
        return grid;
    }

    /** The control showing the table: the tree, or the cross-table's grid. */
    public Control control() {
        return grid != null ? grid.canvas() : viewer.getControl();
    }

    /** Gives the workbench the selected lines: the tree's selection, or the grid's selected line. */
    public org.eclipse.jface.viewers.ISelectionProvider selectionProvider() {
        return grid != null ? grid : viewer;
    }

    /** The selected lines' elements. */
    public List<?> selectedElements() {
        var selection = selectionProvider().getSelection();
        return selection instanceof org.eclipse.jface.viewers.IStructuredSelection structured ? structured.toList() : List.of();
    }

    private EObject selectedLine() {
        return grid != null ? grid.selectedLine() : null;
    }

    /** The cross-table column the keyboard and the context menu act on (1 is the first column element). */
    public int focusColumn() {
        return grid == null ? 0 : grid.selectedColumn();
    }

    private void toggleSelected(CellValue value) {
        EObject line = selectedLine();
        EObject column = grid.selectedColumnElement();
        if (line != null && column != null) {
            toggle(value, line, column);
        }
    }

    /** Toggles a relation of a cell: one command on the stack. */
    public void toggle(CellValue value, EObject line, EObject column) {
        if (!TableInterpreter.hasCells(((CrossTableDescription) description).getIntersection(), line)) {
            return;
        }
        Command command = TableEditing.toggle(domain, value, line, column);
        if (command != null && command.canExecute()) {
            domain.getCommandStack().execute(command);
        }
    }

    /** The texts of the shown lines (depth first) and columns as drawn, unwrapped. */
    public List<List<String>> cellTexts() {
        List<List<String>> rows = new ArrayList<>();
        if (grid != null) {
            for (int r = 0; r < grid.rowCount(); r++) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c <= grid.columnElements().size(); c++) {
                    row.add(grid.text(r, c));
                }
                rows.add(row);
            }
            return rows;
        }
        collect(viewer.getTree().getItems(), rows);
        return rows;
    }

    private void collect(TreeItem[] items, List<List<String>> rows) {
        int columns = viewer.getTree().getColumnCount();
        for (TreeItem item : items) {
            if (item.getData() instanceof EObject element) {
                List<String> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    row.add(text(c, element));
                }
                rows.add(row);
            }
            collect(item.getItems(), rows);
        }
    }

    /** The lines that the table's delete tool may remove among these elements. */
    public List<EObject> deletable(List<?> elements) {
        List<EObject> deletable = new ArrayList<>();
        for (Object element : elements) {
            LineMapping mapping = lines.get(element) == null ? null : lines.get(element).mapping();
            if (mapping != null && mapping.isDeletable()) {
                deletable.add((EObject) element);
            }
        }
        return deletable;
    }

    /** The first top-level line's element, or {@code null}. */
    public EObject firstLine() {
        return topLines.isEmpty() ? null : topLines.get(0).element();
    }
}
