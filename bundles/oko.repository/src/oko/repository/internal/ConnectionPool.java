package oko.repository.internal;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.emf.cdo.server.StoreThreadLocal;

/**
 * The bound on the server's database connections: at most {@link #size()} are open at once; a
 * request for one more waits until one is closed, and fails after {@link #waitMillis()} with a
 * message naming the bound. CDO's DB store keeps the connections of its idle readers and writers
 * open and reuses them (its accessor pools), so the connections stay open between requests; the
 * server keeps fewer idle ones than the bound ({@link #idleReaders()} + {@link #idleWriters()} &lt;
 * size), so that a request waiting here is never blocked by idle connections alone. A thread
 * that already works on the store (CDO's {@link StoreThreadLocal} holds its accessor, with a
 * connection) and asks for one more — a commit does, for its writer while its reader is open — gets
 * it without waiting: waiting there could wait for itself. Those few nested connections are counted
 * in {@link #open()} and {@link #peak()} but not against the bound, so at most {@link #size()}
 * requests use the database at once.
 */
public final class ConnectionPool implements DataSource {

    /** The bound when none is given: PostgreSQL's default max_connections is 100, other clients need some. */
    public static final int DEFAULT_SIZE = 16;
    /** The least bound that works: a reader and a writer at once. */
    public static final int MIN_SIZE = 2;

    private final DataSource target;
    private final int size;
    private final Semaphore permits;
    private final long waitMillis;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger waits = new AtomicInteger();
    private final AtomicInteger boundedPeak = new AtomicInteger();

    public ConnectionPool(DataSource target, int size, long waitMillis) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException(Messages.bind(Messages.poolTooSmall, size, MIN_SIZE));
        }
        this.target = target;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    /** At most this many connections are open at once. */
    public int size() {
        return size;
    }

    /** How long a request for a connection waits for a free one before it fails. */
    public long waitMillis() {
        return waitMillis;
    }

    /** Idle readers the store keeps with their connection (about two thirds of the rest of the bound). */
    public int idleReaders() {
        return idleReaders(size);
    }

    /** Idle readers kept under a bound of {@code size}. */
    public static int idleReaders(int size) {
        return Math.max(1, (size - 1) - idleWriters(size));
    }

    /** Idle writers the store keeps with their connection (a third of the bound less one, at least none). */
    public int idleWriters() {
        return idleWriters(size);
    }

    /** Idle writers kept under a bound of {@code size}. */
    public static int idleWriters(int size) {
        return Math.max(0, (size - 1) / 3);
    }

    /** Connections open now. */
    public int open() {
        return open.get();
    }

    /** The most connections open at once so far. */
    public int peak() {
        return peak.get();
    }

    /** The most connections counted against the bound at once so far (at most {@link #size()}). */
    public int boundedPeak() {
        return boundedPeak.get();
    }

    /** How many requests for a connection had to wait for one. */
    public int waits() {
        return waits.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return limited(() -> target.getConnection());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return limited(() -> target.getConnection(user, password));
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private Connection limited(Opener opener) throws SQLException {
        boolean nested = StoreThreadLocal.hasAccessor();
        if (nested) {
            Connection connection = opener.open();
            peak.accumulateAndGet(open.incrementAndGet(), Math::max);
            return wrap(connection, false);
        }
        if (!permits.tryAcquire()) {
            waits.incrementAndGet();
            try {
                if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    throw new SQLException(Messages.bind(Messages.poolExhausted, size, waitMillis / 1000), "08004");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(Messages.bind(Messages.poolExhausted, size, 0), "08004", e);
            }
        }
        boundedPeak.accumulateAndGet(size - permits.availablePermits(), Math::max);
        Connection connection;
        try {
            connection = opener.open();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
        return wrap(connection, true);
    }

    /** The connection, whose close gives back its permit ({@code bounded}) and lowers the count of open ones, once. */
    private Connection wrap(Connection connection, boolean bounded) {
        AtomicBoolean closed = new AtomicBoolean();
        InvocationHandler handler = new InvocationHandler() {
            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    try {
                        connection.close();
                    } finally {
                        if (closed.compareAndSet(false, true)) {
                            open.decrementAndGet();
                            if (bounded) {
                                permits.release();
                            }
                        }
                    }
                    return null;
                }
                if (method.getName().equals("unwrap") && args != null && args[0] == Connection.class) {
                    return proxy;
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
                new Class<?>[] { Connection.class }, handler);
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || target.isWrapperFor(type);
    }
}
