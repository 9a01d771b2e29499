package oko.repository;

/**
 * The connection to the server broke while a commit was under way: the server may have stored it
 * or not. {@link OkoRepository#wasCommitted} on a new connection tells which.
 */
public class CommitOutcomeUnknownException extends RepositoryException {

    private static final long serialVersionUID = 1L;

    private final String user;
    private final String comment;
    private final long since;

    public CommitOutcomeUnknownException(String message, Throwable cause, String user, String comment, long since) {
        super(message, cause);
        this.user = user;
        this.comment = comment;
        this.since = since;
    }

    /** Who committed. */
    public String user() {
        return user;
    }

    /** The commit's comment. */
    public String comment() {
        return comment;
    }

    /** The server's time of the last commit the client knew of before this one. */
    public long since() {
        return since;
    }
}
