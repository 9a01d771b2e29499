package oko.cli;

/** A mistake on the command line. Its message is printed as one line; the exit code is 2. */
public class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
