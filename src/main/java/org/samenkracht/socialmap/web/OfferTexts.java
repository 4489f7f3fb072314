package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.OpeningHours;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Facts of an offer as a reader reads them, in their language: opening hours as "ma t/m vr 9.00–12.00 uur"
 * (Dutch) or "Mon–Fri 9:00–12:00" (English). Templates call it as {@code @socialmapTexts}.
 */
@Component("socialmapTexts")
public class OfferTexts {

    private final MessageSource messages;

    OfferTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String hours(String text) {
        return hours(text, LocaleContextHolder.getLocale());
    }

    public String hours(String text, Locale locale) {
        List<OpeningHours.Part> parts = OpeningHours.parts(text);
        if (parts.isEmpty()) {
            return text == null || text.isBlank() ? messages.getMessage("socialmap.hours.none", null, locale) : text;
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern(messages.getMessage("socialmap.hours.time", null, locale), locale);
        List<String> out = new ArrayList<>();
        for (OpeningHours.Part p : parts) {
            String first = p.first().getDisplayName(TextStyle.SHORT, locale);
            String days = p.first() == p.last() ? first : messages.getMessage("socialmap.hours.span",
                    new Object[] {first, p.last().getDisplayName(TextStyle.SHORT, locale)}, locale);
            String close = p.close().equals(LocalTime.MAX) ? "24" + time.format(LocalTime.MIDNIGHT).substring(1) : time.format(p.close());
            out.add(messages.getMessage("socialmap.hours.part", new Object[] {days, time.format(p.open()), close}, locale));
        }
        return String.join(", ", out);
    }
}
