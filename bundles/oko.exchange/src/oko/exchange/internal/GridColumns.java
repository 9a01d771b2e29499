package oko.exchange.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import oko.exchange.internal.Grid.TableRow;

/**
 * The columns of a table found by the words of its header (in any order, on one or two rows):
 * which column holds which kind of value, and where the data begin.
 */
public final class GridColumns<K extends Enum<K>> {

    /** How many rows at the top are searched for the header. */
    private static final int SEARCHED = 15;

    private final Map<K, Integer> index;
    private final List<String> names;
    private final int firstData;
    private final int headerRow;

    private GridColumns(Map<K, Integer> index, List<String> names, int headerRow, int firstData) {
        this.index = index;
        this.names = names;
        this.headerRow = headerRow;
        this.firstData = firstData;
    }

    /** The (first) row of the header, an index into the grid's rows. */
    public int headerRow() {
        return headerRow;
    }

    /**
     * The header of the grid: the first row (of the first {@value #SEARCHED}) on which the columns of
     * every required kind are found, with the row below when it names more of them (a header on two
     * rows), and a row numbering the columns (1, 2, 3…) below it skipped. Null when there is none.
     */
    public static <K extends Enum<K>> GridColumns<K> find(Grid grid, Class<K> kinds, Function<String, K> classify,
            Set<K> required) {
        List<TableRow> rows = grid.rows();
        for (int r = 0; r < Math.min(SEARCHED, rows.size()); r++) {
            Map<K, Integer> found = classify(rows.get(r), kinds, classify);
            if (!found.keySet().containsAll(required) || found.size() < 2) {
                continue;
            }
            List<String> names = new ArrayList<>(rows.get(r).cells());
            int next = r + 1;
            if (next < rows.size() && !rows.get(next).spanning() && headerLike(rows.get(next), kinds, classify)) {
                List<String> merged = new ArrayList<>(names);
                TableRow second = rows.get(next);
                for (int c = 0; c < merged.size(); c++) {
                    String below = second.cell(c);
                    if (!below.isEmpty() && !below.equals(merged.get(c)) && Texts.number(below) == null) {
                        merged.set(c, (merged.get(c) + " " + below).trim());
                    }
                }
                Map<K, Integer> more = classify(new TableRow(0, merged, false), kinds, classify);
                if (more.size() > found.size()) {
                    found = more;
                    names = merged;
                    next++;
                }
            }
            if (next < rows.size() && numbersColumns(rows.get(next))) {
                next++;
            }
            return new GridColumns<>(found, names, r, next);
        }
        return null;
    }

    private static <K extends Enum<K>> Map<K, Integer> classify(TableRow row, Class<K> kinds, Function<String, K> classify) {
        Map<K, Integer> found = new EnumMap<>(kinds);
        for (int c = 0; c < row.cells().size(); c++) {
            String text = row.cell(c);
            if (text.isEmpty() || c > 0 && text.equals(row.cell(c - 1))) {
                continue;
            }
            K kind = classify.apply(Texts.key(text).replace('\n', ' '));
            if (kind != null && !found.containsKey(kind)) {
                found.put(kind, c);
            }
        }
        return found;
    }

    /** Whether a row may continue a header: no number in it, and some cell of its own a header word. */
    private static <K extends Enum<K>> boolean headerLike(TableRow row, Class<K> kinds, Function<String, K> classify) {
        for (String text : row.distinct()) {
            if (Texts.number(text) != null) {
                return false;
            }
        }
        return !classify(row, kinds, classify).isEmpty();
    }

    /** Whether a row only numbers the columns: 1, 2, 3… */
    private static boolean numbersColumns(TableRow row) {
        List<String> texts = row.distinct();
        if (texts.size() < 3) {
            return false;
        }
        for (int i = 0; i < texts.size(); i++) {
            if (!texts.get(i).equals(Integer.toString(i + 1)) && !texts.get(i).equals((i + 1) + ".")) {
                return false;
            }
        }
        return true;
    }

    /** The column of that kind, -1 when the table has none. */
    public int of(K kind) {
        return index.getOrDefault(kind, -1);
    }

    public boolean has(K kind) {
        return index.containsKey(kind);
    }

    /** The header's text per column. */
    public List<String> names() {
        return names;
    }

    /** The header's text of the column of that kind (for the report), or its letter. */
    public String name(K kind) {
        int c = of(kind);
        if (c < 0) {
            return null;
        }
        String n = c < names.size() ? names.get(c).replace('\n', ' ') : "";
        return n.isEmpty() ? letter(c) : n;
    }

    /** The first row of data, an index into the grid's rows. */
    public int firstData() {
        return firstData;
    }

    /** The column's letter as a spreadsheet names it: A, B, … Z, AA… */
    public static String letter(int column) {
        StringBuilder b = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            b.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return b.toString();
    }

    /** Whether a key (see {@link Texts#key}) contains any of the words. */
    public static boolean has(String key, String... words) {
        for (String w : words) {
            if (key.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The kinds found, for the report. */
    public Set<K> kinds() {
        return index.keySet();
    }
}
