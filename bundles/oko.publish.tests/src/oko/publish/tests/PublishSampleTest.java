package oko.publish.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.core.validation.OkoValidation;
import oko.model.Attachment;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.publish.SitePublisher;
import oko.publish.SitePublisher.Options;
import oko.publish.SitePublisher.PublishedFile;
import oko.publish.SitePublisher.Result;

/** Publishes the sample's systems and checks the site: valid, linked, the seeds' texts in place, deterministic, private. */
class PublishSampleTest {

    static final String ISHIMBAY = "ishimbay-msoko";
    static final String KRASNOGORSK = "krasnogorsk-msoko";
    static final Options NO_REPORTS = new Options(false);

    @TempDir
    Path temp;

    static Result publish(QualitySystem system, Path out) throws Exception {
        return SitePublisher.publish(system, null, out, NO_REPORTS, new NullProgressMonitor());
    }

    @Test
    void ishimbaySiteIsWellFormedLinkedAndAccessible() throws Exception {
        Result result = publish(new Sample().system(ISHIMBAY), temp);
        SiteChecks checks = new SiteChecks(result);
        assertTrue(checks.pages().containsAll(List.of("index.html", "techmap.html", "roles.html", "plan.html",
                "documents.html", "monitoring.html", "direction-1.1.html", "direction-1.2.html", "direction-2.5.html")),
                checks.pages().toString());
        checks.linksResolve();
        checks.headingsInOrder();
        checks.tablesAndImagesAccessible();
        assertTrue(Files.isRegularFile(temp.resolve("style.css")));
        String css = Files.readString(temp.resolve("style.css"));
        assertTrue(css.contains("@media (max-width") && css.contains("@media print"), "narrow and print styles");
    }

    @Test
    void krasnogorskSiteIsWellFormedLinkedAndAccessible() throws Exception {
        Result result = publish(new Sample().system(KRASNOGORSK), temp);
        SiteChecks checks = new SiteChecks(result);
        checks.linksResolve();
        checks.headingsInOrder();
        checks.tablesAndImagesAccessible();
        // seed 004: the plan of measures, its items and the working group
        String plan = checks.text("plan.html");
        assertTrue(plan.contains("План мероприятий по проведению муниципального мониторинга эффективности деятельности "
                + "руководителей образовательных организаций на 2021 год"), plan);
        assertTrue(plan.contains("Формирование нормативно-правого обеспечения"), plan);
        String index = checks.text("index.html");
        assertTrue(index.contains("Муниципальный мониторинг эффективности деятельности руководителей образовательных "
                + "организаций"), index);
    }

    @Test
    void seedTextsAreOnTheirPages() throws Exception {
        Result result = publish(new Sample().system(ISHIMBAY), temp);
        SiteChecks checks = new SiteChecks(result);
        String index = checks.text("index.html");
        assertTrue(index.contains("Система оценки качества подготовки обучающихся"), index);
        assertTrue(index.contains("Система организации воспитания и социализации обучающихся"), index);
        String direction = checks.text("direction-1.2.html");
        assertTrue(direction.contains("Система работы со школами с низкими результатами обучения"), "direction name");
        assertTrue(direction.contains("Совершенствование предметных компетенций педагогических работников в ШНОР и ШНСУ."),
                "goal 3 of direction 1.2");
        assertTrue(direction.contains("развитие взаимодействия с родителями"), "recommendation 7 of direction 1.2");
        assertTrue(direction.contains("кадровые решения"), "measure 3 of direction 1.2");
        assertFalse(checks.text("direction-1.1.html").contains("кадровые решения"), "a measure of 1.2 on 1.1's page");
        String techmap = checks.text("techmap.html");
        assertTrue(techmap.contains("осуществление мониторинга по установленным муниципальным показателям"), techmap);
        String documents = checks.text("documents.html");
        assertTrue(documents.contains("О совершенствовании муниципальных механизмов управления качеством образования "
                + "в Ишимбайском районе"), documents);
        assertTrue(documents.contains("№1048") && documents.contains("05.07.2021"), documents);
        Document order = result.documentPaths().keySet().stream().filter(d -> "№1048".equals(d.getNumber())).findFirst()
                .orElseThrow();
        assertTrue(result.documentPaths().get(order).startsWith("documents.html#doc-"), result.documentPaths().get(order));
    }

