package oko.ui.internal.tables;

import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

import oko.model.NamedElement;
import oko.model.NumberedElement;
import oko.model.edit.ModelLabels;
import oko.ui.tables.TableColumn;

/** How the built-in tables show a row's values in a cell. */
final class Cells {

    private Cells() {
    }

    /** A number, empty for 0 (a stage without a number). */
    static String number(EObject row, String feature) {
        String text = TableColumn.text(row, feature);
        return "0".equals(text) ? "" : text;
    }

    static String name(EObject row) {
        return row instanceof NamedElement named && named.getName() != null ? named.getName() : "";
    }

    /** «1.2 Name» for numbered elements. */
    static String numberedName(EObject row) {
        String number = row instanceof NumberedElement numbered && numbered.getNumber() != null
                ? numbered.getNumber() + " " : "";
        return number + name(row);
    }

    /** The names of the referenced objects, separated by «; ». */
    static String references(EObject row, String feature) {
        EStructuralFeature f = row.eClass().getEStructuralFeature(feature);
        if (f == null || !f.isMany()) {
            return "";
        }
        return ((List<?>) row.eGet(f)).stream().map(o -> ModelLabels.name((EObject) o))
                .collect(Collectors.joining("; "));
    }
}
