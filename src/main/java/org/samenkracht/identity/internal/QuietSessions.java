package org.samenkracht.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Sessions live in PostgreSQL so app nodes keep no state, but a page view should not write its
 * session row just because it was used. Spring Session touches the row on every request (the last
 * access time) and reads it again after saving; here a request reads its session once, and saves it
 * only when something in it changed (an attribute set, a new id, another timeout) or when its last
 * recorded access is older than {@link #TOUCH}. The expiry therefore counts from at most a minute
 * before the last request.
 */
@Configuration(proxyBeanMethods = false)
class QuietSessions {

    static final Duration TOUCH = Duration.ofMinutes(1);

    /** What was loaded in this request, and how it looked then. */
    private static final ThreadLocal<Map<String, Loaded>> LOADED = new ThreadLocal<>();

    private record Loaded(Session session, String id, Instant lastAccessed, Duration maxInactive,
                          Map<String, Object> attributes) {

        static Loaded of(Session s) {
            Map<String, Object> attributes = new HashMap<>();
            s.getAttributeNames().forEach(n -> attributes.put(n, s.getAttribute(n)));
            return new Loaded(s, s.getId(), s.getLastAccessedTime(), s.getMaxInactiveInterval(), attributes);
        }

        boolean unchangedIn(Session now) {
            if (!now.getId().equals(id) || !now.getMaxInactiveInterval().equals(maxInactive)
                    || now.getLastAccessedTime().isAfter(lastAccessed.plus(TOUCH))) {
                return false;
            }
            Set<String> names = now.getAttributeNames();
            if (!names.equals(attributes.keySet())) {
                return false;
            }
            // set again means changed, unless it is the very object that was loaded
            return names.stream().allMatch(n -> now.getAttribute(n) == attributes.get(n));
        }
    }

    @Bean
    static BeanPostProcessor quietSessionRepository(
            org.springframework.beans.factory.ObjectProvider<org.springframework.transaction.PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) call -> {
                    Map<String, Loaded> loaded = LOADED.get();
                    String method = call.getMethod().getName();
                    if (loaded != null && "findById".equals(method) && call.getArguments().length == 1) {
                        String id = (String) call.getArguments()[0];
                        Loaded known = loaded.get(id);
                        if (known != null) {
                            return known.session();
                        }
                        Object found = call.proceed();
                        if (found instanceof Session s) {
                            loaded.put(id, Loaded.of(s));
                        }
                        return found;
                    }
                    if (loaded != null && "save".equals(method) && call.getArguments()[0] instanceof Session s) {
                        Loaded before = loaded.values().stream().filter(l -> l.session() == s).findFirst().orElse(null);
                        if (before != null && before.unchangedIn(s)) {
                            return null;
                        }
                        Object result = apart(transactions.getObject(), call);
                        loaded.values().removeIf(l -> l.session() == s);
                        loaded.put(s.getId(), Loaded.of(s));
                        return result;
                    }
                    if ("save".equals(method) || "deleteById".equals(method)) {
                        return apart(transactions.getObject(), call);
                    }
                    return call.proceed();
                });
                return proxy.getProxy(bean.getClass().getClassLoader());
            }
        };
    }

    /**
     * Parallel first requests of one session (a browser opening several tabs, htmx requests) each
     * store the new CSRF token; a plain insert of the same attribute then failed with a duplicate key
     * and a 500. PostgreSQL's upsert makes the last one win, as a second save would.
     */
    @Bean
    static org.springframework.session.config.SessionRepositoryCustomizer<JdbcIndexedSessionRepository> upsertSessionAttributes() {
        return new org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /**
     * Reading a session deserialised its attributes from Java serialisation on every request (the
     * security context alone is 1.8 kB: 8 % of an API request's CPU at 100 000 persons). The same bytes
     * always give the same objects, so {@link RememberedAttributes} keeps what it read by content.
     */
    @Bean
    static org.springframework.session.config.SessionRepositoryCustomizer<JdbcIndexedSessionRepository> rememberedSessionAttributes() {
        return repository -> {
            org.springframework.core.convert.support.GenericConversionService conversion =
                    new org.springframework.core.convert.support.GenericConversionService();
            conversion.addConverter(Object.class, byte[].class,
                    new org.springframework.core.serializer.support.SerializingConverter());
            conversion.addConverter(byte[].class, Object.class, new RememberedAttributes(
                    new org.springframework.core.serializer.support.DeserializingConverter(QuietSessions.class.getClassLoader())));
            repository.setConversionService(conversion);
        };
    }

    /**
     * Session attributes deserialised once per content, not once per request. Only what cannot change
     * is handed out again: a CSRF token, a flag, a text; a security context is a fresh wrapper around the
     * same authentication each time (signing out empties the wrapper of that one request, never the
     * remembered one). Anything else is deserialised every time, as before. Equal bytes are the same
     * session state, so nothing of one session can reach another that did not hold the same bytes; and
     * the session row is still read on every request, so a session signed out, expired or ended by an
     * administrator is gone exactly as before.
     */
    static final class RememberedAttributes implements org.springframework.core.convert.converter.Converter<byte[], Object> {

        /** Signed-in sessions on one node, with room to spare; beyond it the memory starts afresh. */
        static final int LIMIT = 20_000;

        private final org.springframework.core.convert.converter.Converter<byte[], Object> deserializer;
        private final java.util.concurrent.ConcurrentHashMap<Content, Object> remembered = new java.util.concurrent.ConcurrentHashMap<>();

        RememberedAttributes(org.springframework.core.convert.converter.Converter<byte[], Object> deserializer) {
            this.deserializer = deserializer;
        }

        @Override
        public Object convert(byte[] bytes) {
            Content key = new Content(bytes);
            Object known = remembered.get(key);
            if (known == null) {
                known = deserializer.convert(bytes);
                if (!shareable(known)) {
                    return known;
                }
                if (remembered.size() >= LIMIT) {
                    remembered.clear();
                }
                remembered.put(key, known);
            }
            return known instanceof org.springframework.security.core.context.SecurityContext context
                    ? new org.springframework.security.core.context.SecurityContextImpl(context.getAuthentication())
                    : known;
        }

        private static boolean shareable(Object value) {
            return value instanceof Boolean || value instanceof String || value instanceof Number
                    || value instanceof org.springframework.security.web.csrf.DefaultCsrfToken
                    || value != null && value.getClass() == org.springframework.security.core.context.SecurityContextImpl.class;
        }

        int size() {
            return remembered.size();
        }

        /** Bytes compared by content. */
        private record Content(byte[] bytes, int hash) {
            Content(byte[] bytes) {
                this(bytes, java.util.Arrays.hashCode(bytes));
            }

            @Override
            public boolean equals(Object o) {
                return o instanceof Content c && c.hash == hash && java.util.Arrays.equals(c.bytes, bytes);
            }

            @Override
            public int hashCode() {
                return hash;
            }
        }
    }

    /**
     * A write of the session commits on its own, whatever the request's transaction does: an answer
     * that streams (an export) commits the response, and so saves the session, inside a read-only
     * transaction; a request that rolls back must not take a new session or CSRF token with it.
     */
    private static Object apart(org.springframework.transaction.PlatformTransactionManager transactions,
                                org.aopalliance.intercept.MethodInvocation call) throws Throwable {
        org.springframework.transaction.support.TransactionTemplate apart =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        apart.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try {
            return apart.execute(status -> {
                try {
                    return call.proceed();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new java.lang.reflect.UndeclaredThrowableException(t);
                }
            });
        } catch (java.lang.reflect.UndeclaredThrowableException wrapped) {
            throw wrapped.getUndeclaredThrowable();
        }
    }

    /**
     * Spring Session reads and writes in a transaction of its own by default (REQUIRES_NEW): reading
     * the session inside the request's one transaction ({@code OneDecisionPerRequest}) then took a
     * second pooled connection and a BEGIN/COMMIT of its own on every request (pg_stat_statements: two
     * BEGINs per API request at 100 000 persons). Joining the request's transaction reads the session
     * on the request's connection. Saving the session still happens after that transaction, when the
     * answer goes out, so it commits on its own as before, and a write inside a request's transaction
     * (a streamed answer) is kept apart ({@link #apart}). Same propagation as Boot's default template.
     */
    @Bean
    static org.springframework.transaction.support.TransactionTemplate springSessionTransactionOperations(
            org.springframework.transaction.PlatformTransactionManager transactions) {
        return new org.springframework.transaction.support.TransactionTemplate(transactions);
    }

    /** Opens the request's memory of its session just outside Spring Session's own filter. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> sessionMemory() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                LOADED.set(new HashMap<>());
                try {
                    chain.doFilter(request, response);
                } finally {
                    LOADED.remove();
                }
            }
        });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
