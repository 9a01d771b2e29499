package oko.repository.security;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Consumer;
import java.util.function.IntFunction;

import org.eclipse.emf.cdo.server.ISession;
import org.eclipse.emf.cdo.spi.server.IAuthenticationProtocol;
import org.eclipse.emf.cdo.spi.server.ISessionProtocol;
import org.eclipse.emf.cdo.spi.server.InternalSession;
import org.eclipse.net4j.connector.IConnector;
import org.eclipse.net4j.protocol.IProtocol;
import org.eclipse.net4j.util.lifecycle.LifecycleUtil;

import oko.repository.internal.Messages;
import oko.repository.internal.NoticeSessionManager;

/**
 * The server's sessions when clients must log in: the server's session manager
 * ({@link NoticeSessionManager}) that tells the
 * {@link UserAuthenticator} the client's address (for throttling and the log), binds each session
 * to the user it logged in as, and ends sessions whose user was removed or changed.
 */
public final class ServerSessions extends NoticeSessionManager {

    private final UserAuthenticator authenticator;
    private final Consumer<String> log;
    private final IntFunction<String> tunnelled;

    /**
     * @param tunnelled the real client address of a connection that reached the repository through
     *        the server's TLS gateway, by the gateway's local port; null when it is not one
     */
    public ServerSessions(UserAuthenticator authenticator, Consumer<String> log, IntFunction<String> tunnelled) {
        this.authenticator = authenticator;
        this.log = log;
        this.tunnelled = tunnelled;
        setAuthenticator(authenticator);
    }

    @Override
    public String authenticateUser(IAuthenticationProtocol protocol) throws SecurityException {
        return authenticator.from(address(protocol), () -> super.authenticateUser(protocol));
    }

    @Override
    protected InternalSession createSession(int id, String userID, ISessionProtocol protocol) {
        InternalSession session = super.createSession(id, userID, protocol);
        authenticator.bind(id);
        return session;
    }

    @Override
    public void sessionClosed(InternalSession session) {
        authenticator.unbind(session.getSessionID());
        super.sessionClosed(session);
    }

    /** The client's address: host of a TCP client (through the TLS gateway: the real one), "jvm" in-process. */
    String address(Object protocol) {
        if (protocol instanceof IProtocol<?> net4j && net4j.getChannel() != null
                && net4j.getChannel().getMultiplexer() instanceof org.eclipse.net4j.internal.tcp.TCPConnector tcp
                && tcp.getSocketChannel() != null) {
            Socket socket = tcp.getSocketChannel().socket();
            if (socket.getRemoteSocketAddress() instanceof InetSocketAddress remote) {
                String real = tunnelled == null ? null : tunnelled.apply(remote.getPort());
                return real != null ? real : remote.getAddress().getHostAddress();
            }
        }
        return "jvm";
    }

    /**
     * Ends every session whose user was removed or whose role or school changed since its login
     * (its connection is closed; the client sees it lost), logging why; returns how many.
     */
    public int endRevoked() {
        int ended = 0;
        var revoked = authenticator.revokedSessions();
        for (InternalSession session : getSessions()) {
            String reason = revoked.get(session.getSessionID());
            if (reason != null) {
                end(session, reason);
                ended++;
            }
        }
        return ended;
    }

    /** Closes a session's connection, logging why. */
    public void end(ISession session, String reason) {
        log.accept(Messages.bind(Messages.sessionEnded, session.getSessionID(), reason));
        if (session.getProtocol() instanceof IProtocol<?> net4j && net4j.getChannel() != null
                && net4j.getChannel().getMultiplexer() instanceof IConnector connector) {
            LifecycleUtil.deactivate(connector);
        } else {
            LifecycleUtil.deactivate(session);
        }
    }
}
