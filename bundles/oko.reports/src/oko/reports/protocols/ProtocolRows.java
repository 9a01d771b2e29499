package oko.reports.protocols;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.IUpdatableDataSetRow;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.eventadapter.ScriptedDataSetEventAdapter;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.core.meetings.MeetingRules;
import oko.model.AgendaItem;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.Meeting;
import oko.model.Membership;
import oko.model.Person;
import oko.model.ProtocolSignatory;
import oko.model.QualitySystem;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;
import oko.model.edit.ModelLabels;
import oko.reports.Reports;

/**
 * The scripted data sets of the protocol layout ({@code layouts/meeting-protocol.rptdesign}), one
 * class for the four of them, told apart by the data set's name:
 * <ul>
 * <li>{@code meeting} (one row): {@code number, group, date, place, form, presiding, presidingRole,
 * secretary, present, remote, absent, invited, members, presentCount, required, quorum} (yes/no);</li>
 * <li>{@code agenda}: {@code number, title} per agenda item;</li>
 * <li>{@code items}: per decision of each agenda item (one row with {@code decision} empty for an
 * item without decisions) {@code itemKey, item, heard, discussion, decision, votesFor,
 * votesAgainst, votesAbstained, outcome} (adopted / rejected / empty), {@code dissent};</li>
 * <li>{@code signatures}: {@code role} (a {@link ProtocolSignatory} literal), {@code name}
 * («И.О. Фамилия»).</li>
 * </ul>
 * The meeting is the one in the app context ({@link Reports#MODEL}: the meeting, or a collection
 * holding it); else, over quality systems, the one the parameters {@code meeting} (its number) and
 * {@code group} (the working group's name, when more than one has a meeting of that number) choose.
 */
public final class ProtocolRows extends ScriptedDataSetEventAdapter {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private List<Map<String, Object>> rows = List.of();
    private int next;

