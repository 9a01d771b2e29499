package oko.ui.internal.problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.ILog;
import org.eclipse.emf.cdo.transaction.CDOTransaction;
import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.ui.IActionBars;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchPartSite;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.actions.ActionFactory;

import oko.core.fixes.QuickFix;
import oko.core.fixes.QuickFixes;
import oko.ui.internal.Messages;
import oko.ui.internal.navigator.CommittingCommandStack;
import oko.ui.internal.navigator.NavigatorEditing;
import oko.ui.internal.navigator.RepositoryNavigator;

/**
 * The quick fixes of the Problems view: the fixes accepting every selected problem, and their
 * application. A fix runs on the repository navigator's editing domain, whose command stack commits
 * each command (and its undo and redo) at once: the fix is one step of the navigator's undo history,
 * undone by Edit ▸ Undo here or in the navigator. After the fix, its undo or redo, the model is
 * validated again and the view shows what is left.
 */
final class QuickFixing {

    private final ProblemsView view;
    private final IWorkbenchPartSite site;
    private NavigatorEditing listened;
    private final CommandStackListener revalidate = event -> revalidate();

    private final Action undo = new Action() {
        @Override
        public void run() {
            NavigatorEditing editing = editing(false);
            if (editing != null) {
                editing.stack().undo();
            }
        }
    };
    private final Action redo = new Action() {
        @Override
        public void run() {
            NavigatorEditing editing = editing(false);
            if (editing != null) {
                editing.stack().redo();
            }
        }
    };

    QuickFixing(ProblemsView view, IWorkbenchPartSite site) {
        this.view = view;
        this.site = site;
        update();
    }

    /** Edit ▸ Undo/Redo act on the navigator's history while the Problems view is active. */
    void install(IActionBars bars) {
        bars.setGlobalActionHandler(ActionFactory.UNDO.getId(), undo);
        bars.setGlobalActionHandler(ActionFactory.REDO.getId(), redo);
        bars.updateActionBars();
    }

    /** The fixes for every one of these rows (none when a row has no object), in id order. */
    List<QuickFix> fixes(List<ProblemsView.Row> rows) {
        if (rows.isEmpty() || rows.stream().anyMatch(row -> row.object() == null)) {
            return List.of();
        }
        NavigatorEditing editing = editing(false);
        if (editing == null) {
            return List.of();
        }
        CDOTransaction transaction = editing.transaction();
        List<Map.Entry<String, EObject>> problems = new ArrayList<>();
        for (ProblemsView.Row row : rows) {
            EObject object = object(transaction, row);
            if (object == null) {
                return List.of();
            }
            problems.add(Map.entry(row.ruleId(), object));
        }
        return QuickFixes.forProblems(problems);
    }

    /** One action per fix for the rows, or one disabled «no fix» action. */
    List<IAction> actions(List<ProblemsView.Row> rows) {
        List<IAction> actions = new ArrayList<>();
        for (QuickFix fix : fixes(rows)) {
            actions.add(new Action(fix.label()) {
                @Override
                public void run() {
                    apply(fix, rows);
                }
            });
        }
        if (actions.isEmpty()) {
            Action none = new Action(Messages.problemsNoQuickFix) {
            };
            none.setEnabled(false);
            actions.add(none);
        }
        return actions;
    }

    /**
     * Applies {@code fix} to the rows' objects as one command of the navigator (asking first for the
     * value the fix needs); returns whether a command was executed.
     */
    boolean apply(QuickFix fix, List<ProblemsView.Row> rows) {
        NavigatorEditing editing = editing(true);
        if (editing == null) {
            MessageDialog.openError(site.getShell(), Messages.problemsQuickFix, Messages.problemsNoRepository);
            return false;
        }
        List<EObject> targets = new ArrayList<>();
        for (ProblemsView.Row row : rows) {
            EObject object = object(editing.transaction(), row);
            if (object != null) {
                targets.add(object);
            }
        }
        QuickFix.Context context = QuickFix.Context.NONE;
        if (fix.parameter() != null) {
            QuickFix.Parameter parameter = fix.parameter();
            String proposed = parameter.defaultValue(targets);
            InputDialog dialog = new InputDialog(site.getShell(), fix.label(), parameter.label(),
                    proposed == null ? "" : proposed, parameter::check);
            if (dialog.open() != Window.OK) {
                return false;
            }
            context = new QuickFix.Context(null, dialog.getValue());
        }
        Command command = fix.create(editing.domain(), targets, context);
        if (command == null || !command.canExecute()) {
            MessageDialog.openInformation(site.getShell(), fix.label(),
                    Messages.bind(Messages.problemsNothingToFix, fix.label()));
            return false;
        }
        listen(editing);
        editing.stack().execute(new CommittingCommandStack.Described(
                Messages.bind(Messages.problemsFixComment, fix.label()), command));
        return true;
    }

    private static EObject object(CDOTransaction transaction, ProblemsView.Row row) {
        try {
            return row.object() == null ? null : transaction.getObject(row.object());
        } catch (RuntimeException gone) {
            return null; // deleted since the validation
        }
    }

    /** The repository navigator's editing, opening the navigator if asked; null without a repository. */
    NavigatorEditing editing(boolean open) {
        IWorkbenchPage page = site.getPage();
        try {
            if (page.findView(RepositoryNavigator.ID) instanceof RepositoryNavigator navigator) {
                return navigator.editing();
            }
            if (open && page.showView(RepositoryNavigator.ID, null, IWorkbenchPage.VIEW_CREATE)
                    instanceof RepositoryNavigator navigator) {
                return navigator.editing();
            }
        } catch (PartInitException e) {
            ILog.of(QuickFixing.class).log(e.getStatus());
        }
        return null;
    }

    private void listen(NavigatorEditing editing) {
        if (listened != editing) {
            if (listened != null) {
                listened.stack().removeCommandStackListener(revalidate);
            }
            listened = editing;
            editing.stack().addCommandStackListener(revalidate);
        }
    }

    private void revalidate() {
        update();
        // the stack tells its listeners before it commits: validate once the commit is done
        site.getShell().getDisplay().asyncExec(() -> {
            if (!view.isDisposed()) {
                ValidateHandler.validate(site.getWorkbenchWindow(), false);
            }
        });
    }

    private void update() {
        NavigatorEditing editing = listened;
        boolean canUndo = editing != null && editing.stack().canUndo();
        boolean canRedo = editing != null && editing.stack().canRedo();
        undo.setEnabled(canUndo);
        undo.setText(Messages.bind(Messages.editorUndo, canUndo ? editing.stack().getUndoCommand().getLabel() : ""));
        redo.setEnabled(canRedo);
        redo.setText(Messages.bind(Messages.editorRedo, canRedo ? editing.stack().getRedoCommand().getLabel() : ""));
    }

    /** Refreshes the Undo/Redo actions when the view is activated (the navigator may have moved the history). */
    void activated() {
        NavigatorEditing editing = editing(false);
        if (editing != null) {
            listen(editing);
        }
        update();
    }

    void dispose() {
        if (listened != null) {
            listened.stack().removeCommandStackListener(revalidate);
            listened = null;
        }
    }
}
