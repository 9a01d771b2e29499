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
        if (Logins.current() != null) {
            return Logins.current().user();
        }
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
            char[] secret = Logins.current() != null ? Logins.current().password()
                    : password == null ? null : password.toCharArray();
            try {
                char[] credentials = secret == null ? null : secret.clone();
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

    /** How long a command tries to connect again to learn a commit's outcome (-Doko.reconnectSeconds). */
    private static final long RECONNECT_SECONDS = Long.getLong("oko.reconnectSeconds", 30L);

    /**
     * Commits; when the connection broke during the commit, tells the user that its outcome is
     * unknown, connects again and says whether the server stored it. Returns whether the changes
     * are stored; a refusal or conflict is thrown as before.
     */
    static boolean commit(CommandContext context, OkoRepository repository,
            org.eclipse.emf.cdo.transaction.CDOTransaction transaction, String comment) {
        try {
            repository.commit(transaction, comment, new org.eclipse.core.runtime.NullProgressMonitor());
            return true;
        } catch (oko.repository.CommitOutcomeUnknownException unknown) {
            context.err().println(unknown.getMessage());
            return settle(context, repository.label(), unknown);
        }
    }

    /**
     * After a commit whose outcome is unknown: connects again (for up to {@code oko.reconnectSeconds})
     * and tells the user whether the server stored it. Returns whether it is stored (false also
     * when that cannot be found out, which the user is told).
     */
    static boolean settle(CommandContext context, String label, oko.repository.CommitOutcomeUnknownException unknown) {
        context.err().println(Messages.bind(Messages.commitChecking, label));
        long deadline = System.nanoTime() + RECONNECT_SECONDS * 1_000_000_000L;
        RuntimeException last = null;
        do {
            try (OkoRepository again = open(context)) {
                boolean stored = again.wasCommitted(unknown);
                context.err().println(stored ? Messages.bind(Messages.commitFoundStored, unknown.comment())
                        : Messages.commitFoundNotStored);
                return stored;
            } catch (RuntimeException notYet) {
                last = notYet;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        context.err().println(Messages.bind(Messages.commitStillUnknown, new Object[] { label, RECONNECT_SECONDS,
                unknown.comment(), last == null ? "" : last.getMessage() }));
        return false;
    }
}
