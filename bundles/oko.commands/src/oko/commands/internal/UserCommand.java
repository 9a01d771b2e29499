package oko.commands.internal;

import java.io.Console;
import java.util.Arrays;
import java.util.Set;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.repository.db.StoreConfig;
import oko.repository.security.Role;
import oko.repository.security.Users;
import oko.repository.security.Users.User;

/**
 * {@code ./oko user add LOGIN --role ROLE [--school CODE] | list | passwd LOGIN | role LOGIN --role
 * ROLE [--school CODE] | remove LOGIN [--data DIR | --db URL]}: the users of the server's
 * repository, in its database (with the server stopped when the store is H2: its file is the
 * server's; a PostgreSQL server running meanwhile ends the sessions of a removed or changed user).
 * A school is checked against the repository's organisations. A password is read from the
 * terminal twice without echo, or from the environment variable OKO_NEW_PASSWORD; it is never an
 * argument, so it stays out of the shell's history and the process list.
 */
public final class UserCommand implements Command {

    static final String PASSWORD_VARIABLE = "OKO_NEW_PASSWORD";
    private static final int MINIMUM_LENGTH = 8;

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--role", "--school", "--db")).expectPositionals(1, 2);
        if (context.options().server().isPresent()) {
            throw new UsageException(Messages.userWithServer);
        }
        String action = args.positionals().get(0);
        String login = args.positionals().size() > 1 ? args.positionals().get(1) : null;
        if (!action.equals("list") && login == null) {
            throw new UsageException(Messages.bind(Messages.userNoLogin, action));
        }
        StoreConfig store = ServerCommand.store(context, args);
        try {
            return run(context, args, action, login, store);
        } catch (Users.StoreInUseException e) {
            context.err().println(e.getMessage());
            return FAILED;
        } finally {
            store.shutdown();
        }
    }

    private int run(CommandContext context, ParsedArguments args, String action, String login, StoreConfig store)
            throws UsageException {
        {
            Users users = new Users(store);
            switch (action) {
            case "list" -> {
                for (User user : users.list()) {
                    context.out().println(user.login() + "\t" + user.role().cliName() + "\t"
                            + (user.school() == null ? "" : user.school()) + "\t"
                            + (user.hasPassword() ? "" : Messages.userNoPassword));
                }
            }
            case "add" -> {
                Role role = Role.ofCliName(args.value("--role", "")).orElseThrow(() -> new UsageException(
                        Messages.bind(Messages.userBadRole, args.value("--role", ""), roles())));
                if (role == Role.SCHOOL_ADMINISTRATOR && !args.has("--school")) {
                    throw new UsageException(Messages.userNoSchool);
                }
                if (users.find(login).isPresent()) {
                    context.err().println(Messages.bind(Messages.userExists, login));
                    return FAILED;
                }
                if (role == Role.SCHOOL_ADMINISTRATOR) {
                    checkSchool(users, args.value("--school", ""));
                }
                char[] password = password(context);
                try {
                    users.add(login, role, args.value("--school", null), password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                context.out().println(Messages.bind(Messages.userAdded, login, role.cliName()));
            }
            case "passwd" -> {
                if (users.find(login).isEmpty()) {
                    context.err().println(Messages.bind(Messages.userUnknown, login));
                    return FAILED;
                }
                char[] password = password(context);
                try {
                    users.setPassword(login, password);
                } finally {
                    Arrays.fill(password, '\0');
                }
                context.out().println(Messages.bind(Messages.userPasswordSet, login));
            }
            case "role" -> {
                Role role = Role.ofCliName(args.value("--role", "")).orElseThrow(() -> new UsageException(
                        Messages.bind(Messages.userBadRole, args.value("--role", ""), roles())));
                if (role == Role.SCHOOL_ADMINISTRATOR && !args.has("--school")) {
                    throw new UsageException(Messages.userNoSchool);
                }
                if (users.find(login).isEmpty()) {
                    context.err().println(Messages.bind(Messages.userUnknown, login));
                    return FAILED;
                }
                if (role == Role.SCHOOL_ADMINISTRATOR) {
                    checkSchool(users, args.value("--school", ""));
                }
                users.setRole(login, role, args.value("--school", null));
                context.out().println(Messages.bind(Messages.userRoleSet, login, role.cliName()
                        + (role == Role.SCHOOL_ADMINISTRATOR ? " " + args.value("--school", "") : "")));
            }
            case "remove" -> {
                if (users.find(login).isEmpty()) {
                    context.err().println(Messages.bind(Messages.userUnknown, login));
                    return FAILED;
                }
                users.remove(login);
                context.out().println(Messages.bind(Messages.userRemoved, login));
            }
            default -> throw new UsageException(Messages.bind(Messages.userBadAction, action));
            }
            return OK;
        }
    }

    /** Refuses a school code that names no school of the repository's model, naming the schools there are. */
    private static void checkSchool(Users users, String code) throws UsageException {
        try {
            users.requireSchool(code);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String roles() {
        return String.join(", ", Arrays.stream(Role.values()).map(Role::cliName).toList());
    }

    /** The new password: OKO_NEW_PASSWORD, else asked twice on the terminal. */
    private static char[] password(CommandContext context) throws UsageException {
        String variable = System.getenv(PASSWORD_VARIABLE);
        char[] password;
        if (variable != null) {
            password = variable.toCharArray();
        } else {
            Console console = System.console();
            if (console == null) {
                throw new UsageException(Messages.bind(Messages.userNoTerminal, PASSWORD_VARIABLE));
            }
            password = console.readPassword(Messages.userPasswordPrompt);
            char[] again = console.readPassword(Messages.userPasswordAgain);
            if (password == null || again == null || !Arrays.equals(password, again)) {
                throw new UsageException(Messages.userPasswordsDiffer);
            }
            Arrays.fill(again, '\0');
        }
        if (password.length < MINIMUM_LENGTH) {
            throw new UsageException(Messages.bind(Messages.userPasswordShort, MINIMUM_LENGTH));
        }
        return password;
    }
}
