package oko.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.birt.core.framework.Platform;
import org.eclipse.birt.report.engine.api.DocxRenderOption;
import org.eclipse.birt.report.engine.api.EngineConfig;
import org.eclipse.birt.report.engine.api.EngineConstants;
import org.eclipse.birt.report.engine.api.EngineException;
import org.eclipse.birt.report.engine.api.HTMLRenderOption;
import org.eclipse.birt.report.engine.api.IGetParameterDefinitionTask;
import org.eclipse.birt.report.engine.api.IParameterDefnBase;
import org.eclipse.birt.report.engine.api.IParameterSelectionChoice;
import org.eclipse.birt.report.engine.api.IReportEngine;
import org.eclipse.birt.report.engine.api.IReportEngineFactory;
import org.eclipse.birt.report.engine.api.IReportRunnable;
import org.eclipse.birt.report.engine.api.IRunAndRenderTask;
import org.eclipse.birt.report.engine.api.IScalarParameterDefn;
import org.eclipse.birt.report.engine.api.PDFRenderOption;
import org.eclipse.birt.report.engine.api.RenderOption;
import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.ILog;

import oko.model.QualitySystem;

/**
 * Oko's reports on the BIRT engine: one engine per process, started on first use inside OSGi, with
 * the DejaVu fonts shipped in this bundle mapped for every generic family so that Cyrillic is
 * right and embedded in PDF; the catalogue of layouts (contributed through
 * {@code oko.reports.layouts}, plus the {@code .rptdesign} files of a folder); rendering to HTML,
 * PDF, XLSX and DOCX with the model handed to the data sets through the app context.
 */
public final class Reports {

    public static final String EXTENSION_POINT = "oko.reports.layouts";
    /** App-context key of the model element a report is about (a quality system, for instance). */
    public static final String MODEL = "oko.model";
    /** Report parameter: the code of the quality system the data sets report on (the others are left out). */
    public static final String SYSTEM_PARAMETER = "system";
    /** Report parameter: the school whose ВСОКО the data sets report on. */
    public static final String SCHOOL_PARAMETER = "school";

    /** Output formats. */
    public enum Format {
        HTML("html"), PDF("pdf"), XLSX("xlsx"), DOCX("docx");

        public final String extension;

        Format(String extension) {
            this.extension = extension;
        }

