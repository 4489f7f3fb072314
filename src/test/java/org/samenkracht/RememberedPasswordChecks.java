package org.samenkracht;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for the test run, the answer of the application's password encoder to a password and
 * stored hash it has already checked. bcrypt is built to be slow (about 0.1 s a check on the test
 * machine), and the tests send thousands of requests with HTTP Basic, each checking the same demo
 * password against the same hash again. The check is a pure function of the two strings, so its
 * remembered answer is the answer: a wrong password, a changed hash (a new password, another
 * account) or an unknown user is a pair not seen before and is checked in full. Hashing a new
 * password ({@code encode}) is never remembered. Every request still goes through the whole sign-in
 * (account lookup, locks, throttling, the second factor); only the repeated bcrypt work is skipped.
 */
public class RememberedPasswordChecks implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof PasswordEncoder encoder && !(bean instanceof Remembering) ? new Remembering(encoder) : bean;
            }
        });
    }

    /** The application's encoder, with the answers to checks already made kept. */
    static final class Remembering implements PasswordEncoder {
        private final PasswordEncoder encoder;
        private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

        Remembering(PasswordEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            if (rawPassword == null || encodedPassword == null) {
                return encoder.matches(rawPassword, encodedPassword);
            }
            // the length of the password first, so no two pairs can give the same key
            String key = rawPassword.length() + ":" + rawPassword + "\n" + encodedPassword;
            return answers.computeIfAbsent(key, k -> encoder.matches(rawPassword, encodedPassword));
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
