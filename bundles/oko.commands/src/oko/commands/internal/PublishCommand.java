package oko.commands.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringService;
import oko.publish.SitePublisher;
import oko.repository.OkoRepository;

/**
 * {@code ./oko publish --out DIR [--system CODE] [--period CODE] [--base-url URL] [--no-reports]}:
 * writes the system's static site section; with {@code --base-url}, records the publication links
 * of the published documents in one commit.
 */
public final class PublishCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--no-reports"), Set.of("--out", "--system", "--period", "--base-url"))
                .expectPositionals(0, 0);
        if (!args.has("--out")) {
            throw new UsageException(Messages.publishNoOut);
        }
        Path out = Path.of(args.value("--out", "")).toAbsolutePath().normalize();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UsageException(Messages.bind(Messages.publishOutNotFolder, out));
        }
        String baseUrl = args.has("--base-url") ? args.value("--base-url", "").strip() : null;
        if (baseUrl != null && !SitePublisher.isSectionAddress(baseUrl)) {
            throw new UsageException(Messages.bind(Messages.publishBadBaseUrl, baseUrl));
        }
        boolean reports = !args.has("--no-reports");
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = baseUrl != null ? repository.openTransaction() : repository.openView();
            try {
                OkoRepository.prefetch(view);
                List<EObject> roots = OkoRepository.roots(view);
                QualitySystem system = system(roots, args.value("--system", null));
                Period period = null;
                if (args.has("--period")) {
                    String code = args.value("--period", "");
                    period = MonitoringService.period(roots, code).orElse(null);
                    if (period == null) {
                        throw new UsageException(Messages.bind(Messages.publishNoSuchPeriod, code, codes(roots, true)));
                    }
                }
                SitePublisher.Result result;
                try {
                    result = SitePublisher.publish(system, period, out, new SitePublisher.Options(reports),
                            new NullProgressMonitor());
                } catch (IOException e) {
                    context.err().println(Messages.bind(Messages.publishWriteFailed, out, e.getMessage()));
                    return FAILED;
                }
                context.out().println(Messages.bind(Messages.publishWritten, new Object[] { result.files().size(),
                        result.changed().size(), result.removed().size(), out }));
                if (baseUrl != null) {
                    CDOTransaction transaction = (CDOTransaction) view;
                    int changed = SitePublisher.recordLinks(result, baseUrl);
                    if (transaction.isDirty() && !Repositories.commit(context, repository, transaction,
                            Messages.bind(Messages.publishComment, changed, baseUrl))) {
                        return FAILED;
                    }
                    context.out().println(Messages.bind(Messages.publishLinks, changed, result.documentPaths().size()));
                }
                return OK;
            } catch (RuntimeException e) {
                throw repository.explain(e);
            } finally {
                view.close();
            }
        }
    }

    /** The system of that code; without one, the only municipal or school system with directions. */
    private static QualitySystem system(List<EObject> roots, String code) throws UsageException {
        List<QualitySystem> candidates = OkoRepository.systems(roots).stream()
                .filter(system -> code != null ? code.equals(system.getCode()) : !system.getDirections().isEmpty())
                .toList();
        if (code != null && candidates.isEmpty()) {
            throw new UsageException(Messages.bind(Messages.publishNoSuchSystem, code, codes(roots, false)));
        }
        if (code == null && candidates.size() != 1) {
            throw new UsageException(Messages.bind(Messages.publishChooseSystem,
                    candidates.isEmpty() ? "—" : String.join(", ", candidates.stream().map(QualitySystem::getCode).toList())));
        }
        return candidates.get(0);
    }

    private static String codes(List<EObject> roots, boolean periods) {
        List<String> codes = periods ? OkoRepository.periods(roots).stream().map(Period::getCode).toList()
                : OkoRepository.systems(roots).stream().map(QualitySystem::getCode).toList();
        return codes.isEmpty() ? "—" : String.join(", ", codes);
    }
}
