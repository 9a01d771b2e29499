package oko.diagram;

import java.util.List;

import org.eclipse.emf.ecore.EObject;

/**
 * A named query a description refers to ({@code NamedQuery}): the candidates of a mapping, or the
 * targets of an edge, computed from the context element. Contributed through the extension point
 * {@code oko.diagram.queries} or registered with {@link DiagramQueries#register}.
 */
@FunctionalInterface
public interface DiagramQuery {

    List<? extends EObject> evaluate(EObject context);
}
