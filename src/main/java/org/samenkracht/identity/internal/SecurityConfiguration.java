package org.samenkracht.identity.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authorization.AuthorizationDecision;
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
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
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
                            OidcAccounts oidcAccounts,
                            @org.springframework.beans.factory.annotation.Value("${samenkracht.metrics.token:}") String metricsToken)
            throws Exception {
        RequestMatcher api = new org.springframework.security.web.util.matcher.OrRequestMatcher(
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/fhir/**"));
        RequestMatcher actuator = PathPatternRequestMatcher.withDefaults().matcher("/actuator/**");
        // CSRF is skipped only for an API call that authenticates by its own header and carries no
        // session: a browser's session cookie plus any Authorization header still needs the token.
        RequestMatcher apiWithCredentials = request -> api.matches(request) && request.getHeader("Authorization") != null
                && withoutSession(request);

        http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico",
                                "/error", "/actuator/health", "/actuator/health/**",
                                "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        // metrics: an administrator, or a scraper with the metrics token (docs/operations.md)
                        .requestMatchers("/actuator/prometheus").access((authentication, context) ->
                                new AuthorizationDecision(MetricsToken.matches(metricsToken, context.getRequest())
                                        || isAdministrator(authentication.get())))
                        .requestMatchers("/actuator/**", "/admin/**").hasRole("ADMINISTRATOR")
                        // a role that sees only figures (the policy analyst) is kept to its own routes
                        .anyRequest().access((authentication, context) -> new AuthorizationDecision(
                                TRUST.isAuthenticated(authentication.get())
                                        && (!AggregatesOnly.applies(authentication.get()) || AggregatesOnly.ROUTES.matches(context.getRequest())))))
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
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), actuator)
                        .defaultAuthenticationEntryPointFor(htmxLogin(), new RequestHeaderRequestMatcher("HX-Request"))
                        .defaultAuthenticationEntryPointFor(loginPage(), AnyRequestMatcher.INSTANCE))
                .csrf(csrf -> csrf.ignoringRequestMatchers(apiWithCredentials))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(ref -> ref.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")));
        return http.build();
    }

    /**
     * A part of a page fetched by htmx after the session ended: a redirect would be followed inside the
     * XHR and the login page swapped into the part. 401 with {@code HX-Redirect} makes htmx load the
     * login page as a whole page instead (the request is saved, so signing in leads back to it).
     */
    private static org.springframework.security.web.AuthenticationEntryPoint htmxLogin() {
        return (request, response, exception) -> {
            response.setHeader("HX-Redirect", request.getContextPath() + "/login");
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_UNAUTHORIZED);
        };
    }

    /** The login page, redirected to relatively: a forged Host header never ends up in a Location. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entry = new LoginUrlAuthenticationEntryPoint("/login");
        entry.setFavorRelativeUris(true);
        return entry;
    }

    private static boolean withoutSession(jakarta.servlet.http.HttpServletRequest request) {
        if (request.getRequestedSessionId() != null || request.getSession(false) != null) {
            return false;
        }
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        return cookies == null || java.util.Arrays.stream(cookies)
                .noneMatch(c -> c.getName().equals("SESSION") || c.getName().equals("JSESSIONID"));
    }

    private static final org.springframework.security.authentication.AuthenticationTrustResolver TRUST =
            new org.springframework.security.authentication.AuthenticationTrustResolverImpl();

    /**
     * The routes of a role that sees only aggregates ({@link org.samenkracht.identity.Role#seesOnlyAggregates()}):
     * home, signing in and out, its own account and messages, the figures, and the links whose token decides.
     * Every other route (every person's file, list and count) answers 403.
     */
    static final class AggregatesOnly {
        static final RequestMatcher ROUTES = new org.springframework.security.web.util.matcher.OrRequestMatcher(
                java.util.stream.Stream.of("/", "/login/**", "/logout", "/account/**", "/privacy/notifications",
                                "/insights", "/insights/**", "/api/v1/insights", "/api/v1/insights/**",
                                "/signals/link/**", "/signals/receipt/**", "/api/v1/signals/link/**",
                                "/api/v1/signals/receipt/**", "/socialmap/fiche/**")
                        .map(p -> (RequestMatcher) PathPatternRequestMatcher.withDefaults().matcher(p)).toList());

        static boolean applies(org.springframework.security.core.Authentication authentication) {
            return authentication != null && authentication.getAuthorities().stream().anyMatch(a -> java.util.Arrays.stream(
                    org.samenkracht.identity.Role.values()).anyMatch(r -> r.seesOnlyAggregates() && r.authority().equals(a.getAuthority())));
        }
    }

    private static boolean isAdministrator(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .anyMatch(a -> "ROLE_ADMINISTRATOR".equals(a.getAuthority()));
    }

    /** {@code Authorization: Bearer <samenkracht.metrics.token>}, compared in constant time; no token set: never. */
    static final class MetricsToken {
        static boolean matches(String token, jakarta.servlet.http.HttpServletRequest request) {
            String header = request.getHeader("Authorization");
            if (token == null || token.length() < 16 || header == null || !header.startsWith("Bearer ")) {
                return false;
            }
            return java.security.MessageDigest.isEqual(token.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    header.substring(7).trim().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
