package oko.core.formula;

import java.util.List;
import java.util.function.Function;

import oko.core.formula.Expression.Operator;
import oko.core.internal.Messages;

/**
 * Evaluates a parsed formula over the inputs of one school. {@code if} evaluates only the branch
 * it takes; {@code and}/{@code or} short-circuit. Inputs that are missing or themselves have no
 * value make the whole result "no value" with the reason, unless a short circuit skips them.
 */
public final class FormulaEvaluator {

    /** Values of references: raw measures by data element code, other indicators by code. */
    public interface Inputs {
        FormulaValue value(Expression.Reference reference);

        /** Inputs from a function of the name; absent names give "no value". */
        static Inputs of(Function<String, FormulaValue> byName) {
            return reference -> {
                FormulaValue value = byName.apply(reference.name());
                return value != null ? value : FormulaValue.none(Messages.bind(Messages.valueMissingInput,
                        reference.name()));
            };
        }
    }

    private final Inputs inputs;

    private FormulaEvaluator(Inputs inputs) {
        this.inputs = inputs;
    }

    public static FormulaValue evaluate(Expression expression, Inputs inputs) {
        return new FormulaEvaluator(inputs).eval(expression);
    }

    private FormulaValue eval(Expression expression) {
        return switch (expression) {
            case Expression.Number n -> FormulaValue.of(n.value());
            case Expression.Flag f -> FormulaValue.of(f.value());
            case Expression.Reference r -> inputs.value(r);
            case Expression.Unary u -> unary(u);
            case Expression.Binary b -> binary(b);
            case Expression.Call c -> call(c);
        };
    }

    private FormulaValue unary(Expression.Unary unary) {
        FormulaValue operand = eval(unary.operand());
        if (!operand.present()) {
            return operand;
        }
        return unary.operator() == Operator.NOT ? FormulaValue.of(!operand.isTrue())
                : FormulaValue.of(-operand.number());
    }

    private FormulaValue binary(Expression.Binary binary) {
        FormulaValue left = eval(binary.left());
        if (left.present() && binary.operator() == Operator.AND && !left.isTrue()) {
            return FormulaValue.of(false);
        }
        if (left.present() && binary.operator() == Operator.OR && left.isTrue()) {
            return FormulaValue.of(true);
        }
        if (!left.present()) {
            return left;
        }
        FormulaValue right = eval(binary.right());
        if (!right.present()) {
            return right;
        }
        double a = left.number();
        double b = right.number();
        return switch (binary.operator()) {
            case AND, OR -> FormulaValue.of(right.isTrue());
            case EQ -> FormulaValue.of(a == b);
            case NE -> FormulaValue.of(a != b);
            case LT -> FormulaValue.of(a < b);
            case LE -> FormulaValue.of(a <= b);
            case GT -> FormulaValue.of(a > b);
            case GE -> FormulaValue.of(a >= b);
            case PLUS -> FormulaValue.of(a + b);
            case MINUS -> FormulaValue.of(a - b);
            case TIMES -> FormulaValue.of(a * b);
            case DIVIDE -> divide(a, b, binary.column());
            case NOT -> throw new IllegalStateException("not is unary");
        };
    }

    private static FormulaValue divide(double a, double b, int column) {
        return b == 0 ? FormulaValue.none(Messages.bind(Messages.valueDivisionByZero, column)) : FormulaValue.of(a / b);
    }

    private FormulaValue call(Expression.Call call) {
        List<Expression> args = call.arguments();
        if (call.function().equals("if")) {
            FormulaValue condition = eval(args.get(0));
            if (!condition.present()) {
                return condition;
            }
            return eval(args.get(condition.isTrue() ? 1 : 2));
        }
        double[] values = new double[args.size()];
        for (int i = 0; i < values.length; i++) {
            FormulaValue value = eval(args.get(i));
            if (!value.present()) {
                return value;
            }
            values[i] = value.number();
        }
        return switch (call.function()) {
            case "share" -> values[1] == 0 ? FormulaValue.none(Messages.bind(Messages.valueShareOfZero, call.column()))
                    : FormulaValue.of(values[0] / values[1] * 100);
            case "min" -> FormulaValue.of(Math.min(values[0], values[1]));
            case "max" -> FormulaValue.of(Math.max(values[0], values[1]));
            case "abs" -> FormulaValue.of(Math.abs(values[0]));
            default -> throw new IllegalStateException("unknown function " + call.function());
        };
    }

    /** Every reference in the formula, in order of appearance. */
    public static List<Expression.Reference> references(Expression expression) {
        List<Expression.Reference> result = new java.util.ArrayList<>();
        collect(expression, result);
        return result;
    }

    private static void collect(Expression expression, List<Expression.Reference> into) {
        switch (expression) {
            case Expression.Reference r -> into.add(r);
            case Expression.Unary u -> collect(u.operand(), into);
            case Expression.Binary b -> {
                collect(b.left(), into);
                collect(b.right(), into);
            }
            case Expression.Call c -> c.arguments().forEach(a -> collect(a, into));
            default -> {
            }
        }
    }
}
