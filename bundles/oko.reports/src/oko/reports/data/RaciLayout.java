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
import org.eclipse.birt.report.model.api.DimensionHandle;
import org.eclipse.birt.report.model.api.ElementFactory;
import org.eclipse.birt.report.model.api.LabelHandle;
import org.eclipse.birt.report.model.api.MasterPageHandle;
import org.eclipse.birt.report.model.api.ReportDesignHandle;
import org.eclipse.birt.report.model.api.RowHandle;
import org.eclipse.birt.report.model.api.TableGroupHandle;
import org.eclipse.birt.report.model.api.TableHandle;
import org.eclipse.birt.report.model.api.activity.SemanticException;
import org.eclipse.birt.report.model.api.elements.DesignChoiceConstants;
import org.eclipse.birt.report.model.api.util.DimensionUtil;

import oko.model.QualitySystem;
import oko.model.Role;

/**
 * The report event handler of the RACI layout (raci.rptdesign): before the report is built it
 * gives the table named {@value #TABLE} a column for each role of the chosen system
 * ({@link RaciRows#roles}), headed by the role's name, its cells bound to the data set's columns
 * r01, r02…, and widens the section rows to span them. The headers' font is sized (and their
 * longest words hyphenated in PDF) so that every word of a role's name fits its column
 * ({@link HeaderFit}). The layout itself has the function's column
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
        HeaderFit.Fit fit = HeaderFit.fit(roles.stream().map(RaciLayout::name).toList(),
                roleColumnWidth(handle, table, roles.size()) - HeaderFit.CELL_EXTRA, hyphenates(context));
        try {
            if (!roles.isEmpty() && handle.findStyle("roleHeader") != null) {
                handle.findStyle("roleHeader").getFontSize().setStringValue(fitSize(fit.size()));
            }
            for (int i = 0; i < roles.size(); i++) {
                ColumnHandle column = factory.newTableColumn();
                table.getColumns().add(column);
                RowHandle header = (RowHandle) table.getHeader().get(0);
                CellHandle headerCell = factory.newCell();
                headerCell.setStyleName("roleHeader");
                LabelHandle label = factory.newLabel(null);
                label.setText(fit.texts().get(i));
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

    /** «6.25pt». */
    private static String fitSize(double size) {
        return java.math.BigDecimal.valueOf(size).stripTrailingZeros().toPlainString() + "pt";
    }

    /**
     * Whether the headers' long words are broken with hyphens: in the paginated outputs, whose
     * emitters clip a word wider than its cell (PDF, PostScript); a spreadsheet or web page keeps
     * the role's name as it is (its cells wrap and can be widened), set in the fitted size.
     */
    private static boolean hyphenates(IReportContext context) {
        String format = context.getOutputFormat();
        return format == null || format.equalsIgnoreCase("pdf") || format.equalsIgnoreCase("postscript");
    }

    /**
     * The width in points of each role's column: the page's width between its margins less the
     * columns with a width of their own (the function's), shared out evenly, as BIRT lays out a table
     * 100% wide whose other columns have no width.
     */
    static double roleColumnWidth(ReportDesignHandle handle, TableHandle table, int roles) {
        double page = 297 - 12 - 12;
        if (handle.getMasterPages().getCount() > 0
                && handle.getMasterPages().get(0) instanceof MasterPageHandle master) {
            page = pageWidthMm(master) - mm(master.getLeftMargin(), 12) - mm(master.getRightMargin(), 12);
        }
        double fixed = 0;
        for (Object column : table.getColumns().getContents()) {
            fixed += mm(((ColumnHandle) column).getWidth(), 0);
        }
        return Math.max(1, page - fixed) / Math.max(1, roles) * 72 / 25.4;
    }

    private static double pageWidthMm(MasterPageHandle master) {
        String type = master.getPageType();
        double[] size = switch (type == null ? "" : type) {
        case DesignChoiceConstants.PAGE_SIZE_US_LETTER -> new double[] { 215.9, 279.4 };
        case DesignChoiceConstants.PAGE_SIZE_US_LEGAL -> new double[] { 215.9, 355.6 };
        case DesignChoiceConstants.PAGE_SIZE_CUSTOM -> new double[] { mm(master.getWidth(), 210), 0 };
        default -> new double[] { 210, 297 }; // A4, the library's
        };
        if (DesignChoiceConstants.PAGE_SIZE_CUSTOM.equals(type)) {
            return size[0];
        }
        return DesignChoiceConstants.PAGE_ORIENTATION_LANDSCAPE.equals(master.getOrientation()) ? size[1] : size[0];
    }

    /** A length in millimetres (a percentage or nothing: the fallback). */
    private static double mm(DimensionHandle dimension, double fallback) {
        if (dimension == null || dimension.getUnits() == null
                || DesignChoiceConstants.UNITS_PERCENTAGE.equals(dimension.getUnits())) {
            return fallback;
        }
        try {
            return DimensionUtil.convertTo(dimension.getMeasure(), dimension.getUnits(), DesignChoiceConstants.UNITS_MM)
                    .getMeasure();
        } catch (RuntimeException e) {
            return fallback;
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
