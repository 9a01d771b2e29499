package oko.ui.internal.properties;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.Viewer;
import org.eclipse.jface.viewers.ViewerFilter;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import oko.model.edit.ModelLabels;
import oko.ui.internal.Messages;

/**
 * Chooses the values of a many-valued reference, as EMF's feature editor does: a filter box over
 * the candidates (the property descriptor's choices), the chosen values in their order with
 * add/remove and up/down; double click moves a value across. The result is the chosen list.
 */
public final class ReferenceChooserDialog extends Dialog {

    private final String title;
    private final String message;
    private final List<Object> candidates = new ArrayList<>();
    private final List<Object> chosen = new ArrayList<>();
    private List<Object> result;
    private Text filter;
    private TableViewer candidatesViewer;
    private TableViewer chosenViewer;

    /**
     * @param title the feature's name
     * @param message what is edited, e.g. the object's label
     * @param choices the candidates (null entries are dropped)
     * @param current the values chosen now, in their order
     */
    public ReferenceChooserDialog(Shell parent, String title, String message, Collection<?> choices,
            Collection<?> current) {
        super(parent);
        this.title = title;
        this.message = message;
        for (Object choice : choices) {
            if (choice != null && !candidates.contains(choice)) {
                candidates.add(choice);
            }
        }
        chosen.addAll(current);
    }

    /** The dialog for a feature of an object: title and message from the model's labels. */
    public static ReferenceChooserDialog of(Shell parent, EObject object,
            org.eclipse.emf.ecore.EStructuralFeature feature, Collection<?> choices) {
        String featureName = ModelLabels.featureName(object.eClass(), feature);
        return new ReferenceChooserDialog(parent, featureName,
                ModelLabels.label(object), choices,
                (Collection<?>) object.eGet(feature));
    }

    /** The chosen values after OK, else null. */
    public List<Object> result() {
        return result;
    }

    static String text(Object value) {
        return value instanceof EObject object ? ModelLabels.label(object) : String.valueOf(value);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(10, 10).spacing(8, 6).applyTo(area);

        Label heading = new Label(area, SWT.WRAP);
        heading.setText(message);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(600, SWT.DEFAULT).applyTo(heading);

        Composite filterRow = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(filterRow);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).applyTo(filterRow);
        new Label(filterRow, SWT.NONE).setText(Messages.chooserFilter);
        filter = new Text(filterRow, SWT.SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        filter.setMessage(Messages.chooserFilterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);

        Label candidatesLabel = new Label(area, SWT.NONE);
        candidatesLabel.setText(Messages.chooserCandidates);
        new Label(area, SWT.NONE);
        Label chosenLabel = new Label(area, SWT.NONE);
        chosenLabel.setText(Messages.chooserChosen);

        candidatesViewer = list(area);
        candidatesViewer.addFilter(new ViewerFilter() {
            @Override
            public boolean select(Viewer viewer, Object parentElement, Object element) {
                String wanted = filter.getText().strip().toLowerCase();
                return !chosen.contains(element) && (wanted.isEmpty() || text(element).toLowerCase().contains(wanted));
            }
        });
        candidatesViewer.setInput(candidates);

        Composite moves = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(moves);
        GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(moves);
        Button add = button(moves, Messages.chooserAdd, this::add);
        Button remove = button(moves, Messages.chooserRemove, this::remove);

        Composite right = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(right);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(right);
        chosenViewer = list(right);
        chosenViewer.setInput(chosen);
        Composite order = new Composite(right, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(order);
        GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(order);
        Button up = button(order, Messages.chooserUp, () -> move(-1));
        Button down = button(order, Messages.chooserDown, () -> move(1));

        filter.addModifyListener(e -> candidatesViewer.refresh());
        candidatesViewer.addDoubleClickListener(e -> add());
        chosenViewer.addDoubleClickListener(e -> remove());
        Runnable enable = () -> {
            add.setEnabled(!candidatesViewer.getStructuredSelection().isEmpty());
            boolean some = !chosenViewer.getStructuredSelection().isEmpty();
            remove.setEnabled(some);
            up.setEnabled(some);
            down.setEnabled(some);
        };
        candidatesViewer.addSelectionChangedListener(e -> enable.run());
        chosenViewer.addSelectionChangedListener(e -> enable.run());
        enable.run();
        filter.setFocus();
        return area;
    }

    private TableViewer list(Composite parent) {
        TableViewer viewer = new TableViewer(parent, SWT.MULTI | SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return text(element);
            }
        });
        GridDataFactory.fillDefaults().grab(true, true).hint(340, 300).applyTo(viewer.getControl());
        return viewer;
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(button);
        button.addListener(SWT.Selection, e -> action.run());
        return button;
    }

    private void add() {
        List<?> selected = candidatesViewer.getStructuredSelection().toList();
        if (selected.isEmpty()) {
            return;
        }
        chosen.addAll(selected);
        refresh(selected);
    }

    private void remove() {
        List<?> selected = chosenViewer.getStructuredSelection().toList();
        if (selected.isEmpty()) {
            return;
        }
        chosen.removeAll(selected);
        refresh(List.of());
        candidatesViewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(selected), true);
    }

    private void move(int step) {
        List<?> selected = chosenViewer.getStructuredSelection().toList();
        List<Integer> order = new ArrayList<>();
        selected.forEach(s -> order.add(chosen.indexOf(s)));
        order.sort(step < 0 ? Integer::compare : (a, b) -> Integer.compare(b, a));
        for (int index : order) {
            int target = index + step;
            if (index < 0 || target < 0 || target >= chosen.size() || selected.contains(chosen.get(target))) {
                continue;
            }
            chosen.add(target, chosen.remove(index));
        }
        refresh(selected);
    }

    private void refresh(List<?> select) {
        candidatesViewer.refresh();
        chosenViewer.refresh();
        chosenViewer.setSelection(new org.eclipse.jface.viewers.StructuredSelection(select), true);
    }

    /** The candidates the filter shows now (for tests: what a person sees in the left list). */
    public List<String> shownCandidates() {
        List<String> texts = new ArrayList<>();
        for (var item : candidatesViewer.getTable().getItems()) {
            texts.add(item.getText());
        }
        return texts;
    }

    @Override
    protected void okPressed() {
        result = new ArrayList<>(chosen);
        super.okPressed();
    }
}
