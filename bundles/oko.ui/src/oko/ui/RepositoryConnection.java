package oko.ui;

import java.util.Optional;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;

import oko.cli.GlobalOptions;
import oko.repository.OkoRepository;
import oko.repository.exchange.SampleModel;
import oko.ui.internal.Messages;

/**
 * The workbench's connection to the repository: opened in a background job when the workbench
 * starts (embedded in the data directory, or the server of {@code --server}), closed when it
 * stops. An empty embedded repository gets the sample model on first start.
 */
public final class RepositoryConnection {

    /** Job family of the connecting job, for tests and for waiting. */
    public static final Object FAMILY = RepositoryConnection.class;

    private static volatile OkoRepository repository;
    private static final java.util.List<java.util.function.Consumer<OkoRepository>> WAITING =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Runs {@code action} with the repository once it is open (at once when it already is). */
    public static synchronized void whenConnected(java.util.function.Consumer<OkoRepository> action) {
        if (repository != null) {
            action.accept(repository);
        } else {
            WAITING.add(action);
        }
    }

    private static synchronized void connected(OkoRepository opened) {
        repository = opened;
        for (java.util.function.Consumer<OkoRepository> action : WAITING) {
            action.accept(opened);
        }
        WAITING.clear();
    }

    private RepositoryConnection() {
    }

    /** The open repository, empty while connecting or after a failure. */
    public static Optional<OkoRepository> repository() {
        return Optional.ofNullable(repository);
    }

    private static volatile GlobalOptions options;

    /** The data directory of this workbench (workbench state, user files), once it started. */
    public static Optional<java.nio.file.Path> dataDirectory() {
        return Optional.ofNullable(options).map(GlobalOptions::dataDirectory);
    }

    private static volatile String login;

    /** The user name shown in the title bar and recorded with commits: the login, else OKO_USER or the system user. */
    public static String user() {
        if (login != null) {
            return login;
        }
        String variable = System.getenv("OKO_USER");
        return variable != null && !variable.isBlank() ? variable : System.getProperty("user.name", "oko");
    }

    /**
     * Opens the repository in a job. For a server, the login and password are asked first and tried
     * until the server accepts them (or taken from OKO_USER / OKO_PASSWORD when OKO_PASSWORD is
     * set); the title bar then names the user. Cancelling the login leaves the workbench without a
     * repository.
     */
    static void connect(GlobalOptions options) {
        RepositoryConnection.options = options;
        String variable = System.getenv("OKO_PASSWORD");
        OkoRepository loggedIn = null;
        if (options.server().isPresent() && variable == null) {
            var window = org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow();
            var address = options.server().get();
            Optional<OkoRepository> opened = login(window == null ? null : window.getShell(), options.repositoryLabel(),
                    address, knownServers(knownServersFile()));
            if (opened.isEmpty()) {
                return;
            }
            loggedIn = opened.get();
            login = loggedIn.user();
            if (window != null) {
                window.getShell().setText(Messages.bind(Messages.windowTitle, options.repositoryLabel(), login));
            }
        }
        OkoRepository ready = loggedIn;
        char[] credentials = variable == null ? null : variable.toCharArray();
        Job job = new Job(Messages.bind(Messages.connecting, options.repositoryLabel())) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                SubMonitor progress = SubMonitor.convert(monitor, 10);
                try {
                    OkoRepository opened = ready != null ? ready : options.server()
                            .map(address -> open(address, user(), credentials, knownServers(knownServersFile())))
                            .orElseGet(() -> OkoRepository.openEmbedded(options.dataDirectory(), user(), line -> { }));
                    progress.worked(2);
                    oko.ui.internal.StartupProbe.reached("repository");
                    opened.recoveryNotice().ifPresent(RepositoryConnection::explainRecovery);
                    if (options.server().isEmpty()) {
                        progress.subTask(Messages.loadingSample);
                        if (SampleModel.loadIfEmpty(opened, oko.core.modules.Modules.samples(), progress.split(8))) {
                            ILog.of(RepositoryConnection.class).info(Messages.sampleLoaded);
                        }
                    }
                    oko.ui.internal.StartupProbe.reached("sample");
                    connected(opened);
                    return Status.OK_STATUS;
                } catch (Exception e) {
                    ErrorReports.show(RepositoryConnection.class, Messages.connectFailedTitle, Status.error(
                            Messages.bind(Messages.connectFailed, options.repositoryLabel(), e.getMessage()), e));
                    return Status.OK_STATUS;
                }
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(false);
        job.schedule();
    }

