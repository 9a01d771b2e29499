package oko.reports.protocols;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.ecore.EObject;

import oko.core.meetings.MeetingRules;
import oko.core.plan.PlanExecution;
import oko.model.Attachment;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.DocumentStatus;
import oko.model.Meeting;
import oko.model.OkoFactory;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.WorkingGroup;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * The protocol of a working group's meeting («Протокол заседания рабочей группы № …»), headless:
 * <ul>
 * <li>{@link #render(Meeting, Format, OutputStream)} / {@link #render(Meeting, Format)} — the meeting's
 * protocol in PDF or DOCX (also HTML, XLSX) from the layout {@value #LAYOUT}
 * ({@code oko.reports/layouts/meeting-protocol.rptdesign}, in the user's language); nothing is changed;</li>
 * <li>{@link #store(CDOTransaction, Meeting, String, LocalDate, DocumentStatus)} — renders the PDF and,
 * inside the given transaction (not committed here), creates or updates the meeting's protocol
 * {@link Document}: kind {@code PROTOCOL}, number (given, else the meeting's number), date (given,
 * else today), status (given, else {@code DRAFT}), name «Протокол заседания рабочей группы № N»,
 * one PDF {@link Attachment} (file name, media type, size, SHA-256 in lower-case hex, the bytes);
 * the document is kept in the documents of the group's quality system, becomes
 * {@code meeting.protocol}, and closes the plan items {@link MeetingRules#closedItems(Meeting)} on
 * its date ({@link PlanExecution#close}). Storing again updates the same document and attachment,
 * never adds a second one. When rendering fails nothing is changed.</li>
 * </ul>
 * The workbench (action «Сформировать протокол») and {@code ./oko meeting protocol} call these.
 */
public final class Protocols {

    /** The layout's id in the catalogue ({@code ./oko report list}). */
    public static final String LAYOUT = "protocol";
    /** The media type of the stored protocol. */
    public static final String PDF = "application/pdf";

    private Protocols() {
    }

    /** The protocol layout contributed by this bundle. */
    public static Layout layout() {
        String file = "layouts/meeting-protocol.rptdesign";
        URL design = org.eclipse.core.runtime.Platform.getBundle("oko.reports").getEntry(file);
        return new Layout(LAYOUT, null, design, "oko.reports/" + file, design == null ? "oko.reports/" + file + ": no such file" : null);
    }

    /**
     * Writes the meeting's protocol in that format to {@code out} (not closed).
     *
     * @throws IOException when the protocol cannot be made or written; its message names the meeting
     */
    public static void render(Meeting meeting, Format format, OutputStream out) throws IOException {
        List<Object> model = new ArrayList<>();
        model.add(meeting);
        QualitySystem system = system(meeting);
        if (system != null) {
            model.add(system); // the report's authority
        }
        try {
            Reports.render(layout(), format, Map.of(), model, out, null);
        } catch (EngineException | RuntimeException e) {
            throw new IOException(Messages.bind(Messages.renderFailed, meeting.getNumber(), e.getMessage()), e);
        }
    }

    /** The meeting's protocol in that format, as bytes. */
    public static byte[] render(Meeting meeting, Format format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        render(meeting, format, bytes);
        return bytes.toByteArray();
    }

    /**
     * Renders the protocol to PDF and stores it in {@code transaction} (see the class comment); the
     * meeting may come from another view of the same repository. The caller commits.
     *
     * @param number the protocol's number, {@code null} for the meeting's number
     * @param date   the protocol's date, {@code null} for today
     * @param status the protocol's status, {@code null} for {@code DRAFT}
     * @return the protocol document, an object of {@code transaction}
     * @throws IOException              when the protocol cannot be rendered (nothing is changed)
     * @throws IllegalArgumentException when the meeting is not in the transaction's repository, not in a
     *                                  working group, or the group not in a quality system
     */
    public static Document store(CDOTransaction transaction, Meeting meeting, String number, LocalDate date,
            DocumentStatus status) throws IOException {
        CDOObject object = CDOUtil.getCDOObject(meeting);
        Meeting inTransaction = meeting;
        if (object.cdoView() != transaction) {
            EObject found = object.cdoID() == null ? null : transaction.getObject(object.cdoID(), true);
            if (!(found instanceof Meeting)) {
                throw new IllegalArgumentException(Messages.bind(Messages.notInTransaction, meeting.getNumber(), transaction));
            }
            inTransaction = (Meeting) found;
        }
        return store(inTransaction, number, date, status);
    }

    /**
     * As {@link #store(CDOTransaction, Meeting, String, LocalDate, DocumentStatus)} on a meeting that
     * may be changed where it is (an object of a transaction, or of a plain resource set).
     */
    public static Document store(Meeting meeting, String number, LocalDate date, DocumentStatus status) throws IOException {
        if (!(meeting.eContainer() instanceof WorkingGroup group)) {
            throw new IllegalArgumentException(Messages.bind(Messages.notInGroup, meeting.getNumber()));
        }
        QualitySystem system = system(meeting);
        if (system == null) {
            throw new IllegalArgumentException(Messages.bind(Messages.notInSystem, group.getName()));
        }
        byte[] pdf = render(meeting, Format.PDF);
        LocalDate day = date == null ? LocalDate.now() : date;
        String protocolNumber = number == null || number.isBlank() ? meeting.getNumber() : number.strip();
        Document document = meeting.getProtocol();
        if (document == null) {
            document = OkoFactory.eINSTANCE.createDocument();
            system.getDocuments().add(document);
            meeting.setProtocol(document);
        } else if (document.eContainer() == null) {
            system.getDocuments().add(document);
        }
        document.setKind(DocumentKind.PROTOCOL);
        document.setNumber(protocolNumber);
        document.setName(Messages.bind(Messages.documentName, protocolNumber));
        document.setDate(date(day));
        document.setStatus(status == null ? DocumentStatus.DRAFT : status);
        Attachment attachment = document.getAttachments().stream().filter(a -> PDF.equals(a.getMediaType())).findFirst()
                .orElse(null);
        if (attachment == null) {
            attachment = OkoFactory.eINSTANCE.createAttachment();
            document.getAttachments().add(attachment);
        }
        attachment.setFileName(Messages.bind(Messages.fileName, protocolNumber.replaceAll("[^\\p{L}\\p{N}._-]+", "_")));
        attachment.setMediaType(PDF);
        attachment.setSize(pdf.length);
        attachment.setSha256(oko.core.documents.Attachments.sha256(pdf));
        attachment.setContent(pdf);
        for (PlanItem item : MeetingRules.closedItems(meeting)) {
            PlanExecution.close(item, document, day);
        }
        return document;
    }

    /** The quality system keeping the meeting's group, or null. */
    static QualitySystem system(Meeting meeting) {
        for (EObject container = meeting.eContainer(); container != null; container = container.eContainer()) {
            if (container instanceof QualitySystem system) {
                return system;
            }
        }
        return null;
    }

    /**
     * The meetings of these systems' working groups with that number, of the group whose name (or
     * CDO id) is {@code group} when given (the name matched ignoring case and spaces, or contained in it).
     */
    public static List<Meeting> find(List<QualitySystem> systems, String number, String group) {
        List<Meeting> found = new ArrayList<>();
        for (QualitySystem system : systems) {
            for (WorkingGroup candidate : system.getWorkingGroups()) {
                if (group != null && !matches(candidate, group)) {
                    continue;
                }
                for (Meeting meeting : candidate.getMeetings()) {
                    if (number.strip().equals(meeting.getNumber() == null ? null : meeting.getNumber().strip())) {
                        found.add(meeting);
                    }
                }
            }
        }
        return found;
    }

    /** Whether the group is the one named: its name (ignoring case and spaces, whole or part) or its CDO id. */
    public static boolean matches(WorkingGroup group, String given) {
        String name = group.getName() == null ? "" : group.getName().replaceAll("\\s+", " ").strip().toLowerCase();
        String wanted = given.replaceAll("\\s+", " ").strip().toLowerCase();
        if (!wanted.isEmpty() && name.contains(wanted)) {
            return true;
        }
        CDOObject object = CDOUtil.getCDOObject(group);
        return object != null && object.cdoID() != null && given.strip().equals(object.cdoID().toURIFragment());
    }

    static LocalDate localDate(Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
