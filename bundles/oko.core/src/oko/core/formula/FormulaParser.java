package oko.core.formula;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import oko.core.formula.Expression.Operator;
import oko.core.internal.Messages;

/**
 * Parses the machine-readable criteria of an indicator.
 *
 * <pre>
 * formula    := or
 * or         := and ( ("or" | "или") and )*
 * and        := not ( ("and" | "и") not )*
 * not        := ("not" | "не") not | comparison
 * comparison := sum ( ("=" | "!=" | "≠" | "&lt;" | "&lt;=" | "≤" | "&gt;" | "&gt;=" | "≥") sum )?
 * sum        := product ( ("+" | "-" | "−") product )*
 * product    := unary ( ("*" | "×" | "/" | "÷") unary )*
 * unary      := "-" unary | primary
 * primary    := NUMBER | "yes" | "no" | NAME | "[" INDICATOR-CODE "]" | NAME "(" formula ("," formula)* ")" | "(" formula ")"
 * </pre>
 *
 * Names are letters, digits, {@code _} and {@code .}, starting with a letter or {@code _}; a
 * decimal comma is accepted in numbers. Keywords are case-insensitive.
 */
public final class FormulaParser {

    /** Functions and how many arguments each takes. */
    public static final Map<String, Integer> FUNCTIONS = Map.of("if", 3, "share", 2, "min", 2, "max", 2, "abs", 1);

    private static final Set<String> TRUE = Set.of("yes", "true", "да");
    private static final Set<String> FALSE = Set.of("no", "false", "нет");

    private enum Kind { NUMBER, NAME, INDICATOR, SYMBOL, END }

    private record Token(Kind kind, String text, int column) {
    }

    private final String text;
    private final List<Token> tokens;
    private int position;

    private FormulaParser(String text) throws FormulaException {
        this.text = text;
        this.tokens = tokenize(text);
    }

    /** Parses {@code formula}; throws with the column of the first problem. */
    public static Expression parse(String formula) throws FormulaException {
        if (formula == null || formula.isBlank()) {
            throw new FormulaException(Messages.formulaEmpty, 1);
        }
        FormulaParser parser = new FormulaParser(formula);
        Expression result = parser.or();
        Token rest = parser.peek();
        if (rest.kind != Kind.END) {
            throw new FormulaException(Messages.bind(Messages.formulaUnexpected, rest.text), rest.column);
        }
        return result;
    }

