package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevisionManager;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;

/**
 * The server keeps a bounded number of revisions in memory: after a client loaded a store larger
 * than the cache, the server holds about as many revisions as the cache keeps, not the whole
 * store (CDO's own cache held all 3,000 here, through soft references a garbage collection
 * leaves alone while the heap has room), and a start on such a store does not load it (warm-up).
 */
class RevisionCacheTest {

    private static final int OBJECTS = 3000;
    private static final int CAPACITY = 500;

    @TempDir
    Path temp;

    @AfterEach
    void defaultCache() {
        System.clearProperty(OkoServer.REVISION_CACHE);
    }

    @Test
    void aServerKeepsNoMoreRevisionsThanItsCacheHoldsAndDoesNotWarmUpALargerStore() throws Exception {
        System.setProperty(OkoServer.REVISION_CACHE, String.valueOf(CAPACITY));
        StoreConfig.H2 store = new StoreConfig.H2(java.nio.file.Files.createDirectories(temp.resolve("repository")));
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository client = OkoRepository.connect(server, "test")) {
            assertEquals(CAPACITY, server.revisionCacheCapacity());
            CDOTransaction transaction = client.openTransaction();
            ModelRoot root = OkoRepository.newModel(transaction, "big", "big");
            for (int i = 0; i < OBJECTS; i++) {
                Organisation school = OkoFactory.eINSTANCE.createOrganisation();
                school.setCode("S" + i);
                root.getOrganisations().add(school);
            }
            client.commit(transaction, "3,000 schools", new NullProgressMonitor());
            transaction.close();
        }
        try (OkoServer server = OkoServer.start(store, line -> { })) {
            OkoServer.WarmUp warmUp = server.warmUp();
            assertFalse(warmUp.loaded(), "a store larger than the cache is not loaded at start");
            assertTrue(warmUp.objects() > OBJECTS, "the store's objects are counted: " + warmUp.objects());
            try (OkoRepository client = OkoRepository.connect(server, "test")) {
                CDOView view = client.openView();
                OkoRepository.prefetch(view);
                assertEquals(OBJECTS, ((ModelRoot) OkoRepository.roots(view).get(0)).getOrganisations().size());
                view.close();
            }
            InternalCDORevisionManager revisions = (InternalCDORevisionManager) server.repository()
                    .getRevisionManager();
            long deadline = System.nanoTime() + 30_000_000_000L;
            int held = revisions.getCache().getCurrentRevisions().size();
            while (held > CAPACITY + 10 && System.nanoTime() < deadline) {
                System.gc();
                Thread.onSpinWait();
                held = revisions.getCache().getCurrentRevisions().size();
            }
            assertTrue(held <= CAPACITY + 10, "the server still holds " + held + " of the " + OBJECTS
                    + " revisions a client loaded, its cache keeps " + CAPACITY);
        }
    }

    @Test
    void aStoreTheCacheHoldsIsWarmedUp() throws Exception {
        StoreConfig.H2 store = new StoreConfig.H2(java.nio.file.Files.createDirectories(temp.resolve("repository")));
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository client = OkoRepository.connect(server, "test")) {
            CDOTransaction transaction = client.openTransaction();
            ModelRoot root = OkoRepository.newModel(transaction, "small", "small");
            root.getOrganisations().add(OkoFactory.eINSTANCE.createOrganisation());
            client.commit(transaction, "one school", new NullProgressMonitor());
            transaction.close();
        }
        try (OkoServer server = OkoServer.start(store, line -> { })) {
            OkoServer.WarmUp warmUp = server.warmUp();
            assertTrue(warmUp.loaded());
            assertEquals(2, warmUp.objects(), "the model root and its school");
        }
    }
}
