package oko.cycle.ui.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.session.CDOSessionInvalidationEvent;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStack;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.AdapterFactoryEditingDomain;
import org.eclipse.emf.edit.provider.ComposedAdapterFactory;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IMenuManager;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;
import org.eclipse.ui.part.EditorPart;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFixes;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.ui.internal.Snapshot.AttentionRow;
import oko.cycle.ui.internal.Snapshot.Cell;
import oko.cycle.ui.internal.Snapshot.CheckRow;
import oko.cycle.ui.internal.Snapshot.Item;
import oko.cycle.ui.internal.Snapshot.Row;
import oko.model.Period;
import oko.model.StageKind;
import oko.model.provider.OkoItemProviderAdapterFactory;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.editors.CommittingCommands;
import oko.ui.navigator.Navigator;

/**
 * The home dashboard «Главная»: for the chosen system and period, the directions × the six stages
 * of the management cycle as a coloured matrix (score and short reason per cell, the direction's
 * cycle state and score), the checks of the clicked cell with their evidence and gaps (double
 * click opens an object in its editor, the context menu of a gap offers its quick fixes), and what
 * needs attention now. Computed in a job (a CDO view per computation), again on the period's or
 * system's change and on every commit of other clients; a quick fix is one command committed at
 * once (Edit ▸ Undo undoes it, committed again).
 */
public final class DashboardEditor extends EditorPart {

    /** The editor's id. */
    public static final String ID = "oko.cycle.ui.dashboard";
    /** The family of the computing job (for tests). */
    public static final Object FAMILY = DashboardEditor.class;

    /** Cell colours: background and readable text by score band. */
    private static final Color GREEN = new Color(200, 230, 201);
    private static final Color GREEN_TEXT = new Color(27, 94, 32);
    private static final Color YELLOW = new Color(255, 241, 179);
    private static final Color YELLOW_TEXT = new Color(102, 77, 0);
    private static final Color RED = new Color(255, 205, 210);
    private static final Color RED_TEXT = new Color(160, 20, 20);
    private static final Color GREY = new Color(228, 228, 228);
    private static final Color GREY_TEXT = new Color(90, 90, 90);
    private static final Color BORDER = new Color(255, 255, 255);
    private static final Color SELECTED = new Color(33, 33, 33);
    private static final Color HEADER = new Color(236, 239, 241);

    /** The narrowest a stage's column gets (below it the matrix scrolls) and the direction column's share. */
    private static final int MIN_CELL_WIDTH = 104;
    private static final int MIN_DIRECTION_WIDTH = 170;
    private static final int MAX_CELL_WIDTH = 230;
    /** Frame, border and margins around a cell's text: its width is the cell's less this. */
    private static final int CELL_PADDING = 2 + 4 + 8;
    /** The narrowest a stage or cycle column gets: its longest word fits unbroken (from the texts shown). */
    private int cellMinimum = MIN_CELL_WIDTH;
    private static final String COLUMN = "oko.column";

    /** A model object below a check in the details: evidence, or a gap of that check. */
    public record ObjectNode(CheckRow check, Item item, boolean gap) {
    }

    private Combo systems;
    private Combo periods;
    private Label status;
    private ScrolledComposite scroll;
    private Composite matrix;
    private Label detailsTitle;
    private TreeViewer checks;
    private Label attentionTitle;
    private TableViewer attention;
    private Font bold;

    private volatile CDOID chosenSystem;
    private volatile CDOID chosenPeriod;
    private Snapshot shown;
    private CDOID selectedDirection;
    private StageKind selectedStage;
    private final Map<String, Composite> cellFrames = new LinkedHashMap<>();
    private boolean updatingCombos;

