package org.samenkracht.common.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The answer to a request the servlet container refuses before the application sees it (a request
 * line or headers longer than the container reads): under {@code /api} problem+json, elsewhere the
 * plain error page, in the requester's language (Accept-Language, Dutch unless English is asked),
 * never the container's own page. Set as the host's error report by {@link TomcatConfiguration}.
 */
public class ContainerErrorReport extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        String uri = request.getRequestURI();
        Locale locale = locale(request.getHeader("Accept-Language"));
        String title = text(locale, "error.title." + status, text(locale, "error.title.400", "Error"));
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        String detail = text(locale, known == null ? "error.badRequest" : ErrorAnswers.messageKey(known), title);
        try {
            boolean api = uri != null && (uri.startsWith("/api/") || uri.equals("/api"));
            response.setContentType(api ? "application/problem+json" : "text/html");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.setHeader("Content-Language", locale.toLanguageTag());
            PrintWriter writer = response.getReporter();
            if (writer == null) {
                return;
            }
            writer.write(api
                    ? "{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status + ",\"detail\":\""
                    + json(detail) + "\"}"
                    : ErrorPage.plain(title, detail, List.of()));
            response.finishResponse();
        } catch (Exception | LinkageError e) {
            // nothing more can be said: the status stands
        }
    }

    static Locale locale(String acceptLanguage) {
        try {
            Locale best = acceptLanguage == null || acceptLanguage.isBlank() ? null
                    : Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), WebConfiguration.SUPPORTED);
            return best == null ? WebConfiguration.DUTCH : best;
        } catch (IllegalArgumentException malformed) {
            return WebConfiguration.DUTCH;
        }
    }

    private static String text(Locale locale, String key, String otherwise) {
        try {
            // Dutch is the base bundle (common.properties), English common_en.properties
            return ResourceBundle.getBundle("messages/common", locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key);
        } catch (MissingResourceException e) {
            return otherwise;
        }
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
