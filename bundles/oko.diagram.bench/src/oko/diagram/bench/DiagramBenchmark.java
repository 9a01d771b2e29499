package oko.diagram.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;

import oko.diagram.DiagramInterpreter;
import oko.diagram.DiagramLayout;
import oko.diagram.description.DescriptionGroup;
import oko.diagram.description.DiagramDescription;
import oko.model.CycleStage;
import oko.model.Direction;
import oko.model.Document;
import oko.model.Goal;
import oko.model.Task;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.model.Role;

/**
 * Open + Arrange All of generated "roles, functions and documents" diagrams of 100, 1,000 and
 * 5,000 nodes (a tenth roles, a tenth documents, the rest functions, each function performed by
 * one role and governed by one document): the shipped description interpreted, then ELK layered.
 * Goal: 1,000 nodes in under 1 s. Prints figures, asserts nothing; drawing (GEF) is not included.
 */
public final class DiagramBenchmark {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    /** A shipped diagram description, read from bundles/oko.diagram/descriptions (plain Java: no extension registry). */
    public static DiagramDescription description(String id) {
        Path file = Path.of(System.getProperty("oko.root", "."), "bundles", "oko.diagram", "descriptions", "oko.diagrams.xmi");
        ResourceSetImpl set = new ResourceSetImpl();
        set.getResourceFactoryRegistry().getExtensionToFactoryMap().put("xmi", new XMIResourceFactoryImpl());
        // plain Java: no plugin.xml registers the generated package
        set.getPackageRegistry().put(oko.diagram.description.DescriptionPackage.eNS_URI,
                oko.diagram.description.DescriptionPackage.eINSTANCE);
        DescriptionGroup group = (DescriptionGroup) set.getResource(URI.createFileURI(file.toString()), true)
                .getContents().get(0);
        return group.getDiagrams().stream().filter(d -> d.getId().equals(id)).findFirst().orElseThrow();
    }

    public static void main(String[] args) throws Exception {
        DiagramDescription roles = description("roles");
        System.out.printf(Locale.ROOT, "JVM %s, %d cores%n", Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int size : new int[] { 100, 1000, 5000 }) {
            QualitySystem system = model(size);
            List<Double> times = new ArrayList<>();
            int nodes = 0;
            int edges = 0;
            int runs = size >= 5000 ? 3 : 6;
            double interpretLast = 0;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                DiagramInterpreter.Diagram diagram = DiagramInterpreter.build(roles, system);
                long built = System.nanoTime();
                DiagramLayout.layout(diagram);
                long laid = System.nanoTime();
                times.add((laid - start) / 1e6);
                interpretLast = (built - start) / 1e6;
                nodes = diagram.allNodes().size();
                edges = diagram.edges().size();
            }
            List<Double> warm = new ArrayList<>(times.subList(runs / 2, runs));
            warm.sort(null);
            System.out.printf(Locale.ROOT,
                    "%5d nodes, %5d edges: open + arrange all, first %6.0f ms, warm median %6.0f ms (interpret %4.0f ms)%s%n",
                    nodes, edges, times.get(0), warm.get(warm.size() / 2), interpretLast,
                    size == 1000 ? "  (goal < 1000 ms)" : "");
        }
        cycle(1000);
    }

    /**
     * Open + Arrange All of a management-cycle diagram with {@code children} goals and tasks spread
     * over the six stage containers, with the shipped description (stages as it says) and with the
     * stages' children laid out by ELK inside them (FREE). Goal: 1,000 children in under 1 s.
     */
    static void cycle(int children) {
        DiagramDescription cycle = description("cycle");
        Direction direction = cycleModel(children);
        for (boolean free : new boolean[] { false, true }) {
            if (free) {
                cycle.getLayers().get(0).getContainerMappings().forEach(
                        m -> m.setChildrenPresentation(oko.diagram.description.ChildrenPresentation.FREE));
            }
            List<Double> times = new ArrayList<>();
            int nodes = 0;
            int runs = 8;
            for (int run = 0; run < runs; run++) {
                long start = System.nanoTime();
                DiagramInterpreter.Diagram diagram = DiagramInterpreter.build(cycle, direction);
                DiagramLayout.layout(diagram);
                times.add((System.nanoTime() - start) / 1e6);
                nodes = diagram.allNodes().size();
            }
            List<Double> warm = new ArrayList<>(times.subList(runs / 2, runs));
            warm.sort(null);
            System.out.printf(Locale.ROOT,
                    "cycle, %5d nodes in 6 stages (%s): open + arrange all, first %6.0f ms, warm median %6.0f ms  (goal < 1000 ms)%n",
                    nodes, free ? "children laid out by ELK" : "as described", times.get(0), warm.get(warm.size() / 2));
        }
    }

    /** A direction of six stages holding {@code children} goals and tasks between them (labels of 40-80 characters). */
    public static Direction cycleModel(int children) {
        ModelRoot root = F.createModelRoot();
        QualitySystem system = F.createQualitySystem();
        root.getQualitySystems().add(system);
        Direction direction = F.createDirection();
        direction.setCode("1.2");
        direction.setName("Направление");
        system.getDirections().add(direction);
        for (int s = 1; s <= 6; s++) {
            CycleStage stage = F.createCycleStage();
            stage.setNumber(s);
            direction.getStages().add(stage);
        }
        for (int i = 0; i < children; i++) {
            CycleStage stage = direction.getStages().get(i % 6);
            String name = "Элемент " + i + " этапа управленческого цикла" + (i % 2 == 0 ? " с длинным наименованием" : "");
            if (i % 3 == 0) {
                Task task = F.createTask();
                task.setName(name);
                stage.getTasks().add(task);
            } else {
                Goal goal = F.createGoal();
                goal.setName(name);
                stage.getGoals().add(goal);
            }
        }
        return direction;
    }

    /** A quality system whose roles diagram has {@code size} nodes. */
    public static QualitySystem model(int size) {
        ModelRoot root = F.createModelRoot();
        QualitySystem system = F.createQualitySystem();
        system.setName("bench");
        root.getQualitySystems().add(system);
        int roles = Math.max(1, size / 10);
        int documents = Math.max(1, size / 10);
        for (int i = 0; i < roles; i++) {
            Role role = F.createRole();
            role.setName("Роль " + i);
            system.getRoles().add(role);
        }
        for (int i = 0; i < documents; i++) {
            Document document = F.createDocument();
            document.setNumber(Integer.toString(i));
            document.setName("Документ " + i);
            system.getDocuments().add(document);
        }
        FunctionSection section = F.createFunctionSection();
        section.setName("Раздел");
        system.getSections().add(section);
        for (int i = 0; i < size - roles - documents; i++) {
            Function function = F.createFunction();
            function.setNumber(Integer.toString(i));
            function.setName("Функция " + i);
            function.getResponsibleRoles().add(system.getRoles().get(i % roles));
            function.getDocuments().add(system.getDocuments().get((i * 7) % documents));
            section.getFunctions().add(function);
        }
        return system;
    }
}
