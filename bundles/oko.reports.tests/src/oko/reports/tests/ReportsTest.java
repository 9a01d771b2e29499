package oko.reports.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.QualitySystem;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;

/**
 * The role distribution report of the sample's municipal system in the four formats: the PDF's text
 * (pdftotext) holds the seed's headers and functions in Cyrillic with the DejaVu fonts embedded,
 * the XLSX's cells hold them too; a broken design in the reports folder is listed with its problem
 * and does not break the catalogue.
 */
class ReportsTest {

    private static final Path OUT = Path.of("target", "reports");

    /** Every quality system of the sample (the seeds and the illustrative monitoring data). */
    static List<QualitySystem> sample() {
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        Path root = Path.of(System.getProperty("oko.root"));
        set.getResource(URI.createFileURI(root.resolve("bundles/oko.municipal/samples/seeds.xmi").toString()), true);
        set.getResource(URI.createFileURI(root.resolve("bundles/oko.municipal/samples/illustrative-monitoring.xmi").toString()), true);
        EcoreUtil.resolveAll(set);
        List<QualitySystem> systems = new ArrayList<>();
        set.getAllContents().forEachRemaining(o -> {
            if (o instanceof QualitySystem s) {
                systems.add(s);
            }
        });
        return systems;
    }

    private static QualitySystem municipalSystem() {
        return sample().stream().filter(s -> s.getSections().size() > 3).findFirst().orElseThrow();
    }

    /** The first words of a model text, as the PDF shows them (spaces collapsed). */
    private static String start(String text, int words) {
        return String.join(" ", java.util.Arrays.stream(text.strip().split("\\s+")).limit(words).toList());
    }

    private static Layout layout(String id, Path folder) {
        return Reports.catalogue(folder).stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static Path render(Layout layout, Format format, Object model) throws Exception {
        return render(layout, format, Map.of(), model);
    }

    private static Path render(Layout layout, Format format, Map<String, String> parameters, Object model) throws Exception {
        Files.createDirectories(OUT);
        Path file = OUT.resolve(layout.id() + "." + format.extension);
        try (OutputStream out = Files.newOutputStream(file)) {
            Reports.render(layout, format, parameters, model, out, OUT.resolve("images"));
        }
        assertTrue(Files.size(file) > 1000, file + " is " + Files.size(file) + " bytes");
        return file;
    }

    private static String oneLine(String text) {
        return text.replace('\u00ad', ' ').replaceAll("\\s+", " ");
    }

    @Test
    void roleDistributionToPdfHasTheSeedsTextsInCyrillicWithEmbeddedFonts() throws Exception {
        QualitySystem system = municipalSystem();
        Path pdf = render(layout("roles", null), Format.PDF, system);
        String text = oneLine(Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        assertTrue(text.contains("Распределение функций"), text.substring(0, Math.min(300, text.length())));
        assertTrue(text.contains("Примерное распределение функций по должностям"), "header");
        FunctionSection section = system.getSections().get(1);
        Function function = section.getFunctions().get(0);
        String firstWords = String.join(" ", java.util.Arrays.copyOf(function.getName().split("\\s+"), 3));
        assertTrue(text.contains(firstWords), "function \"" + firstWords + "\" missing");
        String fonts = Tools.run("pdffonts", pdf.toString());
        assertTrue(fonts.contains("DejaVuSans"), fonts);
        for (String line : fonts.split("\n")) {
            if (line.contains("DejaVu")) {
                assertTrue(line.matches(".*\\byes\\s+yes\\b.*|.*\\byes\\s+yes\\s+(yes|no).*"), "not embedded: " + line);
            }
        }
        Tools.run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("roles-page").toString());
    }

    @Test
    void roleDistributionToHtmlXlsxAndDocx() throws Exception {
        QualitySystem system = municipalSystem();
        Layout roles = layout("roles", null);
        String html = Files.readString(render(roles, Format.HTML, system));
        assertTrue(html.contains("Примерный перечень распорядительных документов"), "html header");
        Path xlsx = render(roles, Format.XLSX, system);
        List<String> cells = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
        }
        assertTrue(cells.contains("Функции в рамках управления качеством образования"), cells.toString());
        String function = system.getSections().get(1).getFunctions().get(0).getName().replaceAll("\\s+", " ").strip();
        assertTrue(cells.stream().anyMatch(c -> c.replaceAll("\\s+", " ").contains(function)), function);
        // the Word document: the title, the table's header and a function row with its roles
        String docx = docxText(render(roles, Format.DOCX, system));
        assertTrue(docx.contains("Распределение функций"), docx);
        assertTrue(docx.contains("Функции в рамках управления качеством образования"), docx);
        assertTrue(docx.contains(function), function + " in " + docx);
        String role = system.getSections().get(1).getFunctions().get(0).getResponsibleRoles().get(0).getName()
                .replaceAll("\\s+", " ").strip();
        assertTrue(docx.contains(role), role + " in " + docx);
    }

