package oko.diagram.ui.internal;

import org.eclipse.emf.common.command.AbstractCommand;
import org.eclipse.emf.common.command.BasicCommandStack;
import org.eclipse.gef.commands.Command;
import org.eclipse.gef.commands.CommandStack;

/**
 * GEF and EMF commands on one stack: the editor's EMF command stack. GEF tools execute GEF
 * commands; each one goes onto the EMF stack wrapped, so Edit ▸ Undo, the dirty state and Save see
 * diagram edits like any other.
 */
public final class Commands {

    private Commands() {
    }

    /** A GEF command running an EMF command (the model changes come from oko.diagram.DiagramEditing). */
    public static Command gef(org.eclipse.emf.common.command.Command emf) {
        if (emf == null || !emf.canExecute()) {
            return null;
        }
        Command command = new Command(emf.getLabel()) {
            @Override
            public boolean canExecute() {
                return emf.canExecute();
            }

            @Override
            public void execute() {
                emf.execute();
            }

            @Override
            public boolean canUndo() {
                return emf.canUndo();
            }

            @Override
            public void undo() {
                emf.undo();
            }

            @Override
            public void redo() {
                emf.redo();
            }
        };
        return command;
    }

    /** The GEF command stack of a diagram editor: executes onto the EMF stack. */
    public static CommandStack stack(BasicCommandStack emf) {
        return new CommandStack() {
            @Override
            public void execute(Command command) {
                if (command != null && command.canExecute()) {
                    emf.execute(new Wrapped(command));
                }
            }

            @Override
            public boolean canUndo() {
                return emf.canUndo();
            }

            @Override
            public boolean canRedo() {
                return emf.canRedo();
            }

            @Override
            public void undo() {
                emf.undo();
            }

            @Override
            public void redo() {
                emf.redo();
            }

            @Override
            public boolean isDirty() {
                return emf.isSaveNeeded();
            }
        };
    }

    private static final class Wrapped extends AbstractCommand {

        private final Command gef;

        Wrapped(Command gef) {
            super(gef.getLabel());
            this.gef = gef;
        }

        @Override
        protected boolean prepare() {
            return gef.canExecute();
        }

        @Override
        public void execute() {
            gef.execute();
        }

        @Override
        public boolean canUndo() {
            return gef.canUndo();
        }

        @Override
        public void undo() {
            gef.undo();
        }

        @Override
        public void redo() {
            gef.redo();
        }
    }
}
