package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.model.ModelRoot;
import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.RepositoryException;
import oko.repository.db.StoreConfig;
import oko.repository.security.KnownServers;
import oko.repository.security.Role;
import oko.repository.security.ServerCertificate;
import oko.repository.security.Users;

/**
 * Issue 25, item 7: the client–server connection is encrypted (TLS) and the client checks the
 * server's certificate: trusted on first use with its SHA-256 fingerprint shown and recorded, a
 * changed one refused before anything is sent. A recording relay between client and server (a
 * capture without capture tools) sees the model's names in clear over plain TCP and not over TLS.
 */
class TlsTest {

    private static final NullProgressMonitor NO_PROGRESS = new NullProgressMonitor();
    private static final String PASSWORD = "Methodist-Secret-77";
    private static final String SECRET_NAME = "Значения школы 25: секретная модель";

    @TempDir
    Path temp;

    /** Forwards one connection at a time to a target, recording what the client sent and what it received. */
    private static final class Relay implements AutoCloseable {
        final ServerSocket listener;
        final ByteArrayOutputStream up = new ByteArrayOutputStream();
        final ByteArrayOutputStream down = new ByteArrayOutputStream();

        Relay(int target) throws IOException {
            listener = new ServerSocket(0, 10, java.net.InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket("127.0.0.1", target);
                        start(client, server, up);
                        start(server, client, down);
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "relay");
            accepting.setDaemon(true);
            accepting.start();
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void start(Socket from, Socket to, ByteArrayOutputStream record) {
            Thread thread = new Thread(() -> {
                byte[] buffer = new byte[8192];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int read; (read = in.read(buffer)) >= 0;) {
                        synchronized (record) {
                            record.write(buffer, 0, read);
                        }
                        out.write(buffer, 0, read);
                    }
                } catch (IOException ended) {
                    // one side closed
                } finally {
                    try {
                        from.close();
                        to.close();
                    } catch (IOException ignored) {
                        // closing
                    }
                }
            }, "relay-pump");
            thread.setDaemon(true);
            thread.start();
        }

        byte[] sent() {
            synchronized (up) {
                return up.toByteArray();
            }
        }

