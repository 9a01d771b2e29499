package oko.repository.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The client's end of a TLS connection to the server: it completes the handshake (the server's
 * certificate checked by a {@link ServerTrust}) before anything else, then offers the decrypted
 * stream on a loopback port that accepts one connection, net4j's plain TCP connector's.
 */
public final class TlsTunnel implements AutoCloseable {

    private static final int CONNECT_MILLIS = 15_000;

    private final SSLSocket server;
    private final ServerSocket local;
    private volatile Socket inner;

    private TlsTunnel(SSLSocket server, ServerSocket local) {
        this.server = server;
        this.local = local;
        Thread accepting = new Thread(this::accept, "oko-tls-client-" + server.getRemoteSocketAddress());
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * Connects to {@code host:port} over TLS, checking the certificate with {@code trust}.
     *
     * @throws ServerTrust.UntrustedServerException when the trust refused the certificate
     * @throws IOException when the server cannot be reached or does not speak TLS
     */
    public static TlsTunnel open(String host, int port, ServerTrust trust) throws IOException, CertificateException {
        String label = host + ":" + port;
        Verdict verdict = new Verdict(label, trust);
        SSLSocket socket;
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] { verdict }, new SecureRandom());
            socket = (SSLSocket) context.getSocketFactory().createSocket();
        } catch (GeneralSecurityException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            socket.setEnabledProtocols(TlsGateway.protocols(socket.getSupportedProtocols()));
            socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
            socket.setSoTimeout(CONNECT_MILLIS);
            socket.startHandshake();
            socket.setSoTimeout(0);
            socket.setTcpNoDelay(true);
        } catch (IOException e) {
            TlsGateway.close(socket);
            if (verdict.refusal != null) {
                throw verdict.refusal;
            }
            throw e;
        }
        ServerSocket local = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        return new TlsTunnel(socket, local);
    }

    /** The loopback port for net4j's plain connector. */
    public int localPort() {
        return local.getLocalPort();
    }

    private void accept() {
        try {
            Socket accepted = local.accept();
            local.close();
            accepted.setTcpNoDelay(true);
            inner = accepted;
            Thread back = new Thread(() -> TlsGateway.pump(server, accepted), "oko-tls-client-in");
            back.setDaemon(true);
            back.start();
            TlsGateway.pump(accepted, server);
        } catch (IOException e) {
            close();
        }
    }

    @Override
    public void close() {
        try {
            local.close();
        } catch (IOException ignored) {
            // closing
        }
        TlsGateway.close(inner);
        TlsGateway.close(server);
    }

    /** Checks the server's certificate with the trust, keeping its refusal for a clear message. */
    private static final class Verdict extends X509ExtendedTrustManager {
        private final String server;
        private final ServerTrust trust;
        volatile ServerTrust.UntrustedServerException refusal;

        Verdict(String server, ServerTrust trust) {
            this.server = server;
            this.trust = trust;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("no certificate");
            }
            try {
                trust.check(server, ServerCertificate.fingerprint(chain[0]));
            } catch (ServerTrust.UntrustedServerException e) {
                refusal = e;
                throw e;
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
