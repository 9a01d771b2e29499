package oko.core.deadline;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import oko.model.DateDeadline;
import oko.model.Deadline;
import oko.model.DuringPeriodDeadline;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.PeriodDeadline;
import oko.model.RelativeDeadline;
import oko.model.TimeUnit;

/**
 * Reads the deadline texts of plans as written in Russian documents into deadlines: a date
 * («31.01.2022 г.», «в срок до 12 июля 2021 года»), months or quarters («март-апрель», «I квартал»),
 * the whole period («в течение года»), recurring ones («ежеквартально», «не реже четырех раз в год»,
 * «по мере необходимости») and relative ones («в течение месяца после срока, указанного в
 * п.2.1.1.3», «не позднее 10 рабочих дней до …», «в сроки, установленные МОиН УР»). Every deadline
 * keeps the text as written. Months without a year take the year in which they fall within the
 * period (a school year from September: «март» is in its second calendar year).
 */
public final class DeadlineTexts {

    /** A deadline read from a text; for a relative one naming an item («п.2.1.1.3») that item's number, to resolve. */
    public record Parsed(Deadline deadline, String referenceNumber) {
    }

    private static final String[] MONTHS = { "январ", "феврал", "март", "апрел", "ма[йяе]", "июн", "июл", "август",
            "сентябр", "октябр", "ноябр", "декабр" };
    private static final String MONTH = "(январ[а-я]*|феврал[а-я]*|март[а-я]*|апрел[а-я]*|ма[йяе]|июн[а-я]*|июл[а-я]*|август[а-я]*|сентябр[а-я]*|октябр[а-я]*|ноябр[а-я]*|декабр[а-я]*)";
    private static final String YEAR = "(?:\\s*(\\d{4})\\s*(?:г\\.?|года?)?)?";
    private static final Pattern NUMERIC_DATE = Pattern.compile("(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4}|\\d{2})(?!\\d)");
    private static final Pattern WORD_DATE = Pattern.compile("(\\d{1,2})\\s+" + MONTH + YEAR);
    private static final Pattern MONTHS_RANGE = Pattern
            .compile("^(?:в\\s+|до\\s+(?:конца\\s+)?)?" + MONTH + YEAR + "(?:\\s*[-–—]\\s*" + MONTH + YEAR + ")?$");
    private static final Pattern QUARTER = Pattern.compile("^(?:в\\s+)?(i{1,3}|iv|[1-4])\\s*(?:-?й\\s+)?квартал(?:е|а)?" + YEAR + "$");
    private static final Pattern DURING = Pattern.compile(
            "^(?:в\\s+течени[ие]|на\\s+протяжении)\\s+(?:всего\\s+)?(?:учебного\\s+|календарного\\s+|отчетного\\s+)?(?:года|периода)$|^(?:весь\\s+период|постоянно|в\\s+течение\\s+всего\\s+периода)$");
    private static final Pattern TIMES_A_YEAR = Pattern
            .compile("^не\\s+реже\\s+(\\S+)\\s+раз(?:а)?\\s+в\\s+(год|квартал|месяц|полугодие)$");
    private static final Pattern RELATIVE = Pattern.compile(
            "^(?:в\\s+течение|не\\s+позднее|не\\s+позже|через|за)\\s+(?:(\\S+)\\s+)?(рабоч\\S+\\s+)?(дн\\S*|день|недел\\S*|месяц\\S*|год\\S*|лет)\\s+(после|до|с\\s+момента|со\\s+дня)\\s+(.+)$");
    private static final Pattern IN_TERMS = Pattern.compile("^в\\s+(сроки,?\\s+.+)$");
    private static final Pattern ITEM = Pattern.compile("п(?:ункт[аеу]?|\\.)\\s*(\\d+(?:\\.\\d+)*)");

    private DeadlineTexts() {
    }

