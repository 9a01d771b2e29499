package oko.commands.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.exchange.ImportReport;
import oko.exchange.ImportSession;
import oko.exchange.ImportSettings;
import oko.exchange.ModelExport;
import oko.exchange.ModelImport;
import oko.exchange.ModelImports;
import oko.repository.CommitOutcomeUnknownException;
import oko.repository.OkoRepository;

/**
 * {@code ./oko register import|export organisations|persons FILE [--system CODE] [--period CODE]
 * [--create-clusters] [--dry-run]} and {@code ./oko table import|export roles|plan|techmap FILE
 * [--system CODE] [--dry-run]}: the registers and tables of {@link ModelImports}. An import prints
 * its report, then stores everything in one commit, or nothing when the file has an error (exit 1)
 * or with {@code --dry-run}; an export writes XLSX in the shape the import reads.
 */
public final class ExchangeCommand implements Command {

    /** The kinds the register command serves; the table command serves every other one. */
    static final Set<String> REGISTERS = Set.of("organisations", "persons");

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--create-clusters", "--dry-run"), Set.of("--system", "--period"));
        boolean register = context.commandName().equals("register");
        List<String> known = known(register);
        if (args.positionals().isEmpty()) {
            throw new UsageException(Messages.bind(Messages.exchangeUsage, context.commandName(), String.join("|", known)));
        }
        String action = args.positionals().get(0);
        if (!action.equals("import") && !action.equals("export")) {
            throw new UsageException(Messages.bind(Messages.exchangeBadAction, action, context.commandName()));
        }
        if (args.positionals().size() < 2) {
            throw new UsageException(Messages.bind(Messages.exchangeUsage, context.commandName(), String.join("|", known)));
        }
        String id = args.positionals().get(1);
        if (!known.contains(id)) {
            throw new UsageException(Messages.bind(Messages.exchangeUnknownKind, new Object[] { id,
                    context.commandName(), known.isEmpty() ? "—" : String.join(", ", known) }));
        }
        args.expectPositionals(3, 3);
        Path file = Path.of(args.positionals().get(2)).toAbsolutePath();
        String extension = extension(file);
        if (action.equals("export")) {
            Optional<ModelExport> export = ModelImports.exportOf(id);
            if (export.isEmpty()) {
                throw new UsageException(Messages.bind(Messages.exchangeNoExport, id));
            }
            if (!extension.equals("xlsx")) {
                throw new UsageException(Messages.bind(Messages.exchangeExportXlsx, file.getFileName()));
            }
            return export(context, args, export.get(), file);
        }
        ModelImport kind = ModelImports.importOf(id).orElseThrow();
        if (!Files.isRegularFile(file)) {
            throw new UsageException(Messages.bind(Messages.importNoFile, file));
        }
        if (!kind.extensions().contains(extension)) {
            throw new UsageException(Messages.bind(Messages.exchangeBadExtension, new Object[] { file.getFileName(), id,
                    String.join(", ", kind.extensions().stream().sorted().toList()) }));
        }
        ImportSettings settings = new ImportSettings(args.value("--period", null), args.has("--create-clusters"));
        return importFile(context, kind, file, settings, args.value("--system", null), args.has("--dry-run"));
    }

    /** The ids this command serves, in the order contributed. */
    private static List<String> known(boolean register) {
        List<String> ids = new ArrayList<>();
        for (ModelImport kind : ModelImports.imports()) {
            if (REGISTERS.contains(kind.id()) == register && !ids.contains(kind.id())) {
                ids.add(kind.id());
            }
        }
        return ids;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static int importFile(CommandContext context, ModelImport kind, Path file, ImportSettings settings,
            String systemCode, boolean dryRun) throws IOException {
        try (OkoRepository repository = Repositories.open(context)) {
            ImportSession session;
            try {
                session = ImportSession.open(repository, systemCode);
            } catch (IllegalArgumentException noSystem) {
                context.err().println(noSystem.getMessage());
                return FAILED;
            }
            try (session) {
                ModelImport.Prepared prepared;
                try {
                    prepared = session.prepare(kind, file, settings, new NullProgressMonitor());
                } catch (IOException unreadable) {
                    context.err().println(unreadable.getMessage());
                    context.err().println(Messages.exchangeNothingStored);
                    return FAILED;
                }
                ImportReport report = prepared.report();
                if (report.hasErrors()) {
                    report.lines().forEach(context.err()::println);
                    context.err().println(Messages.bind(Messages.exchangeErrors, report.errorCount(), file.getFileName()));
                    context.err().println(Messages.exchangeNothingStored);
                    return FAILED;
                }
                report.lines().forEach(context.out()::println);
                if (dryRun) {
                    context.out().println(Messages.exchangeDryRun);
                    return OK;
                }
                if (!changes(report)) {
                    context.out().println(Messages.exchangeNoChange);
                    return OK;
                }
                String comment = Messages.bind(Messages.exchangeComment, new Object[] { kind.id(), file.getFileName(),
                        session.system().getCode() });
                try {
                    session.commit(prepared, comment, new NullProgressMonitor());
                } catch (CommitOutcomeUnknownException unknown) {
                    // the connection broke during the commit: find out what the server did
                    context.err().println(unknown.getMessage());
                    if (!Repositories.settle(context, repository.label(), unknown)) {
                        return FAILED;
                    }
                }
                context.out().println(Messages.bind(Messages.exchangeStored, session.system().getCode(), summary(report)));
                return OK;
            } catch (RuntimeException e) {
                // the server stopped or died before the commit: say so, not CDO's "Not active"
                throw repository.explain(e);
            }
        }
    }

    private static int export(CommandContext context, ParsedArguments args, ModelExport export, Path file)
            throws IOException {
        try (OkoRepository repository = Repositories.open(context)) {
            ImportSession session;
            try {
                session = ImportSession.open(repository, args.value("--system", null));
            } catch (IllegalArgumentException noSystem) {
                context.err().println(noSystem.getMessage());
                return FAILED;
            }
            try (session) {
                export.write(session.system(), file);
                context.out().println(Messages.bind(Messages.exchangeExported, new Object[] { export.id(), file,
                        session.system().getCode() }));
                return OK;
            } catch (IOException notWritten) {
                context.err().println(notWritten.getMessage());
                return FAILED;
            } catch (RuntimeException e) {
                throw repository.explain(e);
            }
        }
    }

    private static boolean changes(ImportReport report) {
        return report.counts().values().stream().anyMatch(c -> c[0] + c[1] > 0);
    }

    /** "Организации: создано 3, обновлено 1; Кластеры: создано 1, обновлено 0". */
    private static String summary(ImportReport report) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, int[]> count : report.counts().entrySet()) {
            parts.add(Messages.bind(Messages.exchangeCount, new Object[] { count.getKey(), count.getValue()[0],
                    count.getValue()[1] }));
        }
        return String.join("; ", parts);
    }
}
