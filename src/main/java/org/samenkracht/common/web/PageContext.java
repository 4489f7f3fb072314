package org.samenkracht.common.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import gg.jte.html.escape.Escape;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.samenkracht.identity.CurrentUser;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.validation.BindingResult;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a compiled template ({@link CompiledPages}) asks of the request it renders, as {@code page}:
 * the same messages, links, CSRF token and form state a Thymeleaf page gets from its dialects, as plain
 * method calls. One per request; not shared between threads.
 */
public final class PageContext {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Map<String, Object> model;
    private final HttpServletRequest request;
    private final MessageSource messages;
    private final FileTabs tabs;
    private final TemplateEngine templates;
    private final Locale locale;

    PageContext(Map<String, Object> model, HttpServletRequest request, MessageSource messages, FileTabs tabs,
                TemplateEngine templates) {
        this.model = model;
        this.request = request;
        this.messages = messages;
        this.tabs = tabs;
        this.templates = templates;
        this.locale = LocaleContextHolder.getLocale();
    }

    /** The reader's language: "nl" or "en". */
    public String lang() {
        return locale.getLanguage();
    }

    /** A message in the reader's language, as text (the template escapes it), like {@code th:text="#{…}"}. */
    public String text(String key, Object... args) {
        try {
            return messages.getMessage(key, args.length == 0 ? null : args, locale);
        } catch (NoSuchMessageException missing) {
            return "??" + key + "_" + locale + "??"; // as Thymeleaf shows a missing message
        }
    }

    /**
     * A message whose arguments are names people wrote: each is escaped and isolated in {@code <bdi>}, so a
     * right-to-left name keeps the sentence around it in order (the Thymeleaf pages' {@code '<bdi>' + escapeXml(…)}).
     */
    public Content textWithNames(String key, Object... names) {
        Object[] isolated = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            isolated[i] = name(String.valueOf(names[i]));
        }
        return textWith(key, isolated);
    }

    /**
     * A message whose arguments mix names people wrote ({@link #name}: escaped and isolated in {@code <bdi>})
     * with other values: text is escaped, numbers are formatted by the message in the reader's language.
     */
    public Content textWith(String key, Object... args) {
        Object[] html = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            html[i] = args[i] instanceof Name n ? "<bdi>" + org.unbescape.html.HtmlEscape.escapeHtml5Xml(n.text()) + "</bdi>"
                    : args[i] instanceof CharSequence text ? org.unbescape.html.HtmlEscape.escapeHtml5Xml(text.toString())
                    : args[i];
        }
        String message = text(key, html);
        return out -> out.writeContent(message);
    }

    /** A name someone wrote, for {@link #textWith}: isolated in {@code <bdi>} so its direction stays its own. */
    public Name name(String text) {
        return new Name(text);
    }

    /** A name inside a sentence ({@link #textWith}). */
    public record Name(String text) {
    }

    /** Whether the request carries this parameter ({@code ?registered}). */
    public boolean hasParam(String name) {
        return request.getParameterValues(name) != null;
    }

    /**
     * Another compiled template chosen at run time (a dossier card offered by another module), rendered into this
     * page with {@code page} and the given names and values ({@code "data", data}); the template is named as a view is.
     */
    public Content include(String template, Object... namesAndValues) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("page", this);
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out -> templates.render(template + ".jte", params, out);
    }

    /** A link within the application (the context path in front). */
    public String url(String path) {
        return request.getContextPath() + path;
    }

    /** The hidden CSRF field every form that posts carries (Thymeleaf adds it to {@code th:action} forms). */
    public Content csrfField() {
        CsrfToken token = csrf();
        if (token == null) {
            return out -> { };
        }
        return out -> {
            out.writeContent("<input type=\"hidden\" name=\"");
            Escape.htmlAttribute(token.getParameterName(), out);
            out.writeContent("\" value=\"");
            Escape.htmlAttribute(token.getToken(), out);
            out.writeContent("\">");
        };
    }

    /** The header htmx sends the CSRF token in, for the body's {@code hx-headers}; null without a token. */
    public String csrfHeaders() {
        CsrfToken token = csrf();
        return token == null ? null : "{\"" + token.getHeaderName() + "\": \"" + token.getToken() + "\"}";
    }

    private CsrfToken csrf() {
        return request.getAttribute("_csrf") instanceof CsrfToken token ? token : null;
    }

    /** The one signed in, or null. */
    public CurrentUser user() {
        return model.get("currentUser") instanceof CurrentUser u ? u : null;
    }

    /** The main navigation for this reader ({@link LayoutModel}). */
    @SuppressWarnings("unchecked")
    public List<NavItem> nav() {
        return model.get("navItems") instanceof List<?> items ? (List<NavItem>) items : List.of();
    }

    /** This page's path, for the language switch. */
    public String requestPath() {
        return model.get("requestPath") instanceof String p ? p : request.getRequestURI().substring(request.getContextPath().length());
    }

    /** What kind of page the body is, for the stylesheet and the scripts: login, refusal, error or page. */
    public String pageKind() {
        Object status = model.get("status");
        if ("/login".equals(requestPath())) {
            return "login";
        }
        if (status != null) {
            return "403".equals(String.valueOf(status)) ? "refusal" : "error";
        }
        return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) != null ? "error" : "page";
    }

    /** The tabs of this person's file the reader may open. */
    public List<PersonTab> tabs(UUID personId) {
        return tabs == null ? List.of() : tabs.visible(personId);
    }

    /** Whether the reader may open this tab ("plan") of the person's file. */
    public boolean mayOpen(UUID personId, String tabKey) {
        return tabs != null && tabs.mayOpen(personId, tabKey);
    }

    /** Whether the reader may open this person's dossier page. */
    public boolean dossierTab(UUID personId) {
        return tabs != null && tabs.dossierVisible(personId);
    }

    /** A form's values and errors, from the binding result Spring MVC keeps for the model attribute. */
    public Form form(String name) {
        return new Form((BindingResult) model.get(BindingResult.MODEL_KEY_PREFIX + name), messages, locale);
    }

    /** A day as the pages write it (dd-MM-yyyy). */
    public String day(TemporalAccessor day) {
        return day == null ? "" : DAY.format(day);
    }

    private static final Map<String, DateTimeFormatter> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    /** A day or moment in another pattern ("d-M-yyyy"); the formatter is made once per pattern. */
    public String format(TemporalAccessor when, String pattern) {
        if (when == null) {
            return "";
        }
        // a moment is read in the one zone every page shows, as Thymeleaf's #temporals does (in the JVM's zone, the same)
        TemporalAccessor shown = when instanceof java.time.Instant moment ? moment.atZone(org.samenkracht.common.time.AmsterdamTime.ZONE) : when;
        return PATTERNS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern).format(shown);
    }

    /** A message that may not exist (a reason stored as a message key): its text, or "" without one. */
    public String textOrEmpty(String key) {
        return messages.getMessage(key, null, "", locale);
    }

    /** A number with one decimal, in the reader's way of writing it (2,5 or 2.5). */
    public String oneDecimal(Number n) {
        if (n == null) {
            return "";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(n);
    }

    /** Markup the application made itself (a drawing), written as it is when it is one SVG drawing, else escaped. */
    public Content drawing(String svg) {
        String markup = svg == null ? "" : svg;
        if (WrittenTextDirection.Drawing.isDrawing(markup)) {
            return out -> out.writeContent(markup);
        }
        return out -> Escape.htmlContent(markup, out);
    }
}
