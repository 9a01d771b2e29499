package oko.core.formula;

import java.util.Objects;

/**
 * The result of evaluating a formula for one school: a number (flags are 1 for yes and 0 for no),
 * or "no value" with the reason. There is deliberately no default: a missing input or a division
 * by zero never turns into a made-up 0.
 */
public final class FormulaValue {

    private final double number;
    private final String reason;

    private FormulaValue(double number, String reason) {
        this.number = number;
        this.reason = reason;
    }

    public static FormulaValue of(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("not a finite number: " + number);
        }
        return new FormulaValue(number, null);
    }

    public static FormulaValue of(boolean flag) {
        return new FormulaValue(flag ? 1 : 0, null);
    }

    public static FormulaValue none(String reason) {
        return new FormulaValue(Double.NaN, Objects.requireNonNull(reason));
    }

    public boolean present() {
        return reason == null;
    }

    /** The number; only call when {@link #present()}. */
    public double number() {
        if (!present()) {
            throw new IllegalStateException("no value: " + reason);
        }
        return number;
    }

    public boolean isTrue() {
        return number() != 0;
    }

    /** Why there is no value; {@code null} when there is one. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FormulaValue that && Objects.equals(reason, that.reason)
                && (reason != null || Double.compare(number, that.number) == 0);
    }

    @Override
    public int hashCode() {
        return present() ? Double.hashCode(number) : reason.hashCode();
    }

    @Override
    public String toString() {
        return present() ? String.valueOf(number) : "no value (" + reason + ")";
    }
}
