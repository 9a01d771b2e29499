package oko.model.edit;

import java.util.Collection;
import java.util.List;
import java.util.MissingResourceException;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.common.command.CommandWrapper;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.edit.command.AddCommand;
import org.eclipse.emf.edit.command.CreateChildCommand;
import org.eclipse.emf.edit.command.DeleteCommand;
import org.eclipse.emf.edit.command.RemoveCommand;
import org.eclipse.emf.edit.command.SetCommand;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.model.provider.OkoEditPlugin;

/**
 * Undoable commands named after what they do, in the user's language: «Изменить «Действия» — 3 Анализ…»
 * instead of EMF's «Set», so Edit ▸ Undo reads «Отменить Изменить «Действия» — 3 Анализ…». Editors create
 * their Set/Add/Remove/Delete/CreateChild commands here; the label uses the feature's display name
 * ({@link ModelLabels#featureName}) and the object's short name ({@link ModelLabels#name}).
 */
public final class CommandLabels {

    private static final int MAX_OBJECTS = 3;
    /** Menus show the label after «Отменить»: object names are cut to this many characters. */
    private static final int MAX_NAME = 40;

    private CommandLabels() {
    }

    /** {@link SetCommand#create}: «Изменить «Feature» — object». */
    public static Command set(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value) {
        return labelled(SetCommand.create(domain, owner, feature, value), setLabel(owner, feature));
    }

    /** {@link AddCommand#create}: «Добавить в «Feature» — owner». */
    public static Command add(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value) {
        return labelled(AddCommand.create(domain, owner, feature, value),
                text("_UI_OkoCommand_add", featureName(owner, feature), shortName(owner)));
    }

    /** {@link RemoveCommand#create}: «Убрать из «Feature» — owner». */
    public static Command remove(EditingDomain domain, EObject owner, EStructuralFeature feature, Object value) {
        return labelled(RemoveCommand.create(domain, owner, feature, value),
                text("_UI_OkoCommand_remove", featureName(owner, feature), shortName(owner)));
    }

    /** {@link DeleteCommand#create}: «Удалить Функция «2.1 …»» (or the first objects and how many more). */
    public static Command delete(EditingDomain domain, Collection<?> objects) {
        return labelled(DeleteCommand.create(domain, objects), deleteLabel(objects));
    }

    /** {@link CreateChildCommand#create}: «Создать Функция в «Feature» — owner». */
    public static Command createChild(EditingDomain domain, EObject owner, EStructuralFeature feature, EObject child) {
        return labelled(CreateChildCommand.create(domain, owner, new org.eclipse.emf.edit.command.CommandParameter(
                owner, feature, child), List.of(owner)), createLabel(owner, feature, child));
    }

    /** The label of a change of {@code feature} of {@code owner}. */
    public static String setLabel(EObject owner, EStructuralFeature feature) {
        return text("_UI_OkoCommand_set", featureName(owner, feature), shortName(owner));
    }

    /** The label of creating {@code child} in {@code feature} of {@code owner}. */
    public static String createLabel(EObject owner, EStructuralFeature feature, EObject child) {
        return text("_UI_OkoCommand_create", ModelLabels.typeName(child.eClass()), featureName(owner, feature),
                shortName(owner));
    }

    /** The label of deleting {@code objects}. */
    public static String deleteLabel(Collection<?> objects) {
        List<EObject> eObjects = objects.stream().filter(EObject.class::isInstance).map(EObject.class::cast).toList();
        if (eObjects.size() == 1) {
            return text("_UI_OkoCommand_delete", ModelLabels.label(eObjects.get(0)));
        }
        String first = String.join("; ", eObjects.stream().limit(MAX_OBJECTS).map(ModelLabels::label).toList());
        return eObjects.size() <= MAX_OBJECTS ? text("_UI_OkoCommand_delete", first)
                : text("_UI_OkoCommand_deleteMore", first, eObjects.size() - MAX_OBJECTS);
    }

    /**
     * The command under the given label (its description too). An executable command is wrapped, so
     * shared instances such as {@code UnexecutableCommand.INSTANCE} never change their label.
     */
    public static Command labelled(Command command, String label) {
        if (command == null || !command.canExecute()) {
            return command;
        }
        return new CommandWrapper(label, label, command);
    }

    private static String shortName(EObject object) {
        String name = ModelLabels.name(object);
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME - 1).stripTrailing() + "…";
    }

    private static String featureName(EObject owner, EStructuralFeature feature) {
        return ModelLabels.featureName(owner.eClass(), feature);
    }

    private static String text(String key, Object... arguments) {
        try {
            return OkoEditPlugin.INSTANCE.getString(key, arguments);
        } catch (MissingResourceException e) {
            return key + " " + List.of(arguments);
        }
    }
}
