package oko.exchange.ui.internal;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.MultiStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.wizard.IWizardPage;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import oko.exchange.ImportReport;
import oko.exchange.ImportSession;
import oko.exchange.ImportSettings;
import oko.exchange.ModelImport;
import oko.exchange.ModelImports;
import oko.model.ModelRoot;
import oko.model.Period;
import oko.model.QualitySystem;
import oko.repository.OkoRepository;
import oko.ui.ErrorReports;
import oko.ui.UserJobs;
import oko.ui.navigator.Navigator;

/**
 * File ▸ Import…: a model (XMI, as before), a register or table contributed to
 * {@code oko.exchange.tables}, or raw monitoring values. Page 1 chooses the kind, the file, the
 * system and the options; page 2 shows what the file will change (prepared in an
 * {@link ImportSession}'s transaction, nothing changed yet) with every error, Finish being
 * possible only without errors; Finish commits the prepared import in a job and selects the result
 * in the navigator.
 */
public final class ImportWizard extends Wizard {

    /** Family of the import jobs, for tests. */
    public static final Object FAMILY = ImportWizard.class;

    /** A system to import into: its code, label and period codes. */
    record SystemChoice(String code, String label, List<String> periods) {
    }

    private final OkoRepository repository;
    private final List<ModelImport> kinds = new ArrayList<>();
    private final List<SystemChoice> systems = new ArrayList<>();
    private ChoosePage choose;
    private PreviewPage preview;

    /** The session of the prepared import; handed to the job at Finish, else closed. */
    private ImportSession session;
    private ModelImport.Prepared prepared;
    /** What was prepared: kind, file, system, settings (prepared again when any changes). */
    private List<Object> preparedFor;

    public ImportWizard(OkoRepository repository) {
        this.repository = repository;
        setWindowTitle(Messages.title);
        setNeedsProgressMonitor(true);
        kinds.addAll(ModelImports.imports());
        kinds.add(new MonitoringValuesImport());
        CDOView view = repository.openView();
        try {
            // the periods of every model root (the monitoring periods may be in a model of their own)
            List<String> periods = OkoRepository.roots(view).stream().filter(ModelRoot.class::isInstance)
                    .flatMap(r -> ((ModelRoot) r).getPeriods().stream()).map(Period::getCode)
                    .filter(c -> c != null && !c.isBlank()).distinct().sorted().toList();
            for (EObject root : OkoRepository.roots(view)) {
                if (root instanceof ModelRoot model) {
                    for (QualitySystem system : model.getQualitySystems()) {
                        String name = system.getName() == null ? system.getCode() : system.getName();
                        systems.add(new SystemChoice(system.getCode(), name + " (" + system.getCode() + ")", periods));
                    }
                }
            }
        } finally {
            view.close();
        }
    }

    /** The kinds offered after the XMI model: contributed tables, then monitoring values. */
    List<ModelImport> kinds() {
        return kinds;
    }

    List<SystemChoice> systems() {
        return systems;
    }

    @Override
    public void addPages() {
        choose = new ChoosePage(this);
        preview = new PreviewPage();
        addPage(choose);
        addPage(preview);
    }

    /** The first page (kind, file, system, options), for tests. */
    public ChoosePage choosePage() {
        return choose;
    }

    /** The preview page, for tests. */
    public PreviewPage previewPage() {
        return preview;
    }

    /** The report of the import prepared, or null. */
    public ImportReport report() {
        return prepared == null ? null : prepared.report();
    }

    @Override
    public boolean canFinish() {
        if (choose.kind() == null) {
            return choose.isPageComplete(); // the XMI model: no preview
        }
        return getContainer().getCurrentPage() == preview && prepared != null && !prepared.report().hasErrors();
    }

