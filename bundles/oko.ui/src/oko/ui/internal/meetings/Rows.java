package oko.ui.internal.meetings;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** The texts a table or tree shows, row by row and column by column: what the tests read. */
final class Rows {

    private Rows() {
    }

    /** Every row of the table, every column's text. */
    static List<List<String>> of(Table table) {
        List<List<String>> rows = new ArrayList<>();
        for (TableItem item : table.getItems()) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < table.getColumnCount(); c++) {
                row.add(item.getText(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** Every row of the tree, depth first (a parent before its children), every column's text. */
    static List<List<String>> of(Tree tree) {
        List<List<String>> rows = new ArrayList<>();
        collect(tree, tree.getItems(), rows);
        return rows;
    }

    private static void collect(Tree tree, TreeItem[] items, List<List<String>> rows) {
        for (TreeItem item : items) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < tree.getColumnCount(); c++) {
                row.add(item.getText(c));
            }
            rows.add(row);
            collect(tree, item.getItems(), rows);
        }
    }
}
