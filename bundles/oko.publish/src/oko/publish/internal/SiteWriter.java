package oko.publish.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.osgi.util.NLS;

import oko.cycle.CycleEvidence;
import oko.model.Attachment;
import oko.model.CycleStage;
import oko.model.Decision;
import oko.model.Direction;
import oko.model.DirectionGroup;
import oko.model.Document;
import oko.model.DocumentStatus;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.Goal;
import oko.model.Indicator;
import oko.model.IndicatorGroup;
import oko.model.Measure;
import oko.model.Meeting;
import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.Role;
import oko.model.RunStatus;
import oko.model.StageKind;
import oko.model.Task;
import oko.model.TechMapRow;
import oko.model.TechnologicalMap;
import oko.model.WorkingGroup;
import oko.model.AgendaItem;
import oko.model.edit.ModelLabels;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.GroupStatistics;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.MonitoringEngine.SchoolResult;
import oko.publish.SitePublisher.Options;
import oko.publish.SitePublisher.PublishedFile;
import oko.publish.SitePublisher.Result;

/** Builds the pages of one system in memory, then writes what changed and removes what is no longer written. */
public final class SiteWriter {

    /** The manifest's file name. */
    public static final String MANIFEST = "manifest.json";
    /** Fewer schools than this in a group: its statistics would reveal single schools' values. */
    static final int MIN_GROUP = 3;

    private static final Pattern MANIFEST_PATH = Pattern.compile("\"path\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Renders the BIRT reports; null when they are not wanted or cannot be rendered. */
    public interface ReportRenderer {
        /** The PDF of the report with that layout id for the system and period, or null when it cannot be rendered. */
        byte[] render(String layout, QualitySystem system, Period period) throws IOException;
    }

    /** Draws the cycle diagram of a direction as SVG markup (one {@code <svg>} element), or returns null. */
    public interface DiagramRenderer {
        /** The diagram and whether it was the stored one; null when there is none. */
        Diagram render(Direction direction);
    }

    /** An SVG diagram and whether it came from a stored diagram. */
    public record Diagram(String svg, boolean stored) {
    }

    private final QualitySystem system;
    private final Period period;
    private final Options options;
    private final ReportRenderer reports;
    private final DiagramRenderer diagrams;
    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<Direction, String> directionPages = new LinkedHashMap<>();
    private final Map<Document, String> documentAnchors = new LinkedHashMap<>();
    private final Map<Document, String> documentPaths = new LinkedHashMap<>();
    private final Names names = new Names();
    private final Names anchors = new Names();
    private final Names fileNames = new Names();
    private final List<String> reportProblems = new ArrayList<>();

    public SiteWriter(QualitySystem system, Period period, Options options, ReportRenderer reports,
            DiagramRenderer diagrams) {
        this.system = system;
        this.period = period != null ? period : latestPeriod(system);
        this.options = options;
        this.reports = reports;
        this.diagrams = diagrams;
    }

    /** Builds every page and file, writes them into {@code out}, and returns what was written. */
    public Result write(Path out, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, NLS.bind(Messages.taskPublish, Formats.name(system)),
                10 + system.getDirections().size());
        for (Direction direction : system.getDirections()) {
            directionPages.put(direction, "direction-" + names.unique(direction.getCode(), "direction") + ".html");
        }
        for (Document document : publishedDocuments()) {
            documentAnchors.put(document, "doc-" + anchors.unique(
                    Formats.blank(document.getNumber()) ? document.getName() : document.getNumber(), "document"));
        }
        files.put("style.css", Styles.css().getBytes(StandardCharsets.UTF_8));
        documents();
        progress.worked(1);
        index();
        progress.worked(1);
        for (Direction direction : system.getDirections()) {
            checkCanceled(progress);
            direction(direction);
            progress.worked(1);
        }
        techmap();
        progress.worked(1);
        roles();
        progress.worked(1);
        plan();
        progress.worked(1);
        monitoring();
        progress.worked(1);
        checkCanceled(progress);
        Result result = store(out);
        progress.worked(4);
        return result;
    }

    private static void checkCanceled(IProgressMonitor monitor) {
        if (monitor.isCanceled()) {
            throw new OperationCanceledException();
        }
    }

    // --- choosing what to show ---------------------------------------------------------------

    /** The latest period with an analysed (or closed) run of the system's monitorings; else with any run; else null. */
    public static Period latestPeriod(QualitySystem system) {
        Period analysed = null;
        Period any = null;
        for (Monitoring monitoring : monitorings(system)) {
            for (MonitoringRun run : monitoring.getRuns()) {
                if (run.getPeriod() == null) {
                    continue;
                }
                any = later(any, run.getPeriod());
                if (analysed(run)) {
                    analysed = later(analysed, run.getPeriod());
                }
            }
        }
        return analysed != null ? analysed : any;
    }

    private static Period later(Period known, Period candidate) {
        if (known == null) {
            return candidate;
        }
        if (known.getStartDate() != null && candidate.getStartDate() != null) {
            return candidate.getStartDate().after(known.getStartDate()) ? candidate : known;
        }
        for (Period p = candidate.getPrevious(); p != null; p = p.getPrevious()) {
            if (p == known) {
                return candidate;
            }
        }
        return known;
    }

    private static boolean analysed(MonitoringRun run) {
        return run.getStatus() == RunStatus.ANALYSED || run.getStatus() == RunStatus.CLOSED;
    }

