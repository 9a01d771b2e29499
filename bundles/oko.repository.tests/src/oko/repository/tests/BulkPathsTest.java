package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.ModelRoot;
import oko.model.Monitoring;
import oko.model.MonitoringRun;
import oko.model.OkoFactory;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.internal.BulkPaths;
import oko.repository.security.Role;
import oko.repository.security.Users;

/**
 * The bulk paths of the store (batched writes of a commit, bulk reads of a prefetch) on H2 and
 * PostgreSQL: a large commit reads back value for value after a restart, audits still tell before
 * from after, a refused commit leaves nothing, and the rows written are the rows CDO's own path
 * writes.
 */
class BulkPathsTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;
    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    private static final String FILE = OkoRepository.MODEL_FOLDER + "/bulk.xmi";
    private static final int SCHOOLS = 100;

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    @AfterEach
    void bulkOnAgain() {
        System.clearProperty(BulkPaths.PROPERTY);
    }

    /** A model root with {@value #SCHOOLS} schools "S0".."S99" and a system with one monitoring run, no values. */
    private static ModelRoot emptyModel() {
        ModelRoot root = F.createModelRoot();
        root.setName("bulk");
        for (int s = 0; s < SCHOOLS; s++) {
            Organisation school = F.createOrganisation();
            school.setCode("S" + s);
            school.setName("Школа № " + s);
            school.setKind(OrganisationKind.SCHOOL);
            root.getOrganisations().add(school);
        }
        QualitySystem system = F.createQualitySystem();
        system.setCode("bulk");
        root.getQualitySystems().add(system);
        Monitoring monitoring = F.createMonitoring();
        monitoring.setCode("M");
        system.getMonitorings().add(monitoring);
        MonitoringRun run = F.createMonitoringRun();
        run.setName("2024");
        monitoring.getRuns().add(run);
        return root;
    }

    private static MonitoringRun run(CDOView view) {
        ModelRoot root = (ModelRoot) view.getResource(FILE).getContents().get(0);
        return root.getQualitySystems().get(0).getMonitorings().get(0).getRuns().get(0);
    }

    /**
     * Value i (0-based): school S(i mod 100), measure "m(i mod 250)", value i × 0.25; every 7th has no
     * value with the reason "нет данных", every 1,000th a comment "проверено i".
     */
    private static void addValues(MonitoringRun run, int from, int count) {
        List<Organisation> schools = ((ModelRoot) run.eContainer().eContainer().eContainer()).getOrganisations();
        List<RawValue> values = new ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            RawValue value = F.createRawValue();
            value.setOrganisation(schools.get(i % SCHOOLS));
            value.setCode("m" + (i % 250));
            value.setValue(i * 0.25);
            if (i % 7 == 0) {
                value.setNoValue(true);
                value.setNoValueReason("нет данных");
            }
            if (i % 1000 == 0) {
                value.setComment("проверено " + i);
            }
            values.add(value);
        }
        run.getRawValues().addAll(values);
    }

    private static void assertValue(int i, RawValue value) {
        assertEquals("S" + (i % SCHOOLS), value.getOrganisation().getCode(), "school of value " + i);
        assertEquals("m" + (i % 250), value.getCode(), "measure of value " + i);
        assertEquals(i * 0.25, value.getValue(), 0.0, "value " + i);
        assertEquals(i % 7 == 0, value.isNoValue(), "no value " + i);
        assertEquals(i % 7 == 0 ? "нет данных" : null, value.getNoValueReason(), "reason " + i);
        assertEquals(i % 1000 == 0 ? "проверено " + i : null, value.getComment(), "comment " + i);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void fiftyThousandValuesInOneCommitReadBackAfterARestartAndAuditsSeeBeforeAndAfter(Stores.Kind kind)
            throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        long empty;
        long filled;
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bulk")) {
            assertTrue(server.bulkPaths());
            CDOTransaction setup = repository.openTransaction();
            setup.createResource(FILE).getContents().add(emptyModel());
            empty = repository.commit(setup, "setup", NO_PROGRESS).getTimeStamp();
            setup.close();
            CDOTransaction transaction = repository.openTransaction();
            addValues(run(transaction), 0, 50_000);
            filled = repository.commit(transaction, "50,000 values", NO_PROGRESS).getTimeStamp();
            transaction.close();
        }
        // a new server (nothing cached) and a new session: the whole model by prefetch (the bulk read)
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "reader")) {
            CDOView view = repository.openView();
            OkoRepository.prefetch(view);
            List<RawValue> values = run(view).getRawValues();
            assertEquals(50_000, values.size());
            for (int i = 0; i < values.size(); i++) {
                assertValue(i, values.get(i));
            }
            // 1 root + 100 schools + system + monitoring + run + 50,000 values
            assertEquals(1 + 100 + 1 + 1 + 1 + 50_000, Models.count(view.getResource(FILE).getContents()));
            view.close();

            // audits: the run as of the empty commit has no values, as of the bulk commit all of them
            CDOView before = repository.openView(empty);
            OkoRepository.prefetch(before);
            assertEquals(0, run(before).getRawValues().size());
            before.close();
            CDOView after = repository.openView(filled);
            OkoRepository.prefetch(after);
            assertEquals(50_000, run(after).getRawValues().size());
            assertValue(49_999, run(after).getRawValues().get(49_999));
            after.close();

            // lazily, without a prefetch (CDO's own reads), the same values
            CDOView lazy = repository.openView();
            List<RawValue> some = run(lazy).getRawValues();
            for (int i : new int[] { 0, 1, 7, 1000, 25_000, 49_999 }) {
                assertValue(i, some.get(i));
            }
            lazy.close();
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void aChangedValueAfterABulkCommitKeepsItsHistory(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bulk")) {
            CDOTransaction transaction = repository.openTransaction();
            transaction.createResource(FILE).getContents().add(emptyModel());
            addValues(run(transaction), 0, 5_000);
            long first = repository.commit(transaction, "values", NO_PROGRESS).getTimeStamp();
            // a second commit changes 2,000 values (dirty revisions: revise the old row, insert the new one)
            List<RawValue> values = run(transaction).getRawValues();
            for (int i = 0; i < 2_000; i++) {
                values.get(i).setValue(-i);
            }
            addValues(run(transaction), 5_000, 1_000);
            long second = repository.commit(transaction, "changes", NO_PROGRESS).getTimeStamp();
            transaction.close();

            CDOView now = repository.openView();
            OkoRepository.prefetch(now);
            List<RawValue> current = run(now).getRawValues();
            assertEquals(6_000, current.size());
            assertEquals(-1_999.0, current.get(1_999).getValue(), 0.0);
            assertValue(2_000, current.get(2_000));
            assertValue(5_999, current.get(5_999));
            CDOView then = repository.openView(first);
            OkoRepository.prefetch(then);
            List<RawValue> old = run(then).getRawValues();
            assertEquals(5_000, old.size());
            assertValue(1_999, old.get(1_999)); // 1,999 × 0.25 = 499.75, not −1,999
            assertTrue(second > first);
            // value 1 went from 0.25 to −1 (value 0 did not change: −0 equals 0): two revisions
            assertEquals(2, repository.history(current.get(1)).size());
            assertEquals(1, repository.history(current.get(4_000)).size());
        }
    }

    /** A report designer changes nothing: a commit of 3,000 values is refused whole and leaves nothing. */
    @ParameterizedTest
    @MethodSource("kinds")
    void aRefusedBulkCommitLeavesNothing(Stores.Kind kind) throws Exception {
        StoreConfig store = Stores.fresh(kind, temp);
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "setup")) {
            CDOTransaction setup = repository.openTransaction();
            setup.createResource(FILE).getContents().add(emptyModel());
            addValues(run(setup), 0, 10);
            repository.commit(setup, "setup", NO_PROGRESS);
            setup.close();
        }
        Users users = new Users(store.dataSource());
        users.add("designer", Role.REPORT_DESIGNER, null, "Designer-Secret-9".toCharArray());
        users.add("methodist", Role.METHODOLOGIST, null, "Metodist-Secret-7".toCharArray());
        store.shutdown();
        int port = ServerProcess.freePort();
        try (OkoServer server = OkoServer.start(store, line -> { }, true).listen("127.0.0.1", port)) {
            Map<String, List<String>> before = tables(store);
            try (OkoRepository designer = OkoRepository.connect("127.0.0.1", port, "designer",
                    "Designer-Secret-9".toCharArray())) {
                CDOTransaction transaction = designer.openTransaction();
                addValues(run(transaction), 10, 3_000);
                assertThrows(RuntimeException.class, () -> designer.commit(transaction, "refused", NO_PROGRESS));
                transaction.close();
            }
            assertEquals(before, tables(store), "the model's rows after the refused commit");
            try (OkoRepository methodist = OkoRepository.connect("127.0.0.1", port, "methodist",
                    "Metodist-Secret-7".toCharArray())) {
                CDOView view = methodist.openView();
                OkoRepository.prefetch(view);
                assertEquals(10, run(view).getRawValues().size());
                view.close();
                // the same commit by a methodologist is stored
                CDOTransaction transaction = methodist.openTransaction();
                addValues(run(transaction), 10, 3_000);
                methodist.commit(transaction, "accepted", NO_PROGRESS);
                transaction.close();
                CDOView again = methodist.openView();
                OkoRepository.prefetch(again);
                assertEquals(3_010, run(again).getRawValues().size());
                assertValue(3_009, run(again).getRawValues().get(3_009));
                again.close();
            }
        }
    }

    /**
     * The same two commits with the bulk paths and with CDO's own paths give the same rows in every
     * table of the model (ids included), apart from the commit times.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void theBulkWriteStoresTheRowsCdosOwnWriteStores(Stores.Kind kind) throws Exception {
        Map<String, List<String>> bulk = commitTwice(Stores.fresh(kind, temp), true);
        Map<String, List<String>> own = commitTwice(Stores.fresh(kind, temp), false);
        assertEquals(own.keySet(), bulk.keySet());
        assertTrue(own.keySet().stream().anyMatch(t -> t.toUpperCase(Locale.ROOT).contains("RAWVALUE")), own.keySet().toString());
        for (String table : own.keySet()) {
            assertEquals(own.get(table), bulk.get(table), "rows of " + table);
        }
        long rawRows = bulk.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("RAWVALUE"))
                .mapToLong(e -> e.getValue().size()).sum();
        // 1,200 values + 300 changed: 1,500 rows
        assertEquals(1_500, rawRows);
    }

    private Map<String, List<String>> commitTwice(StoreConfig store, boolean bulkPaths) throws Exception {
        System.setProperty(BulkPaths.PROPERTY, String.valueOf(bulkPaths));
        try (OkoServer server = OkoServer.start(store, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "bulk")) {
            assertEquals(bulkPaths, server.bulkPaths());
            CDOTransaction transaction = repository.openTransaction();
            transaction.createResource(FILE).getContents().add(emptyModel());
            addValues(run(transaction), 0, 1_000);
            repository.commit(transaction, "first", NO_PROGRESS);
            for (int i = 0; i < 300; i++) {
                // texts with the characters COPY's text format escapes, on PostgreSQL
                String comment = i % 10 == 0 ? "изменено\tвторой столбец\nстрока \\N" : "изменено";
                run(transaction).getRawValues().get(i).setComment(comment);
            }
            addValues(run(transaction), 1_000, 200);
            repository.commit(transaction, "second", NO_PROGRESS);
            transaction.close();
            return tables(store);
        } finally {
            System.clearProperty(BulkPaths.PROPERTY);
        }
    }

    /** Every row of the model's tables (not CDO's or Oko's own), sorted, without the commit-time columns. */
    private static Map<String, List<String>> tables(StoreConfig store) throws Exception {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = store.dataSource().getConnection()) {
            List<String> names = new ArrayList<>();
            try (ResultSet list = connection.getMetaData().getTables(null, connection.getSchema(), null,
                    new String[] { "TABLE", "BASE TABLE" })) {
                while (list.next()) {
                    names.add(list.getString("TABLE_NAME"));
                }
            }
            for (String name : names) {
                String upper = name.toUpperCase(Locale.ROOT);
                if ((upper.startsWith("CDO_") && !upper.equals("CDO_OBJECTS")) || upper.startsWith("OKO_")) {
                    continue;
                }
                List<String> rows = new ArrayList<>();
                try (Statement statement = connection.createStatement();
                        ResultSet result = statement.executeQuery("SELECT * FROM \"" + name + "\"")) {
                    ResultSetMetaData meta = result.getMetaData();
                    while (result.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            String column = meta.getColumnName(c).toUpperCase(Locale.ROOT);
                            if (column.equals("CDO_CREATED") || column.equals("CDO_REVISED")) {
                                // commit times differ; whether a row is revised does not
                                row.append(column).append(result.getLong(c) == 0 ? "=0" : "=set").append('|');
                                continue;
                            }
                            row.append(column).append('=').append(result.getString(c)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(name, rows);
            }
        }
        return tables;
    }
}