    private OkoRepository repository;
    private CDOTransaction transaction;
    private BasicCommandStack stack;
    private AdapterFactoryEditingDomain domain;
    private final ComposedAdapterFactory factory = new ComposedAdapterFactory(
            List.of(new OkoItemProviderAdapterFactory()));
    /** Every commit to the repository (another client's, an editor's) is told to the session: compute again. */
    private final IListener invalidations = event -> {
        if (event instanceof CDOSessionInvalidationEvent) {
            refresh();
        }
    };
    private final Action undo = new Action() {
        @Override
        public void run() {
            if (stack != null) {
                stack.undo();
            }
        }
    };
    private final Action redo = new Action() {
        @Override
        public void run() {
            if (stack != null) {
                stack.redo();
            }
        }
    };

    private final Job job = new Job(Messages.computeJob) {
        @Override
        protected IStatus run(IProgressMonitor monitor) {
            OkoRepository open = repository;
            if (open == null) {
                return Status.OK_STATUS;
            }
            Snapshot snapshot;
            try {
                snapshot = Snapshot.compute(open, chosenSystem, chosenPeriod, LocalDate.now());
            } catch (RuntimeException e) {
                ILog.of(DashboardEditor.class).log(Status.error(Messages.bind(Messages.failed, e.getMessage()), e));
                snapshot = Snapshot.failed(Messages.bind(Messages.failed, String.valueOf(e.getMessage())));
            }
            Snapshot computed = snapshot;
            later(() -> show(computed));
            return Status.OK_STATUS;
        }

        @Override
        public boolean belongsTo(Object family) {
            return family == FAMILY;
        }
    };

