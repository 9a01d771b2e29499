package oko.school.ui.internal;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ICellEditorListener;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;

import oko.model.IndicatorValue;
import oko.model.MonitoringRun;
import oko.model.OkoPackage;
import oko.repository.OkoRepository;
import oko.school.SelfAssessment;
import oko.school.SelfAssessment.Row;
import oko.ui.editors.RepositoryEditorInput;
import oko.ui.editors.TransactionalEditor;

/**
 * The school's self-assessment of one period ({@link SelfAssessment}): per indicator the
 * municipality's value of the school, the school's own value and the difference, and the school's
 * comment. The school's value and comment are edited in place; like every Oko editor it works on its
 * own transaction with undo/redo, and Save commits (the server lets a school administrator change
 * only their school's ВСОКО).
 */
public final class SelfAssessmentEditor extends TransactionalEditor {

    public static final String ID = "oko.school.ui.editors.selfAssessment";

    /** A self-assessment run of the repository, by its CDO id. */
    public static final class Input extends RepositoryEditorInput {

        public Input(CDOID id, String name) {
            super(id, name);
        }
    }

    private static final DecimalFormat NUMBER = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));

    private TableViewer viewer;

    @Override
    protected String title() {
        return Messages.selfAssessment;
    }

    private MonitoringRun run() {
        return (MonitoringRun) root;
    }

    @Override
    public ColumnViewer viewer() {
        return viewer;
    }

    @Override
    public void createPartControl(Composite parent) {
        TableColumnLayout layout = new TableColumnLayout();
        parent.setLayout(layout);
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Color notYet = new Color(120, 120, 120);
        column(layout, Messages.schoolIndicator, 8, 70, r -> r.indicator().getCode(), null, null);
        column(layout, Messages.schoolText, 40, 160, r -> nonNull(r.indicator().getName()), null, null);
        column(layout, Messages.selfAssessmentMunicipal, 14, 120, r -> r.municipal().map(SelfAssessmentEditor::text)
                .orElse(Messages.selfAssessmentNoMunicipal), null, null);
        column(layout, Messages.selfAssessmentOwn, 14, 110, r -> r.assessed() ? NUMBER.format(r.own().getValue())
                : nonNull(r.own().getNoValueReason()), new Cell(r -> r.assessed() ? NUMBER.format(r.own().getValue()) : "",
                        this::assess, true), notYet);
        column(layout, Messages.selfAssessmentDifference, 10, 80, r -> r.difference()
                .map(d -> (d > 0 ? "+" : "") + NUMBER.format(d)).orElse(""), null, null);
        column(layout, Messages.selfAssessmentComment, 28, 140, r -> nonNull(r.own().getComment()),
                new Cell(r -> nonNull(r.own().getComment()), (r, typed) -> oko.model.edit.CommandLabels.set(domain, r.own(),
                        OkoPackage.Literals.OBSERVED_VALUE__COMMENT, typed.isEmpty() ? SetCommand.UNSET_VALUE : typed),
                        false), null);
        viewer.setInput(rows());
        getSite().setSelectionProvider(viewer);
        installUndoRedo(getEditorSite().getActionBars());
        setContentDescription(Messages.bind(Messages.selfAssessmentDescription, run().getName()));
    }

    private void column(TableColumnLayout layout, String title, int weight, int minimum, Function<Row, String> text,
            EditingSupport editing, Color notAssessed) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setToolTipText(title);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(weight, minimum, true));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Row) element);
            }

            @Override
            public Color getForeground(Object element) {
                return notAssessed != null && !((Row) element).assessed() ? notAssessed : null;
            }
        });
        if (editing != null) {
            column.setEditingSupport(editing);
        }
    }

    /**
     * The rows, with the school's values asked of the server each time: after the municipality
     * computes again (another client's commit), its new values show.
     */
    private List<Row> rows() {
        List<IndicatorValue> own = run().getValues();
        return SelfAssessment.rows(run(), own.isEmpty() ? List.of() : OkoRepository.valuesOf(own.get(0).getOrganisation()));
    }

    @Override
    protected void refreshContent() {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.setInput(rows());
        }
    }

    /** The rows shown, for tests. */
    public List<Row> shownRows() {
        @SuppressWarnings("unchecked")
        List<Row> rows = (List<Row>) viewer.getInput();
        return rows;
    }

    /**
     * The school's value of a row as typed: a number (comma or point) sets it, an empty text makes
     * it "not assessed" again; anything else is refused by the cell editor with a message.
     */
    public Command assess(Row row, String typed) {
        IndicatorValue own = row.own();
        CompoundCommand command = new CompoundCommand(Messages.selfAssessmentOwn);
        String text = typed.trim();
        if (text.isEmpty()) {
            command.append(SetCommand.create(domain, own, OkoPackage.Literals.OBSERVED_VALUE__NO_VALUE, true));
            command.append(SetCommand.create(domain, own, OkoPackage.Literals.OBSERVED_VALUE__NO_VALUE_REASON,
                    SelfAssessment.NOT_YET));
        } else {
            double value = parse(text).orElseThrow(() -> new IllegalArgumentException(text));
            command.append(SetCommand.create(domain, own, OkoPackage.Literals.OBSERVED_VALUE__VALUE, value));
            command.append(SetCommand.create(domain, own, OkoPackage.Literals.OBSERVED_VALUE__NO_VALUE, false));
            command.append(SetCommand.create(domain, own, OkoPackage.Literals.OBSERVED_VALUE__NO_VALUE_REASON,
                    SetCommand.UNSET_VALUE));
        }
        return command;
    }

    static Optional<Double> parse(String text) {
        try {
            double value = Double.parseDouble(text.trim().replace(',', '.'));
            return Double.isFinite(value) ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String text(IndicatorValue value) {
        return value.isNoValue() ? Messages.bind(Messages.schoolNoValue, nonNull(value.getNoValueReason()))
                : NUMBER.format(value.getValue());
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    /** Shows a cell editor's complaint in the status line while the text is not a number. */
    private void reportErrors(CellEditor editor) {
        var statusLine = getEditorSite().getActionBars().getStatusLineManager();
        editor.addListener(new ICellEditorListener() {
            @Override
            public void editorValueChanged(boolean oldValidState, boolean newValidState) {
                statusLine.setErrorMessage(newValidState ? null : editor.getErrorMessage());
            }

            @Override
            public void cancelEditor() {
                statusLine.setErrorMessage(null);
            }

            @Override
            public void applyEditorValue() {
                statusLine.setErrorMessage(null);
            }
        });
    }

    /**
     * An editable cell of a row (the school's value, its comment): the text to edit, and the
     * command a typed text makes; a number cell refuses, in its editor, what is not a number.
     */
    private final class Cell extends EditingSupport {
        private final Function<Row, String> text;
        private final java.util.function.BiFunction<Row, String, Command> change;
        private final boolean number;

        Cell(Function<Row, String> text, java.util.function.BiFunction<Row, String, Command> change, boolean number) {
            super(viewer);
            this.text = text;
            this.change = change;
            this.number = number;
        }

        @Override
        protected boolean canEdit(Object element) {
            return true;
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            TextCellEditor editor = new TextCellEditor(viewer.getTable());
            if (number) {
                editor.setValidator(value -> value == null || value.toString().isBlank()
                        || parse(value.toString()).isPresent() ? null
                                : Messages.bind(Messages.selfAssessmentNotANumber, value));
                reportErrors(editor);
            }
            return editor;
        }

        @Override
        protected Object getValue(Object element) {
            return text.apply((Row) element);
        }

        @Override
        protected void setValue(Object element, Object value) {
            String typed = String.valueOf(value).strip();
            if (typed.equals(getValue(element))) {
                return;
            }
            Command command = change.apply((Row) element, typed);
            if (command != null && command.canExecute()) {
                domain.getCommandStack().execute(command);
            }
        }
    }
}
