package oko.repository.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.net4j.util.security.IAuthenticator;

import oko.repository.internal.Messages;
import oko.repository.security.Users.User;

/**
 * The server's check of a client's login and password (CDO asks it when a session opens). A wrong
 * password is refused, logged with the login only, and each further failure for that login waits
 * longer before it is checked (0.25 s, 0.5 s, 1 s … up to 8 s) until a right one resets it.
 */
public final class UserAuthenticator implements IAuthenticator {

    private static final long MAX_DELAY_MILLIS = 8_000;

    private final Users users;
    private final Consumer<String> log;
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final Map<String, User> authenticated = new ConcurrentHashMap<>();

    private final String internalLogin;
    private final char[] internalPassword;

    /**
     * @param internalLogin the login of the server's own client, accepted with internalPassword
     *        (random, known only inside the server's process) as an administrator
     */
    public UserAuthenticator(Users users, Consumer<String> log, String internalLogin, char[] internalPassword) {
        this.users = users;
        this.log = log;
        this.internalLogin = internalLogin;
        this.internalPassword = internalPassword;
    }

    /**
     * What the server answers to a refused login (it travels to the client, which shows its own
     * text in the user's language, see OkoRepository.connect): nothing tells whether the login exists.
     */
    public static final String WRONG_LOGIN = "wrong login or password";

    @Override
    public void authenticate(String login, char[] password) throws SecurityException {
        if (internalLogin.equals(login)) {
            if (!java.security.MessageDigest.isEqual(new String(internalPassword).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    new String(password).getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
                throw new SecurityException(WRONG_LOGIN);
            }
            authenticated.put(login, new User(login, Role.ADMINISTRATOR, null, true));
            return;
        }
        int failed = failures.getOrDefault(login, 0);
        if (failed > 0) {
            try {
                Thread.sleep(delayMillis(failed));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SecurityException("interrupted");
            }
        }
        Optional<User> user = users.verify(login, password);
        if (user.isEmpty()) {
            int now = failures.merge(login, 1, Integer::sum);
            log.accept(Messages.bind(Messages.loginRefused, login, now));
            throw new SecurityException(WRONG_LOGIN);
        }
        failures.remove(login);
        authenticated.put(login, user.get());
    }

    /** The wait before checking a login that failed that many times in a row. */
    static long delayMillis(int failed) {
        return Math.min(MAX_DELAY_MILLIS, 250L << Math.min(failed - 1, 10));
    }

    /** The user who logged in under that login (role and school as at login). */
    public Optional<User> user(String login) {
        return Optional.ofNullable(login == null ? null : authenticated.get(login));
    }
}
