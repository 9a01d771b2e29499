package oko.repository.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.common.revision.delta.CDOFeatureDelta;
import org.eclipse.emf.cdo.server.IRepository;
import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.server.IStoreAccessor.CommitContext;
import org.eclipse.emf.cdo.server.ITransaction;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevision;
import org.eclipse.emf.cdo.spi.common.revision.InternalCDORevisionDelta;
import org.eclipse.emf.ecore.EAttribute;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.net4j.util.om.monitor.OMMonitor;

import oko.repository.internal.Messages;
import oko.repository.security.Users.User;

/**
 * The rights, enforced by the repository server on every commit and every load:
 * <ul>
 * <li>administrators and methodologists change anything;</li>
 * <li>a report designer changes nothing;</li>
 * <li>a school administrator changes only what belongs to their school: the objects inside a
 * quality system of that school (its ВСОКО) and the observed values of that school. Adding or
 * removing such an object may change the list that holds it; that alone is allowed. Anything
 * else refuses the whole commit, naming the first object concerned;</li>
 * <li>a school administrator cannot load another school's observed values (monitoring data): the
 * lists holding them (a monitoring run's values) reach that user without them, so the client sees
 * a consistent, smaller model; the indices of that user's changes to such a list are translated
 * to the full list before the commit is applied;</li>
 * <li>a school administrator does not store computed indicator values into a system that is not
 * their school's: those are the municipality's results over every school.</li>
 * </ul>
 * An object's school is found from the object up through its containers: the first quality
 * system or observed value with an organisation decides; none means the municipality's.
 */
public final class AccessRules implements IRepository.WriteAccessHandler, IRepository.ReadAccessHandler {

    private static final int NO_INDEX = org.eclipse.emf.ecore.InternalEObject.EStore.NO_INDEX;

    private final IRepository repository;
    private final UserAuthenticator users;
    private final Consumer<String> log;

    private final Runnable revoked;

    /**
     * @param revoked called when a commit was refused because its user was removed or changed since
     *        the login: the server then ends that user's sessions (after the refusal reached them)
     */
    public AccessRules(IRepository repository, UserAuthenticator users, Consumer<String> log, Runnable revoked) {
        this.repository = repository;
        this.users = users;
        this.log = log;
        this.revoked = revoked;
    }

    @Override
    public void handleTransactionBeforeCommitting(ITransaction transaction, CommitContext context, OMMonitor monitor)
            throws RuntimeException {
        String login = transaction.getSession().getUserID();
        if (login == null && !org.eclipse.net4j.util.lifecycle.LifecycleUtil.isActive(repository)) {
            // the repository's own commit while it starts on an empty store (its root resource):
            // no client can connect before it is active
            return;
        }
        int session = transaction.getSession().getSessionID();
        User user = users.user(session).orElseThrow(() -> refuse(Messages.bind(Messages.refusedNotLoggedIn, login)));
        // the user table now, not as at login: a removed user or a changed role commits nothing more
        var gone = users.revoked(session);
        if (gone.isPresent()) {
            RuntimeException refusal = refuse(Messages.bind(Messages.refusedRevoked, gone.get()));
            revoked.run();
            throw refusal;
        }
        switch (user.role()) {
        case ADMINISTRATOR, METHODOLOGIST -> {
            return;
        }
        case REPORT_DESIGNER -> throw refuse(Messages.bind(Messages.refusedDesigner, login));
        case SCHOOL_ADMINISTRATOR -> {
            checkSchool(user, context);
            translateListChanges(user, context);
        }
        }
    }

    @Override
    public void handleTransactionAfterCommitted(ITransaction transaction, CommitContext context, OMMonitor monitor) {
        // nothing: the commit is checked before
    }

    private void checkSchool(User user, CommitContext context) {
        Map<CDOID, CDORevision> fresh = new HashMap<>();
        for (InternalCDORevision revision : context.getNewObjects()) {
            fresh.put(revision.getID(), revision);
        }
        for (InternalCDORevision revision : context.getNewObjects()) {
            require(user, revision, fresh);
        }
        InternalCDORevisionDelta[] deltas = context.getDirtyObjectDeltas();
        for (InternalCDORevisionDelta delta : deltas) {
            if (onlyContainment(delta)) {
                continue; // the children added or removed are checked themselves
            }
            CDORevision stored = stored(delta.getID());
            require(user, stored, fresh);
        }
        for (CDOID id : context.getDetachedObjects()) {
            CDORevision stored = stored(id);
            if (stored != null) {
                require(user, stored, fresh);
            }
        }
    }

