package oko.repository.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.sql.DataSource;

import oko.repository.RepositoryException;

/**
 * The users of a repository, in a table of its own database (H2 or PostgreSQL, beside CDO's
 * tables): login, role, the school a school administrator is bound to, and the password as a
 * salted PBKDF2-HMAC-SHA256 hash. A password is never stored, returned or logged; a user without
 * a password (the administrator created on the first start) cannot log in until one is set.
 */
public final class Users {

    /** A user as listed: no password material. */
    public record User(String login, Role role, String school, boolean hasPassword) {
    }

    private static final String TABLE = "OKO_USERS";
    private static final int ITERATIONS = 120_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    /** The store, for messages. */
    private final String label;

    /** The store is open in another process (H2: "Database may be already in use"); the message says what to do. */
    public static final class StoreInUseException extends RepositoryException {
        private static final long serialVersionUID = 1L;

        StoreInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The users of a store; names it in messages. */
    public Users(oko.repository.db.StoreConfig store) {
        this(store.dataSource(), store.describe());
    }

    public Users(DataSource dataSource) {
        this(dataSource, String.valueOf(dataSource));
    }

    private Users(DataSource dataSource, String label) {
        this.dataSource = dataSource;
        this.label = label;
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (LOGIN VARCHAR(100) PRIMARY KEY, ROLE VARCHAR(40) NOT NULL, "
                + "SCHOOL VARCHAR(200), SALT VARCHAR(64), HASH VARCHAR(128), ITERATIONS INTEGER)");
    }

    public List<User> list() {
        List<User> users = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT LOGIN, ROLE, SCHOOL, HASH FROM " + TABLE + " ORDER BY LOGIN")) {
            while (rows.next()) {
                users.add(new User(rows.getString(1), Role.valueOf(rows.getString(2)), rows.getString(3),
                        rows.getString(4) != null));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return users;
    }

    public Optional<User> find(String login) {
        return list().stream().filter(u -> u.login().equals(login)).findFirst();
    }

    /**
     * Adds a user.
     *
     * @throws IllegalArgumentException for a taken login, or a school administrator without a school
     */
    public void add(String login, Role role, String school, char[] password) {
        if (login == null || login.isBlank()) {
            throw new IllegalArgumentException("empty login");
        }
        if (find(login).isPresent()) {
            throw new IllegalArgumentException("user \"" + login + "\" exists");
        }
        if (role == Role.SCHOOL_ADMINISTRATOR && (school == null || school.isBlank())) {
            throw new IllegalArgumentException("a school administrator needs a school (its organisation code)");
        }
        String[] hash = password == null ? new String[2] : hash(password);
        update("INSERT INTO " + TABLE + " (LOGIN, ROLE, SCHOOL, SALT, HASH, ITERATIONS) VALUES (?, ?, ?, ?, ?, ?)", login,
                role.name(), role == Role.SCHOOL_ADMINISTRATOR ? school : null, hash[0], hash[1], ITERATIONS);
    }

    /** Sets a user's password. */
    public void setPassword(String login, char[] password) {
        String[] hash = hash(password);
        if (update("UPDATE " + TABLE + " SET SALT = ?, HASH = ?, ITERATIONS = ? WHERE LOGIN = ?", hash[0], hash[1],
                ITERATIONS, login) == 0) {
            throw new IllegalArgumentException("no user \"" + login + "\"");
        }
    }

    /**
     * Changes a user's role (and school); a running server ends the user's open sessions.
     *
     * @throws IllegalArgumentException for an unknown login, or a school administrator without a school
     */
    public void setRole(String login, Role role, String school) {
        if (role == Role.SCHOOL_ADMINISTRATOR && (school == null || school.isBlank())) {
            throw new IllegalArgumentException("a school administrator needs a school (its organisation code)");
        }
        if (update("UPDATE " + TABLE + " SET ROLE = ?, SCHOOL = ? WHERE LOGIN = ?", role.name(),
                role == Role.SCHOOL_ADMINISTRATOR ? school : null, login) == 0) {
            throw new IllegalArgumentException("no user \"" + login + "\"");
        }
    }

    /** Removes a user; a running server ends the user's open sessions and refuses their commits. */
    public void remove(String login) {
        if (update("DELETE FROM " + TABLE + " WHERE LOGIN = ?", login) == 0) {
            throw new IllegalArgumentException("no user \"" + login + "\"");
        }
    }

    /** Whether some user can log in (has a password): then the server asks every client to. */
    public boolean anyPassword() {
        return list().stream().anyMatch(User::hasPassword);
    }

    /** The user, if the password is theirs; the comparison takes the same time whatever matches. */
    public Optional<User> verify(String login, char[] password) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT ROLE, SCHOOL, SALT, HASH, ITERATIONS FROM " + TABLE + " WHERE LOGIN = ?")) {
            statement.setString(1, login);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next() || rows.getString(4) == null) {
                    hash(password); // the same work as a real check: no timing hint that the login is unknown
                    return Optional.empty();
                }
                byte[] salt = Base64.getDecoder().decode(rows.getString(3));
                byte[] expected = Base64.getDecoder().decode(rows.getString(4));
                byte[] actual = pbkdf2(password, salt, rows.getInt(5));
                return MessageDigest.isEqual(expected, actual)
                        ? Optional.of(new User(login, Role.valueOf(rows.getString(1)), rows.getString(2), true))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static String[] hash(char[] password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new String[] { Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(pbkdf2(password, salt, ITERATIONS)) };
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available: " + e, e);
        }
    }

