package oko.reports.data;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.birt.report.engine.api.script.IReportContext;
import org.eclipse.birt.report.engine.api.script.ScriptException;
import org.eclipse.birt.report.engine.api.script.element.IReportDesign;
import org.eclipse.birt.report.engine.api.script.eventadapter.ReportEventAdapter;
import org.eclipse.birt.report.model.api.CellHandle;
import org.eclipse.birt.report.model.api.ColumnHandle;
import org.eclipse.birt.report.model.api.DataItemHandle;
import org.eclipse.birt.report.model.api.ElementFactory;
import org.eclipse.birt.report.model.api.LabelHandle;
import org.eclipse.birt.report.model.api.ReportDesignHandle;
import org.eclipse.birt.report.model.api.RowHandle;
import org.eclipse.birt.report.model.api.TableGroupHandle;
import org.eclipse.birt.report.model.api.TableHandle;
import org.eclipse.birt.report.model.api.activity.SemanticException;

import oko.model.QualitySystem;
import oko.model.Role;

/**
 * The report event handler of the RACI layout (raci.rptdesign): before the report is built it
 * gives the table named {@value #TABLE} a column for each role of the chosen system
 * ({@link RaciRows#roles}), headed by the role's name, its cells bound to the data set's columns
 * r01, r02…, and widens the section rows to span them. The layout itself has the function's column
 * only, since the roles are the model's.
 */
public final class RaciLayout extends ReportEventAdapter {

    /** The name of the matrix's table in the layout. */
    public static final String TABLE = "raci";

    @Override
    public void beforeFactory(IReportDesign design, IReportContext context) throws ScriptException {
        List<Role> roles = roles(context);
        if (roles.size() > RaciRows.MAX_ROLES) {
            throw new ScriptException(Messages.bind(Messages.raciTooManyRoles, roles.size(), RaciRows.MAX_ROLES));
        }
        ReportDesignHandle handle = context.getDesignHandle();
        if (!(handle.findElement(TABLE) instanceof TableHandle table)) {
            throw new ScriptException(Messages.bind(Messages.raciNoTable, TABLE));
        }
        ElementFactory factory = handle.getElementFactory();
        try {
            for (int i = 0; i < roles.size(); i++) {
                ColumnHandle column = factory.newTableColumn();
                table.getColumns().add(column);
                RowHandle header = (RowHandle) table.getHeader().get(0);
                CellHandle headerCell = factory.newCell();
                headerCell.setStyleName("roleHeader");
                LabelHandle label = factory.newLabel(null);
                label.setText(name(roles.get(i)));
                headerCell.getContent().add(label);
                header.getCells().add(headerCell);
                RowHandle detail = (RowHandle) table.getDetail().get(0);
                CellHandle cell = factory.newCell();
                cell.setStyleName("mark");
                DataItemHandle data = factory.newDataItem(null);
                data.setResultSetColumn(RaciRows.column(i));
                cell.getContent().add(data);
                detail.getCells().add(cell);
            }
            for (Object group : table.getGroups().getContents()) {
                RowHandle row = (RowHandle) ((TableGroupHandle) group).getHeader().get(0);
                ((CellHandle) row.getCells().get(0)).setColumnSpan(1 + roles.size());
            }
        } catch (SemanticException e) {
            throw new ScriptException(e.getLocalizedMessage());
        }
    }

    private static String name(Role role) {
        String name = role.getName() == null || role.getName().isBlank() ? role.getCode() : role.getName();
        return name == null ? "" : name.replaceAll("\\s+", " ").strip();
    }

    /** The roles of the system the report's parameter chooses (of every system handed in, without one). */
    private static List<Role> roles(IReportContext context) throws ScriptException {
        List<QualitySystem> systems = ModelRows.handedIn(context);
        List<Role> roles = new ArrayList<>();
        for (QualitySystem system : ModelRows.chosen(TABLE, systems, context)) {
            RaciRows.roles(system).stream().filter(r -> !roles.contains(r)).forEach(roles::add);
        }
        return roles;
    }
}
