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
import oko.repository.internal.BoundedRevisionCache;
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
    /** How many revisions the server's cache keeps; -1: CDO's own cache, unbounded. */
    private final int cacheCapacity;
    /** The bound on the database connections. */
    private final oko.repository.internal.ConnectionPool pool;
    /** Commits and slow commits since the start ({@link #status()}). */
    private final CommitWatch commits;

    /** The system property that sets the bound on the database connections ({@value #POOL}). */
    public static final String POOL = "oko.pool";
    /** The bound on the database connections when none is given. */
    public static final int DEFAULT_POOL = oko.repository.internal.ConnectionPool.DEFAULT_SIZE;
    /** The least bound on the database connections. */
    public static final int MIN_POOL = oko.repository.internal.ConnectionPool.MIN_SIZE;
    /** The system property of the commit time (ms) from which a commit is logged as slow (default 5,000). */
    public static final String SLOW_COMMIT = "oko.slowCommitMillis";

    /**
     * The system property that turns the store's bulk paths off ({@code -Doko.store.bulk=false}):
     * see {@link #bulkPaths()}.
     */
    public static final String BULK_PATHS = oko.repository.internal.BulkPaths.PROPERTY;

    /**
     * The system property that makes the bulk paths send a commit's new rows to PostgreSQL as
     * batched inserts instead of {@code COPY} ({@code -Doko.store.copy=false}); read at each commit.
     */
    public static final String COPY = oko.repository.internal.BulkPaths.COPY_PROPERTY;

    /** The system property that sets the size of the revision cache ({@link #revisionCache()}). */
    public static final String REVISION_CACHE = "oko.revisionCache";

    /** The login of the administrator the first start creates. */
    public static final String ADMINISTRATOR = "admin";
    /** The login of the server's own client ({@link #warmUp()}, tools in this JVM). */
    private static final String INTERNAL = "oko-server";

    private OkoServer(IManagedContainer container, IRepository repository, StoreConfig store, String jvmName,
            Security security, Consumer<String> log, int cacheCapacity, oko.repository.internal.ConnectionPool pool,
            CommitWatch commits) {
        this.cacheCapacity = cacheCapacity;
        this.pool = pool;
        this.commits = commits;
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
        return start(store, log, users, Integer.getInteger(POOL, oko.repository.internal.ConnectionPool.DEFAULT_SIZE));
    }

    /**
     * Like {@link #start(StoreConfig, Consumer, boolean)}, with at most {@code poolSize} database
     * connections open at once (at least {@value oko.repository.internal.ConnectionPool#MIN_SIZE}):
     * a request for one more waits for a free one, up to 60 s ({@code -Doko.poolWaitMillis}).
     */
    public static OkoServer start(StoreConfig store, Consumer<String> log, boolean users, int poolSize) {
        oko.repository.internal.ConnectionPool pool = new oko.repository.internal.ConnectionPool(store.dataSource(),
                poolSize, Long.getLong("oko.poolWaitMillis", 60_000L));
        // JVM acceptors are registered by name for the whole JVM: each server needs its own.
        String jvmName = REPOSITORY_NAME + "-" + SERVERS.incrementAndGet();
        try {
            oko.repository.internal.ModelVersion.check(store.dataSource(), store.describe());
        } catch (RuntimeException e) {
            store.shutdown();
            throw e;
        }
        IManagedContainer container = createContainer();
        // the bulk paths (batched commit writes, bulk prefetch reads) unless -Doko.store.bulk=false
        boolean bulk = oko.repository.internal.BulkPaths.enabled();
        IMappingStrategy mapping = bulk ? new oko.repository.internal.BulkMappingStrategy()
                : CDODBUtil.createHorizontalMappingStrategy(true, false);
        // CDO's DB store, telling whether it had to repair itself after a crash
        oko.repository.internal.RecoveringStore dbStore = new oko.repository.internal.RecoveringStore(mapping,
                store.adapter(), DBUtil.createConnectionProvider(pool), bulk);
        // the store keeps idle readers and writers with their connections: fewer than the bound
        Map<String, String> storeProperties = new HashMap<>();
        if (dbStore.getProperties() != null) {
            storeProperties.putAll(dbStore.getProperties());
        }
        storeProperties.put(org.eclipse.emf.cdo.server.db.IDBStore.Props.READER_POOL_CAPACITY,
                Integer.toString(pool.idleReaders()));
        storeProperties.put(org.eclipse.emf.cdo.server.db.IDBStore.Props.WRITER_POOL_CAPACITY,
                Integer.toString(pool.idleWriters()));
        dbStore.setProperties(storeProperties);
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
        BoundedRevisionCache cache = revisionCache();
        if (cache != null) {
            // CDO's manager, answering a revision found in the cache at once (CacheFirstRevisionManager)
            ((org.eclipse.emf.cdo.spi.server.InternalRepository) repository).setRevisionManager(
                    oko.repository.internal.CacheFirstRevisionManager.on(cache));
        }
        CommitWatch commits = new CommitWatch(log, Long.getLong(SLOW_COMMIT, 5_000L));
        repository.addHandler(commits);
        if (dbStore.statistics() != null) {
            // PostgreSQL's planner statistics kept up with what the commits insert
            repository.addHandler(dbStore.statistics());
        }
        try {
            security = users ? secure(repository, store, log) : null;
            if (security == null) {
                // sessions that start where the commit notices they get begin (secure() sets its own)
                ((org.eclipse.emf.cdo.spi.server.InternalRepository) repository).setSessionManager(
                        new oko.repository.internal.NoticeSessionManager());
            }
            CDOServerUtil.addRepository(container, repository);
            loadPackages(repository);
            JVMUtil.getAcceptor(container, jvmName);
            if (dbStore.statistics() != null) {
                dbStore.statistics().analyzeNeverAnalyzed();
            }
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
        return new OkoServer(container, repository, store, jvmName, security, log, cache == null ? -1 : cache.capacity(),
                pool, commits);
    }

    /** Counts the commits and logs those slower than the threshold (time from the check to the stored commit). */
    /**
     * Loads every package of the model now. CDO loads a package unit of the store on its first
     * use, and two first uses at once (the cache warm-up and a client's first load, right after a
     * start) failed now and then with «Cannot create a resource for 'http://oko.dev/model/1.0'; a
     * registered resource factory is needed»: the type lookup found the package neither loaded nor
     * registered. Done before the acceptors open, nothing else uses the registry yet.
     */
    private static void loadPackages(IRepository repository) {
        // a package unit is read from the store through the thread's accessor, as CDO does at activation
        org.eclipse.emf.cdo.server.StoreThreadLocal.setAccessor(repository.getStore().getReader(null));
        try {
            org.eclipse.emf.ecore.EPackage.Registry packages = repository.getPackageRegistry();
            for (String nsURI : new java.util.ArrayList<>(packages.keySet())) {
                packages.getEPackage(nsURI);
            }
        } finally {
            org.eclipse.emf.cdo.server.StoreThreadLocal.release();
        }
    }

    private static final class CommitWatch implements IRepository.WriteAccessHandler {
        private final Consumer<String> log;
        private final long slowMillis;
        private final Map<Object, Long> started = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
        final java.util.concurrent.atomic.AtomicLong count = new java.util.concurrent.atomic.AtomicLong();
        final java.util.concurrent.atomic.AtomicLong slow = new java.util.concurrent.atomic.AtomicLong();

        CommitWatch(Consumer<String> log, long slowMillis) {
            this.log = log;
            this.slowMillis = slowMillis;
        }

        @Override
        public void handleTransactionBeforeCommitting(org.eclipse.emf.cdo.server.ITransaction transaction,
                org.eclipse.emf.cdo.server.IStoreAccessor.CommitContext context,
                org.eclipse.net4j.util.om.monitor.OMMonitor monitor) {
            started.put(context, System.nanoTime());
        }

        @Override
        public void handleTransactionAfterCommitted(org.eclipse.emf.cdo.server.ITransaction transaction,
                org.eclipse.emf.cdo.server.IStoreAccessor.CommitContext context,
                org.eclipse.net4j.util.om.monitor.OMMonitor monitor) {
            count.incrementAndGet();
            Long start = started.remove(context);
            if (start == null) {
                return;
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (millis >= slowMillis) {
                slow.incrementAndGet();
                String comment = context.getCommitComment();
                log.accept(Messages.bind(Messages.slowCommit, new Object[] { millis, context.getNewObjects().length,
                        context.getDirtyObjects().length, user(transaction.getSession()), comment == null ? "" : comment }));
            }
        }
    }

    /**
     * One line for the server's log on its state: heap (used, maximum, used after a collection),
     * revisions in the cache, database connections open (the most at once, how many requests
     * waited for one), client sessions, commits and slow commits since the start.
     * {@code ./oko server} logs it every 10 minutes ({@code -Doko.statusMinutes}).
     */
    public String status() {
        Runtime runtime = Runtime.getRuntime();
        long used = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
        long afterGc = -1;
        for (java.lang.management.MemoryPoolMXBean memoryPool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (memoryPool.getType() == java.lang.management.MemoryType.HEAP && memoryPool.getCollectionUsage() != null) {
                afterGc = Math.max(0, afterGc) + memoryPool.getCollectionUsage().getUsed();
            }
        }
        String cache;
        try {
            int revisions = ((org.eclipse.emf.cdo.spi.common.revision.InternalCDORevisionManager) repository.getRevisionManager())
                    .getCache().getCurrentRevisions().size();
            cache = cacheCapacity < 0 ? revisions + " (CDO)" : revisions + " / " + cacheCapacity;
        } catch (RuntimeException e) {
            cache = "?";
        }
        return Messages.bind(Messages.serverStatus, new Object[] { used, runtime.maxMemory() >> 20,
                afterGc < 0 ? "?" : Long.toString(afterGc >> 20), cache, pool.open(), pool.boundedPeak(), pool.waits(),
                repository.getSessionManager().getSessions().length, commits.count.get(), commits.slow.get() });
    }

    /** The bound on the database connections. */
    public int poolSize() {
        return pool.size();
    }

    /** The database connections open now. */
    public int openConnections() {
        return pool.open();
    }

    /**
     * The most database connections counted against the bound at once since the start (at most
     * {@link #poolSize()}; a commit's second connection is not counted, see ConnectionPool).
     */
    public int peakConnections() {
        return pool.boundedPeak();
    }

    /**
     * The server's revision cache: it keeps the {@value BoundedRevisionCache#DEFAULT_CAPACITY}
     * revisions last used, {@code -Doko.revisionCache=N} as many as asked; null with
     * {@code -Doko.revisionCache=cdo}: CDO's own cache, which keeps all it loaded until the heap is full.
     */
    static BoundedRevisionCache revisionCache() {
        String setting = System.getProperty(REVISION_CACHE, "").strip();
        if (setting.equals("cdo")) {
            return null;
        }
        try {
            return new BoundedRevisionCache(
                    setting.isEmpty() ? BoundedRevisionCache.DEFAULT_CAPACITY : Integer.parseInt(setting));
        } catch (NumberFormatException e) {
            return new BoundedRevisionCache(BoundedRevisionCache.DEFAULT_CAPACITY);
        }
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
        // CDO's server protocol with the bulk read of prefetches (for servers whose store uses the bulk paths)
        oko.repository.internal.BulkServerProtocol.register(container,
                new org.eclipse.emf.cdo.spi.server.ContainerRepositoryProvider(container));
        container.activate();
        return container;
    }

    /**
     * Loads every model object into the server's revision cache, so the first client to load the
     * whole model does not wait for one database read per object. Runs on the calling thread;
     * returns the number of objects and how long it took. A store with more objects than the cache
     * keeps is not loaded (that would only fill the memory for a while): {@link WarmUp#loaded()}
     * is then false and {@link WarmUp#objects()} the store's count.
     */
    public WarmUp warmUp() {
        long start = System.nanoTime();
        if (cacheCapacity >= 0) {
            long stored = currentObjects(store.dataSource());
            if (stored > cacheCapacity) {
                return new WarmUp((int) Math.min(Integer.MAX_VALUE, stored), (System.nanoTime() - start) / 1_000_000,
                        false);
            }
        }
        try (OkoRepository client = OkoRepository.connect(this, INTERNAL)) {
            org.eclipse.emf.cdo.view.CDOView view = client.openView();
            OkoRepository.prefetch(view);
            int objects = OkoRepository.count(OkoRepository.roots(view));
            view.close();
            return new WarmUp(objects, (System.nanoTime() - start) / 1_000_000, true);
        }
    }

    /** What {@link #warmUp()} did: objects loaded (or, not loaded, in the store), how long it took. */
    public record WarmUp(int objects, long millis, boolean loaded) {
    }

    /**
     * Whether the store uses the bulk paths: a commit's new revisions written with batched
     * statements, a prefetch read with one query per table and chunk of ids. On unless the server
     * was started with {@code -Doko.store.bulk=false} ({@link oko.repository.internal.BulkPaths}).
     */
    public boolean bulkPaths() {
        return repository.getStore() instanceof oko.repository.internal.RecoveringStore s && s.bulk();
    }

    /** How many revisions the server's cache keeps; -1 for CDO's own, unbounded cache. */
    public int revisionCacheCapacity() {
        return cacheCapacity;
    }

    /**
     * The current objects in the store: rows not revised of every table CDO keeps revisions in (the
     * ones with a CDO_REVISED column); 0 when the database cannot tell.
     */
    static long currentObjects(javax.sql.DataSource dataSource) {
        long count = 0;
        try (java.sql.Connection connection = dataSource.getConnection()) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            for (String column : java.util.List.of("CDO_REVISED", "cdo_revised")) {
                try (java.sql.ResultSet columns = connection.getMetaData().getColumns(null, null, "%", column)) {
                    while (columns.next()) {
                        String schema = columns.getString("TABLE_SCHEM");
                        tables.add((schema == null ? "" : quote(schema) + ".") + quote(columns.getString("TABLE_NAME"))
                                + " WHERE " + quote(column) + " = 0");
                    }
                }
            }
            for (String table : tables) {
                try (java.sql.Statement statement = connection.createStatement();
                        java.sql.ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                    count += rows.next() ? rows.getLong(1) : 0;
                }
            }
        } catch (java.sql.SQLException e) {
            return count;
        }
        return count;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
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