    /**
     * Tells the user, in their language, that the previous session ended abnormally and the
     * repository was repaired (committed data kept), in the Error Log and in a dialog.
     */
    private static void explainRecovery(String notice) {
        ILog.of(RepositoryConnection.class).warn(notice);
        var workbench = org.eclipse.ui.PlatformUI.getWorkbench();
        workbench.getDisplay().asyncExec(() -> {
            var window = workbench.getActiveWorkbenchWindow();
            org.eclipse.jface.dialogs.MessageDialog.openWarning(window == null ? null : window.getShell(),
                    Messages.recoveredTitle, notice);
        });
    }

    /** The known servers of this workbench: {@code known-servers} in its data directory. */
    private static java.nio.file.Path knownServersFile() {
        return dataDirectory().orElseGet(GlobalOptions::defaultDataDirectory)
                .resolve(oko.repository.security.KnownServers.FILE);
    }

    /**
     * Trust on first use in the workbench: a server met the first time is shown with its
     * certificate's SHA-256 fingerprint and trusted only if the user confirms; then recorded in
     * {@code file}, and a server whose certificate changed is refused (the message says so).
     */
    public static oko.repository.security.KnownServers knownServers(java.nio.file.Path file) {
        return new oko.repository.security.KnownServers(file, (server, fingerprint) -> {
            org.eclipse.swt.widgets.Display display = org.eclipse.swt.widgets.Display.getDefault();
            boolean[] trusted = new boolean[1];
            display.syncExec(() -> {
                var window = org.eclipse.ui.PlatformUI.isWorkbenchRunning()
                        ? org.eclipse.ui.PlatformUI.getWorkbench().getActiveWorkbenchWindow() : null;
                trusted[0] = org.eclipse.jface.dialogs.MessageDialog.openQuestion(window == null ? null : window.getShell(),
                        Messages.tlsFirstUseTitle, Messages.bind(Messages.tlsFirstUse, server, fingerprint));
            });
            if (trusted[0]) {
                ILog.of(RepositoryConnection.class).info(Messages.bind(Messages.tlsTrusted, server, fingerprint));
            }
            return trusted[0];
        });
    }

    /** Connects to the server of {@code address}: over TLS with {@code trust}, or plain TCP for a {@code tcp://} address. */
    private static OkoRepository open(GlobalOptions.ServerAddress address, String user, char[] password,
            oko.repository.security.ServerTrust trust) {
        return address.plain() ? OkoRepository.connect(address.host(), address.port(), user, password)
                : OkoRepository.connectTls(address.host(), address.port(), user, password, trust);
    }

    /**
     * The login dialog of a server: asks the login and password and connects, again while the
     * server refuses them (its answer shown in the dialog, the refusal logged with the login only).
     * Over TLS the server's certificate is checked with {@code trust} first.
     *
     * @return the repository opened as the user, or empty when the user cancelled
     */
    public static Optional<OkoRepository> login(org.eclipse.swt.widgets.Shell shell, String label,
            GlobalOptions.ServerAddress address, oko.repository.security.ServerTrust trust) {
        OkoRepository[] opened = new OkoRepository[1];
        oko.ui.internal.LoginDialog dialog = new oko.ui.internal.LoginDialog(shell, label, user(), (name, password) -> {
            try {
                org.eclipse.swt.custom.BusyIndicator.showWhile(shell == null ? null : shell.getDisplay(),
                        () -> opened[0] = open(address, name, password, trust));
                return null;
            } catch (RuntimeException refused) {
                ILog.of(RepositoryConnection.class).warn(Messages.bind(Messages.loginRefused, name, label));
                return refused.getMessage();
            }
        });
        if (dialog.open() != org.eclipse.jface.window.Window.OK) {
            return Optional.empty();
        }
        return Optional.ofNullable(opened[0]);
    }

    static void close() {
        try {
            Job.getJobManager().join(FAMILY, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OkoRepository open = repository;
        repository = null;
        if (open != null) {
            open.close();
        }
    }
}