    /**
     * The deadline the text describes, with the text kept; empty when it is not a known form (the
     * caller keeps the text as it is). The period gives the year of month names without one and
     * the period of deadlines over a period; it may be null.
     */
    public static Optional<Parsed> parse(String text, Period period) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String original = text.strip();
        String t = original.toLowerCase(Locale.ROOT).replace('ё', 'е').replace('\u00A0', ' ').replaceAll("\\s+", " ")
                .replaceAll("[.;,\\s]+$", "").trim();
        OkoFactory f = OkoFactory.eINSTANCE;

        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            Integer amount = m.group(1) == null ? Integer.valueOf(1) : amount(m.group(1));
            if (amount != null) {
                RelativeDeadline d = f.createRelativeDeadline();
                d.setText(original);
                d.setAmount(amount);
                d.setUnit(unit(m.group(3), m.group(2) != null));
                d.setBefore(m.group(4).equals("до"));
                Matcher item = ITEM.matcher(m.group(5));
                String reference = null;
                if (item.find()) {
                    reference = item.group(1);
                } else {
                    d.setReferenceText(referenceText(original, m.group(5)));
                }
                return Optional.of(new Parsed(d, reference));
            }
        }
        m = IN_TERMS.matcher(t);
        if (m.matches() && !NUMERIC_DATE.matcher(t).find() && !WORD_DATE.matcher(t).find()) {
            RelativeDeadline d = f.createRelativeDeadline();
            d.setText(original);
            d.setAmount(0);
            Matcher item = ITEM.matcher(m.group(1));
            String reference = null;
            if (item.find()) {
                reference = item.group(1);
            } else {
                d.setReferenceText(referenceText(original, m.group(1)));
            }
            return Optional.of(new Parsed(d, reference));
        }
        if (DURING.matcher(t).matches()) {
            DuringPeriodDeadline d = f.createDuringPeriodDeadline();
            d.setText(original);
            d.setPeriod(period);
            return Optional.of(new Parsed(d, null));
        }
        Integer times = switch (t) {
        case "ежегодно", "один раз в год", "1 раз в год" -> 1;
        case "ежеквартально", "раз в квартал", "1 раз в квартал" -> 4;
        case "ежемесячно", "раз в месяц", "1 раз в месяц" -> 12;
        case "два раза в год", "2 раза в год", "раз в полугодие", "1 раз в полугодие" -> 2;
        default -> null;
        };
        m = TIMES_A_YEAR.matcher(t);
        if (times == null && m.matches()) {
            Integer n = amount(m.group(1));
            if (n != null) {
                times = switch (m.group(2)) {
                case "квартал" -> n * 4;
                case "месяц" -> n * 12;
                case "полугодие" -> n * 2;
                default -> n;
                };
            }
        }
        if (times != null || t.equals("по мере необходимости") || t.equals("по необходимости")) {
            PeriodDeadline d = f.createPeriodDeadline();
            d.setText(original);
            d.setRecurring(true);
            d.setTimesPerPeriod(times);
            d.setPeriod(period);
            return Optional.of(new Parsed(d, null));
        }
        Matcher dates = NUMERIC_DATE.matcher(t);
        LocalDate first = null;
        LocalDate second = null;
        int found = 0;
        while (dates.find()) {
            LocalDate day = date(dates.group(1), dates.group(2), dates.group(3));
            if (day == null) {
                return Optional.empty();
            }
            if (found == 0) {
                first = day;
            } else {
                second = day;
            }
            found++;
        }
        if (found == 0) {
            Matcher words = WORD_DATE.matcher(t);
            while (words.find()) {
                LocalDate day = wordDate(words.group(1), words.group(2), words.group(3), period);
                if (found == 0) {
                    first = day;
                } else {
                    second = day;
                }
                found++;
            }
        }
        if (found == 1 && !t.contains("после")) {
            DateDeadline d = f.createDateDeadline();
            d.setText(original);
            d.setDate(toDate(first));
            return Optional.of(new Parsed(d, null));
        }
        if (found == 2) {
            PeriodDeadline d = f.createPeriodDeadline();
            d.setText(original);
            d.setStartDate(toDate(first));
            d.setEndDate(toDate(second));
            d.setPeriod(period);
            return Optional.of(new Parsed(d, null));
        }
        m = MONTHS_RANGE.matcher(t);
        if (found == 0 && m.matches()) {
            int from = month(m.group(1));
            int to = m.group(3) == null ? from : month(m.group(3));
            String fromYear = m.group(2) != null ? m.group(2) : m.group(4);
            String toYear = m.group(4) != null ? m.group(4) : m.group(2);
            PeriodDeadline d = f.createPeriodDeadline();
            d.setText(original);
            if (t.startsWith("до")) {
                d = null;
                DateDeadline date = f.createDateDeadline();
                date.setText(original);
                Integer y = year(toYear, to, period);
                date.setDate(y == null ? null : toDate(LocalDate.of(y, to, 1).plusMonths(1).minusDays(1)));
                return Optional.of(new Parsed(date, null));
            }
            Integer y1 = year(fromYear, from, period);
            Integer y2 = year(toYear, to, period);
            if (y1 != null && y2 != null) {
                d.setStartDate(toDate(LocalDate.of(y1, from, 1)));
                d.setEndDate(toDate(LocalDate.of(y2, to, 1).plusMonths(1).minusDays(1)));
            }
            d.setPeriod(period);
            return Optional.of(new Parsed(d, null));
        }
        m = QUARTER.matcher(t);
        if (found == 0 && m.matches()) {
            int q = switch (m.group(1)) {
            case "i", "1" -> 1;
            case "ii", "2" -> 2;
            case "iii", "3" -> 3;
            default -> 4;
            };
            int from = (q - 1) * 3 + 1;
            Integer y = year(m.group(2), from, period);
            PeriodDeadline d = f.createPeriodDeadline();
            d.setText(original);
            if (y != null) {
                d.setStartDate(toDate(LocalDate.of(y, from, 1)));
                d.setEndDate(toDate(LocalDate.of(y, from + 2, 1).plusMonths(1).minusDays(1)));
            }
            d.setPeriod(period);
            return Optional.of(new Parsed(d, null));
        }
        return Optional.empty();
    }

    /** A deadline that only keeps its text (a form not understood): a date deadline without a date. */
    public static Deadline textOnly(String text) {
        DateDeadline d = OkoFactory.eINSTANCE.createDateDeadline();
        d.setText(text);
        return d;
    }

    private static String referenceText(String original, String rest) {
        // the reference as written (original case), without the leading «в»
        String lower = original.toLowerCase(Locale.ROOT).replace('ё', 'е');
        int at = lower.lastIndexOf(rest.length() > 12 ? rest.substring(0, 12) : rest);
        String r = at >= 0 ? original.substring(at) : rest;
        return r.replaceAll("[.;,\\s]+$", "").strip();
    }

    private static Integer amount(String word) {
        if (word.matches("\\d{1,3}")) {
            return Integer.valueOf(word);
        }
        String w = word.replace('ё', 'е');
        String[][] words = { { "одн", "1" }, { "один", "1" }, { "дв", "2" }, { "тр", "3" }, { "четыр", "4" },
                { "пят", "5" }, { "шест", "6" }, { "сем", "7" }, { "восем", "8" }, { "девят", "9" }, { "десят", "10" } };
        for (String[] e : words) {
            if (w.startsWith(e[0])) {
                return Integer.valueOf(e[1]);
            }
        }
        return null;
    }

    private static TimeUnit unit(String word, boolean working) {
        if (word.startsWith("дн") || word.equals("день")) {
            return working ? TimeUnit.WORKING_DAYS : TimeUnit.DAYS;
        }
        if (word.startsWith("недел")) {
            return TimeUnit.WEEKS;
        }
        if (word.startsWith("месяц")) {
            return TimeUnit.MONTHS;
        }
        return TimeUnit.YEARS;
    }

    private static int month(String word) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (word.matches(MONTHS[i] + ".*")) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(word);
    }

    private static LocalDate date(String day, String month, String year) {
        int y = Integer.parseInt(year);
        if (year.length() == 2) {
            y += 2000;
        }
        try {
            return LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static LocalDate wordDate(String day, String monthWord, String year, Period period) {
        int month = month(monthWord);
        Integer y = year(year, month, period);
        try {
            return y == null ? null : LocalDate.of(y, month, Integer.parseInt(day));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The year written, else the year in which the month falls within the period, else null. */
    private static Integer year(String written, int month, Period period) {
        if (written != null) {
            return Integer.valueOf(written);
        }
        if (period == null || period.getStartDate() == null) {
            return null;
        }
        LocalDate start = period.getStartDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        LocalDate candidate = LocalDate.of(start.getYear(), month, 1);
        return candidate.plusMonths(1).isAfter(start) ? start.getYear() : start.getYear() + 1;
    }

    private static Date toDate(LocalDate day) {
        return day == null ? null : Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
