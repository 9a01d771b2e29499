package oko.ui.internal.editors;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.core.runtime.ListenerList;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EEnumLiteral;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.ISelectionChangedListener;
import org.eclipse.jface.viewers.ISelectionProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.accessibility.ACC;
import org.eclipse.swt.accessibility.AccessibleAdapter;
import org.eclipse.swt.accessibility.AccessibleControlAdapter;
import org.eclipse.swt.accessibility.AccessibleControlEvent;
import org.eclipse.swt.accessibility.AccessibleEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import oko.model.edit.ModelLabels;
import oko.table.TableInterpreter;
import oko.table.TableInterpreter.Line;
import oko.table.description.CellValue;
import oko.table.description.ConditionalStyle;
import oko.table.description.CrossTableDescription;
import oko.table.description.IntersectionMapping;
import oko.ui.internal.Messages;

/**
 * A cross-table drawn on a canvas that paints only the cells in view, so that a matrix of hundreds
 * of lines and columns opens at once (a tree with a column per column element does not: GTK creates
 * and draws every cell). The header row (the column elements' headers, wrapped, in full in the
 * tooltip) and the lines' header column (wrapped to two lines; its right border can be dragged)
 * stay in place while the cells scroll; group lines (lines without cells, e.g. sections) span the
 * width in bold and fold with a click on their triangle, a double click, Enter or Space. One cell is
 * selected; the arrows, Home/End (with Ctrl: the first/last line too) and PgUp/PgDn move it.
 * What typing or the context menu does to the selected cell is the owner's ({@link DescribedTable}).
 * <p>
 * Columns are numbered as in the tree the grid replaces: 0 is the lines' header column, 1 the first
 * column element. Rows are the shown lines, depth first, folded groups' lines left out.
 */
public final class CrossTableGrid implements ISelectionProvider {

    /** A shown line: its line, depth (0 = top) and whether it has cells. */
    private record Row(Line line, int depth, boolean group) {
    }

    private static final int PAD = 4;
    private static final int INDENT = 14;
    private static final int EXPANDER = 14;
    private static final int HEADER_LINES = 4;
    private static final int LINE_HEADER_LINES = 2;
    private static final int MIN_HEADER_WIDTH = 80;
    private static final int GRAB = 4;

    private final CrossTableDescription description;
    private final EObject root;
    private final Canvas canvas;
    private final ListenerList<ISelectionChangedListener> selectionListeners = new ListenerList<>();
    private final Set<EObject> collapsed = new HashSet<>();
    private final List<Color> colors = new ArrayList<>();
    private final Map<String, Color> styleColors = new HashMap<>();
    private final Font bold;
    private final Color gridLine;
    private final Color headerBackground;
    private final Color groupBackground;
    private final Color crossHighlight;
    private final Cursor resizeCursor;

    private List<Line> topLines = List.of();
    private final List<Row> rows = new ArrayList<>();
    private List<EObject> columnElements = List.of();
    private String[] columnHeaders = new String[0];
    private List<String>[] wrappedHeaders;
    /** Left edges of the columns in the cells' area (unscrolled), and its total width at the end. */
    private int[] columnX = new int[1];
    private int headerWidth;
    private int headerHeight;
    private int rowHeight;
    private int lineHeight;
    private int scrollX;
    private int scrollY;
    private int selectedRow = -1;
    /** The selected column element's index (0-based in {@link #columnElements}). */
    private int selectedColumn;
    private boolean resizing;
    private String toolTip;
    /** Widths of the cells' texts («R», «R, C»…: a few distinct ones) and line headers wrapped at a width, for painting. */
    private final Map<String, Integer> textWidths = new HashMap<>();
    private final Map<EObject, List<String>> wrappedLines = new HashMap<>();
    private int wrappedAt = -1;

