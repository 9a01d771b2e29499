package oko.repository.tests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import oko.repository.ServerRunner;
import oko.repository.bench.BundleClassPath;

/**
 * {@link ServerRunner} in a JVM of its own (plain Java, the class path made from the bundles of
 * this test runtime), so tests can stop it, kill it and start it again on the same store.
 */
final class ServerProcess implements AutoCloseable {

    private static final List<String> BUNDLES = List.of("oko.repository", "oko.model", "oko.model.edit",
            "org.eclipse.emf.cdo", "org.eclipse.emf.common", "org.eclipse.emf.ecore", "org.eclipse.emf.ecore.xmi",
            "org.eclipse.emf.ecore.change", "org.eclipse.emf.edit", "com.h2database", "org.postgresql.jdbc",
            "org.eclipse.equinox.common", "org.eclipse.equinox.registry", "org.eclipse.core.runtime", "org.eclipse.osgi");

    final int port;
    private final Process process;
    final Path log;

    private ServerProcess(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * Starts the server with {@code storeArgs} ({@code --data DIR} or {@code --db URL}, and e.g.
     * {@code --tls DIR}) and options for its JVM, and waits until it listens.
     */
    static ServerProcess start(List<String> storeArgs, int port, Path log, String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(BundleClassPath.of(ServerProcess.class, BUNDLES));
        command.add(ServerRunner.class.getName());
        command.addAll(storeArgs);
        command.add("--port");
        command.add(String.valueOf(port));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server exited with " + process.exitValue() + ":\n"
                        + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new ServerProcess(port, process, log);
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("server did not listen within 60 s:\n" + Files.readString(log));
    }

    /** SIGTERM, as Ctrl-C or a service manager would stop it; returns the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("server did not stop on SIGTERM within 60 s");
        }
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no clean close. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Kills the server (SIGKILL) once {@code condition} holds, polled every 2 ms, and returns true;
     * returns false, the server alive, when {@code work} (a commit under way) ended first. Fails when
     * neither happens within 120 s.
     */
    boolean killWhen(BooleanSupplier condition, Future<?> work) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!condition.getAsBoolean()) {
            if (work.isDone()) {
                return false;
            }
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("the commit neither ended nor reached the kill point in 120 s");
            }
            Thread.sleep(2); // the kill follows the condition within milliseconds
        }
        kill();
        return true;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