    private static List<Token> tokenize(String text) throws FormulaException {
        List<Token> result = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int column = i + 1;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < text.length() && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                if (i + 1 < text.length() && (text.charAt(i) == '.' || text.charAt(i) == ',')
                        && Character.isDigit(text.charAt(i + 1))) {
                    i++;
                    while (i < text.length() && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                }
                result.add(new Token(Kind.NUMBER, text.substring(start, i).replace(',', '.'), column));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.' && i + 1 < text.length()
                                && Character.isLetterOrDigit(text.charAt(i + 1)))) {
                    i++;
                }
                result.add(new Token(Kind.NAME, text.substring(start, i), column));
            } else if (c == '[') {
                int end = text.indexOf(']', i);
                if (end < 0) {
                    throw new FormulaException(Messages.formulaUnclosedBracket, column);
                }
                String code = text.substring(i + 1, end).strip();
                if (code.isEmpty()) {
                    throw new FormulaException(Messages.formulaEmptyReference, column);
                }
                result.add(new Token(Kind.INDICATOR, code, column));
                i = end + 1;
            } else {
                String two = i + 1 < text.length() ? text.substring(i, i + 2) : "";
                if (two.equals("<=") || two.equals(">=") || two.equals("!=") || two.equals("<>")
                        || two.equals("==")) {
                    result.add(new Token(Kind.SYMBOL, two, column));
                    i += 2;
                } else if ("+-−*×/÷()<>=,≤≥≠".indexOf(c) >= 0) {
                    result.add(new Token(Kind.SYMBOL, String.valueOf(c), column));
                    i++;
                } else {
                    throw new FormulaException(Messages.bind(Messages.formulaBadCharacter, String.valueOf(c)), column);
                }
            }
        }
        result.add(new Token(Kind.END, "", text.length() + 1));
        return result;
    }

    private Token peek() {
        return tokens.get(position);
    }

    private Token next() {
        return tokens.get(position++);
    }

    private boolean isKeyword(Token token, String... words) {
        if (token.kind != Kind.NAME) {
            return false;
        }
        String lower = token.text.toLowerCase(Locale.ROOT);
        for (String word : words) {
            if (word.equals(lower)) {
                return true;
            }
        }
        return false;
    }

    private boolean isSymbol(Token token, String... symbols) {
        if (token.kind != Kind.SYMBOL) {
            return false;
        }
        for (String symbol : symbols) {
            if (symbol.equals(token.text)) {
                return true;
            }
        }
        return false;
    }

    private Expression or() throws FormulaException {
        Expression left = and();
        while (isKeyword(peek(), "or", "или")) {
            Token op = next();
            left = new Expression.Binary(Operator.OR, left, and(), op.column);
        }
        return left;
    }

    private Expression and() throws FormulaException {
        Expression left = not();
        while (isKeyword(peek(), "and", "и")) {
            Token op = next();
            left = new Expression.Binary(Operator.AND, left, not(), op.column);
        }
        return left;
    }

    private Expression not() throws FormulaException {
        if (isKeyword(peek(), "not", "не")) {
            Token op = next();
            return new Expression.Unary(Operator.NOT, not(), op.column);
        }
        return comparison();
    }

    private Expression comparison() throws FormulaException {
        Expression left = sum();
        Token token = peek();
        Operator operator = switch (token.kind == Kind.SYMBOL ? token.text : "") {
            case "=", "==" -> Operator.EQ;
            case "!=", "<>", "≠" -> Operator.NE;
            case "<" -> Operator.LT;
            case "<=", "≤" -> Operator.LE;
            case ">" -> Operator.GT;
            case ">=", "≥" -> Operator.GE;
            default -> null;
        };
        if (operator == null) {
            return left;
        }
        next();
        return new Expression.Binary(operator, left, sum(), token.column);
    }

    private Expression sum() throws FormulaException {
        Expression left = product();
        while (isSymbol(peek(), "+", "-", "−")) {
            Token op = next();
            left = new Expression.Binary(op.text.equals("+") ? Operator.PLUS : Operator.MINUS, left, product(),
                    op.column);
        }
        return left;
    }

    private Expression product() throws FormulaException {
        Expression left = unary();
        while (isSymbol(peek(), "*", "×", "/", "÷")) {
            Token op = next();
            boolean times = op.text.equals("*") || op.text.equals("×");
            left = new Expression.Binary(times ? Operator.TIMES : Operator.DIVIDE, left, unary(), op.column);
        }
        return left;
    }

    private Expression unary() throws FormulaException {
        if (isSymbol(peek(), "-", "−")) {
            Token op = next();
            return new Expression.Unary(Operator.MINUS, unary(), op.column);
        }
        return primary();
    }

    private Expression primary() throws FormulaException {
        Token token = next();
        switch (token.kind) {
        case NUMBER:
            return new Expression.Number(Double.parseDouble(token.text), token.column);
        case INDICATOR:
            return new Expression.Reference(token.text, true, token.column);
        case NAME:
            return nameOrCall(token);
        case SYMBOL:
            if (token.text.equals("(")) {
                Expression inner = or();
                expect(")", token);
                return inner;
            }
            throw new FormulaException(Messages.bind(Messages.formulaUnexpected, token.text), token.column);
        default:
            throw new FormulaException(Messages.formulaUnexpectedEnd, token.column);
        }
    }

    private Expression nameOrCall(Token token) throws FormulaException {
        String lower = token.text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(lower) || FALSE.contains(lower)) {
            return new Expression.Flag(TRUE.contains(lower), token.column);
        }
        if (isKeyword(token, "and", "или", "or", "и", "not", "не")) {
            throw new FormulaException(Messages.bind(Messages.formulaUnexpected, token.text), token.column);
        }
        if (!isSymbol(peek(), "(")) {
            return new Expression.Reference(token.text, false, token.column);
        }
        Integer arity = FUNCTIONS.get(lower);
        if (arity == null) {
            throw new FormulaException(Messages.bind(Messages.formulaUnknownFunction, token.text), token.column);
        }
        Token open = next();
        List<Expression> arguments = new ArrayList<>();
        if (!isSymbol(peek(), ")")) {
            arguments.add(or());
            while (isSymbol(peek(), ",")) {
                next();
                arguments.add(or());
            }
        }
        expect(")", open);
        if (arguments.size() != arity) {
            throw new FormulaException(Messages.bind(Messages.formulaArity,
                    new Object[] { lower, arity, arguments.size() }), token.column);
        }
        return new Expression.Call(lower, List.copyOf(arguments), token.column);
    }

    private void expect(String symbol, Token opening) throws FormulaException {
        Token token = peek();
        if (!isSymbol(token, symbol)) {
            throw new FormulaException(token.kind == Kind.END
                    ? Messages.bind(Messages.formulaUnclosed, String.valueOf(opening.column))
                    : Messages.bind(Messages.formulaUnexpected, token.text), token.column);
        }
        next();
    }

    @Override
    public String toString() {
        return text;
    }
}
