package oko.repository.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.eclipse.net4j.util.security.IAuthenticator;

import oko.repository.internal.Messages;
import oko.repository.security.Users.User;

/**
 * The server's check of a client's login and password (CDO asks it when a session opens). A wrong
 * password is refused, logged with the login and the client's address only, and each further
 * failure for that login <em>from that address</em> waits longer before it is checked (0.25 s,
 * 0.5 s, 1 s … up to 8 s) until a right one resets it. Attempts for one login from one address
 * are checked one after another, so parallel attempts wait their turn and their growing delays
 * (they cannot all read the same delay); a login's failures from one address do not slow the same
 * login from another address, so an attacker cannot lock the administrator out.
 */
public final class UserAuthenticator implements IAuthenticator {

    private static final long MAX_DELAY_MILLIS = 8_000;
    /** More attempts than this waiting for one login and address are refused without a check. */
    private static final int MAX_WAITING = 16;

    private final Users users;
    private final Consumer<String> log;
    private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
    /** The user each open session logged in as (role and school as at login), by session ID. */
    private final Map<Integer, User> sessions = new ConcurrentHashMap<>();
    private final ThreadLocal<String> source = new ThreadLocal<>();
    /** The user this thread's last authentication accepted, for the session CDO opens next on it. */
    private final ThreadLocal<User> accepted = new ThreadLocal<>();

    private final String internalLogin;
    private final char[] internalPassword;

    /** The failures in a row of one login from one address; its lock orders their checks. */
    private static final class Throttle {
        final ReentrantLock lock = new ReentrantLock(true);
        int failures;
    }

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

    /**
     * Runs {@code check} (CDO's authentication of a session) knowing the client's address, for the
     * throttling and the log.
     */
    public <T> T from(String address, java.util.function.Supplier<T> check) {
        String previous = source.get();
        source.set(address);
        try {
            return check.get();
        } finally {
            source.set(previous);
        }
    }

    @Override
    public void authenticate(String login, char[] password) throws SecurityException {
        String address = source.get();
        authenticate(login, password, address == null ? "?" : address);
    }

    /** Checks a login and password that came from {@code address}. */
    public void authenticate(String login, char[] password, String address) throws SecurityException {
        if (internalLogin.equals(login)) {
            if (!MessageDigest.isEqual(new String(internalPassword).getBytes(StandardCharsets.UTF_8),
                    new String(password).getBytes(StandardCharsets.UTF_8))) {
                throw new SecurityException(WRONG_LOGIN);
            }
            accepted.set(new User(login, Role.ADMINISTRATOR, null, true));
            return;
        }
        String key = login + '\n' + address;
        Throttle throttle = throttles.computeIfAbsent(key, k -> new Throttle());
        if (throttle.lock.getQueueLength() >= MAX_WAITING) {
            log.accept(Messages.bind(Messages.loginRefused, new Object[] { login, throttle.failures, address }));
            throw new SecurityException(WRONG_LOGIN);
        }
        try {
            // one check at a time per login and address: the delay is read after the previous failure counted
            if (!throttle.lock.tryLock(10 * MAX_DELAY_MILLIS, TimeUnit.MILLISECONDS)) {
                throw new SecurityException(WRONG_LOGIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecurityException(WRONG_LOGIN);
        }
        try {
            if (throttle.failures > 0) {
                Thread.sleep(delayMillis(throttle.failures));
            }
            Optional<User> user = users.verify(login, password);
            if (user.isEmpty()) {
                throttle.failures++;
                log.accept(Messages.bind(Messages.loginRefused, new Object[] { login, throttle.failures, address }));
                throw new SecurityException(WRONG_LOGIN);
            }
            throttle.failures = 0;
            accepted.set(user.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SecurityException(WRONG_LOGIN);
        } finally {
            throttle.lock.unlock();
            if (throttle.failures == 0 && !throttle.lock.hasQueuedThreads()) {
                throttles.remove(key, throttle); // nothing to remember for a login that succeeded
            }
        }
    }

    /** The wait before checking a login that failed that many times in a row. */
    static long delayMillis(int failed) {
        return Math.min(MAX_DELAY_MILLIS, 250L << Math.min(failed - 1, 10));
    }

    /**
     * Binds the session CDO has just opened on this thread to the user this thread's
     * authentication accepted; returns that user (null for a session without login).
     */
    public User bind(int sessionID) {
        User user = accepted.get();
        accepted.remove();
        if (user != null) {
            sessions.put(sessionID, user);
        }
        return user;
    }

    /** Forgets a closed session. */
    public void unbind(int sessionID) {
        sessions.remove(sessionID);
    }

    /** The user a session logged in as (role and school as at login). */
    public Optional<User> user(int sessionID) {
        return Optional.ofNullable(sessions.get(sessionID));
    }

    /**
     * The user as the user table has them now (role and school), empty when removed or without a
     * password any more; the server's own client is always its administrator.
     */
    public Optional<User> current(String login) {
        if (login == null) {
            return Optional.empty();
        }
        if (internalLogin.equals(login)) {
            return Optional.of(new User(login, Role.ADMINISTRATOR, null, true));
        }
        return users.find(login).filter(User::hasPassword);
    }

    /**
     * Why a session may no longer act: its user was removed, or their role or school changed since
     * the login (for the log and the refusal); empty while the user is as they logged in.
     */
    public Optional<String> revoked(int sessionID) {
        User then = sessions.get(sessionID);
        if (then == null || internalLogin.equals(then.login())) {
            return Optional.empty();
        }
        return revoked(then, current(then.login()));
    }

    /**
     * The sessions that may no longer act, with why, the user table read once (for the server's
     * periodic check).
     */
    public Map<Integer, String> revokedSessions() {
        if (sessions.values().stream().allMatch(user -> internalLogin.equals(user.login()))) {
            return Map.of();
        }
        Map<String, User> table = new java.util.HashMap<>();
        for (User user : users.list()) {
            if (user.hasPassword()) {
                table.put(user.login(), user);
            }
        }
        Map<Integer, String> revoked = new java.util.HashMap<>();
        sessions.forEach((id, then) -> {
            if (!internalLogin.equals(then.login())) {
                revoked(then, Optional.ofNullable(table.get(then.login()))).ifPresent(why -> revoked.put(id, why));
            }
        });
        return revoked;
    }

    private static Optional<String> revoked(User then, Optional<User> now) {
        if (now.isEmpty()) {
            return Optional.of(Messages.bind(Messages.userRemoved, then.login()));
        }
        if (now.get().role() != then.role() || !java.util.Objects.equals(now.get().school(), then.school())) {
            return Optional.of(Messages.bind(Messages.userChanged, new Object[] { then.login(),
                    now.get().role().cliName(), now.get().school() == null ? "—" : now.get().school() }));
        }
        return Optional.empty();
    }
}
