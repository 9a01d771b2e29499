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

    /** A PostgreSQL database, given as {@code postgresql://host:port/db?user=…&password=…}. */
    record PostgreSQL(String host, int port, String database, String user, String password) implements StoreConfig {

        public static PostgreSQL parse(String text) {
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
            return new PostgreSQL(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), database,
                    query.getOrDefault("user", System.getProperty("user.name")), query.get("password"));
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
