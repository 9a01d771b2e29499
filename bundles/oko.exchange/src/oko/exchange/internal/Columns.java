package oko.exchange.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import oko.exchange.ImportReport;
import oko.exchange.Messages;

/**
 * Which column of a table holds which field, found by the header's names: each field has names in
 * Russian and English, compared by {@link Cells#key} (case, ё, spaces, punctuation and remarks in
 * parentheses ignored), in any order. A field named by two columns is an error of the report;
 * columns no field names are left for the caller ({@link #unmatched}).
 *
 * @param <F> the fields (usually an enum)
 */
public final class Columns<F> {

    private final TabularFile table;
    private final Map<F, Integer> index = new LinkedHashMap<>();
    private final List<Integer> unmatched = new ArrayList<>();

    private Columns(TabularFile table) {
        this.table = table;
    }

    /**
     * Finds the fields' columns in the table's header; {@code names} gives each field its names
     * (the first is how the field is shown in messages).
     */
    public static <F> Columns<F> find(TabularFile table, Map<F, List<String>> names, ImportReport report) {
        Columns<F> columns = new Columns<>(table);
        Map<String, F> byKey = new HashMap<>();
        names.forEach((field, list) -> list.forEach(name -> byKey.putIfAbsent(Cells.key(name), field)));
        List<String> header = table.header();
        for (int c = 0; c < header.size(); c++) {
            if (header.get(c).isBlank()) {
                continue;
            }
            F field = byKey.get(Cells.key(header.get(c)));
            if (field == null) {
                columns.unmatched.add(c);
            } else if (columns.index.containsKey(field)) {
                report.error(table.headerRow(), header.get(c), Messages.bind(Messages.columnTwice,
                        header.get(columns.index.get(field)), names.get(field).get(0)));
            } else {
                columns.index.put(field, c);
            }
        }
        return columns;
    }

    /** The field's column, -1 when the file has none. */
    public int index(F field) {
        return index.getOrDefault(field, -1);
    }

    public boolean has(F field) {
        return index.containsKey(field);
    }

    /** The columns with a header no field has, left to right. */
    public List<Integer> unmatched() {
        return unmatched;
    }

    /** The header of the field's column as the user wrote it (null when the file has none). */
    public String name(F field) {
        return has(field) ? table.columnName(index(field)) : null;
    }
}
