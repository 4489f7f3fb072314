package org.samenkracht.common.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every answer that did not come from a controller (an unknown path, a refusal by the security
 * filters, a request the servlet container or a filter refused) ends here: under {@code /api} as
 * problem+json in the requester's language, whatever the Accept header asked for; elsewhere as the
 * error page that can never fail.
 */
@Controller
class ErrorAnswers implements ErrorController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ErrorAnswers.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final ErrorPage page;

    ErrorAnswers(MessageSource messages, ErrorPage page) {
        this.messages = messages;
        this.page = page;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
        HttpStatus status = status(request);
        if (status.is5xxServerError() && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) {
            log.error("Unexpected error outside the controllers", t);
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (isApi(request, uri)) {
            writeProblem(response, messages, status, messageKey(status), uri, null);
            return null;
        }
        return ErrorPage.modelAndView(page.view(request, status, messageKey(status), null), model.asMap(), status);
    }

    static boolean isApi(HttpServletRequest request, String uri) {
        String path = uri == null ? request.getRequestURI() : uri;
        return path.startsWith(request.getContextPath() + "/api/") || path.equals(request.getContextPath() + "/api");
    }

    private static HttpStatus status(HttpServletRequest request) {
        // faults the client caused that escaped every handler (a multipart body without boundary)
        for (Object e = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION); e instanceof Throwable t;
             e = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.springframework.web.multipart.MaxUploadSizeExceededException) {
                return HttpStatus.CONTENT_TOO_LARGE;
            }
            if (t instanceof org.springframework.web.multipart.MultipartException
                    || t.getClass().getName().endsWith("InvalidParameterException")
                    || t.getClass().getName().endsWith("FileUploadException")
                    || t instanceof org.springframework.web.bind.ServletRequestBindingException) {
                return HttpStatus.BAD_REQUEST;
            }
            if (t instanceof org.springframework.web.HttpMediaTypeNotSupportedException) {
                return HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            }
            if (t instanceof org.springframework.web.HttpMediaTypeNotAcceptableException) {
                return HttpStatus.NOT_ACCEPTABLE;
            }
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String messageKey(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "error.badRequest";
            case 401 -> "error.unauthorized";
            case 403 -> "error.page.403";
            case 404 -> "error.notFound";
            case 405 -> "error.page.405";
            case 406 -> "error.notAcceptable";
            case 409 -> "error.conflict";
            case 413 -> "error.tooLarge";
            case 415 -> "error.unsupportedType";
            case 422 -> "error.invalid";
            default -> "error.unexpected";
        };
    }

    /** Writes RFC 9457 problem details straight to the response: no content negotiation can refuse it. */
    static void writeProblem(HttpServletResponse response, MessageSource messages, HttpStatus status, String key,
                             String instance, Map<String, String> fields) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        var locale = LocaleContextHolder.getLocale();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", MessageTexts.text(messages, "error.title." + status.value(), null, locale));
        problem.put("status", status.value());
        problem.put("detail", MessageTexts.text(messages, key, null, locale));
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (fields != null && !fields.isEmpty()) {
            problem.put("fields", fields);
        }
        response.setStatus(status.value());
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
