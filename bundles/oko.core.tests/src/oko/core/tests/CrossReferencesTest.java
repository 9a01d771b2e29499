package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import oko.core.emf.CrossReferences;
import oko.model.Direction;
import oko.model.DirectionGroup;
import oko.model.OkoFactory;
import oko.model.OkoPackage;
import oko.model.Person;

/**
 * {@link CrossReferences#repoint}: each target of a direction's references (its group, a single
 * reference; its coordinators, a list) kept, replaced or dropped as the repointing says.
 */
class CrossReferencesTest {

    private static final OkoFactory F = OkoFactory.eINSTANCE;

    private static Person person(String name) {
        Person person = F.createPerson();
        person.setName(name);
        return person;
    }

    @Test
    void eachTargetIsKeptReplacedOrDroppedInItsPlace() {
        Person kept = person("Иванова"), moved = person("Петров"), dropped = person("Сидоров"), namesake = person("Петров");
        Direction direction = F.createDirection();
        direction.getCoordinators().addAll(List.of(kept, moved, dropped));
        DirectionGroup group = F.createDirectionGroup();
        direction.setGroup(group);
        List<String> asked = new ArrayList<>();
        CrossReferences.repoint(List.of(direction), (owner, target) -> {
            assertSame(direction, owner);
            asked.add(target instanceof Person p ? p.getName() : "group");
            return target == moved ? namesake : target == dropped || target == group ? null : target;
        });
        // Петров replaced by his namesake in the second place, Сидоров removed: [Иванова, Петров (namesake)]
        assertEquals(List.of(kept, namesake), direction.getCoordinators());
        // the group unset
        assertNull(direction.getGroup());
        assertFalse(direction.eIsSet(OkoPackage.Literals.DIRECTION__GROUP));
        // asked once for each of the four targets
        assertEquals(List.of("group", "Иванова", "Петров", "Сидоров"), asked.stream().sorted().toList());
    }

    @Test
    void aListThatHoldsTheReplacementAlreadyLosesTheTarget() {
        Person first = person("Иванова"), second = person("Петров");
        Direction direction = F.createDirection();
        direction.getCoordinators().addAll(List.of(first, second));
        // Петров's replacement is Иванова, already coordinator: the list keeps her once
        CrossReferences.repoint(List.of(direction), (owner, target) -> target == second ? first : target);
        assertEquals(List.of(first), direction.getCoordinators());
    }

    @Test
    void containmentsAndUnsetReferencesAreNotAsked() {
        oko.model.QualitySystem system = F.createQualitySystem();
        system.getDirections().add(F.createDirection());
        List<Object> asked = new ArrayList<>();
        CrossReferences.repoint(List.of(system), (owner, target) -> {
            asked.add(target);
            return null;
        });
        // directions is a containment, every cross reference of the new system is unset
        assertEquals(List.of(), asked);
        assertEquals(1, system.getDirections().size());
    }
}
