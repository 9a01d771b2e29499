package oko.commands.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.cdo.util.CDOUtil;
import org.eclipse.emf.cdo.view.CDOView;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;

import oko.cli.Command;
import oko.cli.CommandContext;
import oko.cli.CommandContext.ParsedArguments;
import oko.cli.UsageException;
import oko.core.documents.Attachments;
import oko.model.Attachment;
import oko.model.Document;
import oko.repository.OkoRepository;

/**
 * {@code ./oko document attach DOC FILE [--system CODE]}, {@code document files DOC} and
 * {@code document save DOC NAME --out FILE}: a document's attached files (DOC is its number or its
 * repository id), one commit per attached file.
 */
public final class DocumentCommand implements Command {

    @Override
    public int run(CommandContext context) throws Exception {
        ParsedArguments args = context.parse(Set.of(), Set.of("--system", "--out"));
        List<String> positionals = args.positionals();
        String action = positionals.isEmpty() ? "" : positionals.get(0);
        switch (action) {
            case "attach" -> args.expectPositionals(3, 3);
            case "files" -> args.expectPositionals(2, 2);
            case "save" -> {
                args.expectPositionals(3, 3);
                if (!args.has("--out")) {
                    throw new UsageException(Messages.documentNoOut);
                }
            }
            default -> throw new UsageException(Messages.bind(Messages.documentAction, action));
        }
        String reference = positionals.get(1);
        byte[] content = null;
        Path file = null;
        if (action.equals("attach")) {
            file = Path.of(positionals.get(2)).toAbsolutePath().normalize();
            content = read(file);
        }
        try (OkoRepository repository = Repositories.open(context)) {
            CDOView view = action.equals("attach") ? repository.openTransaction() : repository.openView();
            try {
                Document document = find(OkoRepository.roots(view), reference, args.value("--system", null));
                String label = label(document);
                return switch (action) {
                    case "attach" -> attach(context, repository, (CDOTransaction) view, document, label, file, content);
                    case "files" -> files(context, document);
                    default -> save(context, document, label, positionals.get(2),
                            Path.of(args.value("--out", "")).toAbsolutePath().normalize());
                };
            } catch (RuntimeException e) {
                throw repository.explain(e);
            } finally {
                view.close();
            }
        }
    }

    /** The file's bytes; a missing, unreadable or too large file is a usage mistake naming it. */
    private static byte[] read(Path file) throws UsageException {
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException(Messages.bind(Messages.documentFileIsFolder, file));
            }
            long size = Files.size(file);
            if (size > Attachments.MAX_SIZE) {
                throw new UsageException(Messages.bind(Messages.documentFileTooLarge,
                        new Object[] { file, size, Attachments.MAX_SIZE / (1024 * 1024) }));
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(Messages.bind(Messages.documentNoFile, file));
        } catch (IOException e) {
            throw new UsageException(Messages.bind(Messages.documentUnreadable, file, e.getMessage()));
        }
    }

    private static int attach(CommandContext context, OkoRepository repository, CDOTransaction transaction,
            Document document, String label, Path file, byte[] content) {
        String name = file.getFileName().toString();
        boolean replaced = Attachments.find(document, name).isPresent();
        Attachment attachment = Attachments.attach(document, name, content);
        if (!Repositories.commit(context, repository, transaction,
                Messages.bind(Messages.documentAttachComment, name, label))) {
            return FAILED;
        }
        context.out().println(Messages.bind(replaced ? Messages.documentReplaced : Messages.documentAttached,
                new Object[] { name, label, attachment.getSize(), attachment.getSha256() }));
        return OK;
    }

    private static int files(CommandContext context, Document document) {
        context.out().println(Messages.documentFilesHeader);
        for (Attachment attachment : document.getAttachments()) {
            context.out().println(String.join("\t", attachment.getFileName(), String.valueOf(attachment.getMediaType()),
                    String.valueOf(attachment.getSize()), String.valueOf(attachment.getSha256())));
        }
        return OK;
    }

    private static int save(CommandContext context, Document document, String label, String name, Path out)
            throws UsageException {
        Attachment attachment = Attachments.find(document, name).orElseThrow(() -> new UsageException(Messages.bind(
                Messages.documentNoAttachment, new Object[] { name, label, names(document) })));
        if (Files.isDirectory(out)) {
            throw new UsageException(Messages.bind(Messages.documentOutIsFolder, out));
        }
        byte[] content = attachment.getContent() == null ? new byte[0] : attachment.getContent();
        try {
            Path parent = out.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(out, content);
        } catch (IOException e) {
            context.err().println(Messages.bind(Messages.documentWriteFailed, out, e.getMessage()));
            return FAILED;
        }
        context.out().println(Messages.bind(Messages.documentSaved, new Object[] { name, label, content.length, out }));
        return OK;
    }

    private static String names(Document document) {
        List<String> names = document.getAttachments().stream().map(Attachment::getFileName).toList();
        return names.isEmpty() ? "—" : String.join(", ", names);
    }

    private static String label(Document document) {
        String number = document.getNumber();
        String name = document.getName();
        String shown = number == null || number.isBlank() ? id(document)
                : number.startsWith("№") ? number : "№ " + number;
        return name == null || name.isBlank() ? shown : shown + " «" + name + "»";
    }

    /** The repository id of an object as shown and accepted by the commands (e.g. L1234). */
    static String id(EObject object) {
        return String.valueOf(CDOUtil.getCDOObject(object).cdoID());
    }

    /** The document of that number (within the system, when given) or of that repository id. */
    static Document find(List<EObject> roots, String reference, String systemCode) throws UsageException {
        List<EObject> scopes = new ArrayList<>();
        if (systemCode == null) {
            scopes.addAll(roots);
        } else {
            OkoRepository.systems(roots).stream().filter(system -> systemCode.equals(system.getCode()))
                    .forEach(scopes::add);
        }
        if (systemCode != null && scopes.isEmpty()) {
            throw new UsageException(Messages.bind(Messages.documentNoSystem, systemCode));
        }
        List<Document> byNumber = new ArrayList<>();
        Document byId = null;
        for (EObject scope : scopes) {
            for (Iterator<EObject> it = EcoreUtil.getAllContents(scope, true); it.hasNext();) {
                if (it.next() instanceof Document document) {
                    if (reference.equals(document.getNumber())) {
                        byNumber.add(document);
                    }
                    String id = id(document);
                    if (reference.equalsIgnoreCase(id) || ("L" + reference).equalsIgnoreCase(id)) {
                        byId = document;
                    }
                }
            }
        }
        if (byNumber.size() == 1) {
            return byNumber.get(0);
        }
        if (byNumber.size() > 1) {
            List<String> ids = byNumber.stream().map(d -> id(d) + " «" + d.getName() + "»").toList();
            throw new UsageException(Messages.bind(Messages.documentAmbiguous, reference, String.join(", ", ids)));
        }
        if (byId != null) {
            return byId;
        }
        throw new UsageException(systemCode == null ? Messages.bind(Messages.documentNotFound, reference)
                : Messages.bind(Messages.documentNotFoundInSystem, reference, systemCode));
    }
}
