package org.samenkracht.common.web;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.env.Environment;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application's messages ({@code spring.messages.*}), tolerant of the named placeholders that
 * bean validation messages use: {@code {max}} in "ten hoogste {max} tekens" is the first argument
 * when Java code passes arguments, instead of a MessageFormat fault that fails the page.
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
