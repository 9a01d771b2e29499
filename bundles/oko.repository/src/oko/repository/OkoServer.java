package oko.repository;

import oko.repository.internal.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.cdo.net4j.CDONet4jUtil;
import org.eclipse.emf.cdo.server.CDOServerUtil;

import org.eclipse.emf.cdo.server.IRepository;
import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.server.db.CDODBUtil;
import org.eclipse.emf.cdo.server.db.mapping.IMappingStrategy;
import org.eclipse.emf.cdo.server.net4j.CDONet4jServerUtil;
import org.eclipse.net4j.Net4jUtil;
import org.eclipse.net4j.acceptor.IAcceptor;
import org.eclipse.net4j.connector.IConnector;
import org.eclipse.net4j.db.DBUtil;
import org.eclipse.net4j.jvm.JVMUtil;
import org.eclipse.net4j.tcp.TCPUtil;
import org.eclipse.net4j.util.container.ContainerEventAdapter;
import org.eclipse.net4j.util.container.ContainerUtil;
import org.eclipse.net4j.util.container.IContainer;
import org.eclipse.net4j.util.container.IManagedContainer;
import org.eclipse.net4j.util.lifecycle.LifecycleUtil;

import oko.repository.db.StoreConfig;
import oko.repository.security.AccessRules;
import oko.repository.security.Role;
import oko.repository.security.UserAuthenticator;
import oko.repository.security.Users;

/**
 * The Oko repository server: a CDO repository named {@value #REPOSITORY_NAME} with audits, over a
 * DB store (H2 or PostgreSQL), reachable in-process through a JVM acceptor and, when asked, over
 * TCP. The embedded mode of the workbench and {@code ./oko server} both run this class.
 */
public final class OkoServer implements AutoCloseable {

    /** The CDO repository name; also its UUID, so clients may cache across restarts. */
    public static final String REPOSITORY_NAME = "oko";

    private final IManagedContainer container;
    private final IRepository repository;
    private final StoreConfig store;
    private static final java.util.concurrent.atomic.AtomicInteger SERVERS = new java.util.concurrent.atomic.AtomicInteger();

    private final String jvmName;
    /** The one-time password of the server's own client when clients must log in; null otherwise. */
    private final char[] internal;
    private IAcceptor tcpAcceptor;
    private oko.repository.security.TlsGateway tlsGateway;
    private oko.repository.security.ServerCertificate certificate;
    /** The sessions of a server whose clients log in; null otherwise. */
    private final Security security;
    private final Consumer<String> log;

    /** The login of the administrator the first start creates. */
    public static final String ADMINISTRATOR = "admin";
    /** The login of the server's own client ({@link #warmUp()}, tools in this JVM). */
    private static final String INTERNAL = "oko-server";

    private OkoServer(IManagedContainer container, IRepository repository, StoreConfig store, String jvmName,
            Security security, Consumer<String> log) {
        this.container = container;
        this.repository = repository;
        this.store = store;
        this.jvmName = jvmName;
        this.security = security;
        this.internal = security == null ? null : security.internal;
        this.log = log;
    }

    /**
     * The parts of a server whose clients log in: the internal password, the sessions, and the
     * watch that ends the sessions of removed or changed users.
     */
    private static final class Security {
        final char[] internal;
        final oko.repository.security.ServerSessions sessions;
        final java.util.concurrent.ScheduledExecutorService watch;
        /** The TLS gateway once listening, for the clients' real addresses. */
        volatile oko.repository.security.TlsGateway gateway;

