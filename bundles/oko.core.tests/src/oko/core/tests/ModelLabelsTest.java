package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import oko.model.Direction;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.edit.ModelLabels;

/** How objects are named in messages, tables and reports: the code once, then the name. */
class ModelLabelsTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    @Test
    void aNameBeginningWithItsCodeIsNotPrefixedTwice() {
        Period period = F.createPeriod();
        period.setCode("2023");
        period.setName("2023 год");
        assertEquals("2023 год", ModelLabels.name(period), "not «2023 2023 год»");
        period.setName("2023");
        assertEquals("2023", ModelLabels.name(period));
        // «20231 …» only begins with the characters of the code, not with the code as a word
        period.setName("20231 отчёт");
        assertEquals("2023 20231 отчёт", ModelLabels.name(period));
    }

    @Test
    void codeThenName() {
        Direction direction = F.createDirection();
        direction.setCode("1.2");
        direction.setName("Система обеспечения объективности");
        assertEquals("1.2 Система обеспечения объективности", ModelLabels.name(direction));
        direction.setName(null);
        assertEquals("1.2", ModelLabels.name(direction));
    }
}
