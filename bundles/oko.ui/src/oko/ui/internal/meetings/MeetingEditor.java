package oko.ui.internal.meetings;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.common.util.Enumerator;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.provider.IItemPropertyDescriptor;
import org.eclipse.emf.edit.provider.IItemPropertySource;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnViewer;
import org.eclipse.jface.viewers.ColumnViewerToolTipSupport;
import org.eclipse.jface.viewers.ComboBoxCellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.menus.IMenuService;

import oko.model.AgendaItem;
import oko.model.Attendance;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.Meeting;
import oko.model.Membership;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.VoteChoice;
import oko.model.WorkingGroup;
import oko.model.edit.CommandLabels;
import oko.model.edit.ModelLabels;
import oko.ui.editors.TransactionalEditor;
import oko.ui.internal.properties.ReferenceChooserDialog;

/**
 * The editor of a working group's meeting (issue 19): its header (number, date, place, form,
 * status, who presides, the secretary), the attendance of every member of the group (a row per
 * member; the attendance object is created by the first edit of its row), the invited persons,
 * the agenda with «Слушали / Выступили» and per item its decisions with the votes, the presiding
 * member's vote and dissenting opinions. Computed live from the rules ({@link oko.core.meetings.MeetingRules}):
 * the quorum, each decision's outcome with its reason, the protocol's due date and the meeting's
 * state. Every edit is one command of the editor's stack (undo/redo, Save with a comment).
 * <p>
 * Its tool bar shows the commands contributed to {@code toolbar:oko.ui.editors.meeting}
 * («Сформировать протокол», contributed by the reports' UI).
 */
public final class MeetingEditor extends TransactionalEditor {

    /** The editor's id. */
    public static final String ID = "oko.ui.editors.meeting";
    /** The tool bar's location URI for contributed commands. */
    public static final String TOOLBAR = "toolbar:" + ID;

    private static final OkoPackage P = OkoPackage.eINSTANCE;

