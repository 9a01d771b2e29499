package oko.core.formula;

/** A formula that does not parse; {@link #column()} is the 1-based position of the problem. */
public final class FormulaException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String problem;
    private final int column;

    public FormulaException(String problem, int column) {
        super(problem + " (column " + column + ")");
        this.problem = problem;
        this.column = column;
    }

    /** What is wrong, without the position. */
    public String problem() {
        return problem;
    }

    public int column() {
        return column;
    }
}
