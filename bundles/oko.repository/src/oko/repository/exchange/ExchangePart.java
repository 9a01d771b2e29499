package oko.repository.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.ResourceSet;

/**
 * What a bundle adds to {@link XmiExporter} and {@link XmiImporter} besides the model: files of its
 * own beside the model file (the diagrams and their layouts, for one), written from the repository
 * and read back bound to the imported objects. Contributed through the extension point
 * {@value ExchangeParts#EXTENSION_POINT}; the repository does not know what the parts hold, so the
 * parts may depend on the repository and not the other way round.
 */
public interface ExchangePart {

    /**
     * Writes this part's files beside the model file just written.
     *
     * @param view      the repository view the model was exported from
     * @param modelFile the model file written
     * @param copies    every exported object: the repository's object → its copy in the model file
     *                  (a resource of {@code modelFile}, ids set), for references from this part's files
     * @param warnings  where to say what was left out (one line each, in the user's language)
     */
    void export(CDOView view, Path modelFile, Map<EObject, EObject> copies, List<String> warnings) throws IOException;

    /**
     * Reads this part's files beside an imported model file into the transaction, before it is
     * committed with the model. A file that cannot be read is a problem (nothing is imported);
     * what only cannot be bound (an element no longer in the model) is a warning.
     *
     * @param set       the resource set the model files were loaded in (references resolve into it)
     * @param modelFile an imported model file
     * @param copies    every imported object: the object loaded from the file → its new repository object
     * @param problems  where to add what makes the import fail
     * @param warnings  where to say what was left out
     */
    void importing(CDOTransaction transaction, ResourceSet set, Path modelFile, Map<EObject, EObject> copies,
            List<String> problems, List<String> warnings);

    /**
     * Called after a model resource's contents were replaced in the transaction ({@code --replace}):
     * this part's stored data that referred to the replaced objects must go (they are gone).
     *
     * @param warnings where to say what was removed
     */
    default void replaced(CDOTransaction transaction, List<String> warnings) {
    }

    /**
     * Whether the file is one of this part's (read with its model file, not as a model): an import
     * given it among the model files passes over it.
     */
    default boolean owns(Path file) {
        return false;
    }
}