    /** The system's monitorings and those other systems of its level hold for its directions or indicators. */
    static List<Monitoring> monitorings(QualitySystem system) {
        Set<Monitoring> result = new LinkedHashSet<>(system.getMonitorings());
        for (QualitySystem other : systems(system)) {
            if (other == system || other.getLevel() != system.getLevel()) {
                continue;
            }
            for (Monitoring monitoring : other.getMonitorings()) {
                if ((monitoring.getDirection() != null && monitoring.getDirection().eContainer() == system)
                        || monitoring.getIndicators().stream().anyMatch(i -> systemOf(i) == system)) {
                    result.add(monitoring);
                }
            }
        }
        return new ArrayList<>(result);
    }

    private static List<QualitySystem> systems(QualitySystem system) {
        List<QualitySystem> result = new ArrayList<>();
        Resource resource = system.eResource();
        List<Resource> resources = resource == null ? List.of()
                : resource.getResourceSet() == null ? List.of(resource) : List.copyOf(resource.getResourceSet().getResources());
        for (Resource r : resources) {
            for (EObject root : r.getContents()) {
                if (root instanceof ModelRoot model) {
                    result.addAll(model.getQualitySystems());
                }
            }
        }
        return result;
    }

    private static QualitySystem systemOf(EObject object) {
        for (EObject current = object; current != null; current = current.eContainer()) {
            if (current instanceof QualitySystem system) {
                return system;
            }
        }
        return null;
    }

    /** Documents with status published or approved, in model order (annexes after their document). */
    public List<Document> publishedDocuments() {
        List<Document> result = new ArrayList<>();
        addPublished(system.getDocuments(), result);
        return result;
    }

    private static void addPublished(List<Document> documents, List<Document> into) {
        for (Document document : documents) {
            if (document.getStatus() == DocumentStatus.PUBLISHED || document.getStatus() == DocumentStatus.APPROVED) {
                into.add(document);
            }
            addPublished(document.getAnnexes(), into);
        }
    }

    private List<Indicator> indicators(Direction direction) {
        List<Indicator> result = new ArrayList<>();
        collectIndicators(system.getIndicators(), direction, false, result);
        return result;
    }

    private static void collectIndicators(List<Indicator> indicators, Direction direction, boolean parentIn,
            List<Indicator> into) {
        for (Indicator indicator : indicators) {
            boolean in = parentIn || indicator.getDirection() == direction || directionOf(indicator.getGroup()) == direction;
            if (in) {
                into.add(indicator);
            }
            collectIndicators(indicator.getSubIndicators(), direction, in, into);
        }
    }

    private static Direction directionOf(IndicatorGroup group) {
        for (EObject current = group; current instanceof IndicatorGroup g; current = current.eContainer()) {
            if (g.getDirection() != null) {
                return g.getDirection();
            }
        }
        return null;
    }

    // --- pages -------------------------------------------------------------------------------

    private Html page(String title, String current) {
        Html html = new Html();
        html.start("html", "lang", Messages.htmlLang);
        html.start("head");
        html.empty("meta", "charset", "utf-8");
        html.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1");
        html.element("title", title.equals(system.getName()) ? title : title + " — " + system.getName());
        html.empty("link", "rel", "stylesheet", "href", "style.css");
        html.end("head");
        html.start("body");
        html.start("header", "class", "site");
        html.element("p", system.getName(), "class", "system");
        html.start("nav", "aria-label", Messages.navLabel);
        html.start("ul");
        for (String[] item : new String[][] { { "index.html", Messages.navIndex }, { "techmap.html", Messages.navTechmap },
                { "roles.html", Messages.navRoles }, { "plan.html", Messages.navPlan },
                { "documents.html", Messages.navDocuments }, { "monitoring.html", Messages.navMonitoring } }) {
            html.start("li");
            if (item[0].equals(current)) {
                html.start("a", "href", item[0], "aria-current", "page").text(item[1]).end();
            } else {
                html.link(item[0], item[1]);
            }
            html.end();
        }
        html.end("nav");
        html.end("header");
        html.start("main");
        html.element("h1", title);
        return html;
    }

    private void finish(String path, Html html) {
        html.end("main");
        html.start("footer", "class", "site");
        html.element("p", period == null ? NLS.bind(Messages.footer, Formats.name(system))
                : NLS.bind(Messages.footerPeriod, Formats.name(system), period.getName()));
        html.end("footer");
        html.end("body");
        html.end("html");
        files.put(path, ("<!DOCTYPE html>\n" + html).getBytes(StandardCharsets.UTF_8));
    }

    private void paragraph(Html html, String text) {
        if (!Formats.blank(text)) {
            html.element("p", text.strip());
        }
    }

    private void field(Html html, String label, String value) {
        if (!Formats.blank(value)) {
            html.start("p").element("strong", label + ": ").text(value.strip()).end();
        }
    }

    private void table(Html html, String caption, List<String> headers, List<List<String>> rows) {
        html.start("div", "class", "table");
        html.start("table");
        if (caption != null) {
            html.element("caption", caption);
        }
        html.start("thead").start("tr");
        for (String header : headers) {
            html.element("th", header, "scope", "col");
        }
        html.end("thead");
        html.start("tbody");
        for (List<String> row : rows) {
            html.start("tr");
            for (int i = 0; i < row.size(); i++) {
                html.start("td", "data-label", headers.get(i)).text(row.get(i).strip()).end();
            }
            html.end("tr");
        }
        html.end("tbody");
        html.end("table");
        html.end("div");
    }

