package oko.repository.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.eclipse.emf.cdo.common.id.CDOID;
import org.eclipse.emf.cdo.common.id.CDOIDUtil;
import org.junit.jupiter.api.Test;

import oko.repository.internal.IdRuns;
import oko.repository.internal.IdRuns.In;
import oko.repository.internal.IdRuns.Range;

/**
 * How a bulk read splits the ids it reads into queries: runs of at least 32 ids with gaps of at
 * most 8 become ranges (at most 10,000 ids each), the other ids lists of at most 500.
 */
class IdRunsTest {

    private static List<CDOID> ids(long... values) {
        List<CDOID> ids = new ArrayList<>();
        for (long value : values) {
            ids.add(CDOIDUtil.createLong(value));
        }
        return ids;
    }

    private static long[] from(long first, long last, long step) {
        return LongStream.iterate(first, v -> v <= last, v -> v + step).toArray();
    }

    @Test
    void aRunOfConsecutiveIdsIsOneRangeAndTheStrayIdsOneList() {
        List<CDOID> ids = ids(from(1, 100, 1));
        ids.add(CDOIDUtil.createLong(1000)); // 900 after the run: alone
        ids.add(0, CDOIDUtil.createLong(200)); // out of order: sorted first
        List<IdRuns.Part> parts = IdRuns.of(ids, true);
        assertEquals(List.of(new Range(1, 100), new In(ids(200, 1000))), parts);
        assertTrue(parts.get(0).wide(), "a range can hold ids not asked for");
        assertFalse(parts.get(1).wide());
        assertEquals("c.CDO_ID BETWEEN ? AND ?", parts.get(0).condition("c."));
        assertEquals("CDO_ID IN (?, ?)", parts.get(1).condition(""));
    }

    @Test
    void gapsOfEightStayInTheRunGapsOfNineDoNot() {
        // 8, 16, …, 320: 40 ids, each 8 after the previous: one range 8..320 (id 0 is CDO's null id)
        assertEquals(List.of(new Range(8, 320)), IdRuns.of(ids(from(8, 320, 8)), true));
        // 9, 18, …, 360: 40 ids 9 apart: no run, one list of the 40
        assertEquals(List.of(new In(ids(from(9, 360, 9)))), IdRuns.of(ids(from(9, 360, 9)), true));
    }

    @Test
    void aRunNeedsThirtyTwoIds() {
        assertEquals(List.of(new In(ids(from(10, 40, 1)))), IdRuns.of(ids(from(10, 40, 1)), true)); // 31 ids
        assertEquals(List.of(new Range(10, 41)), IdRuns.of(ids(from(10, 41, 1)), true)); // 32 ids
    }

    @Test
    void aLongRunIsReadTenThousandIdsAtATime() {
        // 25,000 consecutive ids 1..25,000: 1..10,000, 10,001..20,000, 20,001..25,000
        assertEquals(List.of(new Range(1, 10_000), new Range(10_001, 20_000), new Range(20_001, 25_000)),
                IdRuns.of(ids(from(1, 25_000, 1)), true));
    }

    @Test
    void idsThatAreNotNumbersGoInListsOfFiveHundred() {
        // 1,200 consecutive ids, but the store's ids are not plain numbers: 500 + 500 + 200
        List<CDOID> ids = ids(from(1, 1_200, 1));
        assertEquals(List.of(new In(ids.subList(0, 500)), new In(ids.subList(500, 1_000)),
                new In(ids.subList(1_000, 1_200))), IdRuns.of(ids, false));
    }
}
