package oko.commands.internal;

import java.nio.file.Path;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.view.CDOView;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.repository.OkoRepository;
import oko.repository.exchange.XmiExporter;

/** {@code ./oko export --out FILE.xmi [--system CODE]}. */
public final class ExportCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--out", "--system")).expectPositionals(0, 0);
        if (!args.has("--out")) {
            throw new UsageException(Messages.exportNoOut);
        }
        Path out = Path.of(args.value("--out", "")).toAbsolutePath();
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = repository.openView();
            try {
                java.util.List<String> warnings = new java.util.ArrayList<>();
                int count = XmiExporter.export(view, out, args.value("--system", null), new NullProgressMonitor(),
                        warnings);
                warnings.forEach(context.err()::println);
                context.out().println(Messages.bind(Messages.exported, count, out));
            } catch (IllegalArgumentException noSuchSystem) {
                context.err().println(noSuchSystem.getMessage());
                return FAILED;
            } finally {
                view.close();
            }
        }
        return OK;
    }
}
