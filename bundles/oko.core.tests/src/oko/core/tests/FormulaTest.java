package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import oko.core.formula.Expression;
import oko.core.formula.FormulaEvaluator;
import oko.core.formula.FormulaException;
import oko.core.formula.FormulaParser;
import oko.core.formula.FormulaValue;

class FormulaTest {

    private static FormulaValue eval(String formula, Map<String, Double> inputs) throws FormulaException {
        Map<String, FormulaValue> values = new HashMap<>();
        inputs.forEach((k, v) -> values.put(k, FormulaValue.of(v)));
        return FormulaEvaluator.evaluate(FormulaParser.parse(formula), FormulaEvaluator.Inputs.of(values::get));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1 + 2 * 3; 7", "(1 + 2) * 3; 9", "10 / 4; 2.5", "2 - 3 - 4; -5", "-2 * -3; 6",
            "7 × 2 ÷ 4; 3.5", "1,5 + 1; 2.5", "3 > 2; 1", "3 <= 2; 0", "2 ≥ 2; 1", "2 ≠ 2; 0",
            "yes and no; 0", "yes or no; 1", "not no; 1", "да и не нет; 1",
            "if(1 > 2, 10, 20); 20", "share(3, 12); 25", "min(4, 2) + max(4, 2); 6", "abs(-3); 3",
            "1 + 2 = 3 and 4 > 3 or no; 1" })
    void arithmeticLogicAndFunctions(String formula, double expected) throws FormulaException {
        FormulaValue value = eval(formula, Map.of());
        assertTrue(value.present(), formula + " → " + value);
        assertEquals(expected, value.number(), 1e-9, formula);
    }

    @Test
    void referencesToMeasuresAndIndicators() throws FormulaException {
        Expression expression = FormulaParser.parse("share(ege_high_scorers, ege_graduates) + [1.2.3]");
        List<Expression.Reference> references = FormulaEvaluator.references(expression);
        assertEquals(List.of("ege_high_scorers", "ege_graduates", "1.2.3"),
                references.stream().map(Expression.Reference::name).toList());
        assertEquals(List.of(false, false, true), references.stream().map(Expression.Reference::indicator).toList());
        assertEquals(List.of(7, 25, 42), references.stream().map(Expression.Reference::column).toList());
        FormulaValue value = eval("share(ege_high_scorers, ege_graduates) + [1.2.3]",
                Map.of("ege_high_scorers", 5.0, "ege_graduates", 20.0, "1.2.3", 1.0));
        assertEquals(26.0, value.number(), 1e-9);
    }

    @Test
    void divisionByZeroAndMissingInputGiveNoValueWithAReason() throws FormulaException {
        FormulaValue share = eval("share(a, b)", Map.of("a", 1.0, "b", 0.0));
        assertFalse(share.present());
        assertTrue(share.reason().contains("1"), share.reason());
        FormulaValue division = eval("a / (b - 2)", Map.of("a", 1.0, "b", 2.0));
        assertFalse(division.present());
        FormulaValue missing = eval("a + missing_measure", Map.of("a", 1.0));
        assertFalse(missing.present());
        assertTrue(missing.reason().contains("missing_measure"), missing.reason());
        assertThrows(IllegalStateException.class, missing::number);
    }

    @Test
    void shortCircuitSkipsInputsThatAreNotNeeded() throws FormulaException {
        assertEquals(FormulaValue.of(false), eval("no and missing", Map.of()));
        assertEquals(FormulaValue.of(true), eval("yes or missing", Map.of()));
        assertEquals(FormulaValue.of(5), eval("if(a > 0, 5, 1 / 0)", Map.of("a", 1.0)));
        assertFalse(eval("if(a > 0, 5, 1 / 0)", Map.of("a", -1.0)).present());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "'share(a, '; 10", "share(a, b; 11", "a + * b; 5", "a b; 3", "1 + $; 5", "foo(1); 1",
            "share(a); 1", "[1.2.3; 1", "(a + b; 7", "''; 1", "a and; 6", "[ ]; 1" })
    void parseErrorsNameTheColumn(String formula, int column) {
        FormulaException error = assertThrows(FormulaException.class, () -> FormulaParser.parse(formula));
        assertEquals(column, error.column(), formula + ": " + error.getMessage());
        assertFalse(error.problem().isBlank());
    }

    @Test
    void everyFormulaOfTheSeedsParses() throws Exception {
        List<String> formulas = SampleModels.formulas();
        assertEquals(21, formulas.size());
        for (String formula : formulas) {
            FormulaParser.parse(formula);
        }
    }
}
