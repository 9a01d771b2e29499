package oko.repository.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.eclipse.net4j.db.IDBAdapter;

/** Where the repository keeps its data: an H2 file store in a folder, or a PostgreSQL database. */
public sealed interface StoreConfig {

    /** The JDBC data source of the store. */
    DataSource dataSource();

    /** The net4j adapter for the database. */
    IDBAdapter adapter();

    /** For messages and the window title; never contains a password. */
    String describe();

    /** Called after the repository is closed; an embedded database closes its files here. */
    default void shutdown() {
    }

    /**
     * H2 2.3 file database {@code repository.mv.db} in {@code directory}. {@code WRITE_DELAY=0}:
     * a commit the client saw succeed is on disk, even if the process is killed right after.
     * {@code DB_CLOSE_DELAY=-1}: H2 would otherwise close the database whenever CDO's last
     * connection closes, and a connection opened during that close fails ("database has been
     * closed"); {@link #shutdown()} closes it when the server stops. {@code retry:}: H2's file
     * system that reopens its file channel when a thread doing I/O is interrupted, instead of
     * failing every later access.
     */
    record H2(Path directory) implements StoreConfig {

        public String jdbcUrl() {
            return "jdbc:h2:retry:" + directory.toAbsolutePath().resolve("repository")
                    + ";NON_KEYWORDS=VALUE;DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0";
        }

        /** The database stays open between connections (DB_CLOSE_DELAY=-1) until this SHUTDOWN. */
        @Override
        public void shutdown() {
            try (java.sql.Connection connection = dataSource().getConnection();
                    java.sql.Statement statement = connection.createStatement()) {
                statement.execute("SHUTDOWN");
            } catch (java.sql.SQLException alreadyClosed) {
                // SHUTDOWN closes this connection too; nothing else is left to close
            }
        }

        @Override
        public DataSource dataSource() {
            org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
            dataSource.setURL(jdbcUrl());
            return dataSource;
        }

        @Override
        public IDBAdapter adapter() {
            return new OkoH2Adapter();
        }

        @Override
        public String describe() {
            return "H2 " + directory.toAbsolutePath();
        }
    }

