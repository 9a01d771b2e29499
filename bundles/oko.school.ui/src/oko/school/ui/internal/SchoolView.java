package oko.school.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.CDOObject;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.ErrorDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.prefs.BackingStoreException;

import oko.model.IndicatorValue;
import oko.model.Measure;
import oko.model.MonitoringRun;
import oko.model.ObservedValue;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.Period;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.school.SelfAssessment;
import oko.ui.RepositoryConnection;
import oko.ui.navigator.ItemProviderAdapters;

/**
 * The school administrator's view of their own school, chosen once and kept in the preferences
 * (later tied to the login): the school's ВСОКО, the recommendations, measures and plan items
 * addressed to it, and its indicator values — and nothing of other schools.
 */
public final class SchoolView extends ViewPart {

    public static final String ID = "oko.school.ui.views.school";
    /** Preference (instance scope of oko.ui) holding the chosen school's code. */
    public static final String PREFERENCE = "school";

    /** A row of the "addressed to the school" table. */
    public record Addressed(String kind, String number, String text, String period, String status) {
    }

    /** A row of the self-assessments table: one period's self-assessment of the school. */
    public record Assessment(MonitoringRun run, String period, String status, String assessed) {
    }

    /** A row of the indicator values table. */
    public record Value(String period, String indicator, String name, String value) {
    }

    private final ItemProviderAdapters adapters = new ItemProviderAdapters();
    private CDOView view;
    private Combo schools;
    private final List<Organisation> schoolList = new ArrayList<>();
    private TreeViewer system;
    private TableViewer addressed;
    private TableViewer values;
    private TabFolder tabs;
    private Combo periodChoice;
    private final List<Period> periods = new ArrayList<>();
    private Button start;
    private Label assessmentHint;
    private TableViewer assessments;
    /** The school's ВСОКO, where its self-assessment is kept; null when it has none. */
    private QualitySystem schoolSystem;
    private final IListener invalidations = event -> {
        if (event instanceof CDOViewInvalidationEvent && schools != null && !schools.isDisposed()) {
            schools.getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        new Label(parent, SWT.NONE).setText(Messages.schoolChoose);
        schools = new Combo(parent, SWT.READ_ONLY | SWT.DROP_DOWN);
        schools.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        schools.addListener(SWT.Selection, e -> {
            Organisation school = selectedSchool();
            if (school != null) {
                IEclipsePreferences preferences = InstanceScope.INSTANCE.getNode("oko.school.ui");
                preferences.put(PREFERENCE, school.getCode());
                try {
                    preferences.flush();
                } catch (BackingStoreException failed) {
                    ILog.of(SchoolView.class).error(failed.getMessage(), failed);
                }
            }
            refresh();
        });
        tabs = new TabFolder(parent, SWT.TOP);
        tabs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));

        TabItem systemTab = new TabItem(tabs, SWT.NONE);
        systemTab.setText(Messages.schoolSystem);
        system = new TreeViewer(tabs, SWT.H_SCROLL | SWT.V_SCROLL);
        system.setContentProvider(adapters.contentProvider());
        system.setLabelProvider(adapters.labelProvider(system.getControl()));
        systemTab.setControl(system.getControl());

        TabItem addressedTab = new TabItem(tabs, SWT.NONE);
        addressedTab.setText(Messages.schoolAddressed);
        Composite addressedHolder = new Composite(tabs, SWT.NONE);
        addressed = table(addressedHolder, List.of(Messages.schoolKind, Messages.schoolNumber, Messages.schoolText,
                Messages.schoolPeriod, Messages.schoolStatus), List.of(14, 10, 56, 10, 10),
                List.<java.util.function.Function<Object, String>>of(r -> ((Addressed) r).kind(),
                        r -> ((Addressed) r).number(), r -> ((Addressed) r).text(), r -> ((Addressed) r).period(),
                        r -> ((Addressed) r).status()));
        addressedTab.setControl(addressedHolder);

