package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;

import oko.repository.OkoRepository;
import oko.repository.OkoServer;
import oko.repository.db.StoreConfig;
import oko.repository.security.Role;
import oko.repository.security.Users;
import oko.ui.RepositoryConnection;

/**
 * The workbench's login to a secured server (a real server with users, in this JVM, over TLS):
 * the server met the first time is shown with its certificate's fingerprint and trusted once the
 * user confirms; a wrong password keeps the dialog open with the server's refusal and an emptied
 * password; the right one opens the repository as that user.
 */
class LoginTest {

    private static final String PASSWORD = "Методист-2026";

    /** The dialog's fields: its editable texts (the title area's message is a read-only one). */
    private static List<Text> texts(Composite composite) {
        List<Text> found = new java.util.ArrayList<>();
        for (Control child : composite.getChildren()) {
            if (child instanceof Text text && (text.getStyle() & SWT.READ_ONLY) == 0) {
                found.add(text);
            } else if (child instanceof Composite inner) {
                found.addAll(texts(inner));
            }
        }
        return found;
    }

    /** What the dialog says: its labels and read-only texts. */
    private static String says(Composite composite) {
        StringBuilder said = new StringBuilder();
        for (Control child : composite.getChildren()) {
            if (child instanceof Text text && (text.getStyle() & SWT.READ_ONLY) != 0) {
                said.append(text.getText()).append('\n');
            } else if (child instanceof org.eclipse.swt.widgets.Label label) {
                said.append(label.getText()).append('\n');
            } else if (child instanceof Composite inner) {
                said.append(says(inner));
            }
        }
        return said.toString();
    }

    private static void type(Shell dialog, String login, String password) throws Exception {
        UiThread.run(() -> {
            List<Text> fields = texts(dialog);
            assertEquals(2, fields.size(), "login and password fields");
            fields.get(0).setText(login);
            assertTrue((fields.get(1).getStyle() & SWT.PASSWORD) != 0, "the password is not shown");
            fields.get(1).setText(password);
            dialog.getDefaultButton().notifyListeners(SWT.Selection, new Event());
        });
    }

    @Test
    void aWrongPasswordIsRefusedInTheDialogAndTheRightOneOpensTheRepositoryAsTheUser() throws Exception {
        Path data = Files.createTempDirectory("oko-login");
        StoreConfig store = new StoreConfig.H2(data.resolve("repository"));
        new Users(store.dataSource()).add("methodist", Role.METHODOLOGIST, null, PASSWORD.toCharArray());
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> serverLog = new CopyOnWriteArrayList<>();
        String label = "127.0.0.1:" + port;
        Path known = data.resolve("known-servers");
        try (OkoServer server = OkoServer.start(store, serverLog::add, true).listenTls("127.0.0.1", port,
                data.resolve("tls"))) {
            AtomicReference<Optional<OkoRepository>> result = new AtomicReference<>();
            Display.getDefault().asyncExec(() -> result.set(RepositoryConnection.login(
                    PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), label,
                    new oko.cli.GlobalOptions.ServerAddress("127.0.0.1", port), RepositoryConnection.knownServers(known))));
            Shell dialog = UiThread.waitForShell("Вход в репозиторий");
            assertNotNull(dialog, "no login dialog");
            // pressed later on the UI thread: the connection then asks about the certificate in a dialog of its own
            Display.getDefault().asyncExec(() -> {
                List<Text> fields = texts(dialog);
                fields.get(0).setText("methodist");
                fields.get(1).setText("неверный");
                dialog.getDefaultButton().notifyListeners(SWT.Selection, new Event());
            });
            // the first connection to the server: its certificate's fingerprint is shown and confirmed
            Shell certificate = UiThread.waitForShell("Сертификат сервера");
            assertNotNull(certificate, "no certificate dialog on the first connection");
            String fingerprint = server.tlsFingerprint().orElseThrow();
            assertTrue(UiThread.call(() -> UiThread.labels(certificate)).contains(fingerprint),
                    "the dialog shows the fingerprint " + fingerprint);
            UiThread.call(() -> Screenshots.save(certificate, "login-certificate"));
            UiThread.run(() -> certificate.getDefaultButton().notifyListeners(SWT.Selection, new Event()));
            UiThread.waitUntil("the server is recorded as known",
                    () -> Files.exists(known) && Files.readString(known).contains(fingerprint));
            assertTrue(UiThread.call(() -> says(dialog)).contains(label), "the dialog names the server");
            // the refusal comes back from the server: the dialog shows it and stays
            UiThread.waitUntil("the login dialog shows the server's refusal",
                    () -> !dialog.isDisposed() && says(dialog).contains("не принял логин или пароль"));
            assertTrue(UiThread.call(() -> !dialog.isDisposed() && dialog.isVisible()), "refused: the dialog stays");
            String shown = UiThread.call(() -> says(dialog));
            assertTrue(shown.contains(label) && shown.contains("не принял логин или пароль"),
                    "the refusal names the server, in the user's language: " + shown);
            assertEquals("", UiThread.call(() -> texts(dialog).get(1).getText()), "the wrong password is emptied");
            UiThread.call(() -> Screenshots.save(dialog, "login-refused"));

            type(dialog, "methodist", PASSWORD);
            UiThread.waitUntil("the login dialog closes with the repository opened", () -> result.get() != null);
            Optional<OkoRepository> opened = result.get();
            assertTrue(opened.isPresent());
            try (OkoRepository repository = opened.get()) {
                assertEquals("methodist", repository.user());
                assertEquals(label, repository.label());
            }
        }
        assertTrue(serverLog.stream().noneMatch(line -> line.contains(PASSWORD) || line.contains("неверный")),
                "no password in the server's log");
        assertTrue(serverLog.stream().anyMatch(line -> line.contains("methodist")), serverLog.toString());
    }
}