        byte[] received() {
            synchronized (down) {
                return down.toByteArray();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private StoreConfig store(String name) throws Exception {
        StoreConfig store = new StoreConfig.H2(Files.createDirectories(temp.resolve(name).resolve("repository")));
        new Users(store).add("meth", Role.METHODOLOGIST, null, PASSWORD.toCharArray());
        return store;
    }

    private static void commitSecretModel(OkoRepository repository) {
        CDOTransaction transaction = repository.openTransaction();
        OkoRepository.newModel(transaction, "secret", SECRET_NAME);
        repository.commit(transaction, "секретная модель", NO_PROGRESS);
        transaction.close();
    }

    private static List<String> modelNames(OkoRepository repository) {
        CDOView view = repository.openView();
        try {
            return OkoRepository.roots(view).stream().map(r -> ((ModelRoot) r).getName()).toList();
        } finally {
            view.close();
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Test
    void dataCrossTheNetworkEncryptedAndTheServerIsTrustedOnFirstUse() throws Exception {
        byte[] secret = SECRET_NAME.getBytes(StandardCharsets.UTF_8);
        // the control: over plain TCP the relay sees the model's name (the check below can fail)
        int plainPort = ServerProcess.freePort();
        try (OkoServer plain = OkoServer.start(store("plain"), line -> { }, true).listen("127.0.0.1", plainPort);
                Relay relay = new Relay(plainPort);
                OkoRepository client = OkoRepository.connect("127.0.0.1", relay.port(), "meth", PASSWORD.toCharArray())) {
            commitSecretModel(client);
            assertTrue(contains(relay.sent(), secret), "over plain TCP the name crosses in clear");
        }

        List<String> log = new CopyOnWriteArrayList<>();
        List<String> shown = new CopyOnWriteArrayList<>();
        Path known = temp.resolve("client").resolve(KnownServers.FILE);
        KnownServers trust = new KnownServers(known, (server, fingerprint) -> shown.add(server + " " + fingerprint));
        int port = ServerProcess.freePort();
        try (OkoServer server = OkoServer.start(store("tls"), log::add, true).listenTls("127.0.0.1", port,
                temp.resolve("tls").resolve("tls"));
                Relay relay = new Relay(port)) {
            String fingerprint = server.tlsFingerprint().orElseThrow();
            assertTrue(log.stream().anyMatch(l -> l.contains(fingerprint)), "the server prints its fingerprint: " + log);
            String label = "127.0.0.1:" + relay.port();
            try (OkoRepository client = OkoRepository.connectTls("127.0.0.1", relay.port(), "meth",
                    PASSWORD.toCharArray(), trust)) {
                assertEquals(List.of(label + " " + fingerprint), shown, "the first use shows the server and its fingerprint");
                commitSecretModel(client);
            }
            assertEquals(List.of(label + " " + fingerprint), Files.readAllLines(known), "the server is recorded");
            try (OkoRepository again = OkoRepository.connectTls("127.0.0.1", relay.port(), "meth",
                    PASSWORD.toCharArray(), trust)) {
                assertEquals(List.of(SECRET_NAME), modelNames(again), "login and data work over TLS");
            }
            assertEquals(1, shown.size(), "a known server is not asked about again");
            byte[] sent = relay.sent();
            byte[] received = relay.received();
            assertTrue(sent.length > 1000 && received.length > 1000, "the relay saw the traffic");
            // a TLS handshake record (content type 22, version 3.x) opens the connection
            assertEquals(0x16, sent[0]);
            assertEquals(0x03, sent[1]);
            assertFalse(contains(sent, secret), "the model's name does not cross in clear");
            assertFalse(contains(received, secret), "the model's name does not come back in clear");
            assertFalse(contains(sent, "meth".getBytes(StandardCharsets.UTF_8)), "the login does not cross in clear");
        }
    }

    @Test
    void aPlainClientGetsNothingAndAChangedCertificateIsRefusedBeforeTheLogin() throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        int port = ServerProcess.freePort();
        Path tls = temp.resolve("tls");
        try (OkoServer server = OkoServer.start(store("data"), log::add, true).listenTls("127.0.0.1", port, tls)) {
            String fingerprint = server.tlsFingerprint().orElseThrow();
            // a plain client: its bytes are not TLS, the server answers at most a TLS alert and closes
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                socket.setSoTimeout(30_000);
                socket.getOutputStream().write("plain net4j negotiation\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                byte[] answer = socket.getInputStream().readAllBytes();
                assertTrue(answer.length == 0 || answer[0] == 0x15, "only a TLS alert comes back: " + answer.length + " bytes");
                assertTrue(answer.length < 64, "no repository data: " + answer.length + " bytes");
            }
            SessionRevocationTest.waitUntil(() -> log.stream().anyMatch(l -> l.startsWith("TLS") && l.contains("127.0.0.1")),
                    10_000, "the server logs the refused plain connection: " + log);

            // the client recorded another certificate for this server: refused, saying what to do
            Path known = temp.resolve(KnownServers.FILE);
            String other = fingerprint.substring(0, fingerprint.length() - 2) + (fingerprint.endsWith("00") ? "11" : "00");
            Files.writeString(known, "127.0.0.1:" + port + " " + other + "\n");
            KnownServers trust = new KnownServers(known, (s, f) -> {
                throw new AssertionError("a known server is not trusted anew");
            });
            RepositoryException refused = assertThrows(RepositoryException.class,
                    () -> OkoRepository.connectTls("127.0.0.1", port, "meth", PASSWORD.toCharArray(), trust).close());
            String message = refused.getMessage();
            assertTrue(message.contains(fingerprint) && message.contains(other) && message.contains(known.toString())
                    && message.contains("127.0.0.1:" + port), message);
            assertEquals(List.of("127.0.0.1:" + port + " " + other), Files.readAllLines(known), "the record is kept");
            // a wrong pinned fingerprint: refused too
            RepositoryException pinned = assertThrows(RepositoryException.class, () -> OkoRepository.connectTls(
                    "127.0.0.1", port, "meth", PASSWORD.toCharArray(), KnownServers.pinned(other)).close());
            assertTrue(pinned.getMessage().contains(other), pinned.getMessage());
            // a first use the user does not confirm: refused
            KnownServers declined = new KnownServers(temp.resolve("declined"), (s, f) -> false);
            assertThrows(RepositoryException.class,
                    () -> OkoRepository.connectTls("127.0.0.1", port, "meth", PASSWORD.toCharArray(), declined).close());
            assertFalse(Files.exists(temp.resolve("declined")), "a declined server is not recorded");
            // the right pinned fingerprint (lower case, without colons too) logs in
            try (OkoRepository client = OkoRepository.connectTls("127.0.0.1", port, "meth", PASSWORD.toCharArray(),
                    KnownServers.pinned(fingerprint.replace(":", "").toLowerCase(java.util.Locale.ROOT)))) {
                assertEquals("meth", client.user());
            }
            assertEquals(1, log.stream().filter(l -> (l.contains("client connected") || l.contains("клиент подключён"))
                    && l.contains("meth")).count(),
                    "the refused clients never reached the login: " + log);
        }
        // the key is the owner's only and is kept: the same fingerprint after a restart
        Path keyStore = tls.resolve(ServerCertificate.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore)));
        String first = ServerCertificate.loadOrCreate(tls).fingerprint();
        assertFalse(ServerCertificate.loadOrCreate(tls).created());
        assertEquals(first, ServerCertificate.loadOrCreate(tls).fingerprint());
    }

    @Test
    void theServerProcessListensOverTlsWithItsKeyInTheDataFolder() throws Exception {
        Path data = temp.resolve("process");
        StoreConfig store = store("process");
        store.shutdown();
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("tls.log");
        Files.deleteIfExists(log);
        int port = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(List.of("--data", data.toString(), "--tls",
                data.resolve("tls").toString()), port, log)) {
            String fingerprint = ServerCertificate.loadOrCreate(data.resolve("tls")).fingerprint();
            try (OkoRepository client = OkoRepository.connectTls("127.0.0.1", port, "meth", PASSWORD.toCharArray(),
                    KnownServers.pinned(fingerprint))) {
                commitSecretModel(client);
                assertEquals(List.of(SECRET_NAME), modelNames(client));
            }
            server.stop();
        }
        String output = Files.readString(log);
        assertTrue(output.contains(ServerCertificate.loadOrCreate(data.resolve("tls")).fingerprint()), output);
    }
}
