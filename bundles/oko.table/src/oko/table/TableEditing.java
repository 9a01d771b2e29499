package oko.table;

import java.util.List;

import org.eclipse.emf.common.command.Command;
import org.eclipse.emf.ecore.EClass;
import org.eclipse.emf.ecore.EClassifier;
import org.eclipse.emf.ecore.EEnum;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.EStructuralFeature;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.edit.domain.EditingDomain;

import oko.model.OkoPackage;
import oko.model.edit.CommandLabels;
import oko.model.edit.ModelLabels;
import oko.table.description.CellValue;
import oko.table.description.CreateLineTool;
import oko.table.internal.Messages;

/**
 * The commands of a described table: a cell's value set, a cross-table's relation toggled, a line
 * added by a create tool. Each is one command for the editing domain's stack (undoable), built
 * with the domain so that labels and notifications are the model editors'.
 */
public final class TableEditing {

    private TableEditing() {
    }

    /**
     * Toggles a relation of a cross-table cell: removes the column element from the line's
     * reference list (or deletes the links to it that fit the condition) when it holds, else adds
     * it (or a new link with the column element and the condition's value).
     *
     * @return the command, or {@code null} when the relation cannot be changed on that line
     */
    public static Command toggle(EditingDomain domain, CellValue value, EObject line, EObject column) {
        EStructuralFeature feature = line.eClass().getEStructuralFeature(value.getFeature());
        if (feature == null || !feature.isMany()) {
            return null;
        }
        List<EObject> links = TableInterpreter.links(value, line, column);
        String label = Messages.bind(links.isEmpty() ? Messages.commandSetCell : Messages.commandClearCell,
                new Object[] { value.getLabel(), ModelLabels.name(line), ModelLabels.name(column) });
        if (!links.isEmpty()) {
            Command command = value.getLinkClass() == null || value.getLinkClass().isBlank()
                    ? CommandLabels.remove(domain, line, feature, column)
                    : CommandLabels.delete(domain, links);
            return CommandLabels.labelled(command, label);
        }
        if (value.getLinkClass() == null || value.getLinkClass().isBlank()) {
            return CommandLabels.labelled(CommandLabels.add(domain, line, feature, column), label);
        }
        EClassifier type = OkoPackage.eINSTANCE.getEClassifier(value.getLinkClass());
        if (!(type instanceof EClass linkClass)) {
            return null;
        }
        EObject link = EcoreUtil.create(linkClass);
        link.eSet(linkClass.getEStructuralFeature(value.getLinkFeature()), column);
        String condition = value.getLinkCondition();
        if (condition != null && condition.contains("=")) {
            EStructuralFeature conditionFeature = linkClass.getEStructuralFeature(condition.substring(0, condition.indexOf('=')).strip());
            link.eSet(conditionFeature, parse(conditionFeature, condition.substring(condition.indexOf('=') + 1).strip()));
        }
        return CommandLabels.labelled(CommandLabels.add(domain, line, feature, link), label);
    }

    /** A feature's value written as text: an enum literal's name, a number, a boolean, or the text. */
    public static Object parse(EStructuralFeature feature, String text) {
        EClassifier type = feature.getEType();
        if (type instanceof EEnum eEnum) {
            var literal = eEnum.getEEnumLiteral(text);
            if (literal == null) {
                literal = eEnum.getEEnumLiteralByLiteral(text);
            }
            if (literal == null) {
                throw new IllegalArgumentException(feature.getName() + " = " + text);
            }
            return literal.getInstance();
        }
        return EcoreUtil.createFromString((org.eclipse.emf.ecore.EDataType) type, text);
    }

    /** A new line made by a create tool, and the command adding it. */
    public record NewLine(Command command, EObject element) {
    }

    /**
     * The command of a create tool: a new element (named after the tool's {@code newName}) in the
     * first place that has one of the tool's container features accepting it: the selected line
     * (when {@code insideSelection}), the selected line's container, the table's object, its first line.
     *
     * @param selected the selected line's element, or {@code null}
     * @param firstLine the table's first line's element, or {@code null}
     * @return the new line, or {@code null} when no place accepts it
     */
    public static NewLine newLine(EditingDomain domain, CreateLineTool tool, EObject root, EObject selected, EObject firstLine) {
        EClassifier type = OkoPackage.eINSTANCE.getEClassifier(tool.getDomainClass());
        if (!(type instanceof EClass eClass)) {
            return null;
        }
        EObject element = EcoreUtil.create(eClass);
        EStructuralFeature name = eClass.getEStructuralFeature("name");
        if (name != null && tool.getNewName() != null) {
            element.eSet(name, tool.getNewName());
        }
        List<EObject> places = new java.util.ArrayList<>();
        if (selected != null && tool.isInsideSelection()) {
            places.add(selected);
        }
        if (selected != null && selected.eContainer() != null) {
            places.add(selected.eContainer());
        }
        places.add(root);
        if (firstLine != null) {
            places.add(firstLine);
        }
        for (EObject place : places) {
            for (String featureName : tool.getContainerFeatures().strip().split("\\s+")) {
                EStructuralFeature feature = place.eClass().getEStructuralFeature(featureName);
                if (feature instanceof EReference reference && reference.isContainment() && reference.isMany()
                        && reference.getEReferenceType().isSuperTypeOf(eClass)) {
                    return new NewLine(CommandLabels.add(domain, place, reference, element), element);
                }
            }
        }
        return null;
    }
}
