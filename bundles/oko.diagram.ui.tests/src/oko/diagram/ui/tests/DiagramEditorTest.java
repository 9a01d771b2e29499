package oko.diagram.ui.tests;

import static oko.ui.tests.Sample.find;
import static oko.ui.tests.Sample.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.draw2d.geometry.Point;
import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.gef.EditPart;
import org.eclipse.gef.GraphicalEditPart;
import org.eclipse.gef.RequestConstants;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.palette.CreationToolEntry;
import org.eclipse.gef.palette.PaletteContainer;
import org.eclipse.gef.palette.PaletteEntry;
import org.eclipse.gef.requests.ChangeBoundsRequest;
import org.eclipse.gef.requests.CreateConnectionRequest;
import org.eclipse.gef.requests.CreateRequest;
import org.eclipse.gef.requests.CreationFactory;
import org.eclipse.gef.tools.CreationTool;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import oko.diagram.DescriptionRegistry;
import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.Representations;
import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.diagram.ui.internal.DiagramEditor;
import oko.diagram.ui.internal.NavigatorDiagramMenu;
import oko.diagram.ui.internal.NodeFigure;
import oko.diagram.ui.internal.Parts.EdgePart;
import oko.diagram.ui.internal.Parts.NodePart;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Function;
import oko.model.Indicator;
import oko.model.Measure;
import oko.model.MeasureStatus;
import oko.model.Plan;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.Role;
import oko.model.StageKind;
import oko.model.WorkingGroup;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.navigator.RepositoryNavigator;
import oko.ui.tests.Screenshots;
import oko.ui.tests.UiThread;

/**
 * The diagram editor in the real workbench on the sample model: every shipped diagram type opens
 * from the navigator with the expected nodes and edges; palette tools create, connect, rename and
 * delete through GEF requests, undone with Edit ▸ Undo; layers, filters and hiding; the layout is
 * saved in the repository, seen on reopening, and a commit of another client refreshes the
 * diagram; Reload diagram descriptions picks up an edited description file and names a broken one.
 */
class DiagramEditorTest {

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    private static OkoRepository repository() {
        return RepositoryConnection.repository().orElseThrow();
    }

