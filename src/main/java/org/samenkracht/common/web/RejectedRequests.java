package org.samenkracht.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import java.io.IOException;
import java.util.Locale;

/**
 * A request the security firewall will not let in (an encoded slash, a {@code ;} or {@code %00} or
 * {@code ..} in the path, a line break in a parameter name) is bad input: 400, answered here and at
 * once, under {@code /api} as problem+json and elsewhere as the error page, in the requester's
 * language. Not through the container's error dispatch: that would show the firewall the same
 * request again, refuse it again, and leave the container's own HTML page as the answer.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(RejectedRequests.class);

    private final MessageSource messages;
    private final ErrorPage page;
    private final LocaleResolver locales;

    RejectedRequests(MessageSource messages, ErrorPage page, LocaleResolver locales) {
        this.messages = messages;
        this.page = page;
        this.locales = locales;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        log.debug("Request refused by the firewall: {}", rejected.getMessage());
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        LocaleContextHolder.setLocale(locale(request));
        try {
            if (ErrorAnswers.isApi(request, (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI))) {
                ErrorAnswers.writeProblem(response, messages, HttpStatus.BAD_REQUEST, "error.badRequest", null, null);
            } else {
                page.view(request, HttpStatus.BAD_REQUEST, "error.badRequest", null).render(null, request, response);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            // the page cannot fail (ErrorPage sends its plain version); should anything else, the status still stands
            log.warn("Answering a refused request failed", e);
            if (!response.isCommitted()) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
            }
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return WebConfiguration.DUTCH;
        }
    }
}