        public static Optional<Format> of(String text) {
            for (Format format : values()) {
                if (format.extension.equalsIgnoreCase(text)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    /** A layout of the catalogue: its id, its title, where it comes from, and the problem if it cannot run. */
    public record Layout(String id, String title, URL design, String origin, String problem) {
    }

    private static IReportEngine engine;

    private Reports() {
    }

    /** The engine, started once (about a second). */
    public static synchronized IReportEngine engine() {
        if (engine == null) {
            // the XLSX emitter's POI logs through the Log4j API; in OSGi it finds no provider and says
            // so on stderr: Log4j's own simple logger (errors only) is enough, unless one is configured
            if (System.getProperty("log4j2.loggerContextFactory") == null) {
                System.setProperty("log4j2.loggerContextFactory",
                        "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
            }
            EngineConfig config = new EngineConfig();
            config.setFontConfig(fontConfig());
            @SuppressWarnings("unchecked")
            HashMap<String, Object> context = config.getAppContext();
            // data-set event handlers (oko.reports.data) load through this bundle
            context.put(EngineConstants.APPCONTEXT_CLASSLOADER_KEY, Reports.class.getClassLoader());
            config.setLogConfig(null, java.util.logging.Level.WARNING);
            // the shared library (oko.rptlibrary: the master page with the header and footer) is
            // found there by every layout, contributed or designer-authored
            config.setResourcePath(libraryFolder().toString());
            // a layout's texts per language: NAME_en.properties beside NAME.rptdesign (includeResource);
            // what is not beside the layout (the library) is found in the resource path above
            config.setResourceLocator(new LayoutResources());
            IReportEngineFactory factory = (IReportEngineFactory) Platform
                    .createFactoryObject(IReportEngineFactory.EXTENSION_REPORT_ENGINE_FACTORY);
            if (factory == null) {
                throw new IllegalStateException("BIRT report engine factory not found (is org.eclipse.birt.report.engine installed?)");
            }
            engine = factory.createReportEngine(config);
        }
        return engine;
    }

    /** The file name of the library every layout includes (namespace {@code oko}). */
    public static final String LIBRARY = "oko.rptlibrary";

    /** The folder of this bundle that holds {@link #LIBRARY}. */
    static Path libraryFolder() {
        try {
            URL library = FileLocator.toFileURL(Reports.class.getResource("/layouts/" + LIBRARY));
            return Path.of(library.toURI()).getParent();
        } catch (Exception e) {
            throw new IllegalStateException("the report library of oko.reports cannot be read: " + e, e);
        }
    }

    /** A fonts configuration naming this bundle's DejaVu fonts for every family and for any character. */
    static URL fontConfig() {
        try {
            URL fonts = FileLocator.toFileURL(Reports.class.getResource("/fonts/DejaVuSans.ttf"));
            Path folder = Path.of(fonts.toURI()).getParent();
            String xml = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <font>
                      <font-aliases>
                        <mapping name="serif" font-family="DejaVu Serif"/>
                        <mapping name="sans-serif" font-family="DejaVu Sans"/>
                        <mapping name="monospace" font-family="DejaVu Sans Mono"/>
                        <mapping name="cursive" font-family="DejaVu Sans"/>
                        <mapping name="fantasy" font-family="DejaVu Sans"/>
                      </font-aliases>
                      <composite-font name="all-fonts" font-family="DejaVu Sans">
                        <block name="Basic Latin" range-start="0000" range-end="007f" index="1" font-family="DejaVu Sans"/>
                        <block name="Cyrillic" range-start="0400" range-end="04ff" index="9" font-family="DejaVu Sans"/>
                      </composite-font>
                      <font-paths>
                        <path path="%s"/>
                      </font-paths>
                    </font>
                    """.formatted(folder.toString());
            Path file = Files.createTempFile("oko-fonts", ".xml");
            file.toFile().deleteOnExit();
            Files.writeString(file, xml);
            return file.toUri().toURL();
        } catch (Exception e) {
            throw new IllegalStateException("the report fonts of oko.reports cannot be read: " + e, e);
        }
    }

    /**
     * The catalogue: contributed layouts, then the .rptdesign files of the folder (may be null). A
     * design that does not open is listed with its problem; the others are not affected.
     */
    public static List<Layout> catalogue(Path folder) {
        return catalogue(folder, java.util.Locale.getDefault());
    }

    /** The catalogue with the layouts' titles in that language (their resource files, see docs/reports.md). */
    public static List<Layout> catalogue(Path folder, java.util.Locale locale) {
        List<Layout> layouts = new ArrayList<>();
        var registry = org.eclipse.core.runtime.Platform.getExtensionRegistry();
        for (IConfigurationElement element : registry.getConfigurationElementsFor(EXTENSION_POINT)) {
            String bundle = element.getContributor().getName();
            URL url = org.eclipse.core.runtime.Platform.getBundle(bundle).getEntry(element.getAttribute("file"));
            layouts.add(check(element.getAttribute("id"), url, bundle + "/" + element.getAttribute("file"), locale));
        }
        if (folder != null && Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".rptdesign")).sorted().toList()) {
                    String id = file.getFileName().toString().replaceFirst("\\.rptdesign$", "");
                    layouts.removeIf(l -> l.id().equals(id));
                    layouts.add(check(id, file.toUri().toURL(), file.toString(), locale));
                }
            } catch (IOException e) {
                ILog.of(Reports.class).error(folder + ": " + e.getMessage(), e);
            }
        }
        return layouts;
    }

    private static Layout check(String id, URL design, String origin, java.util.Locale locale) {
        if (design == null) {
            return new Layout(id, null, null, origin, origin + ": no such file");
        }
        try (InputStream in = design.openStream()) {
            IReportRunnable runnable = engine().openReportDesign(origin, in);
            Object title = runnable.getDesignHandle() instanceof org.eclipse.birt.report.model.api.ReportDesignHandle handle
                    ? handle.getExternalizedValue("titleID", "title", locale) : null;
            return new Layout(id, title == null ? null : title.toString(), design, origin, null);
        } catch (Exception e) {
            String problem = origin + ": " + message(e);
            ILog.of(Reports.class).warn(problem);
            return new Layout(id, null, design, origin, problem);
        }
    }

    /** What went wrong, with the line and message of each design error when the design does not parse. */
    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.eclipse.birt.report.model.api.DesignFileException design) {
                List<String> errors = new ArrayList<>();
                for (Object detail : design.getErrorList()) {
                    if (detail instanceof org.eclipse.birt.report.model.api.ErrorDetail error) {
                        errors.add("line " + error.getLineNo() + ": " + error.getMessage());
                    }
                }
                if (!errors.isEmpty()) {
                    return String.join("; ", errors.subList(0, Math.min(5, errors.size())));
                }
            }
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    /** A report parameter: its name, prompt, whether it is required, and the values it may take (empty: any). */
    public record Parameter(String name, String prompt, boolean required, List<Choice> choices) {
    }

    /** A value a parameter may take, with its label. */
    public record Choice(String value, String label) {
    }

    /** The parameters a layout declares, without their selection lists. */
    public static List<Parameter> parameters(Layout layout) throws IOException, EngineException {
        return parameters(layout, null);
    }

    /**
     * The parameters a layout declares; with a model (as for {@link #render}) a parameter whose
     * values come from a data set gets them as its choices.
     */
    public static List<Parameter> parameters(Layout layout, Object model) throws IOException, EngineException {
        try (InputStream in = layout.design().openStream()) {
            return parameters(engine().openReportDesign(layout.origin(), in), model);
        }
    }

    private static List<Parameter> parameters(IReportRunnable runnable, Object model) {
        IGetParameterDefinitionTask task = engine().createGetParameterDefinitionTask(runnable);
        try {
            if (model != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> context = task.getAppContext();
                context.put(MODEL, model);
                context.put(EngineConstants.APPCONTEXT_CLASSLOADER_KEY, Reports.class.getClassLoader());
            }
            List<Parameter> parameters = new ArrayList<>();
            for (Object definition : task.getParameterDefns(false)) {
                if (definition instanceof IScalarParameterDefn scalar) {
                    List<Choice> choices = new ArrayList<>();
                    if (model != null && scalar.getSelectionListType() != IScalarParameterDefn.SELECTION_LIST_NONE) {
                        Collection<?> list = task.getSelectionList(scalar.getName());
                        for (Object item : list == null ? List.of() : list) {
                            IParameterSelectionChoice choice = (IParameterSelectionChoice) item;
                            String value = String.valueOf(choice.getValue());
                            choices.add(new Choice(value, choice.getLabel() == null ? value : choice.getLabel()));
                        }
                    }
                    String prompt = scalar.getPromptText() == null ? scalar.getName() : scalar.getPromptText();
                    parameters.add(new Parameter(scalar.getName(), prompt, scalar.isRequired(), List.copyOf(choices)));
                } else {
                    String name = ((IParameterDefnBase) definition).getName();
                    parameters.add(new Parameter(name, name, false, List.of()));
                }
            }
            return parameters;
        } finally {
            task.close();
        }
    }

    /**
     * Runs the layout and renders it. {@code model} goes to the data sets (app context key
     * {@link #MODEL}); parameters must be ones the layout declares.
     *
     * @throws IllegalArgumentException for an unknown parameter (naming it and the known ones), or a
     *         missing or invalid value of a declared one
     */
    public static void render(Layout layout, Format format, Map<String, String> parameters, Object model,
            OutputStream out, Path htmlImages) throws IOException, EngineException {
        render(layout, format, parameters, model, out, htmlImages, LocalDate.now());
    }

    /**
     * Renders as {@link #render(Layout, Format, Map, Object, OutputStream, Path)} does, with
     * {@code date} as the date in the page header (not today): what a deterministic output (the
     * published site) needs.
     */
    public static void render(Layout layout, Format format, Map<String, String> parameters, Object model,
            OutputStream out, Path htmlImages, LocalDate date) throws IOException, EngineException {
        if (layout.problem() != null) {
            throw new IllegalArgumentException(layout.problem());
        }
        try (InputStream in = layout.design().openStream()) {
            // the design is read once: its parameters are checked on the same runnable that runs
            IReportRunnable runnable = engine().openReportDesign(layout.origin(), in);
            // the choices (a data set run each) matter only to check values given, or to default
            // the system (the school) when the repository has only one
            Map<String, String> values = new LinkedHashMap<>(parameters);
            List<Parameter> names = parameters(runnable, null);
            boolean choose = names.stream().anyMatch(p -> CHOSEN.contains(p.name()) && !parameters.containsKey(p.name()));
            List<Parameter> declared = !parameters.isEmpty() || choose ? parameters(runnable, model) : names;
            for (Parameter parameter : declared) {
                if (CHOSEN.contains(parameter.name()) && !values.containsKey(parameter.name())) {
                    if (parameter.choices().size() != 1) {
                        throw new IllegalArgumentException(layout.id() + ": choose the " + parameter.name() + " (--param "
                                + parameter.name() + "=CODE): " + (parameter.choices().isEmpty() ? "the repository has none"
                                        : "one of " + codes(parameter.choices())));
                    }
                    values.put(parameter.name(), parameter.choices().get(0).value());
                }
            }
            for (Map.Entry<String, String> given : values.entrySet()) {
                Parameter parameter = declared.stream().filter(d -> d.name().equals(given.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(layout.id() + ": no parameter \"" + given.getKey()
                                + "\" (parameters: " + (declared.isEmpty() ? "none"
                                        : String.join(", ", declared.stream().map(Parameter::name).toList())) + ")"));
                List<String> allowed = parameter.choices().stream().map(Choice::value).toList();
                if (!allowed.isEmpty() && !allowed.contains(given.getValue())) {
                    throw new IllegalArgumentException(layout.id() + ": " + parameter.name() + " \"" + given.getValue()
                            + "\" is not one of " + codes(parameter.choices()));
                }
            }
            IRunAndRenderTask task = engine().createRunAndRenderTask(runnable);
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> context = task.getAppContext();
                context.put(MODEL, model);
                context.put(EngineConstants.APPCONTEXT_CLASSLOADER_KEY, Reports.class.getClassLoader());
                task.setLocale(java.util.Locale.getDefault());
                String title = title(runnable, task.getLocale());
                context.put(HEADER_AUTHORITY, authority(model, values));
                context.put(HEADER_TITLE, title);
                context.put(HEADER_DATE, date.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
                values.forEach(task::setParameterValue);
                RenderOption options = switch (format) {
                case HTML -> {
                    HTMLRenderOption html = new HTMLRenderOption();
                    html.setEmbeddable(false);
                    if (htmlImages != null) {
                        html.setImageDirectory(htmlImages.toAbsolutePath().toString());
                    }
                    yield html;
                }
                case PDF -> {
                    PDFRenderOption pdf = new PDFRenderOption();
                    pdf.setEmbededFont(true);
                    yield pdf;
                }
                case DOCX -> new DocxRenderOption();
                case XLSX -> {
                    RenderOption xlsx = new RenderOption();
                    // one sheet for the whole report (not one per page), named after the title below
                    xlsx.setOption("ExcelEmitter.SingleSheet", Boolean.TRUE);
                    yield xlsx;
                }
                };
                options.setOutputFormat(format.extension);
                ByteArrayOutputStream workbook = format == Format.XLSX ? new ByteArrayOutputStream() : null;
                options.setOutputStream(workbook != null ? workbook : out);
                task.setRenderOption(options);
                try {
                    task.run();
                } catch (org.eclipse.birt.report.engine.api.impl.ParameterValidationException invalid) {
                    // a required parameter missing, or a value of the wrong type
                    throw new IllegalArgumentException(layout.id() + ": " + invalid.getMessage(), invalid);
                }
                if (!task.getErrors().isEmpty()) {
                    throw new IllegalStateException(layout.id() + ": " + message((Throwable) task.getErrors().get(0)));
                }
                if (workbook != null) {
                    nameSheets(workbook.toByteArray(), title == null ? layout.id() : title, out);
                }
            } finally {
                task.close();
            }
        }
    }

    /**
     * Renders as {@link #render} does into the file {@code out}: into a temporary file of the same
     * folder first, moved to {@code out} only when the report is complete, so that a failure
     * leaves no partial report (and an earlier file of that name as it was).
     *
     * @throws IOException whose message is one line saying where and why the report could not be
     *                     written (no permission, no such folder, disk full…)
     */
    public static void write(Layout layout, Format format, Map<String, String> parameters, Object model, Path out,
            Path htmlImages) throws IOException, EngineException {
        Path target = out.toAbsolutePath();
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".part");
            try (OutputStream stream = Files.newOutputStream(temp)) {
                render(layout, format, parameters, model, stream, htmlImages);
            }
            try {
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new IOException(Messages.bind(Messages.outputFailed, target, reason(e)), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the temporary file is hidden and named after the report; nothing more to do
                }
            }
        }
    }

    /** Why writing failed, in one line of the user's language where the cause is a common one. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException denied) {
            return Messages.bind(Messages.outputAccessDenied, denied.getFile());
        }
        if (e instanceof java.nio.file.NoSuchFileException missing) {
            return Messages.bind(Messages.outputNoFolder, missing.getFile());
        }
        if (e instanceof java.nio.file.NotDirectoryException | e instanceof java.nio.file.FileAlreadyExistsException) {
            return Messages.bind(Messages.outputNotFolder, ((java.nio.file.FileSystemException) e).getFile());
        }
        String text = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
                ? fs.getFile() + ": " + fs.getReason()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Report parameters that choose what a report is about, defaulted when the repository has one. */
    private static final java.util.Set<String> CHOSEN = java.util.Set.of(SYSTEM_PARAMETER, SCHOOL_PARAMETER);
    /** App-context keys of the page header the library's master page shows. */
    public static final String HEADER_AUTHORITY = "oko.header.authority";
    public static final String HEADER_TITLE = "oko.header.title";
    public static final String HEADER_DATE = "oko.header.date";

    private static String codes(List<Choice> choices) {
        List<String> values = choices.stream().map(Choice::value).toList();
        return String.join(", ", values.subList(0, Math.min(12, values.size()))) + (values.size() > 12 ? ", …" : "");
    }

    /** The design's title in the locale (from its resource bundle when the design externalizes it). */
    static String title(IReportRunnable runnable, java.util.Locale locale) {
        if (runnable.getDesignHandle() instanceof org.eclipse.birt.report.model.api.ModuleHandle module) {
            String title = module.getExternalizedValue(org.eclipse.birt.report.model.api.core.IModuleModel.TITLE_ID_PROP,
                    org.eclipse.birt.report.model.api.core.IModuleModel.TITLE_PROP, locale);
            return title == null || title.isBlank() ? null : title.replaceAll("\\s+", " ").strip();
        }
        return null;
    }

    /**
     * The authority a report is issued by: the organisation running the system the parameters
     * choose (the school of a ВСОКО, the education authority of a МСОКО), else its territory,
     * else the system's own name; empty when the report is not about one system.
     */
    static String authority(Object model, Map<String, String> parameters) {
        List<QualitySystem> systems = new ArrayList<>();
        if (model instanceof QualitySystem system) {
            systems.add(system);
        } else if (model instanceof Collection<?> many) {
            many.stream().filter(QualitySystem.class::isInstance).map(QualitySystem.class::cast).forEach(systems::add);
        }
        String code = parameters.get(SYSTEM_PARAMETER);
        String school = parameters.get(SCHOOL_PARAMETER);
        QualitySystem chosen = systems.stream()
                .filter(s -> code == null || code.equals(s.getCode()))
                .filter(s -> school == null || s.getOrganisation() != null && school.equals(s.getOrganisation().getCode()))
                .findFirst().orElse(null);
        if (chosen == null || code == null && school == null && systems.size() > 1) {
            return "";
        }
        String name = chosen.getOrganisation() != null ? chosen.getOrganisation().getName()
                : chosen.getTerritory() != null ? chosen.getTerritory().getName() : chosen.getName();
        return name == null ? "" : name.replaceAll("\\s+", " ").strip();
    }

    /** Excel's limit on a sheet name. */
    static final int SHEET_NAME = 31;

    /** The title shortened to a sheet name: whole words and "…" when it is longer than Excel allows. */
    public static String sheetName(String title) {
        String name = title.replaceAll("[\\\\/*?:\\[\\]]", " ").replaceAll("\\s+", " ").strip();
        if (name.length() <= SHEET_NAME) {
            return name;
        }
        String cut = name.substring(0, SHEET_NAME - 1);
        int space = cut.lastIndexOf(' ');
        return (space > SHEET_NAME / 2 ? cut.substring(0, space) : cut).strip() + "…";
    }

    /** Writes the workbook with its sheet named after the title (the emitter would cut it at 31 characters). */
    private static void nameSheets(byte[] workbook, String title, OutputStream out) throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(workbook))) {
            String name = sheetName(title);
            for (int i = 0; i < book.getNumberOfSheets(); i++) {
                book.setSheetName(i, i == 0 ? name : sheetName(name.replace("…", "") + " " + (i + 1)));
                // the emitter writes the page numbers of the one page it saw («стр. 1 из 1»): Excel's own
                // fields instead, so that every printed page shows its number and the count
                var footer = book.getSheetAt(i).getFooter();
                String text = footer.getLeft() == null ? "" : footer.getLeft();
                java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("^(\\D*)\\d+(\\D+)\\d+(\\D*)$").matcher(text);
                if (numbers.matches()) {
                    footer.setLeft("");
                    footer.setCenter(numbers.group(1) + "&P" + numbers.group(2) + "&N" + numbers.group(3));
                }
            }
            book.write(out);
        }
    }
}
