package oko.repository.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.emf.cdo.common.branch.CDOBranchPoint;
import org.eclipse.emf.cdo.common.protocol.CDOProtocol.CommitNotificationInfo;
import org.eclipse.emf.cdo.internal.server.Session;
import org.eclipse.emf.cdo.internal.server.SessionManager;
import org.eclipse.emf.cdo.spi.server.ISessionProtocol;
import org.eclipse.emf.cdo.spi.server.InternalSession;

/**
 * CDO's session manager, with new sessions that start where the commit notices they will
 * receive begin: none of them waits for a notice it can never get.
 * <p>
 * A client takes in the server's commit notices in the order of their commits: each notice
 * names the commit before it, and a notice is taken in only once the one before has been (CDO
 * 4.7, {@code CDOSessionImpl.Invalidator.canProcess}). A new session starts from the time CDO's
 * {@code SessionManager.openSession} gives it, the repository's last commit time
 * ({@code TimeStampAuthority.getLastFinishedTimeStamp()}): the newest commit before which
 * every commit has ended. Commits run side by side, though, and end in any order: while a large
 * commit A is being written, a small commit C that began after it ends and its notice goes out
 * to the sessions open at that moment, yet the last commit time stays before A. A session opened
 * then starts before A and never gets C's notice; once A's notice arrives it waits for C's for
 * ever, and so does every commit of its own (a transaction waits for its own commit's notice,
 * {@code CDOTransactionImpl.commit}). On PostgreSQL, whose commits overlap, the region benchmark
 * hung that way (each of its operations opens a session of its own).
 * <p>
 * So a new session starts no earlier than the newest commit whose notice has begun to go out:
 * the notice of every later commit goes to it (the notice is sent to the sessions open when it
 * starts to go out, and this manager notes its commit before that), and a notice of an earlier
 * commit that reaches it late is taken in at once, as CDO does for a commit that ended before
 * the session opened but whose notice went out after.
 */
public class NoticeSessionManager extends SessionManager {

    /** The time of the newest commit whose notice has begun to go out to the sessions. */
    private final AtomicLong lastNoticed = new AtomicLong(CDOBranchPoint.UNSPECIFIED_DATE);

    @Override
    public void sendCommitNotification(CommitNotificationInfo info) {
        // noted before CDO takes the list of sessions to send it to (under the lock under which a
        // new session joins that list and reads its start, see createSession): a session either
        // is on the list or starts at or after this commit
        lastNoticed.accumulateAndGet(info.getCommitInfo().getTimeStamp(), Math::max);
        super.sendCommitNotification(info);
    }

    /** The time of the newest commit whose notice has begun to go out; 0 before the first one. */
    public long lastNoticed() {
        return lastNoticed.get();
    }

    @Override
    protected InternalSession createSession(int id, String userID, ISessionProtocol protocol) {
        return new Session(this, protocol, id, userID) {
            @Override
            public void setFirstUpdateTime(long firstUpdateTime) {
                // CDO calls this while it holds the list of sessions, just before adding this one
                super.setFirstUpdateTime(Math.max(firstUpdateTime, lastNoticed.get()));
            }
        };
    }
}
