package oko.core.formula;

import java.util.List;

/**
 * A parsed indicator formula. Columns are 1-based positions in the formula text, kept so that
 * evaluation problems can point at the place they come from.
 */
public sealed interface Expression {

    /** Where this expression starts in the formula text (1-based). */
    int column();

    /** A number literal such as {@code 2.5}. */
    record Number(double value, int column) implements Expression {
    }

    /** {@code yes}/{@code no} (also {@code да}/{@code нет}, {@code true}/{@code false}). */
    record Flag(boolean value, int column) implements Expression {
    }

    /**
     * A reference to a raw measure (a data element code such as {@code ege_graduates}) or to
     * another indicator ({@code [1.2.3]}, by indicator code).
     */
    record Reference(String name, boolean indicator, int column) implements Expression {
    }

    /** {@code -x} or {@code not x}. */
    record Unary(Operator operator, Expression operand, int column) implements Expression {
    }

    /** Arithmetic, comparison and logical operators with two operands. */
    record Binary(Operator operator, Expression left, Expression right, int column) implements Expression {
    }

    /** A function call: {@code if}, {@code share}, {@code min}, {@code max}, {@code abs}. */
    record Call(String function, List<Expression> arguments, int column) implements Expression {
    }

    /** Operators in the order of their binding strength, weakest first. */
    enum Operator {
        OR("or"), AND("and"), NOT("not"),
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
        PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
