package oko.commands.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.common.util.URI;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.repository.OkoRepository;
import oko.repository.exchange.ImportException;
import oko.repository.exchange.SampleModel;
import oko.repository.exchange.XmiImporter;

/** {@code ./oko import FILE.xmi… | --sample [--replace]}: one commit, or no change at all. */
public final class ImportCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--sample", "--replace"), Set.of());
        boolean sample = args.has("--sample");
        if (!sample && args.positionals().isEmpty()) {
            throw new UsageException(Messages.importNothing);
        }
        if (sample && !args.positionals().isEmpty()) {
            throw new UsageException(Messages.importSampleAndFiles);
        }
        List<URI> files = new ArrayList<>();
        for (String name : args.positionals()) {
            Path file = Path.of(name).toAbsolutePath();
            if (!Files.isRegularFile(file)) {
                throw new UsageException(Messages.bind(Messages.importNoFile, name));
            }
            files.add(URI.createFileURI(file.toString()));
        }
        try (OkoRepository repository = Repositories.open(context)) {
            XmiImporter.Result result;
            if (sample) {
                List<URI> samples = oko.core.modules.Modules.samples();
                if (samples.isEmpty()) {
                    context.err().println(Messages.importNoSample);
                    return FAILED;
                }
                result = SampleModel.load(repository, samples, args.has("--replace"), new NullProgressMonitor());
            } else {
                List<String> names = args.positionals().stream().map(n -> Path.of(n).getFileName().toString()).toList();
                result = XmiImporter.importFiles(repository, files, args.has("--replace"),
                        XmiImporter.comment(names),
                        new NullProgressMonitor());
            }
            result.warnings().forEach(context.err()::println);
            context.out().println(Messages.bind(Messages.imported, new Object[] { result.objects(),
                    String.join(", ", result.resources()), result.commit().getTimeStamp() }));
            return OK;
        } catch (ImportException e) {
            if (e.getCause() instanceof oko.repository.CommitOutcomeUnknownException unknown) {
                // the connection broke during the commit: find out what the server did
                context.err().println(unknown.getMessage());
                String label = context.options().server().map(Object::toString).orElse("");
                return Repositories.settle(context, label, unknown) ? OK : FAILED;
            }
            context.err().println(Messages.importFailed);
            for (String problem : e.problems()) {
                context.err().println("  " + problem);
            }
            return FAILED;
        }
    }
}