    private void index() {
        Html html = page(system.getName(), "index.html");
        paragraph(html, system.getDescription());
        field(html, Messages.labelLevel, ModelLabels.literal(system.getLevel()));
        field(html, Messages.labelOrganisation, system.getOrganisation() == null ? null
                : system.getOrganisation().getName());
        if (period != null) {
            field(html, Messages.labelPeriod, period.getName());
        }
        List<DirectionGroup> groups = new ArrayList<>(system.getDirectionGroups());
        Map<DirectionGroup, List<Direction>> byGroup = new LinkedHashMap<>();
        for (DirectionGroup group : groups) {
            byGroup.put(group, new ArrayList<>());
        }
        List<Direction> ungrouped = new ArrayList<>();
        for (Direction direction : system.getDirections()) {
            List<Direction> list = direction.getGroup() == null ? null : byGroup.get(direction.getGroup());
            (list == null ? ungrouped : list).add(direction);
        }
        if (system.getDirections().isEmpty()) {
            html.element("h2", Messages.directions);
            paragraph(html, Messages.noDirections);
        }
        for (Map.Entry<DirectionGroup, List<Direction>> entry : byGroup.entrySet()) {
            if (!entry.getValue().isEmpty()) {
                html.element("h2", Formats.name(entry.getKey()));
                paragraph(html, entry.getKey().getDescription());
                directionList(html, entry.getValue());
            }
        }
        if (!ungrouped.isEmpty()) {
            html.element("h2", byGroup.isEmpty() ? Messages.directions : Messages.otherDirections);
            directionList(html, ungrouped);
        }
        html.element("h2", Messages.sections);
        html.start("ul", "class", "sections");
        html.start("li").link("techmap.html", Messages.navTechmap).end();
        html.start("li").link("roles.html", Messages.navRoles).end();
        html.start("li").link("plan.html", Messages.navPlan).end();
        html.start("li").link("documents.html", Messages.navDocuments).end();
        html.start("li").link("monitoring.html", Messages.navMonitoring).end();
        html.end("ul");
        finish("index.html", html);
    }

    private void directionList(Html html, List<Direction> directions) {
        html.start("ul", "class", "directions");
        for (Direction direction : directions) {
            html.start("li", "class", "direction");
            html.start("p", "class", "direction-name").link(directionPages.get(direction), Formats.name(direction)).end();
            field(html, Messages.labelCoordinators, Formats.names(direction.getCoordinators()));
            String executors = Formats.responsible(List.of(), direction.getExecutors(),
                    direction.getExecutorOrganisations(), null);
            field(html, Messages.labelExecutors, executors);
            cycleState(html, direction);
            html.end("li");
        }
        html.end("ul");
    }

    /** The direction's cycle state from oko.cycle; nothing when it is not available. */
    private void cycleState(Html html, Direction direction) {
        CycleEvidence.DirectionResult result;
        try {
            result = CycleEvidence.evaluate(direction, period, today());
        } catch (UnsupportedOperationException e) {
            return; // the cycle evidence is not implemented in this build: show no state
        }
        if (result == null || result.state() == null) {
            return;
        }
        switch (result.state()) {
        case FULL -> html.element("p", Messages.cycleFull, "class", "cycle full");
        case NOT_DESCRIBED -> {
            html.element("p", Messages.cycleIncomplete, "class", "cycle incomplete");
            html.start("ul", "class", "gaps").element("li", Messages.cycleNotDescribed).end();
        }
        case INCOMPLETE -> {
            html.element("p", Messages.cycleIncomplete, "class", "cycle incomplete");
            List<StageKind> incomplete = result.incomplete();
            html.start("ul", "class", "gaps");
            for (CycleEvidence.StageResult stage : result.stages()) {
                if (incomplete.contains(stage.stage())) {
                    List<String> lacks = new ArrayList<>();
                    for (CycleEvidence.CheckResult check : stage.checks()) {
                        if (check.state() != CycleEvidence.CheckState.MET && !Formats.blank(check.reason())
                                && !lacks.contains(check.reason())) {
                            lacks.add(check.reason());
                        }
                    }
                    html.element("li", ModelLabels.literal(stage.stage())
                            + (lacks.isEmpty() ? "" : ": " + String.join("; ", lacks)));
                }
            }
            html.end("ul");
        }
        }
    }

