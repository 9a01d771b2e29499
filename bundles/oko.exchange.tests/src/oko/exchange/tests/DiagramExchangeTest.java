package oko.exchange.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.diagram.DescriptionRegistry;
import oko.diagram.Representations;
import oko.diagram.representation.EdgeLayout;
import oko.diagram.representation.NodeLayout;
import oko.diagram.representation.Representation;
import oko.model.Direction;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.repository.exchange.XmiExporter;
import oko.repository.exchange.XmiImporter;

/**
 * The stored diagrams travel with the export and the import (oko.exchange.internal.DiagramExchange):
 * a cycle diagram of a direction of the sample's Ishimbay system, one stage moved by hand and a
 * bendpoint added to an edge, exported with its system and imported into a fresh repository, opens
 * there bound to the imported direction with the same node bounds and edge points; a diagram of
 * another system's direction is left out of the export with a warning.
 */
class DiagramExchangeTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    private static final String SYSTEM = "ishimbay-msoko";

    @TempDir
    Path dir;

    private static List<URI> sample() {
        Path samples = Path.of(System.getProperty("oko.root"), "bundles", "oko.municipal", "samples");
        return List.of(URI.createFileURI(samples.resolve("seeds.xmi").toString()),
                URI.createFileURI(samples.resolve("illustrative-monitoring.xmi").toString()));
    }

    private static QualitySystem system(CDOView view, String code) {
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    if (code.equals(system.getCode())) {
                        return system;
                    }
                }
            }
        }
        throw new AssertionError("no system " + code);
    }

    /** The first direction of the system with two stages or more (its cycle diagram has edges). */
    private static Direction direction(QualitySystem system) {
        return system.getDirections().stream().filter(d -> d.getStages().size() > 1).findFirst().orElseThrow();
    }

    /** A node's layout as text: mapping, the element's label, bounds, hidden. */
    private static String node(NodeLayout n) {
        return n.getMapping() + " " + ModelLabels.label(n.getElement()) + " " + n.getX() + "," + n.getY() + " " + n.getWidth()
                + "x" + n.getHeight() + (n.isHidden() ? " hidden" : "");
    }

    private static String edge(EdgeLayout e) {
        return e.getMapping() + " " + ModelLabels.label(e.getSource()) + " → " + ModelLabels.label(e.getTarget()) + " "
                + e.getPoints() + (e.isHidden() ? " hidden" : "");
    }

    private static List<String> layout(Representation representation) {
        List<String> lines = new ArrayList<>();
        representation.getNodes().forEach(n -> lines.add(node(n)));
        representation.getEdges().forEach(e -> lines.add(edge(e)));
        return lines.stream().sorted().toList();
    }

    @Test
    void aDiagramWithAMovedNodeAndABendpointKeepsItsLayoutThroughExportAndImport() throws Exception {
        Path out = dir.resolve("out").resolve("ishimbay.xmi");
        List<String> before;
        String name;
        List<String> warnings = new ArrayList<>();
        try (OkoRepository source = OkoRepository.openEmbedded(dir.resolve("a"), "test", line -> { })) {
            XmiImporter.importFiles(source, sample(), false, "sample", NO_PROGRESS);
            CDOTransaction transaction = source.openTransaction();
            Direction direction = direction(system(transaction, SYSTEM));
            Representation diagram = Representations.create(transaction, DescriptionRegistry.byId("cycle").orElseThrow(),
                    direction);
            assertFalse(diagram.getNodes().isEmpty(), "the stages are laid out");
            assertFalse(diagram.getEdges().isEmpty(), "the stages are linked");
            // a person moved the first stage 37 right and 23 down and bent the first edge at (333, 444)
            NodeLayout moved = diagram.getNodes().get(0);
            moved.setX(moved.getX() + 37);
            moved.setY(moved.getY() + 23);
            // (an edge of this model file: Arrange All now also stores routes of edges to the
            // illustrative monitorings of another file, whose layouts the export leaves out)
            EdgeLayout bent = diagram.getEdges().stream().filter(e -> e.getSource().eResource() == direction.eResource()
                    && e.getTarget().eResource() == direction.eResource()).findFirst().orElseThrow();
            bent.getPoints().clear();
            bent.getPoints().addAll(List.of(333, 444));
            // and drew a diagram of a direction of another system, which the export of this one leaves out
            Direction other = system(transaction, "krasnogorsk-msoko").getDirections().get(0);
            Representation outside = Representations.create(transaction, DescriptionRegistry.byId("cycle").orElseThrow(),
                    other);
            source.commit(transaction, "diagrams", NO_PROGRESS);
            // the cycle also shows objects of another model file that refer to this direction (the
            // illustrative monitorings): the export of this system's file leaves their layouts out
            org.eclipse.emf.ecore.resource.Resource file = direction.eResource();
            List<String> outsideLayouts = new ArrayList<>();
            diagram.getNodes().stream().filter(n -> n.getElement().eResource() != file).forEach(n -> outsideLayouts.add(node(n)));
            diagram.getEdges().stream().filter(e -> e.getSource().eResource() != file || e.getTarget().eResource() != file)
                    .forEach(e -> outsideLayouts.add(edge(e)));
            before = layout(diagram).stream().filter(l -> !outsideLayouts.contains(l)).toList();
            name = diagram.getName();
            assertTrue(before.stream().anyMatch(l -> l.endsWith("[333, 444]")), before.toString());
            String outsideName = outside.getName();
            transaction.close();

            CDOView view = source.openView();
            XmiExporter.export(view, out, SYSTEM, NO_PROGRESS, warnings);
            view.close();
            List<String> expected = new ArrayList<>();
            if (!outsideLayouts.isEmpty()) {
                expected.add(oko.exchange.Messages.bind(oko.exchange.Messages.diagramLayoutsDropped, name,
                        outsideLayouts.size()));
            }
            expected.add(oko.exchange.Messages.bind(oko.exchange.Messages.diagramNotExported, outsideName));
            assertEquals(expected, warnings);
        }
        Path diagrams = dir.resolve("out").resolve("ishimbay.diagrams.xmi");
        assertTrue(Files.isRegularFile(diagrams), "the diagrams beside the model");
        String xml = Files.readString(diagrams);
        assertTrue(xml.contains("ishimbay.xmi#"), "references into the model file: " + xml.substring(0, Math.min(600, xml.length())));

        try (OkoRepository target = OkoRepository.openEmbedded(dir.resolve("b"), "test", line -> { })) {
            XmiImporter.Result result = XmiImporter.importFiles(target, List.of(URI.createFileURI(out.toString())), false,
                    "import", NO_PROGRESS);
            assertEquals(List.of(), result.warnings());
            CDOView view = target.openView();
            List<Representation> stored = Representations.all(view);
            assertEquals(1, stored.size(), "the other system's diagram was not exported");
            Representation diagram = stored.get(0);
            Direction direction = direction(system(view, SYSTEM));
            assertSame(direction, diagram.getTarget(), "bound to the imported direction");
            assertEquals(name, diagram.getName());
            assertEquals(before, layout(diagram));
            for (NodeLayout node : diagram.getNodes()) {
                assertSame(view, org.eclipse.emf.cdo.util.CDOUtil.getCDOObject(node.getElement()).cdoView(),
                        "bound into this repository");
            }
            view.close();
        }
    }
}