    /**
     * The text of a Word document as POI reads it: headers, paragraphs and every table cell (nested
     * tables too, which BIRT writes inside its grids), spaces collapsed.
     */
    static String docxText(Path docx) throws java.io.IOException {
        StringBuilder text = new StringBuilder();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                Files.newInputStream(docx))) {
            document.getHeaderList().forEach(h -> text.append(h.getText()).append(' '));
            document.getParagraphs().forEach(p -> text.append(p.getText()).append(' '));
            document.getTables().forEach(t -> appendTable(t, text));
        }
        return oneLine(text.toString());
    }

    private static void appendTable(org.apache.poi.xwpf.usermodel.XWPFTable table, StringBuilder text) {
        for (var row : table.getRows()) {
            for (var cell : row.getTableCells()) {
                cell.getParagraphs().forEach(p -> text.append(p.getText()).append(' '));
                cell.getTables().forEach(nested -> appendTable(nested, text));
            }
        }
    }

    /** Every shipped layout in every format over the whole sample: the seeds' texts in the PDF and the XLSX. */
    @Test
    void everyShippedReportRendersTheSeedsTextsInEveryFormat() throws Exception {
        List<QualitySystem> sample = sample();
        oko.model.TechMapRow stage = sample.stream().flatMap(s -> s.getTechnologicalMaps().stream())
                .flatMap(m -> m.getRows().stream()).filter(r -> r.getAction() != null).findFirst().orElseThrow();
        oko.model.Direction direction = sample.stream().flatMap(s -> s.getDirections().stream())
                .filter(d -> !d.getCoordinators().isEmpty()).findFirst().orElseThrow();
        oko.model.PlanItem item = sample.stream().flatMap(s -> s.getPlans().stream()).flatMap(p -> p.getItems().stream())
                .flatMap(i -> i.getChildren().stream()).findFirst().orElseThrow();
        Map<String, List<String>> expected = Map.of(
                "roles", List.of("Примерное распределение функций по должностям",
                        start(municipalSystem().getSections().get(1).getFunctions().get(0).getName(), 4)),
                "techmap", List.of("Действия, необходимые для реализации компонента управленческого цикла",
                        "функциональные обязанности ответственных исполнителей", start(stage.getAction(), 4)),
                "directions", List.of("Направление совершенствования", "Ответственные исполнители",
                        start(direction.getName(), 3)),
                "plan", List.of("Срок исполнения", "Результат исполнения", start(item.getName(), 4)));
        // each layout over the system whose texts it shows (the system is the layouts' parameter)
        Map<String, String> systems = Map.of("roles", municipalSystem().getCode(), "techmap",
                system(stage).getCode(), "directions", system(direction).getCode(), "plan", system(item).getCode());
        for (var entry : expected.entrySet()) {
            Layout layout = layout(entry.getKey(), null);
            Map<String, String> system = Map.of("system", systems.get(entry.getKey()));
            String pdf = oneLine(Tools.run("pdftotext", "-enc", "UTF-8", render(layout, Format.PDF, system, sample).toString(), "-"));
            for (String text : entry.getValue()) {
                assertTrue(pdf.contains(text), entry.getKey() + ".pdf lacks \"" + text + "\"");
            }
            Tools.run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", OUT.resolve(entry.getKey() + ".pdf").toString(),
                    OUT.resolve(entry.getKey() + "-page").toString());
            String html = oneLine(Files.readString(render(layout, Format.HTML, system, sample)));
            assertTrue(html.contains(entry.getValue().get(0)), entry.getKey() + ".html");
            List<String> cells = new ArrayList<>();
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(render(layout, Format.XLSX, system, sample)))) {
                for (Row row : workbook.getSheetAt(0)) {
                    for (Cell cell : row) {
                        cells.add(oneLine(cell.toString()));
                    }
                }
            }
            assertTrue(cells.contains(entry.getValue().get(0)), entry.getKey() + ".xlsx: " + cells.subList(0,
                    Math.min(10, cells.size())));
            String docx = docxText(render(layout, Format.DOCX, system, sample));
            for (String text : entry.getValue()) {
                assertTrue(docx.contains(text), entry.getKey() + ".docx lacks \"" + text + "\": " + docx);
            }
        }
    }

    @Test
    void theEffectivenessOfMeasuresForAPeriodComparesTheTargetedSchoolsWithTheOthers() throws Exception {
        List<QualitySystem> sample = sample();
        Layout layout = layout("effectiveness", null);
        assertEquals(List.of("system", "period"), names(Reports.parameters(layout)));
        oko.model.Measure measure = sample.stream().flatMap(s -> s.getMeasures().stream())
                .filter(m -> !m.getTargetSchools().isEmpty()).findFirst().orElseThrow();
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve("effectiveness.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Reports.render(layout, Format.PDF, Map.of("system", system(measure).getCode(), "period", "2023"), sample, out, null);
        }
        String text = oneLine(Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        assertTrue(text.contains("Эффективность принятых мер"), text);
        assertTrue(text.contains(start(measure.getName(), 3)), "measure missing: " + text);
        assertTrue(text.contains("Эффект (+ лучше)"), text);
        // one row per indicator the measure targets (without values of both periods the changes show "—")
        for (oko.model.Indicator indicator : measure.getTargetIndicators()) {
            assertTrue(text.contains(indicator.getCode() + " " + start(indicator.getName(), 2)), indicator.getCode());
        }
        Tools.run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("effectiveness-page").toString());
        IllegalArgumentException noPeriod = assertThrows(IllegalArgumentException.class,
                () -> Reports.render(layout, Format.PDF, Map.of("system", system(measure).getCode()), sample,
                        new ByteArrayOutputStream(), null));
        assertTrue(noPeriod.getMessage().contains("period"), noPeriod.getMessage());
    }

    @Test
    void theMonitoringReportShowsTheSchoolsOfAnIndicatorByClusterWithRanksAndRiskSchoolsHighlighted() throws Exception {
        List<QualitySystem> sample = sample();
        Layout layout = layout("monitoring", null);
        assertEquals(List.of("system", "indicator", "period"), names(Reports.parameters(layout)));
        // with the model, the parameters offer the indicators and the periods (the latest first)
        List<Reports.Parameter> offered = Reports.parameters(layout, sample).subList(1, 3);
        List<String> indicators = offered.get(0).choices().stream().map(Reports.Choice::value).toList();
        assertTrue(indicators.contains("1.2.1.1"), indicators.toString());
        assertTrue(offered.get(0).choices().stream().anyMatch(c -> c.label().startsWith("1.2.1.1 ") && c.label().length() > 10),
                offered.get(0).choices().toString());
        List<String> periods = offered.get(1).choices().stream().map(Reports.Choice::value).toList();
        assertEquals(sample.stream().map(s -> (oko.model.ModelRoot) s.eContainer()).distinct()
                .flatMap(r -> r.getPeriods().stream()).map(oko.model.Period::getCode).distinct().count(), periods.size(), periods.toString());
        assertEquals("2023", periods.get(0), periods.toString());
        assertTrue(offered.get(1).required());
        // a value outside the list is refused, naming the values it may take
        IllegalArgumentException unknownIndicator = assertThrows(IllegalArgumentException.class, () -> Reports.render(layout,
                Format.PDF, Map.of("system", "ishimbay-msoko", "indicator", "9.9.9", "period", "2023"), sample,
                new ByteArrayOutputStream(), null));
        assertTrue(unknownIndicator.getMessage().contains("\"9.9.9\" is not one of") && unknownIndicator.getMessage()
                .contains("1.2.1.1"), unknownIndicator.getMessage());
        Files.createDirectories(OUT);
        Path pdf = OUT.resolve("monitoring.pdf");
        try (OutputStream out = Files.newOutputStream(pdf)) {
            Reports.render(layout, Format.PDF, Map.of("system", "ishimbay-msoko", "indicator", "1.2.1.1", "period", "2023"), sample, out, null);
        }
        String text = oneLine(Tools.run("pdftotext", "-enc", "UTF-8", pdf.toString(), "-"));
        assertTrue(text.contains("Результаты мониторинга по показателю"), text);
        assertTrue(text.contains("Показатель: 1.2.1.1, Период: 2023"), text);
        assertTrue(text.contains("медиана"), text);
        // the numbers formatted by the layout: the change signed with two decimals, nothing unrounded
        assertTrue(java.util.regex.Pattern.compile("[+-]\\d+[.,]\\d\\d\\b").matcher(text).find(), text);
        assertTrue(!java.util.regex.Pattern.compile("\\d[.,]\\d{5,}").matcher(text).find(), "unrounded: " + text);
        assertTrue(text.contains("все школы: школ"), text);
        // every school with a value for the period appears, with its rank
        oko.model.Period period = sample.stream().map(s -> (oko.model.ModelRoot) s.eContainer()).distinct()
                .flatMap(r -> r.getPeriods().stream()).filter(p -> p.getCode().equals("2023")).findFirst().orElseThrow();
        var result = sample.stream().flatMap(s -> oko.monitoring.MonitoringEngine.compute(s, period).stream())
                .filter(r -> r.indicator().getCode().equals("1.2.1.1") && !r.schools().isEmpty()).findFirst().orElseThrow();
        for (var school : result.schools()) {
            if (school.rank() != null) {
                assertTrue(text.contains(start(school.school().getName(), 2)), school.school().getName());
            }
        }
        Tools.run("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", pdf.toString(), OUT.resolve("monitoring-page").toString());
        // the bar chart is embedded as an image in the PDF…
        String images = Tools.run("pdfimages", "-list", pdf.toString());
        assertTrue(images.lines().skip(2).anyMatch(l -> l.contains("image")), images);
        // …and in HTML it is a PNG beside the page, with bars of both periods in their colours
        Path html = OUT.resolve("monitoring.html");
        Path pictures = OUT.resolve("monitoring-images");
        if (Files.isDirectory(pictures)) {
            try (var old = Files.list(pictures)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(html)) {
            Reports.render(layout, Format.HTML, Map.of("system", "ishimbay-msoko", "indicator", "1.2.1.1", "period", "2023"), sample, out, pictures);
        }
        List<Path> charts;
        try (var files = Files.list(pictures)) {
            charts = files.filter(f -> f.toString().endsWith(".png")).toList();
        }
        assertEquals(1, charts.size(), "chart images: " + charts);
        assertTrue(Files.readString(html).contains(charts.get(0).getFileName().toString()), "the page shows the chart");
        java.awt.image.BufferedImage chart = javax.imageio.ImageIO.read(charts.get(0).toFile());
        assertTrue(chart.getWidth() > 400 && chart.getHeight() > 150, chart.getWidth() + "x" + chart.getHeight());
        assertTrue(pixels(chart, 0x2962A0) > 50, "bars of the period");
        assertTrue(pixels(chart, 0xAABED6) > 50, "bars of the previous period");
    }

    private static QualitySystem system(org.eclipse.emf.ecore.EObject object) {
        for (var o = object; o != null; o = o.eContainer()) {
            if (o instanceof QualitySystem system) {
                return system;
            }
        }
        throw new AssertionError("no system: " + object);
    }

    private static List<String> names(List<Reports.Parameter> parameters) {
        return parameters.stream().map(Reports.Parameter::name).toList();
    }

    private static int pixels(java.awt.image.BufferedImage image, int rgb) {
        int count = 0;
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                count += (image.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return count;
    }

    @Test
    void aBrokenDesignInTheReportsFolderIsListedWithItsProblemAndTheOthersStillRun(@TempDir Path folder)
            throws Exception {
        Files.writeString(folder.resolve("broken.rptdesign"), "<report xmlns=\"http://www.eclipse.org/birt/2005/design\"><body>");
        Files.copy(Path.of(System.getProperty("oko.root")).resolve("bundles/oko.reports/layouts/role-distribution.rptdesign"),
                folder.resolve("my-roles.rptdesign"));
        List<Layout> catalogue = Reports.catalogue(folder);
        Layout broken = catalogue.stream().filter(l -> l.id().equals("broken")).findFirst().orElseThrow();
        assertNotNull(broken.problem());
        assertTrue(broken.problem().contains("broken.rptdesign"), broken.problem());
        Layout mine = catalogue.stream().filter(l -> l.id().equals("my-roles")).findFirst().orElseThrow();
        assertNull(mine.problem());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Reports.render(mine, Format.HTML, Map.of(), municipalSystem(), out, null);
        assertTrue(out.toString(java.nio.charset.StandardCharsets.UTF_8).contains("Распределение функций"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Reports.render(mine, Format.PDF, Map.of("period", "2023"), municipalSystem(), out, null));
        assertTrue(bad.getMessage().contains("\"period\""), bad.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Reports.render(broken, Format.PDF, Map.of(), municipalSystem(), out, null));
    }
}
