package oko.reports.ui.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IToolBarManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;

import oko.model.ModelRoot;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.reports.Reports;
import oko.reports.Reports.Format;
import oko.reports.Reports.Layout;
import oko.ui.ErrorReports;
import oko.ui.RepositoryConnection;

/**
 * The report catalogue of the Reports perspective: the contributed layouts and those of
 * DATA/reports (a broken one in red with its problem). Run (or double click) asks the layout's
 * parameters, renders it in a background job over the repository's quality systems and opens the
 * HTML in the editor area ({@link ReportPreview}); Save as renders it to PDF, XLSX, DOCX or HTML.
 */
public final class ReportCatalogueView extends org.eclipse.ui.part.ViewPart {

    public static final String ID = "oko.reports.ui.views.catalogue";
    /** Family of the report jobs, for tests and for waiting. */
    public static final Object FAMILY = ReportCatalogueView.class;

    private TableViewer table;
    private Path previewFile;

    @Override
    public void createPartControl(Composite parent) {
        table = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        table.getTable().setHeaderVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        Color red = parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED);
        column(Messages.columnReport, 220, layout -> layout.title() == null ? layout.id() : layout.title(), null);
        column(Messages.columnOrigin, 320, layout -> layout.problem() == null ? layout.origin() : layout.problem(), red);
        table.addDoubleClickListener(event -> run());
        IToolBarManager toolbar = getViewSite().getActionBars().getToolBarManager();
        toolbar.add(new Action(Messages.run) {
            @Override
            public void run() {
                ReportCatalogueView.this.run();
            }
        });
        toolbar.add(new Action(Messages.saveAs) {
            @Override
            public void run() {
                saveAs();
            }
        });
        toolbar.add(new Action(Messages.refresh) {
            @Override
            public void run() {
                refresh();
            }
        });
        getSite().setSelectionProvider(table);
        refresh();
    }

    private void column(String title, int width, java.util.function.Function<Layout, String> text, Color color) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Layout) element);
            }

            @Override
            public Color getForeground(Object element) {
                return color != null && ((Layout) element).problem() != null ? color : null;
            }
        });
    }

    /** Reads the catalogue again (a designer dropped a layout into DATA/reports). */
    public void refresh() {
        table.setInput(Reports.catalogue(folder()));
    }

    private static Path folder() {
        return RepositoryConnection.dataDirectory().map(d -> d.resolve("reports")).orElse(null);
    }

    /** The layouts listed, for tests. */
    public List<Layout> layouts() {
        return ((List<?>) table.getInput()).stream().map(Layout.class::cast).toList();
    }

    public TableViewer table() {
        return table;
    }

    /** The preview's file (the last HTML rendered), for tests. */
    public Path previewFile() {
        return previewFile;
    }

    private Layout selected() {
        Object first = table.getStructuredSelection().getFirstElement();
        return first instanceof Layout layout ? layout : null;
    }

    /**
     * Asks the layout's parameters in one dialog, with the repository's indicators and periods as
     * choices; an empty map when it has none, null when cancelled.
     */
    private Map<String, String> askParameters(Layout layout) {
        try {
            List<Reports.Parameter> parameters = withSystems(systems -> Reports.parameters(layout, systems));
            if (parameters.isEmpty()) {
                return Map.of();
            }
            ParametersDialog dialog = new ParametersDialog(getSite().getShell(),
                    layout.title() == null ? layout.id() : layout.title(), parameters);
            return dialog.open() == Window.OK ? dialog.values() : null;
        } catch (Exception e) {
            failed(layout, e);
            return null;
        }
    }

    private interface OverSystems<T> {
        T apply(List<QualitySystem> systems) throws Exception;
    }

    /** Runs body over every quality system of the repository, in a view of its own. */
    private static <T> T withSystems(OverSystems<T> body) throws Exception {
        OkoRepository repository = RepositoryConnection.repository()
                .orElseThrow(() -> new IllegalStateException(Messages.noRepository));
        CDOView view = repository.openView();
        try {
            List<QualitySystem> systems = new ArrayList<>();
            for (EObject root : OkoRepository.roots(view)) {
                if (root instanceof ModelRoot model) {
                    systems.addAll(model.getQualitySystems());
                }
            }
            return body.apply(systems);
        } finally {
            view.close();
        }
    }

    /** Run: renders the selected layout to HTML in a job and shows it below. */
    public void run() {
        Layout layout = selected();
        if (layout == null) {
            return;
        }
        Map<String, String> parameters = askParameters(layout);
        if (parameters == null) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("oko-report");
            Path file = dir.resolve(layout.id() + ".html");
            String title = layout.title() == null ? layout.id() : layout.title();
            render(layout, Format.HTML, parameters, file, () -> {
                previewFile = file;
                try {
                    getSite().getPage().openEditor(new ReportPreview.Input(file, title), ReportPreview.ID);
                } catch (org.eclipse.ui.PartInitException e) {
                    failed(layout, e);
                }
            });
        } catch (java.io.IOException e) {
            failed(layout, e);
        }
    }

    private void saveAs() {
        Layout layout = selected();
        if (layout == null) {
            return;
        }
        FileDialog dialog = new FileDialog(getSite().getShell(), SWT.SAVE);
        dialog.setFilterPath(saveFolder().toString());
        dialog.setFilterExtensions(new String[] { "*.pdf", "*.xlsx", "*.docx", "*.html" });
        dialog.setFileName(layout.id() + ".pdf");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        SaveFolder.remember(settings(), file);
        String extension = file.getFileName().toString().replaceFirst(".*\\.", "");
        Format format = Format.of(extension).orElse(Format.PDF);
        Map<String, String> parameters = askParameters(layout);
        if (parameters != null) {
            render(layout, format, parameters, file, () -> setContentDescription(
                    Messages.bind(Messages.saved, layout.id(), file)));
        }
    }

    /** Where Save as starts: the folder used last, else the user's documents folder (not the program's). */
    public Path saveFolder() {
        return SaveFolder.start(settings(), System::getenv, Path.of(System.getProperty("user.home")));
    }

    private static org.eclipse.jface.dialogs.IDialogSettings settings() {
        return org.eclipse.ui.PlatformUI.getDialogSettingsProvider(
                org.osgi.framework.FrameworkUtil.getBundle(ReportCatalogueView.class)).getDialogSettings();
    }

    /** Renders in a background job over every quality system of the repository; then runs done on the UI thread. */
    public Job render(Layout layout, Format format, Map<String, String> parameters, Path file, Runnable done) {
        Job job = oko.ui.UserJobs.schedule(Messages.bind(Messages.runJob, layout.title() == null ? layout.id() : layout.title()), FAMILY, monitor -> {
            SubMonitor progress = SubMonitor.convert(monitor, 2);
            try {
                withSystems(systems -> {
                    progress.worked(1);
                    // a temporary file moved into place when complete: a failure leaves no partial report
                    Reports.write(layout, format, parameters, systems, file,
                            file.toAbsolutePath().getParent().resolve(layout.id() + "-images"));
                    return null;
                });
                progress.worked(1);
                table.getControl().getDisplay().asyncExec(() -> {
                    if (!table.getControl().isDisposed()) {
                        done.run();
                    }
                });
                return Status.OK_STATUS;
            } catch (Exception e) {
                return failed(layout, e);
            }
        });
        return job;
    }

    private IStatus failed(Layout layout, Exception e) {
        ErrorReports.show(ReportCatalogueView.class, Messages.runFailedTitle,
                Status.error(Messages.bind(Messages.runFailed, layout.id(), e.getMessage()), e));
        return Status.OK_STATUS;
    }

    @Override
    public void setFocus() {
        table.getControl().setFocus();
    }
}
