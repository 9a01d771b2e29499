package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.repository.OkoRepository;
import oko.repository.db.StoreConfig;
import oko.repository.exchange.SampleModel;
import oko.repository.security.Role;
import oko.repository.security.Users;

/**
 * Issue 25, item 12 (users): {@code ./oko user} on an H2 store its running server holds says what
 * to do instead of H2's «Database may be already in use»; a school administrator's school must be
 * a school of the repository's model, and a refusal names the schools there are.
 */
class UserAdministrationTest {

    @TempDir
    Path temp;

    @Test
    void theUsersOfAStoreHeldByARunningServerAreRefusedSayingWhatToDo() throws Exception {
        Path data = temp.resolve("data");
        StoreConfig store = new StoreConfig.H2(Files.createDirectories(data.resolve("repository")));
        new Users(store).add("meth", Role.METHODOLOGIST, null, "Methodist-Secret-1".toCharArray());
        store.shutdown();
        Path log = Files.createDirectories(Path.of("target", "server-logs")).resolve("user-in-use.log");
        Files.deleteIfExists(log);
        try (ServerProcess server = ServerProcess.start(List.of("--data", data.toString()), ServerProcess.freePort(), log)) {
            Users.StoreInUseException refused = assertThrows(Users.StoreInUseException.class,
                    () -> new Users(store).remove("meth"));
            String message = refused.getMessage();
            assertTrue(message.contains(data.resolve("repository").toAbsolutePath().toString()), message);
            assertTrue(message.contains("./oko server") && message.contains("./oko user")
                    && (message.contains("Stop the server") || message.contains("Остановите сервер")), message);
            server.stop();
        }
        new Users(store).remove("meth"); // with the server stopped it works
        store.shutdown();
    }

    @Test
    void aSchoolAdministratorsSchoolMustBeASchoolOfTheModel() throws Exception {
        Path data = temp.resolve("sample");
        Files.createDirectories(data);
        try (OkoRepository setup = OkoRepository.openEmbedded(data, "setup", line -> { })) {
            SampleModel.load(setup, Models.SAMPLE_FILES, false, new NullProgressMonitor());
        }
        StoreConfig store = new StoreConfig.H2(data.resolve("repository"));
        Users users = new Users(store);
        users.requireSchool("chel-sosh51"); // a school of the sample
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> users.requireSchool("sosh-999"));
        assertTrue(unknown.getMessage().contains("sosh-999") && unknown.getMessage().contains("chel-sosh51"),
                "names the code and the schools there are: " + unknown.getMessage());
        IllegalArgumentException authority = assertThrows(IllegalArgumentException.class,
                () -> users.requireSchool("ishimbay-uo"));
        assertTrue(authority.getMessage().contains("ishimbay-uo") && authority.getMessage().contains("AUTHORITY")
                && authority.getMessage().contains("chel-sosh51"), authority.getMessage());
        store.shutdown();
        StoreConfig empty = new StoreConfig.H2(Files.createDirectories(temp.resolve("empty").resolve("repository")));
        assertThrows(IllegalArgumentException.class, () -> new Users(empty).requireSchool("chel-sosh51"),
                "an empty repository has no schools");
        empty.shutdown();
    }
}