    private ScrolledComposite scroll;
    private Composite body;
    private Text number;
    private Text date;
    private Text place;
    private Combo form;
    private Combo status;
    private Combo presiding;
    private Combo secretary;
    private Label message;
    private Label quorum;
    private Label presidingNow;
    private Label protocol;
    private TableViewer attendance;
    private Label invited;
    private TreeViewer agenda;
    private ToolBarManager toolBar;
    private Color red;
    private Color green;

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        super.init(site, input);
        if (!(root instanceof Meeting)) {
            throw new PartInitException(Messages.bind(Messages.notAMeeting, input.getName()));
        }
    }

    /** The meeting, in the editor's transaction. */
    public Meeting meeting() {
        return (Meeting) root;
    }

    @Override
    protected String title() {
        return Messages.editorTitle;
    }

    @Override
    public ColumnViewer viewer() {
        return null;
    }

    @Override
    protected Control control() {
        return scroll;
    }

    @Override
    public void createPartControl(Composite parent) {
        red = new Color(180, 0, 0);
        green = new Color(0, 110, 0);
        scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scroll.setExpandHorizontal(true);
        scroll.setExpandVertical(true);
        body = new Composite(scroll, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(8, 6).spacing(6, 8).applyTo(body);
        scroll.setContent(body);

        toolBar = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
        Control bar = toolBar.createControl(body);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        getSite().getService(IMenuService.class).populateContributionManager(toolBar, TOOLBAR);
        toolBar.update(true);

        createHeader(body);
        createComputed(body);
        createAttendance(body);
        createInvited(body);
        createAgenda(body);

        scroll.addListener(SWT.Resize, e -> layoutBody());
        installUndoRedo(getEditorSite().getActionBars());
        getEditorSite().getActionBars().updateActionBars();
        stackChanged();
    }

    private void layoutBody() {
        int width = Math.max(scroll.getClientArea().width, 900);
        Point size = body.computeSize(width, SWT.DEFAULT);
        scroll.setMinSize(size);
    }

    private static Group group(Composite parent, String title, int columns) {
        Group group = new Group(parent, SWT.NONE);
        group.setText(title);
        GridLayoutFactory.swtDefaults().numColumns(columns).spacing(8, 6).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        return group;
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        return label;
    }

    private void createHeader(Composite parent) {
        Group header = group(parent, Messages.header, 4);
        label(header, Messages.number);
        number = text(header, P.getNumberedElement_Number(), 120);
        label(header, Messages.date);
        date = new Text(header, SWT.BORDER);
        date.setMessage(Messages.dateHint);
        GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(date);
        date.addListener(SWT.DefaultSelection, e -> applyDate());
        date.addListener(SWT.FocusOut, e -> applyDate());
        label(header, Messages.place);
        place = text(header, P.getMeeting_Place(), 300);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).applyTo(place);
        label(header, Messages.form);
        form = enumCombo(header, P.getMeeting_Form());
        label(header, Messages.status);
        status = enumCombo(header, P.getMeeting_Status());
        label(header, Messages.presiding);
        presiding = memberCombo(header, P.getMeeting_ChairedBy(), Messages.presidingDefault);
        presiding.setToolTipText(Messages.presidingDefault);
        label(header, Messages.secretary);
        secretary = memberCombo(header, P.getMeeting_Secretary(), Messages.noSecretary);
        message = new Label(header, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(4, 1).applyTo(message);
    }

    private Text text(Composite parent, EAttribute feature, int width) {
        Text text = new Text(parent, SWT.BORDER);
        GridDataFactory.fillDefaults().hint(width, SWT.DEFAULT).applyTo(text);
        Runnable apply = () -> {
            String value = text.getText().strip();
            Object old = meeting().eGet(feature);
            if (!value.equals(old == null ? "" : old)) {
                execute(CommandLabels.set(domain, meeting(), feature, value.isEmpty() ? null : value));
            }
        };
        text.addListener(SWT.DefaultSelection, e -> apply.run());
        text.addListener(SWT.FocusOut, e -> apply.run());
        return text;
    }

    private void applyDate() {
        String value = date.getText().strip();
        String old = MeetingTexts.date(meeting().getDate());
        if (value.equals(old)) {
            return;
        }
        if (value.isEmpty()) {
            showMessage(null);
            execute(CommandLabels.set(domain, meeting(), P.getMeeting_Date(), null));
            return;
        }
        try {
            LocalDate parsed = LocalDate.parse(value, MeetingTexts.DATE);
            showMessage(null);
            execute(CommandLabels.set(domain, meeting(), P.getMeeting_Date(), MeetingTexts.date(parsed)));
        } catch (DateTimeParseException e) {
            showMessage(Messages.bind(Messages.badDate, value));
        }
    }

    /** A hint about bad input (nothing was stored), or none. */
    private void showMessage(String text) {
        if (message.isDisposed()) {
            return;
        }
        message.setText(text == null ? "" : text);
        message.setForeground(red);
        layoutBody();
    }

    private Combo enumCombo(Composite parent, EAttribute feature) {
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        EEnum type = (EEnum) feature.getEAttributeType();
        List<Enumerator> literals = type.getELiterals().stream().map(l -> l.getInstance()).toList();
        for (Enumerator literal : literals) {
            combo.add(ModelLabels.literal(literal));
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(combo);
        combo.addListener(SWT.Selection, e -> {
            int index = combo.getSelectionIndex();
            if (index >= 0 && !Objects.equals(meeting().eGet(feature), literals.get(index))) {
                execute(CommandLabels.set(domain, meeting(), feature, literals.get(index)));
            }
        });
        combo.setData(literals);
        return combo;
    }

    private List<Membership> members() {
        return meeting().eContainer() instanceof WorkingGroup group ? group.getMembers() : List.of();
    }

    private Combo memberCombo(Composite parent, EStructuralFeature feature, String none) {
        Combo combo = new Combo(parent, SWT.READ_ONLY);
        GridDataFactory.fillDefaults().grab(true, false).hint(380, SWT.DEFAULT).applyTo(combo);
        combo.setData(none);
        combo.addListener(SWT.Selection, e -> {
            int index = combo.getSelectionIndex();
            Membership chosen = index <= 0 ? null : members().get(index - 1);
            if (index >= 0 && meeting().eGet(feature) != chosen) {
                execute(CommandLabels.set(domain, meeting(), feature, chosen));
            }
        });
        return combo;
    }

    private void createComputed(Composite parent) {
        Group computed = group(parent, Messages.computed, 2);
        label(computed, Messages.quorum);
        quorum = new Label(computed, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(quorum);
        label(computed, Messages.presidingNow);
        presidingNow = new Label(computed, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(presidingNow);
        label(computed, Messages.protocol);
        protocol = new Label(computed, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(protocol);
    }

    // --- attendance -------------------------------------------------------------------------

    private Attendance attendanceOf(Membership member) {
        for (Attendance a : meeting().getAttendance()) {
            if (a.getMember() == member) {
                return a;
            }
        }
        return null;
    }

    private void createAttendance(Composite parent) {
        Group group = group(parent, Messages.attendance, 1);
        attendance = new TableViewer(group, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        attendance.getTable().setHeaderVisible(true);
        attendance.getTable().setLinesVisible(true);
        attendance.setContentProvider(ArrayContentProvider.getInstance());
        ColumnViewerToolTipSupport.enableFor(attendance);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 200).applyTo(attendance.getControl());
        column(attendance, Messages.member, 280, m -> MeetingTexts.member((Membership) m));
        column(attendance, Messages.role, 230, m -> MeetingTexts.role((Membership) m));
        List<AttendanceMode> modes = AttendanceMode.VALUES;
        TableViewerColumn mode = column(attendance, Messages.mode, 150, m -> {
            Attendance a = attendanceOf((Membership) m);
            return a == null ? Messages.notRecorded : ModelLabels.literal(a.getMode());
        });
        mode.setEditingSupport(new EditingSupport(attendance) {
            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected CellEditor getCellEditor(Object element) {
                return new ComboBoxCellEditor(attendance.getTable(),
                        modes.stream().map(ModelLabels::literal).toArray(String[]::new), SWT.READ_ONLY);
            }

            @Override
            protected Object getValue(Object element) {
                Attendance a = attendanceOf((Membership) element);
                return a == null ? 0 : modes.indexOf(a.getMode());
            }

            @Override
            protected void setValue(Object element, Object value) {
                int index = (Integer) value;
                if (index >= 0) {
                    setMode((Membership) element, modes.get(index));
                }
            }
        });
        TableViewerColumn note = column(attendance, Messages.note, 320, m -> {
            Attendance a = attendanceOf((Membership) m);
            return a == null || a.getNote() == null ? "" : a.getNote();
        });
        note.setEditingSupport(new EditingSupport(attendance) {
            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected CellEditor getCellEditor(Object element) {
                return new TextCellEditor(attendance.getTable());
            }

            @Override
            protected Object getValue(Object element) {
                Attendance a = attendanceOf((Membership) element);
                return a == null || a.getNote() == null ? "" : a.getNote();
            }

            @Override
            protected void setValue(Object element, Object value) {
                setNote((Membership) element, ((String) value).strip());
            }
        });
    }

    /**
     * Records how a member takes part: one command, creating the member's attendance when the
     * meeting has none for them yet.
     */
    public void setMode(Membership member, AttendanceMode mode) {
        Attendance a = attendanceOf(member);
        if (a == null) {
            execute(CommandLabels.labelled(newAttendance(member, mode, null),
                    Messages.bind(Messages.recordAttendance, MeetingTexts.member(member))));
        } else if (a.getMode() != mode) {
            execute(CommandLabels.set(domain, a, P.getAttendance_Mode(), mode));
        }
    }

    private void setNote(Membership member, String note) {
        Attendance a = attendanceOf(member);
        if (a == null) {
            if (!note.isEmpty()) {
                execute(CommandLabels.labelled(newAttendance(member, AttendanceMode.PRESENT, note),
                        Messages.bind(Messages.recordAttendance, MeetingTexts.member(member))));
            }
        } else if (!note.equals(a.getNote() == null ? "" : a.getNote())) {
            execute(CommandLabels.set(domain, a, P.getAttendance_Note(), note.isEmpty() ? null : note));
        }
    }

    private Command newAttendance(Membership member, AttendanceMode mode, String note) {
        Attendance created = OkoFactory.eINSTANCE.createAttendance();
        created.setMember(member);
        created.setMode(mode);
        created.setNote(note);
        return CommandLabels.add(domain, meeting(), P.getMeeting_Attendance(), created);
    }

    // --- invited persons ----------------------------------------------------------------------

    private void createInvited(Composite parent) {
        Group group = group(parent, Messages.invited, 2);
        invited = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(600, SWT.DEFAULT).applyTo(invited);
        Button change = new Button(group, SWT.PUSH);
        change.setText(Messages.change);
        change.addListener(SWT.Selection, e -> chooseInvited());
    }

    private void chooseInvited() {
        EStructuralFeature feature = P.getMeeting_InvitedPersons();
        IItemPropertySource source = (IItemPropertySource) factory.adapt(meeting(), IItemPropertySource.class);
        IItemPropertyDescriptor descriptor = source == null ? null : source.getPropertyDescriptor(meeting(), feature);
        Collection<?> choices = descriptor == null ? null : descriptor.getChoiceOfValues(meeting());
        ReferenceChooserDialog dialog = ReferenceChooserDialog.of(getSite().getShell(), meeting(), feature,
                choices == null ? List.of() : choices);
        if (dialog.open() == Window.OK && dialog.result() != null
                && !dialog.result().equals(new ArrayList<>(meeting().getInvitedPersons()))) {
            execute(CommandLabels.set(domain, meeting(), feature, dialog.result()));
        }
    }

    // --- agenda and decisions -----------------------------------------------------------------

    /** An agenda column: its header, width, text of an agenda item and of a decision, and the edited feature per kind. */
    private record AgendaColumn(String title, int width, Function<AgendaItem, String> item,
            Function<Decision, String> decision, EStructuralFeature itemFeature, EStructuralFeature decisionFeature) {
    }

    private List<AgendaColumn> agendaColumns() {
        return List.of(
                new AgendaColumn(Messages.colNumber, 60, i -> nonNull(i.getNumber()), d -> nonNull(d.getNumber()),
                        P.getNumberedElement_Number(), P.getNumberedElement_Number()),
                new AgendaColumn(Messages.colQuestion, 240, i -> nonNull(i.getName()), d -> nonNull(d.getName()),
                        P.getNamedElement_Name(), P.getNamedElement_Name()),
                new AgendaColumn(Messages.colHeard, 150, i -> nonNull(i.getHeard()), d -> "", P.getAgendaItem_Heard(), null),
                new AgendaColumn(Messages.colDiscussion, 150, i -> nonNull(i.getDiscussion()), d -> "",
                        P.getAgendaItem_Discussion(), null),
                new AgendaColumn(Messages.colFor, 45, i -> "", d -> Integer.toString(d.getVotesFor()), null,
                        P.getDecision_VotesFor()),
                new AgendaColumn(Messages.colAgainst, 70, i -> "", d -> Integer.toString(d.getVotesAgainst()), null,
                        P.getDecision_VotesAgainst()),
                new AgendaColumn(Messages.colAbstained, 55, i -> "", d -> Integer.toString(d.getVotesAbstained()), null,
                        P.getDecision_VotesAbstained()),
                new AgendaColumn(Messages.colPresidingVote, 215, i -> "", d -> ModelLabels.literal(d.getPresidingVote()),
                        null, P.getDecision_PresidingVote()),
                new AgendaColumn(Messages.colDissenting, 130, i -> "", d -> nonNull(d.getDissentingOpinions()), null,
                        P.getDecision_DissentingOpinions()),
                new AgendaColumn(Messages.colOutcome, 380, i -> "", MeetingEditor::outcome, null, null));
    }

    private static String nonNull(String text) {
        return text == null ? "" : text.replace('\n', ' ').strip();
    }

    /** «Принято: …» or «Не принято: …» with the rules' reason. */
    static String outcome(Decision decision) {
        return MeetingTexts.computed(() -> {
            var outcome = oko.core.meetings.MeetingRules.outcome(decision);
            return Messages.bind(outcome.adopted() ? Messages.adopted : Messages.notAdopted, outcome.reason());
        });
    }

    private void createAgenda(Composite parent) {
        Group group = group(parent, Messages.agenda, 1);
        Composite buttons = new Composite(group, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(buttons);
        button(buttons, Messages.addItem, this::addAgendaItem);
        button(buttons, Messages.addDecision, this::addDecision);
        button(buttons, Messages.delete, this::deleteSelected);
        agenda = new TreeViewer(group, SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        agenda.getTree().setHeaderVisible(true);
        agenda.getTree().setLinesVisible(true);
        ColumnViewerToolTipSupport.enableFor(agenda);
        GridDataFactory.fillDefaults().grab(true, false).hint(SWT.DEFAULT, 260).applyTo(agenda.getControl());
        agenda.setContentProvider(new ITreeContentProvider() {
            @Override
            public Object[] getElements(Object input) {
                return ((Meeting) input).getAgendaItems().toArray();
            }

            @Override
            public Object[] getChildren(Object parentElement) {
                return parentElement instanceof AgendaItem item ? item.getDecisions().toArray() : new Object[0];
            }

            @Override
            public Object getParent(Object element) {
                return ((EObject) element).eContainer();
            }

            @Override
            public boolean hasChildren(Object element) {
                return element instanceof AgendaItem item && !item.getDecisions().isEmpty();
            }
        });
        for (AgendaColumn column : agendaColumns()) {
            TreeViewerColumn treeColumn = new TreeViewerColumn(agenda, SWT.LEFT);
            treeColumn.getColumn().setText(column.title());
            treeColumn.getColumn().setToolTipText(column.title());
            treeColumn.getColumn().setWidth(column.width());
            treeColumn.getColumn().setResizable(true);
            treeColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return element instanceof AgendaItem item ? column.item().apply(item)
                            : column.decision().apply((Decision) element);
                }

                @Override
                public String getToolTipText(Object element) {
                    String text = element instanceof AgendaItem item
                            ? (column.itemFeature() == null ? "" : String.valueOf(Objects.requireNonNullElse(item.eGet(column.itemFeature()), "")))
                            : getText(element);
                    return text.isEmpty() ? null : text;
                }

                @Override
                public Color getForeground(Object element) {
                    if (column.itemFeature() == null && column.decisionFeature() == null && element instanceof Decision d) {
                        try {
                            return oko.core.meetings.MeetingRules.outcome(d).adopted() ? green : red;
                        } catch (RuntimeException e) {
                            return red;
                        }
                    }
                    return null;
                }
            });
            if (column.itemFeature() != null || column.decisionFeature() != null) {
                treeColumn.setEditingSupport(new AgendaEditing(column));
            }
        }
        agenda.setInput(meeting());
        agenda.expandAll();
        getSite().setSelectionProvider(agenda);
    }

    private static void button(Composite parent, String text, Runnable run) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, e -> run.run());
    }

    /** Edits a cell of the agenda through a command: texts, vote counts (whole numbers ≥ 0), the presiding vote. */
    private final class AgendaEditing extends EditingSupport {
        private final AgendaColumn column;

        AgendaEditing(AgendaColumn column) {
            super(agenda);
            this.column = column;
        }

        private EStructuralFeature feature(Object element) {
            return element instanceof AgendaItem ? column.itemFeature() : column.decisionFeature();
        }

        @Override
        protected boolean canEdit(Object element) {
            return feature(element) != null;
        }

        @Override
        protected CellEditor getCellEditor(Object element) {
            if (feature(element) == P.getDecision_PresidingVote()) {
                return new ComboBoxCellEditor(agenda.getTree(),
                        VoteChoice.VALUES.stream().map(ModelLabels::literal).toArray(String[]::new), SWT.READ_ONLY);
            }
            return new TextCellEditor(agenda.getTree());
        }

        @Override
        protected Object getValue(Object element) {
            EStructuralFeature feature = feature(element);
            Object value = ((EObject) element).eGet(feature);
            if (feature == P.getDecision_PresidingVote()) {
                return VoteChoice.VALUES.indexOf(value);
            }
            return value == null ? "" : value.toString();
        }

        @Override
        protected void setValue(Object element, Object value) {
            setCell((EObject) element, feature(element), value);
        }
    }

    /** Sets a cell's value from its editor's: bad numbers are reported and nothing is stored. */
    private void setCell(EObject element, EStructuralFeature feature, Object value) {
        Object newValue;
        if (feature == P.getDecision_PresidingVote()) {
            int index = (Integer) value;
            if (index < 0) {
                return;
            }
            newValue = VoteChoice.VALUES.get(index);
        } else if (feature.getEType() == org.eclipse.emf.ecore.EcorePackage.Literals.EINT) {
            String text = ((String) value).strip();
            try {
                int count = Integer.parseInt(text);
                if (count < 0) {
                    throw new NumberFormatException(text);
                }
                newValue = count;
            } catch (NumberFormatException e) {
                showMessage(Messages.bind(Messages.badCount, new Object[] { text,
                        ModelLabels.featureName(element.eClass(), feature), ModelLabels.label(element) }));
                return;
            }
        } else {
            String text = ((String) value).strip();
            newValue = text.isEmpty() ? null : text;
        }
        showMessage(null);
        if (!Objects.equals(element.eGet(feature), newValue)) {
            execute(CommandLabels.set(domain, element, feature, newValue));
        }
    }

    /** Records a decision's votes as one edit (one undo step). */
    public void setVotes(Decision decision, int votesFor, int against, int abstained) {
        CompoundCommand command = new CompoundCommand(Messages.bind(Messages.recordVotes, nonNull(decision.getName())));
        command.append(CommandLabels.set(domain, decision, P.getDecision_VotesFor(), votesFor));
        command.append(CommandLabels.set(domain, decision, P.getDecision_VotesAgainst(), against));
        command.append(CommandLabels.set(domain, decision, P.getDecision_VotesAbstained(), abstained));
        execute(command);
    }

    private void addAgendaItem() {
        AgendaItem item = OkoFactory.eINSTANCE.createAgendaItem();
        item.setNumber(Integer.toString(meeting().getAgendaItems().size() + 1));
        item.setName(Messages.newItem);
        execute(CommandLabels.add(domain, meeting(), P.getMeeting_AgendaItems(), item));
        agenda.setSelection(new StructuredSelection(item), true);
    }

    private void addDecision() {
        Object selected = agenda.getStructuredSelection().getFirstElement();
        AgendaItem item = selected instanceof AgendaItem a ? a
                : selected instanceof Decision d ? (AgendaItem) d.eContainer() : null;
        if (item == null) {
            showMessage(Messages.chooseItemFirst);
            return;
        }
        Decision decision = OkoFactory.eINSTANCE.createDecision();
        decision.setNumber(nonNull(item.getNumber()) + "." + (item.getDecisions().size() + 1));
        decision.setName(Messages.newDecision);
        execute(CommandLabels.add(domain, item, P.getAgendaItem_Decisions(), decision));
        agenda.expandToLevel(item, 1);
        agenda.setSelection(new StructuredSelection(decision), true);
    }

    private void deleteSelected() {
        List<?> selected = agenda.getStructuredSelection().toList();
        if (!selected.isEmpty()) {
            execute(CommandLabels.delete(domain, selected));
        }
    }

    private void execute(Command command) {
        if (command != null && command.canExecute()) {
            domain.getCommandStack().execute(command);
        }
    }

    // --- showing the model ------------------------------------------------------------------

    @Override
    protected void refreshContent() {
        if (scroll == null || scroll.isDisposed()) {
            return;
        }
        Meeting meeting = meeting();
        show(number, meeting.getNumber());
        show(date, MeetingTexts.date(meeting.getDate()));
        show(place, meeting.getPlace());
        select(form, meeting.getForm());
        select(status, meeting.getStatus());
        members(presiding, meeting.getChairedBy());
        members(secretary, meeting.getSecretary());
        LocalDate today = LocalDate.now();
        String quorumText = MeetingTexts.quorum(meeting);
        quorum.setText(quorumText);
        quorum.setForeground(quorumReached(meeting) ? green : red);
        presidingNow.setText(MeetingTexts.presiding(meeting));
        protocol.setText(MeetingTexts.protocol(meeting, today));
        attendance.setInput(members());
        invited.setText(meeting.getInvitedPersons().isEmpty() ? Messages.noneInvited
                : String.join("; ", meeting.getInvitedPersons().stream().map(ModelLabels::name).toList()));
        Object[] expanded = agenda.getExpandedElements();
        agenda.refresh();
        agenda.setExpandedElements(expanded);
        agenda.expandAll();
        setPartName(nonNull(ModelLabels.label(meeting)));
        body.layout(true, true);
        layoutBody();
    }

    private static boolean quorumReached(Meeting meeting) {
        try {
            return oko.core.meetings.MeetingRules.quorum(meeting).reached();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static void show(Text text, String value) {
        String shown = value == null ? "" : value;
        if (!text.getText().equals(shown)) {
            text.setText(shown);
        }
    }

    private static void select(Combo combo, Object literal) {
        @SuppressWarnings("unchecked")
        List<Object> literals = (List<Object>) combo.getData();
        int index = literals.indexOf(literal);
        if (index < 0) {
            combo.deselectAll();
        } else if (combo.getSelectionIndex() != index) {
            combo.select(index);
        }
    }

    private void members(Combo combo, Membership chosen) {
        List<String> items = new ArrayList<>();
        items.add((String) combo.getData());
        for (Membership member : members()) {
            items.add(MeetingTexts.member(member) + " (" + MeetingTexts.role(member) + ")");
        }
        if (!List.of(combo.getItems()).equals(items)) {
            combo.setItems(items.toArray(String[]::new));
        }
        int index = chosen == null ? 0 : members().indexOf(chosen) + 1;
        if (combo.getSelectionIndex() != index) {
            combo.select(Math.max(0, index));
        }
    }

    private static TableViewerColumn column(TableViewer viewer, String title, int width,
            Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.getColumn().setResizable(true);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
        return column;
    }

    // --- for tests ----------------------------------------------------------------------------

    /** The quorum as shown. */
    public String quorumText() {
        return quorum.getText();
    }

    /** The protocol's due date and state as shown. */
    public String protocolText() {
        return protocol.getText();
    }

    /** The rows of the attendance table: member, role, mode, note. */
    public List<List<String>> attendanceRows() {
        return Rows.of(attendance.getTable());
    }

    /** The agenda's rows (items and their decisions, depth first), every column's text. */
    public List<List<String>> agendaRows() {
        return Rows.of(agenda.getTree());
    }

    /** The attendance table. */
    public TableViewer attendanceViewer() {
        return attendance;
    }

    /** The agenda tree. */
    public TreeViewer agendaViewer() {
        return agenda;
    }

    /** The bad-input hint shown (empty when none). */
    public String messageText() {
        return message.getText();
    }

    /** Sets a cell of the agenda as the cell editor does (the text typed, or a vote choice's index). */
    public void editAgenda(EObject element, EStructuralFeature feature, Object value) {
        setCell(element, feature, value);
    }

    @Override
    public void dispose() {
        if (toolBar != null) {
            getSite().getService(IMenuService.class).releaseContributions(toolBar);
            toolBar.dispose();
        }
        if (red != null) {
            red.dispose();
            green.dispose();
        }
        super.dispose();
    }
}
