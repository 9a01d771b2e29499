package oko.reports.ui.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import oko.reports.Reports.Choice;
import oko.reports.Reports.Parameter;

/**
 * Asks a report's parameters on one page: a parameter with a selection list (the indicators, the
 * periods of the repository) is a read-only combo showing the labels, the first value chosen; any
 * other is a text field. OK is enabled once every required parameter has a value.
 */
public final class ParametersDialog extends TitleAreaDialog {

    private final String report;
    private final List<Parameter> parameters;
    private final Map<String, Supplier<String>> fields = new LinkedHashMap<>();
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private Map<String, String> values;

    public ParametersDialog(Shell shell, String report, List<Parameter> parameters) {
        super(shell);
        this.report = report;
        this.parameters = parameters;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.parameterTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(report);
        setMessage(Messages.parameterMessage);
        Composite body = new Composite(area, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).applyTo(body);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        for (Parameter parameter : parameters) {
            Label label = new Label(body, SWT.NONE);
            label.setText(parameter.prompt() + (parameter.required() ? " *" : ""));
            if (parameter.choices().isEmpty()) {
                Text text = new Text(body, SWT.BORDER);
                GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(text);
                text.addModifyListener(e -> validate());
                fields.put(parameter.name(), () -> text.getText().strip());
                controls.put(parameter.name(), text);
            } else {
                Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(parameter.choices().stream().map(Choice::label).toArray(String[]::new));
                combo.setVisibleItemCount(Math.min(20, parameter.choices().size()));
                combo.select(0);
                GridDataFactory.fillDefaults().grab(true, false).hint(360, SWT.DEFAULT).applyTo(combo);
                fields.put(parameter.name(), () -> combo.getSelectionIndex() < 0 ? ""
                        : parameter.choices().get(combo.getSelectionIndex()).value());
                controls.put(parameter.name(), combo);
            }
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    private void validate() {
        if (getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String missing = parameters.stream().filter(p -> p.required() && fields.get(p.name()).get().isEmpty())
                .map(Parameter::prompt).findFirst().orElse(null);
        setErrorMessage(missing == null ? null : Messages.bind(Messages.parameterMissing, missing));
        getButton(IDialogConstants.OK_ID).setEnabled(missing == null);
    }

    @Override
    protected void okPressed() {
        values = new LinkedHashMap<>();
        fields.forEach((name, value) -> {
            if (!value.get().isEmpty()) {
                values.put(name, value.get());
            }
        });
        super.okPressed();
    }

    /** The values chosen, by parameter name (after OK). */
    public Map<String, String> values() {
        return values;
    }

    /** The field of a parameter (a Combo or a Text), for tests. */
    public Control control(String name) {
        return controls.get(name);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }
}
