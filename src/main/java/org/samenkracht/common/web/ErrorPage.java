package org.samenkracht.common.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.util.HtmlUtils;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The error page that can never fail: the layout's page is rendered into a buffer first; if that
 * fails (a broken message, a fault in the layout), a plain page with the same words is sent
 * instead. A refused form's typed text is shown again, so nothing a person wrote is lost.
 */
@Component
class ErrorPage {

    private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);
    /** Form fields that are machinery, not something a person typed. */
    private static final Set<String> NOT_TYPED = Set.of("_csrf", "version", "lang", "_method");

    private final List<ViewResolver> resolvers;
    private final MessageSource messages;

    ErrorPage(List<ViewResolver> resolvers, MessageSource messages) {
        this.resolvers = resolvers;
        this.messages = messages;
    }

    /** A view for an exception handler: the error page with the status, a message and the typed text. */
    View view(HttpServletRequest request, HttpStatus status, String messageKey, Object[] args) {
        Locale locale = LocaleContextHolder.getLocale();
        String title = MessageTexts.text(messages, "error.title." + status.value(), null, locale);
        String text = MessageTexts.text(messages, messageKey == null ? "error.unexpected" : messageKey, args, locale);
        List<Map.Entry<String, String>> typed = typed(request);
        return (model, req, response) -> render(model, req, response, status, messageKey, title, text, typed);
    }

    static org.springframework.web.servlet.ModelAndView modelAndView(View view, Map<String, Object> model, HttpStatus status) {
        org.springframework.web.servlet.ModelAndView mav = new org.springframework.web.servlet.ModelAndView(view, model);
        mav.setStatus(status);
        return mav;
    }

    /** What the person typed into the refused form (text fields only, in the order sent). */
    static List<Map.Entry<String, String>> typed(HttpServletRequest request) {
        List<Map.Entry<String, String>> typed = new ArrayList<>();
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            return typed;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
            return typed;
        }
        try {
            request.getParameterMap().forEach((name, values) -> {
                if (!NOT_TYPED.contains(name)) {
                    for (String v : values) {
                        if (v != null && !v.isBlank() && !v.matches("[0-9a-fA-F-]{36}|[A-Z_]+|\\d+|true|false|on")) {
                            typed.add(Map.entry(name, v));
                        }
                    }
                }
            });
        } catch (RuntimeException unreadable) {
            // a malformed body: there is nothing readable to give back
        }
        return typed;
    }

    private void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response,
                        HttpStatus status, String messageKey, String title, String text,
                        List<Map.Entry<String, String>> typed)
            throws java.io.IOException {
        Map<String, Object> all = new LinkedHashMap<>(model == null ? Map.of() : model);
        all.put("status", status.value());
        all.put("errorTitle", title);
        all.put("errorText", text);
        all.put("messageKey", messageKey);  // a refusal names what is missing (fragments :: refusal)
        all.put("typed", typed);
        String html = null;
        try {
            View page = resolve(request);
            if (page != null) {
                Buffered buffered = new Buffered(response);
                page.render(all, request, buffered);
                html = buffered.text();
            }
        } catch (Exception | LinkageError e) {
            log.error("The error page itself failed; sending the plain one", e);
        }
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(html != null ? html : plain(title, text, typed));
    }

    private View resolve(HttpServletRequest request) throws Exception {
        for (ViewResolver r : resolvers) {
            View v = r.resolveViewName("error", LocaleContextHolder.getLocale());
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** The page without layout or template: nothing in it can fail. */
    static String plain(String title, String text, List<Map.Entry<String, String>> typed) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(title)).append("</title></head><body><main><h1>")
                .append(HtmlUtils.htmlEscape(title)).append("</h1><p role=\"alert\">").append(HtmlUtils.htmlEscape(text))
                .append("</p>");
        for (Map.Entry<String, String> t : typed) {
            html.append("<p><textarea readonly dir=\"auto\" rows=\"6\" cols=\"70\" aria-label=\"")
                    .append(HtmlUtils.htmlEscape(t.getKey())).append("\">")
                    .append(HtmlUtils.htmlEscape(t.getValue())).append("</textarea></p>");
        }
        return html.append("<p><a href=\"/\">Samenkracht</a></p></main></body></html>").toString();
    }

    /** A response whose writer fills a buffer; headers and status still reach the real response. */
    private static final class Buffered extends HttpServletResponseWrapper {
        private final StringWriter buffer = new StringWriter();
        private final PrintWriter writer = new PrintWriter(buffer);

        Buffered(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public jakarta.servlet.ServletOutputStream getOutputStream() {
            throw new IllegalStateException("the error page writes text");
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }

        String text() {
            writer.flush();
            return buffer.toString();
        }
    }
}
