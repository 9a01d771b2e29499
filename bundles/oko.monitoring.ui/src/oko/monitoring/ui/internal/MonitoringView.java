package oko.monitoring.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerComparator;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.ui.part.ViewPart;

import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.monitoring.MonitoringEngine;
import oko.monitoring.MonitoringService;
import oko.monitoring.Recommendations;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/**
 * The Monitoring view: for a chosen period, the table school × indicator of a system that has
 * monitoring data for it — each cell the value and the rank — with the schools on a risk list
 * marked. When several systems have data for the period, the user chooses one beside the period
 * (the first by default; the choice is kept while it has data). Click a column header to sort. Computed in a background job from a read-only view of
 * the repository; recomputed when another client commits.
 */
public final class MonitoringView extends ViewPart {

    public static final String ID = "oko.monitoring.ui.views.monitoring";

    /** One school's row: plain data, computed off the UI thread. */
    public record SchoolRow(String code, String name, String cluster, String risk, Map<String, Double> values,
            Map<String, Integer> ranks, Map<String, String> reasons) {
    }

    /**
     * What the table shows: the system and period, the indicator columns and the rows, and the
     * systems with data for the period the user may choose among ({@code system} is one of them).
     */
    public record Table(CDOID system, String systemLabel, CDOID period, String periodLabel, List<String> indicators,
            Map<String, String> indicatorNames, List<SchoolRow> rows, List<Target> systems) {
    }

    /** A system values can be imported into: its id and how the user knows it. */
    public record Target(CDOID system, String label) {
    }