        Security(char[] internal, oko.repository.security.UserAuthenticator authenticator, Consumer<String> log) {
            this.internal = internal;
            this.sessions = new oko.repository.security.ServerSessions(authenticator, log,
                    port -> gateway == null ? null : gateway.client(port));
            this.watch = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "oko-user-watch");
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Checks the open sessions against the user table now and then (and soon after a refusal). */
        void startWatch() {
            long period = Long.getLong("oko.userCheckMillis", 3_000L);
            watch.scheduleWithFixedDelay(this::check, period, period, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        void checkSoon() {
            // after the refusal has reached the client
            watch.schedule(this::check, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void check() {
            try {
                sessions.endRevoked();
            } catch (RuntimeException e) {
                // the store is closing, or briefly unreachable: the next round checks again
            }
        }
    }

    /**
     * Opens the store and activates the repository.
     *
     * @param log receives one line per client connect and disconnect
     */
    public static OkoServer start(StoreConfig store, Consumer<String> log) {
        return start(store, log, false);
    }

    /**
     * Opens the store and activates the repository; with {@code users}, the repository's users
     * (table OKO_USERS of its database) apply: the first start creates the administrator "admin"
     * without a password, and once some user has a password every client must log in and the
     * rights of {@link oko.repository.security.AccessRules} are enforced on every commit and load.
     */
    public static OkoServer start(StoreConfig store, Consumer<String> log, boolean users) {
        // JVM acceptors are registered by name for the whole JVM: each server needs its own.
        String jvmName = REPOSITORY_NAME + "-" + SERVERS.incrementAndGet();
        try {
            oko.repository.internal.ModelVersion.check(store.dataSource(), store.describe());
        } catch (RuntimeException e) {
            store.shutdown();
            throw e;
        }
        IManagedContainer container = createContainer();
        IMappingStrategy mapping = CDODBUtil.createHorizontalMappingStrategy(true, false);
        // CDO's DB store, telling whether it had to repair itself after a crash
        oko.repository.internal.RecoveringStore dbStore = new oko.repository.internal.RecoveringStore(mapping,
                store.adapter(), DBUtil.createConnectionProvider(store.dataSource()));
        Map<String, String> properties = new HashMap<>();
        properties.put(IRepository.Props.OVERRIDE_UUID, REPOSITORY_NAME);
        properties.put(IRepository.Props.SUPPORTING_AUDITS, "true");
        properties.put(IRepository.Props.SUPPORTING_BRANCHES, "false");
        properties.put(IRepository.Props.ENSURE_REFERENTIAL_INTEGRITY, "true");
        // CDO interrupts the thread of a finished query; an interrupt during H2's file I/O closes
        // the database file (ClosedByInterruptException) and breaks the store.
        properties.put(IRepository.Props.ALLOW_INTERRUPT_RUNNING_QUERIES, "false");
        IRepository repository = CDOServerUtil.createRepository(REPOSITORY_NAME, dbStore, properties);
        Security security = null;
        try {
            security = users ? secure(repository, store, log) : null;
            CDOServerUtil.addRepository(container, repository);
            JVMUtil.getAcceptor(container, jvmName);
            if (dbStore.repairedAfterCrash()) {
                log.accept(oko.repository.internal.Messages.bind(oko.repository.internal.Messages.repairedAfterCrash,
                        store.describe()));
            }
            repository.getSessionManager().addListener(new ContainerEventAdapter<ISession>() {
                @Override
                protected void onAdded(IContainer<ISession> source, ISession session) {
                    // CDO sets the user after the session is added; it is known when it leaves
                    String user = session.getUserID();
                    log.accept(user == null || user.isEmpty()
                            ? Messages.bind(Messages.clientConnectedAnonymous, session.getSessionID())
                            : Messages.bind(Messages.clientConnected, session.getSessionID(), user));
                }

                @Override
                protected void onRemoved(IContainer<ISession> source, ISession session) {
                    log.accept(Messages.bind(Messages.clientDisconnected, session.getSessionID(), user(session)));
                }
            });
        } catch (RuntimeException e) {
            if (security != null) {
                security.watch.shutdownNow();
            }
            LifecycleUtil.deactivate(repository);
            container.deactivate();
            store.shutdown();
            throw e;
        }
        if (security != null) {
            security.startWatch();
        }
        return new OkoServer(container, repository, store, jvmName, security, log);
    }

    /**
     * Whether this start found the store not closed properly (the previous process was killed or
     * died) and repaired it; committed data are kept, statistics are refreshed.
     */
    public boolean repairedAfterCrash() {
        return repository.getStore() instanceof oko.repository.internal.RecoveringStore store && store.repairedAfterCrash();
    }

    /** The password of the server's own client, known only inside this process; null for anyone else or an open server. */
    char[] internalPassword(String user) {
        return INTERNAL.equals(user) && internal != null ? internal.clone() : null;
    }

    private static Security secure(IRepository repository, StoreConfig store, Consumer<String> log) {
        Users users = new Users(store.dataSource());
        if (users.list().isEmpty()) {
            users.add(ADMINISTRATOR, Role.ADMINISTRATOR, null, null);
            log.accept(Messages.bind(Messages.adminCreated, ADMINISTRATOR));
        }
        if (!users.anyPassword()) {
            log.accept(Messages.bind(Messages.noPasswords, ADMINISTRATOR));
            return null;
        }
        char[] internal = new char[32];
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (int i = 0; i < internal.length; i++) {
            internal[i] = (char) ('a' + random.nextInt(26));
        }
        UserAuthenticator authenticator = new UserAuthenticator(users, log, INTERNAL, internal.clone());
        // the session manager is made on activation unless one is set: set ours, with the authenticator
        Security security = new Security(internal, authenticator, log);
        ((org.eclipse.emf.cdo.spi.server.InternalRepository) repository).setSessionManager(security.sessions);
        AccessRules rules = new AccessRules(repository, authenticator, log, security::checkSoon);
        repository.addHandler(rules);
        log.accept(Messages.loginRequired);
        return security;
    }

    private static String user(ISession session) {
        String user = session.getUserID();
        return user == null || user.isEmpty() ? "—" : user;
    }

    static IManagedContainer createContainer() {
        IManagedContainer container = ContainerUtil.createContainer();
        Net4jUtil.prepareContainer(container);
        JVMUtil.prepareContainer(container);
        TCPUtil.prepareContainer(container);
        CDONet4jUtil.prepareContainer(container);
        CDONet4jServerUtil.prepareContainer(container);
        container.activate();
        return container;
    }

    /**
     * Loads every model object into the server's revision cache, so the first client to load the
     * whole model does not wait for one database read per object. Runs on the calling thread;
     * returns the number of objects and how long it took.
     */
    public WarmUp warmUp() {
        long start = System.nanoTime();
        try (OkoRepository client = OkoRepository.connect(this, INTERNAL)) {
            org.eclipse.emf.cdo.view.CDOView view = client.openView();
            OkoRepository.prefetch(view);
            int objects = OkoRepository.count(OkoRepository.roots(view));
            view.close();
            return new WarmUp(objects, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** What {@link #warmUp()} did. */
    public record WarmUp(int objects, long millis) {
    }

    /**
     * Also accept clients over plain TCP on {@code host:port}: unencrypted, for tests and for a
     * server asked to run without TLS ({@code ./oko server --plain}).
     */
    public OkoServer listen(String host, int port) {
        tcpAcceptor = TCPUtil.getAcceptor(container, host + ":" + port);
        return this;
    }

    /**
     * Also accept clients over TLS on {@code host:port}, with the key and self-signed certificate in
     * {@code tlsFolder} (made there on the first start); logs the certificate's SHA-256
     * fingerprint, which clients check. The repository's plain acceptor then listens only on a
     * loopback port the TLS gateway forwards to.
     */
    public OkoServer listenTls(String host, int port, java.nio.file.Path tlsFolder) {
        certificate = oko.repository.security.ServerCertificate.loadOrCreate(tlsFolder);
        if (certificate.created()) {
            log.accept(Messages.bind(Messages.tlsCreated, tlsFolder.resolve(oko.repository.security.ServerCertificate.FILE)));
        }
        try {
            int inner = oko.repository.security.TlsGateway.freeLoopbackPort();
            tcpAcceptor = TCPUtil.getAcceptor(container, "127.0.0.1:" + inner);
            tlsGateway = new oko.repository.security.TlsGateway(certificate, host, port, inner, log);
        } catch (java.io.IOException e) {
            if (tcpAcceptor != null) {
                LifecycleUtil.deactivate(tcpAcceptor);
                tcpAcceptor = null;
            }
            throw new RepositoryException(Messages.bind(Messages.tlsListenFailed, host + ":" + port, e.getMessage()), e);
        }
        if (security != null) {
            security.gateway = tlsGateway;
        }
        log.accept(Messages.bind(Messages.tlsFingerprint, certificate.fingerprint()));
        return this;
    }

    /** The SHA-256 fingerprint of the server's TLS certificate; empty unless it listens over TLS. */
    public java.util.Optional<String> tlsFingerprint() {
        return java.util.Optional.ofNullable(certificate).map(oko.repository.security.ServerCertificate::fingerprint);
    }

    /** The port of the TLS gateway; -1 unless it listens over TLS. */
    public int tlsPort() {
        return tlsGateway == null ? -1 : tlsGateway.port();
    }

    /**
     * Ends, now, the sessions whose user was removed or whose role or school changed since their
     * login (the server also checks every few seconds); returns how many were ended.
     */
    public int endRevokedSessions() {
        return security == null ? 0 : security.sessions.endRevoked();
    }

    /** A connector to this server inside the same JVM. */
    public IConnector jvmConnector() {
        return JVMUtil.getConnector(container, jvmName);
    }

    public IManagedContainer container() {
        return container;
    }

    public IRepository repository() {
        return repository;
    }

    public StoreConfig store() {
        return store;
    }

    /** Deactivates the acceptors, the repository and the store; the JVM may then exit. */
    @Override
    public void close() {
        if (security != null) {
            security.watch.shutdownNow();
        }
        if (tlsGateway != null) {
            tlsGateway.close();
        }
        if (tcpAcceptor != null) {
            LifecycleUtil.deactivate(tcpAcceptor);
        }
        LifecycleUtil.deactivate(repository);
        container.deactivate();
        store.shutdown();
    }
}
