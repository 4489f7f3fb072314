package org.samenkracht.common.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pages written as compiled templates (decision 8): a view name with a template under
 * {@code src/main/jte} ({@code network/network} → {@code network/network.jte}) is rendered by jte,
 * every other one by Thymeleaf, so pages move one at a time and their controllers do not change.
 * jte turns the templates into Java at build time: no expression language at run time, escaping per
 * output context, a template that does not compile fails the build.
 * <p>
 * A template gets the controller's model by name, and {@code page} ({@link PageContext}): messages
 * in the reader's language, links, the CSRF field, form values and errors, the layout's facts.
 * What people wrote keeps its direction ({@link WrittenTextOutput}). The page is rendered whole
 * before anything is sent, so a failure gives the error page, never half a page.
 */
@Configuration(proxyBeanMethods = false)
class CompiledPages {

    /** Before Thymeleaf's resolver ({@code LOWEST_PRECEDENCE - 5}), which takes any name. */
    static final int ORDER = Ordered.LOWEST_PRECEDENCE - 10;

    @Bean
    TemplateEngine compiledTemplates() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    CompiledPageResolver compiledPageResolver(TemplateEngine compiledTemplates, MessageSource messages,
                                              ObjectProvider<FileTabs> tabs) {
        return new CompiledPageResolver(compiledTemplates, messages, tabs);
    }

    static final class CompiledPageResolver implements ViewResolver, Ordered {

        private final TemplateEngine templates;
        private final MessageSource messages;
        private final ObjectProvider<FileTabs> tabs;
        /** The file's tabs, found once (looking the bean up cost 4 % of a dossier page); null until then. */
        private volatile FileTabs fileTabs;
        /** Whether a view name has a compiled template: asked on every request, found out once. */
        private final Map<String, Boolean> known = new ConcurrentHashMap<>();

        CompiledPageResolver(TemplateEngine templates, MessageSource messages, ObjectProvider<FileTabs> tabs) {
            this.templates = templates;
            this.messages = messages;
            this.tabs = tabs;
        }

        @Override
        public View resolveViewName(String viewName, Locale locale) {
            if (viewName.indexOf(':') >= 0) {
                return null; // redirect:, forward:, fragment selectors: not ours
            }
            String template = viewName + ".jte";
            boolean compiled = known.computeIfAbsent(viewName, n -> templates.hasTemplate(template));
            return compiled ? new CompiledPageView(template) : null;
        }

        @Override
        public int getOrder() {
            return ORDER;
        }

        private FileTabs fileTabs() {
            FileTabs found = fileTabs;
            if (found == null) {
                found = tabs.getIfAvailable();
                fileTabs = found;
            }
            return found;
        }

        final class CompiledPageView implements View {

            private final String template;

            CompiledPageView(String template) {
                this.template = template;
            }

            @Override
            public String getContentType() {
                return "text/html;charset=UTF-8";
            }

            @Override
            public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response) throws Exception {
                Map<String, Object> params = new HashMap<>(model == null ? Map.of() : model);
                params.put("page", new PageContext(params, request, messages, fileTabs(), templates));
                StringOutput html = new StringOutput(16 * 1024);
                templates.render(template, params, new WrittenTextOutput(html));
                byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
                response.setContentType(getContentType());
                response.setContentLength(body.length);
                response.getOutputStream().write(body);
            }
        }
    }
}
