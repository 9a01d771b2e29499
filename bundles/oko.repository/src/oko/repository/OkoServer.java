package oko.repository;

import oko.repository.internal.Messages;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.emf.cdo.net4j.CDONet4jUtil;
import org.eclipse.emf.cdo.server.CDOServerUtil;
import org.eclipse.emf.cdo.server.IRepository;
import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.server.IStore;
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
    private IAcceptor tcpAcceptor;

    private OkoServer(IManagedContainer container, IRepository repository, StoreConfig store, String jvmName) {
        this.container = container;
        this.repository = repository;
        this.store = store;
        this.jvmName = jvmName;
    }

    /**
     * Opens the store and activates the repository.
     *
     * @param log receives one line per client connect and disconnect
     */
    public static OkoServer start(StoreConfig store, Consumer<String> log) {
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
        IStore dbStore = CDODBUtil.createStore(mapping, store.adapter(),
                DBUtil.createConnectionProvider(store.dataSource()));
        Map<String, String> properties = new HashMap<>();
        properties.put(IRepository.Props.OVERRIDE_UUID, REPOSITORY_NAME);
        properties.put(IRepository.Props.SUPPORTING_AUDITS, "true");
        properties.put(IRepository.Props.SUPPORTING_BRANCHES, "false");
        properties.put(IRepository.Props.ENSURE_REFERENTIAL_INTEGRITY, "true");
        // CDO interrupts the thread of a finished query; an interrupt during H2's file I/O closes
        // the database file (ClosedByInterruptException) and breaks the store.
        properties.put(IRepository.Props.ALLOW_INTERRUPT_RUNNING_QUERIES, "false");
        IRepository repository = CDOServerUtil.createRepository(REPOSITORY_NAME, dbStore, properties);
        try {
            CDOServerUtil.addRepository(container, repository);
            JVMUtil.getAcceptor(container, jvmName);
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
            LifecycleUtil.deactivate(repository);
            container.deactivate();
            store.shutdown();
            throw e;
        }
        return new OkoServer(container, repository, store, jvmName);
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
        try (OkoRepository client = OkoRepository.connect(this, "oko-server")) {
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

    /** Also accept clients over TCP on {@code host:port}. */
    public OkoServer listen(String host, int port) {
        tcpAcceptor = TCPUtil.getAcceptor(container, host + ":" + port);
        return this;
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
        if (tcpAcceptor != null) {
            LifecycleUtil.deactivate(tcpAcceptor);
        }
        LifecycleUtil.deactivate(repository);
        container.deactivate();
        store.shutdown();
    }
}