    private CDOView view;
    private Combo periods;
    private Combo systems;
    /** The system the user chose (null: the first with data); read by the loading job. */
    private volatile CDOID chosenSystem;
    private Composite tableHolder;
    private TableViewer viewer;
    private final List<Period> periodList = new ArrayList<>();
    private volatile Table table;
    private Job loading;
    private final IListener invalidations = event -> {
        if (event instanceof CDOViewInvalidationEvent) {
            Display.getDefault().asyncExec(this::reload);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        new Label(parent, SWT.NONE).setText(Messages.period);
        periods = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        periods.addListener(SWT.Selection, e -> reload());
        new Label(parent, SWT.NONE).setText(Messages.system);
        systems = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        systems.setItems(new String[] { Messages.connecting });
        systems.select(0);
        systems.setEnabled(false);
        systems.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        systems.addListener(SWT.Selection, e -> {
            Table shown = table;
            int index = systems.getSelectionIndex();
            if (shown != null && index >= 0 && index < shown.systems().size()) {
                chosenSystem = shown.systems().get(index).system();
                reload();
            }
        });
        tableHolder = new Composite(parent, SWT.NONE);
        tableHolder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        RepositoryConnection.whenConnected(repository -> parent.getDisplay().asyncExec(() -> open(repository)));
    }

    private void open(OkoRepository repository) {
        if (periods.isDisposed()) {
            return;
        }
        view = repository.openView();
        view.addListener(invalidations);
        periodList.clear();
        List<EObject> roots = OkoRepository.roots(view);
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                periodList.addAll(model.getPeriods());
            }
        }
        periodList.sort(Comparator.comparing(p -> p.getStartDate() == null ? new java.util.Date(0) : p.getStartDate()));
        periods.setItems(periodList.stream().map(MonitoringView::periodLabel).toArray(String[]::new));
        int latest = -1;
        for (int i = 0; i < periodList.size(); i++) {
            if (!MonitoringService.systemsWithData(roots, periodList.get(i)).isEmpty()) {
                latest = i;
            }
        }
        if (latest >= 0) {
            periods.select(latest);
        }
        periods.getParent().layout(true);
        reload();
    }

    private static String periodLabel(Period period) {
        return period.getName() != null ? period.getName() : period.getCode();
    }

    /** Selects the period of that code and recomputes the table (for the handlers and tests). */
    public void selectPeriod(String code) {
        for (int i = 0; i < periodList.size(); i++) {
            if (code.equals(periodList.get(i).getCode())) {
                periods.select(i);
                reload();
                return;
            }
        }
        throw new IllegalArgumentException(code);
    }

    /**
     * Shows the table of that system (one of {@link Table#systems()}) for the selected period and
     * recomputes it (for the handlers and tests).
     */
    public void selectSystem(CDOID system) {
        chosenSystem = system;
        reload();
    }

    /** The period shown, or null. */
    Period selectedPeriod() {
        int index = periods == null || periods.isDisposed() ? -1 : periods.getSelectionIndex();
        return index < 0 ? null : periodList.get(index);
    }

    /**
     * The systems the selected period's values can be imported into ({@link MonitoringService#importTargets}),
     * the one to take without asking first; empty without a period.
     */
    public List<Target> importTargets() {
        Period period = selectedPeriod();
        if (period == null || view == null || view.isClosed()) {
            return List.of();
        }
        return MonitoringService.importTargets(OkoRepository.roots(view), period).stream()
                .map(s -> new Target(CDOUtil.getCDOObject(s).cdoID(), systemLabel(s)))
                .toList();
    }

    /** The table shown (null while computing the first time). */
    public Table table() {
        return table;
    }

    /** Recomputes the table for the selected period in a background job. */
    void reload() {
        Period period = selectedPeriod();
        if (period == null || view == null || view.isClosed()) {
            return;
        }
        if (loading != null) {
            loading.cancel();
        }
        Job job = new Job(Messages.bind(Messages.loadJob, periodLabel(period))) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                Table computed = compute(period);
                if (monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                Display.getDefault().asyncExec(() -> show(computed));
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == MonitoringView.class;
            }
        };
        job.setSystem(true);
        loading = job;
        job.schedule();
    }

    private Table compute(Period period) {
        List<QualitySystem> candidates = MonitoringService.systemsWithData(OkoRepository.roots(view), period);
        CDOID periodId = CDOUtil.getCDOObject(period).cdoID();
        if (candidates.isEmpty()) {
            return new Table(null, Messages.noData, periodId, periodLabel(period), List.of(), Map.of(), List.of(),
                    List.of());
        }
        CDOID chosen = chosenSystem;
        QualitySystem system = candidates.stream().filter(s -> CDOUtil.getCDOObject(s).cdoID().equals(chosen))
                .findFirst().orElse(candidates.get(0));
        List<Target> targets = candidates.stream()
                .map(s -> new Target(CDOUtil.getCDOObject(s).cdoID(), systemLabel(s))).toList();
        MonitoringService.Results results = MonitoringService.results(system, period);
        Map<Organisation, String> risk = results.riskGroupsBySchool();
        List<String> indicators = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<Organisation, SchoolRow> rows = new LinkedHashMap<>();
        for (MonitoringEngine.IndicatorResult result : results.current()) {
            String code = result.indicator().getCode();
            indicators.add(code);
            names.put(code, result.indicator().getName());
            for (MonitoringEngine.SchoolResult school : result.schools()) {
                Organisation org = school.school();
                SchoolRow row = rows.computeIfAbsent(org, o -> new SchoolRow(o.getCode(), o.getName(),
                        o.getCluster() == null ? "" : o.getCluster().getName(),
                        risk.getOrDefault(o, ""), new LinkedHashMap<>(),
                        new LinkedHashMap<>(), new LinkedHashMap<>()));
                if (school.value().present()) {
                    row.values().put(code, school.value().number());
                    row.ranks().put(code, school.rank());
                } else {
                    row.reasons().put(code, school.value().reason());
                }
            }
        }
        List<SchoolRow> sorted = new ArrayList<>(rows.values());
        sorted.sort(Comparator.comparing(SchoolRow::code));
        return new Table(CDOUtil.getCDOObject(system).cdoID(),
                system.getName() != null ? system.getName() : system.getCode(), periodId, periodLabel(period),
                indicators, names, sorted, targets);
    }

    private static String systemLabel(QualitySystem system) {
        return system.getName() != null ? system.getName() + " (" + system.getCode() + ")" : system.getCode();
    }

    private void show(Table computed) {
        if (tableHolder.isDisposed()) {
            return;
        }
        table = computed;
        if (computed.systems().isEmpty()) {
            systems.setItems(new String[] { computed.systemLabel() });
            systems.select(0);
        } else {
            systems.setItems(computed.systems().stream().map(Target::label).toArray(String[]::new));
            systems.select(computed.systems().stream().map(Target::system).toList().indexOf(computed.system()));
        }
        systems.setEnabled(computed.systems().size() > 1);
        if (viewer != null) {
            viewer.getTable().dispose();
        }
        TableColumnLayout layout = new TableColumnLayout();
        tableHolder.setLayout(layout);
        viewer = new TableViewer(tableHolder, SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Color riskColour = new Color(255, 228, 225);
        column(layout, Messages.columnSchool, 260, r -> r.code() + " " + (r.name() == null ? "" : r.name()),
                Comparator.comparing(SchoolRow::code), riskColour);
        column(layout, Messages.columnCluster, 120, SchoolRow::cluster, Comparator.comparing(SchoolRow::cluster),
                riskColour);
        column(layout, Messages.columnRisk, 120, SchoolRow::risk,
                Comparator.comparing((SchoolRow r) -> r.risk().isEmpty()).thenComparing(SchoolRow::risk), riskColour);
        for (String code : computed.indicators()) {
            TableViewerColumn column = column(layout, code, 80, r -> cell(r, code),
                    Comparator.comparing((SchoolRow r) -> r.values().get(code),
                            Comparator.nullsLast(Comparator.naturalOrder())), riskColour);
            column.getColumn().setToolTipText(computed.indicatorNames().get(code));
            column.getColumn().setAlignment(SWT.RIGHT);
        }
        viewer.setInput(computed.rows());
        tableHolder.layout(true, true);
    }

    private static String cell(SchoolRow row, String code) {
        Double value = row.values().get(code);
        if (value == null) {
            return row.reasons().containsKey(code) ? "—" : "";
        }
        return Recommendations.format(value) + " (" + row.ranks().get(code) + ")";
    }

    private TableViewerColumn column(TableColumnLayout layout, String title, int width,
            java.util.function.Function<SchoolRow, String> text, Comparator<SchoolRow> order, Color riskColour) {
        TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setMoveable(true);
        layout.setColumnData(column.getColumn(), new ColumnWeightData(width, width, true));
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((SchoolRow) element);
            }

            @Override
            public String getToolTipText(Object element) {
                SchoolRow row = (SchoolRow) element;
                return row.reasons().isEmpty() ? null : String.join("\n", row.reasons().values());
            }

            @Override
            public Color getBackground(Object element) {
                return ((SchoolRow) element).risk().isEmpty() ? null : riskColour;
            }
        });
        TableColumn swtColumn = column.getColumn();
        swtColumn.addListener(SWT.Selection, e -> sortBy(swtColumn, order));
        return column;
    }

    private void sortBy(TableColumn column, Comparator<SchoolRow> order) {
        org.eclipse.swt.widgets.Table swtTable = viewer.getTable();
        int direction = swtTable.getSortColumn() == column && swtTable.getSortDirection() == SWT.UP ? SWT.DOWN : SWT.UP;
        swtTable.setSortColumn(column);
        swtTable.setSortDirection(direction);
        Comparator<SchoolRow> effective = direction == SWT.UP ? order : order.reversed();
        viewer.setComparator(new ViewerComparator() {
            @Override
            public int compare(Viewer v, Object a, Object b) {
                return effective.compare((SchoolRow) a, (SchoolRow) b);
            }
        });
    }

    /** The combo of the systems with data for the period, for tests. */
    public Combo systemCombo() {
        return systems;
    }

    /** The table widget, for tests. */
    public org.eclipse.swt.widgets.Table swtTable() {
        return viewer == null ? null : viewer.getTable();
    }

    @Override
    public void setFocus() {
        periods.setFocus();
    }

    @Override
    public void dispose() {
        if (view != null && !view.isClosed()) {
            view.removeListener(invalidations);
            view.close();
        }
        super.dispose();
    }
}
