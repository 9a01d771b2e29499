package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.eclipse.emf.cdo.common.model.CDOPackageUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.OkoPackage;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.OkoRepository;

/**
 * A restarted server has loaded every package of the stored model before it accepts a client:
 * CDO loads a stored package unit on its first use, and two first uses at once (the cache warm-up
 * and a client's first load) failed now and then with «Cannot create a resource for
 * 'http://oko.dev/model/1.0'» (seen in BackupRestoreTest and ServerProcessTest).
 */
class PackagesLoadedTest {

    @TempDir
    Path temp;

    static List<Stores.Kind> stores() {
        return Stores.kinds();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aRestartedServerHasLoadedTheModelsPackagesBeforeAnyClient(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "packages")) {
            MonitoringStore.create(repository, 1);
        }
        try (OkoServer server = OkoServer.start(store, line -> { })) {
            CDOPackageUnit[] units = server.repository().getPackageRegistry().getPackageUnits();
            CDOPackageUnit model = Arrays.stream(units)
                    .filter(unit -> unit.getID().equals(OkoPackage.eNS_URI)).findFirst().orElseThrow();
            assertEquals(CDOPackageUnit.State.LOADED, model.getState());
            assertTrue(Arrays.stream(units).allMatch(unit -> unit.getState() == CDOPackageUnit.State.LOADED),
                    Arrays.toString(units));
        }
    }
}