    @Override
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        Meeting meeting = meeting(context.getAppContext().get(Reports.MODEL), text(context.getParameterValue("meeting")),
                text(context.getParameterValue("group")));
        rows = switch (dataSet.getName()) {
        case "meeting" -> List.of(head(meeting));
        case "agenda" -> agenda(meeting);
        case "items" -> items(meeting);
        case "signatures" -> signatures(meeting);
        default -> throw new ScriptException(Messages.bind(Messages.unknownDataSet, dataSet.getName()));
        };
        next = 0;
    }

    @Override
    public boolean fetch(IDataSetInstance dataSet, IUpdatableDataSetRow row) throws ScriptException {
        if (next >= rows.size()) {
            return false;
        }
        for (Map.Entry<String, Object> column : rows.get(next++).entrySet()) {
            row.setColumnValue(column.getKey(), column.getValue());
        }
        return true;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /** The meeting the report is about (see the class comment). */
    static Meeting meeting(Object model, String number, String group) throws ScriptException {
        if (model instanceof Meeting meeting) {
            return meeting;
        }
        List<QualitySystem> systems = new ArrayList<>();
        if (model instanceof Collection<?> many) {
            for (Object element : many) {
                if (element instanceof Meeting meeting) {
                    return meeting;
                }
                if (element instanceof QualitySystem system) {
                    systems.add(system);
                }
            }
        } else if (model instanceof QualitySystem system) {
            systems.add(system);
        }
        if (number == null) {
            throw new ScriptException(Messages.noMeeting);
        }
        List<Meeting> found = Protocols.find(systems, number, group);
        if (found.size() != 1) {
            throw new ScriptException(found.isEmpty() ? Messages.bind(Messages.meetingNotFound, number, group == null ? "—" : group)
                    : Messages.bind(Messages.meetingAmbiguous, number, found.stream().map(m -> ((WorkingGroup) m.eContainer()).getName())
                            .collect(Collectors.joining("; "))));
        }
        return found.get(0);
    }

    private static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return row;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll(" *\\n *", "\n").strip();
    }

    private static Map<String, Object> head(Meeting meeting) {
        WorkingGroup group = meeting.eContainer() instanceof WorkingGroup g ? g : null;
        Membership presiding = MeetingRules.presiding(meeting);
        List<Membership> present = MeetingRules.present(meeting);
        List<Membership> remote = present.stream().filter(m -> mode(meeting, m) == AttendanceMode.REMOTE).toList();
        List<Membership> inPerson = present.stream().filter(m -> !remote.contains(m)).toList();
        List<Membership> absent = group == null ? List.of()
                : group.getMembers().stream().filter(m -> !present.contains(m)).toList();
        MeetingRules.Quorum quorum = MeetingRules.quorum(meeting);
        Membership secretary = secretary(meeting);
        return row("number", meeting.getNumber(), "group", group == null ? "" : clean(group.getName()), "date",
                meeting.getDate() == null ? "" : DATE.format(Protocols.localDate(meeting.getDate())), "place",
                clean(meeting.getPlace()), "form", meeting.getForm() == null ? "" : ModelLabels.literal(meeting.getForm()),
                "presiding", presiding == null ? "" : fullName(presiding.getPerson()), "presidingRole",
                presiding == null ? "" : role(presiding), "secretary", secretary == null ? "" : fullName(secretary.getPerson()),
                "present", members(inPerson), "remote", members(remote), "absent", members(absent), "invited",
                meeting.getInvitedPersons().stream().map(ProtocolRows::fullName).collect(Collectors.joining("\n")),
                "members", quorum.members(), "presentCount", quorum.present(), "required", quorum.required(), "quorum",
                quorum.reached() ? "yes" : "no");
    }

    private static AttendanceMode mode(Meeting meeting, Membership member) {
        return meeting.getAttendance().stream().filter(a -> a.getMember() == member).map(a -> a.getMode()).findFirst()
                .orElse(null);
    }

    /** The meeting's secretary, else the group's. */
    private static Membership secretary(Meeting meeting) {
        if (meeting.getSecretary() != null) {
            return meeting.getSecretary();
        }
        return meeting.eContainer() instanceof WorkingGroup group ? group.getMembers().stream()
                .filter(m -> m.getRole() == WorkingGroupRole.SECRETARY).findFirst().orElse(null) : null;
    }

    private static String members(List<Membership> members) {
        return members.stream().map(m -> fullName(m.getPerson()) + (role(m).isEmpty() ? "" : " — " + role(m)))
                .collect(Collectors.joining("\n"));
    }

    /** The member's position in the group («председатель рабочей группы»), else the role's name. */
    private static String role(Membership member) {
        if (member.getPositionText() != null && !member.getPositionText().isBlank()) {
            return clean(member.getPositionText());
        }
        return member.getRole() == null ? "" : ModelLabels.literal(member.getRole()).toLowerCase(java.util.Locale.ROOT);
    }

    /** «Фамилия Имя Отчество»: the parts when given, else the name. */
    static String fullName(Person person) {
        if (person == null) {
            return "";
        }
        if (person.getLastName() != null && !person.getLastName().isBlank()) {
            return clean(String.join(" ", person.getLastName(), person.getFirstName() == null ? "" : person.getFirstName(),
                    person.getMiddleName() == null ? "" : person.getMiddleName()));
        }
        return clean(person.getName());
    }

    /** «И.О. Фамилия» as a protocol is signed: from the parts, else from the name «Фамилия Имя Отчество». */
    static String initials(Person person) {
        if (person == null) {
            return "";
        }
        String last = person.getLastName();
        String first = person.getFirstName();
        String middle = person.getMiddleName();
        if (last == null || last.isBlank()) {
            String[] words = clean(person.getName()).split("\\s+");
            if (words.length < 2 || words[1].endsWith(".")) {
                return clean(person.getName());
            }
            last = words[0];
            first = words[1];
            middle = words.length > 2 ? words[2] : null;
        }
        StringBuilder name = new StringBuilder();
        for (String given : new String[] { first, middle }) {
            if (given != null && !given.isBlank()) {
                name.append(given.strip().charAt(0)).append('.');
            }
        }
        return (name + " " + last.strip()).strip();
    }

    private static List<Map<String, Object>> agenda(Meeting meeting) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int index = 0;
        for (AgendaItem item : meeting.getAgendaItems()) {
            rows.add(row("number", number(item.getNumber(), ++index), "title", clean(item.getName())));
        }
        return rows;
    }

    private static String number(String number, int index) {
        String text = number == null || number.isBlank() ? Integer.toString(index) : number.strip();
        return text.endsWith(".") ? text : text + ".";
    }

    private static List<Map<String, Object>> items(Meeting meeting) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int index = 0;
        for (AgendaItem item : meeting.getAgendaItems()) {
            String itemNumber = number(item.getNumber(), ++index);
            String key = String.format("%04d", index);
            String heard = clean(item.getHeard());
            String speakers = item.getSpeakers().stream().map(ProtocolRows::fullName).collect(Collectors.joining(", "));
            if (!speakers.isEmpty()) {
                heard = heard.isEmpty() ? speakers : speakers + ": " + heard;
            }
            Object[] common = { "itemKey", key, "item", itemNumber + " " + clean(item.getName()), "heard", heard,
                    "discussion", clean(item.getDiscussion()) };
            if (item.getDecisions().isEmpty()) {
                rows.add(row(concat(common, "decision", "", "votesFor", "", "votesAgainst", "", "votesAbstained", "",
                        "outcome", "", "dissent", "")));
            }
            int decisionIndex = 0;
            for (Decision decision : item.getDecisions()) {
                decisionIndex++;
                String text = clean(decision.getDescription()).isEmpty() ? clean(decision.getName())
                        : clean(decision.getName()).isEmpty() ? clean(decision.getDescription())
                        : clean(decision.getName()) + "\n" + clean(decision.getDescription());
                String prefix = item.getDecisions().size() > 1 || decision.getNumber() != null && !decision.getNumber().isBlank()
                        ? (decision.getNumber() == null || decision.getNumber().isBlank() ? itemNumber + decisionIndex + "."
                                : number(decision.getNumber(), decisionIndex)) + " "
                        : "";
                MeetingRules.Outcome outcome = MeetingRules.outcome(decision);
                rows.add(row(concat(common, "decision", prefix + text, "votesFor", decision.getVotesFor(), "votesAgainst",
                        decision.getVotesAgainst(), "votesAbstained", decision.getVotesAbstained(), "outcome",
                        outcome.adopted() ? "adopted" : "rejected", "dissent", clean(decision.getDissentingOpinions()))));
            }
        }
        return rows;
    }

    private static Object[] concat(Object[] first, Object... second) {
        Object[] all = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    /** The signatories the rules name (the one presiding and the secretary when they name none), each once. */
    private static List<Map<String, Object>> signatures(Meeting meeting) {
        WorkingGroup group = meeting.eContainer() instanceof WorkingGroup g ? g : null;
        List<ProtocolSignatory> signatories = group == null || group.getRules() == null
                || group.getRules().getSignatories().isEmpty()
                        ? List.of(ProtocolSignatory.PRESIDING, ProtocolSignatory.SECRETARY)
                        : group.getRules().getSignatories();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Membership> signed = new ArrayList<>();
        for (ProtocolSignatory signatory : signatories) {
            List<Membership> who = switch (signatory) {
            case PRESIDING -> single(MeetingRules.presiding(meeting));
            case SECRETARY -> single(secretary(meeting));
            case CHAIR -> group == null ? List.of()
                    : group.getMembers().stream().filter(m -> m.getRole() == WorkingGroupRole.CHAIR).limit(1).toList();
            case MEMBERS_PRESENT -> MeetingRules.present(meeting);
            };
            for (Membership member : who) {
                if (!signed.contains(member)) {
                    signed.add(member);
                    rows.add(row("role", signatory.getName(), "name", initials(member.getPerson())));
                }
            }
        }
        return rows;
    }

    private static List<Membership> single(Membership member) {
        return member == null ? List.of() : List.of(member);
    }
}
