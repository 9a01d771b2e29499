package oko.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jface.viewers.ITreeContentProvider;
import org.junit.jupiter.api.Test;

import oko.model.Level;
import oko.model.OkoFactory;
import oko.model.QualitySystem;
import oko.ui.navigator.ItemProviderAdapters;

/**
 * How the navigator arranges the quality systems (issue 22), on systems made here: under the parent
 * system when that is among the systems shown, else at the top level — no parent, a parent that is
 * not in the repository, or a loop of parents (which the model should not have, but an imported file
 * could) — so that every system appears exactly once.
 */
class SystemsTreeArrangementTest {

    private static QualitySystem system(String code, Level level, QualitySystem parent) {
        QualitySystem system = OkoFactory.eINSTANCE.createQualitySystem();
        system.setCode(code);
        system.setLevel(level);
        system.setParentSystem(parent);
        return system;
    }

    @Test
    void aSystemIsUnderItsParentWhenTheParentIsShownElseAtTheTop() {
        QualitySystem region = system("rsoko", Level.REGION, null);
        QualitySystem municipal = system("msoko", Level.MUNICIPALITY, region);
        QualitySystem school = system("vsoko", Level.SCHOOL, municipal);
        QualitySystem alone = system("msoko-2", Level.MUNICIPALITY, null);
        QualitySystem elsewhere = system("rsoko-other", Level.REGION, null); // not in the repository
        QualitySystem orphan = system("msoko-3", Level.MUNICIPALITY, elsewhere);
        QualitySystem loopA = system("loop-a", Level.MUNICIPALITY, null);
        QualitySystem loopB = system("loop-b", Level.MUNICIPALITY, loopA);
        loopA.setParentSystem(loopB);
        ItemProviderAdapters adapters = new ItemProviderAdapters();
        try {
            // the school's system listed before its parents: the models' order decides only the order of each level
            List<QualitySystem> top = adapters.arrangeSystems(List.of(school, region, alone, municipal, orphan, loopA, loopB));
            assertEquals(List.of(region, alone, orphan, loopA, loopB), top);
            assertEquals(List.of(municipal), adapters.systemsBelow(region));
            assertEquals(List.of(school), adapters.systemsBelow(municipal));
            assertEquals(List.of(), adapters.systemsBelow(alone));
            assertEquals(List.of(), adapters.systemsBelow(loopA));

            ITreeContentProvider content = adapters.contentProvider();
            assertEquals(region, content.getParent(municipal));
            assertEquals(municipal, content.getParent(school));
            assertNull(content.getParent(region));
            assertNull(content.getParent(orphan), "its parent is not shown");
            assertNull(content.getParent(loopB), "a loop stays at the top");
            assertTrue(content.hasChildren(region));
            // the systems below come first (a system made here has no contents of its own)
            assertEquals(List.of(municipal), Arrays.asList(content.getChildren(region)));
            assertFalse(content.hasChildren(school));

            // a parent changed: arranged anew at the next refresh
            municipal.setParentSystem(null);
            top = adapters.arrangeSystems(List.of(school, region, alone, municipal));
            assertEquals(List.of(region, alone, municipal), top);
            assertEquals(List.of(), adapters.systemsBelow(region));
            assertNull(content.getParent(municipal));
        } finally {
            adapters.dispose();
        }
    }
}
