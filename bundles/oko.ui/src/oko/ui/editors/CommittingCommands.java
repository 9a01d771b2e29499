package oko.ui.editors;

import java.util.function.BiConsumer;

import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;

import oko.repository.OkoRepository;
import oko.ui.internal.navigator.CommittingCommandStack;

/**
 * The navigator's way of editing, for other views that change the model at once (no Save): a
 * command stack that commits every command, its undo and its redo to the repository with a
 * comment saying what was done («Отменено: …»), and rolls back and forgets its history when a
 * commit is refused.
 */
public final class CommittingCommands {

    private CommittingCommands() {
    }

    /**
     * A command stack committing each command, undo and redo at once.
     *
     * @param repository  the repository committed to
     * @param transaction the transaction the commands change
     * @param failure     told the comment of a refused commit and the reason, after the rollback
     * @return the command stack, for an editing domain over {@code transaction}'s resource set
     */
    public static BasicCommandStack stack(OkoRepository repository, CDOTransaction transaction,
            BiConsumer<String, RuntimeException> failure) {
        return new CommittingCommandStack(repository, transaction, failure);
    }

    /**
     * The command labelled with what it does: the label is the commit's comment (and Undo's text).
     *
     * @param label   what the command does, in the user's language
     * @param command the command
     * @return the labelled command
     */
    public static Command described(String label, Command command) {
        return new CommittingCommandStack.Described(label, command);
    }
}