    private static boolean onlyContainment(InternalCDORevisionDelta delta) {
        for (CDOFeatureDelta change : delta.getFeatureDeltas()) {
            if (!(change.getFeature() instanceof EReference reference) || !reference.isContainment()) {
                return false;
            }
        }
        return true;
    }

    private void require(User user, CDORevision revision, Map<CDOID, CDORevision> fresh) {
        // a computed indicator value belongs to the system it was computed in, not to its school
        String school = isA(revision.getEClass(), "IndicatorValue") ? school(container(revision, fresh), fresh)
                : school(revision, fresh);
        if (!user.school().equals(school)) {
            throw refuse(Messages.bind(school == null ? Messages.refusedMunicipal : Messages.refusedOther,
                    new Object[] { user.login(), user.school(), describe(revision), school }));
        }
    }

    private CDORevision container(CDORevision revision, Map<CDOID, CDORevision> fresh) {
        Object container = revision.data().getContainerID();
        return container instanceof CDOID id && !id.isNull() ? lookup(id, fresh) : null;
    }

    @Override
    public void handleRevisionsBeforeSending(ISession session, CDORevision[] revisions, List<CDORevision> additional)
            throws RuntimeException {
        User user = users.user(session.getSessionID()).orElse(null);
        if (user == null || user.role() != Role.SCHOOL_ADMINISTRATOR) {
            return;
        }
        CDORevision allowed = null;
        for (int i = 0; i < revisions.length; i++) {
            CDORevision revision = revisions[i];
            if (forbidden(user, revision)) {
                String message = Messages.bind(Messages.readRefused, new Object[] { user.login(), user.school(),
                        describe(revision), organisationCode(revision, Map.of()) });
                log.accept(message);
                throw new SecurityException(message);
            }
            if (revision != null) {
                revisions[i] = visible(user, revision);
                allowed = allowed == null ? revisions[i] : allowed;
            }
        }
        // The server adds revisions the client did not ask for (the contents of what it prefetches).
        // CDO 4.7 writes them by position next to a second list it keeps of them, so none may be
        // removed (that broke every whole-model load of a school administrator: "Index 639 out
        // of bounds for length 639"). Another school's value is replaced by a revision the client
        // gets anyway; no list the client sees names that value.
        for (java.util.ListIterator<CDORevision> it = additional.listIterator(); it.hasNext();) {
            CDORevision revision = it.next();
            if (forbidden(user, revision)) {
                if (allowed == null) {
                    throw refuse(Messages.bind(Messages.readRefused, new Object[] { user.login(), user.school(),
                            describe(revision), organisationCode(revision, Map.of()) }));
                }
                it.set(allowed);
            } else if (revision != null) {
                it.set(visible(user, revision));
            }
        }
    }

    /** Whether a feature is a list that may hold observed values (a monitoring run's values). */
    private static boolean holdsValues(EStructuralFeature feature) {
        return feature.isMany() && feature instanceof EReference reference
                && (isA(reference.getEReferenceType(), "ObservedValue")
                        || reference.getEReferenceType().getName().equals("ObservedValue"));
    }

    private static final Map<EClass, List<EStructuralFeature>> VALUE_LISTS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<EStructuralFeature> valueLists(EClass type) {
        return VALUE_LISTS.computeIfAbsent(type,
                t -> t.getEAllStructuralFeatures().stream().filter(AccessRules::holdsValues).toList());
    }

    /**
     * The revision as that school administrator may see it: its lists of observed values without
     * other schools' values (a copy; the revision itself stays as it is in the server's cache).
     */
    private CDORevision visible(User user, CDORevision revision) {
        List<EStructuralFeature> features = valueLists(revision.getEClass());
        if (features.isEmpty() || !(revision instanceof InternalCDORevision internal)) {
            return revision;
        }
        InternalCDORevision copy = null;
        for (EStructuralFeature feature : features) {
            List<Object> full = listOf(internal, feature);
            List<Object> kept = full.stream().filter(element -> visibleElement(user, element)).toList();
            if (kept.size() == full.size()) {
                continue;
            }
            if (copy == null) {
                copy = internal.copy();
            }
            org.eclipse.emf.cdo.spi.common.revision.InternalCDOList list = (org.eclipse.emf.cdo.spi.common.revision.InternalCDOList) org.eclipse.emf.cdo.common.revision.CDOListFactory.DEFAULT
                    .createList(kept.size(), 0, 0);
            list.addAll(kept);
            copy.setList(feature, list);
        }
        return copy == null ? revision : copy;
    }

