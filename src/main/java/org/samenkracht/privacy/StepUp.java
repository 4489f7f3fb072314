package org.samenkracht.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.SecondFactors;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Duration;
import java.time.Instant;

/**
 * Step-up before the weightiest acts (exporting a person's data, opening emergency access): someone
 * with a second factor must have given a code in the last {@link #FRESH}, even when the session passed
 * it long ago, unless the identity provider of a single sign-on vouched for a second factor (its acr or
 * amr claim). Machine clients with an API token have no person to ask; their token's scope governs.
 */
@Service
public class StepUp {

    public static final Duration FRESH = Duration.ofMinutes(5);
    /** Session attribute: when the second factor was last given. */
    public static final String AT = "privacy.secondFactorAt";
    /** Request attribute: the code in this API request's header was valid. */
    public static final String IN_THIS_REQUEST = "privacy.secondFactorInRequest";

    private final SecondFactors factors;

    StepUp(SecondFactors factors) {
        this.factors = factors;
    }

    /** Throws {@link AccessRefused} ({@code access.refused.stepUp}) when a fresh second factor is needed. */
    public void require() {
        if (!needed()) {
            return;
        }
        throw new AccessRefused("access.refused.stepUp");
    }

    public boolean needed() {
        var user = CurrentUser.find();
        if (user.isEmpty() || CurrentUser.viaApiToken() || CurrentUser.providerVouchedSecondFactor()) {
            return false;
        }
        if (!factors.enabled(user.get().id())) {
            return false;
        }
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;  // no request: a command-line or background job, not a person at a screen
        }
        HttpServletRequest request = attributes.getRequest();
        if (Boolean.TRUE.equals(request.getAttribute(IN_THIS_REQUEST))) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object at = session == null ? null : session.getAttribute(AT);
        return !(at instanceof Instant given && given.isAfter(Instant.now().minus(FRESH)));
    }
}
