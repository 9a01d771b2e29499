package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.AgendaItem;
import oko.model.Attachment;
import oko.model.Attendance;
import oko.model.AttendanceMode;
import oko.model.Decision;
import oko.model.Document;
import oko.model.DocumentKind;
import oko.model.DocumentStatus;
import oko.model.MajorityBasis;
import oko.model.Meeting;
import oko.model.MeetingForm;
import oko.model.MeetingStatus;
import oko.model.Membership;
import oko.model.MeasureStatus;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Person;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.ProtocolSignatory;
import oko.model.QualitySystem;
import oko.model.TieBreak;
import oko.model.VoteChoice;
import oko.model.WorkingGroup;
import oko.model.WorkingGroupRole;
import oko.model.WorkingGroupRules;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.protocols.Protocols;
import oko.repository.OkoRepository;

/**
 * The protocol of a working group meeting worked out by hand: a group of 7 (chair, deputy, secretary,
 * four members) under seed 004's rules (quorum half the members, exactly half counting; simple
 * majority of those present; a tie decided by the one presiding; remote participation allowed;
 * signed by the one presiding and the secretary). Meeting № 3 of 14.03.2025: the chair presides; present
 * the chair, the secretary, one member in person and one remotely (4 of 7, at least 4 needed: quorum);
 * absent the deputy and two members; one invited person. Agenda: 1. two decisions, 3–1–0 (adopted)
 * and a 2–2 tie with the one presiding for (adopted); 2. one decision 1–2–1 (not adopted) with a
 * dissenting opinion. The PDF's text (pdftotext) and the DOCX's paragraphs (POI) hold every section,
 * name and vote line; {@link Protocols#store} stores the PDF as the meeting's protocol document with
 * its SHA-256 and closes the plan item, and storing twice keeps one document.
 */
class ProtocolTest {

    private static final Path OUT = Path.of("target", "protocols");
    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final LocalDate HELD = LocalDate.of(2025, 3, 14);

