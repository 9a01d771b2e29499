package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import oko.model.Document;
import oko.publish.ui.internal.PublishDialog;
import oko.publish.ui.internal.PublishHandler;
import oko.repository.OkoRepository;
import oko.ui.RepositoryConnection;

/**
 * Файл ▸ Опубликовать…: the dialog filled as the user does, the site written by a job into a folder,
 * the publication links of the published documents recorded (read back in a fresh view), the end
 * reported with the number of files.
 */
class PublishDialogTest {

    private static final String TITLE = "Публикация на официальном сайте";
    private static final String BASE = "https://oko-test.example/ui-publish";

    /** The documents' links and dates before the test, restored after it. */
    private final Map<CDOID, Object[]> before = new HashMap<>();

    @BeforeEach
    void rememberTheLinks() throws Exception {
        Job.getJobManager().join(RepositoryConnection.FAMILY, null);
        CDOView view = RepositoryConnection.repository().orElseThrow().openView();
        try {
            for (Document document : documents(view)) {
                before.put(CDOUtil.getCDOObject(document).cdoID(),
                        new Object[] { document.getPublicationLink(), document.getPublicationDate() });
            }
        } finally {
            view.close();
        }
    }

    @AfterEach
    void restoreTheLinks() throws Exception {
        Job.getJobManager().join(PublishHandler.FAMILY, null);
        OkoRepository repository = RepositoryConnection.repository().orElseThrow();
        CDOTransaction transaction = repository.openTransaction();
        try {
            for (Document document : documents(transaction)) {
                Object[] old = before.get(CDOUtil.getCDOObject(document).cdoID());
                if (old != null && document.getPublicationLink() != null && document.getPublicationLink().startsWith(BASE)) {
                    document.setPublicationLink((String) old[0]);
                    document.setPublicationDate((Date) old[1]);
                }
            }
            if (transaction.isDirty()) {
                repository.commit(transaction, "test cleanup", new NullProgressMonitor());
            }
        } finally {
            transaction.close();
        }
    }

    private static List<Document> documents(CDOView view) {
        List<Document> found = new ArrayList<>();
        for (EObject root : OkoRepository.roots(view)) {
            for (var it = root.eAllContents(); it.hasNext();) {
                if (it.next() instanceof Document document) {
                    found.add(document);
                }
            }
        }
        return found;
    }

    /** Chooses File ▸ Publish… as the user does and returns the dialog. */
    private static PublishDialog openFromFileMenu() throws Exception {
        Shell shell = UiThread.chooseFromMenu("Файл", "Опубликовать…", TITLE);
        return UiThread.call(() -> (PublishDialog) shell.getData());
    }

    @Test
    void publishesIntoAFolderAndRecordsTheLinks() throws Exception {
        CDOID order = Sample.find(o -> o instanceof Document d && "№1048".equals(d.getNumber()));
        assertFalse(Sample.read(order, o -> String.valueOf(((Document) o).getPublicationLink())).startsWith(BASE));
        Path folder = Files.createTempDirectory("oko-publish-ui").resolve("site");

        PublishDialog dialog = openFromFileMenu();
        Shell shell = UiThread.call(dialog::getShell);
        Button ok = UiThread.call(() -> UiThread.button(shell, IDialogConstants.OK_ID));
        assertFalse(UiThread.call(ok::isEnabled), "no folder chosen yet: Publish is disabled");
        UiThread.run(() -> dialog.choose(folder.toString(), "ishimbay-msoko", null, "edu.example.ru", false));
        assertFalse(UiThread.call(ok::isEnabled), "an address without http(s):// is refused");
        assertTrue(UiThread.call(dialog::getErrorMessage) != null || UiThread.call(dialog::getMessage).contains("edu.example.ru"));
        UiThread.run(() -> dialog.choose(folder.toString(), "ishimbay-msoko", null, BASE, false));
        assertTrue(UiThread.call(ok::isEnabled), "all chosen: Publish is enabled");
        UiThread.drain();
        Path png = UiThread.call(() -> Screenshots.save(shell, "publish-dialog"));
        assertTrue(Files.size(png) > 0);

        PublishHandler.lastMessage = null;
        UiThread.run(() -> Display.getCurrent().asyncExec(() -> ok.notifyListeners(SWT.Selection, new Event())));
        UiThread.waitUntil("the dialog to close", Duration.ofSeconds(10), shell::isDisposed);
        UiThread.waitUntil("the publication's end message", Duration.ofMinutes(3), () -> PublishHandler.lastMessage != null);
        UiThread.waitForJobs("the publication", PublishHandler.FAMILY, Duration.ofSeconds(30));

        Shell done = UiThread.waitForShell(TITLE);
        assertNotNull(done, "the end is reported in a message");
        String message = PublishHandler.lastMessage;
        assertNotNull(message);
        assertTrue(message.startsWith("Записано файлов: "), message);
        UiThread.run(done::close);

        assertTrue(Files.isRegularFile(folder.resolve("index.html")), "index.html written");
        assertTrue(Files.isRegularFile(folder.resolve("manifest.json")), "manifest.json written");
        long files = Files.readString(folder.resolve("manifest.json")).split("\"path\"", -1).length - 1;
        assertTrue(message.startsWith("Записано файлов: " + files + " "), message + " vs " + files + " in the manifest");
        String link = Sample.read(order, o -> ((Document) o).getPublicationLink());
        assertNotNull(link);
        assertTrue(link.startsWith(BASE + "/documents.html#doc-"), link);
        assertNull(UiThread.call(() -> {
            for (Shell open : Display.getCurrent().getShells()) {
                if (!open.isDisposed() && open.isVisible() && TITLE.equals(open.getText())) {
                    return open;
                }
            }
            return null;
        }), "no error dialog left");
    }
}
