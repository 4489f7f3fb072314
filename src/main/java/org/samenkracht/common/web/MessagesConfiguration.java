package org.samenkracht.common.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's messages ({@code spring.messages.*}), tolerant of the named placeholders that
 * bean validation messages use: {@code {max}} in "ten hoogste {max} tekens" is the first argument
 * when Java code passes arguments, instead of a MessageFormat fault that fails the page.
 *
 * <p>A page looks up a few hundred messages, each of which the plain source searches for in up to fifteen
 * bundles, one per module; the bundles never change while the application runs, so what a code resolves
 * to (or that it resolves to nothing) is kept per locale after the first lookup.
 */
@Configuration(proxyBeanMethods = false)
class MessagesConfiguration {

    private static final Pattern NAMED = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    @Bean
    MessageSource messageSource(Environment env) {
        ResourceBundleMessageSource source = new NamedPlaceholderMessageSource();
        source.setBasenames(env.getProperty("spring.messages.basename", "messages").split("\\s*,\\s*"));
        source.setDefaultEncoding(env.getProperty("spring.messages.encoding", "UTF-8"));
        source.setFallbackToSystemLocale(env.getProperty("spring.messages.fallback-to-system-locale", Boolean.class, false));
        source.setUseCodeAsDefaultMessage(env.getProperty("spring.messages.use-code-as-default-message", Boolean.class, false));
        return source;
    }

    static final class NamedPlaceholderMessageSource extends ResourceBundleMessageSource {

        /** Stands for "no bundle has this code", so a missing code is not searched for again either. */
        private static final Object NONE = new Object();
        private static final int MAX_CODES_PER_LOCALE = 20_000;

        private final Map<Locale, Map<String, Object>> texts = new ConcurrentHashMap<>();
        private final Map<Locale, Map<String, Object>> formats = new ConcurrentHashMap<>();

        @Override
        protected String resolveCodeWithoutArguments(String code, Locale locale) {
            Object text = remembered(texts, code, locale, () -> super.resolveCodeWithoutArguments(code, locale));
            return text == NONE ? null : (String) text;
        }

        @Override
        protected MessageFormat resolveCode(String code, Locale locale) {
            // the same MessageFormat instance as the plain source would cache: callers synchronise on it to format
            Object format = remembered(formats, code, locale, () -> super.resolveCode(code, locale));
            return format == NONE ? null : (MessageFormat) format;
        }

        private static Object remembered(Map<Locale, Map<String, Object>> cache, String code, Locale locale,
                                         java.util.function.Supplier<Object> resolve) {
            Map<String, Object> perLocale = cache.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
            Object known = perLocale.get(code);
            if (known == null) {
                Object resolved = resolve.get();
                known = resolved == null ? NONE : resolved;
                if (perLocale.size() < MAX_CODES_PER_LOCALE) {  // codes come from templates and rules, yet stay bounded
                    perLocale.putIfAbsent(code, known);
                }
            }
            return known;
        }
        @Override
        protected MessageFormat createMessageFormat(String msg, Locale locale) {
            Matcher named = NAMED.matcher(msg);
            StringBuilder numbered = new StringBuilder();
            int next = 0;
            while (named.find()) {
                named.appendReplacement(numbered, "{" + next++ + "}");
            }
            named.appendTail(numbered);
            try {
                return super.createMessageFormat(numbered.toString(), locale);
            } catch (IllegalArgumentException e) {
                // a message that is no valid pattern is shown as written
                return super.createMessageFormat("'" + msg.replace("'", "''") + "'", locale);
            }
        }
    }
}
