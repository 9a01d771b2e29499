package oko.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;

import oko.model.QualitySystem;

/**
 * One kind of table a district already has (a register of organisations, of persons, a function
 * distribution, a plan of measures, a technological map) brought into the model of a quality
 * system. An import first {@link #prepare prepares}: reads the file, checks every row and works out
 * what it will create and update, changing nothing; only then, when its report has no error, the
 * caller {@linkplain Prepared#apply applies} it in the same transaction and commits.
 */
public interface ModelImport {

    /** The name used on the command line and in the workbench: organisations, persons, roles, plan, techmap. */
    String id();

    /** The name shown to the user, in the user's language. */
    String label();

    /** The file name endings read, lower case without the dot (csv, xlsx, docx). */
    Set<String> extensions();

    /**
     * Reads the file and works out the changes against the model of the system (the system's
     * {@code ModelRoot} for registers, the system itself for tables). Changes nothing. Bad rows are
     * errors of the report, not exceptions; an exception only when the file cannot be read at all
     * (its message names the file and says why).
     */
    Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException;

    /** A prepared import: its report, and the changes it makes when applied. */
    interface Prepared {

        ImportReport report();

        /**
         * Makes the changes in the system's transaction (not committed) and returns the objects
         * created or updated at the top (e.g. the organisations, the sections), for the workbench to
         * select. Only allowed when the report has no errors.
         */
        List<EObject> apply();
    }
}