    /**
     * Every file but the direction pages that carry a drawn cycle diagram: those are the subject of
     * {@link #directionPagesWithDrawnDiagramsAreByteIdentical}, disabled for a known defect.
     */
    @Test
    void twoRunsAreByteIdentical() throws Exception {
        Sample sample = new Sample();
        Result first = publish(sample.system(ISHIMBAY), temp.resolve("a"));
        Result second = publish(new Sample().system(ISHIMBAY), temp.resolve("b"));
        List<String> diagrams = List.of("direction-1.2.html");
        assertEquals(first.files().stream().map(PublishedFile::path).toList(),
                second.files().stream().map(PublishedFile::path).toList());
        for (PublishedFile file : first.files()) {
            if (!diagrams.contains(file.path())) {
                assertArrayEquals(Files.readAllBytes(temp.resolve("a").resolve(file.path())),
                        Files.readAllBytes(temp.resolve("b").resolve(file.path())), file.path());
            }
        }
        String manifest = Files.readString(temp.resolve("a/manifest.json"));
        for (PublishedFile file : first.files()) {
            assertTrue(manifest.contains("{\"path\": \"" + file.path() + "\", \"size\": " + file.size()
                    + ", \"sha256\": \"" + file.sha256() + "\"}"), file.path());
        }
        List<String> paths = first.files().stream().map(PublishedFile::path).toList();
        assertEquals(paths.stream().sorted().toList(), paths, "sorted");
        // publishing the same objects again into the same folder changes nothing
        Result again = publish(sample.system(ISHIMBAY), temp.resolve("a"));
        assertEquals(List.of(), again.changed());
        assertEquals(first.files(), again.files());
    }

    /**
     * The cycle diagram drawn from the description for a model loaded twice (two resource sets, as
     * two processes reading one repository) is the same byte for byte: the interpreter's edges do
     * not follow object identity (was: same size, different bytes).
     */
    @Test
    void directionPagesWithDrawnDiagramsAreByteIdentical() throws Exception {
        publish(new Sample().system(ISHIMBAY), temp.resolve("a"));
        publish(new Sample().system(ISHIMBAY), temp.resolve("b"));
        assertArrayEquals(Files.readAllBytes(temp.resolve("a/direction-1.2.html")),
                Files.readAllBytes(temp.resolve("b/direction-1.2.html")));
    }

    @Test
    void filesNoLongerWrittenAreRemovedOthersKept() throws Exception {
        Sample sample = new Sample();
        publish(sample.system(ISHIMBAY), temp);
        Files.writeString(temp.resolve("mine.txt"), "the operator's own file");
        assertTrue(Files.isRegularFile(temp.resolve("direction-1.3.html")));
        Result result = publish(sample.system(KRASNOGORSK), temp);
        assertFalse(Files.exists(temp.resolve("direction-1.3.html")), "a page of the previous run");
        assertTrue(result.removed().contains("direction-1.3.html"), result.removed().toString());
        assertTrue(Files.isRegularFile(temp.resolve("mine.txt")), "a file Oko did not write");
        assertTrue(Files.isRegularFile(temp.resolve("direction-2.2.html")));
    }

    @Test
    void singleSchoolValuesOnlyWhenTheSystemAllows() throws Exception {
        Sample sample = new Sample();
        QualitySystem system = sample.system(ISHIMBAY);
        Result hidden = publish(system, temp.resolve("hidden"));
        String monitoring = new SiteChecks(hidden).text("monitoring.html");
        assertTrue(monitoring.contains("Медиана") && monitoring.contains("Муниципалитет в целом"), monitoring);
        assertTrue(monitoring.contains("2023 год"), "the latest analysed period");
        // 2023, indicator 1.2.1.1: the small cluster has one school with a value; its median and mean
        // are withheld, and so are the other clusters' means (they would give it away by difference)
        assertTrue(monitoring.contains("Средние значения и доли по кластерам не показываются"), monitoring);
        for (String school : List.of("МБОУ СОШ № 1 г. Ишимбая", "МБОУ СОШ с. Сосновка", "МБОУ ООШ д. Горная")) {
            assertFalse(monitoring.contains(school), school);
        }
        system.setPublishSchoolValues(true);
        Result shown = publish(system, temp.resolve("shown"));
        String withSchools = new SiteChecks(shown).text("monitoring.html");
        for (String school : List.of("МБОУ СОШ № 1 г. Ишимбая", "МБОУ СОШ с. Сосновка", "МБОУ ООШ д. Горная")) {
            assertTrue(withSchools.contains(school), school);
        }
        assertFalse(withSchools.contains("Средние значения и доли по кластерам не показываются"), withSchools);
    }

