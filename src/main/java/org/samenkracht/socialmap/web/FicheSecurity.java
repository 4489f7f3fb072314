package org.samenkracht.socialmap.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * A provider's invitation link opens its own fiche without an account: the unguessable token in
 * the path is the key (only its hash is stored, it expires). CSRF protection and the security
 * headers stay as on every other page; no referrer leaves the page, so the token does not leak.
 */
@Configuration(proxyBeanMethods = false)
class FicheSecurity {

    @Bean
    @Order(10)
    SecurityFilterChain providerFiche(HttpSecurity http) throws Exception {
        http.securityMatcher("/socialmap/fiche/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; "
                                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'"))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }
}