    /** The elements of a list feature, read from the whole stored revision when this one is chunked. */
    private List<Object> listOf(InternalCDORevision revision, EStructuralFeature feature) {
        org.eclipse.emf.cdo.common.revision.CDOList list = revision.getListOrNull(feature);
        if (list == null) {
            return List.of();
        }
        List<Object> elements = new java.util.ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i, false);
            if (!(element instanceof CDOID)) {
                // not loaded (a chunked list): take the whole list of the stored revision
                CDORevision whole = repository.getRevisionManager().getRevisionByVersion(revision.getID(),
                        revision, CDORevision.UNCHUNKED, true);
                return whole == revision || !(whole instanceof InternalCDORevision complete) ? elements
                        : listOf(complete, feature);
            }
            elements.add(element);
        }
        return elements;
    }

    private boolean visibleElement(User user, Object element) {
        return !(element instanceof CDOID id) || !forbidden(user, stored(id));
    }

    /**
     * A school administrator's changes to a list of observed values name positions in the list as
     * that user saw it (without other schools' values): they are rewritten as changes of the whole
     * stored list, keeping the hidden values where they are. A clear removes only the visible ones.
     */
    private void translateListChanges(User user, CommitContext context) {
        for (InternalCDORevisionDelta delta : context.getDirtyObjectDeltas()) {
            for (CDOFeatureDelta change : delta.getFeatureDeltas()) {
                if (change instanceof org.eclipse.emf.cdo.common.revision.delta.CDOListFeatureDelta listDelta
                        && holdsValues(change.getFeature())) {
                    CDORevision stored = stored(delta.getID());
                    if (stored instanceof InternalCDORevision internal && stored.getVersion() == delta.getVersion()) {
                        translate(user, listDelta, listOf(internal, change.getFeature()));
                    }
                }
            }
        }
    }

    private void translate(User user, org.eclipse.emf.cdo.common.revision.delta.CDOListFeatureDelta listDelta,
            List<Object> stored) {
        List<Object> full = new java.util.ArrayList<>(stored);
        List<Object> visible = new java.util.ArrayList<>(full.stream().filter(e -> visibleElement(user, e)).toList());
        if (visible.size() == full.size()) {
            return; // the user saw the whole list: the positions are right
        }
        EStructuralFeature feature = listDelta.getFeature();
        List<CDOFeatureDelta> translated = new java.util.ArrayList<>();
        for (CDOFeatureDelta change : listDelta.getListChanges()) {
            switch (change) {
            case org.eclipse.emf.cdo.common.revision.delta.CDOAddFeatureDelta add -> {
                int index = Math.min(add.getIndex(), visible.size());
                int at = index < visible.size() ? full.indexOf(visible.get(index)) : full.size();
                visible.add(index, add.getValue());
                full.add(at, add.getValue());
                translated.add(new org.eclipse.emf.cdo.internal.common.revision.delta.CDOAddFeatureDeltaImpl(feature, at,
                        add.getValue()));
            }
            case org.eclipse.emf.cdo.common.revision.delta.CDORemoveFeatureDelta remove -> {
                Object value = visible.remove(remove.getIndex());
                int at = full.indexOf(value);
                full.remove(at);
                var removal = new org.eclipse.emf.cdo.internal.common.revision.delta.CDORemoveFeatureDeltaImpl(feature, at);
                removal.setValue(remove.getValue());
                translated.add(removal);
            }
            case org.eclipse.emf.cdo.common.revision.delta.CDOSetFeatureDelta set -> {
                Object old = visible.set(set.getIndex(), set.getValue());
                int at = full.indexOf(old);
                full.set(at, set.getValue());
                translated.add(new org.eclipse.emf.cdo.internal.common.revision.delta.CDOSetFeatureDeltaImpl(feature, at,
                        set.getValue(), set.getOldValue()));
            }
            case org.eclipse.emf.cdo.common.revision.delta.CDOMoveFeatureDelta move -> {
                Object value = visible.remove(move.getOldPosition());
                int from = full.indexOf(value);
                full.remove(from);
                int index = Math.min(move.getNewPosition(), visible.size());
                int to = index < visible.size() ? full.indexOf(visible.get(index)) : full.size();
                visible.add(index, value);
                full.add(to, value);
                var moved = new org.eclipse.emf.cdo.internal.common.revision.delta.CDOMoveFeatureDeltaImpl(feature, to, from);
                moved.setNewPosition(to);
                moved.setOldPosition(from);
                moved.setValue(value);
                translated.add(moved);
            }
            case org.eclipse.emf.cdo.common.revision.delta.CDOClearFeatureDelta clear -> removeVisible(feature, visible,
                    full, translated);
            case org.eclipse.emf.cdo.common.revision.delta.CDOUnsetFeatureDelta unset -> removeVisible(feature, visible,
                    full, translated);
            default -> translated.add(change);
            }
        }
        listDelta.getListChanges().clear();
        listDelta.getListChanges().addAll(translated);
    }

    private static void removeVisible(EStructuralFeature feature, List<Object> visible, List<Object> full,
            List<CDOFeatureDelta> into) {
        for (int i = visible.size() - 1; i >= 0; i--) {
            Object value = visible.remove(i);
            int at = full.indexOf(value);
            full.remove(at);
            var removal = new org.eclipse.emf.cdo.internal.common.revision.delta.CDORemoveFeatureDeltaImpl(feature, at);
            removal.setValue(value);
            into.add(removal);
        }
    }

    private boolean forbidden(User user, CDORevision revision) {
        return revision != null && isA(revision.getEClass(), "ObservedValue")
                && !user.school().equals(organisationCode(revision, Map.of()));
    }

    private SecurityException refuse(String message) {
        log.accept(message);
        return new SecurityException(message);
    }

    /** The code of the school an object belongs to, or null for the municipality's. */
    private String school(CDORevision revision, Map<CDOID, CDORevision> fresh) {
        CDORevision current = revision;
        for (int depth = 0; current != null && depth < 64; depth++) {
            EClass type = current.getEClass();
            if (type.getName().equals("QualitySystem") || isA(type, "ObservedValue")) {
                String code = organisationCode(current, fresh);
                if (code != null) {
                    return code;
                }
            }
            Object container = current.data().getContainerID();
            current = container instanceof CDOID id && !id.isNull() ? lookup(id, fresh) : null;
        }
        return null;
    }

    private String organisationCode(CDORevision revision, Map<CDOID, CDORevision> fresh) {
        EStructuralFeature feature = revision.getEClass().getEStructuralFeature("organisation");
        Object value = feature == null ? null : revision.data().get(feature, NO_INDEX);
        if (!(value instanceof CDOID id) || id.isNull()) {
            return null;
        }
        CDORevision organisation = lookup(id, fresh);
        return organisation == null ? null : (String) attribute(organisation, "code");
    }

    private CDORevision lookup(CDOID id, Map<CDOID, CDORevision> fresh) {
        CDORevision revision = fresh.get(id);
        return revision != null ? revision : stored(id);
    }

    private CDORevision stored(CDOID id) {
        return repository.getRevisionManager().getRevision(id, repository.getBranchManager().getMainBranch().getHead(),
                CDORevision.UNCHUNKED, CDORevision.DEPTH_NONE, true);
    }

    private static boolean isA(EClass type, String name) {
        return type.getName().equals(name) || type.getEAllSuperTypes().stream().anyMatch(s -> s.getName().equals(name));
    }

    private static Object attribute(CDORevision revision, String name) {
        EStructuralFeature feature = revision.getEClass().getEStructuralFeature(name);
        return feature instanceof EAttribute ? revision.data().get(feature, NO_INDEX) : null;
    }

    /** "QualitySystem «name» (code, OID12)". */
    static String describe(CDORevision revision) {
        Object name = attribute(revision, "name");
        Object code = attribute(revision, "code");
        StringBuilder text = new StringBuilder(revision.getEClass().getName());
        if (name != null) {
            text.append(" «").append(name).append('»');
        }
        text.append(" (");
        if (code != null) {
            text.append(code).append(", ");
        }
        return text.append(revision.getID()).append(')').toString();
    }
}
