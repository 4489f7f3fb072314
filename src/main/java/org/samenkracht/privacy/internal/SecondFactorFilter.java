package org.samenkracht.privacy.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.samenkracht.identity.CurrentUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The second factor for professionals (and coaches and administrators). Runs after Spring Security
 * has signed the user in with their password: an account with a confirmed TOTP factor reaches
 * nothing but the code page until it has given a valid code in this session. API calls with HTTP
 * Basic carry the current code in the {@value #HEADER} header. With
 * {@code samenkracht.security.totp.required=true} professionals without a factor are sent to enrol.
 */
@Component
class SecondFactorFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Samenkracht-Totp";
    static final String PASSED = "privacy.secondFactorPassed";
    private static final List<String> OPEN = List.of("/login", "/logout", "/css/", "/js/", "/img/", "/webjars/",
            "/error", "/favicon.ico", "/actuator/health");

    private final SecondFactors factors;
    private final boolean required;

    SecondFactorFilter(SecondFactors factors, @Value("${samenkracht.security.totp.required:false}") boolean required) {
        this.factors = factors;
        this.required = required;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var user = CurrentUser.find();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (user.isEmpty() || CurrentUser.viaApiToken() || CurrentUser.providerVouchedSecondFactor()
                || !needsSecondFactor(user.get())
                || OPEN.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null && Boolean.TRUE.equals(session.getAttribute(PASSED))) {
            chain.doFilter(request, response);
            return;
        }
        boolean enabled = factors.enabled(user.get().id());
        boolean api = (path.startsWith("/api/") || path.startsWith("/fhir/")) && request.getHeader("Authorization") != null;
        if (!enabled) {
            if (required && !path.startsWith("/account/second-factor")) {
                refuse(request, response, api, "/account/second-factor");
                return;
            }
            if (session != null && !required) {
                session.setAttribute(PASSED, true);
            }
            chain.doFilter(request, response);
            return;
        }
        if (api && factors.verifyForApi(user.get().id(), request.getHeader(HEADER))) {
            request.setAttribute(org.samenkracht.privacy.StepUp.IN_THIS_REQUEST, true);
            chain.doFilter(request, response);
            return;
        }
        refuse(request, response, api, "/login/second-factor");
    }

    private static boolean needsSecondFactor(CurrentUser user) {
        return user.role().supportsPeople() || user.is(org.samenkracht.identity.Role.ADMINISTRATOR);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api, String page)
            throws IOException {
        if (api) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"title\":\"Second factor needed\",\"status\":401,\"detail\":\"Send the current "
                    + "six-digit code of your authenticator app in the " + HEADER + " header.\"}");
            return;
        }
        String target = request.getContextPath() + page;
        if (request.getHeader("HX-Request") != null) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_OK);
            return;
        }
        response.sendRedirect(target);
    }
}
