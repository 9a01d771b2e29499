package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.common.model.EMFUtil;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EPackage;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.OkoPackage;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.RepositoryException;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.SampleModel;

/**
 * A repository written with another metamodel is refused with the differences named, and its
 * data are not touched (CDO 4.7 cannot migrate a store and fails deep inside otherwise).
 */
class ModelVersionTest {

    @TempDir
    Path temp;

    static java.util.List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aStoreOfAnotherMetamodelIsRefusedAndLeftAsItIs(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "методист")) {
            SampleModel.loadIfEmpty(repository, Models.SAMPLE_FILES, new NullProgressMonitor());
        }
        // the store as an older version would have written it: one feature fewer
        EPackage older = EcoreUtil.copy(OkoPackage.eINSTANCE);
        EClass system = (EClass) older.getEClassifier("QualitySystem");
        system.getEStructuralFeatures().remove(system.getEStructuralFeature("recommendationRules"));
        byte[] bytes = EMFUtil.getEPackageBytes(older, true, EPackage.Registry.INSTANCE);
        long objects;
        try (var connection = store.dataSource().getConnection()) {
            try (var update = connection.prepareStatement("UPDATE cdo_package_units SET package_data = ? WHERE id = ?")) {
                update.setBytes(1, bytes);
                update.setString(2, OkoPackage.eNS_URI);
                assertEquals(1, update.executeUpdate());
            }
            objects = count(connection);
        }
        RepositoryException refused = assertThrows(RepositoryException.class, () -> OkoServer.start(store, line -> { }));
        assertTrue(refused.getMessage().contains("+ QualitySystem.recommendationRules : RecommendationRule"),
                refused.getMessage());
        try (var connection = store.dataSource().getConnection()) {
            assertEquals(objects, count(connection), "nothing is changed");
        }
        store.shutdown();
    }

    private static long count(java.sql.Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
                var result = statement.executeQuery("SELECT COUNT(*) FROM cdo_commit_infos")) {
            result.next();
            return result.getLong(1);
        }
    }
}
