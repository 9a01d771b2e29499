package oko.repository.security;

/**
 * How a client decides to trust a server's TLS certificate, given its SHA-256 fingerprint (see
 * {@link KnownServers}: trust on first use, then only that certificate).
 */
public interface ServerTrust {

    /**
     * Accepts the certificate of {@code server} ({@code host:port}) or throws, saying why.
     *
     * @throws UntrustedServerException when the certificate is not to be trusted
     */
    void check(String server, String fingerprint) throws UntrustedServerException;

    /** A refused server certificate; the message says why and what to do. */
    final class UntrustedServerException extends java.security.cert.CertificateException {
        private static final long serialVersionUID = 1L;

        public UntrustedServerException(String message) {
            super(message);
        }
    }
}
