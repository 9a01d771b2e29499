package oko.commands.internal;

import oko.cli.CommandContext;
import oko.cli.GlobalOptions;
import oko.repository.OkoRepository;

/** Opens the repository a command works on: the server of {@code --server}, else the embedded one. */
final class Repositories {

    private Repositories() {
    }

    /** The login: OKO_USER, else the system user's name. */
    static String user() {
        String login = System.getenv("OKO_USER");
        return login != null && !login.isBlank() ? login : System.getProperty("user.name", "oko");
    }

    /** The variable that pins the server's certificate by its SHA-256 fingerprint instead of trusting it on first use. */
    static final String FINGERPRINT_VARIABLE = "OKO_SERVER_FINGERPRINT";

    /**
     * How the command line trusts a server's TLS certificate: the fingerprint in
     * OKO_SERVER_FINGERPRINT if set; else trust on first use, the fingerprint printed and kept in
     * the data folder's known-servers file, and a changed certificate refused.
     */
    static oko.repository.security.ServerTrust trust(CommandContext context) {
        String pinned = System.getenv(FINGERPRINT_VARIABLE);
        if (pinned != null && !pinned.isBlank()) {
            return oko.repository.security.KnownServers.pinned(pinned.trim());
        }
        java.nio.file.Path file = context.options().dataDirectory().resolve(oko.repository.security.KnownServers.FILE);
        return new oko.repository.security.KnownServers(file, (server, fingerprint) -> {
            context.err().println(Messages.bind(Messages.tlsFirstUse, new Object[] { server, fingerprint, file }));
            return true;
        });
    }

    static OkoRepository open(CommandContext context) {
        GlobalOptions options = context.options();
        if (options.server().isPresent()) {
            GlobalOptions.ServerAddress address = options.server().get();
            // a server whose users have passwords asks for OKO_USER / OKO_PASSWORD
            String password = System.getenv("OKO_PASSWORD");
            try {
                char[] credentials = password == null ? null : password.toCharArray();
                return address.plain() ? OkoRepository.connect(address.host(), address.port(), user(), credentials)
                        : OkoRepository.connectTls(address.host(), address.port(), user(), credentials, trust(context));
            } catch (oko.repository.RepositoryException e) {
                for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                    if (cause instanceof java.security.cert.CertificateException || cause instanceof java.io.IOException) {
                        throw e; // the server's certificate or the TLS connection: the message says what to do
                    }
                }
                throw new oko.repository.RepositoryException(Messages.bind(Messages.loginRefused, address, e.getMessage()), e);
            }
        }
        OkoRepository opened = OkoRepository.openEmbedded(options.dataDirectory(), user(), line -> { });
        // the previous process was killed while it had the repository open: say what that means
        opened.recoveryNotice().ifPresent(context.err()::println);
        return opened;
    }
}
