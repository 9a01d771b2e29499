package oko.ui.internal.navigator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.core.documents.Attachments;
import oko.model.Attachment;
import oko.model.Document;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.edit.ModelLabels;
import oko.ui.internal.Messages;
import oko.ui.internal.navigator.CommittingCommandStack.Described;

/**
 * A document's attached files in the navigator: attaching a file is one undoable command (a new
 * attachment, or the one of the same name replaced), saving writes an attachment's bytes to a file.
 */
public final class DocumentFiles {

    private DocumentFiles() {
    }

    /** A file the repository refuses: missing, unreadable or larger than {@link Attachments#MAX_SIZE}. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The file's bytes, or the reason (naming the file) it cannot be attached. */
    public static byte[] read(Path file) throws Refused {
        try {
            long size = Files.size(file);
            if (size > Attachments.MAX_SIZE) {
                throw new Refused(Messages.bind(Messages.documentFileTooLarge,
                        new Object[] { file, size, Attachments.MAX_SIZE / (1024 * 1024) }), null);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Refused(Messages.bind(Messages.documentFileUnreadable, file, e.getMessage()), e);
        }
    }

    /** The command that attaches {@code content} as {@code fileName} to the document, labelled for the commit. */
    public static Command attach(EditingDomain domain, Document document, String fileName, byte[] content) {
        Optional<Attachment> existing = Attachments.find(document, fileName);
        Command command;
        if (existing.isPresent()) {
            Attachment attachment = existing.get();
            CompoundCommand replace = new CompoundCommand();
            replace.append(SetCommand.create(domain, attachment, OkoPackage.Literals.ATTACHMENT__MEDIA_TYPE,
                    Attachments.mediaType(fileName)));
            replace.append(SetCommand.create(domain, attachment, OkoPackage.Literals.ATTACHMENT__SIZE, (long) content.length));
            replace.append(SetCommand.create(domain, attachment, OkoPackage.Literals.ATTACHMENT__SHA256,
                    Attachments.sha256(content)));
            replace.append(SetCommand.create(domain, attachment, OkoPackage.Literals.ATTACHMENT__CONTENT, content.clone()));
            command = replace;
        } else {
            Attachment attachment = OkoFactory.eINSTANCE.createAttachment();
            attachment.setFileName(fileName);
            attachment.setMediaType(Attachments.mediaType(fileName));
            attachment.setSize(content.length);
            attachment.setSha256(Attachments.sha256(content));
            attachment.setContent(content.clone());
            command = AddCommand.create(domain, document, OkoPackage.Literals.DOCUMENT__ATTACHMENTS, attachment);
        }
        return new Described(Messages.bind(Messages.documentFileAttached, fileName, ModelLabels.label(document)), command);
    }

    /** Writes the attachment's bytes into {@code out}. */
    public static void save(Attachment attachment, Path out) throws IOException {
        byte[] content = attachment.getContent() == null ? new byte[0] : attachment.getContent();
        Files.write(out, content);
    }
}