    private LocalDate today() {
        if (period != null && period.getEndDate() != null) {
            return period.getEndDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        return LocalDate.now();
    }

    private void direction(Direction direction) {
        String path = directionPages.get(direction);
        Html html = page(Formats.name(direction), null);
        paragraph(html, direction.getDescription());
        if (direction.getGroup() != null) {
            field(html, Messages.labelGroup, Formats.name(direction.getGroup()));
        }
        field(html, Messages.labelCoordinators, Formats.names(direction.getCoordinators()));
        field(html, Messages.labelExecutors, Formats.responsible(List.of(), direction.getExecutors(),
                direction.getExecutorOrganisations(), null));
        if (direction.getProgram() != null) {
            html.start("p").element("strong", Messages.labelProgram + ": ");
            documentReference(html, direction.getProgram());
            html.end("p");
        }
        cycleState(html, direction);

        html.element("h2", Messages.cycleDiagram);
        Diagram diagram = diagrams == null ? null : diagrams.render(direction);
        if (diagram == null) {
            paragraph(html, Messages.noDiagram);
        } else {
            html.start("figure", "class", "diagram");
            html.raw(diagram.svg());
            html.element("figcaption", diagram.stored() ? NLS.bind(Messages.diagramStored, Formats.name(direction))
                    : NLS.bind(Messages.diagramDrawn, Formats.name(direction)));
            html.end("figure");
        }

        html.element("h2", Messages.goalsAndTasks);
        if (direction.getStages().isEmpty()) {
            paragraph(html, Messages.noStages);
        }
        for (CycleStage stage : direction.getStages()) {
            html.element("h3", (stage.getNumber() > 0 ? stage.getNumber() + ". " : "")
                    + (Formats.blank(stage.getName()) ? ModelLabels.literal(stage.getKind()) : stage.getName()));
            paragraph(html, stage.getAction());
            paragraph(html, stage.getContent());
            if (!stage.getGoals().isEmpty()) {
                html.element("p", Messages.goals, "class", "list-title");
                html.start("ul");
                for (Goal goal : stage.getGoals()) {
                    html.start("li");
                    html.text(Formats.name(goal));
                    List<String> details = new ArrayList<>();
                    if (goal.getTargetValue() != null) {
                        details.add(Messages.labelTarget + ": " + Formats.number(goal.getTargetValue()));
                    }
                    if (goal.getPeriod() != null) {
                        details.add(Messages.labelPeriod + ": " + goal.getPeriod().getName());
                    }
                    if (!Formats.deadline(goal.getDeadline()).isEmpty()) {
                        details.add(Messages.labelDeadline + ": " + Formats.deadline(goal.getDeadline()));
                    }
                    if (!goal.getIndicators().isEmpty()) {
                        details.add(Messages.labelIndicators + ": " + goal.getIndicators().stream()
                                .map(i -> Formats.blank(i.getCode()) ? Formats.name(i) : i.getCode()).toList()
                                .stream().reduce((a, b) -> a + ", " + b).orElse(""));
                    }
                    if (!details.isEmpty()) {
                        html.element("span", " (" + String.join("; ", details) + ")", "class", "details");
                    }
                    html.end("li");
                }
                html.end("ul");
            }
            if (!stage.getTasks().isEmpty()) {
                html.element("p", Messages.tasks, "class", "list-title");
                html.start("ul");
                for (Task task : stage.getTasks()) {
                    html.element("li", Formats.name(task));
                }
                html.end("ul");
            }
        }

        html.element("h2", Messages.indicators);
        List<Indicator> indicators = indicators(direction);
        if (indicators.isEmpty()) {
            paragraph(html, Messages.noIndicators);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Indicator indicator : indicators) {
                rows.add(List.of(Formats.nonNull(indicator.getCode()), Formats.nonNull(indicator.getName()),
                        Formats.nonNull(indicator.getCriteria()),
                        Formats.blank(indicator.getSources()) ? Formats.names(indicator.getInformationSystems())
                                : indicator.getSources(),
                        Formats.nonNull(indicator.getCollectionMethod()),
                        Formats.responsible(indicator.getResponsibleRoles(), List.of(),
                                indicator.getResponsibleOrganisations(), indicator.getResponsibleText())));
            }
            table(html, null, List.of(Messages.colCode, Messages.colIndicator, Messages.colCriteria, Messages.colSources,
                    Messages.colMethods, Messages.colResponsible), rows);
        }

        html.element("h2", Messages.monitorings);
        List<Monitoring> monitorings = monitorings(system).stream().filter(m -> m.getDirection() == direction).toList();
        if (monitorings.isEmpty()) {
            paragraph(html, Messages.noMonitorings);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Monitoring monitoring : monitorings) {
                MonitoringRun latest = latestAnalysedRun(monitoring);
                rows.add(List.of(Formats.name(monitoring),
                        Formats.blank(monitoring.getPeriodicityText()) ? ModelLabels.literal(monitoring.getPeriodicity())
                                : monitoring.getPeriodicityText(),
                        monitoring.getProcessingMethods().stream().map(ModelLabels::literal).reduce((a, b) -> a + ", " + b)
                                .orElse(""),
                        latest == null ? Messages.noAnalysedRun
                                : join(latest.getPeriod() == null ? "" : latest.getPeriod().getName(),
                                        Formats.nonNull(Formats.date(latest.getDate())))));
            }
            table(html, null, List.of(Messages.colMonitoring, Messages.colPeriodicity, Messages.colProcessing,
                    Messages.colLatestRun), rows);
        }

