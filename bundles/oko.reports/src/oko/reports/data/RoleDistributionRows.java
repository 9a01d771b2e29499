package oko.reports.data;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.IUpdatableDataSetRow;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.eventadapter.ScriptedDataSetEventAdapter;
import org.eclipse.birt.report.engine.api.script.instance.IDataSetInstance;

import oko.model.Document;
import oko.model.Function;
import oko.model.FunctionSection;
import oko.model.QualitySystem;
import oko.model.Role;
import oko.reports.Reports;

/**
 * Scripted data set "role distribution" (seeds 001 and 003), in the order of the tables: a row for
 * each section, then one for each of its functions, then its subsections. Columns: {@code kind}
 * ({@code section} or {@code function}), {@code text} (number and name), {@code roles} (the
 * positions, one per line) and {@code documents} (one per line). The model is the quality system
 * in the app context ({@link Reports#MODEL}).
 */
public final class RoleDistributionRows extends ScriptedDataSetEventAdapter {

    private List<Object[]> rows = List.of();
    private int next;

    @Override
    public void beforeOpen(IDataSetInstance dataSet, IReportContext context) throws ScriptException {
        Object model = context.getAppContext().get(Reports.MODEL);
        if (!(model instanceof QualitySystem system)) {
            throw new ScriptException("role distribution: the model is not a quality system: " + model);
        }
        List<Object[]> collected = new ArrayList<>();
        system.getSections().forEach(section -> collect(section, collected));
        rows = collected;
        next = 0;
    }

    private static void collect(FunctionSection section, List<Object[]> into) {
        into.add(new Object[] { "section", join(section.getNumber(), section.getName()), roles(section.getResponsibleRoles()),
                documents(section.getDocuments()) });
        for (Function function : section.getFunctions()) {
            into.add(new Object[] { "function", join(function.getNumber(), function.getName()),
                    roles(function.getResponsibleRoles()), documents(function.getDocuments()) });
        }
        section.getSubsections().forEach(sub -> collect(sub, into));
    }

    private static String roles(List<Role> roles) {
        return roles.stream().map(Role::getName).collect(Collectors.joining("\n"));
    }

    private static String documents(List<Document> documents) {
        return documents.stream().map(RoleDistributionRows::documentName).collect(Collectors.joining("\n"));
    }

    private static String documentName(Document document) {
        return join(null, document.getName());
    }

    private static String join(String number, String name) {
        String text = ((number == null ? "" : number) + " " + (name == null ? "" : name)).strip();
        return text.replaceAll("\\s+", " ");
    }

    @Override
    public boolean fetch(IDataSetInstance dataSet, IUpdatableDataSetRow row) throws ScriptException {
        if (next >= rows.size()) {
            return false;
        }
        Object[] values = rows.get(next++);
        row.setColumnValue("kind", values[0]);
        row.setColumnValue("text", values[1]);
        row.setColumnValue("roles", values[2]);
        row.setColumnValue("documents", values[3]);
        return true;
    }
}
