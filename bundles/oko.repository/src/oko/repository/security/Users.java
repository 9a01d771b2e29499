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

    public Users(DataSource dataSource) {
        this.dataSource = dataSource;
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

    private static RepositoryException failure(SQLException e) {
        return new RepositoryException("users: " + e.getMessage(), e);
    }
}
