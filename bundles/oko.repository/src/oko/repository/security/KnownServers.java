package oko.repository.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.function.BiPredicate;

import oko.repository.internal.Messages;

/**
 * Trust on first use: the servers a client has connected to, one line each in a text file
 * ({@code known-servers} of the client's data folder): {@code host:port SHA-256-fingerprint}. A
 * server not in the file is shown to {@code firstUse} (the command line prints the fingerprint and
 * accepts; the workbench asks) and, if accepted, added; a server whose certificate differs from the
 * recorded one is refused, saying so.
 */
public final class KnownServers implements ServerTrust {

    /** The file's name in the client's data folder. */
    public static final String FILE = "known-servers";

    private final Path file;
    private final BiPredicate<String, String> firstUse;

    /**
     * @param firstUse asked with the server and the fingerprint of a server met the first time;
     *        true trusts it from now on
     */
    public KnownServers(Path file, BiPredicate<String, String> firstUse) {
        this.file = file;
        this.firstUse = firstUse;
    }

    public Path file() {
        return file;
    }

    /** The fingerprint recorded for a server, if any. */
    public synchronized Optional<String> recorded(String server) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 2 && !parts[0].startsWith("#") && parts[0].equalsIgnoreCase(server)) {
                    return Optional.of(parts[1]);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new oko.repository.RepositoryException(Messages.bind(Messages.tlsKnownServersFailed, file, e.getMessage()), e);
        }
    }

    @Override
    public synchronized void check(String server, String fingerprint) throws UntrustedServerException {
        Optional<String> recorded = recorded(server);
        if (recorded.isPresent()) {
            if (!recorded.get().equalsIgnoreCase(fingerprint)) {
                throw new UntrustedServerException(Messages.bind(Messages.tlsFingerprintChanged,
                        new Object[] { server, fingerprint, recorded.get(), file }));
            }
            return;
        }
        if (!firstUse.test(server, fingerprint)) {
            throw new UntrustedServerException(Messages.bind(Messages.tlsNotTrusted, server, fingerprint));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, server + " " + fingerprint + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new oko.repository.RepositoryException(Messages.bind(Messages.tlsKnownServersFailed, file, e.getMessage()), e);
        }
    }

    /** A trust that accepts exactly one fingerprint (a pinned or configured certificate). */
    public static ServerTrust pinned(String expected) {
        return (server, fingerprint) -> {
            if (!expected.replace(":", "").equalsIgnoreCase(fingerprint.replace(":", ""))) {
                throw new UntrustedServerException(Messages.bind(Messages.tlsFingerprintPinned,
                        new Object[] { server, fingerprint, expected }));
            }
        };
    }
}
