package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import oko.core.deadline.WorkingDays;

/** The shipped production calendar (calendar/ru.txt) and replacing it. */
class WorkingDaysTest {

    private static final WorkingDays RU = WorkingDays.standard();

    private static int workingDays(int year) {
        int count = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); day.getYear() == year; day = day.plusDays(1)) {
            if (RU.isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    @Test
    void yearlyTotalsMatchTheOfficialProductionCalendars() {
        // Working days of a five-day week as published with each year's production calendar.
        assertEquals(248, workingDays(2020));
        assertEquals(247, workingDays(2021));
        assertEquals(247, workingDays(2022));
        assertEquals(247, workingDays(2023));
        assertEquals(248, workingDays(2024));
        assertEquals(247, workingDays(2025));
        assertEquals(247, workingDays(2026));
        assertEquals(Set.of(2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027), new TreeSet<>(RU.years()));
    }

    @Test
    void transfersOf2025() {
        assertFalse(RU.isWorkingDay(LocalDate.of(2025, 5, 8)), "Thu 8 May: day off moved from Sun 23 Feb");
        assertFalse(RU.isWorkingDay(LocalDate.of(2025, 6, 13)), "Fri 13 June: day off moved from Sat 8 March");
        assertTrue(RU.isWorkingDay(LocalDate.of(2025, 2, 24)), "Mon 24 Feb works: the day was moved to 8 May");
        assertTrue(RU.isWorkingDay(LocalDate.of(2025, 11, 1)), "Sat 1 Nov is a working day");
        assertFalse(RU.isWorkingDay(LocalDate.of(2025, 11, 3)));
        assertFalse(RU.isWorkingDay(LocalDate.of(2025, 12, 31)));
    }

    @Test
    void outsideTheCoveredYearsOnlyWeekends() {
        assertFalse(RU.covers(2030));
        // 1 January 2030 is a Tuesday: a working day as far as this calendar knows.
        assertEquals(DayOfWeek.TUESDAY, LocalDate.of(2030, 1, 1).getDayOfWeek());
        assertTrue(RU.isWorkingDay(LocalDate.of(2030, 1, 1)));
        assertEquals(LocalDate.of(2030, 1, 7), RU.plusWorkingDays(LocalDate.of(2030, 1, 1), 4));
    }

    @Test
    void aReplacementCalendarViaTheSystemProperty(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("region.txt");
        Files.writeString(file, "# республиканский праздник\n2025-03-14 holiday # пятница\n\n2025-03-15 workday\n",
                StandardCharsets.UTF_8);
        String before = System.getProperty(WorkingDays.PROPERTY);
        System.setProperty(WorkingDays.PROPERTY, file.toString());
        WorkingDays.reload();
        try {
            // Thu 13 March 2025 + 2: Fri 14 off, Sat 15 works (1), Sun 16 off, Mon 17 (2).
            assertEquals(LocalDate.of(2025, 3, 17), WorkingDays.plus(LocalDate.of(2025, 3, 13), 2));
            // The region's file replaces the shipped one: 8 May 2025 is an ordinary Thursday there.
            assertTrue(WorkingDays.standard().isWorkingDay(LocalDate.of(2025, 5, 8)));
        } finally {
            if (before == null) {
                System.clearProperty(WorkingDays.PROPERTY);
            } else {
                System.setProperty(WorkingDays.PROPERTY, before);
            }
            WorkingDays.reload();
        }
        assertFalse(WorkingDays.standard().isWorkingDay(LocalDate.of(2025, 5, 8)));
    }

    @Test
    void aBadLineIsNamed() {
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> WorkingDays.parse(new StringReader("2025-01-01 holiday\n2025-13-01 holiday\n"), "region.txt"));
        assertTrue(bad.getMessage().contains("region.txt") && bad.getMessage().contains("2")
                && bad.getMessage().contains("2025-13-01"), bad.getMessage());
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> WorkingDays.parse(new StringReader("2025-01-01 holiday\n2025-01-01 workday\n"), "x.txt"));
        assertTrue(both.getMessage().contains("x.txt"), both.getMessage());
        assertThrows(IllegalStateException.class,
                () -> WorkingDays.parse(new StringReader("2025-01-01 festival\n"), "y.txt"));
    }
}
