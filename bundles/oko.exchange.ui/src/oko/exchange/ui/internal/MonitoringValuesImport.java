package oko.exchange.ui.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.emf.ecore.EObject;

import oko.exchange.ImportReport;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.model.ModelRoot;
import oko.model.MonitoringRun;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.model.RawValue;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.RawValueImport;

/**
 * Raw monitoring values (as {@code ./oko monitor import}) offered by the import wizard like the
 * contributed tables: the file is checked by {@link RawValueImport#check} (the period of the
 * settings, or each row's own from the file's period column), the values stored by
 * {@link RawValueImport#storeAll} when applied.
 */
final class MonitoringValuesImport implements ModelImport {

    static final String ID = "monitoring";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String label() {
        return Messages.kindMonitoring;
    }

    @Override
    public Set<String> extensions() {
        return Set.of("csv", "xlsx");
    }

    @Override
    public Prepared prepare(Path file, QualitySystem system, ImportSettings settings, IProgressMonitor monitor)
            throws IOException {
        String name = file.getFileName().toString();
        ImportReport report = new ImportReport(name);
        Period period = settings.period() == null ? null : period(system, settings.period());
        RawValueImport.Checked checked;
        try {
            checked = RawValueImport.check(file, null, system, period);
        } catch (RawValueImport.NoPeriodColumn e) {
            report.error(0, null, strip(name, e.getMessage()));
            return prepared(report, system, null, List.of());
        }
        checked.problems().forEach(p -> report.error(0, null, strip(name, p)));
        report.header(List.of(Messages.monitoringHeaderSchool, Messages.monitoringHeaderPeriod,
                Messages.monitoringHeaderMeasure, Messages.monitoringHeaderValue));
        Map<Period, Set<String>> existing = new HashMap<>();
        for (RawValueImport.Row row : checked.rows()) {
            Period of = row.period() != null ? row.period() : period;
            Set<String> stored = existing.computeIfAbsent(of, p -> stored(system, p));
            if (stored.contains(row.school().getCode() + "\n" + row.measure().getCode())) {
                report.updated(Messages.monitoringValues);
            } else {
                report.created(Messages.monitoringValues);
            }
            report.previewRow(List.of(row.school().getCode(), of.getCode(), row.measure().getCode(),
                    Double.toString(row.value())));
        }
        return prepared(report, system, period, checked.rows());
    }

    /** The problems of RawValueImport name the file first; the report adds it itself. */
    private static String strip(String name, String problem) {
        for (String prefix : List.of(name + ", ", name + ": ")) {
            if (problem.startsWith(prefix)) {
                return problem.substring(prefix.length());
            }
        }
        return problem;
    }

    private static Set<String> stored(QualitySystem system, Period period) {
        Set<String> keys = new HashSet<>();
        for (MonitoringRun run : MonitoringEngine.runs(system, period)) {
            for (RawValue value : run.getRawValues()) {
                String code = value.getCode() != null ? value.getCode()
                        : value.getElement() != null ? value.getElement().getCode() : null;
                if (value.getOrganisation() != null && code != null) {
                    keys.add(value.getOrganisation().getCode() + "\n" + code);
                }
            }
        }
        return keys;
    }

    /** The period of that code in any model of the system's view (the wizard offers only those). */
    private static Period period(QualitySystem system, String code) {
        List<ModelRoot> roots = new ArrayList<>();
        if (system.eResource() != null && system.eResource().getResourceSet() != null) {
            for (var resource : List.copyOf(system.eResource().getResourceSet().getResources())) {
                resource.getContents().stream().filter(ModelRoot.class::isInstance).map(ModelRoot.class::cast)
                        .forEach(roots::add);
            }
        } else if (system.eContainer() instanceof ModelRoot root) {
            roots.add(root);
        }
        for (ModelRoot root : roots) {
            for (Period period : root.getPeriods()) {
                if (code.equals(period.getCode())) {
                    return period;
                }
            }
        }
        throw new IllegalArgumentException(code);
    }

    private static Prepared prepared(ImportReport report, QualitySystem system, Period period,
            List<RawValueImport.Row> rows) {
        return new Prepared() {
            @Override
            public ImportReport report() {
                return report;
            }

            @Override
            public List<EObject> apply() {
                return new ArrayList<>(RawValueImport.storeAll(system, period, rows).runs());
            }
        };
    }
}
