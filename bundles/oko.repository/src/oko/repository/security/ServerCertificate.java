package oko.repository.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import oko.repository.RepositoryException;

/**
 * The server's TLS key and self-signed certificate, in {@code server.p12} of a folder of its own
 * (made on the first start, readable by the owner only). Plain JDK classes: an EC P-256 key pair,
 * the X.509 certificate written in DER here and signed with SHA256withECDSA. Clients check it by
 * its SHA-256 {@link #fingerprint(Certificate) fingerprint}, which the server prints at start.
 */
public final class ServerCertificate {

    /** The key store's file name in the server's TLS folder. */
    public static final String FILE = "server.p12";
    private static final String ALIAS = "oko-server";
    /** The key store is protected by the file's permissions; PKCS12 wants some password. */
    private static final char[] STORE_PASSWORD = "oko-server".toCharArray();

    private final KeyStore store;
    private final X509Certificate certificate;
    private final boolean created;

    private ServerCertificate(KeyStore store, X509Certificate certificate, boolean created) {
        this.store = store;
        this.certificate = certificate;
        this.created = created;
    }

    /** Loads {@code folder/server.p12}, making the folder, key and certificate first when missing. */
    public static ServerCertificate loadOrCreate(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            boolean created = false;
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    store.load(in, STORE_PASSWORD);
                }
            } else {
                Files.createDirectories(folder);
                store.load(null, null);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = generator.generateKeyPair();
                X509Certificate certificate = selfSigned(pair, "Oko repository server");
                store.setKeyEntry(ALIAS, pair.getPrivate(), STORE_PASSWORD, new Certificate[] { certificate });
                Path temporary = folder.resolve(FILE + ".new");
                Files.deleteIfExists(temporary);
                Files.createFile(temporary);
                try {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the user's profile folder is private already
                }
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    store.store(out, STORE_PASSWORD);
                }
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                created = true;
            }
            Certificate certificate = store.getCertificate(ALIAS);
            if (!(certificate instanceof X509Certificate x509) || store.getKey(ALIAS, STORE_PASSWORD) == null) {
                throw new RepositoryException(oko.repository.internal.Messages.bind(
                        oko.repository.internal.Messages.tlsBadKeyStore, file, ALIAS));
            }
            return new ServerCertificate(store, x509, created);
        } catch (IOException | GeneralSecurityException e) {
            throw new RepositoryException(oko.repository.internal.Messages.bind(
                    oko.repository.internal.Messages.tlsKeyStoreFailed, file, e.getMessage()), e);
        }
    }

    /** Whether this start made the key (the first start with TLS). */
    public boolean created() {
        return created;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The SHA-256 fingerprint of the certificate, {@code AB:CD:…}. */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    /** A server TLS context with this key. */
    public SSLContext context() {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, STORE_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new RepositoryException(e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of a certificate's DER encoding, as upper-case hex pairs joined by colons. */
    public static String fingerprint(Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- a minimal X.509 v1 certificate in DER ---------------------------------------------------

    private static final byte[] ECDSA_WITH_SHA256 = { 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x04, 0x03, 0x02 };
    private static final byte[] COMMON_NAME = { 0x55, 0x04, 0x03 };

    static X509Certificate selfSigned(KeyPair pair, String commonName) throws GeneralSecurityException, IOException {
        byte[] algorithm = tlv(0x30, tlv(0x06, ECDSA_WITH_SHA256));
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, concat(tlv(0x06, COMMON_NAME),
                tlv(0x0C, commonName.getBytes(StandardCharsets.UTF_8))))));
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC).withNano(0);
        byte[] validity = tlv(0x30, concat(time(now.minusDays(1)), time(now.plusYears(20))));
        byte[] serial = new byte[16];
        new SecureRandom().nextBytes(serial);
        serial[0] &= 0x7F;
        byte[] tbs = tlv(0x30, concat(tlv(0x02, new BigInteger(1, serial).toByteArray()), algorithm, name, validity, name,
                pair.getPublic().getEncoded()));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] signature = signer.sign();
        byte[] bits = concat(new byte[] { 0 }, signature);
        byte[] der = tlv(0x30, concat(tbs, algorithm, tlv(0x03, bits)));
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** UTCTime before 2050, GeneralizedTime after (RFC 5280). */
    private static byte[] time(ZonedDateTime time) {
        if (time.getYear() < 2050) {
            return tlv(0x17, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'", Locale.ROOT).format(time)
                    .getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(0x18, DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'", Locale.ROOT).format(time)
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