    /**
     * Prepares the import chosen on page 1 (again when anything changed since), with progress;
     * false when the file could not be read at all (then page 1 says why).
     */
    boolean prepare() {
        ModelImport kind = choose.kind();
        Path file = choose.file();
        String system = choose.systemCode();
        ImportSettings settings = new ImportSettings(choose.period(), choose.createMissing());
        List<Object> key = java.util.Arrays.asList(kind, file, system, settings);
        if (prepared != null && key.equals(preparedFor)) {
            return true;
        }
        closeSession();
        try {
            getContainer().run(true, false, monitor -> {
                monitor.beginTask(Messages.bind(Messages.preparing, file.getFileName()), IProgressMonitor.UNKNOWN);
                ImportSession opened = null;
                try {
                    opened = ImportSession.open(repository, system);
                    prepared = opened.prepare(kind, file, settings, monitor);
                    session = opened;
                } catch (Exception | Error e) {
                    if (opened != null) {
                        opened.close();
                    }
                    throw new InvocationTargetException(e);
                } finally {
                    monitor.done();
                }
            });
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            choose.setErrorMessage(Messages.bind(Messages.prepareFailed, file.getFileName(),
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
            prepared = null;
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        preparedFor = key;
        preview.show(prepared.report());
        return true;
    }

    @Override
    public boolean performFinish() {
        if (choose.kind() == null) {
            oko.ui.exchange.ModelFiles.importFiles(List.of(choose.file()), choose.replace());
            return true;
        }
        ImportSession owned = session;
        ModelImport.Prepared toCommit = prepared;
        String label = choose.kind().label();
        String fileName = choose.file().getFileName().toString();
        session = null; // the job owns it now
        prepared = null;
        Display display = getShell().getDisplay();
        UserJobs.schedule(Messages.bind(Messages.job, fileName), FAMILY, monitor -> {
            try {
                ImportSession.Committed committed = owned.commit(toCommit,
                        Messages.bind(Messages.comment, label, fileName), monitor);
                List<CDOID> ids = new ArrayList<>();
                for (EObject object : committed.objects()) {
                    ids.add(CDOUtil.getCDOObject(object).cdoID());
                }
                long time = committed.commit() == null ? 0 : committed.commit().getTimeStamp();
                org.eclipse.core.runtime.ILog.of(ImportWizard.class).info(Messages.bind(Messages.done, label, fileName));
                display.asyncExec(() -> select(time, ids));
                return Status.OK_STATUS;
            } catch (OperationCanceledException e) {
                return Status.CANCEL_STATUS;
            } catch (RuntimeException e) {
                MultiStatus status = new MultiStatus(ImportWizard.class, 0, Messages.bind(Messages.failed, fileName));
                status.add(Status.error(e.getMessage() == null ? e.getClass().getName() : e.getMessage(), e));
                ErrorReports.show(ImportWizard.class, Messages.title, status);
                return Status.OK_STATUS;
            } finally {
                owned.close();
            }
        });
        return true;
    }

    /** Shows the navigator and selects the objects the import created or updated. */
    private static void select(long time, List<CDOID> ids) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window == null ? null : window.getActivePage();
        if (page == null || ids.isEmpty()) {
            return;
        }
        try {
            if (page.showView(Navigator.ID) instanceof Navigator navigator) {
                navigator.select(time, ids);
            }
        } catch (PartInitException e) {
            org.eclipse.core.runtime.ILog.of(ImportWizard.class).log(e.getStatus());
        }
    }

    @Override
    public boolean performCancel() {
        closeSession();
        return true;
    }

    @Override
    public void dispose() {
        closeSession();
        super.dispose();
    }

    private void closeSession() {
        if (session != null) {
            ImportSession closing = session;
            session = null;
            prepared = null;
            preparedFor = null;
            closing.close();
        }
    }

    /** Whether the file name ends with one of the kind's extensions. */
    static boolean fits(ModelImport kind, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (kind == null) {
            return name.endsWith(".xmi");
        }
        return kind.extensions().stream().anyMatch(e -> name.endsWith("." + e));
    }

    static boolean isFile(Path file) {
        return file != null && Files.isRegularFile(file);
    }

    @Override
    public IWizardPage getNextPage(IWizardPage page) {
        return page == choose && choose.kind() != null ? preview : null;
    }
}
