package oko.core.deadline;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.osgi.util.NLS;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import oko.core.internal.Messages;

/**
 * Working days of a production calendar: Saturdays and Sundays are days off, the rest working
 * days, corrected by a calendar file that lists public holidays and transferred days off
 * ({@code holiday}) and working Saturdays or Sundays ({@code workday}).
 * <p>
 * The standard calendar is the one shipped in this bundle, {@code calendar/ru.txt}: the Russian
 * Federation's non-working public holidays and the Government's transfers of days off for
 * 2020–2027. A region replaces it by pointing the system property {@value #PROPERTY} at a file of
 * the same format (UTF-8). A year is <em>covered</em> when the file has at least one of its
 * dates; <strong>outside the covered years only weekends are days off</strong> (no holidays are
 * guessed). The format and the sources are described in {@code docs/working-group.md} and in the
 * file's header.
 * <p>
 * A calendar file that cannot be read or has a bad line is an error
 * ({@link IllegalStateException} naming the file and the line), not silently ignored: dates
 * computed with a wrong calendar would be wrong without a word.
 */
public final class WorkingDays {

    /** The system property naming a replacement calendar file. */
    public static final String PROPERTY = "oko.calendar";

    /** The calendar shipped with Oko, a path inside this bundle. */
    public static final String SHIPPED = "calendar/ru.txt";

    private static volatile WorkingDays standard;

    private final Set<LocalDate> holidays;
    private final Set<LocalDate> workdays;
    private final Set<Integer> years;
    private final String source;

    private WorkingDays(Set<LocalDate> holidays, Set<LocalDate> workdays, String source) {
        this.holidays = holidays;
        this.workdays = workdays;
        this.source = source;
        Set<Integer> covered = new TreeSet<>();
        holidays.forEach(day -> covered.add(day.getYear()));
        workdays.forEach(day -> covered.add(day.getYear()));
        this.years = Collections.unmodifiableSet(covered);
    }

    /**
     * The calendar in use: the file named by {@value #PROPERTY} when set, else the shipped one.
     * Read once; {@link #reload()} reads again (after the property changed).
     */
    public static WorkingDays standard() {
        WorkingDays current = standard;
        if (current == null) {
            synchronized (WorkingDays.class) {
                if (standard == null) {
                    standard = load();
                }
                current = standard;
            }
        }
        return current;
    }

    /** Forgets the calendar read so far; the next {@link #standard()} reads it again. */
    public static synchronized void reload() {
        standard = null;
    }

    private static WorkingDays load() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return read(Path.of(property.strip()));
        }
        URL url = shippedUrl();
        if (url == null) {
            throw new IllegalStateException(NLS.bind(Messages.calendarMissing, SHIPPED));
        }
        try (Reader reader = new InputStreamReader(url.openStream(), StandardCharsets.UTF_8)) {
            return parse(reader, SHIPPED);
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.calendarUnreadable, SHIPPED, e.getMessage()), e);
        }
    }

    private static URL shippedUrl() {
        Bundle bundle = FrameworkUtil.getBundle(WorkingDays.class);
        if (bundle != null) {
            URL entry = bundle.getEntry(SHIPPED);
            if (entry != null) {
                return entry;
            }
        }
        return WorkingDays.class.getResource("/" + SHIPPED);
    }

    /** Reads a calendar file (UTF-8). */
    public static WorkingDays read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new IllegalStateException(NLS.bind(Messages.calendarUnreadable, file, e.getMessage()), e);
        }
    }

    /** Reads a calendar from a stream in UTF-8; {@code source} names it in error messages. */
    public static WorkingDays parse(InputStream in, String source) throws IOException {
        return parse(new InputStreamReader(in, StandardCharsets.UTF_8), source);
    }

    /**
     * Reads a calendar: one date a line, {@code YYYY-MM-DD holiday} or {@code YYYY-MM-DD workday};
     * {@code #} starts a comment (a whole line or the rest of one); blank lines are skipped. A date
     * listed twice with different kinds, a bad date or an unknown kind is an error naming the line.
     */
    public static WorkingDays parse(Reader in, String source) throws IOException {
        Set<LocalDate> holidays = new HashSet<>();
        Set<LocalDate> workdays = new HashSet<>();
        BufferedReader reader = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
        int number = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            number++;
            int hash = line.indexOf('#');
            String text = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1).strip();
            }
            if (text.isEmpty()) {
                continue;
            }
            String[] parts = text.split("\\s+");
            if (parts.length != 2) {
                throw bad(source, number, line);
            }
            LocalDate day;
            try {
                day = LocalDate.parse(parts[0]);
            } catch (DateTimeParseException e) {
                throw bad(source, number, line);
            }
            switch (parts[1]) {
            case "holiday" -> {
                if (workdays.contains(day)) {
                    throw bad(source, number, line);
                }
                holidays.add(day);
            }
            case "workday" -> {
                if (holidays.contains(day)) {
                    throw bad(source, number, line);
                }
                workdays.add(day);
            }
            default -> throw bad(source, number, line);
            }
        }
        return new WorkingDays(holidays, workdays, source);
    }

    private static IllegalStateException bad(String source, int line, String text) {
        return new IllegalStateException(NLS.bind(Messages.calendarBadLine, new Object[] { source, line, text.strip() }));
    }

    /** Where this calendar was read from (a file path or {@value #SHIPPED}). */
    public String source() {
        return source;
    }

    /** The years the calendar lists dates for, ascending. */
    public Set<Integer> years() {
        return years;
    }

    /** Whether the calendar lists dates of {@code year}; outside, only weekends are days off. */
    public boolean covers(int year) {
        return years.contains(year);
    }

    /** Whether {@code day} is a working day: listed as workday, or a weekday not listed as holiday. */
    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * {@code base} moved by {@code amount} working days (backwards when negative): the
     * {@code amount}-th working day after (before) {@code base}; {@code base} itself when 0.
     */
    public LocalDate plusWorkingDays(LocalDate base, int amount) {
        LocalDate day = base;
        int step = amount < 0 ? -1 : 1;
        for (int left = Math.abs(amount); left > 0;) {
            day = day.plusDays(step);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** {@link #plusWorkingDays} on the {@link #standard()} calendar. */
    public static LocalDate plus(LocalDate base, int amount) {
        return standard().plusWorkingDays(base, amount);
    }
}
