package oko.repository.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import oko.repository.internal.Messages;

/**
 * The server's TLS endpoint: accepts TLS clients on the public address and forwards each
 * decrypted connection to the repository's plain net4j acceptor on the loopback interface (net4j
 * 4.7's own SSL connector does not work on current JDKs). It remembers which loopback connection
 * carries which client, so the server knows a client's real address ({@link #client(int)}).
 */
public final class TlsGateway implements AutoCloseable {

    /** How long a client has to finish the TLS handshake. */
    private static final int HANDSHAKE_MILLIS = 20_000;

    private final SSLServerSocket listener;
    private final int target;
    private final Consumer<String> log;
    private final Map<Integer, String> clients = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Listens on {@code host:port} with the certificate's key, forwarding to {@code 127.0.0.1:target}.
     */
    public TlsGateway(ServerCertificate certificate, String host, int port, int target, Consumer<String> log)
            throws IOException {
        this.target = target;
        this.log = log;
        listener = (SSLServerSocket) certificate.context().getServerSocketFactory().createServerSocket();
        listener.setReuseAddress(true);
        listener.setEnabledProtocols(protocols(listener.getSupportedProtocols()));
        listener.bind(new InetSocketAddress(host, port), 100);
        Thread accepting = new Thread(this::accept, "oko-tls-accept-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** TLS 1.3 and 1.2 only. */
    static String[] protocols(String[] supported) {
        return java.util.Arrays.stream(supported).filter(p -> p.equals("TLSv1.3") || p.equals("TLSv1.2"))
                .toArray(String[]::new);
    }

    /** The port it listens on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The real address of the client whose decrypted connection comes from this loopback port, or null. */
    public String client(int loopbackPort) {
        return clients.get(loopbackPort);
    }

    private void accept() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (!closed) {
                    log.accept(Messages.bind(Messages.tlsAcceptFailed, e.getMessage()));
                }
                continue;
            }
            Thread connection = new Thread(() -> serve((SSLSocket) socket), "oko-tls-" + socket.getRemoteSocketAddress());
            connection.setDaemon(true);
            connection.start();
        }
    }

    private void serve(SSLSocket client) {
        String address = client.getInetAddress().getHostAddress();
        Socket inner = null;
        int local = -1;
        try {
            client.setSoTimeout(HANDSHAKE_MILLIS);
            client.startHandshake();
            client.setSoTimeout(0);
            client.setTcpNoDelay(true);
            inner = new Socket();
            inner.setTcpNoDelay(true);
            inner.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            local = inner.getLocalPort();
            clients.put(local, address);
            inner.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), HANDSHAKE_MILLIS);
            Socket plain = inner;
            Thread back = new Thread(() -> pump(plain, client), "oko-tls-out-" + address);
            back.setDaemon(true);
            back.start();
            pump(client, plain);
            back.join(5_000);
        } catch (IOException e) {
            // not a TLS client (a plain one, a port scanner), or it left: nothing reaches the repository
            log.accept(Messages.bind(Messages.tlsRefused, address, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            clients.remove(local);
            close(client);
            close(inner);
        }
    }

    /** Copies until either side ends, then closes both. */
    static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[32 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0;) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // the other direction closed the sockets, or the peer left
        } finally {
            close(from);
            close(to);
        }
    }

    static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** A free loopback port for the repository's internal plain acceptor. */
    public static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
