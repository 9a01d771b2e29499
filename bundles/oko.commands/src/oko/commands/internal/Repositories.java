package oko.commands.internal;

import oko.cli.CommandContext;
import oko.cli.GlobalOptions;
import oko.repository.OkoRepository;

/** Opens the repository a command works on: the server of {@code --server}, else the embedded one. */
final class Repositories {

    private Repositories() {
    }

    /** The login: OKO_USER, else the system user's name. */
    static String user() {
        String login = System.getenv("OKO_USER");
        return login != null && !login.isBlank() ? login : System.getProperty("user.name", "oko");
    }

    static OkoRepository open(CommandContext context) {
        GlobalOptions options = context.options();
        if (options.server().isPresent()) {
            GlobalOptions.ServerAddress address = options.server().get();
            // a server whose users have passwords asks for OKO_USER / OKO_PASSWORD
            String password = System.getenv("OKO_PASSWORD");
            try {
                return OkoRepository.connect(address.host(), address.port(), user(),
                        password == null ? null : password.toCharArray());
            } catch (oko.repository.RepositoryException e) {
                throw new oko.repository.RepositoryException(Messages.bind(Messages.loginRefused, address, e.getMessage()), e);
            }
        }
        OkoRepository opened = OkoRepository.openEmbedded(options.dataDirectory(), user(), line -> { });
        // the previous process was killed while it had the repository open: say what that means
        opened.recoveryNotice().ifPresent(context.err()::println);
        return opened;
    }
}
