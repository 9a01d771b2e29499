package oko.publish.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import oko.publish.SitePublisher;

/**
 * The choices of File ▸ Publish…: output folder (with Browse…), the system (a choice only when there
 * are several), the period (default: the latest with data), the optional base URL and the PDF reports.
 */
public final class PublishDialog extends TitleAreaDialog {

    /** A system or period offered: its code and the text shown. */
    public record Choice(String code, String label) {
    }

    /** What the user chose. */
    public record Chosen(Path folder, String systemCode, String periodCode, String baseUrl, boolean reports) {
    }

    private final List<Choice> systems;
    private final List<Choice> periods;
    private Text folder;
    private Combo system;
    private Combo period;
    private Text baseUrl;
    private Button reports;
    private Chosen chosen;

    public PublishDialog(Shell parent, List<Choice> systems, List<Choice> periods) {
        super(parent);
        this.systems = systems;
        this.periods = periods;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.title);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(Messages.title);
        setMessage(Messages.message);
        Composite body = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(body);
        GridLayoutFactory.swtDefaults().numColumns(3).margins(10, 10).applyTo(body);

        new Label(body, SWT.NONE).setText(Messages.folder);
        folder = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(480, SWT.DEFAULT).applyTo(folder);
        Button browse = new Button(body, SWT.PUSH);
        browse.setText(Messages.browse);
        browse.addListener(SWT.Selection, e -> {
            DirectoryDialog dialog = new DirectoryDialog(getShell());
            dialog.setMessage(Messages.chooseFolder);
            if (!folder.getText().isBlank()) {
                dialog.setFilterPath(folder.getText());
            }
            String picked = dialog.open();
            if (picked != null) {
                folder.setText(picked);
            }
        });

        if (systems.size() > 1) {
            new Label(body, SWT.NONE).setText(Messages.system);
            system = new Combo(body, SWT.READ_ONLY);
            systems.forEach(s -> system.add(s.label()));
            GridDataFactory.fillDefaults().span(2, 1).applyTo(system);
            system.addListener(SWT.Selection, e -> validate());
        }

        new Label(body, SWT.NONE).setText(Messages.period);
        period = new Combo(body, SWT.READ_ONLY);
        period.add(Messages.periodLatest);
        periods.forEach(p -> period.add(p.label()));
        period.select(0);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(period);

        new Label(body, SWT.NONE).setText(Messages.baseUrl);
        baseUrl = new Text(body, SWT.BORDER);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(baseUrl);
        new Label(body, SWT.NONE);
        Label hint = new Label(body, SWT.WRAP);
        hint.setText(Messages.baseUrlHint);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(480, SWT.DEFAULT).applyTo(hint);

        new Label(body, SWT.NONE);
        reports = new Button(body, SWT.CHECK);
        reports.setText(Messages.reports);
        reports.setSelection(true);
        GridDataFactory.fillDefaults().span(2, 1).applyTo(reports);

        folder.addListener(SWT.Modify, e -> validate());
        baseUrl.addListener(SWT.Modify, e -> validate());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.publish, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    /** Fills the fields as the user would (tests); {@code systemCode} is ignored when there is one system. */
    public void choose(String folderText, String systemCode, String periodCode, String url, boolean withReports) {
        folder.setText(folderText);
        if (system != null) {
            for (int i = 0; i < systems.size(); i++) {
                if (systems.get(i).code().equals(systemCode)) {
                    system.select(i);
                }
            }
        }
        period.select(0);
        for (int i = 0; i < periods.size(); i++) {
            if (periods.get(i).code().equals(periodCode)) {
                period.select(i + 1);
            }
        }
        baseUrl.setText(url == null ? "" : url);
        reports.setSelection(withReports);
        validate();
    }

    /** The problem the fields have, or null. */
    private String problem() {
        String text = folder.getText().strip();
        if (text.isEmpty()) {
            return Messages.noFolder;
        }
        Path path = Path.of(text);
        if (Files.exists(path) && !Files.isDirectory(path)) {
            return Messages.bind(Messages.notFolder, path);
        }
        if (system != null && system.getSelectionIndex() < 0) {
            return Messages.noSystem;
        }
        String url = baseUrl.getText().strip();
        if (!url.isEmpty() && !SitePublisher.isSectionAddress(url)) {
            return Messages.bind(Messages.badBaseUrl, url);
        }
        return null;
    }

    private void validate() {
        if (folder == null || getButton(IDialogConstants.OK_ID) == null) {
            return;
        }
        String problem = problem();
        if (problem == null) {
            setMessage(Messages.message);
        } else {
            setMessage(problem, folder.getText().isBlank() ? IMessageProvider.INFORMATION : IMessageProvider.ERROR);
        }
        getButton(IDialogConstants.OK_ID).setEnabled(problem == null);
    }

    @Override
    protected void okPressed() {
        if (problem() != null) {
            return;
        }
        String url = baseUrl.getText().strip();
        int periodIndex = period.getSelectionIndex();
        chosen = new Chosen(Path.of(folder.getText().strip()).toAbsolutePath().normalize(),
                systems.get(system == null ? 0 : system.getSelectionIndex()).code(),
                periodIndex <= 0 ? null : periods.get(periodIndex - 1).code(), url.isEmpty() ? null : url,
                reports.getSelection());
        super.okPressed();
    }

    /** What was chosen, after OK; null when cancelled. */
    public Chosen chosen() {
        return chosen;
    }
}
