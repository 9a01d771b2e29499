package oko.repository;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;

import oko.repository.db.StoreConfig;
import oko.repository.internal.Messages;

/**
 * Runs {@link OkoServer} over TCP until the process is asked to stop (SIGTERM, Ctrl-C); then
 * closes the repository cleanly. Used by {@code ./oko server} and, as a plain Java main without
 * OSGi, by the tests that kill and restart a server in another JVM.
 */
public final class ServerRunner {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ServerRunner() {
    }

    /** Serves over plain TCP until the JVM shuts down; returns after the repository is closed. */
    public static void run(StoreConfig store, String host, int port, PrintStream out) throws InterruptedException {
        run(store, host, port, null, out);
    }

    /**
     * Serves until the JVM shuts down; returns after the repository is closed. With a
     * {@code tlsFolder} clients connect over TLS (key and certificate kept there), else over plain TCP.
     */
    public static void run(StoreConfig store, String host, int port, Path tlsFolder, PrintStream out)
            throws InterruptedException {
        run(store, host, port, tlsFolder, Integer.getInteger(OkoServer.POOL, oko.repository.internal.ConnectionPool.DEFAULT_SIZE),
                out);
    }

    /**
     * Serves until the JVM shuts down, with at most {@code pool} database connections; logs the
     * server's {@link OkoServer#status() status} every 10 minutes ({@code -Doko.statusMinutes=N}, 0: never).
     */
    public static void run(StoreConfig store, String host, int port, Path tlsFolder, int pool, PrintStream out)
            throws InterruptedException {
        OkoServer server = OkoServer.start(store, line -> log(out, line), true, pool);
        try {
            if (tlsFolder != null) {
                server.listenTls(host, port, tlsFolder);
            } else {
                server.listen(host, port);
            }
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            log(out, Messages.serverStopping);
            server.close();
            log(out, Messages.serverStopped);
            stopped.countDown();
        }, "oko-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        log(out, Messages.bind(tlsFolder != null ? Messages.serverListeningTls : Messages.serverListening,
                new Object[] { OkoServer.REPOSITORY_NAME, host + ":" + port, store.describe() }));
        log(out, Messages.bind(Messages.serverPool, new Object[] { pool,
                oko.repository.internal.ConnectionPool.idleReaders(pool), oko.repository.internal.ConnectionPool.idleWriters(pool) }));
        long statusMinutes = Long.getLong("oko.statusMinutes", 10L);
        if (statusMinutes > 0) {
            java.util.concurrent.ScheduledExecutorService status = java.util.concurrent.Executors
                    .newSingleThreadScheduledExecutor(task -> {
                        Thread thread = new Thread(task, "oko-server-status");
                        thread.setDaemon(true);
                        return thread;
                    });
            status.scheduleAtFixedRate(() -> {
                try {
                    log(out, server.status());
                } catch (RuntimeException e) {
                    // the server is stopping
                }
            }, statusMinutes, statusMinutes, java.util.concurrent.TimeUnit.MINUTES);
        }
        Thread warmUp = new Thread(() -> {
            try {
                OkoServer.WarmUp done = server.warmUp();
                log(out, done.loaded() ? Messages.bind(Messages.serverWarm, done.objects(), done.millis())
                        : Messages.bind(Messages.serverNotWarmed, done.objects(), server.revisionCacheCapacity()));
            } catch (RuntimeException e) {
                // the server is stopping, or a client will load the model the slow way
            }
        }, "oko-server-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
        stopped.await();
    }

    private static synchronized void log(PrintStream out, String line) {
        out.println(LocalTime.now().format(TIME) + " " + line);
        out.flush();
    }

    /**
     * {@code java -cp … oko.repository.ServerRunner (--data DIR | --db URL) --port N [--bind HOST] [--tls DIR] [--pool N]}:
     * the server without OSGi, for tests that need it in a process of its own; plain TCP unless
     * {@code --tls} names the folder of its TLS key.
     */
    public static void main(String[] args) throws Exception {
        StoreConfig store = null;
        String host = "127.0.0.1";
        int port = 2036;
        Path tls = null;
        int pool = Integer.getInteger(OkoServer.POOL, oko.repository.internal.ConnectionPool.DEFAULT_SIZE);
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
            case "--data" -> store = new StoreConfig.H2(Path.of(args[i + 1]).resolve("repository"));
            case "--db" -> store = StoreConfig.PostgreSQL.parse(args[i + 1]);
            case "--port" -> port = Integer.parseInt(args[i + 1]);
            case "--bind" -> host = args[i + 1];
            case "--tls" -> tls = Path.of(args[i + 1]);
            case "--pool" -> pool = Integer.parseInt(args[i + 1]);
            default -> throw new IllegalArgumentException(args[i]);
            }
        }
        if (store == null) {
            throw new IllegalArgumentException("--data DIR or --db URL");
        }
        run(store, host, port, tls, pool, System.out);
    }
}