    /** A password file that must not be used: readable by others, or unreadable; the message says what to do. */
    final class PasswordFileException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        public PasswordFileException(String message) {
            super(message);
        }
    }

    /**
     * A PostgreSQL database, given as {@code postgresql://host:port/db?user=…}. The password is
     * taken, in this order, from the URL's {@code password=} (visible to every user in the process
     * list: avoid), the environment variable {@value #PASSWORD_VARIABLE}, or a password file in
     * libpq's format ({@code PGPASSFILE}, else {@code ~/.pgpass}: lines
     * {@code host:port:database:user:password}, {@code *} matching anything), which must be
     * readable by its owner only.
     */
    record PostgreSQL(String host, int port, String database, String user, String password) implements StoreConfig {

        /** The environment variable holding the database password. */
        public static final String PASSWORD_VARIABLE = "OKO_DB_PASSWORD";

        /** The URL with any password replaced by ***, for messages. */
        public static String withoutPassword(String url) {
            return url.replaceAll("(password=)[^&]*", "$1***");
        }

        public static PostgreSQL parse(String text) {
            return parse(text, System.getenv(), Path.of(System.getProperty("user.home", ".")));
        }

        /**
         * Parses the URL; a password missing from it comes from {@code environment} or the password
         * file (see the type's description).
         *
         * @throws PasswordFileException when the password file that would be read is readable by others
         */
        public static PostgreSQL parse(String text, Map<String, String> environment, Path home) {
            String url = text.startsWith("jdbc:") ? text.substring(5) : text;
            if (!url.startsWith("postgresql://")) {
                throw new IllegalArgumentException(text);
            }
            URI uri = URI.create(url);
            String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            if (uri.getHost() == null || database.isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            Map<String, String> query = new LinkedHashMap<>();
            if (uri.getRawQuery() != null) {
                for (String pair : uri.getRawQuery().split("&")) {
                    int eq = pair.indexOf('=');
                    String key = eq < 0 ? pair : pair.substring(0, eq);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    query.put(key, value);
                }
            }
            int port = uri.getPort() < 0 ? 5432 : uri.getPort();
            String user = query.getOrDefault("user", System.getProperty("user.name"));
            String password = query.get("password");
            if (password == null) {
                password = environment.get(PASSWORD_VARIABLE);
            }
            if (password == null) {
                String file = environment.get("PGPASSFILE");
                password = passwordFile(file != null && !file.isBlank() ? Path.of(file) : home.resolve(".pgpass"),
                        uri.getHost(), port, database, user);
            }
            return new PostgreSQL(uri.getHost(), port, database, user, password);
        }

        /** The password of the first matching line of a libpq password file, or null. */
        static String passwordFile(Path file, String host, int port, String database, String user) {
            if (!java.nio.file.Files.isRegularFile(file)) {
                return null;
            }
            try {
                try {
                    var permissions = java.nio.file.Files.getPosixFilePermissions(file);
                    var open = java.util.EnumSet.of(java.nio.file.attribute.PosixFilePermission.GROUP_READ,
                            java.nio.file.attribute.PosixFilePermission.GROUP_WRITE,
                            java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE,
                            java.nio.file.attribute.PosixFilePermission.OTHERS_READ,
                            java.nio.file.attribute.PosixFilePermission.OTHERS_WRITE,
                            java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
                    open.retainAll(permissions);
                    if (!open.isEmpty()) {
                        throw new PasswordFileException(oko.repository.internal.Messages.bind(
                                oko.repository.internal.Messages.passwordFileOpen, file,
                                java.nio.file.attribute.PosixFilePermissions.toString(permissions)));
                    }
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file is in the user's private profile
                }
                int number = 0;
                for (String line : java.nio.file.Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    number++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    java.util.List<String> fields = pgpassFields(line);
                    if (fields.size() < 5) {
                        continue; // libpq skips such lines too
                    }
                    if (matches(fields.get(0), host) && matches(fields.get(1), String.valueOf(port))
                            && matches(fields.get(2), database) && matches(fields.get(3), user)) {
                        return fields.get(4);
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new PasswordFileException(oko.repository.internal.Messages.bind(
                        oko.repository.internal.Messages.passwordFileUnreadable, file, e.getMessage()));
            }
        }

        private static boolean matches(String pattern, String value) {
            return pattern.equals("*") || pattern.equals(value)
                    || (pattern.equals("localhost") && (value.equals("127.0.0.1") || value.equals("::1")));
        }

        /** The fields of a password file line: separated by ':', with '\:' and '\\' escaped; the last takes the rest. */
        private static java.util.List<String> pgpassFields(String line) {
            java.util.List<String> fields = new java.util.ArrayList<>();
            StringBuilder field = new StringBuilder();
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\' && i + 1 < line.length()) {
                    field.append(line.charAt(++i));
                } else if (c == ':' && fields.size() < 4) {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }

        @Override
        public DataSource dataSource() {
            org.postgresql.ds.PGSimpleDataSource dataSource = new org.postgresql.ds.PGSimpleDataSource();
            dataSource.setServerNames(new String[] { host });
            dataSource.setPortNumbers(new int[] { port });
            dataSource.setDatabaseName(database);
            dataSource.setUser(user);
            if (password != null) {
                dataSource.setPassword(password);
            }
            if (oko.repository.internal.BulkPaths.enabled()) {
                // the driver sends a batch of inserts as multi-row inserts: the commits' batches
                dataSource.setReWriteBatchedInserts(true);
            }
            return dataSource;
        }

        @Override
        public IDBAdapter adapter() {
            return new OkoPostgreSQLAdapter();
        }

        @Override
        public String describe() {
            return "PostgreSQL " + user + "@" + host + ":" + port + "/" + database;
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
