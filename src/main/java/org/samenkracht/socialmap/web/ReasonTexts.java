package org.samenkracht.socialmap.web;

import org.samenkracht.socialmap.MatchingPolicy;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/** Reasons for and against as a person reads them; templates call it as {@code @socialmapReasons}. */
@Component("socialmapReasons")
public class ReasonTexts {

    private final MessageSource messages;

    ReasonTexts(MessageSource messages) {
        this.messages = messages;
    }

    public String text(MatchingPolicy.Reason reason) {
        var locale = LocaleContextHolder.getLocale();
        Object[] args = Arrays.stream(reason.args())
                .map(a -> a instanceof String s && s.startsWith("socialmap.") ? messages.getMessage(s, null, s, locale) : a)
                .toArray();
        return messages.getMessage("socialmap.reason." + reason.key(), args, reason.key(), locale);
    }
}
