package oko.core.fixes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CompoundCommand;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.edit.domain.EditingDomain;

/**
 * A base for fixes of one type of object: the problem ids accepted, the target type, and one command
 * per target; {@link #create(EditingDomain, List, Context)} joins them in one {@link CompoundCommand}
 * labelled with the fix's label, each target once (a direction lacking three stages has three problems
 * but is fixed once). Targets the fix cannot remedy (any more) are left out; nothing to do is {@code null}.
 *
 * @param <T> the type of the objects fixed
 */
public abstract class AbstractQuickFix<T extends EObject> implements QuickFix {

    private final String id;
    private final List<String> problems;
    private final Class<T> type;

    protected AbstractQuickFix(String id, Class<T> type, String... problems) {
        this.id = id;
        this.type = type;
        this.problems = List.of(problems);
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> problems() {
        return problems;
    }

    @Override
    public boolean accepts(String problemId, EObject target) {
        return problems.contains(problemId) && type.isInstance(target) && applicable(type.cast(target));
    }

    /** Whether the fix can do something for {@code target}. */
    protected abstract boolean applicable(T target);

    /**
     * Appends to {@code command} what fixes {@code target}. {@code state} is shared by the targets of one
     * application (e.g. to give two goals two different indicators).
     */
    protected abstract void append(EditingDomain domain, T target, Context context, CompoundCommand command,
            Set<Object> state);

    @Override
    public final Command create(EditingDomain domain, List<EObject> targets) {
        return create(domain, targets, Context.NONE);
    }

    @Override
    public Command create(EditingDomain domain, List<EObject> targets, Context context) {
        if (parameter() != null && (context.value() == null || parameter().check(context.value()) != null)) {
            String value = parameter().defaultValue(targets);
            if (context.value() != null || value == null || parameter().check(value) != null) {
                return null;
            }
            context = new Context(context.period(), value);
        }
        CompoundCommand command = new CompoundCommand(CompoundCommand.LAST_COMMAND_ALL, label());
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> state = Collections.newSetFromMap(new IdentityHashMap<>());
        List<T> fixed = new ArrayList<>();
        for (EObject target : targets) {
            if (type.isInstance(target) && seen.add(target) && applicable(type.cast(target))) {
                fixed.add(type.cast(target));
            }
        }
        for (T target : fixed) {
            append(domain, target, context, command, state);
        }
        return command.isEmpty() ? null : command;
    }

    @Override
    public String toString() {
        return id;
    }
}