    @BeforeAll
    static void connected() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        RepositoryNavigator navigator = UiThread.call(() -> (RepositoryNavigator) page().showView(RepositoryNavigator.ID));
        UiThread.waitUntil("the navigator shows the repository's models",
                () -> navigator.viewer().getInput() instanceof List<?> top && !top.isEmpty() && !(top.get(0) instanceof String));
    }

    @AfterEach
    void closeEditors() throws Exception {
        UiThread.run(() -> page().closeAllEditors(false));
    }



    private static CDOID id(EObject object) {
        return CDOUtil.getCDOObject(object).cdoID();
    }

    /** The navigator's object of that id, selected as a person would before right-clicking. */
    private static EObject selectInNavigator(CDOID id) throws Exception {
        return UiThread.call(() -> {
            RepositoryNavigator navigator = (RepositoryNavigator) page().showView(RepositoryNavigator.ID);
            navigator.select(id);
            return (EObject) navigator.viewer().getStructuredSelection().getFirstElement();
        });
    }

    /** The labels of a navigator context submenu (New Diagram ▸ or Open Diagram ▸), as it fills them. */
    private static List<String> navigatorMenu(String kind) throws Exception {
        return UiThread.call(() -> {
            NavigatorDiagramMenu contribution = new NavigatorDiagramMenu();
            contribution.setInitializationData(null, null, kind);
            Menu menu = new Menu(page().getWorkbenchWindow().getShell(), SWT.POP_UP);
            try {
                contribution.fill(menu, 0);
                List<String> labels = new ArrayList<>();
                for (MenuItem item : menu.getItems()) {
                    labels.add(item.getText());
                }
                return labels;
            } finally {
                menu.dispose();
            }
        });
    }

    private static DiagramDescription description(String id) {
        return DescriptionRegistry.byId(id).orElseThrow();
    }

    /** New Diagram ▸ on the navigator's object: creates, commits and opens the diagram. */
    private static DiagramEditor newDiagram(CDOID target, String descriptionId) throws Exception {
        EObject element = selectInNavigator(target);
        assertNotNull(element);
        assertTrue(navigatorMenu("new").contains(description(descriptionId).getLabel()), navigatorMenu("new").toString());
        DiagramEditor editor = UiThread.call(() -> (DiagramEditor) NavigatorDiagramMenu.createAndOpen(page(), element,
                description(descriptionId)));
        assertNotNull(editor);
        UiThread.drain(); // the editor zooms to fit from a runnable it queued
        return editor;
    }

    private static List<EObject> nodeElements(DiagramEditor editor, String mappingId) throws Exception {
        return UiThread.call(() -> editor.shown().diagram().allNodes().stream()
                .filter(n -> n.mapping().getId().equals(mappingId)).map(Node::element).toList());
    }

    /** Ids of the elements that have a drawn node (a NodePart with a figure) in the editor. */
    private static List<CDOID> drawn(DiagramEditor editor) throws Exception {
        return UiThread.call(() -> editor.figureBounds().keySet().stream().map(DiagramEditorTest::id).toList());
    }

    private static List<EdgePart> edgeParts(DiagramEditor editor) throws Exception {
        return UiThread.call(() -> {
            List<EdgePart> edges = new ArrayList<>();
            for (Object part : editor.graphicalViewer().getEditPartRegistry().values()) {
                if (part instanceof EdgePart edge && edge.getFigure().isVisible() && edge.getSource() != null) {
                    edges.add(edge);
                }
            }
            return edges;
        });
    }

    private static NodePart part(DiagramEditor editor, EObject element) throws Exception {
        return UiThread.call(() -> {
            for (Object part : editor.graphicalViewer().getEditPartRegistry().values()) {
                if (part instanceof NodePart node && node.key().element() == element) {
                    return node;
                }
            }
            return null;
        });
    }

    private static void screenshot(String name) throws Exception {
        UiThread.call(() -> Screenshots.save(page().getWorkbenchWindow().getShell(), name));
    }

    private static void command(String id) throws Exception {
        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand(id, null));
        UiThread.drain();
    }

    private static void assertNoOverlaps(DiagramEditor editor) throws Exception {
        List<Rectangle> tops = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                .map(n -> editor.figureBounds().get(n.element())).toList());
        for (int i = 0; i < tops.size(); i++) {
            for (int j = i + 1; j < tops.size(); j++) {
                assertFalse(tops.get(i).intersects(tops.get(j)), "nodes " + i + " and " + j + " overlap");
            }
        }
    }

    /** Answers a dialog that opens with its default button; returns its text. */
    private static String answer(String title) throws Exception {
        Shell dialog = UiThread.waitForShell(title);
        assertNotNull(dialog, "no dialog \"" + title + "\"");
        String text = UiThread.call(() -> UiThread.labels(dialog));
        UiThread.call(() -> Screenshots.save(dialog, "diagram-dialog-" + Math.abs(title.hashCode())));
        UiThread.run(() -> dialog.getDefaultButton().notifyListeners(SWT.Selection, new Event()));
        UiThread.drain();
        return text;
    }

    private static void save(DiagramEditor editor) throws Exception {
        Display.getDefault().asyncExec(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.eclipse.ui.file.save", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        answer("Сохранение в репозиторий");
        UiThread.waitUntil("the diagram saved (the editor not dirty)", () -> !editor.isDirty());
    }

    // ---- the four diagram types

    @Test
    void theManagementCycleShowsTheSixStagesWithFlowFeedbackAndTheOptionalLayers() throws Exception {
        CDOID directionId = find(o -> o instanceof Direction d && d.getStages().size() == 6);
        List<CDOID> stages = read(directionId, d -> ((Direction) d).getStages().stream().map(DiagramEditorTest::id).toList());
        DiagramEditor editor = newDiagram(directionId, "cycle");
        assertEquals("", UiThread.call(editor::message));
        assertEquals(stages, nodeElements(editor, "stage").stream().map(DiagramEditorTest::id).toList());
        assertTrue(drawn(editor).containsAll(stages));
        List<EdgePart> edges = edgeParts(editor);
        long flow = UiThread.call(() -> edges.stream().filter(e -> e.edge().mapping().getId().equals("flow")).count());
        long feedback = UiThread.call(() -> edges.stream().filter(e -> e.edge().mapping().getId().equals("feedback")).count());
        assertEquals(5, flow, "the stages follow each other");
        assertEquals(1, feedback, "effectiveness analysis goes back to the goals");
        assertNoOverlaps(editor);
        assertTrue(UiThread.call(editor::zoom) < 1.0, "a diagram larger than the window opens zoomed out");
        List<String> menus = UiThread.call(() -> java.util.Arrays.stream(page().getWorkbenchWindow().getShell()
                .getMenuBar().getItems()).map(MenuItem::getText).map(s -> s.replace("&", "")).toList());
        assertTrue(menus.contains("Диаграмма"), "the Diagram menu comes with the diagram editor: " + menus);
        // the goals of the first stage are drawn inside it
        List<CDOID> goals = read(stages.get(0), s -> ((CycleStage) s).getGoals().stream().map(DiagramEditorTest::id).toList());
        Map<CDOID, Rectangle> bounds = UiThread.call(() -> {
            Map<CDOID, Rectangle> map = new java.util.HashMap<>();
            editor.figureBounds().forEach((element, r) -> map.put(id(element), r));
            return map;
        });
        for (CDOID goal : goals) {
            assertTrue(bounds.get(stages.get(0)).contains(bounds.get(goal)), "goal inside its stage");
        }
        screenshot("diagram-cycle");

        // the optional layer "Показатели" off and on again
        int indicators = nodeElements(editor, "indicator").size();
        assertTrue(indicators > 0);
        UiThread.run(() -> editor.setActive("cycle.indicators", false));
        assertEquals(0, nodeElements(editor, "indicator").size());
        assertTrue(UiThread.call(editor::isDirty), "a layer choice is saved with the diagram");
        screenshot("diagram-cycle-without-monitoring-layer");
        command("org.eclipse.ui.edit.undo");
        assertEquals(indicators, nodeElements(editor, "indicator").size());

        // export as PNG and SVG
        Path png = Screenshots.directory().resolve("export-cycle.png");
        Path svg = Screenshots.directory().resolve("export-cycle.svg");
        UiThread.run(() -> editor.exportPng(png));
        UiThread.run(() -> editor.exportSvg(svg));
        var image = new org.eclipse.swt.graphics.ImageLoader().load(png.toString())[0];
        assertTrue(image.width > 600 && image.height > 200, image.width + "×" + image.height);
        String svgText = Files.readString(svg);
        for (CDOID stage : stages) {
            String name = read(stage, s -> ((CycleStage) s).getName());
            assertTrue(svgText.contains(name.split("\\s+")[0]), name);
        }
    }

    /** The ids of the objects of the sample's models (every root) that pass the test, in repository order. */
    private static List<CDOID> inRepository(CDOID anchor, Predicate<EObject> test) {
        return read(anchor, a -> {
            List<CDOID> found = new ArrayList<>();
            for (EObject root : OkoRepository.roots(CDOUtil.getCDOObject(a).cdoView())) {
                for (var it = root.eAllContents(); it.hasNext();) {
                    EObject next = it.next();
                    if (test.test(next)) {
                        found.add(id(next));
                    }
                }
            }
            return found;
        });
    }

    /** The ids of the elements a stage's node lists with that mapping, in order. */
    private static List<CDOID> inStage(DiagramEditor editor, StageKind kind, String mapping) throws Exception {
        return UiThread.call(() -> editor.shown().diagram().nodes().stream()
                .filter(n -> n.element() instanceof CycleStage s && s.getKind() == kind).findFirst().orElseThrow()
                .children().stream().filter(c -> c.mapping().getId().equals(mapping)).map(c -> id(c.element())).toList());
    }

    @Test
    void theCycleOfDirection12ShowsItsObjectsInTheirStagesAndThePaletteCreatesEachInsideItsStage() throws Exception {
        CDOID directionId = find(o -> o instanceof Direction d && "1.2".equals(d.getCode()) && d.getStages().size() == 6);
        Predicate<EObject> ofDirection = o -> {
            EObject direction = o instanceof Indicator i ? i.getDirection() : o instanceof oko.model.Monitoring m
                    ? m.getDirection() : o instanceof Recommendation r ? r.getDirection()
                            : o instanceof Measure me ? me.getDirection() : null;
            return direction != null && id(direction).equals(directionId);
        };
        // the sample (seeds.xmi, illustrative-monitoring.xmi), counted by hand: indicators ind-1.2.1…10 (their
        // 13 sub-indicators are drawn inside them), monitorings mon-1.2-1…5 and the illustrative ill-mon-1…5,
        // recommendations rec-1.2-1…9, measures meas-1.2-1…10 and the illustrative ill-measure-1
        List<CDOID> indicators = inRepository(directionId, o -> ofDirection.test(o) && o instanceof Indicator
                && !(o.eContainer() instanceof Indicator));
        List<CDOID> monitorings = inRepository(directionId, o -> ofDirection.test(o) && o instanceof oko.model.Monitoring);
        List<CDOID> recommendations = inRepository(directionId, o -> ofDirection.test(o) && o instanceof Recommendation);
        List<CDOID> measures = inRepository(directionId, o -> ofDirection.test(o) && o instanceof Measure);
        assertEquals(10, indicators.size());
        assertEquals(10, monitorings.size());
        assertEquals(9, recommendations.size());
        assertEquals(11, measures.size());

        DiagramEditor editor = newDiagram(directionId, "cycle");
        assertEquals("", UiThread.call(editor::message));
        assertEquals(indicators, inStage(editor, StageKind.INDICATORS, "indicator"));
        assertEquals(monitorings, inStage(editor, StageKind.MONITORING, "monitoring"));
        assertEquals(recommendations, inStage(editor, StageKind.ANALYSIS, "recommendation"));
        assertEquals(measures, inStage(editor, StageKind.MEASURES, "measure"));
        // each drawn inside its stage's figure
        Map<CDOID, Rectangle> bounds = UiThread.call(() -> {
            Map<CDOID, Rectangle> map = new java.util.HashMap<>();
            editor.figureBounds().forEach((element, r) -> map.put(id(element), r));
            return map;
        });
        Map<StageKind, List<CDOID>> byStage = Map.of(StageKind.INDICATORS, indicators, StageKind.MONITORING, monitorings,
                StageKind.ANALYSIS, recommendations, StageKind.MEASURES, measures);
        for (var entry : byStage.entrySet()) {
            CDOID stage = read(directionId, d -> id(((Direction) d).getStages().stream()
                    .filter(s -> s.getKind() == entry.getKey()).findFirst().orElseThrow()));
            for (CDOID element : entry.getValue()) {
                assertNotNull(bounds.get(element), "drawn: " + element);
                assertTrue(bounds.get(stage).contains(bounds.get(element)), entry.getKey() + ": " + element);
            }
        }
        // the state: ind-1.2.1 has no formula (pale red, the reason in the tooltip), rec-1.2-1 no measure
        NodePart withoutFormula = partOf(editor, indicators.get(0));
        String tooltip = UiThread.call(() -> ((org.eclipse.draw2d.Label) withoutFormula.getFigure().getToolTip()).getText());
        assertTrue(tooltip.contains("нет формулы"), tooltip);
        UiThread.run(() -> editor.setZoom(1.0));
        screenshot("diagram-cycle-1.2");

        // the palette: a tool for each kind, used inside its stage (refused in another), renamed in place
        List<String> palette = UiThread.call(() -> {
            List<PaletteEntry> entries = new ArrayList<>();
            collect(editor.paletteViewer().getPaletteRoot(), entries);
            return entries.stream().map(PaletteEntry::getLabel).toList();
        });
        List<String> tools = List.of("Цель", "Задача", "Показатель", "Мониторинг", "Рекомендация", "Мера",
                "Группа риска", "Анализ эффективности");
        assertTrue(palette.containsAll(tools), palette.toString());
        Map<String, StageKind> stageOf = Map.of("Цель", StageKind.GOALS, "Задача", StageKind.GOALS, "Показатель",
                StageKind.INDICATORS, "Мониторинг", StageKind.MONITORING, "Рекомендация", StageKind.ANALYSIS, "Мера",
                StageKind.MEASURES, "Анализ эффективности", StageKind.EFFECTIVENESS, "Группа риска", StageKind.ANALYSIS);
        Map<String, String> mappingOf = Map.of("Цель", "goal", "Задача", "task", "Показатель", "indicator",
                "Мониторинг", "monitoring", "Рекомендация", "recommendation", "Мера", "measure",
                "Анализ эффективности", "effectivenessDocument", "Группа риска", "riskGroup");
        Direction direction = UiThread.call(() -> (Direction) editor.representation().getTarget());
        QualitySystem system = UiThread.call(() -> (QualitySystem) direction.eContainer());
        List<EObject> created = new ArrayList<>();
        for (String tool : tools) {
            CreationFactory factory = factory(editor, tool);
            StageKind kind = stageOf.get(tool);
            NodePart stage = part(editor, UiThread.call(() -> direction.getStages().stream()
                    .filter(s -> s.getKind() == kind).findFirst().orElseThrow()));
            NodePart other = part(editor, UiThread.call(() -> direction.getStages().stream()
                    .filter(s -> s.getKind() != kind).findFirst().orElseThrow()));
            List<CDOID> before = inStage(editor, kind, mappingOf.get(tool));
            Command refused = UiThread.call(() -> other.getCommand(request(factory, other)));
            assertNull(refused, tool + " is not created in another stage");
            Command create = UiThread.call(() -> {
                CreateRequest request = request(factory, stage);
                assertSame(stage, stage.getTargetEditPart(request), "the stage takes the creation");
                return stage.getCommand(request);
            });
            execute(editor, create);
            List<EObject> now = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                    .filter(n -> n.element() == stage.key().element()).findFirst().orElseThrow().children().stream()
                    .filter(c -> c.mapping().getId().equals(mappingOf.get(tool))).map(Node::element).toList());
            assertEquals(before.size() + 1, now.size(), tool + ": one more inside its stage");
            EObject element = now.stream().filter(e -> !before.contains(id(e))).findFirst().orElseThrow();
            created.add(element);
            // the new node is renamed in place right away
            UiThread.waitUntil("the rename field over the new " + tool, () -> findText(editor.graphicalViewer()
                    .getControl()) != null);
            String name = "Новое: " + tool;
            UiThread.run(() -> {
                Text text = findText(editor.graphicalViewer().getControl());
                text.setText(name);
                text.notifyListeners(SWT.DefaultSelection, new Event());
            });
            UiThread.drain();
            assertEquals(name, UiThread.call(() -> ((oko.model.NamedElement) element).getName()));
        }
        // where they live in the model, linked to the direction
        assertTrue(UiThread.call(() -> system.getIndicators().contains(created.get(2))
                && ((Indicator) created.get(2)).getDirection() == direction));
        assertTrue(UiThread.call(() -> system.getMonitorings().contains(created.get(3))
                && ((oko.model.Monitoring) created.get(3)).getDirection() == direction));
        assertTrue(UiThread.call(() -> ((Recommendation) created.get(4)).getDirection() == direction));
        assertTrue(UiThread.call(() -> ((Measure) created.get(5)).getDirection() == direction));
        assertTrue(UiThread.call(() -> direction.getStages().get(5).getDocuments().contains(created.get(7))));
        assertTrue(UiThread.call(() -> system.getRiskGroups().contains(created.get(6))
                && direction.getRiskGroups().contains(created.get(6))));
        UiThread.run(() -> editor.graphicalViewer().select(part(editor, created.get(2))));
        screenshot("diagram-cycle-1.2-created");

        // Edit ▸ Undo: the rename, then the creation of the analysis; Redo brings both back
        command("org.eclipse.ui.edit.undo");
        command("org.eclipse.ui.edit.undo");
        assertFalse(UiThread.call(() -> direction.getStages().get(5).getDocuments().contains(created.get(7))));
        assertNull(part(editor, created.get(7)));
        command("org.eclipse.ui.edit.redo");
        command("org.eclipse.ui.edit.redo");
        assertTrue(UiThread.call(() -> direction.getStages().get(5).getDocuments().contains(created.get(7))));
        assertNotNull(part(editor, created.get(7)));
        assertEquals("Новое: Анализ эффективности", UiThread.call(() -> ((oko.model.NamedElement) created.get(7)).getName()));
        // undo everything: back to the saved state
        for (int i = 0; i < 2 * tools.size(); i++) {
            command("org.eclipse.ui.edit.undo");
        }
        assertFalse(UiThread.call(editor::isDirty), "back to the saved state");
        assertEquals(indicators, inStage(editor, StageKind.INDICATORS, "indicator"));
        assertEquals(measures, inStage(editor, StageKind.MEASURES, "measure"));
    }

    private static CreateRequest request(CreationFactory factory, NodePart target) {
        CreateRequest request = new CreateRequest();
        request.setFactory(factory);
        Rectangle box = target.getFigure().getBounds().getCopy();
        target.getFigure().translateToAbsolute(box);
        request.setLocation(box.getCenter());
        return request;
    }

    private static NodePart partOf(DiagramEditor editor, CDOID element) throws Exception {
        return UiThread.call(() -> {
            for (Object part : editor.graphicalViewer().getEditPartRegistry().values()) {
                if (part instanceof NodePart node && id(node.key().element()).equals(element)) {
                    return node;
                }
            }
            throw new AssertionError("no part for " + element);
        });
    }

    @Test
    void theOverviewShowsTheNineDirectionsOfASystemWithTheirStages() throws Exception {
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getDirections().size() == 9
                && s.getDirections().stream().anyMatch(d -> "1.2".equals(d.getCode()) && d.getStages().size() == 6));
        List<CDOID> directions = read(systemId, s -> ((QualitySystem) s).getDirections().stream()
                .map(DiagramEditorTest::id).toList());
        DiagramEditor editor = newDiagram(systemId, "overview");
        assertEquals("", UiThread.call(editor::message));
        assertEquals(directions, nodeElements(editor, "overviewDirection").stream().map(DiagramEditorTest::id).toList());
        // direction 1.2's six stages inside it, one colour each
        CDOID twelve = directions.get(1);
        List<String> colours = UiThread.call(() -> editor.shown().diagram().nodes().get(1).children().stream()
                .map(n -> n.style().getBackground()).toList());
        assertEquals(6, colours.size());
        assertEquals(6, colours.stream().distinct().count());
        assertEquals(twelve, UiThread.call(() -> id(editor.shown().diagram().nodes().get(1).element())));
        assertNoOverlaps(editor);
        UiThread.run(() -> editor.setZoom(1.0));
        screenshot("diagram-overview");
    }

    @Test
    void rolesFunctionsAndDocumentsWithPerformsAndGovernedBy() throws Exception {
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getRoles().size() > 2 && DiagramInterpreter
                .build(description("roles"), s).edges().stream().anyMatch(e -> e.mapping().getId().equals("performs")));
        List<CDOID> roles = read(systemId, s -> ((QualitySystem) s).getRoles().stream().map(DiagramEditorTest::id).toList());
        long links = read(systemId, s -> {
            long count = 0;
            for (var it = s.eAllContents(); it.hasNext();) {
                if (it.next() instanceof Function f) {
                    count += f.getResponsibleRoles().size();
                }
            }
            return count;
        });
        DiagramEditor editor = newDiagram(systemId, "roles");
        assertEquals(roles, nodeElements(editor, "role").stream().map(DiagramEditorTest::id).toList());
        assertTrue(drawn(editor).containsAll(roles));
        long performs = UiThread.call(() -> edgeParts(editor).stream()
                .filter(e -> e.edge().mapping().getId().equals("performs")).count());
        assertEquals(links, performs, "one edge per role a function names");
        assertNoOverlaps(editor);
        screenshot("diagram-roles");

        // the filter hides documents no function refers to
        int documents = nodeElements(editor, "document").size();
        UiThread.run(() -> editor.setActive("roles.withoutDocuments", true));
        List<EObject> shownDocuments = nodeElements(editor, "document");
        assertTrue(shownDocuments.size() < documents, shownDocuments.size() + " of " + documents);
        assertTrue(UiThread.call(() -> shownDocuments.stream().allMatch(d -> editor.shown().diagram().edges().stream()
                .anyMatch(e -> e.target().element() == d))), "every shown document is governed by a function");
        command("org.eclipse.ui.edit.undo");
        assertEquals(documents, nodeElements(editor, "document").size());
    }

    /** Every node's label is read whole at 100 %, or, cut by its maximum height, whole in its tooltip. */
    private static int assertLabelsReadable(DiagramEditor editor) throws Exception {
        return UiThread.call(() -> {
            int cut = 0;
            for (Object part : editor.graphicalViewer().getEditPartRegistry().values()) {
                if (part instanceof NodePart node && node.getFigure() instanceof NodeFigure figure) {
                    oko.diagram.Labels.Fitted fitted = figure.fitted();
                    String shown = String.join(" ", fitted.lines()).replace("…", "");
                    String text = figure.text().replaceAll("\\s+", " ").strip();
                    String whole = text.replace("…", "");
                    if (fitted.cut()) {
                        cut++;
                        assertEquals(text, ((org.eclipse.draw2d.Label) figure.getToolTip()).getText(),
                                "a cut label's tooltip shows it whole");
                    } else {
                        // lines split only where a word was wider than the line: the words all there
                        assertEquals(whole.replace(" ", ""), shown.replace(" ", ""), "label drawn whole: " + text);
                    }
                }
            }
            return cut;
        });
    }

    @Test
    void theRolesDiagramReadsInColumnsAndAMovedFunctionABendpointAndAHiddenEdgeAreKept() throws Exception {
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getSections().size() > 2 && s.getRoles().size() > 2);
        DiagramEditor editor = newDiagram(systemId, "roles");
        UiThread.run(() -> editor.setZoom(1.0));
        UiThread.drain();
        CDOID representationId = UiThread.call(() -> id(editor.representation()));
        Map<String, List<Rectangle>> columns = UiThread.call(() -> {
            Map<String, List<Rectangle>> map = new java.util.HashMap<>();
            for (Node node : editor.shown().diagram().allNodes()) {
                String kind = node.element().eClass().getName();
                map.computeIfAbsent(kind, k -> new ArrayList<>()).add(editor.figureBounds().get(node.element()));
            }
            return map;
        });
        int rolesRight = columns.get("Role").stream().mapToInt(Rectangle::right).max().orElseThrow();
        int functionsLeft = columns.get("Function").stream().mapToInt(r -> r.x).min().orElseThrow();
        int functionsRight = columns.get("Function").stream().mapToInt(Rectangle::right).max().orElseThrow();
        int documentsLeft = columns.get("Document").stream().mapToInt(r -> r.x).min().orElseThrow();
        assertTrue(rolesRight < functionsLeft, "roles left of functions: " + rolesRight + " < " + functionsLeft);
        assertTrue(functionsRight < documentsLeft, "functions left of documents: " + functionsRight + " < " + documentsLeft);
        int cut = assertLabelsReadable(editor);
        System.out.println("roles diagram: labels cut by their maximum height (tooltip whole): " + cut);
        screenshot("diagram-roles-100");

        // a function moved inside its section: stored relative to it, the same after reopening
        Function function = UiThread.call(() -> (Function) editor.shown().diagram().nodes().stream()
                .filter(n -> n.children().size() > 1).findFirst().orElseThrow().children().get(0).element());
        Rectangle before = UiThread.call(() -> editor.figureBounds().get(function)).getCopy();
        NodePart child = part(editor, function);
        Command move = UiThread.call(() -> {
            ChangeBoundsRequest request = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
            request.setEditParts(child);
            request.setMoveDelta(new Point(20, 30));
            request.setSizeDelta(new org.eclipse.draw2d.geometry.Dimension(0, 0));
            return child.getCommand(request);
        });
        execute(editor, move);
        Rectangle moved = UiThread.call(() -> editor.figureBounds().get(function)).getCopy();
        assertEquals(before.x + 20, moved.x);
        assertEquals(before.y + 30, moved.y);

        // a bendpoint added to an edge, stored, undone and added again
        EdgePart edge = edgeParts(editor).stream().filter(e -> {
            try {
                return UiThread.call(() -> e.edge().source().element() != function && e.edge().target().element() != function);
            } catch (Exception x) {
                throw new IllegalStateException(x);
            }
        }).findFirst().orElseThrow();
        oko.diagram.Arrangement.EdgeKey edgeKey = UiThread.call(() -> (oko.diagram.Arrangement.EdgeKey) edge.getModel());
        Point bend = UiThread.call(() -> {
            org.eclipse.draw2d.geometry.PointList points = edge.getConnectionFigure().getPoints();
            return points.getMidpoint().getTranslated(0, 40);
        });
        Command bendpoint = UiThread.call(() -> {
            org.eclipse.gef.requests.BendpointRequest request = new org.eclipse.gef.requests.BendpointRequest();
            request.setType(RequestConstants.REQ_CREATE_BENDPOINT);
            request.setSource(edge);
            request.setIndex(0);
            Point absolute = bend.getCopy();
            edge.getConnectionFigure().translateToAbsolute(absolute);
            request.setLocation(absolute);
            return edge.getCommand(request);
        });
        List<Integer> routeBefore = UiThread.call(() -> route(editor, edgeKey));
        execute(editor, bendpoint);
        List<Integer> bent = UiThread.call(() -> route(editor, edgeKey));
        assertTrue(java.util.Collections.indexOfSubList(bent, List.of(bend.x, bend.y)) >= 0, bent + " holds " + bend);
        command("org.eclipse.ui.edit.undo");
        assertEquals(routeBefore, UiThread.call(() -> route(editor, edgeKey)));
        command("org.eclipse.ui.edit.redo");
        assertEquals(bent, UiThread.call(() -> route(editor, edgeKey)));

        // an edge hidden, the hiding undone, hidden again and shown with Show hidden elements
        EdgePart other = edgeParts(editor).stream().filter(e -> !edgeKey.equals(e.getModel())).findFirst().orElseThrow();
        Object hiddenKey = UiThread.call(other::getModel);
        UiThread.run(() -> editor.graphicalViewer().select(other));
        UiThread.run(editor::hideSelected);
        assertTrue(edgeParts(editor).stream().noneMatch(e -> e.getModel().equals(hiddenKey)), "the edge is hidden");
        command("org.eclipse.ui.edit.undo");
        assertTrue(edgeParts(editor).stream().anyMatch(e -> e.getModel().equals(hiddenKey)), "undo shows it");
        UiThread.run(() -> editor.graphicalViewer().select(edgeParts(editor).stream()
                .filter(e -> e.getModel().equals(hiddenKey)).findFirst().orElseThrow()));
        UiThread.run(editor::hideSelected);
        assertTrue(edgeParts(editor).stream().noneMatch(e -> e.getModel().equals(hiddenKey)));
        command("oko.diagram.ui.showHidden");
        assertTrue(edgeParts(editor).stream().anyMatch(e -> e.getModel().equals(hiddenKey)), "shown again");
        save(editor);

        UiThread.run(() -> page().closeEditor(editor, false));
        DiagramEditor reopened = UiThread.call(() -> (DiagramEditor) NavigatorDiagramMenu.open(page(), representationId,
                "roles"));
        UiThread.drain();
        UiThread.run(() -> reopened.setZoom(1.0));
        CDOID functionId = UiThread.call(() -> id(function));
        assertEquals(moved, UiThread.call(() -> reopened.figureBounds().entrySet().stream()
                .filter(e -> id(e.getKey()).equals(functionId)).findFirst().orElseThrow().getValue()),
                "the moved function stays");
        // the reopened editor works on a transaction of its own: the same edge there has the same
        // mapping and ends of the same ids (the first editor's key names the first one's objects)
        oko.diagram.Arrangement.EdgeKey reopenedKey = UiThread.call(() -> sameEdge(reopened, edgeKey));
        assertNotNull(reopenedKey, "the bent edge is shown again");
        assertEquals(bent, UiThread.call(() -> route(reopened, reopenedKey)), "the bendpoint stays");
        // and it is drawn: the connection passes through the bendpoint added above
        List<Point> drawn = UiThread.call(() -> {
            EdgePart part = (EdgePart) reopened.graphicalViewer().getEditPartRegistry().get(reopenedKey);
            part.getFigure().getUpdateManager().performValidation();
            org.eclipse.draw2d.geometry.PointList points = part.getConnectionFigure().getPoints();
            List<Point> list = new ArrayList<>();
            for (int i = 0; i < points.size(); i++) {
                list.add(points.getPoint(i));
            }
            return list;
        });
        assertTrue(drawn.contains(bend), drawn + " passes through " + bend);
        UiThread.run(() -> page().closeEditor(reopened, false));
    }

    /** The key in this editor of the edge that key names in another editor (same mapping, ends of the same ids). */
    private static oko.diagram.Arrangement.EdgeKey sameEdge(DiagramEditor editor, oko.diagram.Arrangement.EdgeKey key) {
        for (DiagramInterpreter.Edge edge : editor.shown().diagram().edges()) {
            oko.diagram.Arrangement.EdgeKey candidate = oko.diagram.Arrangement.key(edge);
            if (candidate.mapping().equals(key.mapping()) && id(candidate.source()).equals(id(key.source()))
                    && id(candidate.target()).equals(id(key.target()))) {
                return candidate;
            }
        }
        return null;
    }

    private static List<Integer> route(DiagramEditor editor, oko.diagram.Arrangement.EdgeKey key) {
        int[] route = editor.route(editor.edge(key));
        return route == null ? List.of() : java.util.Arrays.stream(route).boxed().toList();
    }

    @Test
    void theCycleOfDirection12ReadsWholeAtHundredPercent() throws Exception {
        CDOID directionId = find(o -> o instanceof Direction d && "1.2".equals(d.getCode()) && d.getStages().size() == 6);
        DiagramEditor editor = newDiagram(directionId, "cycle");
        UiThread.run(() -> editor.setZoom(1.0));
        UiThread.drain();
        int cut = assertLabelsReadable(editor);
        System.out.println("cycle 1.2: labels cut by their maximum height (tooltip whole): " + cut);
        screenshot("diagram-cycle-1.2-100");
    }

    @Test
    void thePlanNetworkStylesOverdueItemsAndItsFilterHidesDoneOnes() throws Exception {
        CDOID planId = find(o -> o instanceof Plan p && !p.getItems().isEmpty());
        DiagramEditor editor = newDiagram(planId, "plan");
        List<CDOID> items = read(planId, p -> {
            List<CDOID> all = new ArrayList<>();
            for (var it = p.eAllContents(); it.hasNext();) {
                if (it.next() instanceof PlanItem item) {
                    all.add(id(item));
                }
            }
            return all;
        });
        assertEquals(items, nodeElements(editor, "item").stream().map(DiagramEditorTest::id).toList());
        long overdue = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                .filter(n -> n.style() != n.mapping().getStyle()).count());
        long expectedOverdue = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                .filter(n -> oko.diagram.DiagramQueries.test("overdue", n.element())).count());
        assertEquals(expectedOverdue, overdue, "overdue items have the conditional style");
        screenshot("diagram-plan");
        long done = read(planId, p -> {
            long count = 0;
            for (var it = p.eAllContents(); it.hasNext();) {
                if (it.next() instanceof PlanItem item && item.getStatus() == MeasureStatus.DONE) {
                    count++;
                }
            }
            return count;
        });
        UiThread.run(() -> editor.setActive("plan.hideDone", true));
        assertEquals(items.size() - done, nodeElements(editor, "item").size());
    }

    @Test
    void theWorkingGroupShowsItsMembersAndTheirOrganisations() throws Exception {
        CDOID groupId = find(o -> o instanceof WorkingGroup g && g.getMembers().size() > 2);
        int members = read(groupId, g -> ((WorkingGroup) g).getMembers().size());
        DiagramEditor editor = newDiagram(groupId, "workingGroup");
        assertEquals(members, nodeElements(editor, "member").size());
        List<String> labels = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                .filter(n -> n.mapping().getId().equals("member")).map(Node::label).toList());
        assertTrue(labels.stream().allMatch(l -> l.contains(" — ")), labels.toString());
        assertNoOverlaps(editor);
        screenshot("diagram-working-group");
    }

    // ---- tools

    private static CreationFactory factory(DiagramEditor editor, String label) throws Exception {
        return UiThread.call(() -> {
            List<PaletteEntry> entries = new ArrayList<>();
            collect(editor.paletteViewer().getPaletteRoot(), entries);
            for (PaletteEntry entry : entries) {
                if (entry instanceof CreationToolEntry tool && label.equals(entry.getLabel())) {
                    return (CreationFactory) tool.getToolProperty(CreationTool.PROPERTY_CREATION_FACTORY);
                }
            }
            throw new AssertionError("no palette entry " + label);
        });
    }

    private static void collect(PaletteContainer container, List<PaletteEntry> into) {
        for (Object child : container.getChildren()) {
            into.add((PaletteEntry) child);
            if (child instanceof PaletteContainer inner) {
                collect(inner, into);
            }
        }
    }

    private static void execute(DiagramEditor editor, Command command) throws Exception {
        assertNotNull(command, "the edit policy refused");
        assertTrue(command.canExecute());
        UiThread.run(() -> editor.graphicalViewer().getEditDomain().getCommandStack().execute(command));
        UiThread.drain();
    }

    @Test
    void paletteToolsCreateConnectRenameAndDeleteAndEditUndoRevertsEachStep() throws Exception {
        DiagramEditor editor = rolesDiagramAtHundredPercent();
        QualitySystem system = UiThread.call(() -> (QualitySystem) editor.representation().getTarget());
        int roles = UiThread.call(() -> system.getRoles().size());
        List<String> palette = UiThread.call(() -> {
            List<PaletteEntry> entries = new ArrayList<>();
            collect(editor.paletteViewer().getPaletteRoot(), entries);
            return entries.stream().map(PaletteEntry::getLabel).toList();
        });
        assertTrue(palette.containsAll(List.of("Роль", "Документ", "Выполняет", "Регламентируется")), palette.toString());

        // create: the creation tool's request on the diagram, at a free spot to the right
        int right = UiThread.call(() -> editor.figureBounds().values().stream().mapToInt(r -> r.right()).max().orElse(0));
        createRole(editor, new Point(right + 60, 40));
        assertEquals(roles + 1, (int) UiThread.call(() -> system.getRoles().size()));
        Role role = UiThread.call(() -> system.getRoles().get(roles));
        assertNotNull(part(editor, role), "the new role is drawn");
        assertTrue(UiThread.call(editor::isDirty));

        // connect: a function performs the new role
        Function function = UiThread.call(() -> (Function) editor.shown().diagram().allNodes().stream()
                .filter(n -> n.element() instanceof Function).findFirst().orElseThrow().element());
        CreationFactory performs = factory(editor, "Выполняет");
        NodePart source = part(editor, function);
        NodePart target = part(editor, role);
        Command connect = UiThread.call(() -> {
            CreateConnectionRequest request = new CreateConnectionRequest();
            request.setFactory(performs);
            request.setType(RequestConstants.REQ_CONNECTION_START);
            request.setTargetEditPart(source);
            request.setLocation(new Point(0, 0));
            assertNotNull(source.getCommand(request), "a function may start the edge");
            request.setSourceEditPart(source);
            request.setType(RequestConstants.REQ_CONNECTION_END);
            request.setTargetEditPart(target);
            return target.getCommand(request);
        });
        execute(editor, connect);
        assertTrue(UiThread.call(() -> function.getResponsibleRoles().contains(role)));
        assertTrue(edgeParts(editor).stream().anyMatch(e -> e.edge().source().element() == function
                && e.edge().target().element() == role), "the new edge is drawn");
        UiThread.run(() -> {
            editor.graphicalViewer().select(part(editor, role));
            editor.graphicalViewer().reveal(part(editor, role));
        });
        screenshot("diagram-roles-new-role-connected");

        // rename in place: the text field over the node, Enter commits
        UiThread.run(() -> editor.directEdit(part(editor, role)));
        UiThread.waitUntil("the direct edit field over the node", () -> findText(editor.graphicalViewer().getControl()) != null);
        UiThread.run(() -> {
            Text text = findText(editor.graphicalViewer().getControl());
            assertNotNull(text, "no direct edit field");
            text.setText("Наблюдатель");
            text.notifyListeners(SWT.DefaultSelection, new Event());
        });
        UiThread.drain();
        assertEquals("Наблюдатель", UiThread.call(role::getName));
        assertEquals("Наблюдатель", UiThread.call(() -> ((oko.diagram.ui.internal.NodeFigure) part(editor, role)
                .getFigure()).text()));

        // delete from the model (Edit ▸ Delete)
        UiThread.run(() -> editor.graphicalViewer().select(part(editor, role)));
        command("org.eclipse.ui.edit.delete");
        assertFalse(UiThread.call(() -> system.getRoles().contains(role)));
        assertNull(part(editor, role));
        assertFalse(UiThread.call(() -> function.getResponsibleRoles().contains(role)));

        command("org.eclipse.ui.edit.undo");
        assertTrue(UiThread.call(() -> system.getRoles().contains(role)));
        assertTrue(UiThread.call(() -> function.getResponsibleRoles().contains(role)));
        assertNotNull(part(editor, role));
        command("org.eclipse.ui.edit.undo");
        assertFalse("Наблюдатель".equals(UiThread.call(role::getName)));
        command("org.eclipse.ui.edit.undo");
        assertFalse(UiThread.call(() -> function.getResponsibleRoles().contains(role)));
        command("org.eclipse.ui.edit.undo");
        assertEquals(roles, (int) UiThread.call(() -> system.getRoles().size()));
        assertFalse(UiThread.call(editor::isDirty), "back to the saved state");
        command("org.eclipse.ui.edit.redo");
        assertEquals(roles + 1, (int) UiThread.call(() -> system.getRoles().size()));
    }

    /**
     * An undo from the keyboard changes nothing under the mouse: the canvas must still be painted
     * where the undone node was. In the product, draw2d 3.2's own painting (a GC outside paint
     * events) reached the screen only with the next event, and the undone node stayed until the
     * mouse moved; since RedrawingUpdateManager the area is painted in a paint event. This test
     * checks the paint events over the node's place; it passed with the old painting as well,
     * because the test's event loop is woken by its own timers: the GTK part was checked by hand.
     */
    @Test
    void anUndoneNodeIsPaintedAwayWithoutWaitingForAnotherEvent() throws Exception {
        DiagramEditor editor = rolesDiagramAtHundredPercent();
        QualitySystem system = UiThread.call(() -> (QualitySystem) editor.representation().getTarget());
        int roles = UiThread.call(() -> system.getRoles().size());
        createRole(editor, new Point(40, 40));
        Role role = UiThread.call(() -> system.getRoles().get(roles));
        NodePart created = part(editor, role);
        assertNotNull(created, "the new role is drawn");
        UiThread.run(() -> editor.graphicalViewer().reveal(created));
        UiThread.drain();
        // where the node is on the canvas (canvas coordinates: the viewport's scrolling applied)
        Rectangle shownAt = UiThread.call(() -> {
            Rectangle box = created.getFigure().getBounds().getCopy();
            created.getFigure().translateToAbsolute(box);
            return box;
        });
        List<org.eclipse.swt.graphics.Rectangle> painted = new java.util.concurrent.CopyOnWriteArrayList<>();
        UiThread.run(() -> editor.graphicalViewer().getControl().addPaintListener(
                event -> painted.add(new org.eclipse.swt.graphics.Rectangle(event.x, event.y, event.width, event.height))));

        UiThread.run(() -> PlatformUI.getWorkbench().getService(IHandlerService.class)
                .executeCommand("org.eclipse.ui.edit.undo", null));
        UiThread.waitUntil("the role removed by the undo", () -> !system.getRoles().contains(role));
        // each corner of the node's place lies in an area the canvas was asked to paint
        int[][] corners = { { shownAt.x, shownAt.y }, { shownAt.right() - 1, shownAt.y },
                { shownAt.x, shownAt.bottom() - 1 }, { shownAt.right() - 1, shownAt.bottom() - 1 } };
        UiThread.waitUntil("a paint event over the undone node at " + shownAt, () -> java.util.Arrays.stream(corners)
                .allMatch(corner -> painted.stream().anyMatch(area -> area.contains(corner[0], corner[1]))));
        assertNull(part(editor, role));
    }

    /** New Diagram ▸ roles on a system whose functions perform roles, at 100 %. */
    private static DiagramEditor rolesDiagramAtHundredPercent() throws Exception {
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getRoles().size() > 2 && DiagramInterpreter
                .build(description("roles"), s).edges().stream().anyMatch(e -> e.mapping().getId().equals("performs")));
        DiagramEditor editor = newDiagram(systemId, "roles");
        UiThread.run(() -> editor.setZoom(1.0));
        return editor;
    }

    /** The palette's «Роль» tool used at {@code location} on the diagram (one command, executed). */
    private static void createRole(DiagramEditor editor, Point location) throws Exception {
        CreationFactory newRole = factory(editor, "Роль");
        execute(editor, UiThread.call(() -> {
            CreateRequest request = new CreateRequest();
            request.setFactory(newRole);
            request.setLocation(location);
            return editor.graphicalViewer().getContents().getCommand(request);
        }));
    }

    private static Text findText(Control control) {
        if (control instanceof Text text && !text.isDisposed() && text.isVisible()) {
            return text;
        }
        if (control instanceof org.eclipse.swt.widgets.Composite composite) {
            for (Control child : composite.getChildren()) {
                Text found = findText(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    // ---- layout in the repository, other clients, hiding

    @Test
    void aMovedNodeIsSavedInTheRepositoryAndAnotherClientsCommitRefreshesTheDiagram() throws Exception {
        CDOID directionId = find(o -> o instanceof Direction d && d.getStages().size() == 6);
        DiagramEditor editor = newDiagram(directionId, "cycle");
        UiThread.run(() -> editor.setZoom(1.0));
        // Arrange All as a person would (a new diagram is already laid out with the editor's font)
        command("oko.diagram.ui.arrangeAll");
        CDOID representationId = UiThread.call(() -> id(editor.representation()));
        CycleStage stage = UiThread.call(() -> (CycleStage) editor.shown().diagram().nodes().get(1).element());
        Rectangle before = UiThread.call(() -> editor.figureBounds().get(stage)).getCopy();

        // drag by (0, 300): the selection tool's move request on the stage
        NodePart moved = part(editor, stage);
        Command move = UiThread.call(() -> {
            ChangeBoundsRequest request = new ChangeBoundsRequest(RequestConstants.REQ_MOVE);
            request.setEditParts(moved);
            request.setMoveDelta(new Point(0, 300));
            request.setSizeDelta(new org.eclipse.draw2d.geometry.Dimension(0, 0));
            return moved.getCommand(request);
        });
        execute(editor, move);
        Rectangle after = UiThread.call(() -> editor.figureBounds().get(stage));
        assertEquals(before.y + 300, after.y);
        save(editor);

        // every client sees the stored place
        int storedY = read(representationId, r -> ((Representation) r).getNodes().stream()
                .filter(l -> id(l.getElement()).equals(id(stage))).mapToInt(NodeLayout::getY).findFirst().orElseThrow());
        assertEquals(after.y, storedY);
        UiThread.run(() -> page().closeEditor(editor, false));
        EObject direction = selectInNavigator(directionId);
        assertNotNull(direction);
        assertTrue(navigatorMenu("open").stream().anyMatch(l -> l.startsWith(description("cycle").getLabel())));
        DiagramEditor reopened = UiThread.call(() -> (DiagramEditor) NavigatorDiagramMenu.open(page(), representationId,
                "cycle"));
        UiThread.drain(); // the editor zooms to fit from a runnable it queued
        UiThread.run(() -> reopened.setZoom(1.0));
        CycleStage sameStage = UiThread.call(() -> (CycleStage) reopened.shown().diagram().nodes().get(1).element());
        assertEquals(after, UiThread.call(() -> reopened.figureBounds().get(sameStage)));

        // another client renames the stage: the open diagram shows it
        String renamed = "Переименовано другим клиентом " + System.nanoTime();
        CDOTransaction other = repository().openTransaction();
        try {
            ((CycleStage) other.getObject(id(stage))).setName(renamed);
            repository().commit(other, "другой клиент", new NullProgressMonitor());
        } finally {
            other.close();
        }
        UiThread.waitUntil("the other client's commit reaches the open diagram (the stage shows its new name)",
                () -> ((oko.diagram.ui.internal.NodeFigure) part(reopened, sameStage).getFigure()).text().contains(renamed));
        screenshot("diagram-cycle-moved-and-renamed-elsewhere");

        // hide the stage; show hidden elements brings it back; Arrange All removes the gap
        UiThread.run(() -> reopened.graphicalViewer().select(part(reopened, sameStage)));
        UiThread.run(reopened::hideSelected);
        assertNull(part(reopened, sameStage));
        command("oko.diagram.ui.showHidden");
        assertNotNull(part(reopened, sameStage));
        // the moved stage is pinned: Arrange All keeps it until it is unpinned
        command("oko.diagram.ui.arrangeAll");
        assertEquals(after, UiThread.call(() -> reopened.figureBounds().get(sameStage)), "a pinned node stays");
        UiThread.run(() -> reopened.graphicalViewer().select(part(reopened, sameStage)));
        UiThread.run(reopened::unpinSelected);
        command("oko.diagram.ui.arrangeAll");
        assertNoOverlaps(reopened);
        // ELK's place again: its column (x and width) as before the move, not the pinned place. Its
        // height follows the name another client gave it meanwhile, and so may its y: the taller
        // header moves its children down, and with them the ports of the edges between the stages'
        // children, which ELK lines up with the other stages' ports
        Rectangle arranged = UiThread.call(() -> reopened.figureBounds().get(sameStage));
        assertEquals(List.of(before.x, before.width), List.of(arranged.x, arranged.width), "Arrange All is ELK's layout");
        assertTrue(arranged.y != after.y && Math.abs(arranged.y - before.y) < 300,
                "back from the pinned place " + after.y + " to ELK's, near " + before.y + ": " + arranged.y);
        UiThread.run(() -> page().closeEditor(reopened, false));
    }

    @Test
    void selectingInTheNavigatorSelectsTheNodeAndTheDiagramsSelectionFeedsTheProperties() throws Exception {
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getRoles().size() > 2 && DiagramInterpreter
                .build(description("roles"), s).edges().stream().anyMatch(e -> e.mapping().getId().equals("performs")));
        DiagramEditor editor = newDiagram(systemId, "roles");
        CDOID roleId = read(systemId, s -> id(((QualitySystem) s).getRoles().get(1)));
        UiThread.run(() -> page().activate(page().findView(RepositoryNavigator.ID)));
        selectInNavigator(roleId);
        UiThread.waitUntil("the role selected in the navigator is selected in the diagram", () -> editor.selectedItems()
                .stream().map(i -> id(((Node) i).element())).toList().equals(List.of(roleId)));
        List<CDOID> selected = UiThread.call(() -> editor.selectedItems().stream()
                .map(i -> id(((Node) i).element())).toList());
        assertEquals(List.of(roleId), selected);
        UiThread.run(() -> page().activate(editor));
        var selection = UiThread.call(() -> editor.getSite().getSelectionProvider().getSelection());
        assertEquals(roleId, id((EObject) ((org.eclipse.jface.viewers.IStructuredSelection) selection).getFirstElement()),
                "the Properties view gets the semantic element");
    }

    // ---- reload

    @Test
    void reloadPicksUpAnEditedDescriptionFileAndNamesABrokenOne() throws Exception {
        Path folder = RepositoryConnection.dataDirectory().orElseThrow().resolve("diagrams");
        Files.createDirectories(folder);
        Path shipped = Path.of(System.getProperty("oko.root", "../..")).resolve("bundles/oko.diagram/descriptions/oko.diagrams.xmi");
        String text = Files.readString(shipped);
        String edited = text.replace("<nodeMappings id=\"role\" label=\"Роль\" domainClass=\"Role\" labelExpression=\"{name}\" layoutPartition=\"1\">",
                "<nodeMappings id=\"role\" label=\"Роль\" domainClass=\"Role\" labelExpression=\"Роль: {name}\" layoutPartition=\"1\">");
        assertFalse(edited.equals(text), "the shipped role mapping changed; adapt the test");
        Path edit = folder.resolve("my-diagrams.xmi");
        Path broken = folder.resolve("broken.xmi");
        CDOID systemId = find(o -> o instanceof QualitySystem s && s.getRoles().size() > 2);
        DiagramEditor editor = newDiagram(systemId, "roles");
        try {
            Files.writeString(edit, edited);
            Files.writeString(broken, "<not-a-description");
            Display.getDefault().asyncExec(() -> {
                try {
                    PlatformUI.getWorkbench().getService(IHandlerService.class)
                            .executeCommand("oko.diagram.ui.reloadDescriptions", null);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String message = answer("Описания диаграмм");
            assertTrue(message.contains("broken.xmi"), message);
            List<String> labels = UiThread.call(() -> editor.shown().diagram().nodes().stream()
                    .filter(n -> n.mapping().getId().equals("role")).map(Node::label).toList());
            assertFalse(labels.isEmpty());
            assertTrue(labels.stream().allMatch(l -> l.startsWith("Роль: ")), labels.toString());
            screenshot("diagram-roles-after-reload");
        } finally {
            Files.deleteIfExists(edit);
            Files.deleteIfExists(broken);
            DescriptionRegistry.reload();
        }
    }
}
