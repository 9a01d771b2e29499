package oko.commands.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Set;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.ecore.EObject;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.model.Organisation;
import oko.model.edit.ModelLabels;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.monitoring.Correlation;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringEngine.IndicatorResult;
import oko.monitoring.Effectiveness;
import oko.monitoring.MonitoringService;
import oko.monitoring.RawValueImport;
import oko.monitoring.Recommendations;
import oko.monitoring.RiskGroups;
import oko.repository.OkoRepository;

/**
 * {@code ./oko monitor compute|risk|recommend|effect|correlate A B --period CODE [--system CODE]}:
 * tab-separated tables with a header, so they can be diffed, each the {@link MonitoringService}
 * action of the same name. {@code compute} stores the values and the risk lists in the repository
 * (as the workbench does), {@code risk} the risk lists, {@code recommend} the recommendations, {@code effect}
 * the measures' conclusions; running again replaces them. {@code correlate} only prints.
 */
public final class MonitorCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--period", "--system", "--format"))
                .expectPositionals(1, 3);
        String action = args.positionals().get(0);
        if (!Set.of("compute", "risk", "import", "recommend", "effect", "correlate").contains(action)) {
            throw new UsageException(Messages.bind(Messages.monitorUnknownAction, action));
        }
        java.nio.file.Path file = null;
        RawValueImport.Layout layout = null; // detected from the header unless --format says

        if (action.equals("import")) {
            if (args.positionals().size() != 2) {
                throw new UsageException(Messages.monitorNoFile);
            }
            file = java.nio.file.Path.of(args.positionals().get(1));
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new UsageException(Messages.bind(Messages.importNoFile, file));
            }
            if (args.has("--format")) {
                String format = args.value("--format", "");
                if (!format.equals("long") && !format.equals("wide")) {
                    throw new UsageException(Messages.bind(Messages.monitorBadFormat, format));
                }
                layout = format.equals("wide") ? RawValueImport.Layout.WIDE : RawValueImport.Layout.LONG;
            }
        } else if (action.equals("correlate")) {
            if (args.positionals().size() != 3) {
                throw new UsageException(Messages.monitorCorrelateUsage);
            }
        } else if (args.positionals().size() != 1) {
            throw new UsageException(Messages.bind(Messages.monitorUnknownAction, args.positionals().get(1)));
        }
        if (!args.has("--period") && !action.equals("import")) {
            throw new UsageException(Messages.monitorNoPeriod);
        }
        // import without --period: each row's period from the file's period column (periodCode null)
        String periodCode = args.has("--period") ? args.value("--period", "") : null;
        try (OkoRepository repository = Repositories.open(context)) {
            CDOTransaction transaction = repository.openTransaction();
            // an import or a computation changes thousands of stored values: one subscription request
            OkoRepository.ManyChanges changes = OkoRepository.manyChanges(transaction);
            List<String> afterCommit = new ArrayList<>();
            try {
                OkoRepository.prefetch(transaction);
                List<EObject> roots = OkoRepository.roots(transaction);
                Period period = periodCode == null ? null : MonitoringService.period(roots, periodCode).orElse(null);
                if (period == null && periodCode != null) {
                    context.err().println(Messages.bind(Messages.monitorNoSuchPeriod, periodCode));
                    return FAILED;
                }
                QualitySystem system = action.equals("import") && !args.has("--system")
                        ? MonitoringService.importTargets(roots, period).stream().findFirst().orElse(null)
                        : MonitoringService.system(roots, args.value("--system", null), period).orElse(null);
                if (system == null) {
                    context.err().println(periodCode == null ? Messages.monitorNoSystemToImport
                            : Messages.bind(Messages.monitorNoSystem, periodCode));
                    return FAILED;
                }
                String comment;
                if (action.equals("import")) {
                    // read as a stream, checked first, the values created as read: one commit below
                    RawValueImport.Imported checked;
                    try {
                        checked = MonitoringService.importValues(file, layout, system, period);
                    } catch (RawValueImport.NoPeriodColumn e) {
                        throw new UsageException(e.getMessage());
                    }
                    if (!checked.ok()) {
                        context.err().println(Messages.bind(Messages.monitorImportFailed, file, checked.problemCount()));
                        checked.problems().forEach(p -> context.err().println("  " + p));
                        return FAILED;
                    }
                    RawValueImport.Stored stored = checked.stored();
                    // said once the commit succeeded, not before
                    String periods = periodCode != null ? periodCode : periods(stored);
                    afterCommit.add(Messages.bind(Messages.monitorImported, new Object[] { stored.values(), file,
                            checked.encoding(), periods }));
                    afterCommit.add(Messages.bind(Messages.monitorImportedInto, new Object[] {
                            checked.layout() == RawValueImport.Layout.WIDE ? "wide" : "long", stored.replaced(),
                            system.getCode(), String.join("; ", stored.runs().stream().map(r -> r.getName()).toList()) }));
                    comment = Messages.bind(Messages.monitorImportComment, file.getFileName(),
                            periodCode != null ? periodCode : String.join(", ",
                                    stored.perPeriod().keySet().stream().map(Period::getCode).toList()));
                } else if (action.equals("compute")) {
                    // values and risk lists, as the workbench's Compute indicators
                    // a region: its municipal systems first (stored too), then its own indicators
                    MonitoringService.Computed computed = MonitoringService.compute(system, period);
                    for (MonitoringService.Computed below : computed.below()) {
                        below.badValues().forEach(p -> context.err().println(Messages.bind(Messages.monitorBadValue, p)));
                        context.err().println(Messages.bind(Messages.monitorComputedBelow, new Object[] {
                                below.results().system().getCode(), below.storedValues(), below.storedLists() }));
                    }
                    computed.badValues().forEach(p -> context.err().println(Messages.bind(Messages.monitorBadValue, p)));
                    for (IndicatorResult result : computed.results().current()) {
                        MonitoringEngine.Aggregate aggregate = result.aggregate();
                        if (aggregate != null) {
                            context.err().println(Messages.bind(Messages.monitorAggregate, new Object[] {
                                    result.indicator().getCode(), ModelLabels.literal(aggregate.kind()),
                                    aggregate.withValue(), aggregate.units(), aggregate.withoutValue().isEmpty() ? "—"
                                            : String.join(", ", aggregate.withoutValue().keySet()) }));
                        }
                    }
                    printValues(context.out(), computed.results().current());
                    comment = Messages.bind(Messages.monitorComputeComment, system.getCode(), periodCode);
                } else if (action.equals("risk")) {
                    MonitoringService.RiskLists lists = MonitoringService.riskGroups(system, period);
                    printRisk(context.out(), lists.lists());
                    comment = Messages.bind(Messages.monitorRiskComment, system.getCode(), periodCode);
                } else if (action.equals("recommend")) {
                    Recommendations.Outcome outcome = MonitoringService.recommend(system, period);
                    outcome.problems().forEach(p -> context.err().println(p));
                    printRecommendations(context.out(), outcome);
                    context.err().println(Messages.bind(Messages.monitorRecommended, new Object[] {
                            outcome.recommendations().size(), outcome.created(), outcome.updated(), outcome.removed() }));
                    comment = Messages.bind(Messages.monitorRecommendComment, system.getCode(), periodCode);
                } else if (action.equals("effect")) {
                    printEffectiveness(context.out(), MonitoringService.effectiveness(system, period));
                    comment = Messages.bind(Messages.monitorEffectComment, system.getCode(), periodCode);
                } else {
                    MonitoringService.Correlated correlated = MonitoringService.correlate(system, period,
                            args.positionals().get(1), args.positionals().get(2));
                    if (correlated.result() == null) {
                        context.err().println(Messages.bind(Messages.monitorNoIndicator, correlated.missing(), periodCode));
                        return FAILED;
                    }
                    Correlation.Result correlation = correlated.result();
                    context.out().println(String.join("\t", "a", "b", "schools", "pearson", "spearman"));
                    context.out().println(String.join("\t", correlated.a().indicator().getCode(),
                            correlated.b().indicator().getCode(), Integer.toString(correlation.schools()),
                            number(correlation.pearson()), number(correlation.spearman())));
                    comment = null;
                }
                if (comment != null && transaction.isDirty()
                        && !Repositories.commit(context, repository, transaction, comment)) {
                    return FAILED;
                }
                afterCommit.forEach(context.out()::println);
                return OK;
            } catch (RuntimeException e) {
                // the server stopped or died before the commit: say so, not CDO's "Not active"
                throw repository.explain(e);
            } finally {
                transaction.close(); // before the scope: nothing left to subscribe to
                changes.close();
            }
        }
    }

    /** The periods a file without --period was stored into, with their numbers of values: «2022 (10), 2023 (12)». */
    private static String periods(RawValueImport.Stored stored) {
        List<String> periods = new ArrayList<>();
        stored.perPeriod().forEach((period, values) -> periods.add(period.getCode() + " (" + values + ")"));
        return String.join(", ", periods);
    }

    private static void printValues(PrintStream out, List<IndicatorResult> results) {
        out.println(String.join("\t", "indicator", "school", "cluster", "value", "rank", "scaled", "cluster_median",
                "median", "mean", "no_value_reason"));
        for (IndicatorResult result : results) {
            for (MonitoringEngine.SchoolResult school : result.schools()) {
                Organisation org = school.school();
                boolean present = school.value().present();
                out.println(String.join("\t", result.indicator().getCode(), org.getCode(),
                        org.getCluster() == null ? "" : org.getCluster().getCode(),
                        present ? number(school.value().number()) : "",
                        school.rank() == null ? "" : school.rank().toString(),
                        school.scaled() == null ? "" : number(school.scaled()),
                        number(result.clusterMedian(org)), number(result.overall().median()),
                        number(result.overall().mean()), present ? "" : school.value().reason()));
            }
        }
    }

    private static void printRisk(PrintStream out, List<RiskGroups.RiskListResult> lists) {
        out.println(String.join("\t", "group", "school", "status"));
        for (RiskGroups.RiskListResult list : lists) {
            List<String> rows = new ArrayList<>();
            list.entered().forEach(s -> rows.add(list.group().getCode() + "\t" + s.getCode() + "\tentered"));
            list.stayed().forEach(s -> rows.add(list.group().getCode() + "\t" + s.getCode() + "\tstayed"));
            list.left().forEach(s -> rows.add(list.group().getCode() + "\t" + s.getCode() + "\tleft"));
            rows.stream().sorted().forEach(out::println);
        }
    }

    private static void printRecommendations(PrintStream out, Recommendations.Outcome outcome) {
        out.println(String.join("\t", "rule", "addressee", "indicator", "value", "threshold", "status", "text"));
        for (Recommendation recommendation : outcome.recommendations()) {
            String addressee = recommendation.getAddresseeGroup() != null ? recommendation.getAddresseeGroup().getCode()
                    : recommendation.getAddresseeLevel() != null && recommendation.getAddresseeSchools().isEmpty()
                            ? recommendation.getAddresseeLevel().getName()
                            : recommendation.getAddresseeSchools().stream().map(Organisation::getCode)
                                    .collect(java.util.stream.Collectors.joining(","));
            out.println(String.join("\t", recommendation.getRule().getCode(), addressee,
                    recommendation.getBasisIndicator() == null ? "" : recommendation.getBasisIndicator().getCode(),
                    recommendation.getValue() == null ? "" : number(recommendation.getValue()),
                    recommendation.getThreshold() == null ? "" : number(recommendation.getThreshold()),
                    recommendation.getStatus().getName(), recommendation.getText()));
        }
    }

    private static void printEffectiveness(PrintStream out, Effectiveness.Analysis analysis) {
        out.println(String.join("\t", "measure", "indicator", "with_schools", "with_change", "without_schools",
                "without_change", "effect", "effective"));
        for (Effectiveness.Row row : analysis.rows()) {
            out.println(String.join("\t", row.measure().getNumber() == null ? "" : row.measure().getNumber(),
                    row.indicator().getCode(), Integer.toString(row.withSchools()), number(row.withChange()),
                    Integer.toString(row.withoutSchools()), number(row.withoutChange()), number(row.effect()),
                    row.effective() ? "yes" : "no"));
        }
        out.println();
        out.println(String.join("\t", "direction", "measures", "rows", "effective_rows", "mean_effect"));
        for (Effectiveness.DirectionSummary summary : analysis.directions()) {
            out.println(String.join("\t", summary.direction() == null ? "" : summary.direction().getCode(),
                    Integer.toString(summary.measures()), Integer.toString(summary.rows()),
                    Integer.toString(summary.effective()), number(summary.meanEffect())));
        }
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? number(value.getAsDouble()) : "";
    }

    static String number(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
