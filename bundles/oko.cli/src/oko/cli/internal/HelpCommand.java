package oko.cli.internal;

import java.io.PrintStream;
import java.util.Set;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.CommandDescriptor;
import oko.cli.UsageException;

/** {@code ./oko help [COMMAND]}: the command list with the global options, or one command's usage. */
public final class HelpCommand implements Command {

    @Override
    public int run(CommandContext context) throws UsageException {
        ParsedArguments args = context.parse(Set.of(), Set.of()).expectPositionals(0, 1);
        PrintStream out = context.out();
        if (args.positionals().size() == 1) {
            String name = args.positionals().get(0);
            CommandDescriptor command = context.catalog().find(name)
                    .orElseThrow(() -> new UsageException(Messages.bind(Messages.unknownCommand, name)));
            out.println("./oko " + command.usage());
            out.println("    " + command.description());
            return OK;
        }
        out.println(Messages.helpHeader);
        out.println(Messages.helpUsage);
        out.println();
        out.println(Messages.helpCommands);
        int width = context.catalog().commands().stream().mapToInt(c -> c.usage().length()).max().orElse(0);
        for (CommandDescriptor command : context.catalog().commands()) {
            out.printf("  %-" + width + "s   %s%n", command.usage(), command.description());
        }
        out.println();
        out.println(Messages.helpGlobalOptions);
        out.printf("  %-18s %s%n", "--data DIR", Messages.helpOptionData);
        out.printf("  %-18s %s%n", "--server HOST:PORT", Messages.helpOptionServer);
        out.printf("  %-18s %s%n", "-nl ru|en", Messages.helpOptionNl);
        out.println();
        out.println(Messages.helpExitCodes);
        out.println(Messages.helpMore);
        return OK;
    }
}
