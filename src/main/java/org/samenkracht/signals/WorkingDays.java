package org.samenkracht.signals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZonedDateTime;

/**
 * Counting deadlines in working days, as the Dutch count them: Saturdays, Sundays and the generally recognised
 * public holidays of the Algemene termijnenwet (art. 3) are skipped: New Year's Day, Easter Monday, Ascension Day,
 * Whit Monday, King's Day (27 April, or 26 April when the 27th is a Sunday), Liberation Day (5 May) and both
 * Christmas days. Easter Sunday and Whit Sunday fall on a Sunday anyway. Good Friday is not one of them.
 *
 * <p>A deadline of n working days ends at the end of the n-th working day after the day the clock starts
 * (midnight, Amsterdam time): a signal received on a Friday with 3 working days is due at the end of Wednesday.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    /** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
    public static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }

    /** A public holiday of the Algemene termijnenwet (on whatever day of the week it falls). */
    public static boolean isPublicHoliday(LocalDate d) {
        int year = d.getYear();
        if (d.getMonth() == Month.JANUARY && d.getDayOfMonth() == 1
                || d.getMonth() == Month.MAY && d.getDayOfMonth() == 5
                || d.getMonth() == Month.DECEMBER && (d.getDayOfMonth() == 25 || d.getDayOfMonth() == 26)) {
            return true;
        }
        LocalDate kingsDay = LocalDate.of(year, Month.APRIL, 27);
        if (kingsDay.getDayOfWeek() == DayOfWeek.SUNDAY) {
            kingsDay = kingsDay.minusDays(1);
        }
        if (d.equals(kingsDay)) {
            return true;
        }
        LocalDate easter = easter(year);
        return d.equals(easter.plusDays(1)) // Easter Monday
                || d.equals(easter.plusDays(39)) // Ascension Day
                || d.equals(easter.plusDays(50)); // Whit Monday
    }

    public static boolean isWorkingDay(LocalDate d) {
        DayOfWeek w = d.getDayOfWeek();
        return w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY && !isPublicHoliday(d);
    }

    /** The n-th working day after {@code day} (n at least 1); {@code day} itself never counts. */
    public static LocalDate plus(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n");
        }
        LocalDate d = day;
        int left = n;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The end (midnight, Amsterdam time) of the n-th working day after the day of {@code start}. */
    public static Instant due(Instant start, int n) {
        LocalDate last = plus(start.atZone(Signals.ZONE).toLocalDate(), n);
        return last.plusDays(1).atStartOfDay(Signals.ZONE).toInstant();
    }

    /**
     * The working days left before {@code due}: the working days after today up to and including the day the
     * deadline ends (a deadline at midnight ends the day before); 0 when it ends today or has passed.
     */
    public static int left(Instant now, Instant due) {
        if (!due.isAfter(now)) {
            return 0;
        }
        LocalDate today = now.atZone(Signals.ZONE).toLocalDate();
        ZonedDateTime end = due.atZone(Signals.ZONE);
        LocalDate lastDay = end.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? end.toLocalDate().minusDays(1)
                : end.toLocalDate();
        int n = 0;
        for (LocalDate d = today.plusDays(1); !d.isAfter(lastDay) && n < 1000; d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }
}
