package org.samenkracht.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.ApiTokens;
import org.samenkracht.identity.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Machine clients with an API token ({@code Authorization: Bearer skt_…}) get a chain of their own:
 * stateless (no session, no CSRF: the token is not a cookie a foreign site could ride on), only the
 * JSON API and FHIR, and only within the token's scope. Out of scope is 403 and logged with the token;
 * an unknown, expired or revoked token is 401. People keep HTTP Basic and sessions in the main chain.
 */
@Configuration(proxyBeanMethods = false)
class ApiTokenSecurity {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenSecurity.class);

    @Bean
    @Order(1)
    SecurityFilterChain apiTokenChain(HttpSecurity http, ApiTokens tokens, Accounts accounts) throws Exception {
        http.securityMatcher(request -> {
                    String auth = request.getHeader("Authorization");
                    return auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new TokenFilter(tokens, accounts), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/api/v1/**", "/fhir/**").authenticated()
                        .anyRequest().denyAll())
                .exceptionHandling(ex -> ex.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)));
        return http.build();
    }

    /** The signed-in machine client: the token's account, marked as coming through a token. */
    record TokenPrincipal(CurrentUser currentUser, ApiTokens.Grant grant) implements CurrentUser.Holder, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public boolean apiToken() {
            return true;
        }
    }

    static final class TokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;
        private final Accounts accounts;

        TokenFilter(ApiTokens tokens, Accounts accounts) {
            this.tokens = tokens;
            this.accounts = accounts;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String secret = request.getHeader("Authorization").substring(7).trim();
            Optional<ApiTokens.Grant> grant = tokens.grant(secret);
            if (grant.isEmpty()) {
                problem(response, 401, "Unknown, expired or revoked token", "Ask your administrator for a valid API token.");
                return;
            }
            ApiTokens.Grant g = grant.get();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String method = request.getMethod();
            if (!g.permits(method, path)) {
                boolean readOnly = !g.mayWrite() && !"GET".equals(method) && !"HEAD".equals(method);
                tokens.logUse(g, method, path, readOnly ? "READ_ONLY" : "OUT_OF_SCOPE");
                log.warn("API token {} used outside its scope: {} {}", g.tokenId(), method, path);
                problem(response, 403, "Outside this token's scope",
                        readOnly ? "This token may only read." : "This token does not cover this part of the data.");
                return;
            }
            var account = accounts.find(g.accountId()).orElseThrow();
            CurrentUser user = new CurrentUser(account.id(), account.organisationId(), account.username(),
                    account.displayName(), account.role(), account.personId());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new TokenPrincipal(user, g), null,
                    List.of(new SimpleGrantedAuthority(account.role().authority()), new SimpleGrantedAuthority("API_TOKEN"))));
            SecurityContextHolder.setContext(context);
            tokens.logUse(g, method, path, "ALLOWED");
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private static void problem(HttpServletResponse response, int status, String title, String detail) throws IOException {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
        }
    }
}
