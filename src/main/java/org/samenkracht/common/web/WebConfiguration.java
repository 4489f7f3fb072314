package org.samenkracht.common.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/** Dutch first: every page is Dutch unless the user switched to English (?lang=en, kept in a cookie). */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    private final LayoutModel layout;

    WebConfiguration(LayoutModel layout) {
        this.layout = layout;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new OnlyOurLanguages("samenkracht-lang");
        resolver.setDefaultLocaleFunction(WebConfiguration::defaultLocale);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    /**
     * Pages are Dutch until the user switches; API clients get the language their Accept-Language
     * asks for, when it is one we have (Dutch or English), else Dutch.
     */
    static Locale defaultLocale(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String accept = request.getHeader("Accept-Language");
        if (!path.startsWith("/api/") || accept == null || accept.isBlank()) {
            return DUTCH;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(accept), SUPPORTED);
            return best == null ? DUTCH : best;
        } catch (IllegalArgumentException malformed) {
            return DUTCH;
        }
    }

    static final java.util.List<Locale> SUPPORTED = java.util.List.of(DUTCH, Locale.ENGLISH);

    /** The supported language a chosen one comes down to (en-GB is English), else Dutch; the same lookup as Accept-Language. */
    static Locale supported(Locale chosen) {
        if (chosen == null) {
            return DUTCH;
        }
        Locale best = Locale.lookup(java.util.List.of(new Locale.LanguageRange(chosen.toLanguageTag())), SUPPORTED);
        return best == null ? DUTCH : best;
    }

    /**
     * The language cookie and {@code ?lang=} come down to Dutch or English before anything else sees them. Without
     * this any well-formed tag ({@code ?lang=qq}, a hand-made cookie) became the request's locale, and every new one
     * sent the message source looking for fifteen bundles in that language through the jars: work and memory an
     * anonymous client could ask for at will (the fuzz test's random {@code lang} values did, on every request).
     */
    static final class OnlyOurLanguages extends CookieLocaleResolver {
        OnlyOurLanguages(String cookieName) {
            super(cookieName);
        }

        @Override
        protected Locale parseLocaleValue(String value) {
            return supported(super.parseLocaleValue(value));
        }

        @Override
        public void setLocaleContext(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response,
                                     org.springframework.context.i18n.LocaleContext localeContext) {
            Locale chosen = localeContext == null ? null : localeContext.getLocale();
            super.setLocaleContext(request, response,
                    chosen == null ? localeContext : new org.springframework.context.i18n.SimpleLocaleContext(supported(chosen)));
        }
    }

    /** Controller methods found through an index instead of a scan of every mapping ({@link IndexedHandlerMapping}). */
    @Bean
    org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations indexedHandlerMapping() {
        return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
            @Override
            public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new IndexedHandlerMapping();
            }
        };
    }

    /**
     * Static files may be kept by the browser; pages never (Spring Security marks every other answer
     * no-store, which it leaves alone where a cache header is already set). A webjar's path names its
     * version, so a browser keeps it for a year without asking again; our own CSS and scripts have no
     * version in their path, so the browser asks each time and gets "not modified" while they are.
     * Without this every page on a phone fetched htmx, the CSS and the script again.
     */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/webjars/**").addResourceLocations("classpath:/META-INF/resources/webjars/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        for (String own : new String[] {"css", "js"}) {
            registry.addResourceHandler("/" + own + "/**").addResourceLocations("classpath:/static/" + own + "/")
                    .setCacheControl(CacheControl.noCache());
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
        registry.addInterceptor(layout);
    }
}
