package oko.diagram;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.diagram.description.DiagramDescription;
import oko.diagram.representation.Representation;
import oko.diagram.representation.RepresentationFactory;
import oko.model.edit.ModelLabels;

/**
 * Where diagrams live in the repository: one resource beside the model folder, so every client
 * sees the same diagrams and their layout, and model-wide operations (validation, export, the
 * navigator) never mistake a diagram for a model.
 */
public final class Representations {

    /** The resource holding every stored diagram. */
    public static final String RESOURCE = "/diagrams";

    private Representations() {
    }

    /** Every stored diagram (none before the first is created). */
    public static List<Representation> all(CDOView view) {
        List<Representation> all = new ArrayList<>();
        if (view.hasResource(RESOURCE)) {
            for (EObject object : view.getResource(RESOURCE).getContents()) {
                if (object instanceof Representation representation) {
                    all.add(representation);
                }
            }
        }
        return all;
    }

    /** The stored diagrams of one semantic element. */
    public static List<Representation> of(CDOView view, EObject target) {
        return all(view).stream().filter(r -> r.getTarget() == target).toList();
    }

    /**
     * A new diagram of the element in the transaction, laid out by Arrange All; committed with the
     * transaction.
     */
    public static Representation create(CDOTransaction transaction, DiagramDescription description, EObject target) {
        return create(transaction, description, target, TextMeasure.ESTIMATE);
    }

    /**
     * A new diagram laid out with the text measured as given (the editor's font: its stored bounds and
     * the routes between containers' children are then those the editor draws, not the headless
     * estimate's, which the editor would grow and push apart under the stored routes).
     */
    public static Representation create(CDOTransaction transaction, DiagramDescription description, EObject target,
            TextMeasure measure) {
        CDOResource resource = transaction.getOrCreateResource(RESOURCE);
        Representation representation = RepresentationFactory.eINSTANCE.createRepresentation();
        representation.setDescription(description.getId());
        representation.setTarget(target);
        representation.setName(description.getLabel() + ": " + ModelLabels.label(target));
        resource.getContents().add(representation);
        DiagramInterpreter.Diagram diagram = Arrangement.interpret(representation, description);
        Arrangement.store(representation, diagram, DiagramLayout.layout(diagram, measure, java.util.Map.of()));
        return representation;
    }
}
