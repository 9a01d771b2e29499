package oko.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import org.junit.jupiter.api.Test;

import oko.core.deadline.DeadlineTexts;
import oko.core.deadline.DeadlineTexts.Parsed;
import oko.model.DateDeadline;
import oko.model.DuringPeriodDeadline;
import oko.model.OkoFactory;
import oko.model.Period;
import oko.model.PeriodDeadline;
import oko.model.RelativeDeadline;
import oko.model.TimeUnit;

/** The deadline texts of Russian plans (seed 004 and others) read into deadlines; unknown forms not at all. */
class DeadlineTextsTest {

    static Date date(int year, int month, int day) {
        return Date.from(LocalDate.of(year, month, day).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    static LocalDate day(Date date) {
        return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    static Period schoolYear() {
        Period p = OkoFactory.eINSTANCE.createPeriod();
        p.setCode("2021-2022");
        p.setStartDate(date(2021, 9, 1));
        p.setEndDate(date(2022, 8, 31));
        return p;
    }

    static Parsed parse(String text, Period period) {
        return DeadlineTexts.parse(text, period).orElseThrow(() -> new AssertionError("not read: " + text));
    }

    @Test
    void dates() {
        DateDeadline d = assertInstanceOf(DateDeadline.class, parse("31.01.2022 г.", null).deadline());
        assertEquals("31.01.2022 г.", d.getText());
        assertEquals(LocalDate.of(2022, 1, 31), day(d.getDate()));
        d = assertInstanceOf(DateDeadline.class, parse("в срок до 12 июля 2021 года", null).deadline());
        assertEquals(LocalDate.of(2021, 7, 12), day(d.getDate()));
        d = assertInstanceOf(DateDeadline.class, parse("до 15 сентября", schoolYear()).deadline());
        assertEquals(LocalDate.of(2021, 9, 15), day(d.getDate()));
        d = assertInstanceOf(DateDeadline.class, parse("до 20 мая", schoolYear()).deadline());
        assertEquals(LocalDate.of(2022, 5, 20), day(d.getDate()), "May of a school year is in its second calendar year");
        d = assertInstanceOf(DateDeadline.class, parse("не позднее 01.02.22", null).deadline());
        assertEquals(LocalDate.of(2022, 2, 1), day(d.getDate()));
    }

    @Test
    void monthsQuartersAndRanges() {
        Period year = schoolYear();
        PeriodDeadline p = assertInstanceOf(PeriodDeadline.class, parse("март-апрель", year).deadline());
        assertEquals(LocalDate.of(2022, 3, 1), day(p.getStartDate()));
        assertEquals(LocalDate.of(2022, 4, 30), day(p.getEndDate()));
        assertSame(year, p.getPeriod());
        assertFalse(p.isRecurring());
        p = assertInstanceOf(PeriodDeadline.class, parse("сентябрь – октябрь 2021 г.", null).deadline());
        assertEquals(LocalDate.of(2021, 9, 1), day(p.getStartDate()));
        assertEquals(LocalDate.of(2021, 10, 31), day(p.getEndDate()));
        p = assertInstanceOf(PeriodDeadline.class, parse("март-апрель", null).deadline());
        assertNull(p.getStartDate(), "no year, no dates: the text is kept");
        p = assertInstanceOf(PeriodDeadline.class, parse("IV квартал", year).deadline());
        assertEquals(LocalDate.of(2021, 10, 1), day(p.getStartDate()));
        assertEquals(LocalDate.of(2021, 12, 31), day(p.getEndDate()));
        p = assertInstanceOf(PeriodDeadline.class, parse("с 01.09.2021 по 31.05.2022", year).deadline());
        assertEquals(LocalDate.of(2021, 9, 1), day(p.getStartDate()));
        assertEquals(LocalDate.of(2022, 5, 31), day(p.getEndDate()));
    }

    @Test
    void duringAndRecurring() {
        Period year = schoolYear();
        DuringPeriodDeadline d = assertInstanceOf(DuringPeriodDeadline.class, parse("в течение года", year).deadline());
        assertSame(year, d.getPeriod());
        assertInstanceOf(DuringPeriodDeadline.class, parse("В течение учебного года", year).deadline());
        PeriodDeadline p = assertInstanceOf(PeriodDeadline.class, parse("не реже четырех раз в год", year).deadline());
        assertTrue(p.isRecurring());
        assertEquals(Integer.valueOf(4), p.getTimesPerPeriod());
        assertEquals(Integer.valueOf(4), ((PeriodDeadline) parse("ежеквартально", year).deadline()).getTimesPerPeriod());
        assertEquals(Integer.valueOf(12), ((PeriodDeadline) parse("Ежемесячно", year).deadline()).getTimesPerPeriod());
        p = (PeriodDeadline) parse("по мере необходимости", year).deadline();
        assertTrue(p.isRecurring());
        assertNull(p.getTimesPerPeriod());
    }

    @Test
    void relative() {
        Parsed parsed = parse("в течение месяца после срока, указанного в п.2.1.1.3.", null);
        RelativeDeadline r = assertInstanceOf(RelativeDeadline.class, parsed.deadline());
        assertEquals("2.1.1.3", parsed.referenceNumber());
        assertEquals(1, r.getAmount());
        assertEquals(TimeUnit.MONTHS, r.getUnit());
        assertFalse(r.isBefore());
        assertNull(r.getReferenceText());
        assertEquals("в течение месяца после срока, указанного в п.2.1.1.3.", r.getText());

        parsed = parse("не позднее 5 рабочих дней до срока, указанного в пункте 3.2", null);
        r = (RelativeDeadline) parsed.deadline();
        assertEquals("3.2", parsed.referenceNumber());
        assertEquals(5, r.getAmount());
        assertEquals(TimeUnit.WORKING_DAYS, r.getUnit());
        assertTrue(r.isBefore());

        parsed = parse("не позднее месяца после сроков, установленных МОиН УР", null);
        assertNull(parsed.referenceNumber());
        r = (RelativeDeadline) parsed.deadline();
        assertEquals(1, r.getAmount());
        assertEquals("сроков, установленных МОиН УР", r.getReferenceText());

        parsed = parse("в сроки, установленные МОиН УР", null);
        r = (RelativeDeadline) parsed.deadline();
        assertEquals(0, r.getAmount());
        assertEquals("сроки, установленные МОиН УР", r.getReferenceText());

        r = (RelativeDeadline) parse("через две недели после проведения", null).deadline();
        assertEquals(2, r.getAmount());
        assertEquals(TimeUnit.WEEKS, r.getUnit());
        assertEquals("проведения", r.getReferenceText());
    }

    @Test
    void unknownFormsAreNotRead() {
        assertTrue(DeadlineTexts.parse("когда получится", null).isEmpty());
        assertTrue(DeadlineTexts.parse("в течение месяца", null).isEmpty());
        assertTrue(DeadlineTexts.parse("", null).isEmpty());
        assertTrue(DeadlineTexts.parse("32.13.2021", null).isEmpty());
        DateDeadline kept = assertInstanceOf(DateDeadline.class, DeadlineTexts.textOnly("когда получится"));
        assertEquals("когда получится", kept.getText());
        assertNull(kept.getDate());
    }
}
