package org.samenkracht.socialmap;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Opening hours written as {@code "MO-FR 09:00-17:00, SA 10:00-12:00"} (day codes MO TU WE TH FR SA SU),
 * kept as ranges of minutes since Monday 00:00 so the database can answer "open at this moment".
 */
public final class OpeningHours {

    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final Pattern PART = Pattern.compile(
            "(MO|TU|WE|TH|FR|SA|SU)(?:-(MO|TU|WE|TH|FR|SA|SU))?\\s+(\\d{1,2}):(\\d{2})-(\\d{1,2}):(\\d{2})");
    private static final Pattern SEPARATOR = Pattern.compile("\\s*[,;]\\s*");

    public record Range(int from, int to) {
    }

    private OpeningHours() {
    }

    /** The ranges, or empty when the text does not read as opening hours. Blank text: no fixed hours. */
    public static Optional<List<Range>> parse(String text) {
        List<Range> ranges = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return Optional.of(ranges);
        }
        for (String part : SEPARATOR.split(text.trim().toUpperCase())) {
            Matcher m = PART.matcher(part.trim());
            if (!m.matches()) {
                return Optional.empty();
            }
            int first = DAYS.indexOf(m.group(1));
            int last = m.group(2) == null ? first : DAYS.indexOf(m.group(2));
            int open = Integer.parseInt(m.group(3)) * 60 + Integer.parseInt(m.group(4));
            int close = Integer.parseInt(m.group(5)) * 60 + Integer.parseInt(m.group(6));
            if (last < first || open >= close || close > 24 * 60 || Integer.parseInt(m.group(4)) > 59
                    || Integer.parseInt(m.group(6)) > 59) {
                return Optional.empty();
            }
            for (int d = first; d <= last; d++) {
                ranges.add(new Range(d * 1440 + open, d * 1440 + close));
            }
        }
        return Optional.of(ranges);
    }

    /** One written part: from a day through a day, from a time to a time. */
    public record Part(DayOfWeek first, DayOfWeek last, LocalTime open, LocalTime close) {
    }

    /** The parts as written, in order (for showing them in the reader's language); empty when unreadable. */
    public static List<Part> parts(String text) {
        List<Part> parts = new ArrayList<>();
        if (text == null || text.isBlank() || parse(text).isEmpty()) {
            return parts;
        }
        for (String part : SEPARATOR.split(text.trim().toUpperCase())) {
            Matcher m = PART.matcher(part.trim());
            if (m.matches()) {
                DayOfWeek first = DayOfWeek.of(DAYS.indexOf(m.group(1)) + 1);
                DayOfWeek last = m.group(2) == null ? first : DayOfWeek.of(DAYS.indexOf(m.group(2)) + 1);
                int close = Integer.parseInt(m.group(5)) * 60 + Integer.parseInt(m.group(6));
                parts.add(new Part(first, last, LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))),
                        close == 24 * 60 ? LocalTime.MAX : LocalTime.of(close / 60, close % 60)));
            }
        }
        return parts;
    }

    /** The PostgreSQL multirange literal for the ranges. */
    public static String toMultirange(List<Range> ranges) {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < ranges.size(); i++) {
            sb.append(i == 0 ? "" : ",").append('[').append(ranges.get(i).from()).append(',')
                    .append(ranges.get(i).to()).append(')');
        }
        return sb.append('}').toString();
    }

    public static int minuteOfWeek(DayOfWeek day, LocalTime time) {
        return (day.getValue() - 1) * 1440 + time.getHour() * 60 + time.getMinute();
    }

    /** Whether the offer is open at some moment of one of these days (no fixed hours: unknown, so false). */
    public static boolean openOnAnyOf(List<Range> ranges, java.util.Set<DayOfWeek> days) {
        for (Range r : ranges) {
            for (DayOfWeek d : days) {
                int start = (d.getValue() - 1) * 1440;
                if (r.from() < start + 1440 && r.to() > start) {
                    return true;
                }
            }
        }
        return false;
    }
}
