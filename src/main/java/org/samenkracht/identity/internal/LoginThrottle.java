package org.samenkracht.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.identity.Throttle;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Throttles sign-in with a password (form and HTTP Basic) with growing delays per account at a
 * client address, per client address and per account ({@link Throttle}). A blocked attempt is
 * refused before the password is even checked, with the same answer whether the account exists or
 * not; a wrong password and an unknown account are one and the same failure.
 */
@Component
@Order(-200) // before Spring Security's filters
class LoginThrottle extends OncePerRequestFilter {

    private final Throttle throttle;

    LoginThrottle(Throttle throttle) {
        this.throttle = throttle;
    }

    static String[] keys(String username, String address) {
        String user = username == null ? "" : username.trim().toLowerCase();
        return new String[] {Throttle.Kind.ACCOUNT_AT_ADDRESS.key(user, address), Throttle.Kind.ADDRESS.key(address),
                Throttle.Kind.ACCOUNT.key(user)};
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean form = "POST".equals(request.getMethod()) && "/login".equals(path);
        String username = form ? request.getParameter("username") : basicUser(request.getHeader("Authorization"));
        if ((form || username != null)) {
            var blocked = throttle.blockedUntil(keys(username, request.getRemoteAddr()));
            if (blocked.isPresent()) {
                long wait = Math.max(1, Duration.between(Instant.now(), blocked.get()).toSeconds());
                if (form) {
                    response.sendRedirect(request.getContextPath() + "/login?locked");
                } else {
                    response.setStatus(429);
                    response.setHeader("Retry-After", Long.toString(wait));
                    response.setContentType("application/problem+json");
                    response.getWriter().write("{\"title\":\"Too many attempts\",\"status\":429,\"detail\":"
                            + "\"Too many failed sign-ins; try again after the time in Retry-After.\"}");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        String[] keys = keys(username, address);
        throttle.failed(Throttle.Kind.ACCOUNT_AT_ADDRESS, keys[0]);
        throttle.failed(Throttle.Kind.ADDRESS, keys[1]);
        throttle.failed(Throttle.Kind.ACCOUNT, keys[2]);
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String address = event.getAuthentication().getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : "?";
        String[] keys = keys(event.getAuthentication().getName(), address);
        throttle.succeeded(keys[0], keys[2]);
    }
}
