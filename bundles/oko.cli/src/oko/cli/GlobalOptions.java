package oko.cli;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Options that apply to every command and to the workbench.
 *
 * @param dataDirectory where the embedded repository and the workbench state live ({@code ~/.oko} by default)
 * @param server        a repository server to connect to instead of the embedded one
 */
public record GlobalOptions(Path dataDirectory, Optional<ServerAddress> server) {

    /** The data directory used when {@code --data} is not given. */
    public static Path defaultDataDirectory() {
        return Path.of(System.getProperty("user.home"), ".oko");
    }

    /**
     * A repository server address: {@code HOST:PORT} or {@code tls://HOST:PORT} (encrypted, the
     * server's certificate checked), or {@code tcp://HOST:PORT} for a server run with
     * {@code --plain} (unencrypted: only when asked for explicitly).
     */
    public record ServerAddress(String host, int port, boolean plain) {
        /** An encrypted (TLS) server address. */
        public ServerAddress(String host, int port) {
            this(host, port, false);
        }

        @Override
        public String toString() {
            return (plain ? "tcp://" : "") + host + ":" + port;
        }
    }

    /** Where the workbench connects: the server address or the embedded repository's folder. */
    public String repositoryLabel() {
        return server.map(ServerAddress::toString).orElseGet(() -> dataDirectory.toString());
    }
}
