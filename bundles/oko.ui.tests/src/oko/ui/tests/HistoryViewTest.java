package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.repository.OkoRepository.Change;
import oko.ui.RepositoryConnection;
import oko.ui.internal.history.HistoryView;

/** The history view: the commits that changed the selected object, with their user and comment (the audit). */
class HistoryViewTest {

    private static QualitySystem system(CDOView view) {
        return OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream())
                .filter(s -> "msoko-functions-001".equals(s.getCode())).findFirst().orElseThrow();
    }

    @Test
    void theHistoryOfAnObjectNamesTheUserAndTheCommentOfEachCommit() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        system(transaction).setDescription(system(transaction).getDescription() + " ");
        repository.commit(transaction, "проверка истории изменений", new NullProgressMonitor());
        transaction.close();

        HistoryView view = UiThread.call(() -> (HistoryView) PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getActivePage().showView(HistoryView.ID));
        CDOView reader = repository.openView();
        try {
            UiThread.run(() -> view.show(system(reader)));
            List<Change> changes = UiThread.call(view::changes);
            assertTrue(changes.size() >= 2, "the sample's load and this commit: " + changes);
            assertEquals("проверка истории изменений", changes.get(0).comment());
            assertEquals(RepositoryConnection.user(), changes.get(0).user());
            assertTrue(changes.get(0).timeStamp() >= changes.get(changes.size() - 1).timeStamp());
            UiThread.call(() -> Screenshots.save(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
                    "history-view"));
        } finally {
            reader.close();
        }
    }
}
