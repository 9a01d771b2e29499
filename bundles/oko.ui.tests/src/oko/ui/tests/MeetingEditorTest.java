package oko.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;

import oko.model.AgendaItem;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.Meeting;
import oko.model.MeetingForm;
import oko.model.MeetingStatus;
import oko.model.MeasureStatus;
import oko.model.Membership;
import oko.model.OkoFactory;
import oko.model.PlanItem;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRules;
import oko.reports.ui.internal.ProtocolHandler;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.meetings.MeetingEditor;
import oko.ui.internal.meetings.WorkingGroupView;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * The working group at work in the workbench (issue 19): a meeting of the sample's working group
 * opened from the navigator in the meeting editor; attendance recorded (the quorum follows), a
 * decision's votes recorded (its outcome follows), undo and redo, Save with a comment; the
 * «Рабочая группа» view lists it with its state; «Сформировать протокол» stores the protocol
 * document and closes the plan item — all read back in a fresh session.
 */
class MeetingEditorTest {

    private static final String NUMBER = "УИ-" + System.nanoTime() % 100000;

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
    }

    /** The members the rules require present: at least the fraction (exactly it when inclusive). */
    private static int required(int members, WorkingGroupRules rules) {
        double fraction = rules == null ? 0.5 : rules.getQuorumFraction();
        boolean inclusive = rules == null || rules.isQuorumInclusive();
        double exact = members * fraction;
        return inclusive ? (int) Math.ceil(exact - 1e-9) : (int) Math.floor(exact + 1e-9) + 1;
    }

    /**
     * A held meeting of today in the sample's working group with one agenda question and one
     * decision without votes, closing a plan item not yet done: what a secretary has before the
     * votes are recorded.
     */
    private static CDOID[] createMeeting() {
        CDOID group = find(o -> o instanceof WorkingGroup g && g.getMembers().size() >= 3);
        CDOID planItem = find(o -> o instanceof PlanItem item && item.getStatus() != MeasureStatus.DONE
                && item.getResultDocuments().isEmpty());
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        try {
            WorkingGroup wg = (WorkingGroup) transaction.getObject(group);
            Meeting meeting = OkoFactory.eINSTANCE.createMeeting();
            meeting.setNumber(NUMBER);
            meeting.setName("Заседание для проверки редактора");
            meeting.setDate(java.util.Date.from(LocalDate.now().atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
            meeting.setPlace("Каб. 12");
            meeting.setForm(MeetingForm.IN_PERSON);
            meeting.setStatus(MeetingStatus.HELD);
            AgendaItem item = OkoFactory.eINSTANCE.createAgendaItem();
            item.setNumber("1");
            item.setName("Об итогах мониторинга");
            item.setHeard("Доклад секретаря");
            Decision decision = OkoFactory.eINSTANCE.createDecision();
            decision.setNumber("1.1");
            decision.setName("Принять итоги к сведению");
            item.getDecisions().add(decision);
            meeting.getAgendaItems().add(item);
            meeting.getClosedPlanItems().add((PlanItem) transaction.getObject(planItem));
            wg.getMeetings().add(meeting);
            repository.commit(transaction, "Тест: заседание " + NUMBER, new NullProgressMonitor());
            return new CDOID[] { CDOUtil.getCDOObject(meeting).cdoID(), CDOUtil.getCDOObject(decision).cdoID(), group,
                    planItem };
        } finally {
            transaction.close();
        }
    }

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    private static void saveWithComment(String comment) throws Exception {
        Editors.comment(Editors.saveDialog(), comment);
    }

    private static List<String> decisionRow(MeetingEditor editor) throws Exception {
        return UiThread.call(() -> editor.agendaRows().get(1));
    }

    @Test
    void recordAMeetingUndoRedoSaveAndMakeItsProtocol() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOID[] ids = createMeeting();
        CDOID meetingId = ids[0];
        CDOID decisionId = ids[1];
        int members = read(ids[2], g -> ((WorkingGroup) g).getMembers().size());
        int required = read(ids[2], g -> required(((WorkingGroup) g).getMembers().size(), ((WorkingGroup) g).getRules()));
        assertTrue(required >= 2 && required <= members, required + " of " + members);

        // the navigator opens the meeting (as a double click does) in the meeting editor
        RepositoryNavigator navigator = UiThread.call(() -> (RepositoryNavigator) page().showView(RepositoryNavigator.ID));
        UiThread.waitUntil("the navigator connected", () -> navigator.editing() != null);
        UiThread.run(() -> navigator.open(navigator.editing().transaction().getObject(meetingId)));
        UiThread.waitUntil("a meeting editor opened", () -> page().getActiveEditor() instanceof MeetingEditor);
        MeetingEditor editor = UiThread.call(() -> (MeetingEditor) page().getActiveEditor());
        UiThread.run(() -> window().setSize(1500, 1000));
        UiThread.drain();

        // every member has a row, nothing recorded: no quorum
        List<List<String>> attendance = UiThread.call(editor::attendanceRows);
        assertEquals(members, attendance.size(), attendance.toString());
        assertTrue(attendance.stream().allMatch(r -> r.get(2).equals("не отмечено")), attendance.toString());
        assertEquals("нет: присутствуют 0 из " + members + ", требуется " + required, UiThread.call(editor::quorumText));
        assertEquals("Не принято", decisionRow(editor).get(9).split(":")[0]);

        // the first member's attendance through the cell's combo, as a person picks it
        UiThread.run(() -> {
            var viewer = editor.attendanceViewer();
            viewer.editElement(viewer.getElementAt(0), 2);
            org.eclipse.swt.custom.CCombo combo = null;
            for (var child : viewer.getTable().getChildren()) {
                if (child instanceof org.eclipse.swt.custom.CCombo c && !c.isDisposed()) {
                    combo = c;
                }
            }
            assertNotNull(combo, "no combo in the attendance cell");
            combo.select(0); // присутствует
            combo.notifyListeners(SWT.DefaultSelection, new Event());
        });
        UiThread.drain();
        assertEquals(1, UiThread.call(() -> editor.meeting().getAttendance().size()), "the attendance is created by the edit");
        assertEquals("нет: присутствуют 1 из " + members + ", требуется " + required, UiThread.call(editor::quorumText));
        // one short of the quorum, then the quorum (one undo step each)
        for (int i = 1; i < required; i++) {
            int row = i;
            UiThread.run(() -> editor.setMode(editor.meeting().eContainer() instanceof WorkingGroup g
                    ? g.getMembers().get(row) : null, AttendanceMode.PRESENT));
            UiThread.drain();
        }
        assertEquals("есть: присутствуют " + required + " из " + members + ", требуется " + required,
                UiThread.call(editor::quorumText));
        // one more member is recorded absent: counted as a member, not present
        if (required < members) {
            UiThread.run(() -> editor.setMode(((WorkingGroup) editor.meeting().eContainer()).getMembers().get(required),
                    AttendanceMode.ABSENT));
            UiThread.drain();
            assertEquals("Отсутствовал", UiThread.call(editor::attendanceRows).get(required).get(2));
            assertTrue(UiThread.call(editor::quorumText).startsWith("есть: присутствуют " + required + " "));
        }

        // the decision's votes typed in its cells: 1 for, 2 against — not adopted; then all present for
        Object decision = UiThread.call(() -> editor.agendaViewer().getTree().getItem(0).getItem(0).getData());
        assertTrue(decision instanceof Decision);
        UiThread.typeInCell(editor.agendaViewer(), decision, 4, "1");
        UiThread.typeInCell(editor.agendaViewer(), decision, 5, "2");
        assertEquals(List.of("1", "2", "0"), decisionRow(editor).subList(4, 7));
        assertEquals("Не принято", decisionRow(editor).get(9).split(":")[0], decisionRow(editor).toString());
        UiThread.typeInCell(editor.agendaViewer(), decision, 5, "много");
        assertTrue(UiThread.call(editor::messageText).contains("«много» — не число голосов"), UiThread.call(editor::messageText));
        assertEquals("2", decisionRow(editor).get(5), "bad input stores nothing");
        UiThread.typeInCell(editor.agendaViewer(), decision, 5, "0");
        UiThread.typeInCell(editor.agendaViewer(), decision, 4, Integer.toString(required));
        assertEquals("Принято", decisionRow(editor).get(9).split(":")[0], decisionRow(editor).toString());
        assertTrue(UiThread.call(editor::isDirty));

        // undo: back to 1 for (not adopted); redo: adopted again
        command("org.eclipse.ui.edit.undo");
        assertEquals("1", decisionRow(editor).get(4));
        assertEquals("Не принято", decisionRow(editor).get(9).split(":")[0]);
        command("org.eclipse.ui.edit.redo");
        assertEquals(Integer.toString(required), decisionRow(editor).get(4));
        assertEquals("Принято", decisionRow(editor).get(9).split(":")[0]);
        UiThread.run(() -> page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_MAXIMIZED));
        UiThread.drain();
        UiThread.call(() -> Screenshots.save(window(), "meeting-editor"));
        UiThread.run(() -> page().setPartState(page().getReference(editor), IWorkbenchPage.STATE_RESTORED));

        // save with a comment
        saveWithComment("Тест: заседание " + NUMBER + " — явка и голоса");
        UiThread.waitUntil("the meeting saved (the editor not dirty)", () -> !editor.isDirty());
        try (OkoRepository fresh = OkoRepository.connect(
                RepositoryConnection.repository().orElseThrow().embeddedServer().orElseThrow(), "проверка")) {
            var view = fresh.openView();
            Decision stored = (Decision) view.getObject(decisionId);
            assertEquals(List.of(required, 0, 0), List.of(stored.getVotesFor(), stored.getVotesAgainst(), stored.getVotesAbstained()));
            Meeting meeting = (Meeting) view.getObject(meetingId);
            assertEquals(required + (required < members ? 1 : 0), meeting.getAttendance().size());
            assertEquals(required, meeting.getAttendance().stream().filter(a -> a.getMode() == AttendanceMode.PRESENT).count());
            view.close();
        }

        // the working group view lists the meeting, protocol due
        WorkingGroupView groups = UiThread.call(() -> (WorkingGroupView) page().showView(WorkingGroupView.ID));
        UiThread.waitUntil("the working group view lists the meeting " + NUMBER, () -> groups.rows().stream()
                .anyMatch(r -> r.get(0).contains(NUMBER) && r.get(2).equals("проведено, протокол в работе")));
        List<List<String>> groupRows = UiThread.call(groups::rows);
        assertTrue(groupRows.stream().anyMatch(r -> r.get(2).startsWith("заседаний в " + LocalDate.now().getYear() + " году: ")),
                groupRows.toString());
        UiThread.call(() -> Screenshots.save(window(), "working-group-view"));

        // «Сформировать протокол» from the meeting editor
        UiThread.run(() -> page().activate(editor));
        command(ProtocolHandler.COMMAND);
        UiThread.waitForJobs("the protocol made", ProtocolHandler.FAMILY, Duration.ofSeconds(120));
        UiThread.waitUntil("the protocol document opened", () -> {
            IEditorPart active = page().getActiveEditor();
            return active != null && active != editor && active.getEditorInput().getName().contains("Протокол");
        });
        UiThread.waitUntil("the view shows the protocol done", () -> groups.rows().stream()
                .anyMatch(r -> r.get(0).contains(NUMBER) && r.get(2).equals("проведено, протокол оформлен")));
        UiThread.waitUntil("the editor shows the stored protocol", () -> editor.protocolText().contains("протокол:"));
        assertFalse(UiThread.call(editor::isDirty), "the editor took in the commit without edits of its own");
        UiThread.call(() -> Screenshots.save(window(), "meeting-protocol-made"));

        // read back in a fresh session: the protocol document and the plan item closed by it
        try (OkoRepository fresh = OkoRepository.connect(
                RepositoryConnection.repository().orElseThrow().embeddedServer().orElseThrow(), "проверка")) {
            var view = fresh.openView();
            Meeting meeting = (Meeting) view.getObject(meetingId);
            Document protocol = meeting.getProtocol();
            assertNotNull(protocol, "the meeting's protocol is stored");
            assertEquals(DocumentKind.PROTOCOL, protocol.getKind());
            assertFalse(protocol.getAttachments().isEmpty(), "the PDF is attached");
            PlanItem item = (PlanItem) view.getObject(ids[3]);
            assertEquals(MeasureStatus.DONE, item.getStatus());
            assertNotNull(item.getCompletionDate());
            assertTrue(item.getResultDocuments().stream().map(d -> CDOUtil.getCDOObject(d).cdoID())
                    .anyMatch(CDOUtil.getCDOObject(protocol).cdoID()::equals), "the protocol is the item's result");
            view.close();
        }
        // the plan table shows the item done, on today, with the protocol as its result
        CDOID planId = read(ids[3], o -> {
            EObject plan = o;
            while (plan != null && !(plan instanceof oko.model.Plan)) {
                plan = plan.eContainer();
            }
            return CDOUtil.getCDOObject(plan).cdoID();
        });
        String itemName = read(ids[3], o -> ((PlanItem) o).getName().replace('\n', ' ').replaceAll("\\s+", " ").strip());
        UiThread.run(() -> navigator.open(navigator.editing().transaction().getObject(planId)));
        UiThread.waitUntil("the plan table opened", () -> page().getActiveEditor() instanceof oko.ui.internal.editors.TableEditor t
                && !t.cellTexts().isEmpty());
        var plan = UiThread.call(() -> (oko.ui.internal.editors.TableEditor) page().getActiveEditor());
        UiThread.waitUntil("the plan item «" + itemName + "» shown done", () -> plan.cellTexts().stream()
                .anyMatch(r -> r.get(1).equals(itemName) && r.get(5).equals("выполнено")));
        List<String> row = UiThread.call(() -> plan.cellTexts().stream().filter(r -> r.get(1).equals(itemName)).findFirst()
                .orElseThrow());
        assertEquals(LocalDate.now().format(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")), row.get(6), row.toString());
        assertTrue(row.get(7).contains("Протокол"), row.toString());
        UiThread.call(() -> Screenshots.save(window(), "plan-table-state"));

        List<OkoRepository.Change> history = read(meetingId, o -> RepositoryConnection.repository().orElseThrow()
                .history(CDOUtil.getCDOObject(o)));
        assertTrue(history.get(0).comment().startsWith("Сформирован протокол"), history.toString());
        UiThread.run(() -> page().closeAllEditors(false));
    }
}
