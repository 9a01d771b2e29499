package oko.commands.internal;

import java.util.function.Supplier;

/**
 * The login a command uses against {@code --server} when it runs inside another program's thread
 * (tests run the commands in-process as several users): set here, it takes the place of the
 * environment variables OKO_USER and OKO_PASSWORD for that thread only.
 */
public final class Logins {

    record Login(String user, char[] password) {
    }

    private static final ThreadLocal<Login> CURRENT = new ThreadLocal<>();

    private Logins() {
    }

    /** Runs {@code body} on this thread with that login. */
    public static <T> T as(String user, char[] password, Supplier<T> body) {
        Login previous = CURRENT.get();
        CURRENT.set(new Login(user, password == null ? null : password.clone()));
        try {
            return body.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    static Login current() {
        return CURRENT.get();
    }
}
