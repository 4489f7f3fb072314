package org.samenkracht.common.web;

import org.springframework.context.MessageSource;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a message key and its arguments into text, whatever placeholders the message uses: the
 * numbered ones of {@link MessageFormat} ({@code {0}}) or the named ones that bean validation
 * messages share ({@code {max}}), filled in order of appearance. A message that cannot be formatted
 * is shown unformatted rather than failing the answer (an error page must never fail itself).
 */
public final class MessageTexts {

    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    private MessageTexts() {
    }

    public static String text(MessageSource messages, String key, Object[] args, Locale locale) {
        // without arguments Spring returns the message as written, without parsing it as MessageFormat
        String pattern = messages.getMessage(key, null, key, locale);
        return format(pattern, args, locale);
    }

    static String format(String pattern, Object[] args, Locale locale) {
        if (pattern == null) {
            return "";
        }
        Object[] values = args == null ? new Object[0] : args;
        Matcher named = NAMED.matcher(pattern);
        StringBuilder out = new StringBuilder();
        int next = 0;
        while (named.find()) {
            String value = next < values.length ? String.valueOf(values[next++]) : named.group();
            named.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        named.appendTail(out);
        String withNames = out.toString();
        if (values.length == 0 || !withNames.matches("(?s).*\\{\\d.*")) {
            return withNames;
        }
        try {
            return new MessageFormat(withNames.replace("'", "''"), locale).format(values);
        } catch (IllegalArgumentException e) {
            return withNames;
        }
    }
}