    @Test
    void attachmentsAreCopiedAndLinked() throws Exception {
        Sample sample = new Sample();
        QualitySystem system = sample.system(ISHIMBAY);
        Document order = documents(system).stream().filter(d -> "№1048".equals(d.getNumber())).findFirst().orElseThrow();
        byte[] content = "%PDF-1.4 приказ 1048".getBytes(StandardCharsets.UTF_8);
        Attachment attachment = OkoFactory.eINSTANCE.createAttachment();
        attachment.setFileName("Приказ №1048 от 05.07.2021.pdf");
        attachment.setMediaType("application/pdf");
        attachment.setSize(content.length);
        attachment.setContent(content);
        order.getAttachments().add(attachment);
        Result result = publish(system, temp);
        String path = result.documentPaths().get(order);
        assertTrue(path.startsWith("files/") && path.endsWith(".pdf"), path);
        assertArrayEquals(content, Files.readAllBytes(temp.resolve(path)));
        String documents = Files.readString(temp.resolve("documents.html"));
        assertTrue(documents.contains("href=\"" + path + "\""), documents);
        new SiteChecks(result).linksResolve();
    }

    @Test
    void recordedLinksSatisfyDoc01() throws Exception {
        Sample sample = new Sample();
        QualitySystem system = sample.system(ISHIMBAY);
        Document order = documents(system).stream().filter(d -> "№1048".equals(d.getNumber())).findFirst().orElseThrow();
        order.setStatus(DocumentStatus.PUBLISHED);
        order.setPublicationLink(null);
        order.setPublicationDate(null);
        assertTrue(doc01(system).contains(order), "OKO-DOC-01 before publishing");
        Result result = publish(system, temp);
        int changed = SitePublisher.recordLinks(result, "https://edu.example.ru/msoko/");
        assertEquals(result.documentPaths().size(), changed);
        assertEquals("https://edu.example.ru/msoko/" + result.documentPaths().get(order), order.getPublicationLink());
        assertNotNull(order.getPublicationDate());
        assertEquals(List.of(), doc01(system));
        // recording again changes nothing
        assertEquals(0, SitePublisher.recordLinks(result, "https://edu.example.ru/msoko"));
        Map<Document, String> paths = result.documentPaths();
        for (Document document : paths.keySet()) {
            assertTrue(document.getStatus() == DocumentStatus.PUBLISHED || document.getStatus() == DocumentStatus.APPROVED);
        }
        assertNull(documents(system).stream().filter(d -> d.getStatus() == DocumentStatus.DRAFT)
                .map(Document::getPublicationLink).filter(l -> l != null && l.startsWith("https://edu.example.ru"))
                .findFirst().orElse(null), "a draft got a link");
    }

    static List<Document> documents(QualitySystem system) {
        List<Document> result = new java.util.ArrayList<>();
        system.eAllContents().forEachRemaining(o -> {
            if (o instanceof Document d) {
                result.add(d);
            }
        });
        return result;
    }

    private static List<EObject> doc01(QualitySystem system) {
        return OkoValidation.validate(List.of(system.eContainer()), new NullProgressMonitor()).stream()
                .filter(p -> "OKO-DOC-01".equals(p.ruleId())).map(OkoValidation.Problem::object)
                .filter(o -> org.eclipse.emf.ecore.util.EcoreUtil.isAncestor(system, o))
                .collect(Collectors.toList());
    }
}
