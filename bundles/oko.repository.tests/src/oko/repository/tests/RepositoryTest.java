package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EDataType;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import oko.model.Direction;
import oko.model.ModelRoot;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Person;
import oko.model.edit.ModelLabels;
import oko.repository.CommitConflictException;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.exchange.SampleModel;

/** The repository on a real store: H2, and PostgreSQL when {@code ./test.sh} provides one. */
class RepositoryTest {

    @TempDir
    Path temp;

    static List<Stores.Kind> kinds() {
        return Stores.kinds();
    }

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();

    @ParameterizedTest
    @MethodSource("kinds")
    void theSampleLoadsIntoAnEmptyRepositoryOnlyOnce(Stores.Kind kind) throws Exception {
        try (OkoServer server = OkoServer.start(Stores.fresh(kind, temp), line -> { });
                OkoRepository repository = OkoRepository.connect(server, "методист")) {
            assertTrue(repository.isEmpty());
            assertTrue(SampleModel.loadIfEmpty(repository, Models.SAMPLE_FILES, NO_PROGRESS));
            assertFalse(SampleModel.loadIfEmpty(repository, Models.SAMPLE_FILES, NO_PROGRESS));
            List<EObject> expected = Models.sampleRoots();
            CDOView view = repository.openView();
            OkoRepository.prefetch(view);
            List<EObject> stored = OkoRepository.roots(view);
            assertEquals(Models.count(expected), Models.count(stored));
            assertTrue(EcoreUtil.equals(expected, stored), "stored sample differs from the files");
            Direction objectivity = ((ModelRoot) stored.get(0)).getQualitySystems().get(0).getDirections().get(1);
            assertEquals("1.2", objectivity.getCode());
            assertEquals(6, objectivity.getStages().size());
        }
    }

