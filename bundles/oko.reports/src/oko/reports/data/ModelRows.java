package oko.reports.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.IUpdatableDataSetRow;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.eventadapter.ScriptedDataSetEventAdapter;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.model.QualitySystem;
import oko.model.edit.ModelLabels;
import oko.reports.Reports;

/**
 * The base of Oko's scripted data sets: the rows are computed once when the data set opens, from
 * the quality systems in the app context ({@link Reports#MODEL}), and handed to BIRT column by
 * column. A subclass adds rows as column → value maps in the order the report shows them; every
 * row names its group (a system, a map, a plan: columns {@code groupKey} and {@code group}). A report
 * that declares the parameter {@value #SYSTEM} (or {@value #SCHOOL}) gets the rows of that system only.
 */
public abstract class ModelRows extends ScriptedDataSetEventAdapter {

    private List<Map<String, Object>> rows = List.of();
    private int next;
    /** Every system handed to the report, the chosen one or not (their models hold the periods). */
    protected List<QualitySystem> repository = List.of();

    /** Adds the rows of these systems. */
    protected abstract void collect(List<QualitySystem> systems, List<Map<String, Object>> rows);

    /** The systems the report was handed (one, or those of a collection), in its order. */
    static List<QualitySystem> handedIn(IReportContext context) {
        Object model = context.getAppContext().get(Reports.MODEL);
        List<QualitySystem> systems = new ArrayList<>();
        if (model instanceof QualitySystem system) {
            systems.add(system);
        } else if (model instanceof Collection<?> many) {
            many.stream().filter(QualitySystem.class::isInstance).map(QualitySystem.class::cast).forEach(systems::add);
        }
        return systems;
    }

    @Override
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        Object model = context.getAppContext().get(Reports.MODEL);
        List<QualitySystem> systems = handedIn(context);
        if (systems.isEmpty()) {
            throw new ScriptException(Messages.bind(Messages.noSystemToReport, dataSet.getName(), model));
        }
        repository = List.copyOf(systems);
        if (filtersBySystem()) {
            systems = chosen(dataSet.getName(), systems, context);
        }
        List<Map<String, Object>> collected = new ArrayList<>();
        collect(systems, collected);
        rows = collected;
        next = 0;
    }

    /**
     * Whether the rows come from the system the report parameters choose ({@value #SYSTEM}, or the
     * ВСОКО of the school {@value #SCHOOL}); the data sets of selection lists answer for all.
     */
    protected boolean filtersBySystem() {
        return true;
    }

    /** Report parameter: the code of the quality system the report is about. */
    public static final String SYSTEM = Reports.SYSTEM_PARAMETER;
    /** Report parameter of school-level layouts: the code of the school whose ВСОКО the report is about. */
    public static final String SCHOOL = Reports.SCHOOL_PARAMETER;

    /**
     * The systems the parameters {@value #SYSTEM} and {@value #SCHOOL} choose, when the report
     * declares them (a parameter the report does not declare has no value); all otherwise.
     */
    static List<QualitySystem> chosen(String dataSet, List<QualitySystem> systems, IReportContext context)
            throws ScriptException {
        String system = value(context, SYSTEM);
        String school = value(context, SCHOOL);
        List<QualitySystem> chosen = systems.stream()
                .filter(s -> system == null || system.equals(s.getCode()))
                .filter(s -> school == null || s.getLevel() == oko.model.Level.SCHOOL && s.getOrganisation() != null
                        && school.equals(s.getOrganisation().getCode()))
                .toList();
        if (chosen.isEmpty() && (system != null || school != null)) {
            throw new ScriptException(system == null ? Messages.bind(Messages.noSchoolSystem, dataSet, school)
                    : school == null ? Messages.bind(Messages.noSuchSystem, dataSet, system)
                    : Messages.bind(Messages.noSuchSchoolSystem, new Object[] { dataSet, system, school }));
        }
        return chosen;
    }

    private static String value(IReportContext context, String parameter) {
        Object value = context.getParameterValue(parameter);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    @Override
    public boolean fetch(IDataSetInstance dataSet, IUpdatableDataSetRow row) throws ScriptException {
        if (next >= rows.size()) {
            return false;
        }
        for (Map.Entry<String, Object> column : rows.get(next++).entrySet()) {
            row.setColumnValue(column.getKey(), column.getValue());
        }
        return true;
    }

    /** The period of that code, among the periods of the models the systems belong to. */
    protected static oko.model.Period period(List<QualitySystem> systems, String code) {
        for (QualitySystem system : systems) {
            if (system.eContainer() instanceof oko.model.ModelRoot root) {
                for (oko.model.Period period : root.getPeriods()) {
                    if (code.equals(period.getCode())) {
                        return period;
                    }
                }
            }
        }
        return null;
    }

    /** A row from alternating column names and values. */
    protected static Map<String, Object> row(Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            row.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return row;
    }

    /** "number name", spaces collapsed (the seeds' texts carry line breaks of their layout). */
    protected static String join(String number, String name) {
        String text = ((number == null ? "" : number) + " " + (name == null ? "" : name)).strip();
        return text.replaceAll("\\s+", " ");
    }

    /** The names of the elements, one per line. */
    protected static String lines(Collection<? extends org.eclipse.emf.ecore.EObject> elements) {
        return elements.stream().map(ModelRows::name).collect(Collectors.joining("\n"));
    }

    /** An element's own name (a person's full name, a document's title), without its type. */
    protected static String name(org.eclipse.emf.ecore.EObject element) {
        if (element instanceof oko.model.NamedElement named && named.getName() != null && !named.getName().isBlank()) {
            return named.getName().replaceAll("\\s+", " ").strip();
        }
        return ModelLabels.name(element);
    }

    /**
     * A row of the report's group {@code index} (a system, a map, a plan), whose title heads the
     * group: columns {@code groupKey} (keeps the groups in model order) and {@code group}.
     */
    protected static Map<String, Object> groupRow(int index, String group, Object... namesAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("groupKey", String.format("%04d", index));
        row.put("group", join(null, group));
        row.putAll(row(namesAndValues));
        return row;
    }
}
