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
 * <li>a school administrator cannot load another school's observed values (monitoring data).</li>
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
        case SCHOOL_ADMINISTRATOR -> checkSchool(user, context);
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
        String school = school(revision, fresh);
        if (!user.school().equals(school)) {
            throw refuse(Messages.bind(school == null ? Messages.refusedMunicipal : Messages.refusedOther,
                    new Object[] { user.login(), user.school(), describe(revision), school }));
        }
    }

    @Override
    public void handleRevisionsBeforeSending(ISession session, CDORevision[] revisions, List<CDORevision> additional)
            throws RuntimeException {
        User user = users.user(session.getSessionID()).orElse(null);
        if (user == null || user.role() != Role.SCHOOL_ADMINISTRATOR) {
            return;
        }
        for (CDORevision revision : revisions) {
            if (forbidden(user, revision)) {
                String message = Messages.bind(Messages.readRefused, new Object[] { user.login(), user.school(),
                        describe(revision), organisationCode(revision, Map.of()) });
                log.accept(message);
                throw new SecurityException(message);
            }
        }
        // the server adds revisions the client did not ask for (the first elements of a list it
        // loads): those of other schools are just left out
        additional.removeIf(revision -> forbidden(user, revision));
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
