package oko.ui.internal.editors;

import java.util.List;

import org.eclipse.jface.layout.TableColumnLayout;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ColumnWeightData;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.ILabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.views.properties.IPropertyDescriptor;

import oko.ui.editors.TransactionalEditor;
import oko.ui.internal.Messages;
import oko.ui.internal.properties.ItemPropertySource;

/**
 * The form editor for any object without a table editor: one row per property (from the item
 * provider), the value edited in place with the cell editor of its type.
 */
public final class FormEditor extends TransactionalEditor {

    public static final String ID = "oko.ui.editors.form";

    private TableViewer viewer;
    private ItemPropertySource source;

    @Override
    protected String title() {
        return Messages.editorForm;
    }

    @Override
    public void createPartControl(Composite parent) {
        source = new ItemPropertySource(root, factory, domain);
        TableColumnLayout layout = new TableColumnLayout();
        parent.setLayout(layout);
        viewer = new TableViewer(parent, SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.BORDER);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        TableViewerColumn name = new TableViewerColumn(viewer, SWT.LEFT);
        name.getColumn().setText(Messages.formProperty);
        layout.setColumnData(name.getColumn(), new ColumnWeightData(30, 160, true));
        name.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return ((IPropertyDescriptor) element).getDisplayName();
            }

            @Override
            public String getToolTipText(Object element) {
                return ((IPropertyDescriptor) element).getDescription();
            }
        });
        TableViewerColumn value = new TableViewerColumn(viewer, SWT.LEFT);
        value.getColumn().setText(Messages.formValue);
        layout.setColumnData(value.getColumn(), new ColumnWeightData(70, 200, true));
        value.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                IPropertyDescriptor descriptor = (IPropertyDescriptor) element;
                ILabelProvider labels = descriptor.getLabelProvider();
                return labels.getText(source.getPropertyValue(descriptor.getId()));
            }
        });
        value.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected boolean canEdit(Object element) {
                return getCellEditor(element) != null;
            }

            @Override
            protected CellEditor getCellEditor(Object element) {
                return ((IPropertyDescriptor) element).createPropertyEditor(viewer.getTable());
            }

            @Override
            protected Object getValue(Object element) {
                return source.getPropertyValue(((IPropertyDescriptor) element).getId());
            }

            @Override
            protected void setValue(Object element, Object newValue) {
                source.setPropertyValue(((IPropertyDescriptor) element).getId(), newValue);
            }
        });
        viewer.setInput(List.of(source.getPropertyDescriptors()));
        installUndoRedo(getEditorSite().getActionBars());
        getEditorSite().getActionBars().updateActionBars();
        stackChanged();
    }

    /** The rows: property name and shown value, for tests. */
    public List<List<String>> rows() {
        return java.util.Arrays.stream(viewer.getTable().getItems())
                .map(item -> List.of(item.getText(0), item.getText(1))).toList();
    }

    @Override
    public TableViewer viewer() {
        return viewer;
    }
}
