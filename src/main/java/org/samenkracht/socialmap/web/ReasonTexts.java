package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.MatchingPolicy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/**
 * Reasons for and against as a person reads them; templates call it as {@code @socialmapReasons}, the API
 * through {@link MatchesView}. An argument that is a message key (a domain, a language) becomes its label; a
 * list becomes "a, b and c"; words of the goal are quoted as the person wrote them.
 */
@Component("socialmapReasons")
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(MatchingPolicy.Reason reason) {
        return text(reason, LocaleContextHolder.getLocale());
    }

    public String text(MatchingPolicy.Reason reason, Locale locale) {
        Object[] args = Arrays.stream(reason.args()).map(a -> arg(a, locale)).toArray();
        return messages.getMessage("socialmap.reason." + reason.key(), args, reason.key(), locale);
    }

    private Object arg(Object a, Locale locale) {
        if (a instanceof Collection<?> list) {
            var parts = list.stream().map(x -> String.valueOf(arg(x, locale))).toList();
            if (parts.size() <= 1) {
                return String.join("", parts);
            }
            return String.join(", ", parts.subList(0, parts.size() - 1))
                    + messages.getMessage("socialmap.reason.and", null, " & ", locale) + parts.get(parts.size() - 1);
        }
        if (a instanceof String s && (s.startsWith("socialmap.") || s.startsWith("lifeDomain.") || s.startsWith("layer."))) {
            return messages.getMessage(s, null, s, locale);
        }
        if (a instanceof String s) {
            return messages.getMessage("socialmap.reason.quoted", new Object[] {s}, s, locale);
        }
        return a;
    }

}
