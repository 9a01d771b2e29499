package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.db.StoreConfig;
import oko.repository.db.StoreConfig.PostgreSQL;

/**
 * Issue 25, item 8: the PostgreSQL password need not be in {@code --db …&password=…} (visible in
 * the process list): it comes from OKO_DB_PASSWORD or a libpq password file, which must be
 * private to its owner.
 */
class PostgreSQLPasswordTest {

    private static final String URL = "postgresql://db.example:5433/oko?user=okoserver";

    @TempDir
    Path home;

    @Test
    void thePasswordComesFromTheEnvironmentOrThePasswordFile() throws Exception {
        assertNull(PostgreSQL.parse(URL, Map.of(), home).password(), "none given, no file: none");
        assertEquals("from-variable", PostgreSQL.parse(URL, Map.of("OKO_DB_PASSWORD", "from-variable"), home).password());
        assertEquals("in-url", PostgreSQL.parse(URL + "&password=in-url", Map.of("OKO_DB_PASSWORD", "x"), home).password(),
                "an explicit password in the URL still applies");

        Path pgpass = home.resolve(".pgpass");
        Files.writeString(pgpass, """
                # host:port:database:user:password
                other.example:5433:oko:okoserver:not-this-host
                db.example:5432:oko:okoserver:not-this-port
                db.example:5433:*:someone-else:not-this-user
                db.example:5433:oko:okoserver:pa\\:ss\\\\word
                *:*:*:*:too-late
                """);
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        PostgreSQL store = PostgreSQL.parse(URL, Map.of(), home);
        assertEquals("pa:ss\\word", store.password(), "the first matching line, its escapes undone");
        assertEquals("from-variable", PostgreSQL.parse(URL, Map.of("OKO_DB_PASSWORD", "from-variable"), home).password(),
                "the variable comes before the file");
        assertEquals("too-late", PostgreSQL.parse("postgresql://x:1/y?user=z", Map.of(), home).password(), "wildcards");
        assertTrue(!store.describe().contains("pa:ss") && !store.toString().contains("pa:ss"), "never in messages");

        // PGPASSFILE names another file
        Path other = Files.writeString(home.resolve("oko.pgpass"), "*:*:oko:*:from-pgpassfile\n");
        Files.setPosixFilePermissions(other, PosixFilePermissions.fromString("r--------"));
        assertEquals("from-pgpassfile", PostgreSQL.parse(URL, Map.of("PGPASSFILE", other.toString()), home).password());

        // a file others can read is not used: the message names it and says what to do
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));
        StoreConfig.PasswordFileException open = assertThrows(StoreConfig.PasswordFileException.class,
                () -> PostgreSQL.parse(URL, Map.of(), home));
        assertTrue(open.getMessage().contains(pgpass.toString()) && open.getMessage().contains("chmod 600"),
                open.getMessage());
        // …unless the password comes from elsewhere
        assertEquals("v", PostgreSQL.parse(URL, Map.of("OKO_DB_PASSWORD", "v"), home).password());
        assertEquals("postgresql://h/db?user=u&password=***", PostgreSQL.withoutPassword("postgresql://h/db?user=u&password=secret"));
    }
}
