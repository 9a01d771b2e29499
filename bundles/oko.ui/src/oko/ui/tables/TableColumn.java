package oko.ui.tables;

import java.util.function.Function;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EStructuralFeature;

/**
 * One column of a contributed table: its header, its share of the width, the text a row shows in
 * it, and the feature edited in place (none for a read-only column). Long texts are wrapped.
 *
 * @param title     the column's header (translated)
 * @param width     the column's width weight in pixels at 100 %; columns share the editor's width
 *                  in proportion to these weights
 * @param text      the text a row shows (never {@code null}; empty for none)
 * @param feature   the name of the row's feature edited in the cell (a text, or a many-valued
 *                  reference chosen in a dialog), or {@code null} for a read-only column
 * @param multiLine whether the cell editor takes several lines of text
 */
public record TableColumn(String title, int width, Function<EObject, String> text, String feature, boolean multiLine) {

    /**
     * A column showing and editing one feature of the row as text.
     *
     * @param title     the column's header
     * @param width     the column's width weight
     * @param feature   the row's feature shown and edited
     * @param multiLine whether the cell editor takes several lines of text
     * @return the column
     */
    public static TableColumn of(String title, int width, String feature, boolean multiLine) {
        return new TableColumn(title, width, row -> text(row, feature), feature, multiLine);
    }

    /**
     * The value of a row's feature as text.
     *
     * @param row     a row
     * @param feature a feature name; a row without it shows nothing
     * @return the value's {@code toString()}, or an empty text when unset or missing
     */
    public static String text(EObject row, String feature) {
        EStructuralFeature f = row.eClass().getEStructuralFeature(feature);
        Object value = f == null ? null : row.eGet(f);
        return value == null ? "" : value.toString();
    }
}
