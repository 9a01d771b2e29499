package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfoHandler;
import org.eclipse.emf.cdo.server.IRepository;
import org.eclipse.emf.cdo.server.IStoreAccessor;
import org.eclipse.emf.cdo.server.ITransaction;
import org.eclipse.emf.cdo.spi.common.commit.InternalCDOCommitInfoManager;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.net4j.util.om.monitor.OMMonitor;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.ModelRoot;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;

/**
 * A session opened while commits end out of order commits like any other (the hang of the region
 * benchmark on PostgreSQL). The order is forced on the server, so the test does not depend on
 * timing: commit "held" takes its commit time and is written, then waits inside the server
 * before it ends; commit "quick", begun after it, ends and its notice goes out to the sessions
 * open then; only then does a new session open, and "held" is let go. CDO 4.7 started that
 * session before "held" (the last time before which every commit had ended), so it never got
 * the notice of "quick", which it needs before any later one: its own commit then waited for its
 * notice for 10 minutes (the commit-info timeout). Every commit must return within 60 s here.
 */
class LateSessionCommitTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    /** Far more than any of these small commits takes, far less than the 10 min CDO waits for a notice. */
    private static final long BOUND_SECONDS = 60;

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aSessionOpenedWhileCommitsEndOutOfOrderCommits(Stores.Kind kind) throws Exception {
        CountDownLatch heldWritten = new CountDownLatch(1);
        CountDownLatch letHeldEnd = new CountDownLatch(1);
        CountDownLatch quickNoticed = new CountDownLatch(1);
        ExecutorService clients = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "late-session-client");
            thread.setDaemon(true);
            return thread;
        });
        try (OkoServer server = OkoServer.start(Stores.fresh(kind, temp), line -> { });
                OkoRepository setup = OkoRepository.connect(server, "setup");
                OkoRepository heldClient = OkoRepository.connect(server, "held");
                OkoRepository quickClient = OkoRepository.connect(server, "quick")) {
            // three models, so that the three commits below change different objects
            CDOTransaction transaction = setup.openTransaction();
            for (String name : List.of("held", "quick", "late")) {
                OkoRepository.newModel(transaction, name, name + " 0");
            }
            setup.commit(transaction, "models", NO_PROGRESS);
            transaction.close();

            server.repository().addHandler(new IRepository.WriteAccessHandler() {
                @Override
                public void handleTransactionBeforeCommitting(ITransaction tx, IStoreAccessor.CommitContext context,
                        OMMonitor monitor) {
                }

                @Override
                public void handleTransactionAfterCommitted(ITransaction tx, IStoreAccessor.CommitContext context,
                        OMMonitor monitor) {
                    // CDO calls this after the store has written the commit and before the
                    // commit ends (TransactionCommitContext.commit: updateInfraStructure, then
                    // repository.endCommit): "held" keeps its commit time open until let go
                    if ("held".equals(context.getCommitComment())) {
                        heldWritten.countDown();
                        try {
                            letHeldEnd.await(BOUND_SECONDS, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
            // called once the notice has gone to every session (Repository.sendCommitNotification)
            CDOCommitInfoHandler noticed = info -> {
                if ("quick".equals(info.getComment())) {
                    quickNoticed.countDown();
                }
            };
            commitInfos(server).addCommitInfoHandler(noticed);

            Future<CDOCommitInfo> held = clients.submit(() -> rename(heldClient, "held", "held 1"));
            assertTrue(heldWritten.await(BOUND_SECONDS, TimeUnit.SECONDS), "commit \"held\" reached the store");
            // begun after "held": a later commit time, ends first, its notice goes out at once
            Future<CDOCommitInfo> quick = clients.submit(() -> rename(quickClient, "quick", "quick 1"));
            assertTrue(quickNoticed.await(BOUND_SECONDS, TimeUnit.SECONDS), "the notice of \"quick\" went out");

            try (OkoRepository late = OkoRepository.connect(server, "late")) {
                letHeldEnd.countDown();
                Future<CDOCommitInfo> lateCommit = clients.submit(() -> rename(late, "late", "late 1"));
                CDOCommitInfo heldInfo = bounded(held, "held");
                CDOCommitInfo quickInfo = bounded(quick, "quick");
                CDOCommitInfo lateInfo = bounded(lateCommit, "late");
                assertTrue(heldInfo.getTimeStamp() < quickInfo.getTimeStamp()
                        && quickInfo.getTimeStamp() < lateInfo.getTimeStamp(), "commit times in the order begun");

                // nothing lost: the late session sees all three commits, the earlier sessions
                // hear of the late one
                CDOView view = late.openView();
                assertEquals(List.of("held 1", "quick 1", "late 1"), names(view));
                view.close();
                for (OkoRepository client : List.of(setup, heldClient, quickClient)) {
                    assertTrue(client.session().waitForUpdate(lateInfo.getTimeStamp(), BOUND_SECONDS * 1000),
                            client.user() + " heard of the late commit");
                }
            } finally {
                letHeldEnd.countDown();
                commitInfos(server).removeCommitInfoHandler(noticed);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static InternalCDOCommitInfoManager commitInfos(OkoServer server) {
        return (InternalCDOCommitInfoManager) server.repository().getCommitInfoManager();
    }

    /** Renames the model {@code name} in a transaction of its own and commits with {@code name} as comment. */
    private static CDOCommitInfo rename(OkoRepository client, String name, String newName) {
        CDOTransaction transaction = client.openTransaction();
        try {
            model(transaction, name).setName(newName);
            return client.commit(transaction, name, NO_PROGRESS);
        } finally {
            transaction.close();
        }
    }

    private static ModelRoot model(CDOView view, String resource) {
        return (ModelRoot) view.getResource(OkoRepository.MODEL_FOLDER + "/" + resource).getContents().get(0);
    }

    private static List<String> names(CDOView view) {
        return List.of(model(view, "held").getName(), model(view, "quick").getName(), model(view, "late").getName());
    }

    /** The commit's outcome; a commit still waiting after the bound fails the test (CDO would wait 10 min). */
    private static CDOCommitInfo bounded(Future<CDOCommitInfo> commit, String name) throws Exception {
        try {
            return commit.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            commit.cancel(true);
            throw new AssertionError("commit \"" + name + "\" did not return within " + BOUND_SECONDS + " s", e);
        }
    }
}
