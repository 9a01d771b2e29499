package oko.cli;

import java.util.OptionalInt;

/**
 * What the dispatcher decided: either a command ran (its exit code is present), or no command
 * was named and the caller should start the workbench with the parsed global options.
 */
public record Outcome(GlobalOptions options, OptionalInt exitCode) {

    public boolean startWorkbench() {
        return exitCode.isEmpty();
    }
}
