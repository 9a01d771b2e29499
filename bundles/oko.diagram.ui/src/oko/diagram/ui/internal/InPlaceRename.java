package oko.diagram.ui.internal;

import org.eclipse.draw2d.geometry.Rectangle;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.gef.tools.CellEditorLocator;
import org.eclipse.gef.tools.DirectEditManager;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;

import oko.diagram.DiagramEditing;
import oko.diagram.DiagramInterpreter.Node;
import oko.diagram.description.DiagramDescription;
import oko.diagram.description.DirectEditTool;
import oko.diagram.ui.internal.Parts.NodePart;

/**
 * Rename in place: a text field over the node showing the value of the direct-edit tool's feature
 * ({@code name} by default), committed with Enter through the node part's direct-edit policy.
 */
final class InPlaceRename {

    private InPlaceRename() {
    }

    static void show(NodePart part, DiagramDescription description) {
        Node node = part.node();
        DirectEditTool tool = DiagramEditing.toolFor(description, DirectEditTool.class, node.mapping());
        EStructuralFeature feature = node.element().eClass()
                .getEStructuralFeature(tool.getFeature() == null ? "name" : tool.getFeature());
        Object value = feature == null ? "" : node.element().eGet(feature);
        new DirectEditManager(part, TextCellEditor.class, new CellEditorLocator() {
            @Override
            public void relocate(CellEditor editor) {
                Text text = (Text) editor.getControl();
                Rectangle r = part.getFigure().getBounds().getCopy();
                part.getFigure().translateToAbsolute(r);
                int height = text.computeSize(SWT.DEFAULT, SWT.DEFAULT).y;
                text.setBounds(r.x, r.y + Math.max(0, (r.height - height) / 2), Math.max(r.width, 120), height);
            }
        }) {
            @Override
            protected void initCellEditor() {
                getCellEditor().setValue(value == null ? "" : String.valueOf(value));
                ((Text) getCellEditor().getControl()).selectAll();
            }
        }.show();
    }
}
