package oko.exchange.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import oko.exchange.ImportReport;

/**
 * Page 2 of the import: what the file will change (counts per class), its first rows as read, and
 * every error and note of the report. With errors the page says that nothing will be stored and
 * Finish stays disabled.
 */
public final class PreviewPage extends WizardPage {

    private Label counts;
    private Table rows;
    private Table messages;

    PreviewPage() {
        super("preview");
        setTitle(Messages.previewPage);
        setDescription(Messages.previewDescription);
    }

    @Override
    public void createControl(Composite parent) {
        Composite page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        counts = new Label(page, SWT.WRAP);
        counts.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(page, SWT.NONE).setText(Messages.previewRows);
        rows = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        rows.setHeaderVisible(true);
        rows.setLinesVisible(true);
        GridData rowsData = new GridData(SWT.FILL, SWT.FILL, true, true);
        rowsData.heightHint = 150;
        rows.setLayoutData(rowsData);
        new Label(page, SWT.NONE).setText(Messages.previewMessages);
        messages = new Table(page, SWT.BORDER | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        GridData messagesData = new GridData(SWT.FILL, SWT.FILL, true, true);
        messagesData.heightHint = 90;
        messages.setLayoutData(messagesData);
        new TableColumn(messages, SWT.LEFT);
        setControl(page);
    }

    /** Shows a prepared import's report. */
    void show(ImportReport report) {
        List<String> lines = new ArrayList<>();
        if (report.hasErrors()) {
            // the page's message says that nothing will be stored; here: where the errors are
            lines.add(Messages.bind(Messages.previewErrorsBelow, report.errorCount()));
        } else if (report.counts().isEmpty()) {
            lines.add(Messages.previewNothing);
        } else {
            lines.add(Messages.previewCounts);
            for (Map.Entry<String, int[]> count : report.counts().entrySet()) {
                lines.add("  " + Messages.bind(Messages.previewCount, new Object[] { count.getKey(),
                        count.getValue()[0], count.getValue()[1] }));
            }
        }
        counts.setText(String.join("\n", lines));
        if (report.hasErrors()) {
            setErrorMessage(Messages.bind(Messages.previewErrors, report.errorCount()));
        } else {
            setErrorMessage(null);
        }

        rows.setRedraw(false);
        rows.removeAll();
        for (TableColumn column : rows.getColumns()) {
            column.dispose();
        }
        int width = report.header().size();
        for (List<String> row : report.previewRows()) {
            width = Math.max(width, row.size());
        }
        for (int c = 0; c < width; c++) {
            TableColumn column = new TableColumn(rows, SWT.LEFT);
            column.setText(c < report.header().size() ? report.header().get(c) : "");
        }
        for (List<String> row : report.previewRows()) {
            TableItem item = new TableItem(rows, SWT.NONE);
            for (int c = 0; c < row.size(); c++) {
                item.setText(c, row.get(c) == null ? "" : row.get(c).replace('\n', ' '));
            }
        }
        for (TableColumn column : rows.getColumns()) {
            column.pack();
            column.setWidth(Math.min(column.getWidth() + 8, 320));
        }
        rows.deselectAll();
        rows.setRedraw(true);

        messages.removeAll();
        List<String> listed = new ArrayList<>();
        report.errors().forEach(e -> listed.add(e.toString()));
        if (report.errorCount() > report.errors().size()) {
            // the count of those not listed, as the report's lines say it
            report.lines().stream().skip(report.errors().size()).findFirst().ifPresent(listed::add);
        }
        report.notes().forEach(n -> listed.add(n.toString()));
        for (String line : listed) {
            new TableItem(messages, SWT.NONE).setText(line);
        }
        messages.getColumn(0).pack();
        ((Composite) getControl()).layout(true, true);
        getContainer().updateButtons();
    }

    /** The count lines shown, for tests. */
    public String countsText() {
        return counts.getText();
    }

    /** The preview rows as shown (header first), for tests. */
    public List<List<String>> rowsShown() {
        List<List<String>> shown = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (TableColumn column : rows.getColumns()) {
            header.add(column.getText());
        }
        shown.add(header);
        for (TableItem item : rows.getItems()) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < rows.getColumnCount(); c++) {
                cells.add(item.getText(c));
            }
            shown.add(cells);
        }
        return shown;
    }

    /** The errors and notes listed, for tests. */
    public List<String> messagesShown() {
        List<String> shown = new ArrayList<>();
        for (TableItem item : messages.getItems()) {
            shown.add(item.getText());
        }
        return shown;
    }
}
