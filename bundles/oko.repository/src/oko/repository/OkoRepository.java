package oko.repository;

import oko.repository.internal.Messages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.common.branch.CDOBranch;
import org.eclipse.emf.cdo.common.commit.CDOCommitInfo;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.revision.CDORevision;
import org.eclipse.emf.cdo.common.revision.CDORevisionManager;
import org.eclipse.emf.cdo.eresource.CDOResource;
import org.eclipse.emf.cdo.eresource.CDOResourceFolder;
import org.eclipse.emf.cdo.eresource.CDOResourceNode;
import org.eclipse.emf.cdo.net4j.CDONet4jSession;
import org.eclipse.emf.cdo.net4j.CDONet4jSessionConfiguration;
import org.eclipse.emf.cdo.net4j.CDONet4jUtil;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CommitException;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.spi.cdo.CDOMergingConflictResolver;
import org.eclipse.net4j.connector.IConnector;
import org.eclipse.net4j.tcp.TCPUtil;
import org.eclipse.net4j.util.container.IManagedContainer;
import org.eclipse.net4j.util.lifecycle.LifecycleUtil;

import oko.model.OkoPackage;
import oko.repository.db.StoreConfig;

/**
 * A client's connection to the Oko repository: either embedded (an {@link OkoServer} in this JVM
 * over an H2 store in the data directory) or remote (a server over TCP). Model files live as CDO
 * resources in the folder {@value #MODEL_FOLDER}; each holds model roots.
 */
public final class OkoRepository implements AutoCloseable {

    /** The folder of model resources. */
    public static final String MODEL_FOLDER = "/oko";

    /**
     * How long a request waits for the server. It bounds how long a client hangs when the server
     * dies (a request in flight is not woken up by the broken connection in net4j 4.7), so it is
     * short; operations known to be long ({@link #prefetch}) raise it while they run. Override
     * with {@code -Doko.signalTimeout=MILLIS}.
     */
    private static final long SIGNAL_TIMEOUT_MILLIS = Long.getLong("oko.signalTimeout", 30_000L);

    /** For whole-repository loads: net4j's default of 10 s breaks big prefetches on slow machines. */
    private static final long LONG_SIGNAL_TIMEOUT_MILLIS = 10 * 60 * 1000L;

    private final OkoServer embeddedServer;
    private final IManagedContainer container;
    private final CDONet4jSession session;
    private final String label;

    /** Threads waiting for the server in {@link #commit}; interrupted when the connection dies. */
    private final java.util.Set<Thread> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean connectionLost;
    /** The TLS connection under a remote session; null for plain TCP and in-process. */
    private oko.repository.security.TlsTunnel tunnel;

    private OkoRepository(OkoServer embeddedServer, IManagedContainer container, CDONet4jSession session,
            String label) {
        this.embeddedServer = embeddedServer;
        this.container = container;
        this.session = session;
        this.label = label;
        // net4j lets a request wait for its full signal timeout when the server dies; wake it up.
        session.options().getNet4jProtocol().getChannel().getMultiplexer()
                .addListener(new org.eclipse.net4j.util.lifecycle.LifecycleEventAdapter() {
                    @Override
                    protected void onDeactivated(org.eclipse.net4j.util.lifecycle.ILifecycle lifecycle) {
                        connectionLost = true;
                        waiting.forEach(Thread::interrupt);
                    }
                });
    }

    /** The server this repository started in this JVM, if it is embedded (for other sessions to it). */
    public java.util.Optional<OkoServer> embeddedServer() {
        return java.util.Optional.ofNullable(embeddedServer);
    }

    /**
     * For the user, in their language, when the embedded store had to be repaired at this start
     * because the previous session ended abnormally (what happened and that committed data are
     * kept); empty otherwise, and for a server (its own log says it).
     */
    public java.util.Optional<String> recoveryNotice() {
        return embeddedServer != null && embeddedServer.repairedAfterCrash()
                ? java.util.Optional.of(oko.repository.internal.Messages.bind(
                        oko.repository.internal.Messages.repairedAfterCrash, label))
                : java.util.Optional.empty();
    }

