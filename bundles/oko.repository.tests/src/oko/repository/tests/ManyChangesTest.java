package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.internal.net4j.protocol.ChangeSubscriptionRequest;
import org.eclipse.emf.cdo.net4j.CDONet4jSession;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.net4j.signal.SignalCounter;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.MonitoringRun;
import oko.model.RawValue;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;

/**
 * {@link OkoRepository#manyChanges}: changing many stored objects asks the server for their future
 * changes once, not once per object (the merging conflict resolver's change subscription), and
 * after the scope a change another client makes to another feature of the same object is still
 * merged.
 */
class ManyChangesTest {

    @TempDir
    Path temp;

    static List<Stores.Kind> stores() {
        return Stores.kinds();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void manyChangesAskTheServerOnceAndStillMerge(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository first = OkoRepository.connect(server, "first");
                OkoRepository second = OkoRepository.connect(server, "second")) {
            MonitoringStore.create(first, 1);
            MonitoringStore.commitRun(first, "p0", "run", 200);

            CDOTransaction transaction = first.openTransaction();
            OkoRepository.prefetch(transaction);
            List<RawValue> values = run(transaction).getRawValues();
            SignalCounter counter = new SignalCounter(((CDONet4jSession) transaction.getSession()).options().getNet4jProtocol());
            try {
                // without the scope: one request per value that becomes dirty
                for (int i = 0; i < 20; i++) {
                    values.get(i).setComment("без области " + i);
                }
                assertEquals(20, counter.getCountFor(ChangeSubscriptionRequest.class));
                counter.clearCounts();
                try (OkoRepository.ManyChanges scope = OkoRepository.manyChanges(transaction)) {
                    for (int i = 20; i < 200; i++) {
                        values.get(i).setComment("в области " + i);
                    }
                    // one request: the subscriptions are dropped for the scope
                    assertEquals(1, counter.getCountFor(ChangeSubscriptionRequest.class));
                }
                // and one more when it closes, for all 200 dirty values
                assertEquals(2, counter.getCountFor(ChangeSubscriptionRequest.class));
            } finally {
                counter.dispose();
            }

            // another client changes another feature of a value changed in the scope: merged
            CDOTransaction other = second.openTransaction();
            run(other).getRawValues().get(150).setNoValueReason("не представлено");
            second.commit(other, "reason", new NullProgressMonitor());
            long committed = other.getLastCommitTime();
            other.close();
            // the merge happens when that commit's notice reaches the transaction
            org.junit.jupiter.api.Assertions.assertTrue(transaction.waitForUpdate(committed, 60_000));
            first.commit(transaction, "comments", new NullProgressMonitor());
            transaction.close();

            // changed and committed in one scope: no request per value when the commit drops the subscriptions
            CDOTransaction again = first.openTransaction();
            OkoRepository.prefetch(again);
            SignalCounter requests = new SignalCounter(((CDONet4jSession) again.getSession()).options().getNet4jProtocol());
            try {
                try (OkoRepository.ManyChanges scope = OkoRepository.manyChanges(again)) {
                    for (RawValue value : run(again).getRawValues().subList(100, 200)) {
                        value.setValue(value.getValue() + 1);
                    }
                    first.commit(again, "values", new NullProgressMonitor());
                }
                assertEquals(2, requests.getCountFor(ChangeSubscriptionRequest.class));
            } finally {
                requests.dispose();
                again.close();
            }

            CDOView check = second.openView();
            RawValue merged = run(check).getRawValues().get(150);
            assertEquals("в области 150", merged.getComment());
            assertEquals("не представлено", merged.getNoValueReason());
            assertEquals("без области 7", run(check).getRawValues().get(7).getComment());
            assertEquals(199 + 1, run(check).getRawValues().get(199).getValue());
            check.close();
        }
    }

    private static MonitoringRun run(CDOView view) {
        return MonitoringStore.monitoring(view).getRuns().get(0);
    }
}
