package oko.commands.internal;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;
import oko.reports.data.ModelRows;

/**
 * {@code ./oko report list} and {@code ./oko report ID --format pdf|html|xlsx|docx --out FILE
 * [--param name=value]… [--system CODE]}: the catalogue (contributed layouts and DATA/reports/*.rptdesign)
 * and rendering one over a quality system of the repository, the layout's parameter {@code system}
 * ({@code --system CODE} is {@code --param system=CODE}; with one system in the repository it is the default).
 */
public final class ReportCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        // --param may repeat: taken out before the usual parsing
        List<String> rest = new ArrayList<>();
        Map<String, String> parameters = new LinkedHashMap<>();
        List<String> arguments = context.arguments();
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).equals("--param")) {
                String pair = i + 1 < arguments.size() ? arguments.get(++i) : "";
                int equals = pair.indexOf('=');
                if (equals <= 0) {
                    throw new UsageException(Messages.bind(Messages.reportBadParam, pair));
                }
                parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
            } else {
                rest.add(arguments.get(i));
            }
        }
        CommandContext remaining = new CommandContext(context.commandName(), rest, context.options(), context.catalog(),
                context.out(), context.err());
        ParsedArguments args = remaining.parse(Set.of(), Set.of("--format", "--out", "--system")).expectPositionals(1, 1);
        Path folder = context.options().dataDirectory().resolve("reports");
        List<Layout> catalogue = Reports.catalogue(folder);
        String id = args.positionals().get(0);
        if (id.equals("list")) {
            for (Layout layout : catalogue) {
                context.out().println(layout.id() + "\t" + (layout.problem() == null ? layout.origin() : layout.problem()));
            }
            return OK;
        }
        Layout layout = catalogue.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow(() -> new UsageException(
                Messages.bind(Messages.reportUnknown, id, String.join(", ", catalogue.stream().map(Layout::id).toList()))));
        Format format = Format.of(args.value("--format", "pdf")).orElseThrow(
                () -> new UsageException(Messages.bind(Messages.reportBadFormat, args.value("--format", ""))));
        if (!args.has("--out")) {
            throw new UsageException(Messages.reportNoOut);
        }
        if (layout.problem() != null) {
            context.err().println(layout.problem());
            return FAILED;
        }
        List<String> known = Reports.parameters(layout).stream().map(Reports.Parameter::name).toList();
        // --system CODE is the layout's parameter "system" when it declares one
        String system = args.value("--system", null);
        if (system != null && known.contains(ModelRows.SYSTEM)) {
            String given = parameters.putIfAbsent(ModelRows.SYSTEM, system);
            if (given != null && !given.equals(system)) {
                throw new UsageException(Messages.bind(Messages.reportTwoSystems, system, given));
            }
            system = null;
        }
        for (String name : parameters.keySet()) {
            if (!known.contains(name)) {
                throw new UsageException(Messages.bind(Messages.reportUnknownParam, new Object[] { id, name,
                        known.isEmpty() ? "—" : String.join(", ", known) }));
            }
        }
        Path out = Path.of(args.value("--out", "")).toAbsolutePath();
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = repository.openView();
            try {
                // every system: a layout with the parameter "system" reports on the one it names (an
                // unknown one is refused with the known ones); an older layout on those --system keeps
                List<QualitySystem> systems = systems(OkoRepository.roots(view), system);
                if (systems.isEmpty()) {
                    throw new UsageException(Messages.bind(Messages.reportNoSystem, system == null ? "—" : system));
                }
                Files.createDirectories(out.getParent());
                try (OutputStream stream = Files.newOutputStream(out)) {
                    Reports.render(layout, format, parameters, systems, stream, out.getParent().resolve(
                            out.getFileName() + "-images"));
                } catch (IllegalArgumentException badParameter) {
                    Files.deleteIfExists(out);
                    throw new UsageException(badParameter.getMessage());
                } catch (Exception failed) {
                    // no partial report is left behind
                    Files.deleteIfExists(out);
                    throw failed;
                }
                context.out().println(Messages.bind(Messages.reportWritten, id, out));
            } finally {
                view.close();
            }
        }
        return OK;
    }

    /** The system of that code, or every system of the repository. */
    private static List<QualitySystem> systems(List<EObject> roots, String code) {
        List<QualitySystem> systems = new ArrayList<>();
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    if (code == null || code.equals(system.getCode())) {
                        systems.add(system);
                    }
                }
            }
        }
        return systems;
    }
}
