package oko.cli;

/**
 * A subcommand of {@code ./oko}, contributed through the {@code oko.cli.commands} extension point.
 * Implementations run headless: they must not touch SWT, JFace or the workbench.
 */
public interface Command {

    /** The command did what was asked. */
    int OK = 0;
    /** The command ran but found errors (e.g. validation errors, a failed import). */
    int FAILED = 1;
    /** The command line was wrong: unknown command, unknown option, missing or bad value. */
    int USAGE = 2;

    /**
     * Runs the command.
     *
     * @return the process exit code, one of {@link #OK}, {@link #FAILED} or {@link #USAGE}
     * @throws UsageException when the arguments are wrong; the dispatcher prints one line and exits with 2
     * @throws Exception any other failure; the dispatcher prints its message, logs it and exits with 1
     */
    int run(CommandContext context) throws Exception;
}
