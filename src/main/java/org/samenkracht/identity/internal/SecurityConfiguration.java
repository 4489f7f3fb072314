package org.samenkracht.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt by default, with the algorithm named in the hash so it can be raised later.
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    static BasicAuthenticationEntryPoint apiEntryPoint() {
        BasicAuthenticationEntryPoint entry = new BasicAuthenticationEntryPoint();
        entry.setRealmName("Samenkracht");
        return entry;
    }

    @Bean
    SecurityFilterChain web(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProviders,
                            OidcAccounts oidcAccounts) throws Exception {
        RequestMatcher api = new org.springframework.security.web.util.matcher.OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"));
        // API clients that send their own credentials (HTTP Basic) carry no session cookie a
        // foreign site could ride on; browsers (session cookie) always need the CSRF token.
        RequestMatcher apiWithCredentials = request -> api.matches(request) && request.getHeader("Authorization") != null;

        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMINISTRATOR")
                        .anyRequest().authenticated())
                .formLogin(form -> form
                        .loginPage("/login")
                        .failureHandler((request, response, exception) -> response.sendRedirect(
                                request.getContextPath() + (exception instanceof LockedException ? "/login?locked" : "/login?error")))
                        .defaultSuccessUrl("/", false)
                        .permitAll());
        if (identityProviders.getIfAvailable() != null) {
            // Single sign-on (OIDC) only when an identity provider is configured; local accounts decide access.
            http.oauth2Login(oidc -> oidc
                    .loginPage("/login")
                    .userInfoEndpoint(info -> info.oidcUserService(oidcAccounts))
                    .failureHandler((request, response, exception) ->
                            response.sendRedirect(request.getContextPath() + "/login?ssoError"))
                    .defaultSuccessUrl("/", false));
        }
        http
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                // 401 names the way in (WWW-Authenticate); the body is the API's problem+json (common.web.ErrorAnswers)
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), api)
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithCredentials))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }
}