        TabItem valuesTab = new TabItem(tabs, SWT.NONE);
        valuesTab.setText(Messages.schoolValues);
        Composite valuesHolder = new Composite(tabs, SWT.NONE);
        values = table(valuesHolder, List.of(Messages.schoolPeriod, Messages.schoolIndicator, Messages.schoolText,
                Messages.schoolValue), List.of(14, 12, 56, 18),
                List.<java.util.function.Function<Object, String>>of(r -> ((Value) r).period(),
                        r -> ((Value) r).indicator(), r -> ((Value) r).name(), r -> ((Value) r).value()));
        valuesTab.setControl(valuesHolder);

        TabItem assessmentTab = new TabItem(tabs, SWT.NONE);
        assessmentTab.setText(Messages.selfAssessment);
        assessmentTab.setControl(createSelfAssessmentTab(tabs));

        getSite().setSelectionProvider(system);
        RepositoryConnection.whenConnected(repository -> parent.getDisplay().asyncExec(() -> open(repository)));
    }

    private Composite createSelfAssessmentTab(Composite parent) {
        Composite tab = new Composite(parent, SWT.NONE);
        tab.setLayout(new GridLayout(3, false));
        new Label(tab, SWT.NONE).setText(Messages.schoolPeriod + ":");
        periodChoice = new Combo(tab, SWT.READ_ONLY | SWT.DROP_DOWN);
        periodChoice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        start = new Button(tab, SWT.PUSH);
        start.setText(Messages.selfAssessmentStart);
        start.addListener(SWT.Selection, e -> startSelfAssessment());
        assessmentHint = new Label(tab, SWT.WRAP);
        assessmentHint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        Composite holder = new Composite(tab, SWT.NONE);
        holder.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        assessments = table(holder, List.of(Messages.schoolPeriod, Messages.schoolStatus, Messages.selfAssessmentAssessed),
                List.of(40, 30, 30), List.<java.util.function.Function<Object, String>>of(r -> ((Assessment) r).period(),
                        r -> ((Assessment) r).status(), r -> ((Assessment) r).assessed()));
        assessments.addDoubleClickListener(e -> {
            if (((org.eclipse.jface.viewers.IStructuredSelection) e.getSelection()).getFirstElement() instanceof Assessment assessment) {
                openSelfAssessment(assessment.run());
            }
        });
        return tab;
    }

    private void refreshSelfAssessments(List<QualitySystem> systems, List<ObservedValue> schoolValues) {
        schoolSystem = systems.isEmpty() ? null : systems.get(0);
        int chosen = periodChoice.getSelectionIndex();
        String kept = chosen < 0 || chosen >= periods.size() ? null : periods.get(chosen).getCode();
        periods.clear();
        periods.addAll(SelfAssessment.periods(schoolValues));
        periodChoice.setItems(periods.stream().map(SchoolView::period).toArray(String[]::new));
        for (int i = 0; i < periods.size(); i++) {
            if (i == 0 || periods.get(i).getCode() != null && periods.get(i).getCode().equals(kept)) {
                periodChoice.select(i);
            }
        }
        List<Assessment> rows = new ArrayList<>();
        if (schoolSystem != null) {
            SelfAssessment.monitoring(schoolSystem).ifPresent(monitoring -> monitoring.getRuns().forEach(run -> rows.add(
                    new Assessment(run, period(run.getPeriod()), ModelLabels.literal(run.getStatus()),
                            Messages.bind(Messages.selfAssessmentAssessedOf,
                                    run.getValues().stream().filter(v -> !v.isNoValue()).count(), run.getValues().size())))));
        }
        assessments.setInput(rows);
        start.setEnabled(schoolSystem != null && !periods.isEmpty());
        assessmentHint.setText(selectedSchool() == null ? ""
                : schoolSystem == null ? Messages.selfAssessmentNoSystem
                        : periods.isEmpty() ? Messages.selfAssessmentNoValues : Messages.selfAssessmentHint);
        assessmentHint.getParent().layout(true);
    }

    /**
     * Starts the school's self-assessment of the chosen period in its ВСОКО (or finds the one
     * started), commits it, and opens it in the self-assessment editor.
     */
    public void startSelfAssessment() {
        int index = periodChoice.getSelectionIndex();
        if (schoolSystem == null || index < 0) {
            return;
        }
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        try {
            QualitySystem system = transaction.getObject(schoolSystem);
            Period period = transaction.getObject(periods.get(index));
            MonitoringRun[] run = new MonitoringRun[1];
            BusyIndicator.showWhile(start.getDisplay(), () -> {
                run[0] = SelfAssessment.start(system, period, OkoRepository.valuesOf(system.getOrganisation()));
                if (transaction.isDirty()) {
                    repository.commit(transaction, Messages.bind(Messages.selfAssessmentStarted, period(period)),
                            new NullProgressMonitor());
                }
            });
            openSelfAssessment(run[0]);
        } catch (IllegalArgumentException refused) {
            ILog.of(SchoolView.class).warn(refused.getMessage());
            MessageDialog.openError(start.getShell(), Messages.selfAssessment, refused.getMessage());
        } catch (RuntimeException failed) {
            var status = Status.error(Messages.bind(Messages.selfAssessmentFailed, failed.getMessage()), failed);
            ILog.of(SchoolView.class).log(status);
            ErrorDialog.openError(start.getShell(), Messages.selfAssessment, null, status);
        } finally {
            transaction.close();
        }
    }

    private void openSelfAssessment(MonitoringRun run) {
        try {
            getSite().getPage().openEditor(new SelfAssessmentEditor.Input(((CDOObject) run).cdoID(), run.getName()),
                    SelfAssessmentEditor.ID);
        } catch (PartInitException failed) {
            ILog.of(SchoolView.class).error(failed.getMessage(), failed);
            ErrorDialog.openError(start.getShell(), Messages.selfAssessment, null, failed.getStatus());
        }
    }

    /** Chooses the period of that code on the self-assessment tab, for tests. */
    public void choosePeriod(String code) {
        for (int i = 0; i < periods.size(); i++) {
            if (code.equals(periods.get(i).getCode())) {
                periodChoice.select(i);
                return;
            }
        }
        throw new IllegalArgumentException(code);
    }

    public TableViewer assessmentsViewer() {
        return assessments;
    }

    private static TableViewer table(Composite holder, List<String> titles, List<Integer> weights,
            List<java.util.function.Function<Object, String>> texts) {
        TableColumnLayout layout = new TableColumnLayout();
        holder.setLayout(layout);
        TableViewer viewer = new TableViewer(holder, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        for (int i = 0; i < titles.size(); i++) {
            TableViewerColumn column = new TableViewerColumn(viewer, SWT.LEFT);
            column.getColumn().setText(titles.get(i));
            layout.setColumnData(column.getColumn(), new ColumnWeightData(weights.get(i), 80, true));
            var text = texts.get(i);
            column.setLabelProvider(ColumnLabelProvider.createTextProvider(text));
        }
        return viewer;
    }

    private void open(OkoRepository repository) {
        if (schools.isDisposed()) {
            return;
        }
        view = repository.openView();
        view.addListener(invalidations);
        schoolList.clear();
        for (EObject root : OkoRepository.roots(view)) {
            if (root instanceof ModelRoot model) {
                model.getOrganisations().stream().filter(o -> o.getKind() == OrganisationKind.SCHOOL)
                        .forEach(schoolList::add);
            }
        }
        schoolList.sort(Comparator.comparing(o -> o.getCode() == null ? "" : o.getCode()));
        schools.setItems(schoolList.stream().map(o -> o.getCode() + " — " + o.getName()).toArray(String[]::new));
        String chosen = InstanceScope.INSTANCE.getNode("oko.school.ui").get(PREFERENCE, null);
        for (int i = 0; i < schoolList.size(); i++) {
            if (schoolList.get(i).getCode().equals(chosen)) {
                schools.select(i);
            }
        }
        schools.getParent().layout(true);
        refresh();
    }

    /** Chooses the school of that code (as the user does in the combo), for tests. */
    public void choose(String code) {
        for (int i = 0; i < schoolList.size(); i++) {
            if (schoolList.get(i).getCode().equals(code)) {
                schools.select(i);
                schools.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
                return;
            }
        }
        throw new IllegalArgumentException(code);
    }

    private Organisation selectedSchool() {
        int index = schools.getSelectionIndex();
        return index < 0 ? null : schoolList.get(index);
    }

    private void refresh() {
        Organisation school = selectedSchool();
        if (view == null || view.isClosed() || system.getControl().isDisposed()) {
            return;
        }
        List<EObject> roots = OkoRepository.roots(view);
        List<QualitySystem> systems = new ArrayList<>();
        List<Addressed> rows = new ArrayList<>();
        if (school != null) {
            for (EObject root : roots) {
                if (root instanceof ModelRoot model) {
                    for (QualitySystem candidate : model.getQualitySystems()) {
                        if (candidate.getOrganisation() == school) {
                            systems.add(candidate);
                        }
                        addressedTo(candidate, school, rows);
                    }
                }
            }
        }
        system.setInput(systems);
        system.expandToLevel(2);
        addressed.setInput(rows);
        List<ObservedValue> schoolValues = school == null ? List.of() : OkoRepository.valuesOf(school);
        values.setInput(values(schoolValues));
        refreshSelfAssessments(systems, schoolValues);
        setContentDescription(school == null ? Messages.schoolNone : ModelLabels.label(school));
        if (school != null && systems.isEmpty() && tabs.getSelectionIndex() == 0) {
            // a school without its own ВСОКО in the repository: show what is addressed to it
            tabs.setSelection(rows.isEmpty() ? 2 : 1);
        }
    }

    private static void addressedTo(QualitySystem system, Organisation school, List<Addressed> rows) {
        for (Recommendation recommendation : system.getRecommendations()) {
            if (recommendation.getAddresseeSchools().contains(school)) {
                rows.add(new Addressed(Messages.schoolRecommendation, nonNull(recommendation.getNumber()),
                        nonNull(recommendation.getText()), period(recommendation.getPeriod()),
                        ModelLabels.literal(recommendation.getStatus())));
            }
        }
        for (Measure measure : system.getMeasures()) {
            if (measure.getTargetSchools().contains(school) || measure.getResponsibleOrganisations().contains(school)) {
                rows.add(new Addressed(Messages.schoolMeasure, nonNull(measure.getNumber()), nonNull(measure.getName()),
                        period(measure.getPeriod()), ModelLabels.literal(measure.getStatus())));
            }
        }
        for (var plan : system.getPlans()) {
            for (var it = plan.eAllContents(); it.hasNext();) {
                if (it.next() instanceof PlanItem item && item.getResponsibleOrganisations().contains(school)) {
                    rows.add(new Addressed(Messages.schoolPlanItem, nonNull(item.getNumber()), nonNull(item.getName()),
                            period(plan.getPeriod()), ModelLabels.literal(item.getStatus())));
                }
            }
        }
    }

    /**
     * The school's indicator values stored by the municipality's monitorings (Monitoring ▸ Compute
     * stores them), by period and indicator. The repository finds them (OkoRepository.valuesOf), so
     * no other school's value is read; the school's own self-assessment is on its own tab.
     */
    private static List<Value> values(List<ObservedValue> schoolValues) {
        List<Value> rows = new ArrayList<>();
        for (ObservedValue observed : schoolValues) {
            if (observed instanceof IndicatorValue value && value.getIndicator() != null
                    && !SelfAssessment.isSelfAssessment(value) && value.eContainer() instanceof MonitoringRun run) {
                rows.add(new Value(period(run.getPeriod()), value.getIndicator().getCode(),
                        nonNull(value.getIndicator().getName()), value.isNoValue()
                                ? Messages.bind(Messages.schoolNoValue, nonNull(value.getNoValueReason()))
                                : new java.text.DecimalFormat("0.##").format(value.getValue())));
            }
        }
        rows.sort(Comparator.comparing(Value::period).thenComparing(Value::indicator));
        return rows;
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static String period(oko.model.Period period) {
        return period == null ? "" : period.getName() != null ? period.getName() : period.getCode();
    }

    /** Shows the tab of that index (0 ВСОКО, 1 addressed, 2 values, 3 self-assessment), as a click on it does. */
    public void showTab(int index) {
        tabs.setSelection(index);
    }

    /** The tables, for tests. */
    public TreeViewer systemViewer() {
        return system;
    }

    public TableViewer addressedViewer() {
        return addressed;
    }

    public TableViewer valuesViewer() {
        return values;
    }

    @Override
    public void setFocus() {
        schools.setFocus();
    }

    @Override
    public void dispose() {
        if (view != null && !view.isClosed()) {
            view.removeListener(invalidations);
            view.close();
        }
        adapters.dispose();
        super.dispose();
    }
}
