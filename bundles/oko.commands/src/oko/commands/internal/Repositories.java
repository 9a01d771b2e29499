package oko.commands.internal;

import oko.cli.CommandContext;
import oko.cli.GlobalOptions;
import oko.repository.OkoRepository;

/** Opens the repository a command works on: the server of {@code --server}, else the embedded one. */
final class Repositories {

    private Repositories() {
    }

    static String user() {
        return System.getProperty("user.name", "oko");
    }

    static OkoRepository open(CommandContext context) {
        GlobalOptions options = context.options();
        if (options.server().isPresent()) {
            GlobalOptions.ServerAddress address = options.server().get();
            return OkoRepository.connect(address.host(), address.port(), user());
        }
        return OkoRepository.openEmbedded(options.dataDirectory(), user(), line -> { });
    }
}
