package oko.ui.internal.navigator;

import java.util.function.BiConsumer;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.SetCommand;

import oko.model.edit.ModelLabels;
import oko.repository.OkoRepository;
import oko.ui.internal.Messages;

/**
 * The navigator's command stack: every command, its undo and its redo is committed to the
 * repository at once, with a comment that says what was done («Создано: …», «Отменено: …»). A
 * refused commit rolls the transaction back to the repository's state, forgets the undo history
 * (its commands no longer match the objects) and reports the reason.
 */
public final class CommittingCommandStack extends BasicCommandStack {

    /** A command with the Russian (or English) label that names what it does; the label is the comment. */
    public static final class Described extends CommandWrapper {
        public Described(String label, Command command) {
            super(label, command);
        }
    }

    private final OkoRepository repository;
    private final CDOTransaction transaction;
    private final BiConsumer<String, RuntimeException> failure;
    private String lastComment;

    /**
     * @param failure told the comment of the refused commit and the reason, after the rollback
     */
    public CommittingCommandStack(OkoRepository repository, CDOTransaction transaction,
            BiConsumer<String, RuntimeException> failure) {
        this.repository = repository;
        this.transaction = transaction;
        this.failure = failure;
    }

    /** What a command does, for its label and commit comment, when it was not given one. */
    public static String describe(Command command) {
        if (command instanceof Described) {
            return command.getLabel();
        }
        if (command instanceof oko.ui.internal.properties.ItemPropertySource.PropertyCommand property) {
            return Messages.bind(Messages.navigatorChanged,
                    ModelLabels.featureName(property.owner().eClass(), property.feature()),
                    ModelLabels.label(property.owner()));
        }
        SetCommand set = findSet(command);
        if (set != null && set.getOwner() != null && set.getFeature() instanceof EStructuralFeature f) {
            EObject owner = set.getOwner();
            return Messages.bind(Messages.navigatorChanged, ModelLabels.featureName(owner.eClass(), f),
                    ModelLabels.label(owner));
        }
        for (Object affected : command.getAffectedObjects()) {
            if (affected instanceof EObject object) {
                return Messages.bind(Messages.navigatorChangedOther, ModelLabels.label(object));
            }
        }
        String label = command.getLabel();
        return Messages.bind(Messages.navigatorChangedOther, label == null ? "" : label);
    }

    /** The set command inside (a many-valued set comes wrapped or as a compound of commands). */
    private static SetCommand findSet(Command command) {
        if (command instanceof SetCommand set) {
            return set;
        }
        if (command instanceof CommandWrapper wrapper) {
            return findSet(wrapper.getCommand());
        }
        if (command instanceof org.eclipse.emf.common.command.CompoundCommand compound) {
            for (Command inner : compound.getCommandList()) {
                SetCommand set = findSet(inner);
                if (set != null) {
                    return set;
                }
            }
        }
        return null;
    }

    @Override
    public void execute(Command command) {
        if (command == null) {
            return;
        }
        Command described = command instanceof Described ? command : new Described(describe(command), command);
        super.execute(described);
        if (getUndoCommand() == described) {
            commit(described.getLabel());
        }
    }

    @Override
    public void undo() {
        Command command = getUndoCommand();
        if (command == null || !canUndo()) {
            return;
        }
        super.undo();
        commit(Messages.bind(Messages.navigatorUndone, command.getLabel()));
    }

    @Override
    public void redo() {
        Command command = getRedoCommand();
        if (command == null || !canRedo()) {
            return;
        }
        super.redo();
        commit(Messages.bind(Messages.navigatorRedone, command.getLabel()));
    }

    private void commit(String comment) {
        if (!transaction.isDirty()) {
            return;
        }
        try {
            repository.commit(transaction, comment, new NullProgressMonitor());
            lastComment = comment;
        } catch (RuntimeException e) {
            try {
                transaction.rollback();
            } finally {
                flush();
            }
            failure.accept(comment, e);
        }
    }

    /** The comment of the last successful commit (for tests and the status line). */
    public String lastComment() {
        return lastComment;
    }
}
