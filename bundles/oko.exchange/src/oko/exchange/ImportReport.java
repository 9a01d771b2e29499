package oko.exchange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import found in a file and what it will change: its errors (any error and nothing is
 * stored), its notes (what was kept as text, created on request or matched loosely, listed so
 * that nothing goes unnoticed), the number of objects it creates and updates per class, and the
 * first rows as read, for a preview. Errors beyond {@link #MAX_ERRORS} are counted, not listed.
 */
public final class ImportReport {

    /** How many errors are listed; the rest are counted. */
    public static final int MAX_ERRORS = 100;

    /** How many rows a preview shows. */
    public static final int PREVIEW_ROWS = 10;

    /** Whether a line stops the import or only tells the user something. */
    public enum Severity {
        ERROR, NOTE
    }

    /**
     * One line of the report: where (the file's name, the row or line counted from 1 — 0 when the
     * line is about the whole file — and the column: a header name or a letter, null when none) and
     * what.
     */
    public record Line(Severity severity, String file, int row, String column, String text) {

        @Override
        public String toString() {
            if (row <= 0) {
                return Messages.bind(Messages.reportAtFile, file, text);
            }
            if (column == null || column.isEmpty()) {
                return Messages.bind(Messages.reportAtRow, new Object[] { file, row, text });
            }
            return Messages.bind(Messages.reportAtCell, new Object[] { file, row, column, text });
        }
    }

    private final String file;
    private final List<Line> errors = new ArrayList<>();
    private int errorCount;
    private final List<Line> notes = new ArrayList<>();
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private List<String> header = List.of();
    private final List<List<String>> preview = new ArrayList<>();

    /** A report about the file of that name (as shown to the user: usually the file name only). */
    public ImportReport(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Records an error at a row (0: the whole file) and column (null: the whole row). */
    public void error(int row, String column, String text) {
        if (errorCount++ < MAX_ERRORS) {
            errors.add(new Line(Severity.ERROR, file, row, column, text));
        }
    }

    /** Records a note at a row (0: the whole file) and column (null: the whole row). */
    public void note(int row, String column, String text) {
        notes.add(new Line(Severity.NOTE, file, row, column, text));
    }

    /** Counts an object of the class (its name as the user knows it) to be created. */
    public void created(String className) {
        counts.computeIfAbsent(className, k -> new int[2])[0]++;
    }

    /** Counts an object of the class (its name as the user knows it) to be updated. */
    public void updated(String className) {
        counts.computeIfAbsent(className, k -> new int[2])[1]++;
    }

    /** The column names of the preview. */
    public void header(List<String> names) {
        header = List.copyOf(names);
    }

    /** Keeps a row as read for the preview (only the first {@link #PREVIEW_ROWS}). */
    public void previewRow(List<String> cells) {
        if (preview.size() < PREVIEW_ROWS) {
            preview.add(List.copyOf(cells));
        }
    }

    public boolean hasErrors() {
        return errorCount > 0;
    }

    /** All errors found, also those not listed. */
    public int errorCount() {
        return errorCount;
    }

    /** The errors listed (at most {@link #MAX_ERRORS}). */
    public List<Line> errors() {
        return Collections.unmodifiableList(errors);
    }

    public List<Line> notes() {
        return Collections.unmodifiableList(notes);
    }

    /** Per class name: {created, updated}, in the order first counted. */
    public Map<String, int[]> counts() {
        return Collections.unmodifiableMap(counts);
    }

    public int created(String className, boolean updated) {
        int[] c = counts.get(className);
        return c == null ? 0 : c[updated ? 1 : 0];
    }

    public List<String> header() {
        return header;
    }

    public List<List<String>> previewRows() {
        return Collections.unmodifiableList(preview);
    }

    /**
     * The report as lines for a terminal or a dialog: the errors (and how many more), else the
     * counts per class; then the notes.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        errors.forEach(e -> lines.add(e.toString()));
        if (errorCount > errors.size()) {
            lines.add(Messages.bind(Messages.reportMoreErrors, new Object[] { errorCount - errors.size(), errorCount,
                    errors.size() }));
        }
        if (errorCount == 0) {
            counts.forEach((name, c) -> lines.add(Messages.bind(Messages.reportCount, new Object[] { name, c[0], c[1] })));
        }
        notes.forEach(n -> lines.add(n.toString()));
        return lines;
    }
}