    /**
     * Opens the dashboard on the page, or brings it to the front.
     *
     * @param page a workbench page
     * @return the dashboard
     * @throws PartInitException when it cannot be opened
     */
    public static DashboardEditor open(IWorkbenchPage page) throws PartInitException {
        return (DashboardEditor) page.openEditor(DashboardInput.INSTANCE, ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        setSite(site);
        setInput(input);
        setPartName(Messages.title);
        job.setSystem(true);
    }

    @Override
    public void createPartControl(Composite parent) {
        bold = JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
        parent.setLayout(new GridLayout(1, false));

        Composite top = new Composite(parent, SWT.NONE);
        top.setLayout(new GridLayout(5, false));
        top.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(top, SWT.NONE).setText(Messages.system);
        systems = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData systemData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        systemData.widthHint = 420;
        systems.setLayoutData(systemData);
        systems.addListener(SWT.Selection, e -> chosen());
        new Label(top, SWT.NONE).setText(Messages.period);
        periods = new Combo(top, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData periodData = new GridData(SWT.LEFT, SWT.CENTER, false, false);
        periodData.widthHint = 160;
        periods.setLayoutData(periodData);
        periods.addListener(SWT.Selection, e -> chosen());
        status = new Label(top, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        status.setText(Messages.connecting);

        SashForm vertical = new SashForm(parent, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroll = new ScrolledComposite(vertical, SWT.H_SCROLL | SWT.V_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        matrix = new Composite(scroll, SWT.NONE);
        scroll.setContent(matrix);
        scroll.addListener(SWT.Resize, e -> resizeMatrix());

        SashForm bottom = new SashForm(vertical, SWT.HORIZONTAL);
        Composite details = new Composite(bottom, SWT.NONE);
        details.setLayout(new GridLayout(1, false));
        detailsTitle = new Label(details, SWT.WRAP);
        detailsTitle.setFont(bold);
        detailsTitle.setText(Messages.detailsHint);
        detailsTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        checks = new TreeViewer(details, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        checks.getTree().setHeaderVisible(true);
        checks.getTree().setLinesVisible(true);
        checks.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        checks.setContentProvider(new ChecksContent());
        checkColumn(Messages.columnCheck, 110, node -> "", check -> check.id());
        checkColumn(Messages.columnTitle, 340, node -> node.item().label(), CheckRow::title);
        checkColumn(Messages.columnState, 130,
                node -> node.gap() ? Messages.gap : Messages.evidence, check -> Messages.checkState(check.state()));
        checkColumn(Messages.columnReason, 300, node -> "", CheckRow::reason);
        checks.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof ObjectNode node) {
                openObject(node.item());
            }
        });
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(this::fillContextMenu);
        checks.getControl().setMenu(menu.createContextMenu(checks.getControl()));

        Composite needs = new Composite(bottom, SWT.NONE);
        needs.setLayout(new GridLayout(1, false));
        attentionTitle = new Label(needs, SWT.NONE);
        attentionTitle.setFont(bold);
        attentionTitle.setText(Messages.attentionTitle);
        attentionTitle.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        attention = new TableViewer(needs, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        attention.getTable().setHeaderVisible(true);
        attention.getTable().setLinesVisible(true);
        attention.getControl().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        attention.setContentProvider(ArrayContentProvider.getInstance());
        attentionColumn(Messages.columnWhat, 170, AttentionRow::kind);
        attentionColumn(Messages.columnDate, 85, AttentionRow::date);
        attentionColumn(Messages.columnObject, 240, a -> a.object().label());
        attentionColumn(Messages.columnText, 320, AttentionRow::text);
        attention.addDoubleClickListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof AttentionRow row) {
                openObject(row.object());
            }
        });
        bottom.setWeights(58, 42);
        vertical.setWeights(66, 34);

        getSite().setSelectionProvider(checks);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        getEditorSite().getActionBars().setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        updateUndoRedo();

        RepositoryConnection.whenConnected(opened -> later(() -> connected(opened)));
    }

    private interface Text<T> {
        String of(T element);
    }

    private void checkColumn(String title, int width, Text<ObjectNode> node, Text<CheckRow> check) {
        TreeViewerColumn column = new TreeViewerColumn(checks, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof ObjectNode n) {
                    return node.of(n);
                }
                return element instanceof CheckRow c ? nonNull(check.of(c)) : String.valueOf(element);
            }

            @Override
            public Color getForeground(Object element) {
                if (element instanceof ObjectNode n) {
                    return n.gap() ? RED_TEXT : null;
                }
                return null;
            }

            @Override
            public Font getFont(Object element) {
                return element instanceof CheckRow ? bold : null;
            }
        });
    }

    private void attentionColumn(String title, int width, Text<AttentionRow> text) {
        TableViewerColumn column = new TableViewerColumn(attention, SWT.NONE);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof AttentionRow row ? nonNull(text.of(row)) : String.valueOf(element);
            }
        });
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** The checks of a cell, each with its evidence and gaps below it. */
    private static final class ChecksContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> list ? list.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            if (parent instanceof CheckRow check) {
                List<ObjectNode> nodes = new ArrayList<>();
                check.evidence().forEach(i -> nodes.add(new ObjectNode(check, i, false)));
                check.gaps().forEach(i -> nodes.add(new ObjectNode(check, i, true)));
                return nodes.toArray();
            }
            return new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return element instanceof ObjectNode node ? node.check() : null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof CheckRow check && !(check.evidence().isEmpty() && check.gaps().isEmpty());
        }
    }

    private void later(Runnable runnable) {
        Control control = matrix;
        if (control != null && !control.isDisposed()) {
            control.getDisplay().asyncExec(() -> {
                if (!control.isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    private void connected(OkoRepository opened) {
        repository = opened;
        transaction = opened.openTransaction();
        opened.session().addListener(invalidations);
        stack = CommittingCommands.stack(opened, transaction, this::fixFailed);
        domain = new AdapterFactoryEditingDomain(factory, stack, transaction.getResourceSet());
        stack.addCommandStackListener(e -> later(() -> {
            updateUndoRedo();
            refresh();
        }));
        refresh();
    }

    /** Computes the dashboard again in the background (a computation running now is followed by another). */
    public void refresh() {
        if (repository == null) {
            return;
        }
        later(() -> status.setText(Messages.computing));
        job.schedule(100);
    }

    private void chosen() {
        if (updatingCombos || shown == null) {
            return;
        }
        int system = systems.getSelectionIndex();
        int period = periods.getSelectionIndex();
        chosenSystem = system >= 0 && system < shown.systems().size() ? shown.systems().get(system).id() : null;
        chosenPeriod = period >= 0 && period < shown.periods().size() ? shown.periods().get(period).id() : null;
        refresh();
    }

    /** Selects the period of that label and computes the dashboard for it (for tests and handlers). */
    public void selectPeriod(String label) {
        int index = periods.indexOf(label);
        if (index >= 0) {
            periods.select(index);
            chosen();
        }
    }

    private void show(Snapshot snapshot) {
        shown = snapshot;
        updatingCombos = true;
        try {
            fill(systems, snapshot.systems(), snapshot.system());
            fill(periods, snapshot.periods(), snapshot.period());
            // one system needs no choosing
            systems.setEnabled(snapshot.systems().size() > 1);
        } finally {
            updatingCombos = false;
        }
        status.setText(snapshot.error() != null ? snapshot.error()
                : Messages.bind(Messages.computed, LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss"))));
        status.getParent().layout(true);
        buildMatrix(snapshot);
        attention.setInput(snapshot.attention());
        attentionTitle.setText(snapshot.attention().isEmpty() ? Messages.attentionTitle + " — " + Messages.attentionNone
                : Messages.attentionTitle + " (" + snapshot.attention().size() + ")");
        showDetails();
    }

    private static void fill(Combo combo, List<Snapshot.Choice> choices, CDOID chosen) {
        String[] items = choices.stream().map(Snapshot.Choice::label).toArray(String[]::new);
        if (!java.util.Arrays.equals(items, combo.getItems())) {
            combo.setItems(items);
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).id().equals(chosen)) {
                combo.select(i);
            }
        }
    }

    private void buildMatrix(Snapshot snapshot) {
        for (Control child : matrix.getChildren()) {
            child.dispose();
        }
        cellFrames.clear();
        GridLayout layout = new GridLayout(2 + StageKind.VALUES.size(), false);
        layout.horizontalSpacing = 0;
        layout.verticalSpacing = 0;
        matrix.setLayout(layout);
        header(Messages.columnDirection, 0);
        for (StageKind stage : StageKind.VALUES) {
            header(Messages.stage(stage), 1 + stage.getValue());
        }
        header(Messages.columnCycle, 7);
        if (snapshot.rows().isEmpty()) {
            Label empty = new Label(matrix, SWT.WRAP);
            empty.setText(snapshot.error() != null ? snapshot.error() : Messages.noDirections);
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 2 + StageKind.VALUES.size(), 1);
            data.widthHint = MIN_DIRECTION_WIDTH + 7 * MIN_CELL_WIDTH;
            empty.setLayoutData(data);
        }
        for (Row row : snapshot.rows()) {
            Composite direction = frame(null, 0, HEADER, GREY_TEXT);
            text(direction, row.label(), null, HEADER, SELECTED);
            for (Cell cell : row.cells()) {
                boolean described = cell.described();
                Color background = described ? background(cell.score()) : GREY;
                Color foreground = described ? foreground(cell.score()) : GREY_TEXT;
                Composite frame = frame(key(row.direction(), cell.stage()), 1 + cell.stage().getValue(), background,
                        foreground);
                text(frame, described ? Messages.bind(Messages.score, cell.score()) : "—", bold, background,
                        foreground);
                // a direction not described is one grey line (its cycle column says so; a click lists why)
                if (described) {
                    text(frame, cell.reason() == null ? "" : cell.reason(), null, background, foreground);
                }
                clickable(frame, () -> select(row.direction(), cell.stage()));
            }
            boolean described = row.state() != CycleState.NOT_DESCRIBED;
            Color background = described ? background(row.score()) : GREY;
            Color foreground = described ? foreground(row.score()) : GREY_TEXT;
            Composite cycle = frame(null, 7, background, foreground);
            text(cycle, row.stateText(), bold, background, foreground);
            if (described) {
                text(cycle, Messages.bind(Messages.score, row.score()), null, background, foreground);
            }
        }
        cellMinimum = widestWord() + CELL_PADDING + 2;
        highlight();
        resizeMatrix();
    }

    /**
     * The widest word of the stage and cycle columns' texts, each in its label's font: SWT wraps a
     * label that is narrower than a word inside the word («эффективн-ости»), so no column gets
     * narrower than this (capped, so one long token does not widen every column).
     */
    private int widestWord() {
        int widest = 0;
        GC gc = new GC(matrix);
        try {
            for (Control child : matrix.getChildren()) {
                if (child.getData(COLUMN) instanceof Integer column && column > 0 && child instanceof Composite outer) {
                    for (Control inner : outer.getChildren()) {
                        for (Control control : ((Composite) inner).getChildren()) {
                            if (control instanceof Label label) {
                                gc.setFont(label.getFont());
                                for (String word : label.getText().split("[\\s/]+")) {
                                    widest = Math.max(widest, gc.textExtent(word).x);
                                }
                            }
                        }
                    }
                }
            }
        } finally {
            gc.dispose();
        }
        return Math.min(widest, MAX_CELL_WIDTH - CELL_PADDING - 2);
    }

    /**
     * Shares the visible width among the columns (the direction's a quarter, the seven others
     * equally, each at least its minimum: narrower, the matrix scrolls) and wraps the texts to it.
     */
    private void resizeMatrix() {
        if (matrix.isDisposed()) {
            return;
        }
        int minimum = Math.max(MIN_CELL_WIDTH, cellMinimum);
        int available = Math.max(scroll.getClientArea().width, MIN_DIRECTION_WIDTH + 7 * minimum) - 4;
        int direction = Math.max(MIN_DIRECTION_WIDTH, available / 5);
        int cell = Math.min(MAX_CELL_WIDTH, Math.max(minimum, (available - direction) / 7));
        direction = Math.max(direction, available - 7 * cell);
        for (Control child : matrix.getChildren()) {
            if (child.getData(COLUMN) instanceof Integer column && child instanceof Composite outer) {
                int width = column == 0 ? direction : cell;
                ((GridData) outer.getLayoutData()).widthHint = width - 2;
                for (Control inner : outer.getChildren()) {
                    for (Control label : ((Composite) inner).getChildren()) {
                        ((GridData) label.getLayoutData()).widthHint = width - CELL_PADDING;
                    }
                }
            }
        }
        matrix.layout(true, true);
        scroll.setMinSize(matrix.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    private void header(String title, int column) {
        Composite frame = frame(null, column, HEADER, SELECTED);
        text(frame, title, bold, HEADER, SELECTED);
    }

    /** A cell: an outer frame (its margin is the border, dark when the cell is selected) and the coloured inside. */
    private Composite frame(String key, int column, Color background, Color foreground) {
        Composite outer = new Composite(matrix, SWT.NONE);
        GridLayout outerLayout = new GridLayout(1, false);
        outerLayout.marginWidth = 2;
        outerLayout.marginHeight = 2;
        outer.setLayout(outerLayout);
        outer.setBackground(BORDER);
        paintBackground(outer);
        outer.setData(COLUMN, column);
        outer.setLayoutData(new GridData(SWT.FILL, SWT.FILL, false, false));
        Composite inner = new Composite(outer, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginWidth = 4;
        layout.marginHeight = 4;
        layout.verticalSpacing = 3;
        inner.setLayout(layout);
        inner.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        inner.setBackground(background);
        inner.setForeground(foreground);
        paintBackground(inner);
        if (key != null) {
            cellFrames.put(key, outer);
        }
        return inner;
    }

    /**
     * Fills the composite with its background colour when it paints: the workbench's CSS theme
     * resets the background of the composites in a part, which left the cells white around their
     * labels.
     */
    private static void paintBackground(Composite composite) {
        composite.addListener(SWT.Paint, e -> {
            e.gc.setBackground(composite.getBackground());
            e.gc.fillRectangle(composite.getClientArea());
        });
    }

    private static void text(Composite parent, String text, Font font, Color background, Color foreground) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text == null ? "" : text.replace("&", "&&"));
        if (font != null) {
            label.setFont(font);
        }
        label.setBackground(background);
        label.setForeground(foreground);
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }

    private static void clickable(Composite cell, Runnable action) {
        cell.addListener(SWT.MouseDown, e -> action.run());
        for (Control child : cell.getChildren()) {
            child.addListener(SWT.MouseDown, e -> action.run());
        }
        cell.getParent().addListener(SWT.MouseDown, e -> action.run());
    }

    private static String key(CDOID direction, StageKind stage) {
        return direction + "/" + stage.getName();
    }

    static Color background(int score) {
        return score >= 80 ? GREEN : score >= 50 ? YELLOW : RED;
    }

    static Color foreground(int score) {
        return score >= 80 ? GREEN_TEXT : score >= 50 ? YELLOW_TEXT : RED_TEXT;
    }

    /** Shows the checks of a cell below the matrix (as clicking it does). */
    public void select(CDOID direction, StageKind stage) {
        selectedDirection = direction;
        selectedStage = stage;
        highlight();
        showDetails();
    }

    private void highlight() {
        String selected = selectedDirection == null ? null : key(selectedDirection, selectedStage);
        cellFrames.forEach((key, frame) -> {
            frame.setBackground(key.equals(selected) ? SELECTED : BORDER);
            frame.redraw();
        });
    }

    private void showDetails() {
        Cell cell = selectedCell();
        if (cell == null) {
            detailsTitle.setText(Messages.detailsHint);
            checks.setInput(List.of());
        } else {
            Row row = shown.row(selectedDirection);
            detailsTitle.setText(cell.checks().isEmpty() ? Messages.noChecks
                    : Messages.bind(Messages.details, new Object[] { row.label(), Messages.stage(cell.stage()),
                            cell.score() }));
            checks.setInput(cell.checks());
            checks.expandAll();
        }
        detailsTitle.getParent().layout(true);
    }

    /** The cell shown in the details, or null. */
    public Cell selectedCell() {
        Row row = shown == null || selectedDirection == null ? null : shown.row(selectedDirection);
        if (row == null) {
            return null;
        }
        return row.cells().stream().filter(c -> c.stage() == selectedStage).findFirst().orElse(null);
    }

    private void openObject(Item item) {
        if (item == null || item.id() == null || transaction == null) {
            return;
        }
        EObject object;
        try {
            object = transaction.getObject(item.id());
        } catch (RuntimeException gone) {
            MessageDialog.openInformation(getSite().getShell(), Messages.title,
                    Messages.bind(Messages.objectGone, item.label()));
            return;
        }
        try {
            Navigator.open(getSite().getPage(), object);
        } catch (PartInitException e) {
            ILog.of(DashboardEditor.class).log(e.getStatus());
            ErrorDialog.openError(getSite().getShell(), null, null, e.getStatus());
        }
    }

    private void fillContextMenu(IMenuManager menu) {
        IStructuredSelection selection = checks.getStructuredSelection();
        if (selection.getFirstElement() instanceof ObjectNode first) {
            Action open = new Action(Messages.open) {
                @Override
                public void run() {
                    openObject(first.item());
                }
            };
            menu.add(open);
        }
        List<ObjectNode> gaps = new ArrayList<>();
        for (Object element : selection.toList()) {
            if (element instanceof ObjectNode node && node.gap()) {
                gaps.add(node);
            }
        }
        if (gaps.isEmpty() || transaction == null) {
            return;
        }
        menu.add(new Separator());
        Map<String, QuickFix> fixes = new LinkedHashMap<>();
        Map<String, List<EObject>> targets = new LinkedHashMap<>();
        try {
            for (ObjectNode node : gaps) {
                EObject object;
                try {
                    object = transaction.getObject(node.item().id());
                } catch (RuntimeException gone) {
                    continue;
                }
                for (QuickFix fix : QuickFixes.forProblem(node.check().id(), object)) {
                    fixes.putIfAbsent(fix.id(), fix);
                    List<EObject> list = targets.computeIfAbsent(fix.id(), id -> new ArrayList<>());
                    if (!list.contains(object)) {
                        list.add(object);
                    }
                }
            }
        } catch (RuntimeException e) {
            Action unavailable = new Action(Messages.bind(Messages.fixesUnavailable, e.getMessage())) {
            };
            unavailable.setEnabled(false);
            menu.add(unavailable);
            return;
        }
        if (fixes.isEmpty()) {
            Action none = new Action(Messages.noFixes) {
            };
            none.setEnabled(false);
            menu.add(none);
        }
        for (QuickFix fix : fixes.values()) {
            List<EObject> on = targets.get(fix.id());
            String label = on.size() > 1 ? fix.label() + " (" + on.size() + ")" : fix.label();
            menu.add(new Action(label) {
                @Override
                public void run() {
                    apply(fix, on);
                }
            });
        }
    }

    /**
     * Applies a quick fix to its targets: one command, committed at once with the fix's label as
     * comment, for the dashboard's period; a fix that needs a value asks for it first (its default
     * proposed, its check applied as the user types).
     */
    void apply(QuickFix fix, List<EObject> targets) {
        String value = null;
        QuickFix.Parameter parameter = fix.parameter();
        if (parameter != null) {
            InputDialog ask = new InputDialog(getSite().getShell(), fix.label(), parameter.label(),
                    parameter.defaultValue(targets), parameter::check);
            if (ask.open() != Window.OK) {
                return;
            }
            value = ask.getValue();
        }
        Period period = null;
        if (shown != null && shown.period() != null) {
            try {
                period = (Period) transaction.getObject(shown.period());
            } catch (RuntimeException gone) {
                period = null; // deleted meanwhile: the fix chooses
            }
        }
        Command command = fix.create(domain, targets, new QuickFix.Context(period, value));
        if (command == null || !command.canExecute()) {
            MessageDialog.openInformation(getSite().getShell(), Messages.title, Messages.bind(Messages.fixNothing,
                    fix.label(), String.join(", ", targets.stream().map(oko.model.edit.ModelLabels::label).toList())));
            return;
        }
        stack.execute(CommittingCommands.described(fix.label(), command));
    }

    private void fixFailed(String comment, RuntimeException failure) {
        var error = Status.error(Messages.bind(Messages.fixFailed, comment, failure.getMessage()), failure);
        ILog.of(DashboardEditor.class).log(error);
        later(() -> ErrorDialog.openError(getSite().getShell(), Messages.fixFailedTitle, null, error));
    }

    private void updateUndoRedo() {
        CommandStack commands = stack;
        boolean canUndo = commands != null && commands.canUndo();
        boolean canRedo = commands != null && commands.canRedo();
        undo.setEnabled(canUndo);
        undo.setText(Messages.bind(Messages.undo, canUndo ? commands.getUndoCommand().getLabel() : "").strip());
        redo.setEnabled(canRedo);
        redo.setText(Messages.bind(Messages.redo, canRedo ? commands.getRedoCommand().getLabel() : "").strip());
    }

    /** What the dashboard shows now (null before the first computation), for tests. */
    public Snapshot snapshot() {
        return shown;
    }

    /** The control of a cell (its frame) that a click selects, for tests; null when not shown. */
    public Control cellControl(CDOID direction, StageKind stage) {
        return cellFrames.get(key(direction, stage));
    }

    /** The checks of the selected cell, for tests. */
    public TreeViewer checksViewer() {
        return checks;
    }

    /** The attention list, for tests. */
    public TableViewer attentionViewer() {
        return attention;
    }

    /** The editing domain whose command stack commits the quick fixes, for tests. */
    public AdapterFactoryEditingDomain domain() {
        return domain;
    }

    @Override
    public void setFocus() {
        if (matrix != null && !matrix.isDisposed()) {
            scroll.setFocus();
        }
    }

    @Override
    public void dispose() {
        job.cancel();
        if (transaction != null) {
            repository.session().removeListener(invalidations);
            transaction.close();
        }
        factory.dispose();
        super.dispose();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        // every quick fix is committed when applied; nothing to save
    }

    @Override
    public void doSaveAs() {
        // not supported
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public String toString() {
        return Objects.toString(getPartName());
    }
}
