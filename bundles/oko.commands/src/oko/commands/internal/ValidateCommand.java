package oko.commands.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.core.validation.OkoValidation;
import oko.core.validation.OkoValidation.Problem;
import oko.repository.OkoRepository;
import oko.repository.exchange.XmiFiles;

/**
 * {@code ./oko validate [FILE.xmi]}: the Oko rules over the repository (or a model file), one line
 * per diagnostic — severity, rule id, object path, message — then a summary; exit 1 on errors.
 */
public final class ValidateCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of()).expectPositionals(0, 1);
        if (args.positionals().size() == 1) {
            return validateFile(context, Path.of(args.positionals().get(0)));
        }
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = repository.openView();
            try {
                OkoRepository.prefetch(view);
                List<EObject> roots = OkoRepository.roots(view);
                if (roots.isEmpty()) {
                    context.out().println(Messages.validateEmpty);
                    return OK;
                }
                return report(context, roots);
            } finally {
                view.close();
            }
        }
    }

    private static int validateFile(CommandContext context, Path file) throws UsageException {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(Messages.bind(Messages.importNoFile, file));
        }
        ResourceSet set = XmiFiles.resourceSet();
        List<String> problems = new ArrayList<>();
        Resource resource = XmiFiles.loadReporting(set, URI.createFileURI(file.toAbsolutePath().toString()), problems);
        if (problems.isEmpty()) {
            EcoreUtil.resolveAll(set);
        }
        if (!problems.isEmpty() || resource == null) {
            context.err().println(Messages.validateFileErrors);
            problems.forEach(p -> context.err().println("  " + p));
            return FAILED;
        }
        return report(context, new ArrayList<>(resource.getContents()));
    }

    private static int report(CommandContext context, List<EObject> roots) {
        List<Problem> problems = OkoValidation.validate(roots, new NullProgressMonitor());
        for (Problem problem : problems) {
            context.out().println(problem.line());
        }
        long errors = OkoValidation.errors(problems);
        long warnings = problems.stream().filter(p -> p.severity() == org.eclipse.emf.common.util.Diagnostic.WARNING)
                .count();
        int objects = OkoRepository.count(roots);
        context.out().println(Messages.bind(Messages.validateSummary, new Object[] { errors, warnings, objects }));
        return errors > 0 ? FAILED : OK;
    }
}
