package org.samenkracht.operations.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * PostgreSQL cannot store the NUL character (U+0000) in text; no person types one. A request
 * that carries one, in a parameter or a JSON body (raw or as {@code \u0000}), is answered 400
 * before it reaches a controller, instead of failing deep down as a database error (a 500).
 * Found by the fuzzing test; guards every present and future endpoint in one place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class NulCharacterFilter extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 16 * 1024 * 1024;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.toLowerCase(Locale.ROOT).contains("%00")) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (type.contains("json") && request.getContentLengthLong() <= MAX_INSPECTED_BODY) {
            byte[] body = request.getInputStream().readAllBytes();
            if (containsNul(body)) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/")) {
            java.util.Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (RuntimeException unreadable) {
                // a multipart body without boundary, or cut short: unreadable input, not a fault of ours
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            for (String[] values : parameters.values()) {
                for (String v : values) {
                    if (v != null && v.indexOf('\0') >= 0) {
                        response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                        return;
                    }
                }
            }
        }
        chain.doFilter(request, response);
    }

    static boolean containsNul(byte[] body) {
        for (int i = 0; i < body.length; i++) {
            if (body[i] == 0) {
                return true;
            }
            // the JSON escape \u0000 (not preceded by another backslash that escapes this one)
            if (body[i] == '\\' && i + 5 < body.length && (body[i + 1] == 'u' || body[i + 1] == 'U')
                    && body[i + 2] == '0' && body[i + 3] == '0' && body[i + 4] == '0' && body[i + 5] == '0') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && body[j] == '\\'; j--) {
                    backslashes++;
                }
                if (backslashes % 2 == 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The request with its body already read, so the controller can read it again. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                public int read() {
                    return in.read();
                }

                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                public boolean isFinished() {
                    return in.available() == 0;
                }

                public boolean isReady() {
                    return true;
                }

                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
