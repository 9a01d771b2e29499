package oko.school.ui.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.cdo.view.CDOViewInvalidationEvent;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.net4j.util.event.IListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.ui.part.ViewPart;
import org.osgi.service.prefs.BackingStoreException;

import oko.model.Measure;
import oko.model.ModelRoot;
import oko.model.Organisation;
import oko.model.OrganisationKind;
import oko.model.PlanItem;
import oko.model.QualitySystem;
import oko.model.Recommendation;
import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;
import oko.ui.internal.navigator.ItemProviderAdapters;

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

        getSite().setSelectionProvider(system);
        RepositoryConnection.whenConnected(repository -> parent.getDisplay().asyncExec(() -> open(repository)));
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
            column.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return text.apply(element);
                }
            });
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
        values.setInput(school == null ? List.of() : values(roots, school));
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

    /** The school's stored indicator values (Monitoring ▸ Compute stores them), by period and indicator. */
    private static List<Value> values(List<EObject> roots, Organisation school) {
        List<Value> rows = new ArrayList<>();
        for (EObject root : roots) {
            if (root instanceof ModelRoot model) {
                for (QualitySystem system : model.getQualitySystems()) {
                    for (var monitoring : system.getMonitorings()) {
                        for (var run : monitoring.getRuns()) {
                            for (var value : run.getValues()) {
                                if (value.getOrganisation() == school && value.getIndicator() != null) {
                                    rows.add(new Value(period(run.getPeriod()), value.getIndicator().getCode(),
                                            nonNull(value.getIndicator().getName()), value.isNoValue()
                                                    ? Messages.bind(Messages.schoolNoValue, nonNull(value.getNoValueReason()))
                                                    : new java.text.DecimalFormat("0.##").format(value.getValue())));
                                }
                            }
                        }
                    }
                }
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

    /** Shows the tab of that index (0 ВСОКО, 1 addressed, 2 values), as a click on it does. */
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
