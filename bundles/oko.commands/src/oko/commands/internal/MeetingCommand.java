package oko.commands.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.core.meetings.MeetingRules;
import oko.model.Decision;
import oko.model.Document;
import oko.model.Meeting;
import oko.model.QualitySystem;
import oko.model.WorkingGroup;
import oko.reports.Reports.Format;
import oko.reports.protocols.Protocols;
import oko.repository.OkoRepository;

/**
 * {@code ./oko meeting list [--system CODE] [--group NAME|ID]}: the working groups' meetings as TSV
 * (group, number, date, state today, quorum present/required, decisions adopted/total, protocol due
 * date, protocol number); {@code ./oko meeting protocol NUMBER [--group NAME|ID] [--system CODE]
 * --out FILE.pdf|FILE.docx [--store] [--date YYYY-MM-DD]}: the meeting's protocol written to the
 * file, and with {@code --store} stored in the repository as its protocol document (one commit;
 * {@link Protocols#store}).
 */
public final class MeetingCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--store"), Set.of("--system", "--group", "--out", "--date"))
                .expectPositionals(1, 2);
        String action = args.positionals().get(0);
        return switch (action) {
        case "list" -> list(context, args.expectPositionals(1, 1));
        case "protocol" -> protocol(context, args);
        default -> throw new UsageException(Messages.bind(Messages.meetingUnknownAction, action));
        };
    }

    private static int list(CommandContext context, ParsedArguments args) throws UsageException {
        if (args.has("--out") || args.has("--date") || args.has("--store")) {
            throw new UsageException(Messages.bind(Messages.meetingListOption,
                    args.has("--out") ? "--out" : args.has("--date") ? "--date" : "--store"));
        }
        LocalDate today = LocalDate.now();
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = repository.openView();
            try {
                List<WorkingGroup> groups = groups(OkoRepository.roots(view), args);
                context.out().println(Messages.meetingListHeader);
                for (WorkingGroup group : groups) {
                    for (Meeting meeting : group.getMeetings()) {
                        context.out().println(line(group, meeting, today));
                    }
                }
            } finally {
                view.close();
            }
        }
        return OK;
    }

    private static String line(WorkingGroup group, Meeting meeting, LocalDate today) {
        MeetingRules.Quorum quorum = MeetingRules.quorum(meeting);
        int adopted = 0;
        int total = 0;
        for (var item : meeting.getAgendaItems()) {
            for (Decision decision : item.getDecisions()) {
                total++;
                adopted += MeetingRules.outcome(decision).adopted() ? 1 : 0;
            }
        }
        Document protocol = meeting.getProtocol();
        return String.join("\t", tsv(group.getName()), tsv(meeting.getNumber()),
                meeting.getDate() == null ? "" : day(meeting.getDate()).toString(), state(MeetingRules.state(meeting, today)),
                quorum.present() + "/" + quorum.required(), adopted + "/" + total,
                MeetingRules.protocolDue(meeting).map(LocalDate::toString).orElse(""),
                protocol == null ? "" : tsv(protocol.getNumber()));
    }

    private static String state(MeetingRules.MeetingState state) {
        return switch (state) {
        case PLANNED -> Messages.meetingPlanned;
        case DATE_PASSED -> Messages.meetingDatePassed;
        case PROTOCOL_DUE -> Messages.meetingProtocolDue;
        case PROTOCOL_OVERDUE -> Messages.meetingProtocolOverdue;
        case PROTOCOL_DONE -> Messages.meetingProtocolDone;
        case CANCELLED -> Messages.meetingCancelled;
        };
    }

    private static String tsv(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }

    private static LocalDate day(java.util.Date date) {
        return date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }

    /** The working groups of the systems (of that code), of that name or id when given; a code or group that names none is refused. */
    private static List<WorkingGroup> groups(List<EObject> roots, ParsedArguments args) throws UsageException {
        String code = args.value("--system", null);
        String name = args.value("--group", null);
        List<QualitySystem> systems = systems(roots, code);
        List<WorkingGroup> groups = new ArrayList<>();
        for (QualitySystem system : systems) {
            for (WorkingGroup group : system.getWorkingGroups()) {
                if (name == null || Protocols.matches(group, name)) {
                    groups.add(group);
                }
            }
        }
        if (name != null && groups.isEmpty()) {
            throw new UsageException(Messages.bind(Messages.meetingNoGroup, name, code == null ? "—" : code));
        }
        return groups;
    }

    private static List<QualitySystem> systems(List<EObject> roots, String code) throws UsageException {
        List<QualitySystem> systems = OkoRepository.systems(roots).stream()
                .filter(system -> code == null || code.equals(system.getCode())).toList();
        if (code != null && systems.isEmpty()) {
            throw new UsageException(Messages.bind(Messages.reportNoSystem, code));
        }
        return systems;
    }

    private static int protocol(CommandContext context, ParsedArguments args) throws Exception {
        if (args.positionals().size() < 2) {
            throw new UsageException(Messages.meetingNoNumber);
        }
        String number = args.positionals().get(1);
        if (!args.has("--out")) {
            throw new UsageException(Messages.meetingNoOut);
        }
        Path out = Path.of(args.value("--out", "")).toAbsolutePath();
        String file = out.getFileName().toString();
        Format format = Format.of(file.contains(".") ? file.substring(file.lastIndexOf('.') + 1) : "")
                .filter(f -> f == Format.PDF || f == Format.DOCX)
                .orElseThrow(() -> new UsageException(Messages.bind(Messages.meetingBadOut, file)));
        LocalDate date = null;
        if (args.has("--date")) {
            if (!args.has("--store")) {
                throw new UsageException(Messages.meetingDateWithoutStore);
            }
            try {
                date = LocalDate.parse(args.value("--date", ""));
            } catch (DateTimeParseException e) {
                throw new UsageException(Messages.bind(Messages.meetingBadDate, args.value("--date", "")));
            }
        }
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = args.has("--store") ? repository.openTransaction() : repository.openView();
            try {
                List<Meeting> found = new ArrayList<>();
                for (WorkingGroup group : groups(OkoRepository.roots(view), args)) {
                    for (Meeting meeting : group.getMeetings()) {
                        if (number.strip().equals(meeting.getNumber() == null ? null : meeting.getNumber().strip())) {
                            found.add(meeting);
                        }
                    }
                }
                if (found.isEmpty()) {
                    throw new UsageException(Messages.bind(Messages.meetingNotFound, number, args.value("--group", "—")));
                }
                if (found.size() > 1) {
                    throw new UsageException(Messages.bind(Messages.meetingAmbiguous, number, String.join("; ",
                            found.stream().map(m -> tsv(((WorkingGroup) m.eContainer()).getName())).toList())));
                }
                Meeting meeting = found.get(0);
                byte[] bytes;
                Document stored = null;
                try {
                    if (view instanceof CDOTransaction transaction) {
                        stored = Protocols.store(transaction, meeting, null, date, null);
                    }
                    bytes = Protocols.render(meeting, format);
                } catch (IOException | IllegalArgumentException e) {
                    context.err().println(e.getMessage());
                    return FAILED;
                }
                try {
                    write(bytes, out);
                } catch (IOException e) {
                    context.err().println(Messages.bind(Messages.meetingNotWritten, out, e.getMessage()));
                    return FAILED;
                }
                if (stored != null) {
                    if (!Repositories.commit(context, repository, (CDOTransaction) view,
                            Messages.bind(Messages.meetingStoredComment, number))) {
                        return FAILED;
                    }
                    context.out().println(Messages.bind(Messages.meetingStored, number, stored.getNumber()));
                }
                context.out().println(Messages.bind(Messages.meetingWritten, number, out));
            } finally {
                view.close();
            }
        }
        return OK;
    }

    /** Into a temporary file of the folder first, moved over {@code out} when complete. */
    private static void write(byte[] bytes, Path out) throws IOException {
        Files.createDirectories(out.getParent());
        Path temp = Files.createTempFile(out.getParent(), "." + out.getFileName() + "-", ".part");
        try {
            Files.write(temp, bytes);
            Files.move(temp, out, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