    public CrossTableGrid(Composite parent, CrossTableDescription description, EObject root) {
        this.description = description;
        this.root = root;
        canvas = new Canvas(parent, SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER | SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        var display = canvas.getDisplay();
        FontData[] data = canvas.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(display, data);
        gridLine = color(new RGB(0xc8, 0xcc, 0xd2));
        headerBackground = color(new RGB(0xee, 0xef, 0xf1));
        groupBackground = color(new RGB(0xe3, 0xea, 0xf3));
        crossHighlight = color(new RGB(0xe4, 0xec, 0xf7));
        resizeCursor = new Cursor(display, SWT.CURSOR_SIZEWE);
        headerWidth = Math.max(MIN_HEADER_WIDTH, description.getHeaderWidth() > 0 ? description.getHeaderWidth() : 300);
        GC gc = new GC(canvas);
        try {
            lineHeight = gc.getFontMetrics().getHeight();
        } finally {
            gc.dispose();
        }
        rowHeight = LINE_HEADER_LINES * lineHeight + 2 * PAD;
        lines();
        columns();
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, event -> updateScrollBars());
        canvas.getVerticalBar().addListener(SWT.Selection, event -> {
            scrollY = canvas.getVerticalBar().getSelection();
            canvas.redraw();
        });
        canvas.getHorizontalBar().addListener(SWT.Selection, event -> {
            scrollX = canvas.getHorizontalBar().getSelection();
            canvas.redraw();
        });
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseHorizontalWheel, this::wheel);
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, event -> resizing = false);
        // the cell's context menu is not to be hidden by the tooltip of the cell it acts on
        canvas.addListener(SWT.MenuDetect, event -> hideToolTip());
        canvas.addListener(SWT.MouseDoubleClick, this::doubleClick);
        canvas.addListener(SWT.KeyDown, this::keyDown);
        canvas.addListener(SWT.Traverse, event -> {
            switch (event.detail) {
            case SWT.TRAVERSE_ARROW_NEXT, SWT.TRAVERSE_ARROW_PREVIOUS, SWT.TRAVERSE_PAGE_NEXT, SWT.TRAVERSE_PAGE_PREVIOUS,
                    SWT.TRAVERSE_RETURN -> event.doit = false;
            default -> {
                // Tab and Escape leave the grid as from any control
            }
            }
        });
        canvas.addListener(SWT.FocusIn, event -> canvas.redraw());
        canvas.addListener(SWT.FocusOut, event -> canvas.redraw());
        canvas.addListener(SWT.Dispose, event -> {
            colors.forEach(Color::dispose);
            styleColors.values().stream().filter(Objects::nonNull).forEach(Color::dispose);
            bold.dispose();
            resizeCursor.dispose();
        });
        accessibility();
        if (!rows.isEmpty()) {
            selectedRow = firstCellRow();
        }
    }

    private Color color(RGB rgb) {
        Color color = new Color(canvas.getDisplay(), rgb);
        colors.add(color);
        return color;
    }

    public Canvas canvas() {
        return canvas;
    }

    // ---- content

    private void lines() {
        topLines = TableInterpreter.lines(description, root);
        flatten();
    }

    private void flatten() {
        rows.clear();
        flatten(topLines, 0);
    }

    private void flatten(List<Line> level, int depth) {
        for (Line line : level) {
            boolean group = !TableInterpreter.hasCells(description.getIntersection(), line.element());
            rows.add(new Row(line, depth, group));
            if (!collapsed.contains(line.element())) {
                flatten(line.children(), depth + 1);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void columns() {
        columnElements = TableInterpreter.columns(description, root);
        int n = columnElements.size();
        columnHeaders = new String[n];
        wrappedHeaders = new List[n];
        columnX = new int[n + 1];
        int width = Math.max(24, description.getColumnMapping().getWidth());
        GC gc = new GC(canvas);
        try {
            int lines = 1;
            for (int i = 0; i < n; i++) {
                String header = DescribedTable.oneLine(TableInterpreter.header(
                        description.getColumnMapping().getHeaderExpression(), columnElements.get(i)));
                columnHeaders[i] = header;
                // as wide as the longest word (up to twice the description's width), so words are not cut
                int longest = 0;
                for (String word : header.split(" ")) {
                    longest = Math.max(longest, gc.textExtent(word).x);
                }
                int w = Math.max(width, Math.min(longest + 2 * PAD + 2, 2 * width));
                columnX[i + 1] = columnX[i] + w;
                wrappedHeaders[i] = Wrapping.wrap(header, w - 2 * PAD, text -> gc.textExtent(text).x, HEADER_LINES);
                lines = Math.max(lines, wrappedHeaders[i].size());
            }
            headerHeight = lines * lineHeight + 2 * PAD + 2;
        } finally {
            gc.dispose();
        }
    }

    /** Reads the lines and columns again from the model (after a commit, an undo, another client's change). */
    public void refresh() {
        wrappedLines.clear();
        EObject line = selectedLine();
        EObject column = selectedColumnElement();
        lines();
        if (!TableInterpreter.columns(description, root).equals(columnElements)) {
            columns();
        }
        int before = selectedRow;
        selectedRow = line == null ? -1 : rowOf(line);
        if (selectedRow < 0 && !rows.isEmpty()) {
            // the selected line is gone: the line now at its place
            selectedRow = Math.min(rows.size() - 1, Math.max(0, before));
        }
        int index = column == null ? -1 : columnElements.indexOf(column);
        selectedColumn = index >= 0 ? index : Math.max(0, Math.min(selectedColumn, columnElements.size() - 1));
        updateScrollBars();
        canvas.redraw();
        fireSelection();
    }

    /** The lines shown at the top level, with their sub-lines. */
    public List<Line> topLines() {
        return topLines;
    }

    public List<EObject> columnElements() {
        return columnElements;
    }

    /** A column element's header as drawn: its lines, wrapped to the column's width (column 1…). */
    public List<String> wrappedHeader(int column) {
        return List.copyOf(wrappedHeaders[column - 1]);
    }

    /** The width of the text in a column element's header: the column's width less its padding (column 1…). */
    public int headerTextWidth(int column) {
        return columnX[column] - columnX[column - 1] - 2 * PAD;
    }

    /** The column elements' headers as shown (unwrapped; the tooltip's text). */
    public List<String> columnHeaders() {
        return List.of(columnHeaders);
    }

    public int rowCount() {
        return rows.size();
    }

    public EObject rowElement(int row) {
        return rows.get(row).line().element();
    }

    /** The row of a shown line's element, or -1 (not a line, or inside a folded group). */
    public int rowOf(Object element) {
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).line().element() == element) {
                return r;
            }
        }
        return -1;
    }

    /** Whether the row is a group line (no cells: drawn across the width in bold). */
    public boolean isGroup(int row) {
        return rows.get(row).group();
    }

    /** A cell's text as drawn, unwrapped: column 0 is the line's header, 1… the column elements' cells. */
    public String text(int row, int column) {
        EObject element = rowElement(row);
        if (column == 0) {
            return lineHeader(rows.get(row));
        }
        return TableInterpreter.cell(description.getIntersection(), element, columnElements.get(column - 1));
    }

    private static String lineHeader(Row row) {
        return DescribedTable.oneLine(TableInterpreter.header(row.line().mapping().getHeaderExpression(), row.line().element()));
    }

    // ---- folding

    public boolean isCollapsed(EObject element) {
        return collapsed.contains(element);
    }

    /** Folds or unfolds a group line; the selection stays on its line or moves to the group. */
    public void setCollapsed(EObject element, boolean collapse) {
        if (collapse == collapsed.contains(element)) {
            return;
        }
        EObject selected = selectedLine();
        if (collapse) {
            collapsed.add(element);
        } else {
            collapsed.remove(element);
        }
        flatten();
        int row = selected == null ? -1 : rowOf(selected);
        selectedRow = row >= 0 ? row : rowOf(element);
        updateScrollBars();
        canvas.redraw();
        fireSelection();
    }

    // ---- selection

    public int selectedRow() {
        return selectedRow;
    }

    /** The selected cell's column (1 is the first column element, as in {@link #text(int, int)}). */
    public int selectedColumn() {
        return selectedColumn + 1;
    }

    public EObject selectedLine() {
        return selectedRow >= 0 && selectedRow < rows.size() ? rowElement(selectedRow) : null;
    }

    public EObject selectedColumnElement() {
        return selectedColumn >= 0 && selectedColumn < columnElements.size() ? columnElements.get(selectedColumn) : null;
    }

    /** Selects a cell (column 1… as in {@link #text(int, int)}) and scrolls it into view. */
    public void select(int row, int column) {
        if (rows.isEmpty()) {
            return;
        }
        int r = Math.max(0, Math.min(rows.size() - 1, row));
        int c = Math.max(0, Math.min(columnElements.size() - 1, column - 1));
        boolean changed = r != selectedRow || c != selectedColumn;
        selectedRow = r;
        selectedColumn = c;
        reveal(r, c + 1);
        canvas.redraw();
        if (changed) {
            fireSelection();
            canvas.getAccessible().setFocus(ACC.CHILDID_SELF);
        }
    }

    /** Scrolls so that the cell (column 1…; 0 only scrolls vertically) is in view. */
    public void reveal(int row, int column) {
        Rectangle area = canvas.getClientArea();
        int viewHeight = Math.max(rowHeight, area.height - headerHeight);
        int top = row * rowHeight;
        if (top < scrollY) {
            scrollY = top;
        } else if (top + rowHeight > scrollY + viewHeight) {
            scrollY = top + rowHeight - viewHeight;
        }
        if (column >= 1 && column <= columnElements.size()) {
            int viewWidth = Math.max(1, area.width - headerWidth);
            int left = columnX[column - 1];
            int right = columnX[column];
            if (left < scrollX) {
                scrollX = left;
            } else if (right > scrollX + viewWidth) {
                scrollX = Math.min(left, right - viewWidth);
            }
        }
        updateScrollBars();
        canvas.redraw();
    }

    /** Where a cell is drawn now, in the canvas's coordinates (column 0: the line's header). */
    public Rectangle cellBounds(int row, int column) {
        int y = headerHeight + row * rowHeight - scrollY;
        if (column == 0) {
            return new Rectangle(0, y, headerWidth, rowHeight);
        }
        return new Rectangle(headerWidth + columnX[column - 1] - scrollX, y, columnX[column] - columnX[column - 1], rowHeight);
    }

    /** The width of the lines' header column (the user may drag its right border). */
    public int headerWidth() {
        return headerWidth;
    }

    public void setHeaderWidth(int width) {
        headerWidth = Math.max(MIN_HEADER_WIDTH, width);
        updateScrollBars();
        canvas.redraw();
    }

    @Override
    public void addSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.add(listener);
    }

    @Override
    public void removeSelectionChangedListener(ISelectionChangedListener listener) {
        selectionListeners.remove(listener);
    }

    /** The selected line's element (the Properties view shows it). */
    @Override
    public ISelection getSelection() {
        EObject line = selectedLine();
        return line == null ? StructuredSelection.EMPTY : new StructuredSelection(line);
    }

    @Override
    public void setSelection(ISelection selection) {
        if (selection instanceof StructuredSelection structured && structured.getFirstElement() != null) {
            int row = rowOf(structured.getFirstElement());
            if (row >= 0) {
                select(row, selectedColumn + 1);
            }
        }
    }

    private void fireSelection() {
        SelectionChangedEvent event = new SelectionChangedEvent(this, getSelection());
        for (ISelectionChangedListener listener : selectionListeners) {
            listener.selectionChanged(event);
        }
    }

    private int firstCellRow() {
        for (int r = 0; r < rows.size(); r++) {
            if (!rows.get(r).group()) {
                return r;
            }
        }
        return 0;
    }

    // ---- scrolling

    private void updateScrollBars() {
        if (canvas.isDisposed()) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        int viewHeight = Math.max(1, area.height - headerHeight);
        int viewWidth = Math.max(1, area.width - headerWidth);
        int height = rows.size() * rowHeight;
        int width = columnX[columnX.length - 1];
        scrollY = Math.max(0, Math.min(scrollY, height - viewHeight));
        scrollX = Math.max(0, Math.min(scrollX, width - viewWidth));
        ScrollBar vertical = canvas.getVerticalBar();
        vertical.setValues(scrollY, 0, Math.max(height, 1), Math.min(viewHeight, Math.max(height, 1)), rowHeight,
                Math.max(rowHeight, viewHeight - rowHeight));
        vertical.setEnabled(height > viewHeight);
        ScrollBar horizontal = canvas.getHorizontalBar();
        int step = Math.max(8, description.getColumnMapping().getWidth());
        horizontal.setValues(scrollX, 0, Math.max(width, 1), Math.min(viewWidth, Math.max(width, 1)), step,
                Math.max(step, viewWidth - step));
        horizontal.setEnabled(width > viewWidth);
    }

    private void scrollTo(int x, int y) {
        scrollX = x;
        scrollY = y;
        updateScrollBars();
        canvas.redraw();
    }

    private void wheel(Event event) {
        boolean sideways = event.type == SWT.MouseHorizontalWheel || (event.stateMask & SWT.SHIFT) != 0;
        int lines = -event.count;
        if (sideways) {
            scrollTo(scrollX + lines * Math.max(8, description.getColumnMapping().getWidth()) / 3, scrollY);
        } else {
            scrollTo(scrollX, scrollY + lines * rowHeight / 3 * 2);
        }
        event.doit = false;
    }

    // ---- mouse

    private boolean onHeaderBorder(int x) {
        return Math.abs(x - headerWidth) <= GRAB;
    }

    /** The row under a canvas y, or -1 (the header row, below the last line). */
    private int rowAt(int y) {
        if (y < headerHeight) {
            return -1;
        }
        int row = (y - headerHeight + scrollY) / rowHeight;
        return row < rows.size() ? row : -1;
    }

    /** The column (1…) under a canvas x, 0 in the lines' header column, -1 right of the last column. */
    private int columnAt(int x) {
        if (x < headerWidth) {
            return 0;
        }
        int cx = x - headerWidth + scrollX;
        int low = 0;
        int high = columnElements.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (cx < columnX[mid]) {
                high = mid - 1;
            } else if (cx >= columnX[mid + 1]) {
                low = mid + 1;
            } else {
                return mid + 1;
            }
        }
        return -1;
    }

    private boolean onExpander(int row, int x) {
        Row shown = rows.get(row);
        int left = PAD + shown.depth() * INDENT;
        return shown.group() && !shown.line().children().isEmpty() && x >= left - 2 && x < left + EXPANDER + 2;
    }

    private void mouseDown(Event event) {
        canvas.setFocus();
        if (event.button == 1 && onHeaderBorder(event.x)) {
            resizing = true;
            return;
        }
        int row = rowAt(event.y);
        int column = columnAt(event.x);
        if (row < 0) {
            if (column >= 1 && selectedRow >= 0) {
                select(selectedRow, column);
            }
            return;
        }
        if (event.button == 1 && column == 0 && onExpander(row, event.x)) {
            EObject element = rowElement(row);
            setCollapsed(element, !collapsed.contains(element));
            return;
        }
        select(row, column >= 1 ? column : selectedColumn + 1);
    }

    private void doubleClick(Event event) {
        int row = rowAt(event.y);
        if (row >= 0 && rows.get(row).group() && !onHeaderBorder(event.x)) {
            EObject element = rowElement(row);
            if (!onExpander(row, event.x)) {
                setCollapsed(element, !collapsed.contains(element));
            }
        }
    }

    private void mouseMove(Event event) {
        if (resizing) {
            setHeaderWidth(Math.min(event.x, Math.max(MIN_HEADER_WIDTH, canvas.getClientArea().width - 40)));
            return;
        }
        canvas.setCursor(onHeaderBorder(event.x) ? resizeCursor : null);
        String text = toolTipAt(event.x, event.y);
        if (!Objects.equals(text, toolTip)) {
            toolTip = text;
            canvas.setToolTipText(text);
        }
    }

    private void hideToolTip() {
        toolTip = null;
        canvas.setToolTipText(null);
    }

    /** The canvas's tooltip as set now (null: none). */
    public String toolTip() {
        return canvas.getToolTipText();
    }

    /** The tooltip at a point of the canvas: a header's full text, or a cell's line, column and meaning. */
    public String toolTipAt(int x, int y) {
        int column = columnAt(x);
        if (y < headerHeight) {
            return column >= 1 ? columnHeaders[column - 1] : null;
        }
        int row = rowAt(y);
        if (row < 0 || column < 0) {
            return null;
        }
        Row shown = rows.get(row);
        String header = lineHeader(shown);
        if (column == 0 || shown.group()) {
            return header;
        }
        return header + "\n" + columnHeaders[column - 1] + "\n" + meaning(shown.line().element(), columnElements.get(column - 1));
    }

    /** What a cell says in words: each value that holds with its meaning («C — участвует, консультирует»). */
    private String meaning(EObject line, EObject column) {
        List<String> held = new ArrayList<>();
        for (CellValue value : description.getIntersection().getValues()) {
            if (TableInterpreter.holds(value, line, column)) {
                held.add(meaning(value, line.eClass()));
            }
        }
        return held.isEmpty() ? Messages.tableCellEmpty : String.join("\n", held);
    }

    /**
     * A value's label with its meaning: the condition's enumeration literal, else the feature's name
     * («C — участвует, консультирует»); the tooltip's words and the cell's context menu.
     */
    public static String meaning(CellValue value, EClass lineClass) {
        String label = value.getLabel() == null ? "" : value.getLabel();
        EStructuralFeature feature = lineClass.getEStructuralFeature(value.getFeature());
        if (feature == null) {
            return label;
        }
        String words = ModelLabels.featureName(lineClass, feature);
        String condition = value.getLinkCondition();
        if (condition != null && condition.contains("=") && feature instanceof EReference reference) {
            String[] parts = condition.split("=", 2);
            EStructuralFeature kind = reference.getEReferenceType().getEStructuralFeature(parts[0].strip());
            if (kind != null && kind.getEType() instanceof EEnum eEnum) {
                EEnumLiteral literal = eEnum.getEEnumLiteral(parts[1].strip());
                if (literal != null) {
                    words = ModelLabels.literal(literal.getInstance());
                }
            }
        }
        return words.startsWith(label) ? words : label + " — " + words;
    }

    // ---- keyboard

    /** The rows PgUp/PgDn move: those wholly in view less one, at least one. */
    public int pageRows() {
        return Math.max(1, (canvas.getClientArea().height - headerHeight) / rowHeight - 1);
    }

    private void keyDown(Event event) {
        if (rows.isEmpty()) {
            return;
        }
        int row = Math.max(0, selectedRow);
        int column = selectedColumn + 1;
        boolean ctrl = (event.stateMask & SWT.MOD1) != 0;
        switch (event.keyCode) {
        case SWT.ARROW_UP -> select(row - 1, column);
        case SWT.ARROW_DOWN -> select(row + 1, column);
        case SWT.ARROW_LEFT -> select(row, column - 1);
        case SWT.ARROW_RIGHT -> select(row, column + 1);
        case SWT.HOME -> select(ctrl ? 0 : row, 1);
        case SWT.END -> select(ctrl ? rows.size() - 1 : row, columnElements.size());
        case SWT.PAGE_UP -> select(row - pageRows(), column);
        case SWT.PAGE_DOWN -> select(row + pageRows(), column);
        case SWT.CR, SWT.KEYPAD_CR, ' ' -> {
            if (rows.get(row).group()) {
                setCollapsed(rowElement(row), !collapsed.contains(rowElement(row)));
            }
        }
        default -> {
            return;
        }
        }
        event.doit = false;
    }

    // ---- accessibility

    /** What a screen reader says for the selected cell: line, column and the cell's meaning. */
    public String accessibleName() {
        EObject line = selectedLine();
        if (line == null) {
            return description.getLabel();
        }
        Row shown = rows.get(selectedRow);
        if (shown.group()) {
            return lineHeader(shown);
        }
        EObject column = selectedColumnElement();
        return column == null ? lineHeader(shown)
                : lineHeader(shown) + "; " + columnHeaders[selectedColumn] + ": " + meaning(line, column).replace('\n', ';');
    }

    private void accessibility() {
        canvas.getAccessible().addAccessibleListener(new AccessibleAdapter() {
            @Override
            public void getName(AccessibleEvent e) {
                e.result = accessibleName();
            }

            @Override
            public void getHelp(AccessibleEvent e) {
                e.result = description.getLabel();
            }
        });
        canvas.getAccessible().addAccessibleControlListener(new AccessibleControlAdapter() {
            @Override
            public void getRole(AccessibleControlEvent e) {
                e.detail = ACC.ROLE_TABLE;
            }

            @Override
            public void getValue(AccessibleControlEvent e) {
                e.result = selectedRow >= 0 && selectedRow < rows.size() && !rows.get(selectedRow).group()
                        ? text(selectedRow, selectedColumn + 1) : "";
            }
        });
    }

    // ---- painting

    private ConditionalStyle style(Row row) {
        return TableInterpreter.style(row.line().mapping(), row.line().element()).orElse(null);
    }

    private Color styleColor(String hex) {
        if (hex == null || !hex.matches("#[0-9A-Fa-f]{6}")) {
            return null;
        }
        return styleColors.computeIfAbsent(hex, h -> {
            int rgb = Integer.parseInt(h.substring(1), 16);
            return new Color(canvas.getDisplay(), new RGB(rgb >> 16 & 0xff, rgb >> 8 & 0xff, rgb & 0xff));
        });
    }

    private void paint(Event event) {
        GC gc = event.gc;
        var display = canvas.getDisplay();
        Rectangle area = canvas.getClientArea();
        Color background = display.getSystemColor(SWT.COLOR_LIST_BACKGROUND);
        Color foreground = display.getSystemColor(SWT.COLOR_LIST_FOREGROUND);
        boolean focused = canvas.isFocusControl();
        Color selection = display.getSystemColor(focused ? SWT.COLOR_LIST_SELECTION : SWT.COLOR_WIDGET_LIGHT_SHADOW);
        Color selectionText = display.getSystemColor(focused ? SWT.COLOR_LIST_SELECTION_TEXT : SWT.COLOR_LIST_FOREGROUND);
        gc.setBackground(background);
        gc.fillRectangle(event.x, event.y, event.width, event.height);
        gc.setFont(canvas.getFont());
        int n = columnElements.size();
        int firstColumn = Math.max(1, columnAt(headerWidth));
        int firstRow = scrollY / rowHeight;
        int lastRow = Math.min(rows.size() - 1, (scrollY + area.height - headerHeight) / rowHeight);
        int cellsRight = Math.min(area.width, headerWidth + columnX[n] - scrollX);
        var intersection = description.getIntersection();

        // the cells, clipped to the area right of the header column and below the header row
        gc.setClipping(headerWidth, headerHeight, Math.max(0, area.width - headerWidth), Math.max(0, area.height - headerHeight));
        for (int r = firstRow; r <= lastRow; r++) {
            Row row = rows.get(r);
            int y = headerHeight + r * rowHeight - scrollY;
            if (row.group()) {
                continue;
            }
            ConditionalStyle style = style(row);
            Color styleBackground = style == null ? null : styleColor(style.getBackground());
            Color styleForeground = style == null ? null : styleColor(style.getForeground());
            gc.setFont(style != null && style.isBold() ? bold : canvas.getFont());
            for (int c = firstColumn; c <= n; c++) {
                int x = headerWidth + columnX[c - 1] - scrollX;
                if (x >= area.width) {
                    break;
                }
                int w = columnX[c] - columnX[c - 1];
                boolean selected = r == selectedRow && c - 1 == selectedColumn;
                Color fill = selected ? selection : styleBackground != null ? styleBackground
                        : r == selectedRow || c - 1 == selectedColumn ? crossHighlight : null;
                if (fill != null) {
                    gc.setBackground(fill);
                    gc.fillRectangle(x, y, w, rowHeight);
                }
                String text = TableInterpreter.cell(intersection, row.line().element(), columnElements.get(c - 1));
                if (!text.isEmpty()) {
                    gc.setForeground(selected ? selectionText : styleForeground != null ? styleForeground : foreground);
                    int tw = style != null && style.isBold() ? gc.textExtent(text).x
                            : textWidths.computeIfAbsent(text, t -> gc.textExtent(t).x);
                    gc.drawText(text, x + Math.max(PAD, (w - tw) / 2), y + (rowHeight - lineHeight) / 2, true);
                }
            }
        }
        gc.setFont(canvas.getFont());
        // grid lines of the cells
        gc.setForeground(gridLine);
        int bottom = Math.min(area.height, headerHeight + rows.size() * rowHeight - scrollY);
        for (int c = firstColumn; c <= n; c++) {
            int x = headerWidth + columnX[c] - scrollX - 1;
            if (x - (columnX[c] - columnX[c - 1]) >= area.width) {
                break;
            }
            gc.drawLine(x, headerHeight, x, bottom - 1);
        }
        for (int r = firstRow; r <= lastRow; r++) {
            int y = headerHeight + (r + 1) * rowHeight - scrollY - 1;
            gc.drawLine(headerWidth, y, cellsRight - 1, y);
        }

        // the line headers and the group lines across the width
        gc.setClipping(0, headerHeight, area.width, Math.max(0, area.height - headerHeight));
        for (int r = firstRow; r <= lastRow; r++) {
            paintLineHeader(gc, r, area, cellsRight, foreground, selection, selectionText);
        }
        gc.setForeground(gridLine);
        gc.drawLine(headerWidth - 1, headerHeight, headerWidth - 1, bottom - 1);

        // the header row
        gc.setClipping(0, 0, area.width, headerHeight);
        gc.setBackground(headerBackground);
        gc.fillRectangle(0, 0, area.width, headerHeight);
        gc.setClipping(headerWidth, 0, Math.max(0, area.width - headerWidth), headerHeight);
        for (int c = firstColumn; c <= n; c++) {
            int x = headerWidth + columnX[c - 1] - scrollX;
            if (x >= area.width) {
                break;
            }
            int w = columnX[c] - columnX[c - 1];
            if (c - 1 == selectedColumn) {
                gc.setBackground(crossHighlight);
                gc.fillRectangle(x, 0, w, headerHeight);
            }
            gc.setForeground(foreground);
            List<String> lines = wrappedHeaders[c - 1];
            int ty = headerHeight - PAD - 1 - lines.size() * lineHeight;
            for (String line : lines) {
                int tw = gc.textExtent(line).x;
                gc.drawText(line, x + Math.max(PAD, (w - tw) / 2), ty, true);
                ty += lineHeight;
            }
            gc.setForeground(gridLine);
            gc.drawLine(x + w - 1, 0, x + w - 1, headerHeight - 1);
        }
        gc.setClipping(0, 0, headerWidth, headerHeight);
        gc.setFont(bold);
        gc.setForeground(foreground);
        String label = description.getLabel() == null ? "" : description.getLabel();
        List<String> corner = Wrapping.wrap(label, headerWidth - 2 * PAD, text -> gc.textExtent(text).x, HEADER_LINES);
        int ty = headerHeight - PAD - 1 - corner.size() * lineHeight;
        for (String line : corner) {
            gc.drawText(line, PAD, ty, true);
            ty += lineHeight;
        }
        gc.setFont(canvas.getFont());
        gc.setClipping((Rectangle) null);
        gc.setForeground(gridLine);
        gc.drawLine(0, headerHeight - 1, area.width - 1, headerHeight - 1);
        gc.drawLine(headerWidth - 1, 0, headerWidth - 1, headerHeight - 1);
    }

    private void paintLineHeader(GC gc, int r, Rectangle area, int cellsRight, Color foreground, Color selection,
            Color selectionText) {
        Row row = rows.get(r);
        int y = headerHeight + r * rowHeight - scrollY;
        boolean selected = r == selectedRow;
        ConditionalStyle style = style(row);
        Color styleForeground = style == null ? null : styleColor(style.getForeground());
        Color styleBackground = style == null ? null : styleColor(style.getBackground());
        int left = PAD + row.depth() * INDENT;
        String text = lineHeader(row);
        if (row.group()) {
            gc.setBackground(selected ? selection : styleBackground != null ? styleBackground : groupBackground);
            gc.fillRectangle(0, y, Math.max(cellsRight, headerWidth), rowHeight);
            gc.setForeground(selected ? selectionText : styleForeground != null ? styleForeground : foreground);
            if (!row.line().children().isEmpty()) {
                expander(gc, left, y + rowHeight / 2, collapsed.contains(row.line().element()));
            }
            gc.setFont(bold);
            int width = Math.max(40, Math.max(cellsRight, headerWidth) - left - EXPANDER - PAD);
            List<String> lines = Wrapping.wrap(text, width, t -> gc.textExtent(t).x, LINE_HEADER_LINES);
            int ty = y + (rowHeight - lines.size() * lineHeight) / 2;
            for (String line : lines) {
                gc.drawText(line, left + EXPANDER, ty, true);
                ty += lineHeight;
            }
            gc.setFont(canvas.getFont());
            gc.setForeground(gridLine);
            gc.drawLine(0, y + rowHeight - 1, Math.max(cellsRight, headerWidth) - 1, y + rowHeight - 1);
            return;
        }
        gc.setBackground(selected ? crossHighlight : styleBackground != null ? styleBackground
                : canvas.getDisplay().getSystemColor(SWT.COLOR_LIST_BACKGROUND));
        gc.fillRectangle(0, y, headerWidth, rowHeight);
        gc.setForeground(styleForeground != null ? styleForeground : foreground);
        gc.setFont(style != null && style.isBold() ? bold : canvas.getFont());
        gc.setClipping(0, Math.max(headerHeight, y), headerWidth - 1, Math.max(0, Math.min(rowHeight, y + rowHeight - headerHeight)));
        if (wrappedAt != headerWidth) {
            wrappedLines.clear();
            wrappedAt = headerWidth;
        }
        List<String> lines = style != null && style.isBold()
                ? Wrapping.wrap(text, headerWidth - left - EXPANDER - PAD, t -> gc.textExtent(t).x, LINE_HEADER_LINES)
                : wrappedLines.computeIfAbsent(row.line().element(),
                        e -> Wrapping.wrap(text, headerWidth - left - EXPANDER - PAD, t -> gc.textExtent(t).x, LINE_HEADER_LINES));
        int ty = y + (rowHeight - lines.size() * lineHeight) / 2;
        for (String line : lines) {
            gc.drawText(line, left + EXPANDER, ty, true);
            ty += lineHeight;
        }
        gc.setClipping(0, headerHeight, area.width, Math.max(0, area.height - headerHeight));
        gc.setFont(canvas.getFont());
        gc.setForeground(gridLine);
        gc.drawLine(0, y + rowHeight - 1, headerWidth - 1, y + rowHeight - 1);
    }

    /** A triangle pointing right (folded) or down (unfolded). */
    private static void expander(GC gc, int x, int centerY, boolean folded) {
        gc.setBackground(gc.getForeground());
        if (folded) {
            gc.fillPolygon(new int[] { x + 3, centerY - 5, x + 9, centerY, x + 3, centerY + 5 });
        } else {
            gc.fillPolygon(new int[] { x + 1, centerY - 3, x + 11, centerY - 3, x + 6, centerY + 3 });
        }
    }
}
