package oko.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.ecore.EObject;

import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;

/**
 * An import into the repository as the command line and the workbench run it: a transaction on
 * which the file is {@linkplain #prepare prepared} (nothing changed; the report and the preview to
 * show), then either {@linkplain #commit committed} in one commit or {@linkplain #close closed}
 * without a trace. Any error in the report and nothing is applied.
 */
public final class ImportSession implements AutoCloseable {

    private final OkoRepository repository;
    private final CDOTransaction transaction;
    private final QualitySystem system;

    private ImportSession(OkoRepository repository, CDOTransaction transaction, QualitySystem system) {
        this.repository = repository;
        this.transaction = transaction;
        this.system = system;
    }

    /**
     * Opens a transaction and finds the system of that code; without a code, the repository's only
     * municipal system, else its only system. Throws {@link IllegalArgumentException} with a message
     * for the user (listing the codes there are) when there is none or the choice is ambiguous.
     */
    public static ImportSession open(OkoRepository repository, String systemCode) {
        CDOTransaction transaction = repository.openTransaction();
        try {
            return new ImportSession(repository, transaction, findSystem(transaction, systemCode));
        } catch (RuntimeException e) {
            transaction.close();
            throw e;
        }
    }

    static QualitySystem findSystem(CDOTransaction view, String code) {
        List<QualitySystem> all = new ArrayList<>();
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof ModelRoot model) {
                all.addAll(model.getQualitySystems());
            }
        }
        List<String> codes = all.stream().map(QualitySystem::getCode).toList();
        if (code != null) {
            return all.stream().filter(s -> code.equals(s.getCode())).findFirst().orElseThrow(
                    () -> new IllegalArgumentException(Messages.bind(Messages.noSuchSystem, code, String.join(", ", codes))));
        }
        List<QualitySystem> municipal = all.stream().filter(s -> s.getLevel() == oko.model.Level.MUNICIPALITY).toList();
        if (municipal.size() == 1) {
            return municipal.get(0);
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        throw new IllegalArgumentException(all.isEmpty() ? Messages.noSystem
                : Messages.bind(Messages.chooseSystem, String.join(", ", codes)));
    }

    /** The system imported into, in this session's transaction. */
    public QualitySystem system() {
        return system;
    }

    public CDOTransaction transaction() {
        return transaction;
    }

    /** Reads the file and works out the changes; changes nothing. */
    public ModelImport.Prepared prepare(ModelImport kind, Path file, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        return kind.prepare(file, system, settings, monitor);
    }

    /**
     * Applies a prepared import without errors and commits it with the comment; returns the commit
     * and the objects to select. Nothing is stored when the commit fails (the repository's message
     * is thrown).
     */
    public Committed commit(ModelImport.Prepared prepared, String comment, IProgressMonitor monitor) {
        if (prepared.report().hasErrors()) {
            throw new IllegalStateException(Messages.bind(Messages.notWithErrors, prepared.report().file()));
        }
        // a register or a function table changes hundreds of stored objects: one subscription
        // request, and none per object when the commit ends them
        try (OkoRepository.ManyChanges changes = OkoRepository.manyChanges(transaction)) {
            List<EObject> objects = prepared.apply();
            CDOCommitInfo info = repository.commit(transaction, comment, monitor);
            return new Committed(info, objects);
        }
    }

    /** What a commit stored: the commit and the objects created or updated at the top. */
    public record Committed(CDOCommitInfo commit, List<EObject> objects) {
    }

    /** Closes the transaction; what was not committed is dropped. */
    @Override
    public void close() {
        if (!transaction.isClosed()) {
            if (transaction.isDirty()) {
                transaction.rollback();
            }
            transaction.close();
        }
    }
}