    private static Date date(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    private static Person person(String last, String first, String middle) {
        Person person = F.createPerson();
        person.setLastName(last);
        person.setFirstName(first);
        person.setMiddleName(middle);
        person.setName(last + " " + first + " " + middle);
        return person;
    }

    private static Membership member(WorkingGroup group, Person person, WorkingGroupRole role) {
        Membership member = F.createMembership();
        member.setPerson(person);
        member.setRole(role);
        group.getMembers().add(member);
        return member;
    }

    private static void attend(Meeting meeting, Membership member, AttendanceMode mode) {
        Attendance attendance = F.createAttendance();
        attendance.setMember(member);
        attendance.setMode(mode);
        meeting.getAttendance().add(attendance);
    }

    private static Decision decision(AgendaItem item, String text, int yes, int no, int abstained, VoteChoice presiding) {
        Decision decision = F.createDecision();
        decision.setName(text);
        decision.setVotesFor(yes);
        decision.setVotesAgainst(no);
        decision.setVotesAbstained(abstained);
        decision.setPresidingVote(presiding);
        item.getDecisions().add(decision);
        return decision;
    }

    /** The hand-worked meeting (see the class comment) in a new system of {@code model}; its plan item to close. */
    static Meeting meeting(ModelRoot model) {
        QualitySystem system = F.createQualitySystem();
        system.setCode("test-msoko");
        system.setName("МСОКО района");
        model.getQualitySystems().add(system);
        List<Person> people = List.of(person("Иванова", "Мария", "Петровна"), person("Сидоров", "Олег", "Николаевич"),
                person("Петров", "Сергей", "Иванович"), person("Кузнецова", "Анна", "Викторовна"),
                person("Смирнов", "Павел", "Андреевич"), person("Орлова", "Елена", "Юрьевна"),
                person("Волков", "Игорь", "Семёнович"), person("Лебедева", "Ольга", "Ивановна"));
        Plan plan = F.createPlan();
        plan.setName("План мероприятий");
        PlanItem item = F.createPlanItem();
        item.setNumber("2.1");
        item.setName("Заседание рабочей группы по итогам мониторинга");
        item.setResult("протокол заседания рабочей группы");
        item.setStatus(MeasureStatus.PLANNED);
        plan.getItems().add(item);
        system.getPlans().add(plan);
        WorkingGroup group = F.createWorkingGroup();
        group.setName("Рабочая группа по мониторингу эффективности руководителей");
        system.getWorkingGroups().add(group);
        WorkingGroupRules rules = F.createWorkingGroupRules();
        rules.setQuorumFraction(0.5);
        rules.setQuorumInclusive(true);
        rules.setMajorityBasis(MajorityBasis.PRESENT);
        rules.setTieBreak(TieBreak.PRESIDING);
        rules.setRemoteParticipationAllowed(true);
        rules.setProtocolDeadline(5);
        rules.getSignatories().addAll(List.of(ProtocolSignatory.PRESIDING, ProtocolSignatory.SECRETARY));
        group.setRules(rules);
        Membership chair = member(group, people.get(0), WorkingGroupRole.CHAIR);
        Membership deputy = member(group, people.get(1), WorkingGroupRole.DEPUTY_CHAIR);
        Membership secretary = member(group, people.get(2), WorkingGroupRole.SECRETARY);
        Membership inPerson = member(group, people.get(3), WorkingGroupRole.MEMBER);
        Membership remote = member(group, people.get(4), WorkingGroupRole.MEMBER);
        Membership absent1 = member(group, people.get(5), WorkingGroupRole.MEMBER);
        Membership absent2 = member(group, people.get(6), WorkingGroupRole.MEMBER);
        Meeting meeting = F.createMeeting();
        meeting.setNumber("3");
        meeting.setDate(date(HELD));
        meeting.setPlace("г. Ишимбай, ул. Губкина, 18, каб. 12");
        meeting.setForm(MeetingForm.MIXED);
        meeting.setStatus(MeetingStatus.HELD);
        meeting.setSecretary(secretary);
        group.getMeetings().add(meeting);
        attend(meeting, chair, AttendanceMode.PRESENT);
        attend(meeting, deputy, AttendanceMode.ABSENT);
        attend(meeting, secretary, AttendanceMode.PRESENT);
        attend(meeting, inPerson, AttendanceMode.PRESENT);
        attend(meeting, remote, AttendanceMode.REMOTE);
        attend(meeting, absent1, AttendanceMode.ABSENT);
        attend(meeting, absent2, AttendanceMode.ABSENT);
        meeting.getInvitedPersons().add(people.get(7));
        model.getPersons().addAll(people);
        AgendaItem first = F.createAgendaItem();
        first.setName("Об итогах муниципального мониторинга эффективности руководителей за 2024 год");
        first.setHeard("информацию об итогах мониторинга по 12 показателям");
        first.getSpeakers().add(people.get(3));
        first.setDiscussion("Смирнов П.А. предложил включить в анализ данные ГИА-9.");
        first.getPlanItems().add(item);
        meeting.getAgendaItems().add(first);
        decision(first, "Принять к сведению итоги мониторинга.", 3, 1, 0, VoteChoice.FOR);
        decision(first, "Включить в анализ данные ГИА-9.", 2, 2, 0, VoteChoice.FOR);
        AgendaItem second = F.createAgendaItem();
        second.setName("О проекте адресных рекомендаций");
        second.setHeard("Петров С.И. о проекте рекомендаций руководителям");
        meeting.getAgendaItems().add(second);
        Decision third = decision(second, "Направить рекомендации без доработки.", 1, 2, 1, VoteChoice.AGAINST);
        third.setDissentingOpinions("Кузнецова А.В.: рекомендации следует согласовать с руководителями.");
        meeting.getClosedPlanItems().add(item);
        return meeting;
    }

    private static ModelRoot plainModel() {
        ModelRoot model = F.createModelRoot();
        new org.eclipse.emf.ecore.resource.impl.ResourceSetImpl().createResource(
                org.eclipse.emf.common.util.URI.createURI("memory:/protocol.xmi")).getContents().add(model);
        return model;
    }

    /** Every text in order: each found after the previous one. */
    private static void assertInOrder(String text, String... expected) {
        int from = 0;
        for (String part : expected) {
            int at = text.indexOf(part, from);
            assertTrue(at >= 0, "\"" + part + "\" missing (after position " + from + ") in: " + text);
            from = at + part.length();
        }
    }

    /** The sections, names and vote lines of the protocol, as they follow each other. */
    private static final String[] EXPECTED = {
            "Протокол заседания рабочей группы № 3", "Рабочая группа по мониторингу эффективности руководителей",
            "14.03.2025", "г. Ишимбай, ул. Губкина, 18, каб. 12", "Форма проведения:", "Смешанная",
            "Председательствующий:", "Иванова Мария Петровна — председатель", "Секретарь:", "Петров Сергей Иванович",
            "Присутствовали:", "Иванова Мария Петровна", "Петров Сергей Иванович — секретарь",
            "Кузнецова Анна Викторовна — член рабочей группы", "дистанционно:", "Смирнов Павел Андреевич",
            "Отсутствовали:", "Сидоров Олег Николаевич — заместитель председателя", "Орлова Елена Юрьевна",
            "Волков Игорь Семёнович", "Приглашённые:", "Лебедева Ольга Ивановна", "Кворум:",
            "присутствуют 4 из 7 членов рабочей группы (необходимо не менее 4), кворум имеется",
            "Повестка дня:", "1.", "Об итогах муниципального мониторинга эффективности руководителей за 2024 год", "2.",
            "О проекте адресных рекомендаций",
            "1. Об итогах муниципального мониторинга", "Слушали:", "Кузнецова Анна Викторовна: информацию об итогах мониторинга",
            "Выступили:", "Смирнов П.А. предложил включить в анализ данные ГИА-9.", "Решили:",
            "1.1. Принять к сведению итоги мониторинга.", "Голосовали: за — 3, против — 1, воздержались — 0.",
            "Решение принято.", "1.2. Включить в анализ данные ГИА-9.", "Голосовали: за — 2, против — 2, воздержались — 0.",
            "Решение принято.", "2. О проекте адресных рекомендаций", "Слушали:", "Петров С.И. о проекте рекомендаций",
            "Решили:", "Направить рекомендации без доработки.", "Голосовали: за — 1, против — 2, воздержались — 1.",
            "Решение не принято.", "Особое мнение:", "Кузнецова А.В.: рекомендации следует согласовать с руководителями.",
            "Председательствующий", "М.П. Иванова", "Секретарь", "С.И. Петров" };

    @Test
    void thePdfHoldsEverySectionNameAndVoteInOrder() throws Exception {
        Meeting meeting = meeting(plainModel());
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve("protocol-3.pdf");
        Files.write(pdf, Protocols.render(meeting, Format.PDF));
        String text = Tools.oneLine(Tools.run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
        assertInOrder(text, EXPECTED);
        assertEquals(2, text.split("Решение принято\\.", -1).length - 1, text);
        assertEquals(1, text.split("Решение не принято\\.", -1).length - 1, text);
        assertTrue(text.contains("____ М.П. Иванова") || text.matches(".*Председательствующий _+ М\\.П\\. Иванова.*"), text);
        // a page to look at
        Tools.run("pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("protocol-page").toString());
        assertTrue(Files.list(OUT).anyMatch(f -> f.getFileName().toString().matches("protocol-page-0*1\\.png")), "PNG");
    }

    /** Every paragraph of the Word document, those of its (nested) tables too, spaces collapsed. */
    private static List<String> paragraphs(byte[] docx) throws Exception {
        List<String> paragraphs = new ArrayList<>();
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(new ByteArrayInputStream(docx))) {
            // in the document's order: paragraphs and tables as they follow each other
            for (var element : document.getBodyElements()) {
                if (element instanceof org.apache.poi.xwpf.usermodel.XWPFParagraph paragraph) {
                    paragraphs.add(Tools.oneLine(paragraph.getText()).strip());
                } else if (element instanceof org.apache.poi.xwpf.usermodel.XWPFTable table) {
                    tableParagraphs(table, paragraphs);
                }
            }
        }
        paragraphs.removeIf(String::isEmpty);
        return paragraphs;
    }

    private static void tableParagraphs(org.apache.poi.xwpf.usermodel.XWPFTable table, List<String> paragraphs) {
        for (var row : table.getRows()) {
            for (var cell : row.getTableCells()) {
                for (var element : cell.getBodyElements()) {
                    if (element instanceof org.apache.poi.xwpf.usermodel.XWPFParagraph paragraph) {
                        paragraphs.add(Tools.oneLine(paragraph.getText()).strip());
                    } else if (element instanceof org.apache.poi.xwpf.usermodel.XWPFTable nested) {
                        tableParagraphs(nested, paragraphs);
                    }
                }
            }
        }
    }

    @Test
    void theDocxParagraphsHoldEverySectionNameAndVote() throws Exception {
        Meeting meeting = meeting(plainModel());
        byte[] docx = Protocols.render(meeting, Format.DOCX);
        Files.createDirectories(OUT);
        Files.write(OUT.resolve("protocol-3.docx"), docx);
        List<String> paragraphs = paragraphs(docx);
        assertInOrder(String.join(" | ", paragraphs), EXPECTED);
        for (String line : List.of("Голосовали: за — 3, против — 1, воздержались — 0.",
                "Голосовали: за — 2, против — 2, воздержались — 0.", "Голосовали: за — 1, против — 2, воздержались — 1.",
                "Протокол заседания рабочей группы № 3", "Решение не принято.", "Решили:", "Повестка дня:")) {
            assertTrue(paragraphs.contains(line), "no paragraph \"" + line + "\" in " + paragraphs);
        }
        assertEquals(2, paragraphs.stream().filter("Решение принято."::equals).count(), paragraphs.toString());
    }

    @Test
    void inEnglishTheLabelsComeFromTheLayoutsProperties() throws Exception {
        java.util.Locale before = java.util.Locale.getDefault();
        java.util.Locale.setDefault(java.util.Locale.ENGLISH);
        try {
            Path pdf = OUT.resolve("protocol-3-en.pdf");
            Files.createDirectories(OUT);
            Files.write(pdf, Protocols.render(meeting(plainModel()), Format.PDF));
            String text = Tools.oneLine(Tools.run("pdftotext", "-layout", "-enc", "UTF-8", pdf.toString(), "-"));
            assertInOrder(text, "Minutes of the working group meeting No. 3", "Presiding:", "Present:", "Absent:", "Invited:",
                    "present: 4 of 7 members (at least 4 required): quorum", "Agenda:", "Heard:", "Spoke:", "Decided:",
                    "Voted: for: 3, against: 1, abstained: 0.", "The decision is adopted.", "The decision is not adopted.",
                    "Dissenting opinion:", "Presiding", "М.П. Иванова", "Secretary", "С.И. Петров");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void storeKeepsThePdfAsTheMeetingsProtocolClosesThePlanItemAndStoringTwiceUpdates(@TempDir Path dir) throws Exception {
        try (OkoRepository repository = OkoRepository.openEmbedded(dir.resolve("data"), "test", line -> { })) {
            CDOTransaction setup = repository.openTransaction();
            meeting(OkoRepository.newModel(setup, "district", "Район"));
            repository.commit(setup, "setup", new NullProgressMonitor());
            setup.close();

            // the meeting as a read-only view shows it (the workbench's selection), stored in a transaction
            CDOView view = repository.openView();
            Meeting shown = ((ModelRoot) OkoRepository.roots(view).get(0)).getQualitySystems().get(0).getWorkingGroups()
                    .get(0).getMeetings().get(0);
            CDOTransaction transaction = repository.openTransaction();
            Document document = Protocols.store(transaction, shown, null, HELD.plusDays(3), null);
            String storedNumber = document.getNumber();
            repository.commit(transaction, "protocol", new NullProgressMonitor());
            transaction.close();

            CDOTransaction check = repository.openTransaction();
            QualitySystem system = ((ModelRoot) OkoRepository.roots(check).get(0)).getQualitySystems().get(0);
            Meeting meeting = system.getWorkingGroups().get(0).getMeetings().get(0);
            Document stored = meeting.getProtocol();
            assertEquals(List.of(stored), system.getDocuments().stream().filter(d -> d.getKind() == DocumentKind.PROTOCOL).toList());
            assertEquals("3", stored.getNumber());
            assertEquals("Протокол заседания рабочей группы № 3", stored.getName());
            assertEquals(date(HELD.plusDays(3)), stored.getDate());
            assertEquals(DocumentStatus.DRAFT, stored.getStatus());
            assertEquals(1, stored.getAttachments().size());
            Attachment pdf = stored.getAttachments().get(0);
            assertEquals("application/pdf", pdf.getMediaType());
            assertEquals("protokol-3.pdf", pdf.getFileName());
            assertEquals(pdf.getContent().length, pdf.getSize());
            assertEquals(sha256(pdf.getContent()), pdf.getSha256());
            assertTrue(pdf.getSha256().matches("[0-9a-f]{64}"), pdf.getSha256());
            assertTrue(new String(pdf.getContent(), 0, 5, StandardCharsets.ISO_8859_1).startsWith("%PDF-"), "a PDF");
            PlanItem item = system.getPlans().get(0).getItems().get(0);
            assertEquals(MeasureStatus.DONE, item.getStatus());
            assertEquals(List.of(stored), item.getResultDocuments());
            assertEquals(date(HELD.plusDays(3)), item.getCompletionDate());
            assertEquals("3", storedNumber, "store() returns the stored document");

            // the plan report shows the item done on that day with its protocol
            Files.createDirectories(OUT);
            Path plan = OUT.resolve("plan-with-protocol.pdf");
            try (var out = Files.newOutputStream(plan)) {
                Reports.render(Reports.catalogue(null).stream().filter(l -> l.id().equals("plan")).findFirst().orElseThrow(),
                        Format.PDF, Map.of("system", "test-msoko"), List.of(system), out, null);
            }
            String planText = Tools.oneLine(Tools.run("pdftotext", "-enc", "UTF-8", plan.toString(), "-"));
            for (String cell : List.of("Заседание рабочей группы по итогам мониторинга", "протокол заседания рабочей группы",
                    "Протокол заседания рабочей группы № 3 (17.03.2025)", "выполнено 17.03.2025")) {
                assertTrue(planText.contains(cell), "plan report lacks \"" + cell + "\": " + planText);
            }
            assertTrue(!planText.contains("не начато") && !planText.contains("просрочено"), planText);

            // again, approved and numbered: the same document and attachment, updated
            byte[] first = pdf.getContent();
            Document again = Protocols.store(check, meeting, "3-П", HELD.plusDays(4), DocumentStatus.APPROVED);
            repository.commit(check, "protocol again", new NullProgressMonitor());
            assertSame(stored, again);
            assertEquals(1, system.getDocuments().stream().filter(d -> d.getKind() == DocumentKind.PROTOCOL).count());
            assertEquals(1, stored.getAttachments().size());
            assertSame(pdf, stored.getAttachments().get(0));
            assertEquals("3-П", stored.getNumber());
            assertEquals(DocumentStatus.APPROVED, stored.getStatus());
            assertEquals(sha256(pdf.getContent()), pdf.getSha256());
            assertEquals(List.of(stored), item.getResultDocuments());
            assertTrue(first.length > 1000, "first PDF " + first.length + " bytes");
            check.close();
            view.close();
        }
    }

    @Test
    void aMeetingOutsideAGroupIsRefusedByNumberAndNothingIsStored() {
        Meeting lone = F.createMeeting();
        lone.setNumber("7");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> Protocols.store(lone, null, null, null));
        assertTrue(refused.getMessage().contains("№ 7"), refused.getMessage());
        assertEquals(null, lone.getProtocol());
    }
}
