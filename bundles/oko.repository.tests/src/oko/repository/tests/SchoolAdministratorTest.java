package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.SampleModel;
import oko.repository.security.Role;
import oko.repository.security.Users;

/**
 * A school administrator against a server with the rights (in this JVM, over TCP with a login):
 * loads the whole model (every command and the workbench do) and sees only their school's values
 * in the runs that hold every school's; changes to those lists — additions, moves, removals at the
 * positions the client saw — reach the whole stored list without moving or losing another value.
 */
class SchoolAdministratorTest {

    private static final String SCHOOL = "Ishm01-Secret-13";
    private static final String METHODIST = "Metodist-Secret-7";
    private static final String SYSTEM = "ishimbay-msoko-illustrative";

    @TempDir
    Path temp;

    private StoreConfig store;
    private int ownValues;
    private int allValues;

    @BeforeEach
    void sample() throws Exception {
        Path data = temp.resolve("data");
        Files.createDirectories(data);
        try (OkoRepository setup = OkoRepository.openEmbedded(data, "setup", line -> { })) {
            SampleModel.load(setup, Models.SAMPLE_FILES, false, new NullProgressMonitor());
            List<String> all = read(setup, SchoolAdministratorTest::values);
            ownValues = (int) all.stream().filter(v -> v.startsWith("ИШМ-01|")).count();
            allValues = all.size();
        }
        store = new StoreConfig.H2(data.resolve("repository"));
        Users users = new Users(store.dataSource());
        users.add("ishm01", Role.SCHOOL_ADMINISTRATOR, "ИШМ-01", SCHOOL.toCharArray());
        users.add("methodist", Role.METHODOLOGIST, null, METHODIST.toCharArray());
        store.shutdown();
        assertTrue(ownValues > 0 && ownValues < allValues, ownValues + " of " + allValues);
    }

    /** Every raw value of the sample's illustrative monitoring, run by run: "school|measure|value". */
    private static List<String> values(CDOView view) {
        List<String> values = new ArrayList<>();
        for (MonitoringRun run : system(view).getMonitorings().stream().flatMap(m -> m.getRuns().stream()).toList()) {
            for (RawValue value : run.getRawValues()) {
                values.add(value.getOrganisation().getCode() + "|" + value.getCode() + "|" + value.getValue());
            }
        }
        return values;
    }

    private static QualitySystem system(CDOView view) {
        return OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                .flatMap(r -> ((ModelRoot) r).getQualitySystems().stream()).filter(s -> SYSTEM.equals(s.getCode()))
                .findFirst().orElseThrow();
    }

    private static <T> T read(OkoRepository repository, Function<CDOView, T> reader) {
        CDOView view = repository.openView();
        try {
            return reader.apply(view);
        } finally {
            view.close();
        }
    }

    @Test
    void loadsTheWholeModelWithOnlyItsSchoolsValues() {
        int port = freePort();
        try (OkoServer server = OkoServer.start(new StoreConfig.H2(temp.resolve("data").resolve("repository")),
                line -> { }, true).listen("127.0.0.1", port);
                OkoRepository school = OkoRepository.connect("127.0.0.1", port, "ishm01", SCHOOL.toCharArray())) {
            CDOView view = school.openView();
            OkoRepository.prefetch(view); // failed: "Index 639 out of bounds for length 639"
            int objects = OkoRepository.count(OkoRepository.roots(view));
            List<String> seen = values(view);
            view.close();
            assertEquals(ownValues, seen.size(), seen.toString());
            assertTrue(seen.stream().allMatch(v -> v.startsWith("ИШМ-01|")), seen.toString());
            try (OkoRepository methodist = OkoRepository.connect("127.0.0.1", port, "methodist",
                    METHODIST.toCharArray())) {
                int whole = read(methodist, v -> {
                    OkoRepository.prefetch(v);
                    return OkoRepository.count(OkoRepository.roots(v));
                });
                assertTrue(objects < whole && objects > whole - allValues - 100, objects + " of " + whole);
            }
        }
    }

    @Test
    void changesItsOwnValuesInARunWithOtherSchoolsValuesWithoutTouchingThem() {
        int port = freePort();
        try (OkoServer server = OkoServer.start(new StoreConfig.H2(temp.resolve("data").resolve("repository")),
                line -> { }, true).listen("127.0.0.1", port);
                OkoRepository school = OkoRepository.connect("127.0.0.1", port, "ishm01", SCHOOL.toCharArray());
                OkoRepository methodist = OkoRepository.connect("127.0.0.1", port, "methodist", METHODIST.toCharArray())) {
            Function<CDOView, List<String>> run = v -> system(v).getMonitorings().stream().flatMap(m -> m.getRuns().stream())
                    .filter(r -> r.getRawValues().stream().anyMatch(x -> "ИШМ-01".equals(x.getOrganisation().getCode())))
                    .findFirst().orElseThrow().getRawValues().stream()
                    .map(x -> x.getOrganisation().getCode() + "|" + x.getCode() + "|" + x.getValue()).toList();
            List<String> before = read(methodist, run);
            CDOTransaction edit = school.openTransaction();
            MonitoringRun own = system(edit).getMonitorings().stream().flatMap(m -> m.getRuns().stream())
                    .filter(r -> !r.getRawValues().isEmpty()).findFirst().orElseThrow();
            List<RawValue> visible = own.getRawValues();
            assertTrue(visible.size() >= 2 && visible.size() < before.size(), visible.size() + " of " + before.size());
            RawValue last = visible.get(visible.size() - 1);
            String removed = last.getOrganisation().getCode() + "|" + last.getCode() + "|" + last.getValue();
            RawValue added = oko.model.OkoFactory.eINSTANCE.createRawValue();
            added.setOrganisation(last.getOrganisation());
            added.setCode("added-by-school");
            added.setValue(7);
            own.getRawValues().add(0, added);
            own.getRawValues().move(1, own.getRawValues().size() - 1);
            own.getRawValues().remove(last);
            school.commit(edit, "свои значения", new NullProgressMonitor());
            edit.close();
            List<String> after = read(methodist, run);
            assertEquals(before.stream().filter(x -> !x.startsWith("ИШМ-01|")).toList(),
                    after.stream().filter(x -> !x.startsWith("ИШМ-01|")).toList(),
                    "other schools' values untouched, in their order");
            assertEquals(before.size(), after.size(), "one added, one removed: " + after);
            assertTrue(after.contains("ИШМ-01|added-by-school|7.0"), after.toString());
            assertEquals(before.stream().filter(removed::equals).count() - 1, after.stream().filter(removed::equals).count(),
                    after.toString());
            // and the school administrator's client agrees with the server
            try (OkoRepository again = OkoRepository.connect("127.0.0.1", port, "ishm01", SCHOOL.toCharArray())) {
                assertEquals(after.stream().filter(x -> x.startsWith("ИШМ-01|")).toList(), read(again, run));
            }
        }
    }

    private static int freePort() {
        try {
            return ServerProcess.freePort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