        html.element("h2", Messages.recommendations);
        List<Recommendation> recommendations = system.getRecommendations().stream()
                .filter(r -> r.getDirection() == direction
                        || (r.getDirection() == null && indicators.contains(r.getBasisIndicator())))
                .toList();
        if (recommendations.isEmpty()) {
            paragraph(html, Messages.noRecommendations);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Recommendation recommendation : recommendations) {
                rows.add(List.of(Formats.nonNull(recommendation.getNumber()),
                        Formats.blank(recommendation.getText()) ? Formats.nonNull(recommendation.getName())
                                : recommendation.getText().strip(),
                        addressees(recommendation), ModelLabels.literal(recommendation.getStatus())));
            }
            table(html, null, List.of(Messages.colNumber, Messages.colRecommendation, Messages.colAddressee,
                    Messages.colStatus), rows);
        }

        html.element("h2", Messages.measures);
        List<Measure> measures = system.getMeasures().stream().filter(m -> m.getDirection() == direction).toList();
        if (measures.isEmpty()) {
            paragraph(html, Messages.noMeasures);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Measure measure : measures) {
                rows.add(List.of(Formats.nonNull(measure.getNumber()), Formats.nonNull(measure.getName()),
                        ModelLabels.literal(measure.getKind()), Formats.deadline(measure.getDeadline()),
                        Formats.responsible(measure), ModelLabels.literal(measure.getStatus())));
            }
            table(html, null, List.of(Messages.colNumber, Messages.colMeasure, Messages.colKind, Messages.colDeadline,
                    Messages.colResponsible, Messages.colStatus), rows);
        }
        List<List<String>> decisions = new ArrayList<>();
        for (WorkingGroup group : system.getWorkingGroups()) {
            if (group.getDirection() != direction && !(group.getDirection() == null && system.getDirections().size() == 1)) {
                continue;
            }
            for (Meeting meeting : group.getMeetings()) {
                for (AgendaItem item : meeting.getAgendaItems()) {
                    for (Decision decision : item.getDecisions()) {
                        decisions.add(List.of(Formats.nonNull(decision.getNumber()),
                                Formats.blank(decision.getName()) ? Formats.nonNull(decision.getDescription())
                                        : decision.getName(),
                                join(Formats.name(meeting), Formats.nonNull(Formats.date(meeting.getDate()))),
                                decision.isAdopted() ? Messages.decisionAdopted : Messages.decisionNotAdopted));
                    }
                }
            }
        }
        if (!decisions.isEmpty()) {
            html.element("h3", Messages.decisions);
            table(html, null, List.of(Messages.colNumber, Messages.colDecision, Messages.colMeeting, Messages.colStatus),
                    decisions);
        }

        html.element("h2", Messages.effectiveness);
        boolean any = false;
        for (CycleStage stage : direction.getStages()) {
            if (stage.getKind() == StageKind.EFFECTIVENESS) {
                any |= !Formats.blank(stage.getContent()) || !Formats.blank(stage.getAction());
                paragraph(html, stage.getAction());
                paragraph(html, stage.getContent());
            }
        }
        List<Measure> assessed = measures.stream().filter(m -> !Formats.blank(m.getEffectiveness())).toList();
        if (!assessed.isEmpty()) {
            any = true;
            html.start("ul");
            for (Measure measure : assessed) {
                html.start("li").element("strong", Formats.name(measure) + ": ").text(measure.getEffectiveness()).end();
            }
            html.end("ul");
        }
        if (!any) {
            paragraph(html, Messages.noEffectiveness);
        }
        finish(path, html);
    }

    private String addressees(Recommendation recommendation) {
        List<String> parts = new ArrayList<>();
        if (recommendation.getAddresseeGroup() != null) {
            parts.add(Messages.addresseeGroup + ": " + Formats.name(recommendation.getAddresseeGroup()));
        }
        if (recommendation.getAddresseeLevel() != null && recommendation.eIsSet(
                oko.model.OkoPackage.Literals.RECOMMENDATION__ADDRESSEE_LEVEL)) {
            parts.add(Messages.addresseeLevel + ": " + ModelLabels.literal(recommendation.getAddresseeLevel()));
        }
        if (recommendation.getAddresseeSchools().size() == 1) {
            parts.add(Messages.addresseeSchool + ": " + Formats.organisation(recommendation.getAddresseeSchools().get(0)));
        } else if (!recommendation.getAddresseeSchools().isEmpty()) {
            parts.add(Messages.addresseeSchools + ": " + Formats.names(recommendation.getAddresseeSchools()));
        }
        if (!recommendation.getAddresseePersons().isEmpty()) {
            parts.add(Formats.names(recommendation.getAddresseePersons()));
        }
        return String.join("; ", parts);
    }

    private static MonitoringRun latestAnalysedRun(Monitoring monitoring) {
        MonitoringRun latest = null;
        for (MonitoringRun run : monitoring.getRuns()) {
            if (analysed(run) && (latest == null || run.getPeriod() != null
                    && (latest.getPeriod() == null || later(latest.getPeriod(), run.getPeriod()) == run.getPeriod()))) {
                latest = run;
            }
        }
        return latest;
    }

    private static String join(String a, String b) {
        if (Formats.blank(a)) {
            return Formats.nonNull(b);
        }
        return Formats.blank(b) ? a : a + ", " + b;
    }

    private void documentReference(Html html, Document document) {
        String anchor = documentAnchors.get(document);
        if (anchor != null) {
            html.link("documents.html#" + anchor, Formats.name(document));
        } else {
            html.text(Formats.name(document));
        }
    }

    private void reportLink(Html html, String layout, String file) {
        if (!options.reports() || reports == null) {
            return;
        }
        byte[] pdf;
        try {
            pdf = reports.render(layout, system, period);
        } catch (IOException | RuntimeException e) {
            reportProblems.add(layout + ": " + e.getMessage());
            pdf = null;
        }
        if (pdf == null) {
            return;
        }
        files.put(file, pdf);
        html.start("p", "class", "report").link(file, Messages.reportPdf)
                .text(" (" + Formats.size(pdf.length) + ")").end();
    }

    private void techmap() {
        Html html = page(Messages.navTechmap, "techmap.html");
        reportLink(html, "techmap", "techmap.pdf");
        if (system.getTechnologicalMaps().isEmpty()) {
            paragraph(html, Messages.noTechmap);
        }
        for (TechnologicalMap map : system.getTechnologicalMaps()) {
            html.element("h2", Formats.name(map));
            if (map.getDocument() != null) {
                html.start("p").element("strong", Messages.labelDocument + ": ");
                documentReference(html, map.getDocument());
                html.end("p");
            }
            List<List<String>> rows = new ArrayList<>();
            for (TechMapRow row : map.getRows()) {
                rows.add(List.of(row.getNumber() > 0 ? Integer.toString(row.getNumber()) : "",
                        Formats.blank(row.getName()) ? ModelLabels.literal(row.getKind()) : row.getName(),
                        Formats.nonNull(row.getAction()), Formats.nonNull(row.getCoordinatorDuty()),
                        Formats.nonNull(row.getExecutorsDuty()), Formats.nonNull(row.getOperatorDuty())));
            }
            table(html, null, List.of(Messages.colNumber, Messages.colStage, Messages.colAction, Messages.colCoordinator,
                    Messages.colExecutors, Messages.colOperator), rows);
        }
        finish("techmap.html", html);
    }

    private void roles() {
        Html html = page(Messages.navRoles, "roles.html");
        reportLink(html, "roles", "roles.pdf");
        html.element("h2", Messages.roles);
        if (system.getRoles().isEmpty()) {
            paragraph(html, Messages.noRoles);
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Role role : system.getRoles()) {
                rows.add(List.of(Formats.nonNull(role.getName()), ModelLabels.literal(role.getKind()),
                        Formats.names(role.getHolders()),
                        role.getOrganisation() == null ? "" : Formats.organisation(role.getOrganisation())));
            }
            table(html, null, List.of(Messages.colRole, Messages.colKind, Messages.colHolders, Messages.colOrganisation),
                    rows);
        }
        if (!system.getSections().isEmpty()) {
            html.element("h2", Messages.functions);
            sections(html, system.getSections());
        }
        finish("roles.html", html);
    }

    private void sections(Html html, List<FunctionSection> sections) {
        for (FunctionSection section : sections) {
            html.element("h3", Formats.name(section));
            String responsible = Formats.responsible(section.getResponsibleRoles(), List.of(), List.of(), null);
            field(html, Messages.colResponsible, responsible);
            if (!section.getFunctions().isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                for (Function function : section.getFunctions()) {
                    rows.add(List.of(Formats.nonNull(function.getNumber()), Formats.nonNull(function.getName()),
                            Formats.responsible(function.getResponsibleRoles(), List.of(), List.of(),
                                    function.getResponsibleText()),
                            Formats.names(function.getDocuments())));
                }
                table(html, null, List.of(Messages.colNumber, Messages.colFunction, Messages.colResponsible,
                        Messages.colDocuments), rows);
            }
            sections(html, section.getSubsections());
        }
    }

    private void plan() {
        Html html = page(Messages.navPlan, "plan.html");
        reportLink(html, "plan", "plan.pdf");
        if (system.getPlans().isEmpty()) {
            paragraph(html, Messages.noPlan);
        }
        for (Plan plan : system.getPlans()) {
            html.element("h2", Formats.name(plan));
            if (plan.getDirection() != null) {
                html.start("p").element("strong", Messages.labelDirection + ": ")
                        .link(directionPages.get(plan.getDirection()), Formats.name(plan.getDirection())).end();
            }
            if (plan.getPeriod() != null) {
                field(html, Messages.labelPeriod, plan.getPeriod().getName());
            }
            if (plan.getDocument() != null) {
                html.start("p").element("strong", Messages.labelDocument + ": ");
                documentReference(html, plan.getDocument());
                html.end("p");
            }
            List<List<String>> rows = new ArrayList<>();
            planItems(plan.getItems(), rows);
            table(html, null, List.of(Messages.colNumber, Messages.colActivity, Messages.colDeadline,
                    Messages.colResponsible, Messages.colStatus, Messages.colResult), rows);
        }
        finish("plan.html", html);
    }

    private static void planItems(List<PlanItem> items, List<List<String>> rows) {
        for (PlanItem item : items) {
            rows.add(List.of(Formats.nonNull(item.getNumber()), Formats.nonNull(item.getName()),
                    Formats.deadline(item.getDeadline()), Formats.responsible(item),
                    item.eIsSet(oko.model.OkoPackage.Literals.ACTIVITY__STATUS) ? ModelLabels.literal(item.getStatus())
                            : "",
                    Formats.nonNull(item.getResult())));
            planItems(item.getChildren(), rows);
        }
    }

    private void documents() throws IOException {
        Html html = page(Messages.navDocuments, "documents.html");
        List<Document> documents = new ArrayList<>(documentAnchors.keySet());
        if (documents.isEmpty()) {
            paragraph(html, Messages.noDocuments);
        } else {
            html.start("div", "class", "table");
            html.start("table");
            html.start("thead").start("tr");
            List<String> headers = List.of(Messages.colDocumentNumber, Messages.colDate, Messages.colKind, Messages.colTitle,
                    Messages.colStatus, Messages.colFile);
            for (String header : headers) {
                html.element("th", header, "scope", "col");
            }
            html.end("thead");
            html.start("tbody");
            for (Document document : documents) {
                String anchor = documentAnchors.get(document);
                html.start("tr", "id", anchor);
                html.start("td", "data-label", headers.get(0)).text(Formats.nonNull(document.getNumber())).end();
                html.start("td", "data-label", headers.get(1)).text(Formats.nonNull(Formats.date(document.getDate())))
                        .end();
                html.start("td", "data-label", headers.get(2)).text(ModelLabels.literal(document.getKind())).end();
                html.start("td", "data-label", headers.get(3)).text(Formats.nonNull(document.getName())).end();
                html.start("td", "data-label", headers.get(4)).text(ModelLabels.literal(document.getStatus())).end();
                html.start("td", "data-label", headers.get(5));
                String first = null;
                for (Attachment attachment : document.getAttachments()) {
                    byte[] content = attachment.getContent();
                    if (content == null) {
                        continue;
                    }
                    String file = "files/" + fileNames.uniqueFile(attachment.getFileName(),
                            anchor.substring("doc-".length()));
                    files.put(file, content.clone());
                    if (first != null) {
                        html.empty("br");
                    }
                    html.link(file, Formats.blank(attachment.getFileName()) ? file.substring(6) : attachment.getFileName())
                            .text(" (" + Formats.size(content.length) + ")");
                    first = first == null ? file : first;
                }
                if (first == null) {
                    html.text("—");
                }
                html.end("td");
                html.end("tr");
                documentPaths.put(document, first != null ? first : "documents.html#" + anchor);
            }
            html.end("tbody");
            html.end("table");
            html.end("div");
        }
        finish("documents.html", html);
    }

    private void monitoring() {
        Html html = page(Messages.navMonitoring, "monitoring.html");
        List<IndicatorResult> results = period == null ? List.of() : MonitoringEngine.compute(system, period);
        results = results.stream().filter(r -> r.schools().stream().anyMatch(s -> s.value().present())).toList();
        if (results.isEmpty()) {
            paragraph(html, Messages.noMonitoringResults);
            finish("monitoring.html", html);
            return;
        }
        paragraph(html, NLS.bind(Messages.monitoringIntro, period.getName()));
        paragraph(html, system.isPublishSchoolValues() ? Messages.schoolValuesShown
                : NLS.bind(Messages.schoolValuesHidden, MIN_GROUP));
        for (IndicatorResult result : results) {
            Indicator indicator = result.indicator();
            html.element("h2", Formats.name(indicator) + (Formats.blank(indicator.getUnit()) ? ""
                    : ", " + indicator.getUnit()));
            if (indicator.getThreshold() != null) {
                field(html, Messages.labelThreshold, (indicator.isHigherIsBetter() ? "≥ " : "≤ ")
                        + Formats.number(indicator.getThreshold()));
            }
            List<String> headers = new ArrayList<>(List.of(Messages.colGroup, Messages.colSchools, Messages.colMedian,
                    Messages.colMean));
            if (indicator.getThreshold() != null) {
                headers.add(Messages.colShareMeeting);
            }
            List<List<String>> rows = new ArrayList<>();
            List<Map.Entry<oko.model.Cluster, GroupStatistics>> clusters = new ArrayList<>(result.clusters().entrySet());
            clusters.sort(Comparator.comparing(e -> Formats.name(e.getKey())));
            // a group too small to show, beside the others' means and the municipality's, would give
            // its schools' values away by difference: then no cluster shows its mean or share
            boolean anyHidden = !system.isPublishSchoolValues()
                    && clusters.stream().anyMatch(e -> valuesOf(result, e.getKey()).size() < MIN_GROUP);
            for (Map.Entry<oko.model.Cluster, GroupStatistics> entry : clusters) {
                rows.add(statistics(entry.getKey().getName() == null ? Formats.name(entry.getKey())
                        : entry.getKey().getName().strip(), entry.getValue(), result, entry.getKey(), indicator, anyHidden));
            }
            rows.add(statistics(Messages.municipality, result.overall(), result, null, indicator, false));
            table(html, null, headers, rows);
            if (anyHidden) {
                paragraph(html, Messages.complementaryHidden);
            }
            if (system.isPublishSchoolValues()) {
                List<List<String>> schools = new ArrayList<>();
                for (SchoolResult school : result.schools()) {
                    schools.add(List.of(Formats.organisation(school.school()),
                            school.school().getCluster() == null ? "" : Formats.name(school.school().getCluster()),
                            school.value().present() ? Formats.number(school.value().number()) : "—"));
                }
                html.element("h3", NLS.bind(Messages.schoolValues, Formats.name(indicator)));
                table(html, null, List.of(Messages.colSchool, Messages.colGroup, Messages.colValue), schools);
            }
        }
        finish("monitoring.html", html);
    }

    private List<String> statistics(String name, GroupStatistics statistics, IndicatorResult result,
            oko.model.Cluster cluster, Indicator indicator, boolean hideSums) {
        List<Double> values = valuesOf(result, cluster);
        boolean hidden = values.size() < MIN_GROUP && !system.isPublishSchoolValues();
        List<String> row = new ArrayList<>();
        row.add(name);
        row.add(Integer.toString(statistics.schools()));
        row.add(hidden ? Messages.tooFewSchools : format(statistics.median()));
        row.add(hidden || hideSums ? Messages.tooFewSchools : format(statistics.mean()));
        if (indicator.getThreshold() != null) {
            double threshold = indicator.getThreshold();
            long meeting = values.stream().filter(v -> indicator.isHigherIsBetter() ? v >= threshold : v <= threshold)
                    .count();
            row.add(hidden || hideSums ? Messages.tooFewSchools
                    : values.isEmpty() ? "—" : Formats.percent((double) meeting / values.size()));
        }
        return row;
    }

    /** The values of the schools of the cluster (all schools for null). */
    private static List<Double> valuesOf(IndicatorResult result, oko.model.Cluster cluster) {
        List<Double> values = new ArrayList<>();
        for (SchoolResult school : result.schools()) {
            if (school.value().present() && (cluster == null || school.school().getCluster() == cluster)) {
                values.add(school.value().number());
            }
        }
        return values;
    }

    private static String format(OptionalDouble value) {
        return value.isPresent() ? Formats.number(value.getAsDouble()) : "—";
    }

    // --- writing -----------------------------------------------------------------------------

    private Result store(Path out) throws IOException {
        Files.createDirectories(out);
        Set<String> previous = previousFiles(out);
        List<PublishedFile> published = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, byte[]> entry : files.entrySet()) {
            Path target = resolve(out, entry.getKey());
            byte[] bytes = entry.getValue();
            if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.createDirectories(target.getParent());
                Files.write(target, bytes);
                changed.add(entry.getKey());
            }
            published.add(new PublishedFile(entry.getKey(), bytes.length, sha256(bytes)));
        }
        byte[] manifest = manifest(published).getBytes(StandardCharsets.UTF_8);
        Path manifestPath = out.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestPath) || !Arrays.equals(Files.readAllBytes(manifestPath), manifest)) {
            Files.write(manifestPath, manifest);
        }
        List<String> removed = new ArrayList<>();
        for (String old : previous) {
            if (!files.containsKey(old) && !MANIFEST.equals(old)) {
                Path target = resolve(out, old);
                if (target != null && Files.deleteIfExists(target)) {
                    removed.add(old);
                    deleteEmptyParents(out, target.getParent());
                }
            }
        }
        return new Result(out, List.copyOf(published), java.util.Collections.unmodifiableMap(documentPaths),
                List.copyOf(changed), List.copyOf(removed));
    }

    private static void deleteEmptyParents(Path out, Path directory) throws IOException {
        Path root = out.toAbsolutePath().normalize();
        for (Path current = directory.toAbsolutePath().normalize(); current.startsWith(root) && !current.equals(root);
                current = current.getParent()) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
        }
    }

    /** {@code path} under {@code out}, or null when it would leave it. */
    private static Path resolve(Path out, String path) {
        Path root = out.toAbsolutePath().normalize();
        Path target = root.resolve(path).normalize();
        return target.startsWith(root) && !target.equals(root) ? target : null;
    }

    /** The paths the previous manifest lists (none when there is none or it cannot be read). */
    static Set<String> previousFiles(Path out) throws IOException {
        Path manifest = out.resolve(MANIFEST);
        Set<String> result = new LinkedHashSet<>();
        if (!Files.isRegularFile(manifest)) {
            return result;
        }
        Matcher matcher = MANIFEST_PATH.matcher(Files.readString(manifest, StandardCharsets.UTF_8));
        while (matcher.find()) {
            result.add(unescapeJson(matcher.group(1)));
        }
        return result;
    }

    private String manifest(List<PublishedFile> published) {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"generator\": \"Oko\",\n");
        json.append("  \"system\": ").append(jsonString(system.getCode())).append(",\n");
        json.append("  \"period\": ").append(period == null ? "null" : jsonString(period.getCode())).append(",\n");
        json.append("  \"files\": [");
        for (int i = 0; i < published.size(); i++) {
            PublishedFile file = published.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"path\": ").append(jsonString(file.path()))
                    .append(", \"size\": ").append(file.size()).append(", \"sha256\": \"").append(file.sha256())
                    .append("\"}");
        }
        json.append(published.isEmpty() ? "]\n" : "\n  ]\n").append("}\n");
        return json.toString();
    }

    private static String jsonString(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder result = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
            case '"' -> result.append("\\\"");
            case '\\' -> result.append("\\\\");
            case '\n' -> result.append("\\n");
            case '\r' -> result.append("\\r");
            case '\t' -> result.append("\\t");
            default -> {
                if (c < 0x20) {
                    result.append(String.format("\\u%04x", (int) c));
                } else {
                    result.append(c);
                }
            }
            }
        }
        return result.append('"').toString();
    }

    private static String unescapeJson(String text) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                switch (next) {
                case 'n' -> result.append('\n');
                case 'r' -> result.append('\r');
                case 't' -> result.append('\t');
                case 'u' -> {
                    if (i + 4 < text.length()) {
                        result.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                default -> result.append(next);
                }
            } else {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** SHA-256 of the bytes, lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Problems met rendering the reports (layout: message), for the caller to report. */
    public List<String> reportProblems() {
        return List.copyOf(reportProblems);
    }

    /** The period the site is published for (null when the system has none). */
    public Period period() {
        return period;
    }
}
