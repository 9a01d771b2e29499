package oko.commands.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.cycle.CycleEvidence;
import oko.cycle.CycleEvidence.CycleState;
import oko.cycle.CycleEvidence.DirectionResult;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.StageKind;
import oko.monitoring.MonitoringService;
import oko.repository.OkoRepository;

/**
 * {@code ./oko cycle [--system CODE] [--period CODE] [--strict]}: the state of the management cycle
 * of every direction ({@link CycleEvidence#evaluate}) as a tab-separated table: the direction's code
 * and name, the score 0–100 of each of the six stages (columns named after the stages: goals,
 * indicators, monitoring, analysis, measures, effectiveness), the direction's score, its state
 * ({@code full}, {@code incomplete}, {@code not-described}) and its incomplete stages (stage names,
 * comma-separated). Standard error says which system, period and day were evaluated.
 * <p>
 * Without {@code --period}: the latest period that has begun (by start date). Without
 * {@code --system}: among the systems with directions, the first with monitoring data for the
 * period (as {@code monitor} chooses), else the only one; with several and none with data the
 * command asks for {@code --system} (exit 2).
 * <p>
 * Exit codes: 0; 1 with {@code --strict} when a direction's cycle is not full — incomplete <em>or
 * not described</em> (a direction of the system without a described cycle is not a full cycle
 * either; the federal assessment counts it as incomplete), or when the repository has no system
 * with directions or no period; 2 for a bad option (unknown option, an unknown system or period code).
 */
public final class CycleCommand implements Command {

    /** The header of the table. */
    public static final List<String> HEADER;
    static {
        List<String> header = new ArrayList<>(List.of("direction", "name"));
        StageKind.VALUES.forEach(stage -> header.add(column(stage)));
        header.addAll(List.of("score", "state", "incomplete"));
        HEADER = List.copyOf(header);
    }

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of("--strict"), Set.of("--system", "--period")).expectPositionals(0, 0);
        String systemCode = args.value("--system", null);
        String periodCode = args.value("--period", null);
        LocalDate today = LocalDate.now();
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = repository.openView();
            try {
                OkoRepository.prefetch(view);
                List<EObject> roots = OkoRepository.roots(view);
                Period period = period(roots, periodCode, today);
                if (period == null) {
                    context.err().println(Messages.cycleNoPeriod);
                    return FAILED;
                }
                QualitySystem system = system(roots, systemCode, period);
                if (system == null) {
                    context.err().println(Messages.cycleNoSystem);
                    return FAILED;
                }
                List<DirectionResult> directions = CycleEvidence.evaluate(system, period, today);
                context.out().println(String.join("\t", HEADER));
                for (DirectionResult direction : directions) {
                    context.out().println(String.join("\t", line(direction)));
                }
                Map<CycleState, Long> counts = new LinkedHashMap<>();
                for (CycleState state : CycleState.values()) {
                    counts.put(state, directions.stream().filter(d -> d.state() == state).count());
                }
                context.err().println(Messages.bind(Messages.cycleSummary, new Object[] { system.getCode(),
                        period.getCode(), today.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")), directions.size(),
                        counts.get(CycleState.FULL), counts.get(CycleState.INCOMPLETE),
                        counts.get(CycleState.NOT_DESCRIBED) }));
                List<String> notFull = directions.stream().filter(d -> d.state() != CycleState.FULL)
                        .map(d -> d.direction().getCode()).toList();
                if (args.has("--strict") && !notFull.isEmpty()) {
                    context.err().println(Messages.bind(Messages.cycleStrictFailed, notFull.size(),
                            String.join(", ", notFull)));
                    return FAILED;
                }
                return OK;
            } catch (RuntimeException e) {
                throw repository.explain(e);
            } finally {
                view.close();
            }
        }
    }

    /** A stage's column: its name in lower case (goals, indicators, …). */
    static String column(StageKind stage) {
        return stage.getName().toLowerCase(Locale.ROOT);
    }

    /** The state as printed: full, incomplete, not-described. */
    static String state(CycleState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<String> line(DirectionResult direction) {
        List<String> cells = new ArrayList<>();
        cells.add(text(direction.direction().getCode()));
        cells.add(text(direction.direction().getName()));
        for (StageKind stage : StageKind.VALUES) {
            cells.add(direction.stages().stream().filter(s -> s.stage() == stage).findFirst()
                    .map(s -> Integer.toString(s.score())).orElse(""));
        }
        cells.add(Integer.toString(direction.score()));
        cells.add(state(direction.state()));
        cells.add(direction.incomplete().stream().map(CycleCommand::column).collect(Collectors.joining(",")));
        return cells;
    }

    /** A value on one line without tabs (the seeds' names carry line breaks of their layout). */
    private static String text(String value) {
        return value == null ? "" : value.replaceAll("\\s+", " ").strip();
    }

    /**
     * The period of that code (an unknown one is a usage error naming the known ones); without a
     * code the latest that has begun on {@code today} (by start date; one without a start date
     * counts as begun), or null when the repository has none.
     */
    static Period period(List<EObject> roots, String code, LocalDate today) throws UsageException {
        List<Period> periods = OkoRepository.periods(roots);
        if (code != null) {
            return periods.stream().filter(p -> code.equals(p.getCode())).findFirst()
                    .orElseThrow(() -> new UsageException(Messages.bind(Messages.cycleUnknownPeriod, code,
                            codes(periods.stream().map(Period::getCode).toList()))));
        }
        return periods.stream().filter(p -> p.getStartDate() == null || !date(p.getStartDate()).isAfter(today))
                .max(Comparator.comparing((Period p) -> p.getStartDate() == null ? LocalDate.MIN : date(p.getStartDate())))
                .orElse(null);
    }

    /**
     * The system of that code (an unknown one is a usage error naming the known ones); without a
     * code, among the systems with directions the first with monitoring data for the period, else
     * the only one; null when there is none; a usage error asking for --system when several are
     * left to choose from.
     */
    static QualitySystem system(List<EObject> roots, String code, Period period) throws UsageException {
        List<QualitySystem> systems = OkoRepository.systems(roots);
        if (code != null) {
            return systems.stream().filter(s -> code.equals(s.getCode())).findFirst()
                    .orElseThrow(() -> new UsageException(Messages.bind(Messages.cycleUnknownSystem, code,
                            codes(systems.stream().map(QualitySystem::getCode).toList()))));
        }
        List<QualitySystem> withDirections = systems.stream().filter(s -> !s.getDirections().isEmpty()).toList();
        for (QualitySystem withData : MonitoringService.systemsWithData(roots, period)) {
            if (withDirections.contains(withData)) {
                return withData;
            }
        }
        if (withDirections.size() > 1) {
            throw new UsageException(Messages.bind(Messages.cycleChooseSystem, period.getCode(),
                    codes(withDirections.stream().map(QualitySystem::getCode).toList())));
        }
        return withDirections.isEmpty() ? null : withDirections.get(0);
    }

    private static String codes(List<String> codes) {
        List<String> known = codes.stream().filter(c -> c != null && !c.isBlank()).toList();
        return known.isEmpty() ? "—" : String.join(", ", known);
    }

    private static LocalDate date(Date date) {
        return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }
}