    private void execute(String sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private RepositoryException failure(SQLException e) {
        if (e.getErrorCode() == 90020) { // H2: DATABASE_ALREADY_OPEN, the file is locked by another process
            return new StoreInUseException(oko.repository.internal.Messages.bind(oko.repository.internal.Messages.storeInUse,
                    label), e);
        }
        return new RepositoryException("users: " + e.getMessage(), e);
    }

    /**
     * Refuses a code that names no school of the repository's model, naming the schools there are
     * (read from the store's tables, so also beside a running PostgreSQL server).
     *
     * @throws IllegalArgumentException saying so
     */
    public void requireSchool(String code) {
        java.util.Map<String, Integer> kinds = new java.util.TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            String table = null;
            try (ResultSet tables = connection.getMetaData().getTables(null, null, "%", new String[] { "TABLE" })) {
                while (tables.next()) {
                    if (tables.getString("TABLE_NAME").equalsIgnoreCase("ORGANISATION")) {
                        table = tables.getString("TABLE_NAME");
                    }
                }
            }
            if (table != null) {
                // CDO's audit tables: the current revision of a live object is not revised and has a positive version
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                        "SELECT CODE, KIND FROM " + quote(table) + " WHERE CDO_REVISED = 0 AND CDO_VERSION > 0")) {
                    while (rows.next()) {
                        if (rows.getString(1) != null) {
                            kinds.put(rows.getString(1), rows.getInt(2));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        int school = oko.model.OrganisationKind.SCHOOL_VALUE;
        String schools = String.join(", ", kinds.entrySet().stream().filter(e -> e.getValue() == school)
                .map(java.util.Map.Entry::getKey).toList());
        if (schools.isEmpty()) {
            schools = "—";
        }
        Integer kind = kinds.get(code);
        if (kind == null) {
            throw new IllegalArgumentException(oko.repository.internal.Messages.bind(
                    oko.repository.internal.Messages.unknownSchool, code, schools));
        }
        if (kind != school) {
            oko.model.OrganisationKind literal = oko.model.OrganisationKind.get(kind);
            throw new IllegalArgumentException(oko.repository.internal.Messages.bind(
                    oko.repository.internal.Messages.notASchool,
                    new Object[] { code, literal == null ? String.valueOf(kind) : literal.getLiteral(), schools }));
        }
    }

    private static String quote(String table) {
        return table.equals(table.toUpperCase(java.util.Locale.ROOT)) ? table : '"' + table + '"';
    }
}
