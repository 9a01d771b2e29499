package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;

import oko.model.QualitySystem;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * Report names and texts in the user's language: the layouts keep Russian (Oko's default) and
 * take English from NAME_en.properties beside them (BIRT includeResource and text keys).
 */
class ReportLanguagesTest {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    private static Map<String, String> titles(Locale locale) {
        Map<String, String> titles = new TreeMap<>();
        for (Layout layout : Reports.catalogue(null, locale)) {
            titles.put(layout.id(), layout.title());
        }
        return titles;
    }

    @Test
    void theCatalogueNamesTheReportsInTheUsersLanguage() {
        assertEquals(Map.of("roles", "Distribution of functions", "techmap", "Technological map", "plan",
                "Plan of measures", "effectiveness", "Effectiveness of the measures taken", "monitoring",
                "Monitoring results of an indicator", "protocol", "Minutes of a working group meeting", "raci", "Responsibility matrix (RACI)", "directions",
                "Responsibilities of the Coordinator and the executors for the directions of improving the "
                        + "municipal mechanisms of education quality management", "selfanalysis",
                "Self-analysis of the municipal mechanisms of education quality management"),
                titles(Locale.ENGLISH));
        Map<String, String> russian = titles(RUSSIAN);
        assertEquals("Распределение функций", russian.get("roles"));
        assertEquals("Технологическая карта", russian.get("techmap"));
        assertEquals("План мероприятий", russian.get("plan"));
        assertEquals("Протокол заседания рабочей группы", russian.get("protocol"));
        assertEquals("Матрица ответственности (RACI)", russian.get("raci"));
        assertEquals("Эффективность принятых мер", russian.get("effectiveness"));
        assertEquals("Результаты мониторинга по показателю", russian.get("monitoring"));
        assertEquals("Самоанализ муниципальных механизмов управления качеством образования", russian.get("selfanalysis"));
        assertTrue(russian.get("directions").startsWith("Закрепление ответственности Координатора"), russian.get("directions"));
    }

    @Test
    void theReportsTextsFollowTheUsersLanguage() throws Exception {
        QualitySystem system = municipalSystem();
        Layout roles = Reports.catalogue(null).stream().filter(l -> l.id().equals("roles")).findFirst().orElseThrow();
        String english = render(roles, system, Locale.ENGLISH);
        assertTrue(english.contains("Suggested distribution of functions among positions"), english);
        assertTrue(english.contains("Distribution of functions"), english);
        assertFalse(english.contains("Примерное распределение функций по должностям"), english);
        String russian = render(roles, system, RUSSIAN);
        assertTrue(russian.contains("Примерное распределение функций по должностям"), russian);
        assertFalse(russian.contains("Suggested distribution"), russian);
    }

    private static String render(Layout layout, Object model, Locale locale) throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(locale);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Reports.render(layout, Format.HTML, Map.of(), model, out, null);
            return out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        } finally {
            Locale.setDefault(before);
        }
    }

    private static QualitySystem municipalSystem() {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path root = Path.of(System.getProperty("oko.root"));
        set.getResource(URI.createFileURI(root.resolve("bundles/oko.municipal/samples/seeds.xmi").toString()), true);
        EcoreUtil.resolveAll(set);
        List<QualitySystem> systems = new ArrayList<>();
        set.getAllContents().forEachRemaining(o -> {
            if (o instanceof QualitySystem s) {
                systems.add(s);
            }
        });
        return systems.stream().filter(s -> s.getSections().size() > 3).findFirst().orElseThrow();
    }
}
