package org.samenkracht.signals.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * A partner's link and the receipt behind its token open without an account: the unguessable token in
 * the path is the key (only hashes are stored). CSRF protection stays; no referrer leaves the page.
 * A link is throttled per agreement (see {@code Signals.LINK_SIGNALS_PER_HOUR}).
 */
@Configuration(proxyBeanMethods = false)
class LinkSecurity {

    @Bean
    @Order(11)
    SecurityFilterChain signalLinks(HttpSecurity http) throws Exception {
        http.securityMatcher("/signals/link/**", "/signals/receipt/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * The same two through the API (a partner's own system posting through its link): no account, no session, so no
     * CSRF token either; the token in the path is the only key, as on the page.
     */
    @Bean
    @Order(10)
    SecurityFilterChain signalLinksApi(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/signals/link/**", "/api/v1/signals/receipt/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(
                        org.springframework.security.config.http.SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