    /** Whether the connection to the server broke (the server stopped or died). */
    public boolean isConnectionLost() {
        return connectionLost;
    }

    /** Starts an embedded server on {@code dataDirectory/repository} (H2) and connects to it. */
    public static OkoRepository openEmbedded(Path dataDirectory, String user, Consumer<String> log) {
        Path store = dataDirectory.resolve("repository");
        try {
            java.nio.file.Files.createDirectories(store);
        } catch (java.io.IOException e) {
            throw new RepositoryException(Messages.bind(Messages.cannotConnect, store, e.getMessage()), e);
        }
        OkoServer server = OkoServer.start(new StoreConfig.H2(store), log);
        try {
            return new OkoRepository(server, server.container(), openSession(server.jvmConnector(), user),
                    dataDirectory.toAbsolutePath().toString());
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /** Connects to an embedded or standalone server in this JVM (tests, the server's own tools). */
    public static OkoRepository connect(OkoServer server, String user) {
        return new OkoRepository(null, null, openSession(server.jvmConnector(), user, server.internalPassword(user)),
                server.store().describe());
    }

    /** Connects to {@code ./oko server} over TCP, without logging in (a server whose users have no password). */
    public static OkoRepository connect(String host, int port, String user) {
        return connect(host, port, user, null);
    }

    /**
     * Connects to a server over plain TCP, unencrypted, as that user ({@code ./oko server --plain},
     * tests); with a password the session logs in (the server checks it; a wrong one gives a
     * {@link RepositoryException}).
     */
    public static OkoRepository connect(String host, int port, String user, char[] password) {
        return connect(host + ":" + port, host, port, user, password, null);
    }

    /**
     * Connects to {@code ./oko server} over TLS as that user: the server's certificate is checked
     * by {@code trust} first (a refused one gives a {@link RepositoryException} saying why and
     * nothing is sent), then the session logs in with the password, if any, inside the encrypted
     * connection.
     */
    public static OkoRepository connectTls(String host, int port, String user, char[] password,
            oko.repository.security.ServerTrust trust) {
        String label = host + ":" + port;
        oko.repository.security.TlsTunnel tunnel;
        try {
            tunnel = oko.repository.security.TlsTunnel.open(host, port, trust);
        } catch (oko.repository.security.ServerTrust.UntrustedServerException e) {
            throw new RepositoryException(e.getMessage(), e);
        } catch (java.io.IOException | java.security.cert.CertificateException e) {
            throw new RepositoryException(Messages.bind(Messages.tlsConnectFailed, label,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return connect(label, "127.0.0.1", tunnel.localPort(), user, password, tunnel);
    }

    private static OkoRepository connect(String label, String host, int port, String user, char[] password,
            oko.repository.security.TlsTunnel tunnel) {
        IManagedContainer container = OkoServer.createContainer();
        try {
            IConnector connector = TCPUtil.getConnector(container, host + ":" + port);
            OkoRepository repository = new OkoRepository(null, container, openSession(connector, user, password), label);
            repository.tunnel = tunnel;
            return repository;
        } catch (RuntimeException e) {
            container.deactivate();
            if (tunnel != null) {
                tunnel.close();
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getMessage() != null && cause.getMessage().contains(oko.repository.security.UserAuthenticator.WRONG_LOGIN)) {
                    throw new RepositoryException(Messages.bind(Messages.wrongLogin, label), e);
                }
            }
            throw new RepositoryException(Messages.bind(Messages.cannotConnect, label,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
    }

    private static CDONet4jSession openSession(IConnector connector, String user) {
        return openSession(connector, user, null);
    }

    private static CDONet4jSession openSession(IConnector connector, String user, char[] password) {
        CDONet4jSessionConfiguration configuration = CDONet4jUtil.createNet4jSessionConfiguration();
        configuration.setConnector(connector);
        configuration.setRepositoryName(OkoServer.REPOSITORY_NAME);
        if (password != null) {
            configuration.setCredentialsProvider(new org.eclipse.net4j.util.security.PasswordCredentialsProvider(
                    new org.eclipse.net4j.util.security.PasswordCredentials(user, password)));
        } else {
            configuration.setUserID(user);
        }
        configuration.setSignalTimeout(SIGNAL_TIMEOUT_MILLIS);
        CDONet4jSession session = configuration.openNet4jSession();
        session.getPackageRegistry().putEPackage(OkoPackage.eINSTANCE);
        return session;
    }

    public CDONet4jSession session() {
        return session;
    }

    /** The embedded path or {@code host:port}, for the window title and messages. */
    public String label() {
        return label;
    }

    public String user() {
        return session.getUserID();
    }

    /**
     * A transaction that merges changes of other clients to other features of the same objects
     * as they arrive; a change to the same feature becomes a conflict reported by {@link #commit}.
     */
    public CDOTransaction openTransaction() {
        CDOTransaction transaction = session.openTransaction();
        transaction.options().addConflictResolver(new CDOMergingConflictResolver());
        // After the server stored a commit, CDO waits for the commit's notice to reach the
        // transaction and throws a TimeoutRuntimeException after 10 s: on a loaded server (8
        // clients importing, the region benchmark) the commit was stored but reported as failed.
        // Wait as long as for any long signal instead.
        transaction.options().setCommitInfoTimeout(LONG_SIGNAL_TIMEOUT_MILLIS);
        return transaction;
    }

    public CDOView openView() {
        return session.openView();
    }

    /** A read-only view of the repository as it was at {@code timeStamp} (audit). */
    public CDOView openView(long timeStamp) {
        return session.openView(timeStamp);
    }

    /**
     * Commits with a comment.
     *
     * @throws CommitConflictException when another client changed the same feature of an object;
     *         the message names object and feature; {@link CDOTransaction#rollback()} reloads
     * @throws RepositoryException for any other refusal (e.g. a deleted object still referenced)
     */
    public CDOCommitInfo commit(CDOTransaction transaction, String comment, IProgressMonitor monitor) {
        if (connectionLost || !LifecycleUtil.isActive(session) || transaction.isClosed()) {
            // nothing was sent: the server has none of it
            throw new RepositoryException(Messages.bind(Messages.connectionLostBeforeCommit, label));
        }
        // user, comment and the last commit this client knew of let a new connection find out
        // whether a commit whose answer was lost reached the store
        String marked = comment;
        long since = session.getLastUpdateTime();
        Thread self = Thread.currentThread();
        waiting.add(self);
        try {
            return doCommit(transaction, marked, monitor);
        } catch (RuntimeException e) {
            // a conflict or a refusal is the server's answer: the connection was there
            boolean answered = e instanceof CommitConflictException
                    || e instanceof RepositoryException && e.getCause() instanceof CommitException;
            if (answered ? connectionLost || !LifecycleUtil.isActive(session) : connectionBroke(2_000)) {
                throw new CommitOutcomeUnknownException(Messages.bind(Messages.commitOutcomeUnknown, label), e, user(),
                        marked, since);
            }
            throw e;
        } finally {
            waiting.remove(self);
            if (connectionLost) {
                Thread.interrupted();
            }
        }
    }

    /**
     * Whether the connection is gone; after a failed request net4j may report the broken channel a
     * moment later than the request fails, so this waits a little for it.
     */
    private boolean connectionBroke(long waitMillis) {
        long deadline = System.nanoTime() + waitMillis * 1_000_000L;
        while (true) {
            if (connectionLost || !LifecycleUtil.isActive(session)) {
                return true;
            }
            var channel = session.options().getNet4jProtocol().getChannel();
            if (channel == null || !LifecycleUtil.isActive(channel)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return connectionLost;
            }
        }
    }

    /**
     * What a failure of work with this repository outside {@link #commit} means for the user: when
     * the connection broke (the server stopped or died), a {@link RepositoryException} saying so in
     * the user's language (nothing of the unsaved work reached the server) instead of CDO's "Not
     * active: CDOTransactionImpl"; otherwise the failure itself.
     */
    public RuntimeException explain(RuntimeException failure) {
        if (failure instanceof RepositoryException) {
            return failure;
        }
        // CDO's "Not active" comes after the session closed: no need to wait for the channel
        return connectionBroke(0) ? new RepositoryException(Messages.bind(Messages.connectionLost, label), failure)
                : failure;
    }

    /**
     * Whether the commit an {@link CommitOutcomeUnknownException} reported reached the store: looks
     * for a commit of that user with that comment after the last commit the client knew of, on this (new) connection.
     */
    public boolean wasCommitted(CommitOutcomeUnknownException unknown) {
        List<CDOCommitInfo> found = new ArrayList<>();
        session.getCommitInfoManager().getCommitInfos(null, unknown.since() + 1,
                org.eclipse.emf.cdo.common.branch.CDOBranchPoint.UNSPECIFIED_DATE,
                found::add);
        return found.stream().anyMatch(info -> java.util.Objects.equals(unknown.comment(), info.getComment())
                && java.util.Objects.equals(unknown.user(), info.getUserID()));
    }

    /** The server's message when its access rules refused a commit (a SecurityException there), else null. */
    private static String refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SecurityException) {
                return cause.getMessage();
            }
            String text = String.valueOf(cause.getMessage());
            int at = text.indexOf("SecurityException: ");
            if (at >= 0) {
                return text.substring(at + "SecurityException: ".length()).lines().findFirst().orElse(text);
            }
        }
        return null;
    }

    /** How often a commit refused for a stale revision is tried again after catching up. */
    private static final int COMMIT_ATTEMPTS = 5;
    /** How long a refused commit waits for the notice of the commit that replaced its revisions. */
    private static final long CATCH_UP_MILLIS = 2_000;

    private CDOCommitInfo doCommit(CDOTransaction transaction, String comment, IProgressMonitor monitor) {
        transaction.setCommitComment(comment);
        CommitException failure = null;
        for (int attempt = 0; attempt < COMMIT_ATTEMPTS; attempt++) {
            // the newest commit this transaction had taken in when this attempt was sent
            long heard = transaction.getLastUpdateTime();
            try {
                return transaction.commit(monitor);
            } catch (CommitException e) {
                failure = e;
                String refused = refusal(e);
                if (refused != null) {
                    // the server's rights refused the commit: nothing to catch up with, say why
                    throw new RepositoryException(refused, e);
                }
                if (Conflicts.isIntegrity(e)) {
                    break;
                }
                if (transaction.hasConflict() && transaction.getLastUpdateTime() >= session.getLastUpdateTime()) {
                    // a settled conflict: the transaction has taken in everything the session heard of
                    break;
                }
                // The server refused a revision another client's commit had just replaced (e.g.
                // both added a run to the same monitoring) before our client heard of that commit:
                // catch up, wait until this transaction has taken in the other commit (the merging
                // resolver joins changes to different features and additions to the same list),
                // and try again. Only a real conflict, the same feature changed, remains. Two races:
                // the server answers the refused commit before its notice of the other commit has
                // necessarily reached this session (so wait, briefly, for a commit newer than the
                // transaction knew when sending), and the notice may be in the middle of being merged
                // into the transaction (a conflict for a moment, then resolved: so decide only after).
                session.refresh();
                if (!transaction.hasConflict()) {
                    session.waitForUpdate(heard + 1, CATCH_UP_MILLIS);
                }
                transaction.waitForUpdate(session.getLastUpdateTime(), LONG_SIGNAL_TIMEOUT_MILLIS);
                if (transaction.hasConflict() || !transaction.isDirty()) {
                    break;
                }
            }
        }
        throw Conflicts.translate(this, transaction, failure);
    }

    /** The model resources, in path order. */
    public static List<CDOResource> modelResources(CDOView view) {
        List<CDOResource> result = new ArrayList<>();
        CDOResourceNode node;
        try {
            node = view.getResourceNode(MODEL_FOLDER);
        } catch (RuntimeException notThere) {
            return result;
        }
        if (node instanceof CDOResourceFolder folder) {
            collect(folder, result);
        }
        return result;
    }

    private static void collect(CDOResourceFolder folder, List<CDOResource> into) {
        for (CDOResourceNode node : folder.getNodes()) {
            if (node instanceof CDOResource resource) {
                into.add(resource);
            } else if (node instanceof CDOResourceFolder sub) {
                collect(sub, into);
            }
        }
    }

    /** The top objects of every model resource. */
    /** A new, empty model in a resource of its own under the model folder ({@code /oko/NAME}). */
    public static oko.model.ModelRoot newModel(CDOTransaction transaction, String resourceName, String modelName) {
        CDOResource resource = transaction.getOrCreateResource(MODEL_FOLDER + "/" + resourceName);
        oko.model.ModelRoot model = OkoPackage.eINSTANCE.getOkoFactory().createModelRoot();
        model.setName(modelName);
        resource.getContents().add(model);
        return model;
    }

    public static List<EObject> roots(CDOView view) {
        List<EObject> roots = new ArrayList<>();
        for (CDOResource resource : modelResources(view)) {
            roots.addAll(resource.getContents());
        }
        return roots;
    }

    /** The quality systems of the models among {@code roots} ({@link #roots}), in repository order. */
    public static List<oko.model.QualitySystem> systems(List<? extends EObject> roots) {
        List<oko.model.QualitySystem> systems = new ArrayList<>();
        for (EObject root : roots) {
            if (root instanceof oko.model.ModelRoot model) {
                systems.addAll(model.getQualitySystems());
            }
        }
        return systems;
    }

    /** The periods of the models among {@code roots} ({@link #roots}), in repository order. */
    public static List<oko.model.Period> periods(List<? extends EObject> roots) {
        List<oko.model.Period> periods = new ArrayList<>();
        for (EObject root : roots) {
            if (root instanceof oko.model.ModelRoot model) {
                periods.addAll(model.getPeriods());
            }
        }
        return periods;
    }

    /**
     * The observed values (indicator and raw values) of one organisation, in every model. In a
     * repository they are found by the server (a cross-reference query on
     * {@code ObservedValue.organisation}), so no other organisation's value is loaded: a school
     * administrator may not read those. Objects outside a repository are searched in their
     * resource set.
     */
    public static List<oko.model.ObservedValue> valuesOf(oko.model.Organisation organisation) {
        List<oko.model.ObservedValue> values = new ArrayList<>();
        if (organisation instanceof CDOObject object && object.cdoView() != null) {
            for (var reference : object.cdoView().queryXRefs(object, OkoPackage.Literals.OBSERVED_VALUE__ORGANISATION)) {
                if (reference.getSourceObject() instanceof oko.model.ObservedValue value) {
                    values.add(value);
                }
            }
            return values;
        }
        var resources = organisation.eResource() == null || organisation.eResource().getResourceSet() == null
                ? List.<org.eclipse.emf.ecore.resource.Resource>of()
                : organisation.eResource().getResourceSet().getResources();
        for (var resource : List.copyOf(resources)) {
            for (var it = resource.getAllContents(); it.hasNext();) {
                if (it.next() instanceof oko.model.ObservedValue value && value.getOrganisation() == organisation) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    /** Whether the repository holds no model yet. */
    public boolean isEmpty() {
        CDOView view = session.openView();
        try {
            return roots(view).isEmpty();
        } finally {
            view.close();
        }
    }

    /** How many objects the roots hold, the roots included. */
    public static int count(List<? extends EObject> roots) {
        int count = 0;
        for (EObject root : roots) {
            count++;
            for (var it = root.eAllContents(); it.hasNext(); it.next()) {
                count++;
            }
        }
        return count;
    }

    /**
     * For changes to many stored objects at once (an import, a computation): until the returned
     * scope is closed, changing an object of {@code view} does not ask the server for that object's
     * future changes. {@link #openTransaction()}'s merging conflict resolver asks for them (CDO's
     * change subscription) for each object as it becomes dirty — a round trip to the server per
     * object, half of an import of 1,500 values — and after the commit it drops them, again one
     * request per object. Keep the scope open over the commit: closing it asks once, for every
     * object still dirty (none after a commit); after the view is closed it asks nothing. A change
     * another client commits to those objects while the scope is open reaches this view as an
     * invalidation only, so a change to the same object is reported as a conflict instead of
     * merged.
     */
    public static ManyChanges manyChanges(CDOView view) {
        org.eclipse.emf.cdo.view.CDOAdapterPolicy[] policies = view.options().getChangeSubscriptionPolicies();
        for (org.eclipse.emf.cdo.view.CDOAdapterPolicy policy : policies) {
            view.options().removeChangeSubscriptionPolicy(policy);
        }
        return () -> {
            if (!view.isClosed()) {
                for (org.eclipse.emf.cdo.view.CDOAdapterPolicy policy : policies) {
                    view.options().addChangeSubscriptionPolicy(policy);
                }
            }
        };
    }

    /** The scope of {@link #manyChanges(CDOView)}. */
    @FunctionalInterface
    public interface ManyChanges extends AutoCloseable {
        @Override
        void close();
    }

    /** Loads every model object into the client's cache in one go (instead of one round trip per object). */
    public static void prefetch(CDOView view) {
        var protocol = ((CDONet4jSession) view.getSession()).options().getNet4jProtocol();
        long timeout = protocol.getTimeout();
        protocol.setTimeout(Math.max(timeout, LONG_SIGNAL_TIMEOUT_MILLIS));
        try {
            view.getRootResource().cdoPrefetch(CDORevision.DEPTH_INFINITE);
        } finally {
            protocol.setTimeout(timeout);
        }
    }

    /** One commit that changed an object. */
    public record Change(int version, long timeStamp, String user, String comment) {
    }

    /** The commits that changed {@code object}, newest first (its audit trail). */
    public List<Change> history(CDOObject object) {
        CDOID id = object.cdoID();
        CDOBranch branch = session.getBranchManager().getMainBranch();
        CDORevisionManager revisions = session.getRevisionManager();
        CDORevision latest = revisions.getRevision(id, branch.getHead(), 0, CDORevision.DEPTH_NONE, true);
        List<Change> changes = new ArrayList<>();
        for (int version = latest == null ? 0 : latest.getVersion(); version >= CDORevision.FIRST_VERSION; version--) {
            CDORevision revision = revisions.getRevisionByVersion(id, branch.getVersion(version), 0, true);
            if (revision == null) {
                break;
            }
            CDOCommitInfo info = session.getCommitInfoManager().getCommitInfo(revision.getTimeStamp());
            changes.add(new Change(version, revision.getTimeStamp(), info == null ? null : info.getUserID(),
                    info == null ? null : info.getComment()));
        }
        return changes;
    }

    @Override
    public void close() {
        if (connectionBroke(0) && LifecycleUtil.isActive(session)) {
            // closing sends a request per view: to a dead server each would wait for its timeout
            session.options().getNet4jProtocol().setTimeout(1_000);
        }
        LifecycleUtil.deactivate(session);
        if (container != null && embeddedServer == null) {
            container.deactivate();
        }
        if (embeddedServer != null) {
            embeddedServer.close();
        }
        if (tunnel != null) {
            tunnel.close();
        }
    }
}