    /**
     * One object of every class with every attribute and reference set: feature names such as
     * value, group, number, date, level, before, position or unit are SQL keywords in H2 or
     * PostgreSQL and must still be stored and read back.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void everyFeatureOfEveryClassSurvivesTheStore(Stores.Kind kind) throws Exception {
        List<EObject> objects = new ArrayList<>();
        for (EClassifier classifier : OkoPackage.eINSTANCE.getEClassifiers()) {
            if (classifier instanceof EClass eClass && !eClass.isAbstract() && !eClass.isInterface()) {
                objects.add(OkoFactory.eINSTANCE.create(eClass));
            }
        }
        int serial = 0;
        for (EObject object : objects) {
            for (EAttribute attribute : object.eClass().getEAllAttributes()) {
                if (attribute.isChangeable() && !attribute.isDerived()) {
                    Object value = sampleValue(attribute.getEAttributeType(), serial++);
                    object.eSet(attribute, attribute.isMany() ? List.of(value) : value);
                }
            }
        }
        for (EObject object : objects) {
            for (EReference reference : object.eClass().getEAllReferences()) {
                if (reference.isContainment() || reference.isContainer() || !reference.isChangeable()) {
                    continue;
                }
                EObject target = objects.stream().filter(o -> o != object && reference.getEReferenceType().isInstance(o))
                        .findFirst().orElse(null);
                if (target == null) {
                    continue;
                }
                if (reference.isMany()) {
                    @SuppressWarnings("unchecked")
                    List<EObject> list = (List<EObject>) object.eGet(reference);
                    list.add(target);
                } else {
                    object.eSet(reference, target);
                }
            }
        }
        List<EObject> expected = new ArrayList<>(EcoreUtil.copyAll(objects));
        StoreConfigHolder store = new StoreConfigHolder(Stores.fresh(kind, temp));
        try (OkoServer server = OkoServer.start(store.config, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "тест")) {
            CDOTransaction transaction = repository.openTransaction();
            CDOResource resource = transaction.createResource(OkoRepository.MODEL_FOLDER + "/all-classes.xmi");
            resource.getContents().addAll(objects);
            repository.commit(transaction, "every class", NO_PROGRESS);
        }
        try (OkoServer server = OkoServer.start(store.config, line -> { });
                OkoRepository repository = OkoRepository.connect(server, "тест")) {
            CDOView view = repository.openView();
            List<EObject> stored = view.getResource(OkoRepository.MODEL_FOLDER + "/all-classes.xmi").getContents();
            assertEquals(expected.size(), stored.size());
            for (int i = 0; i < expected.size(); i++) {
                EObject want = expected.get(i);
                EObject got = stored.get(i);
                assertTrue(SAME_CONTENT.equals(want, got), () -> "differs after reload: " + want.eClass().getName());
            }
        }
    }

    /** EcoreUtil.equals, with byte arrays (attachments' content) compared by content. */
    private static final EcoreUtil.EqualityHelper SAME_CONTENT = new EcoreUtil.EqualityHelper() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean haveEqualAttribute(EObject one, EObject other, EAttribute attribute) {
            if (attribute.getEAttributeType().getInstanceClass() == byte[].class) {
                return java.util.Arrays.equals((byte[]) one.eGet(attribute), (byte[]) other.eGet(attribute));
            }
            return super.haveEqualAttribute(one, other, attribute);
        }
    };

    private record StoreConfigHolder(oko.repository.db.StoreConfig config) {
    }

    private static Object sampleValue(EDataType type, int serial) {
        if (type instanceof EEnum eEnum) {
            return eEnum.getELiterals().get(eEnum.getELiterals().size() - 1).getInstance();
        }
        Class<?> c = type.getInstanceClass();
        if (c == String.class) {
            return "значение «" + serial + "» — 'кавычки' и \"ещё\"";
        }
        if (c == int.class || c == Integer.class) {
            return 1000 + serial;
        }
        if (c == double.class || c == Double.class) {
            return serial + 0.25;
        }
        if (c == boolean.class || c == Boolean.class) {
            return Boolean.TRUE;
        }
        if (c == Date.class) {
            return new Date(1_600_000_000_000L + serial * 86_400_000L);
        }
        if (c == long.class || c == Long.class) {
            return 5_000_000_000L + serial; // beyond int: the column must be 64-bit
        }
        if (c == byte[].class) {
            byte[] bytes = new byte[70_000]; // more than 64 KiB, every byte value, NUL and 0xFF included
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 7 + serial);
            }
            return bytes;
        }
        throw new IllegalStateException("no sample value for " + type.getName());
    }

    private static CDOID newPerson(OkoRepository repository, String name) {
        CDOTransaction transaction = repository.openTransaction();
        Person person = OkoFactory.eINSTANCE.createPerson();
        person.setName(name);
        transaction.getOrCreateResource(OkoRepository.MODEL_FOLDER + "/people.xmi").getContents().add(person);
        repository.commit(transaction, "new person", NO_PROGRESS);
        CDOID id = person.cdoID();
        transaction.close();
        return id;
    }

    private static Person sameIn(CDOView view, CDOID id) {
        return (Person) view.getObject(id);
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void changesToDifferentFeaturesMergeAndToTheSameFeatureAreRefused(Stores.Kind kind) throws Exception {
        try (OkoServer server = OkoServer.start(Stores.fresh(kind, temp), line -> { });
                OkoRepository alice = OkoRepository.connect(server, "alice");
                OkoRepository bob = OkoRepository.connect(server, "bob")) {
            CDOID created = newPerson(alice, "Михайлова Екатерина Витальевна");
            bob.session().waitForUpdate(alice.session().getLastUpdateTime(), 10_000);
            CDOTransaction a = alice.openTransaction();
            CDOTransaction b = bob.openTransaction();
            Person inA = sameIn(a, created);
            Person inB = sameIn(b, created);

            inA.setEmail("mikhailova@example.org");
            inB.setPhone("+7 341 000-00-00");
            CDOCommitInfo first = alice.commit(a, "email", NO_PROGRESS);
            bob.session().waitForUpdate(first.getTimeStamp(), 10_000);
            bob.commit(b, "phone", NO_PROGRESS);
            alice.session().waitForUpdate(bob.session().getLastUpdateTime(), 10_000);
            CDOView check = alice.openView();
            assertEquals("mikhailova@example.org", sameIn(check, created).getEmail());
            assertEquals("+7 341 000-00-00", sameIn(check, created).getPhone());

            inA.setName("Михайлова Е. В.");
            inB.setName("Михайлова Екатерина");
            CDOCommitInfo second = alice.commit(a, "name by alice", NO_PROGRESS);
            bob.session().waitForUpdate(second.getTimeStamp(), 10_000);
            CommitConflictException refused = assertThrows(CommitConflictException.class,
                    () -> bob.commit(b, "name by bob", NO_PROGRESS));
            assertTrue(refused.getMessage().contains(ModelLabels.featureName(OkoPackage.Literals.PERSON,
                    OkoPackage.Literals.NAMED_ELEMENT__NAME)), refused.getMessage());
            assertTrue(refused.getMessage().contains("Михайлова"), refused.getMessage());
            assertEquals(List.of(OkoPackage.Literals.NAMED_ELEMENT__NAME), refused.conflicts().get(0).features());
            b.rollback();
            assertEquals("Михайлова Е. В.", inB.getName());
            CDOView fresh = bob.openView();
            assertEquals("Михайлова Е. В.", sameIn(fresh, created).getName());
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void auditViewShowsThePastAndHistoryListsTheCommits(Stores.Kind kind) throws Exception {
        try (OkoServer server = OkoServer.start(Stores.fresh(kind, temp), line -> { });
                OkoRepository repository = OkoRepository.connect(server, "alice")) {
            CDOID created = newPerson(repository, "Старое имя");
            long before = repository.session().getLastUpdateTime();
            CDOTransaction transaction = repository.openTransaction();
            sameIn(transaction, created).setName("Новое имя");
            repository.commit(transaction, "переименование", NO_PROGRESS);

            CDOView past = repository.openView(before);
            assertEquals("Старое имя", sameIn(past, created).getName());
            assertEquals("Новое имя", sameIn(repository.openView(), created).getName());

            List<OkoRepository.Change> history = repository.history(sameIn(repository.openView(), created));
            assertEquals(List.of("переименование", "new person"),
                    history.stream().map(OkoRepository.Change::comment).toList());
            assertEquals(List.of("alice", "alice"), history.stream().map(OkoRepository.Change::user).toList());
            assertTrue(history.get(0).timeStamp() > history.get(1).timeStamp());
        }
    }
}
