package oko.exchange.ui.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import oko.exchange.ModelImport;

/** Page 1 of the import: the kind of data, the file, the system and the options. */
public final class ChoosePage extends WizardPage {

    private final ImportWizard wizard;
    private Combo kind;
    private Text file;
    private Combo system;
    private Combo period;
    private Button createClusters;
    private Button replace;

    ChoosePage(ImportWizard wizard) {
        super("choose");
        this.wizard = wizard;
        setTitle(Messages.choosePage);
        setDescription(Messages.chooseDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(3, false));

        label(page, Messages.kind);
        kind = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        kind.add(Messages.kindModel);
        wizard.kinds().forEach(k -> kind.add(k.label()));
        kind.select(Math.min(1, kind.getItemCount() - 1));
        kind.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        label(page, Messages.file);
        file = new Text(page, SWT.BORDER | SWT.SINGLE);
        file.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button browse = new Button(page, SWT.PUSH);
        browse.setText(Messages.browse);
        browse.addListener(SWT.Selection, e -> browse());

        label(page, Messages.system);
        system = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        wizard.systems().forEach(s -> system.add(s.label()));
        if (!wizard.systems().isEmpty()) {
            system.select(0);
        }
        system.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        label(page, Messages.period);
        period = new Combo(page, SWT.READ_ONLY | SWT.DROP_DOWN);
        period.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        fillPeriods();

        new Label(page, SWT.NONE);
        createClusters = new Button(page, SWT.CHECK);
        createClusters.setText(Messages.createClusters);
        createClusters.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        new Label(page, SWT.NONE);
        replace = new Button(page, SWT.CHECK);
        replace.setText(Messages.replaceModels);
        replace.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        kind.addListener(SWT.Modify, e -> changed());
        kind.addListener(SWT.Selection, e -> changed());
        file.addListener(SWT.Modify, e -> changed());
        system.addListener(SWT.Selection, e -> {
            fillPeriods();
            changed();
        });
        period.addListener(SWT.Selection, e -> changed());
        setControl(page);
        changed();
    }

    private static void label(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
    }

    private void fillPeriods() {
        period.removeAll();
        period.add(Messages.periodFromFile);
        int chosen = system.getSelectionIndex();
        if (chosen >= 0) {
            wizard.systems().get(chosen).periods().forEach(period::add);
        }
        period.select(0);
    }

    private void browse() {
        FileDialog dialog = new FileDialog(getShell(), SWT.OPEN);
        dialog.setText(Messages.title);
        ModelImport chosen = kind();
        List<String> extensions = chosen == null ? List.of("xmi") : chosen.extensions().stream().sorted().toList();
        String filter = String.join(";", extensions.stream().map(e -> "*." + e).toList());
        dialog.setFilterExtensions(new String[] { filter, "*.*" });
        dialog.setFilterNames(new String[] { kind.getText() + " (" + filter + ")", "*.*" });
        String path = dialog.open();
        if (path != null) {
            file.setText(path);
        }
    }

    /** Enables what the kind uses and says what is missing. */
    private void changed() {
        ModelImport chosen = kind();
        boolean model = chosen == null;
        system.setEnabled(!model);
        period.setEnabled(!model);
        createClusters.setEnabled(!model);
        replace.setEnabled(model);
        String error = null;
        Path path = file();
        if (file.getText().isBlank()) {
            error = Messages.noFile;
        } else if (!ImportWizard.isFile(path)) {
            error = Messages.bind(Messages.noSuchFile, file.getText());
        } else if (!ImportWizard.fits(chosen, path)) {
            error = Messages.bind(Messages.wrongExtension, new Object[] { path.getFileName(), kind.getText(),
                    String.join(", ", (model ? List.of("xmi") : chosen.extensions().stream().sorted().toList())) });
        } else if (!model && system.getSelectionIndex() < 0) {
            error = Messages.noSystem;
        }
        // an error of a file read earlier is replaced by what the fields say now; no file yet is not an
        // error, only what to do next (as Eclipse's own wizards open)
        boolean noFileYet = file.getText().isBlank();
        setErrorMessage(noFileYet ? null : error);
        setMessage(noFileYet ? Messages.noFile : null);
        setPageComplete(error == null);
    }

    @Override
    public boolean canFlipToNextPage() {
        return isPageComplete() && kind() != null;
    }

    @Override
    public IWizardPage getNextPage() {
        // only called when Next is pressed (canFlipToNextPage does not ask): read the file now
        if (kind() == null || !wizard.prepare()) {
            return null;
        }
        return super.getNextPage();
    }

    /** The import chosen, null for the XMI model. */
    public ModelImport kind() {
        int index = kind == null ? -1 : kind.getSelectionIndex();
        return index <= 0 ? null : wizard.kinds().get(index - 1);
    }

    Path file() {
        try {
            return file.getText().isBlank() ? null : Path.of(file.getText().strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    String systemCode() {
        int index = system.getSelectionIndex();
        return index < 0 ? null : wizard.systems().get(index).code();
    }

    /** The period code, null for the file's period column. */
    String period() {
        int index = period.getSelectionIndex();
        return index <= 0 ? null : period.getItem(index);
    }

    boolean createMissing() {
        return createClusters.getSelection();
    }

    boolean replace() {
        return replace.getSelection();
    }

    /** Chooses a kind by its id, for tests. */
    public void choose(String id, String path, String systemCode) {
        for (int i = 0; i < wizard.kinds().size(); i++) {
            if (wizard.kinds().get(i).id().equals(id)) {
                kind.select(i + 1);
            }
        }
        for (int i = 0; i < wizard.systems().size(); i++) {
            if (wizard.systems().get(i).code().equals(systemCode)) {
                system.select(i);
                fillPeriods();
            }
        }
        file.setText(path);
        changed();
    }
}
